import Fluent
import JibungotoDomain
import Vapor

/// A personal calendar of one's registrations, for the groupware calendar. Calendar programs
/// cannot sign in, so the address holds the secret token of one's groupware address
/// (`PersonalFeed`, issued, replaced and stopped on the account's page).
struct CalendarFeedRoutes {
    func register(on routes: any RoutesBuilder) {
        // The calendar program's request: no session, the token is the only key.
        routes.on(.GET, SessionRoute.calendarFeed(.pattern), requires: .visitor, shows: .nothing, use: feed)
    }

    /// The feed: the token's owner's sessions with a seat (confirmed) or a waiting place
    /// (tentative), from a year back on; an unknown token is not found.
    @Sendable func feed(_ request: Request) async throws -> Response {
        guard let owner = try await PersonalFeed.owner(ofAddress: request.parameters.get("calendarToken"), suffix: ".ics", on: request.db) else {
            throw Abort(.notFound)
        }
        let rows = try await DialogueRegistration.query(on: request.db).filter(\.$staffNumber == owner)
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
