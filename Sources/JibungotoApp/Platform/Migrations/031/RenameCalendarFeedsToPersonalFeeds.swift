import Fluent
import SQLKit

/// The dialogue calendar's feed tokens become everyone's groupware address (`PersonalFeed`):
/// the same token now also opens the daily digest of home notices. Renamed, not copied, so
/// every address already given to a calendar keeps working.
struct RenameCalendarFeedsToPersonalFeeds: AsyncMigration {
    func prepare(on database: Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw AnonymousTable.Unsupported() }
        try await sql.raw("ALTER TABLE dialogue_calendar_feeds RENAME TO personal_feeds").run()
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw AnonymousTable.Unsupported() }
        try await sql.raw("ALTER TABLE personal_feeds RENAME TO dialogue_calendar_feeds").run()
    }
}
