import JibungotoDomain
import Fluent
import Vapor

/// Creates an account from the command line, e.g. the first administrator of a fresh installation.
public enum AccountBootstrap {
    public enum Failure: Error, CustomStringConvertible {
        case passwordTooShort(minimum: Int)
        case invalidField(name: String)
        case exists(staffNumber: String)

        public var description: String {
            switch self {
            case .passwordTooShort(let minimum):
                "パスワードは\(minimum)文字以上にしてください。\nThe password must be at least \(minimum) characters."
            case .invalidField(let name):
                "\(name) が空か長すぎます。\n\(name) is empty or too long."
            case .exists(let staffNumber):
                "職員番号 \(staffNumber) のアカウントは既にあります。\nAn account with staff number \(staffNumber) already exists."
            }
        }
    }

    public static func create(staffNumber: String, name: String, roles: Set<Role>, password: String, on app: Application) async throws {
        let number = StaffNumber.normalise(staffNumber)
        guard !number.isEmpty, number.count <= LoginRoutes.staffNumberMaxLength else { throw Failure.invalidField(name: "--staff-number") }
        // A staff member of the master goes by the master's name; `name` is for an installation
        // whose master is not imported yet.
        let master = try await AccountLifecycle.masterEntries(for: [StaffNumber(number)], today: app.clock.today, on: app.db)
        let displayName = master[StaffNumber(number)]?.name ?? name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !displayName.isEmpty, displayName.count <= AccountAdminRoutes.displayNameMaxLength else { throw Failure.invalidField(name: "--name") }
        guard password.count >= AccountRoutes.passwordMinLength, password.count <= LoginRoutes.passwordMaxLength else {
            throw Failure.passwordTooShort(minimum: AccountRoutes.passwordMinLength)
        }
        guard try await User.query(on: app.db).filter(\.$staffNumber == StaffNumber(number)).count() == 0 else {
            throw Failure.exists(staffNumber: number)
        }
        let user = User(staffNumber: StaffNumber(number), displayName: displayName, passwordHash: try await app.password.async.hash(password))
        try await app.db.writeTransaction { database in
            try await user.create(on: database)
            for role in roles.union([.staff]).sorted() {
                try await UserRole(userID: try user.requireID(), role: role).create(on: database)
            }
        }
    }
}
