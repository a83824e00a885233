import Fluent
import Foundation
import JibungotoDomain
import Vapor

/// Staff proposals (PRODUCT.md "Proposals", the paper's §6-2: more staff business proposals
/// adopted): calls, proposals written alone or with co-authors, comments and 共感, review by
/// assigned reviewers, outcomes with their official answers, requests to sections and their
/// implementation, the figures per fiscal year and the yearly collection.
enum ProposalsModule: AppModule {
    /// How long a change of a proposal's state stays on its authors' home page.
    static let noticeDays = 14

    static func register(on routes: any RoutesBuilder, app: Application) {
        ProposalRoutes().register(on: routes)
        ProposalReactionRoutes().register(on: routes)
        ProposalReviewRoutes().register(on: routes)
        ProposalImplementationRoutes().register(on: routes)
        ProposalCallRoutes().register(on: routes)
        ProposalFigureRoutes().register(on: routes)
        app.navigation.add(NavigationEntry(labelKey: "proposals.nav", href: ProposalRoute.list.path, permission: .submitProposals))
        app.homeNotices.add(invitationsAwaitingAnswer)
        app.homeNotices.add(changesForAuthors)
        app.homeNotices.add(reviewsAwaiting)
        app.homeNotices.add(requestsAwaiting)
    }

    /// A co-author is asked on their home page until they confirm or decline.
    @Sendable static func invitationsAwaitingAnswer(_ request: Request, _ user: SignedInUser) async throws -> [HomeNotice] {
        let invited = try await ProposalAuthor.query(on: request.db).filter(\.$staffNumber == user.staffNumber).filter(\.$status == .invited)
            .with(\.$proposal).all().filter { $0.proposal.state == .draft }
        return invited.map { row in
            HomeNotice(message: request.t("proposals.notice.invited", row.proposal.title), href: ProposalRoute.proposal(.id(row.$proposal.id)).path,
                       linkLabel: request.t("proposals.notice.answerInvitation"))
        }
    }

    /// The authors are told of each proposal's latest change made by someone else (an outcome only
    /// once its answer is published), for `noticeDays` days.
    @Sendable static func changesForAuthors(_ request: Request, _ user: SignedInUser) async throws -> [HomeNotice] {
        let mine = try await ProposalAuthor.query(on: request.db).filter(\.$staffNumber == user.staffNumber).filter(\.$status == .confirmed).all()
            .map(\.$proposal.id)
        guard !mine.isEmpty else { return [] }
        let since = request.now.addingTimeInterval(-Double(noticeDays) * 86_400)
        let events = try await ProposalEvent.query(on: request.db).filter(\.$proposal.$id ~~ mine).filter(\.$shownToAuthors == true)
            .filter(\.$occurredAt >= since).filter(\.$actorStaffNumber != user.staffNumber).with(\.$proposal)
            .sort(\.$occurredAt, .descending).sort(\.$sequence, .descending).all()
        var told: Set<UUID> = []
        return events.filter { told.insert($0.$proposal.id).inserted }.map { event in
            let title = event.proposal.title
            let message = event.kind == .answerPublished
                ? request.t("proposals.notice.published", title)
                : request.t("proposals.notice.changed", title, ProposalWords.state(event.toState ?? event.proposal.state, request.localizer))
            return HomeNotice(message: message, href: ProposalRoute.proposal(.id(event.$proposal.id)).path, linkLabel: request.t("proposals.notice.open"))
        }
    }

    /// A reviewer sees how many proposals under review wait for their scores.
    @Sendable static func reviewsAwaiting(_ request: Request, _ user: SignedInUser) async throws -> [HomeNotice] {
        let count = try await ProposalReview.query(on: request.db).filter(\.$reviewerStaffNumber == user.staffNumber).filter(\.$evaluatedAt == nil)
            .with(\.$proposal).all().filter { $0.proposal.state == .underReview }.count
        guard count > 0 else { return [] }
        return [HomeNotice(message: request.t("proposals.notice.reviews", count: count, String(count)), href: ProposalRoute.desk.path,
                           linkLabel: request.t("proposals.notice.openDesk"))]
    }

    /// A section manager (or department head) sees how many requests to their sections have not started.
    @Sendable static func requestsAwaiting(_ request: Request, _ user: SignedInUser) async throws -> [HomeNotice] {
        // HR follows every request from the office's pages; the notice is for the sections asked.
        guard let scope = user.scope(of: .reportProposalImplementation), scope != .all else { return [] }
        let reader = try await ProposalReader.resolve(request)
        let count = try await Proposal.query(on: request.db).filter(\.$state ~~ [.implementationRequested, .considerationRequested]).all()
            .filter { reader.reportsImplementation(for: $0.requestedSectionCode) }.count
        guard count > 0 else { return [] }
        return [HomeNotice(message: request.t("proposals.notice.requests", count: count, String(count)), href: ProposalRoute.requests.path,
                           linkLabel: request.t("proposals.notice.openRequests"))]
    }
}
