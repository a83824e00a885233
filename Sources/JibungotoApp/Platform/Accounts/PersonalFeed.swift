import Fluent
import Foundation
import JibungotoDomain

/// A person's address for their groupware. Programs that read feeds (a groupware's portlet, a
/// calendar) cannot sign in, so one secret token in the address opens that person's feeds: the
/// daily digest of their home page's notices and, for those who take part in dialogue, the
/// calendar of their registrations. Only the token's SHA-256 (`TokenHash`) is kept, as for
/// sessions, so a copy of the database opens no one's feed. One per person; issuing again
/// replaces it.
final class PersonalFeed: Model, @unchecked Sendable {
    static let schema = "personal_feeds"

    @ID(key: .id) var id: UUID?
    @Field(key: "staff_number") var staffNumber: StaffNumber
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

extension PersonalFeed {
    convenience init(staffNumber: StaffNumber, tokenHash: String, createdAt: Date) {
        self.init()
        self.staffNumber = staffNumber
        self.tokenHash = tokenHash
        self.createdAt = createdAt
    }

    /// The owner of the feed address that ends in `token` + `suffix` (".xml", ".ics"): nil for
    /// any other ending, an empty token or one that opens no feed — every module's feed reads
    /// its owner here.
    static func owner(ofAddress parameter: String?, suffix: String, on database: any Database) async throws -> StaffNumber? {
        guard let parameter, parameter.hasSuffix(suffix) else { return nil }
        let token = String(parameter.dropLast(suffix.count))
        guard !token.isEmpty else { return nil }
        return try await query(on: database).filter(\.$tokenHash == TokenHash.hex(token)).first()?.staffNumber
    }
}
