import Fluent
import Foundation
import JibungotoDomain

/// A person's calendar feed of their registrations. Calendar programs cannot sign in, so the feed's
/// address carries a secret token; only its SHA-256 (`TokenHash`) is kept, as for sessions, so a
/// copy of the database opens no one's feed. One per person; issuing again replaces it.
final class DialogueCalendarFeed: Model, @unchecked Sendable {
    static let schema = "dialogue_calendar_feeds"

    @ID(key: .id) var id: UUID?
    @Field(key: "staff_number") var staffNumber: StaffNumber
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

extension DialogueCalendarFeed {
    convenience init(staffNumber: StaffNumber, tokenHash: String, createdAt: Date) {
        self.init()
        self.staffNumber = staffNumber
        self.tokenHash = tokenHash
        self.createdAt = createdAt
    }
}
