import Fluent
import JibungotoDomain
import Vapor

/// The demo city's sign-in accounts: one per role, all with the demo password. The city is
/// fictional (not the paper's), and the login page says so.
public enum DemoAccounts {
    struct Account: Sendable {
        let staffNumber: StaffNumber
        let displayName: String
        let roles: [Role]
    }

    static let all: [Account] = [
        Account(staffNumber: "D0001", displayName: "青木 花子", roles: [.staff]),
        Account(staffNumber: "D0002", displayName: "石田 誠", roles: [.staff, .sectionManager]),
        Account(staffNumber: "D0003", displayName: "上野 浩二", roles: [.staff, .departmentHead]),
        Account(staffNumber: "D0004", displayName: "江藤 美咲", roles: [.staff, .hr]),
        Account(staffNumber: "D0005", displayName: "大野 翔太", roles: [.staff, .promotionTeam]),
        Account(staffNumber: "D0006", displayName: "加藤 由美", roles: [.staff, .districtLiaison]),
        Account(staffNumber: "D0007", displayName: "木村 健", roles: [.staff, .administrator]),
    ]

    /// Creates the demo accounts, or resets their roles and password, in one transaction.
    public static func load(on app: Application) async throws {
        let hash = try await app.password.async.hash(app.jibungotoSettings.demoPassword)
        try await app.db.writeTransaction { database in
            for account in all {
                let user = try await User.query(on: database).filter(\.$staffNumber == account.staffNumber).first()
                    ?? User(staffNumber: account.staffNumber, displayName: account.displayName, passwordHash: hash)
                user.displayName = account.displayName
                user.passwordHash = hash
                user.isActive = true
                try await user.save(on: database)
                let id = try user.requireID()
                try await UserRole.query(on: database).filter(\.$user.$id == id).delete()
                for role in account.roles {
                    try await UserRole(userID: id, role: role).create(on: database)
                }
            }
        }
    }

    /// One line per role for the console, printed when a demo instance starts.
    public static func loginSummary(password: String) -> [String] {
        all.map { account in
            "  \(account.staffNumber)  \(account.roles.last!.rawValue)  (\(account.displayName))  password: \(password)"
        }
    }
}
