import Fluent
import Foundation
import JibungotoDomain
import Vapor

/// The signed-in user as the proposal pages see them: the office (HR), a reader of every review,
/// and the sections whose implementation they report.
struct ProposalReader: Sendable {
    let user: SignedInUser
    let staff: StaffMember?
    let department: SectionCode?
    let isSecretariat: Bool
    let readsAllReviews: Bool
    /// The sections the reader reports implementation for: nil for every section (HR), empty for none.
    let implementationUnits: Set<SectionCode>?

    static func resolve(_ request: Request) async throws -> ProposalReader {
        let user = try request.requireUser()
        let staff = try await StaffMember.query(on: request.db).filter(\.$staffNumber == user.staffNumber).first()
        let tree = try await request.currentOrganization()
        let units: Set<SectionCode>?
        switch user.scope(of: .reportProposalImplementation) {
        case .all?: units = nil
        case let scope? where scope != .own: units = try await OrganizationScope.units(for: request, scope: scope)
        default: units = []
        }
        return ProposalReader(
            user: user, staff: staff, department: staff?.currentSectionCode.flatMap { tree.department(of: $0)?.code },
            isSecretariat: user.scope(of: .manageProposals) != nil, readsAllReviews: user.scope(of: .reviewProposals) != nil,
            implementationUnits: units)
    }

    var staffNumber: StaffNumber { user.staffNumber }

    /// Whether the reader reports implementation for `section`.
    func reportsImplementation(for section: SectionCode?) -> Bool {
        guard let section else { return false }
        return implementationUnits?.contains(section) ?? true
    }

    /// How the reader stands to a proposal, given their own author row and whether they review it.
    func viewer(of proposal: Proposal, authorship: ProposalAuthor?, isReviewer: Bool) -> ProposalViewer {
        ProposalViewer(
            isLead: authorship?.isLead == true,
            isCoAuthor: authorship.map { !$0.isLead && $0.status == .confirmed } ?? false,
            isInvitedCoAuthor: authorship.map { !$0.isLead && $0.status == .invited } ?? false,
            isSecretariat: isSecretariat, readsAllReviews: readsAllReviews, isReviewer: isReviewer,
            isResponsibleSection: reportsImplementation(for: proposal.requestedSectionCode))
    }

    /// Whether a call takes this reader's submissions today.
    func maySubmit(to call: ProposalCall, today: LocalDate) -> Bool {
        staff != nil && call.accepts(today: today) && call.admits(department: department)
    }
}

/// A proposal with everything its pages and steps need, as one reader sees it.
struct ProposalContext: Sendable {
    let proposal: Proposal
    let call: ProposalCall
    let authors: [ProposalAuthor]
    let reviews: [ProposalReview]
    let viewer: ProposalViewer

    var id: UUID { proposal.id ?? UUID() }

    var parameter: RouteParameter { .id(id) }

    var disclosure: ProposalDisclosure { proposal.disclosure(in: call) }

    /// The lead and every co-author who has not declined: no one of them reviews it.
    var authorNumbers: [StaffNumber] { authors.filter { $0.status != .declined }.map(\.staffNumber) }

    /// The lead and the co-authors who confirmed: the proposal's authors in the ledger and the collection.
    var confirmedAuthors: [ProposalAuthor] { authors.filter { $0.status == .confirmed } }

    var reviewerNumbers: [StaffNumber] { reviews.map(\.reviewerStaffNumber) }

    /// The proposal the `proposalID` parameter names; 404 when there is none or the reader may not
    /// see it (a draft is its authors' only; a call may keep proposals from staff until answered).
    static func load(_ request: Request, reader: ProposalReader) async throws -> ProposalContext {
        guard let id = request.parameters.get("proposalID", as: UUID.self),
              let proposal = try await Proposal.query(on: request.db).filter(\.$id == id).with(\.$call).first()
        else { throw Abort(.notFound) }
        let context = try await load(proposal, reader: reader, on: request.db)
        guard ProposalVisibility.sees(context.viewer, context.disclosure) else { throw Abort(.notFound) }
        return context
    }

    static func load(_ proposal: Proposal, reader: ProposalReader, on database: any Database) async throws -> ProposalContext {
        let id = try proposal.requireID()
        let authors = try await ProposalAuthor.query(on: database).filter(\.$proposal.$id == id).all()
            .sorted { ($0.isLead ? 0 : 1, $0.staffNumber) < ($1.isLead ? 0 : 1, $1.staffNumber) }
        let reviews = try await ProposalReview.query(on: database).filter(\.$proposal.$id == id).sort(\.$reviewerStaffNumber).all()
        let viewer = reader.viewer(of: proposal, authorship: authors.first { $0.staffNumber == reader.staffNumber },
                                   isReviewer: reviews.contains { $0.reviewerStaffNumber == reader.staffNumber })
        return ProposalContext(proposal: proposal, call: proposal.call, authors: authors, reviews: reviews, viewer: viewer)
    }
}

/// Loading what the proposal pages share.
enum ProposalLoading {
    /// The staff records of these numbers, by number.
    static func staff(_ numbers: [StaffNumber], on database: any Database) async throws -> [StaffNumber: StaffMember] {
        var staff: [StaffNumber: StaffMember] = [:]
        for chunk in Array(Set(numbers)).chunked(into: 500) {
            for member in try await StaffMember.query(on: database).filter(\.$staffNumber ~~ Array(chunk)).all() { staff[member.staffNumber] = member }
        }
        return staff
    }

    /// The submitted versions of a proposal, oldest first.
    static func versions(of proposalID: UUID, on database: any Database) async throws -> [ProposalVersion] {
        try await ProposalVersion.query(on: database).filter(\.$proposal.$id == proposalID).sort(\.$number).all()
    }

    /// The calls the reader may submit to today, newest first.
    static func openCalls(for reader: ProposalReader, today: LocalDate, on database: any Database) async throws -> [ProposalCall] {
        try await ProposalCall.query(on: database).filter(\.$closesOn >= today).sort(\.$opensOn, .descending).all()
            .filter { reader.maySubmit(to: $0, today: today) }
    }

    /// The fiscal year a page asks for with `fy`, or today's.
    static func fiscalYear(_ request: Request) -> Int {
        (try? request.query.get(Int.self, at: "fy")) ?? request.today.fiscalYear.startYear
    }

    /// Staff proposals › `last`.
    static func breadcrumbs(_ request: Request, proposal: Proposal? = nil, last: String? = nil) -> [Breadcrumb] {
        var crumbs = [Breadcrumb(label: request.t("proposals.title"), href: proposal == nil && last == nil ? nil : ProposalRoute.list.path)]
        if let proposal, let id = proposal.id {
            crumbs.append(Breadcrumb(label: proposal.title, href: last == nil ? nil : ProposalRoute.proposal(.id(id)).path))
        }
        if let last { crumbs.append(Breadcrumb(label: last, href: nil)) }
        return crumbs
    }
}
