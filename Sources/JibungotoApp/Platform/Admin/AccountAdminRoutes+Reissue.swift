import Fluent
import JibungotoDomain
import Vapor

/// Re-issue of an initial password for an account whose holder lost theirs or never signed in:
/// a confirmation page, then a one-person slip on the printed list's sheet, shown this once.
extension AccountAdminRoutes {
    @Sendable func confirmReissue(_ request: Request) async throws -> Response {
        let user = try await findAccount(request)
        if let refusal = try ownAccountRefusal(request, account: user) { return refusal }
        try await request.audit(.view, subjectType: "account", subjectID: user.staffNumber)
        let titleArguments = [user.staffNumber.rawValue, user.displayName]
        return try await request.renderPage(
            "platform/admin-account-reissue",
            title: "admin.accounts.reissue.title",
            titleArguments: titleArguments,
            breadcrumbs: breadcrumbs(request) + [
                Breadcrumb(label: request.t("admin.accounts.edit", titleArguments), href: AdminRoute.account(.id(try user.requireID())).path),
                Breadcrumb(label: request.t("admin.accounts.reissue.open"), href: nil),
            ],
            content: try PasswordReissuePage.build(account: user, csrfToken: request.csrfToken)
        )
    }

    @Sendable func reissue(_ request: Request) async throws -> Response {
        let user = try await findAccount(request)
        if let refusal = try ownAccountRefusal(request, account: user) { return refusal }
        // Everything the slip needs is read first: once the password is changed, this response
        // is the only place the new one ever appears.
        let organization = try await request.currentOrganization()
        let entry = try await AccountLifecycle.masterEntries(for: [user.staffNumber], today: request.today, on: request.db)[user.staffNumber]
        let password = try await AccountLifecycle.reissuePassword(of: user, request: request)
        let response = try await request.renderPage(
            "platform/admin-accounts-printed",
            title: "admin.accounts.reissue.printedTitle",
            breadcrumbs: breadcrumbs(request) + [Breadcrumb(label: request.t("admin.accounts.reissue.printedTitle"), href: nil)],
            content: PrintedPasswordsPage.reissued(
                account: AccountLifecycle.CreatedAccount(
                    staffNumber: user.staffNumber, name: user.displayName, sectionCode: entry?.sectionCode, password: password),
                organization: organization,
                madeOn: request.today,
                localizer: request.localizer
            )
        )
        // Nothing may keep a copy of the password: not the browser's cache, not a proxy.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// An administrator's own password is changed on their own password page: a re-issue would
    /// end the very session asking for it.
    private func ownAccountRefusal(_ request: Request, account: User) throws -> Response? {
        let id = try account.requireID()
        let administrator = try request.requireUser()
        guard id == administrator.id else { return nil }
        request.flash(.error, request.t("admin.accounts.reissue.notOwn"))
        return request.redirect(to: AdminRoute.account(.id(id)).path)
    }
}
