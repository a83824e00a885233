import Fluent
import Foundation
import JibungotoDomain

/// One role held by an account; an account holds any number of them.
final class UserRole: Model, @unchecked Sendable {
    static let schema = "user_roles"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "role") var role: Role

    init() {}

    /// The fields for Fluent, instead of reflection on each row: roles are read this way at
    /// sign-in and on the account pages (every request reads them with `SignedInUser.load`)
    /// (`ModelPropertyListTests` checks the list against reflection).
    var properties: [any AnyProperty] { [$id, $user, $role] }

    init(userID: UUID, role: Role) {
        self.$user.id = userID
        self.role = role
    }
}

extension DateDisplay {
    /// 和暦 unless the user chooses otherwise: what a Japanese city's documents use.
    static let defaultValue = DateDisplay.wareki
}
