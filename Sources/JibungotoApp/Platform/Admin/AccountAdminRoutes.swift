import JibungotoDomain
import Fluent
import Vapor

/// The administrator's accounts and roles pages.
struct AccountAdminRoutes {
    static let displayNameMaxLength = 100

    func register(on routes: any RoutesBuilder) {
        let access = Access.permission(.manageAccounts)
        routes.on(.GET, AdminRoute.accounts, requires: access, shows: .viewed(subject: "account"), use: list)
        routes.on(.GET, AdminRoute.newAccount, requires: access, shows: .nothing, use: showNew)
        routes.on(.POST, AdminRoute.newAccount, requires: access, shows: .nothing, use: create)
        routes.on(.GET, AdminRoute.bulkAccounts, requires: access, shows: .nothing, use: showBulk)
        routes.on(.POST, AdminRoute.bulkAccounts, requires: access, shows: .nothing, maxBodySize: Self.maximumListSize, use: createBulk)
        routes.on(.POST, AdminRoute.deactivateLeavers, requires: access, shows: .nothing, use: deactivateLeavers)
        routes.on(.GET, AdminRoute.account(.pattern), requires: access, shows: .viewed(subject: "account"), use: showEdit)
        routes.on(.POST, AdminRoute.account(.pattern), requires: access, shows: .nothing, use: update)
        routes.on(.GET, AdminRoute.reissuePassword(.pattern), requires: access, shows: .viewed(subject: "account"), use: confirmReissue)
        routes.on(.POST, AdminRoute.reissuePassword(.pattern), requires: access, shows: .nothing, use: reissue)
    }

    struct FormContent: Encodable, Sendable {
        let form: FormModel
        /// The page that re-issues an initial password; on another administrator's or a staff
        /// member's account only.
        let reissueHref: String?
    }

    /// The name is not a field: an account takes it from the staff master.
    struct AccountForm: Content {
        var staff_number: String?
        var roles: [String]?
        var is_active: [String]?
        var password: String?
    }

