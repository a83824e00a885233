import Foundation
import JibungotoDomain

/// The sign-in page: the form, a notice (expired session, refused sign-in, wait), and on a demo
/// server the demo accounts with their shared password.
enum LoginPage {
    struct Content: Encodable, Sendable {
        let form: FormModel
        let notice: Flash?
        let demo: DemoLogins?
    }

    struct DemoLogins: Encodable, Sendable {
        let password: String
        let accounts: [DemoLogin]
    }

    struct DemoLogin: Encodable, Sendable {
        let staffNumber: StaffNumber
        let roleName: String
    }

    /// `demoPassword` is given only on a demo server; without it the demo accounts are not shown.
    static func build(form: FormModel, notice: Flash?, demoPassword: String?, localizer: Localizer) -> Content {
        let demo = demoPassword.map { password in
            DemoLogins(
                password: password,
                accounts: DemoAccounts.all.map { DemoLogin(staffNumber: $0.staffNumber, roleName: $0.roles.map { localizer.t($0.messageKey) }.joined(separator: "・")) }
            )
        }
        return Content(form: form, notice: notice, demo: demo)
    }
}
