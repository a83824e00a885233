import Fluent
import Foundation
import JibungotoDomain

/// The administrator's account list: one row per account, searched by staff number or name.
enum AccountListPage {
    struct Content: Encodable, Sendable {
        let query: String
        let searchAction: String
        let newAccountHref: String
        let bulkHref: String
        let leaversAction: String
        let csrfToken: String
        let rows: [Row]
        let pagination: Pagination
    }

    struct Row: Encodable, Sendable {
        let staffNumber: StaffNumber
        let displayName: String
        let roleNames: String
        let isActive: Bool
        let href: String
    }

    /// `users` with their roles loaded; `query` the search as typed.
    static func build(users: [User], query: String, pagination: Pagination, csrfToken: String, localizer: Localizer) throws -> Content {
        let rows = try users.map { user in
            Row(
                staffNumber: user.staffNumber,
                displayName: user.displayName,
                roleNames: localizer.list(user.roles.map(\.role).sorted().map { localizer.t($0.messageKey) }),
                isActive: user.isActive,
                href: AdminRoute.account(.id(try user.requireID())).path
            )
        }
        return Content(
            query: query,
            searchAction: AdminRoute.accounts.path,
            newAccountHref: AdminRoute.newAccount.path,
            bulkHref: AdminRoute.bulkAccounts.path,
            leaversAction: AdminRoute.deactivateLeavers.path,
            csrfToken: csrfToken,
            rows: rows,
            pagination: pagination
        )
    }
}
