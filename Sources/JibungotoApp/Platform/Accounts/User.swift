import Fluent
import Foundation
import JibungotoDomain

/// An account: a staff member who can sign in, with the roles that decide what they may open.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "staff_number") var staffNumber: StaffNumber
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @OptionalField(key: "language") var language: Language?
    @Field(key: "date_display") var dateDisplay: DateDisplay
    @Field(key: "is_active") var isActive: Bool
    /// Set when the account was made with an initial password handed out on paper.
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Children(for: \.$user) var roles: [UserRole]

    init() {}

    /// The fields for Fluent, instead of reflection on each row: accounts are read this way at
    /// sign-in and on the account pages (every request reads one with `SignedInUser.load`)
    /// (`ModelPropertyListTests` checks the list against reflection).
    var properties: [any AnyProperty] { [$id, $staffNumber, $displayName, $passwordHash, $language, $dateDisplay, $isActive, $mustChangePassword, $createdAt, $updatedAt, $roles] }

    init(staffNumber: StaffNumber, displayName: String, passwordHash: String) {
        self.staffNumber = staffNumber
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.dateDisplay = DateDisplay.defaultValue
        self.isActive = true
        self.mustChangePassword = false
    }
}
