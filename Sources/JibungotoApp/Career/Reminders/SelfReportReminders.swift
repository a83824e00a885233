import Fluent
import JibungotoDomain
import Vapor

/// Reminders (督促) to submit the self-report: from a round's completion page (or the home page),
/// HR reminds everyone who has not submitted, a department head their department, a manager their
/// section; each person reminded sees a banner with the round's deadline on their home page until
/// they submit or the round closes.
enum SelfReportReminders {
    static func register(on routes: any RoutesBuilder, app: Application) {
        // The completion page's button posts to the page's own address (with its ?section=).
        routes.on(.POST, CareerRoute.cycle(.pattern), requires: .permission(.viewSelfReportCompletion), shows: .nothing, use: send)
        app.homeNotices.add(notices)
    }

    struct SendForm: Content {
        /// Set by the home page's button, so the sender comes back there.
        var return_to: String?
    }

    @Sendable static func send(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("cycleID", as: UUID.self), let cycle = try await SelfReportCycle.find(id, on: request.db) else {
            throw Abort(.notFound)
        }
        let user = try request.requireUser()
        let scope = try request.scope(of: .viewSelfReportCompletion)
        let tree = try await request.currentOrganization()
        let reachable = try await SelfReportReach.units(request, scope: scope)
        if let reachable, reachable.isEmpty { throw Abort(.forbidden) }
        let asked = (try? request.query.get(String.self, at: "section")).flatMap { $0.isEmpty ? nil : SectionCode($0) }
        if let asked, tree.units[asked] == nil || reachable.map({ !$0.contains(asked) }) == true {
            throw Abort(.forbidden)
        }
        let input = try request.content.decode(SendForm.self)
        let back = input.return_to == PlatformRoute.home.path ? PlatformRoute.home.path
            : asked.map { CareerRoute.cycle(.id(id)).path(query: [("section", $0.rawValue)]) } ?? CareerRoute.cycle(.id(id)).path
        guard cycle.round.isOpen(today: request.today) else {
            request.flash(.error, request.t("reminder.roundNotOpen", cycle.title))
            return request.redirect(to: back)
        }
        let statuses = try await SelfReportRounds.statuses(of: cycle, on: request.db)
        let recipients = try await SelfReportReach.targets(of: cycle, in: asked.map(tree.subtree(of:)) ?? reachable, tree: tree, on: request.db)
            .filter { statuses[$0.staffNumber] != true }
            .sorted { $0.kanaSearch < $1.kanaSearch }
        guard !recipients.isEmpty else {
            request.flash(.info, request.t("reminder.nobody", cycle.title))
            return request.redirect(to: back)
        }
        let now = request.now
        let reminders = recipients.map { SelfReportReminder(cycleID: id, staffNumber: $0.staffNumber, sentBy: user.staffNumber, sentAt: now) }
        try await request.db.writeTransaction { database in
            try await ChunkedInsert.create(reminders, on: database)
            try await request.audit(.create, subjectType: "self_report_reminder", subjectID: cycle.title,
                                    detail: recipients.map(\.staffNumber.rawValue).joined(separator: ","), on: database)
        }
        request.flash(.success, request.t("reminder.sent", count: recipients.count, String(recipients.count), cycle.title))
        return request.redirect(to: back)
    }

    /// The newest reminder of each open round the user has not submitted yet, as a banner.
    @Sendable static func notices(_ request: Request, _ user: SignedInUser) async throws -> [HomeNotice] {
        let reminders = try await SelfReportReminder.query(on: request.db).filter(\.$staffNumber == user.staffNumber)
            .sort(\.$sentAt, .descending).all()
        guard !reminders.isEmpty else { return [] }
        let submitted = Set(try await SelfReport.query(on: request.db).filter(\.$staffNumber == user.staffNumber)
            .filter(\.$submittedAt != nil).all().map { $0.$cycle.id })
        var seen: Set<UUID> = []
        var notices: [HomeNotice] = []
        for reminder in reminders {
            guard seen.insert(reminder.cycleID).inserted, !submitted.contains(reminder.cycleID),
                  let cycle = try await SelfReportCycle.find(reminder.cycleID, on: request.db), cycle.round.isOpen(today: request.today) else { continue }
            // The home page shows no one else's name, so the banner says when, not who.
            notices.append(HomeNotice(
                message: request.t("reminder.notice", request.localizer.timestamp(reminder.sentAt), cycle.title, cycle.deadlineText(request.localizer)),
                href: CareerRoute.selfReport.path,
                linkLabel: request.t("selfReport.open")))
        }
        return notices
    }
}
