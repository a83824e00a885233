import Foundation
import JibungotoDomain

/// One local issue: what was raised where, where it was routed and by when an answer is
/// expected (overdue ones say they have gone up to the department head), the answer, the
/// history of every change — a corrected routing included — and, for the section answering it,
/// the forms to take it up, answer it (from a response template) or correct its routing.
enum IssuePage {
    struct Content: Encodable, Sendable {
        let title: String
        let district: String
        let districtHref: String?
        let details: String
        let place: String?
        let raisedAt: String?
        let category: String
        let section: String
        let receivedOn: String
        let routedOn: String
        let expectedOn: String
        let isOverdue: Bool
        /// 「期限を過ぎたため、市民生活部の部長に上がっています。」
        let escalation: String?
        let status: String
        let response: String?
        let difficultyReason: String?
        let respondedOn: String?
        let events: [Event]
        let statusForm: FormModel?
        let templateForm: FormModel?
        let routingForm: FormModel?
    }

    struct Event: Encodable, Sendable {
        let occurredAt: String
        let what: String
        let actor: String
        let note: String?
    }

    struct Input: Sendable {
        let issue: LocalIssue
        let districtHref: String?
        let dialogueRecord: DistrictDialogueRecord?
        let events: [LocalIssueEvent]
        let categoryNames: [UUID: Bilingual]
        let sectionNames: [SectionCode: Bilingual]
        /// The department the responsible section belongs to, whose head an overdue issue goes up to.
        let department: Bilingual?
        let staff: [StaffNumber: StaffMember]
        let today: LocalDate
        let statusForm: FormModel?
        let templateForm: FormModel?
        let routingForm: FormModel?
    }

    static func build(_ input: Input, localizer: Localizer) -> Content {
        let issue = input.issue
        func section(_ code: SectionCode) -> String { input.sectionNames[code].map(localizer.text) ?? code.rawValue }
        func category(_ id: UUID) -> String { input.categoryNames[id].map(localizer.text) ?? "" }
        let overdue = issue.isOverdue(today: input.today)
        let events = input.events.sorted { $0.occurredAt < $1.occurredAt }.map { event -> Event in
            let what: String
            switch event.kind {
            case .recorded:
                what = localizer.t("dialogue.issue.event.recorded", category(event.categoryID), section(event.sectionCode))
            case .statusChanged:
                what = localizer.t("dialogue.issue.event.statusChanged", DistrictText.status(event.status, localizer))
            case .rerouted:
                what = localizer.t("dialogue.issue.event.rerouted", event.previousCategoryID.map(category) ?? "",
                                   event.previousSectionCode.map(section) ?? "", category(event.categoryID), section(event.sectionCode),
                                   localizer.date(event.expectedOn))
            }
            return Event(occurredAt: localizer.timestamp(event.occurredAt), what: what,
                         actor: input.staff[event.actor]?.name ?? event.actor.rawValue, note: event.note.isEmpty ? nil : event.note)
        }
        return Content(
            title: issue.title, district: localizer.text(issue.district.name), districtHref: input.districtHref,
            details: issue.details, place: issue.place.isEmpty ? nil : issue.place,
            raisedAt: input.dialogueRecord.map { localizer.t("dialogue.issue.raisedAtRecord", localizer.date($0.heldOn), $0.place) },
            category: localizer.text(issue.category.name), section: section(issue.sectionCode),
            receivedOn: localizer.date(issue.receivedOn), routedOn: localizer.date(issue.routedOn), expectedOn: localizer.date(issue.expectedOn),
            isOverdue: overdue,
            escalation: overdue ? localizer.t("dialogue.issue.escalated", input.department.map(localizer.text) ?? section(issue.sectionCode)) : nil,
            status: DistrictText.status(issue.status, localizer),
            response: issue.response.isEmpty ? nil : issue.response,
            difficultyReason: issue.difficultyReason.isEmpty ? nil : issue.difficultyReason,
            respondedOn: issue.respondedOn.map(localizer.date),
            events: events, statusForm: input.statusForm, templateForm: input.templateForm, routingForm: input.routingForm)
    }
}
