import Fluent
import JibungotoDomain
import Vapor

/// Dialogue (PRODUCT.md "Dialogue"; the paper's change to create, §6-2: more opportunities for
/// dialogue): sessions with registration, the waiting list, attendance and findings; series;
/// interviews; self-study groups; the personal calendar feed; the districts with their liaison
/// staff, citizen dialogue records and local issues routed to sections. Attendance writes the
/// participation ledger.
enum DialogueModule: AppModule {
    static func register(on routes: any RoutesBuilder, app: Application) {
        SessionRoutes().register(on: routes)
        DistrictsPart.register(on: routes, app: app)
        app.navigation.add(NavigationEntry(labelKey: "nav.dialogue", href: SessionRoute.list.path, permission: .takePartInDialogue))
        app.homeNotices.add(movedUpFromWaitingList)
        app.homeNotices.add(joinRequestsWaiting)
        app.personalFeeds.add(PersonalFeedKind(titleKey: "dialogue.session.calendar.title", descriptionKey: "dialogue.session.calendar.intro",
                                               permission: .takePartInDialogue, address: { SessionRoute.feed(token: $0).path }))
    }

    /// One whom a cancellation moved up from the waiting list is told on their home page until the session.
    @Sendable static func movedUpFromWaitingList(_ request: Request, _ user: SignedInUser) async throws -> [HomeNotice] {
        let rows = try await DialogueRegistration.query(on: request.db).filter(\.$staffNumber == user.staffNumber)
            .filter(\.$status == .registered).filter(\.$promotedAt != nil).with(\.$session).all()
        return rows.filter { $0.session.date >= request.today }.sorted { $0.session.time < $1.session.time }.compactMap { row in
            guard let id = row.session.id else { return nil }
            return HomeNotice(message: request.t("dialogue.session.notice.movedUp", row.session.title, SessionText.when(row.session.time, request.localizer)),
                              href: SessionRoute.session(.id(id)).path, linkLabel: request.t("dialogue.session.notice.open"))
        }
    }

    /// A study group's leaders see how many ask to join.
    @Sendable static func joinRequestsWaiting(_ request: Request, _ user: SignedInUser) async throws -> [HomeNotice] {
        let led = try await StudyGroupMember.query(on: request.db).filter(\.$staffNumber == user.staffNumber).filter(\.$status == .member)
            .filter(\.$isLeader == true).with(\.$group).all()
        var notices: [HomeNotice] = []
        for leader in led {
            let waiting = try await StudyGroupMember.query(on: request.db).filter(\.$group.$id == leader.$group.id).filter(\.$status == .requested).count()
            guard waiting > 0 else { continue }
            notices.append(HomeNotice(message: request.t("dialogue.studyGroup.notice.requests", count: waiting, leader.group.title, String(waiting)),
                                      href: SessionRoute.studyGroup(.id(leader.$group.id)).path, linkLabel: request.t("dialogue.studyGroup.notice.answer")))
        }
        return notices
    }
}
