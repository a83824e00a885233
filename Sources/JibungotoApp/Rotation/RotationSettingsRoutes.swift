import Fluent
import JibungotoDomain
import Vapor

/// The municipality's rotation rules, the same form for one scenario's own rules, and the
/// collaboration-post compliance view the rules aim at.
struct RotationSettingsRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, RotationRoute.settings, requires: .permission(.planRotation), shows: .nothing, use: settings)
        routes.on(.POST, RotationRoute.settings, requires: .permission(.planRotation), shows: .nothing, use: saveSettings)
        routes.on(.GET, RotationRoute.scenarioRules(.pattern), requires: .permission(.planRotation), shows: .nothing, use: scenarioRules)
        routes.on(.POST, RotationRoute.scenarioRules(.pattern), requires: .permission(.planRotation), shows: .nothing, use: saveScenarioRules)
        routes.on(.GET, RotationRoute.compliance, requires: .permission(.planRotation), shows: .viewed(subject: "collaboration_compliance"), use: compliance)
    }

    private func page(
        _ request: Request, title: String, titleArguments: [String] = [], breadcrumbs: [Breadcrumb], introKey: String,
        action: String?, settings: RotationRuleSettings, separateApprover: Bool? = nil, input: [String: String], validation: FormValidation
    ) async throws -> Response {
        var form: FormModel? = nil
        if let action {
            var fields = RotationRuleForm.fields(request: request, settings: settings, input: input)
            if let separateApprover { fields.insert(Self.separationField(request, value: input[Self.separationName] ?? (separateApprover ? "yes" : "no")), at: 0) }
            var model = FormModel(request: request, action: action, submitLabelKey: "form.save", fields: fields)
            model.apply(validation, request: request)
            form = model
        }
        return try await request.renderPage("rotation/rules", title: title, titleArguments: titleArguments, breadcrumbs: breadcrumbs,
                                            content: RotationRulesPage.build(introKey: introKey, form: form, localizer: request.localizer),
                                            status: validation.isValid ? .ok : .unprocessableEntity)
    }

    /// 起案/決裁: whether the drafter of a transfer list may approve it (the settings page only:
    /// it is the municipality's rule, not a scenario's).
    static let separationName = "separate_approver"

    static func separationField(_ request: Request, value: String) -> FormField {
        FormField(request: request, name: separationName, labelKey: "rotation.separateApprover", kind: .radios, options: ["yes", "no"].map {
            FormOption(value: $0, label: request.t("rotation.separateApprover." + $0), isSelected: $0 == value, fieldName: separationName)
        }, hintKey: "rotation.separateApproverHint")
    }

    private func settingsCrumbs(_ request: Request) -> [Breadcrumb] {
        [Breadcrumb(label: request.t("rotation.title"), href: RotationRoute.scenarios.path), Breadcrumb(label: request.t("rotation.settings"), href: nil)]
    }

    @Sendable func settings(_ request: Request) async throws -> Response {
        try await page(request, title: "rotation.settings", breadcrumbs: settingsCrumbs(request), introKey: "rotation.settingsIntro",
                       action: RotationRoute.settings.path, settings: try await RotationRuleSettings.load(on: request.db),
                       separateApprover: try await RotationSettingsRecord.query(on: request.db).first()?.separateApprover ?? false, input: [:],
                       validation: FormValidation(request: request))
    }

    @Sendable func saveSettings(_ request: Request) async throws -> Response {
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let existing = try await RotationSettingsRecord.query(on: request.db).first()
        // A form without the choice (an older page) keeps the current rule.
        var separateApprover = existing?.separateApprover ?? false
        switch input[Self.separationName] {
        case nil: break
        case "yes": separateApprover = true
        case "no": separateApprover = false
        default: validation.fail(Self.separationName, "form.invalidChoice", request.t("rotation.separateApprover"))
        }
        let parsed = RotationRuleForm.parse(input, validation: &validation)
        guard validation.isValid, let settings = parsed else {
            return try await page(request, title: "rotation.settings", breadcrumbs: settingsCrumbs(request), introKey: "rotation.settingsIntro",
                                  action: RotationRoute.settings.path, settings: RotationRuleSettings(), separateApprover: separateApprover,
                                  input: input, validation: validation)
        }
        let record = existing ?? RotationSettingsRecord()
        record.rules = settings.encoded()
        record.separateApprover = separateApprover
        record.updatedBy = try request.requireUser().staffNumber.rawValue
        try await record.save(on: request.db)
        try await request.audit(.update, subjectType: "rotation_settings", detail: "separate_approver=\(separateApprover) " + record.rules)
        request.flash(.success, request.t("rotation.settingsSaved"))
        return request.redirect(to: RotationRoute.settings.path)
    }

    @Sendable func scenarioRules(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        return try await scenarioPage(request, scenario: scenario, settings: RotationRuleSettings.decode(scenario.rules), input: [:], validation: FormValidation(request: request))
    }

    private func scenarioPage(
        _ request: Request, scenario: RotationScenario, settings: RotationRuleSettings, input: [String: String], validation: FormValidation
    ) async throws -> Response {
        try await page(request, title: "rotation.scenarioRulesTitle", titleArguments: [scenario.name],
                       breadcrumbs: ScenarioRoutes.breadcrumbs(request, scenario: scenario) + [Breadcrumb(label: request.t("rotation.scenarioRules"), href: nil)],
                       introKey: "rotation.scenarioRulesIntro",
                       action: scenario.isApproved ? nil : RotationRoute.scenarioRules(.id(try scenario.requireID())).path,
                       settings: settings, input: input, validation: validation)
    }

    @Sendable func saveScenarioRules(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        if let refusal = try ScenarioRoutes.refuseIfApproved(scenario, request: request) { return refusal }
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        guard let settings = RotationRuleForm.parse(input, validation: &validation) else {
            return try await scenarioPage(request, scenario: scenario, settings: RotationRuleSettings.decode(scenario.rules), input: input, validation: validation)
        }
        scenario.rules = settings.encoded()
        ScenarioPlanning.touch(scenario)
        try await scenario.save(on: request.db)
        try await request.audit(.update, subjectType: "rotation_scenario", subjectID: scenario.name, detail: "rules")
        request.flash(.success, request.t("rotation.scenarioRulesSaved"))
        return request.redirect(to: RotationRoute.scenario(.id(try scenario.requireID())).path)
    }

    // MARK: - Compliance

    @Sendable func compliance(_ request: Request) async throws -> Response {
        let today = request.today
        let settings = try await RotationRuleSettings.load(on: request.db)
        let staff = try await StaffMember.query(on: request.db).filter(\.$employmentType == .regular).all()
        let assignments = try await Assignment.query(on: request.db).all().map(\.record)
        let posts = try await CollaborationPosts.load(on: request.db)
        let records = staff.map(\.record)
        // 市民協働部署の経験 on a day, by the city's settings (the rule: `CollaborationCompliance`).
        func report(asOf: LocalDate) -> CollaborationCompliance.Report {
            CollaborationCompliance.report(staff: records, assignments: assignments, posts: posts, asOf: asOf,
                                           earlyCareerYears: settings.earlyCareerYears, riskYears: settings.minYearsInPost)
        }
        let now = report(asOf: today)
        let trend = CollaborationTrend.years(today: today) { report(asOf: $0) }
        let tree = try await request.currentOrganization()
        let byNumber = Dictionary(staff.map { ($0.staffNumber, $0) }, uniquingKeysWith: { a, _ in a })
        let atRisk = now.atRisk.map { person in
            CompliancePage.AtRisk(
                              section: byNumber[person.staffNumber]?.currentSectionCode.flatMap { tree.units[$0] }.map { request.text($0.localizedName) } ?? "",
                              person: person)
        }
        try await request.audit(.view, subjectType: "collaboration_compliance")
        return try await request.renderPage(
            "rotation/compliance", title: "rotation.complianceTitle",
            breadcrumbs: [Breadcrumb(label: request.t("rotation.title"), href: RotationRoute.scenarios.path), Breadcrumb(label: request.t("rotation.complianceTitle"), href: nil)],
            content: CompliancePage.build(today: today, periodYears: settings.earlyCareerYears, report: now, trend: trend, atRisk: atRisk, localizer: request.localizer))
    }
}
