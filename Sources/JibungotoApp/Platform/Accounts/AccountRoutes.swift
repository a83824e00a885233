import JibungotoDomain
import Fluent
import Vapor

/// The signed-in user's own settings: language, calendar for dates, password.
struct AccountRoutes {
    static let passwordMinLength = 10

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, AccountRoute.settings, requires: .permission(.useApplication), shows: .nothing, use: showSettings)
        routes.on(.POST, AccountRoute.settings, requires: .permission(.useApplication), shows: .nothing, use: saveSettings)
        routes.on(.GET, AccountRoute.password, requires: .permission(.useApplication), shows: .nothing, use: showPassword)
        routes.on(.POST, AccountRoute.password, requires: .permission(.useApplication), shows: .nothing, use: savePassword)
    }

    struct FormContent: Encodable, Sendable {
        let form: FormModel
    }

    struct SettingsForm: Content {
        var language: String?
        var date_display: String?
    }

    struct PasswordForm: Content {
        var current_password: String?
        var new_password: String?
        var confirm_password: String?
    }

    private var breadcrumbs: (Request) -> [Breadcrumb] {
        { [Breadcrumb(label: $0.t("account.title"), href: AccountRoute.settings.path)] }
    }

    @Sendable func showSettings(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        return try await settingsPage(request, language: user.language ?? request.language, dateDisplay: user.dateDisplay)
    }

    @Sendable func saveSettings(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try request.content.decode(SettingsForm.self)
        var validation = FormValidation(request: request)
        let language = Language(rawValue: input.language ?? "")
        let dateDisplay = DateDisplay(rawValue: input.date_display ?? "")
        if language == nil { validation.fail("language", "form.invalidChoice", request.t("account.language")) }
        if dateDisplay == nil { validation.fail("date_display", "form.invalidChoice", request.t("account.dateDisplay")) }
        guard let language, let dateDisplay else {
            return try await settingsPage(request, language: language ?? request.language, dateDisplay: dateDisplay ?? user.dateDisplay, validation: validation)
        }
        try await User.query(on: request.db).filter(\.$id == user.id)
            .set(\.$language, to: language)
            .set(\.$dateDisplay, to: dateDisplay)
            .update()
        request.session.data[LocaleMiddleware.sessionKey] = language.rawValue
        request.preferences = DisplayPreferences(language: language, dateDisplay: dateDisplay)
        request.flash(.success, request.t("account.saved"))
        return request.redirect(to: AccountRoute.settings.path)
    }

    private func settingsPage(
        _ request: Request,
        language: Language,
        dateDisplay: DateDisplay,
        validation: FormValidation? = nil
    ) async throws -> Response {
        var form = FormModel(request: request, action: AccountRoute.settings.path, submitLabelKey: "form.save", fields: [
            FormField(request: request, name: "language", labelKey: "account.language", kind: .radios,
                      options: Language.allCases.map {
                          FormOption(value: $0.rawValue, label: request.t("language.\($0.rawValue)"), isSelected: $0 == language, fieldName: "language")
                      }, isRequired: true),
            FormField(request: request, name: "date_display", labelKey: "account.dateDisplay", kind: .radios,
                      options: DateDisplay.allCases.map {
                          FormOption(value: $0.rawValue, label: request.t("dateDisplay.\($0.rawValue)"), isSelected: $0 == dateDisplay, fieldName: "date_display")
                      }, hintKey: "account.dateDisplayHint", isRequired: true),
        ])
        if let validation { form.apply(validation, request: request) }
        return try await request.renderPage(
            "platform/account",
            title: "account.title",
            breadcrumbs: breadcrumbs(request),
            content: AccountSettingsPage.build(form: form),
            status: validation.map { $0.isValid ? .ok : .unprocessableEntity } ?? .ok
        )
    }

    @Sendable func showPassword(_ request: Request) async throws -> Response {
        try await passwordPage(request, validation: FormValidation(request: request))
    }

    @Sendable func savePassword(_ request: Request) async throws -> Response {
        let signedIn = try request.requireUser()
        let input = try request.content.decode(PasswordForm.self)
        var validation = FormValidation(request: request)
        guard let user = try await User.find(signedIn.id, on: request.db) else { throw Abort(.unauthorized) }
        let current = input.current_password ?? ""
        let new = input.new_password ?? ""
        // Wrong current passwords are guesses too: throttled like sign-ins, on the same account.
        let throttle = request.loginThrottle
        let address = request.clientAddress
        if case .wait(let seconds) = try await throttle.verdict(accountKey: user.staffNumber.rawValue, address: address, knownDevice: false) {
            validation.fail("current_password", "password.throttled", request.waitText(seconds: seconds))
            let response = try await passwordPage(request, validation: validation, status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        }
        var currentMatches = false
        if !current.isEmpty, current.count <= LoginRoutes.passwordMaxLength {
            currentMatches = (try? await request.password.async.verify(current, created: user.passwordHash)) ?? false
            try await throttle.record(accountKey: user.staffNumber.rawValue, address: address, succeeded: currentMatches)
        }
        if current.isEmpty {
            validation.fail("current_password", "form.required", request.t("password.current"))
        } else if !currentMatches {
            validation.fail("current_password", "password.currentWrong")
        }
        validation.checkNewPassword(new, field: "new_password")
        if new != (input.confirm_password ?? "") {
            validation.fail("confirm_password", "password.mismatch")
        }
        if validation.isValid && new == current {
            validation.fail("new_password", "password.sameAsCurrent")
        }
        guard validation.isValid else {
            return try await passwordPage(request, validation: validation)
        }
        user.passwordHash = try await request.password.async.hash(new)
        user.mustChangePassword = false
        try await request.db.writeTransaction { database in
            try await user.save(on: database)
            try await HashedSessionDriver.endSessions(ofUser: user.requireID(), on: database)
        }
        request.rotateSession()
        request.flash(.success, request.t("password.changed"))
        return request.redirect(to: AccountRoute.settings.path)
    }

    private func passwordPage(_ request: Request, validation: FormValidation, status: HTTPResponseStatus? = nil) async throws -> Response {
        var form = FormModel(request: request, action: AccountRoute.password.path, submitLabelKey: "password.submit", fields: [
            FormField(request: request, name: "current_password", labelKey: "password.current", kind: .password,
                      isRequired: true, autocomplete: "current-password", maxLength: LoginRoutes.passwordMaxLength),
            FormField(request: request, name: "new_password", labelKey: "password.new", kind: .password,
                      hintKey: "password.rules", isRequired: true, autocomplete: "new-password", maxLength: LoginRoutes.passwordMaxLength),
            FormField(request: request, name: "confirm_password", labelKey: "password.confirm", kind: .password,
                      isRequired: true, autocomplete: "new-password", maxLength: LoginRoutes.passwordMaxLength),
        ])
        form.apply(validation, request: request)
        return try await request.renderPage(
            "platform/form-page",
            title: "password.title",
            breadcrumbs: breadcrumbs(request) + [Breadcrumb(label: request.t("password.title"), href: nil)],
            content: FormContent(form: form),
            status: status ?? (validation.isValid ? .ok : .unprocessableEntity)
        )
    }
}

extension FormValidation {
    /// The password rules, shared by the own-password form and the administrator's reset.
    mutating func checkNewPassword(_ password: String, field: String) {
        if password.count < AccountRoutes.passwordMinLength {
            fail(field, "password.tooShort", String(AccountRoutes.passwordMinLength))
        } else if password.count > LoginRoutes.passwordMaxLength {
            fail(field, "form.tooLong", request.t("password.new"), String(LoginRoutes.passwordMaxLength))
        }
    }
}
