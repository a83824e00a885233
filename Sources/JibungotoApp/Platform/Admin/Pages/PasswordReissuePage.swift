import JibungotoDomain

/// The confirmation before an initial password is re-issued: whose account, and what the
/// button does (the page's words say it: the old password stops working, every sign-in ends,
/// the new one must be changed at the next sign-in and is printed once).
enum PasswordReissuePage {
    struct Content: Encodable, Sendable {
        let staffNumber: StaffNumber
        let name: String
        /// A closed account keeps its password unusable until it is opened again: said before the re-issue.
        let isActive: Bool
        let action: String
        let backHref: String
        let csrfToken: String
    }

    static func build(account: User, csrfToken: String) throws -> Content {
        let id = try account.requireID()
        return Content(
            staffNumber: account.staffNumber,
            name: account.displayName,
            isActive: account.isActive,
            action: AdminRoute.reissuePassword(.id(id)).path,
            backHref: AdminRoute.account(.id(id)).path,
            csrfToken: csrfToken
        )
    }
}
