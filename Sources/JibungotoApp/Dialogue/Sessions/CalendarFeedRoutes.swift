import Fluent
import JibungotoDomain
import Vapor

/// A personal calendar feed of one's registrations, for the groupware calendar. Calendar programs
/// cannot sign in, so the feed's address holds a secret token; the database keeps only its hash
/// (as it does for sessions), so the address is shown once, when issued. Issuing again replaces
/// it (the old address stops working); stopping removes it.
struct CalendarFeedRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, SessionRoute.calendarFeedSettings, requires: .permission(.takePartInDialogue), shows: .nothing, use: show)
        routes.on(.POST, SessionRoute.calendarFeedSettings, requires: .permission(.takePartInDialogue), shows: .nothing, use: change)
        // The calendar program's request: no session, the token is the only key.
        routes.on(.GET, SessionRoute.calendarFeed(.pattern), requires: .visitor, shows: .nothing, use: feed)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await page(request, issuedToken: nil)
    }

    @Sendable func change(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let action = try request.content.decode([String: String].self)["action"] ?? ""
        switch action {
        case "issue":
            let token = HashedSessionDriver.newID().string
            let now = request.now
            try await request.db.writeTransaction { database in
                try await DialogueCalendarFeed.query(on: database).filter(\.$staffNumber == user.staffNumber).delete()
                try await DialogueCalendarFeed(staffNumber: user.staffNumber, tokenHash: TokenHash.hex(token), createdAt: now).create(on: database)
                try await request.audit(.create, subjectType: "dialogue_calendar_feed", subjectID: user.staffNumber, on: database)
            }
            // Shown on this response only: the database cannot give the address back.
            return try await page(request, issuedToken: token)
        case "stop":
            try await request.db.writeTransaction { database in
                try await DialogueCalendarFeed.query(on: database).filter(\.$staffNumber == user.staffNumber).delete()
                try await request.audit(.update, subjectType: "dialogue_calendar_feed", subjectID: user.staffNumber, detail: "stopped", on: database)
            }
            request.flash(.success, request.t("dialogue.session.calendar.stopped"))
            return request.redirect(to: SessionRoute.calendarFeedSettings.path)
        default:
            throw Abort(.badRequest)
        }
    }

    private func page(_ request: Request, issuedToken: String?) async throws -> Response {
        let user = try request.requireUser()
        let feed = try await DialogueCalendarFeed.query(on: request.db).filter(\.$staffNumber == user.staffNumber).first()
        return try await request.renderPage(
            "dialogue/session-calendar", title: "dialogue.session.calendar.title",
            breadcrumbs: DialogueLoading.breadcrumbs(request, [(request.t("dialogue.session.calendar.title"), nil)]),
            content: CalendarFeedPage.build(issuedAt: feed?.createdAt, issuedHref: issuedToken.map { SessionRoute.feed(token: $0).path },
                                            action: SessionRoute.calendarFeedSettings.path, csrfToken: request.csrfToken, localizer: request.localizer))
    }

    /// The feed: the token's owner's sessions with a seat (confirmed) or a waiting place
    /// (tentative), from a year back on; an unknown token is not found.
    @Sendable func feed(_ request: Request) async throws -> Response {
        let parameter = request.parameters.get("calendarToken") ?? ""
        guard parameter.hasSuffix(".ics") else { throw Abort(.notFound) }
        let token = String(parameter.dropLast(4))
        guard !token.isEmpty,
              let feed = try await DialogueCalendarFeed.query(on: request.db).filter(\.$tokenHash == TokenHash.hex(token)).first()
        else { throw Abort(.notFound) }
        let rows = try await DialogueRegistration.query(on: request.db).filter(\.$staffNumber == feed.staffNumber)
            .filter(\.$status != .cancelled).with(\.$session).all()
            .filter { $0.session.date >= request.today.adding(days: -365) }
            .sorted { $0.session.time < $1.session.time }
        let localizer = request.localizer
        let events = rows.map { row in
            SessionCalendar.event(row.session, status: row.status, seesLink: row.status == .registered, localizer: localizer)
        }
        return SessionCalendar.response(ICalendar.document(events: events, name: localizer.t("dialogue.session.calendar.feedName"), stamp: request.now),
                                        filename: "dialogue.ics")
    }
}
