import JibungotoDomain
import Fluent
import Vapor

/// Sign-in, sign-out and the language switch.
struct LoginRoutes {
    static let staffNumberMaxLength = 32
    static let passwordMaxLength = 128

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, PlatformRoute.login, requires: .visitor, shows: .nothing, use: show)
        routes.on(.POST, PlatformRoute.login, requires: .visitor, shows: .nothing, use: submit)
        routes.on(.POST, PlatformRoute.logout, requires: .visitor, shows: .nothing, use: logout)
        routes.on(.POST, PlatformRoute.language, requires: .visitor, shows: .nothing, use: switchLanguage)
    }

    struct LoginForm: Content {
        var staff_number: String?
        var password: String?
        var next: String?
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        if request.currentUser != nil {
            return request.redirect(to: PlatformRoute.home.path)
        }
        let expired = (try? request.query.get(String.self, at: "expired")) == "1"
        let requested = (try? request.query.get(String.self, at: "next")) ?? ""
        let next = Self.safeRedirect(requested) == requested ? requested : ""
        return try await page(
            request,
            staffNumber: "",
            next: next,
            notice: expired ? Flash(kind: .info, message: request.t("login.expired")) : nil,
            validation: FormValidation(request: request)
        )
    }

    @Sendable func submit(_ request: Request) async throws -> Response {
        let input = try request.content.decode(LoginForm.self)
        var validation = FormValidation(request: request)
        let staffNumber = validation.text("staff_number", input.staff_number, labelKey: "login.staffNumber", maxLength: Self.staffNumberMaxLength)
        let password = input.password ?? ""
        if password.isEmpty {
            validation.fail("password", "form.required", request.t("login.password"))
        } else if password.count > Self.passwordMaxLength {
            validation.fail("password", "form.tooLong", request.t("login.password"), String(Self.passwordMaxLength))
        }
        let next = input.next ?? ""
        guard validation.isValid else {
            return try await page(request, staffNumber: staffNumber, next: next, notice: nil, validation: validation, status: .unprocessableEntity)
        }

        let throttle = request.loginThrottle
        let accountKey = StaffNumber.normalise(staffNumber)
        let address = request.clientAddress
        let knownDevice = try await KnownDevice.isKnown(request, accountKey: accountKey)
        if case .wait(let seconds) = try await throttle.verdict(accountKey: accountKey, address: address, knownDevice: knownDevice) {
            try await request.audit(.loginFailed, subjectType: "account", subjectID: staffNumber, detail: "throttled")
            request.application.appMetrics.throttledLogins.increment()
            let notice = Flash(kind: .error, message: request.t("login.throttled", request.waitText(seconds: seconds)))
            let response = try await page(request, staffNumber: staffNumber, next: next, notice: notice, validation: validation, status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        }

        let user = try await User.query(on: request.db)
            .filter(\.$staffNumber == StaffNumber(accountKey))
            .filter(\.$isActive == true)
            .with(\.$roles)
            .first()
        // Verify against a fixed hash when the account is unknown, so timing does not tell.
        let hash = user?.passwordHash ?? request.application.unknownAccountHash
        let verify: @Sendable () async -> Bool = { (try? await request.password.async.verify(password, created: hash)) ?? false }
        let matches = knownDevice ? await verify() : await request.application.passwordCheckGate.run(verify)
        guard let user, matches else {
            try await throttle.record(accountKey: accountKey, address: address, succeeded: false)
            try await request.audit(.loginFailed, subjectType: "account", subjectID: staffNumber)
            request.application.appMetrics.invalidCredentials.increment()
            let notice = Flash(kind: .error, message: request.t("login.invalid"))
            return try await page(request, staffNumber: staffNumber, next: next, notice: notice, validation: validation, status: .unauthorized)
        }
        try await throttle.record(accountKey: accountKey, address: address, succeeded: true)
        try await throttle.prune()
        try await request.signIn(user)
        try await request.audit(.login, subjectType: "account", subjectID: user.staffNumber)
        let destination: String
        if user.mustChangePassword {
            request.flash(.info, request.t("password.changeInitial"))
            destination = AccountRoute.password.path
        } else {
            destination = Self.safeRedirect(next)
        }
        let response = request.redirect(to: destination)
        try await KnownDevice.remember(request, accountKey: accountKey, response: response)
        return response
    }

    @Sendable func logout(_ request: Request) async throws -> Response {
        if let user = request.currentUser {
            try await request.audit(.logout, subjectType: "account", subjectID: user.staffNumber)
        }
        request.signOut()
        return request.redirect(to: PlatformRoute.login.path)
    }

    struct LanguageForm: Content {
        var language: String
        var return_to: String?
    }

    @Sendable func switchLanguage(_ request: Request) async throws -> Response {
        let input = try request.content.decode(LanguageForm.self)
        guard let language = Language(rawValue: input.language) else {
            throw Abort(.badRequest, reason: "unknown language")
        }
        if let user = request.currentUser {
            try await User.query(on: request.db).filter(\.$id == user.id)
                .set(\.$language, to: language).update()
        }
        request.session.data[LocaleMiddleware.sessionKey] = language.rawValue
        return request.redirect(to: Self.safeRedirect(input.return_to ?? ""))
    }

    /// Only a path of this application: it starts with one `/`, and holds nothing but the
    /// printable ASCII of a URL (browsers drop tabs and newlines and read `\` as `/`, so
    /// `/\t/evil.example` and `/\evil.example` would leave the site). Anything else goes home.
    static func safeRedirect(_ target: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?%")
        guard target.hasPrefix("/"), !target.hasPrefix("//"),
              target.unicodeScalars.allSatisfy({ allowed.contains($0) }),
              let components = URLComponents(string: target),
              components.scheme == nil, components.host == nil,
              components.path.hasPrefix("/"), !components.path.hasPrefix("//")
        else {
            return PlatformRoute.home.path
        }
        return target
    }

    private func page(
        _ request: Request,
        staffNumber: String,
        next: String,
        notice: Flash?,
        validation: FormValidation,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        var form = FormModel(request: request, action: PlatformRoute.login.path, submitLabelKey: "login.submit", fields: [
            FormField(request: request, name: "staff_number", labelKey: "login.staffNumber", value: staffNumber,
                      isRequired: true, autocomplete: "username", maxLength: Self.staffNumberMaxLength),
            FormField(request: request, name: "password", labelKey: "login.password", kind: .password,
                      isRequired: true, autocomplete: "current-password", maxLength: Self.passwordMaxLength),
            FormField(request: request, name: "next", labelKey: "login.next", kind: .hidden, value: next),
        ])
        form.apply(validation, request: request)
        let settings = request.application.jibungotoSettings
        return try await request.renderPage(
            "platform/login",
            title: "login.title",
            content: LoginPage.build(form: form, notice: notice, demoPassword: settings.isDemo ? settings.demoPassword : nil, localizer: request.localizer),
            status: status
        )
    }
}