    func breadcrumbs(_ request: Request) -> [Breadcrumb] {
        [Breadcrumb(label: request.t("admin.accounts.title"), href: AdminRoute.accounts.path)]
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let query = ((try? request.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        let page = Pagination.requestedPage(request)
        var builder = User.query(on: request.db)
        if !query.isEmpty {
            let normalised = StaffNumber.normalise(query)
            builder = builder.group(.or) {
                $0.filter(\.$staffNumber, containsLiterally: normalised)
                    .filter(\.$displayName, containsLiterally: query)
            }
        }
        let total = try await builder.count()
        let users = try await builder.with(\.$roles).sort(\.$staffNumber)
            .range(((page - 1) * Pagination.perPage)..<(page * Pagination.perPage)).all()
        try await request.audit(.view, subjectType: "account", detail: "list q=\(query) page=\(page)")
        return try await request.renderPage(
            "platform/admin-accounts",
            title: "admin.accounts.title",
            breadcrumbs: breadcrumbs(request),
            content: AccountListPage.build(
                users: users, query: query,
                pagination: Pagination(request: request, route: AdminRoute.accounts, filters: [("q", query)], page: page, total: total),
                csrfToken: request.csrfToken,
                localizer: request.localizer
            )
        )
    }

    @Sendable func showNew(_ request: Request) async throws -> Response {
        try await formPage(request, account: nil, input: AccountForm(), validation: FormValidation(request: request))
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(AccountForm.self)
        var validation = FormValidation(request: request)
        let staffNumber = StaffNumber.normalise(validation.text("staff_number", input.staff_number, labelKey: "account.staffNumber", maxLength: LoginRoutes.staffNumberMaxLength))
        let roles = parseRoles(input.roles, validation: &validation)
        validation.checkNewPassword(input.password ?? "", field: "password")
        // An account belongs to a staff member of the master, who is still there, and takes the master's name.
        var entry: AccountLifecycle.MasterEntry?
        if !staffNumber.isEmpty && validation.errors["staff_number"] == nil {
            entry = try await AccountLifecycle.masterEntries(for: [StaffNumber(staffNumber)], today: request.today, on: request.db)[StaffNumber(staffNumber)]
            if entry == nil {
                validation.fail("staff_number", "admin.accounts.notInMaster", staffNumber)
            } else if entry?.hasLeft == true {
                validation.fail("staff_number", "admin.accounts.hasLeft", staffNumber)
            } else if try await User.query(on: request.db).filter(\.$staffNumber == StaffNumber(staffNumber)).count() > 0 {
                validation.fail("staff_number", "admin.accounts.duplicate", staffNumber)
            }
        }
        guard validation.isValid, let entry else {
            return try await formPage(request, account: nil, input: input, validation: validation)
        }
        let hash = try await request.password.async.hash(input.password ?? "")
        let user = User(staffNumber: StaffNumber(staffNumber), displayName: entry.name, passwordHash: hash)
        try await request.db.writeTransaction { database in
            try await user.create(on: database)
            try await replaceRoles(of: user, with: roles, on: database)
            try await request.audit(.create, subjectType: "account", subjectID: staffNumber, detail: roles.map(\.rawValue).sorted().joined(separator: ","), on: database)
        }
        request.flash(.success, request.t("admin.accounts.created", staffNumber))
        return request.redirect(to: AdminRoute.accounts.path)
    }

    @Sendable func showEdit(_ request: Request) async throws -> Response {
        let user = try await findAccount(request)
        try await request.audit(.view, subjectType: "account", subjectID: user.staffNumber)
        let input = AccountForm(
            staff_number: user.staffNumber.rawValue,
            roles: user.roles.map(\.role.rawValue),
            is_active: user.isActive ? ["1"] : [],
            password: nil
        )
        return try await formPage(request, account: user, input: input, validation: FormValidation(request: request))
    }

    @Sendable func update(_ request: Request) async throws -> Response {
        let user = try await findAccount(request)
        let input = try request.content.decode(AccountForm.self)
        var validation = FormValidation(request: request)
        let roles = parseRoles(input.roles, validation: &validation)
        let isActive = input.is_active?.contains("1") ?? false
        let password = input.password ?? ""
        if !password.isEmpty { validation.checkNewPassword(password, field: "password") }
        if try user.requireID() == request.requireUser().id && (!isActive || !roles.contains(.administrator)) {
            validation.fail("roles", "admin.accounts.cannotLockOutSelf")
        }
        guard validation.isValid else {
            var shown = input
            shown.staff_number = user.staffNumber.rawValue
            return try await formPage(request, account: user, input: shown, validation: validation)
        }
        // The master's name wins; an account outside the master keeps the name it was made with.
        if let entry = try await AccountLifecycle.masterEntries(for: [user.staffNumber], today: request.today, on: request.db)[user.staffNumber] {
            user.displayName = entry.name
        }
        user.isActive = isActive
        if !password.isEmpty {
            user.passwordHash = try await request.password.async.hash(password)
        }
        try await request.db.writeTransaction { database in
            try await user.save(on: database)
            try await replaceRoles(of: user, with: roles, on: database)
            try await request.audit(.update, subjectType: "account", subjectID: user.staffNumber,
                                    detail: "roles=\(roles.map(\.rawValue).sorted().joined(separator: ",")) active=\(isActive) password=\(password.isEmpty ? "kept" : "reset")",
                                    on: database)
            // A reset password or a closed account must not stay signed in anywhere.
            if !password.isEmpty || !isActive {
                try await HashedSessionDriver.endSessions(ofUser: user.requireID(), on: database)
            }
        }
        request.flash(.success, request.t("admin.accounts.updated", user.staffNumber.rawValue))
        return request.redirect(to: AdminRoute.accounts.path)
    }

    func findAccount(_ request: Request) async throws -> User {
        guard let id = request.parameters.get("accountID", as: UUID.self),
              let user = try await User.query(on: request.db).filter(\.$id == id).with(\.$roles).first()
        else { throw Abort(.notFound) }
        return user
    }

    private func parseRoles(_ values: [String]?, validation: inout FormValidation) -> Set<Role> {
        var roles = Set<Role>()
        for value in values ?? [] {
            guard let role = Role(rawValue: value) else {
                validation.fail("roles", "form.invalidChoice", validation.request.t("account.roles"))
                continue
            }
            roles.insert(role)
        }
        if roles.isEmpty { validation.fail("roles", "admin.accounts.rolesRequired") }
        return roles
    }

    private func replaceRoles(of user: User, with roles: Set<Role>, on database: any Database) async throws {
        let id = try user.requireID()
        try await UserRole.query(on: database).filter(\.$user.$id == id).delete()
        for role in roles.sorted() {
            try await UserRole(userID: id, role: role).create(on: database)
        }
    }

    private func formPage(_ request: Request, account: User?, input: AccountForm, validation: FormValidation) async throws -> Response {
        let selectedRoles = Set(input.roles ?? [])
        var fields: [FormField] = []
        if account == nil {
            fields.append(FormField(request: request, name: "staff_number", labelKey: "account.staffNumber", value: input.staff_number ?? "",
                                    hintKey: "admin.accounts.staffNumberHint", isRequired: true, autocomplete: "off", maxLength: LoginRoutes.staffNumberMaxLength))
        }
        fields.append(FormField(request: request, name: "roles", labelKey: "account.roles", kind: .checkboxes,
                                options: Role.allCases.map {
                                    FormOption(value: $0.rawValue, label: request.t($0.messageKey), isSelected: selectedRoles.contains($0.rawValue), fieldName: "roles")
                                }, isRequired: true))
        if account != nil {
            fields.append(FormField(request: request, name: "is_active", labelKey: "account.status", kind: .checkboxes,
                                    options: [FormOption(value: "1", label: request.t("account.active"), isSelected: input.is_active?.contains("1") ?? false, fieldName: "is_active")]))
        }
        fields.append(FormField(request: request, name: "password", labelKey: account == nil ? "account.initialPassword" : "account.resetPassword",
                                kind: .password, hintKey: account == nil ? "password.rules" : "account.resetPasswordHint",
                                isRequired: account == nil, autocomplete: "new-password", maxLength: LoginRoutes.passwordMaxLength))
        let action = try account.map { AdminRoute.account(.id(try $0.requireID())).path } ?? AdminRoute.newAccount.path
        var form = FormModel(request: request, action: action, submitLabelKey: "form.save", fields: fields)
        form.apply(validation, request: request)
        let title = account == nil ? "admin.accounts.new" : "admin.accounts.edit"
        let titleArguments = [account?.staffNumber.rawValue ?? "", account?.displayName ?? ""]
        var reissueHref: String? = nil
        if let account, try account.requireID() != request.requireUser().id {
            reissueHref = AdminRoute.reissuePassword(.id(try account.requireID())).path
        }
        return try await request.renderPage(
            "platform/admin-account-form",
            title: title,
            titleArguments: titleArguments,
            breadcrumbs: breadcrumbs(request) + [Breadcrumb(label: request.t(title, titleArguments), href: nil)],
            content: FormContent(form: form, reissueHref: reissueHref),
            status: validation.isValid ? .ok : .unprocessableEntity
        )
    }
}
