import Fluent
import Foundation
import JibungotoDomain

/// An account: a staff member who can sign in, with the roles that decide what they may open.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "staff_number") var staffNumber: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @OptionalField(key: "language") var language: String?
    @Field(key: "date_display") var dateDisplay: String
    @Field(key: "is_active") var isActive: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Children(for: \.$user) var roles: [UserRole]

    init() {}

    init(staffNumber: String, displayName: String, passwordHash: String) {
        self.staffNumber = staffNumber
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.dateDisplay = DateDisplay.defaultValue.rawValue
        self.isActive = true
    }
}

/// One role held by an account; an account holds any number of them.
final class UserRole: Model, @unchecked Sendable {
    static let schema = "user_roles"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "role") var role: String

    init() {}

    init(userID: UUID, role: Role) {
        self.$user.id = userID
        self.role = role.rawValue
    }
}

extension DateDisplay {
    /// 和暦 unless the user chooses otherwise: what a Japanese city's documents use.
    static let defaultValue = DateDisplay.wareki
}
