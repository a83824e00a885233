import Fluent
import Foundation
import JibungotoDomain

/// A staff proposal (職員提案). The text fields are the authors' working text: editable in a draft
/// and after 差し戻し; what was submitted is kept as `ProposalVersion`s. The rest records the way
/// through review to implementation, each step also on the timeline (`ProposalEvent`).
final class Proposal: Model, @unchecked Sendable {
    static let schema = "proposals"

    @ID(key: .id) var id: UUID?
    @Parent(key: "call_id") var call: ProposalCall
    @Field(key: "state") var state: ProposalState
    @Field(key: "title") var title: String
    @Field(key: "category") var category: ProposalCategory
    /// The plan or policy measure it relates to (関連する計画・施策), free text.
    @Field(key: "related_measure") var relatedMeasure: String
    @Field(key: "problem") var problem: String
    @Field(key: "proposal_text") var proposalText: String
    @Field(key: "expected_effect") var expectedEffect: String
    @Field(key: "estimated_cost") var estimatedCost: String
    @Field(key: "lead_staff_number") var leadStaffNumber: StaffNumber
    @Field(key: "created_at") var createdAt: Date
    /// The fiscal year and number (第N号) given at first submission.
    @OptionalField(key: "fiscal_year") var fiscalYear: Int?
    @OptionalField(key: "number") var number: Int?
    @OptionalField(key: "submitted_on") var submittedOn: LocalDate?
    /// The lead author's section and department at first submission (the figures count by department).
    @OptionalField(key: "section_code") var sectionCode: SectionCode?
    @OptionalField(key: "department_code") var departmentCode: SectionCode?
    /// How many versions have been submitted.
    @Field(key: "version_count") var versionCount: Int
    /// The review's result and its official answer; hidden from authors and staff until published.
    @OptionalField(key: "outcome") var outcome: ProposalState?
    @OptionalField(key: "answer") var answer: String?
    @OptionalField(key: "answered_on") var answeredOn: LocalDate?
    @OptionalField(key: "answer_published_at") var answerPublishedAt: Date?
    /// What the authors were asked to change at the last 差し戻し.
    @OptionalField(key: "return_note") var returnNote: String?
    @OptionalField(key: "requested_section_code") var requestedSectionCode: SectionCode?
    /// 実施要請 or 検討要請: kept when the section moves the proposal on to 実施中.
    @OptionalField(key: "request_kind") var requestKind: ProposalState?
    @OptionalField(key: "request_note") var requestNote: String?
    @OptionalField(key: "requested_on") var requestedOn: LocalDate?
    @OptionalField(key: "implementation_started_on") var implementationStartedOn: LocalDate?
    @OptionalField(key: "implemented_on") var implementedOn: LocalDate?
    @OptionalField(key: "implementation_note") var implementationNote: String?

    init() {}

    var answerPublished: Bool { answerPublishedAt != nil }

    /// The proposal's identity in the participation ledger.
    var activityID: String { id?.uuidString.lowercased() ?? "" }

    /// The working text as the fields a version keeps.
    var text: ProposalText {
        ProposalText(title: title, relatedMeasure: relatedMeasure, problem: problem, proposal: proposalText,
                     expectedEffect: expectedEffect, estimatedCost: estimatedCost)
    }

    func apply(_ text: ProposalText) {
        title = text.title
        relatedMeasure = text.relatedMeasure
        problem = text.problem
        proposalText = text.proposal
        expectedEffect = text.expectedEffect
        estimatedCost = text.estimatedCost
    }

    var figureFacts: ProposalFigureFacts {
        ProposalFigureFacts(fiscalYear: fiscalYear, departmentCode: departmentCode, category: category, state: state,
                            outcome: outcome, answerPublished: answerPublished)
    }

    func disclosure(in call: ProposalCall) -> ProposalDisclosure {
        ProposalDisclosure(state: state, answerPublished: answerPublished, openToStaffBeforeReview: call.openToStaffBeforeReview,
                           answersPublishedToAll: call.answersPublishedToAll)
    }
}

/// The text of a proposal that versions keep and revisions compare.
struct ProposalText: Sendable, Equatable {
    var title: String
    var relatedMeasure: String
    var problem: String
    var proposal: String
    var expectedEffect: String
    var estimatedCost: String

    /// The fields in the order pages show them, with their label keys.
    var fields: [(labelKey: String, value: String)] {
        [("proposals.field.title", title), ("proposals.field.relatedMeasure", relatedMeasure), ("proposals.field.problem", problem),
         ("proposals.field.proposal", proposal), ("proposals.field.expectedEffect", expectedEffect), ("proposals.field.estimatedCost", estimatedCost)]
    }
}

extension Proposal {
    /// A draft in one line.
    convenience init(id: UUID? = nil, callID: UUID, category: ProposalCategory, text: ProposalText, lead: StaffNumber, createdAt: Date) {
        self.init()
        self.id = id
        self.$call.id = callID
        self.state = .draft
        self.category = category
        self.leadStaffNumber = lead
        self.createdAt = createdAt
        self.versionCount = 0
        apply(text)
    }
}
