import Fluent
import JibungotoDomain
import Vapor

/// The municipality's rotation rules, and the same form for one scenario's own rules.
struct RotationSettingsRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, RotationRoute.settings, requires: .permission(.planRotation), shows: .nothing, use: settings)
        routes.on(.POST, RotationRoute.settings, requires: .permission(.planRotation), shows: .nothing, use: saveSettings)
        routes.on(.GET, RotationRoute.scenarioRules(.pattern), requires: .permission(.planRotation), shows: .nothing, use: scenarioRules)
        routes.on(.POST, RotationRoute.scenarioRules(.pattern), requires: .permission(.planRotation), shows: .nothing, use: saveScenarioRules)
    }

    struct RulesContent: Encodable, Sendable {
        let intro: String
        let form: FormModel?
    }

    private func page(
        _ request: Request, title: String, titleArguments: [String] = [], breadcrumbs: [Breadcrumb], intro: String,
        action: String?, settings: RotationRuleSettings, input: [String: String], validation: FormValidation
    ) async throws -> Response {
        var form: FormModel? = nil
        if let action {
            var model = FormModel(request: request, action: action, submitLabelKey: "form.save",
                                  fields: RotationRuleForm.fields(request: request, settings: settings, input: input))
            model.apply(validation, request: request)
            form = model
        }
        return try await request.renderPage("rotation/rules", title: title, titleArguments: titleArguments, breadcrumbs: breadcrumbs,
                                            content: RulesContent(intro: intro, form: form), status: validation.isValid ? .ok : .unprocessableEntity)
    }

    private func settingsCrumbs(_ request: Request) -> [Breadcrumb] {
        [Breadcrumb(label: request.t("rotation.title"), href: RotationRoute.scenarios.path), Breadcrumb(label: request.t("rotation.settings"), href: nil)]
    }

    @Sendable func settings(_ request: Request) async throws -> Response {
        try await page(request, title: "rotation.settings", breadcrumbs: settingsCrumbs(request), intro: request.t("rotation.settingsIntro"),
                       action: RotationRoute.settings.path, settings: try await RotationRuleSettings.load(on: request.db), input: [:],
                       validation: FormValidation(request: request))
    }

    @Sendable func saveSettings(_ request: Request) async throws -> Response {
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        guard let settings = RotationRuleForm.parse(input, validation: &validation) else {
            return try await page(request, title: "rotation.settings", breadcrumbs: settingsCrumbs(request), intro: request.t("rotation.settingsIntro"),
                                  action: RotationRoute.settings.path, settings: RotationRuleSettings(), input: input, validation: validation)
        }
        let record = try await RotationSettingsRecord.query(on: request.db).first() ?? RotationSettingsRecord()
        record.rules = settings.encoded()
        record.updatedBy = try request.requireUser().staffNumber
        try await record.save(on: request.db)
        try await request.audit(.update, subjectType: "rotation_settings", detail: record.rules)
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
                       intro: request.t("rotation.scenarioRulesIntro"),
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
}

/// 市民協働部署の経験: by hiring cohort, who served in a collaboration post within the
/// early-career period, who is at risk of missing it, and the trend across fiscal years.
struct ComplianceRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, RotationRoute.compliance, requires: .permission(.planRotation), shows: .viewed(subject: "collaboration_compliance"), use: compliance)
    }

    struct Content: Encodable, Sendable {
        let asOf: String
        let periodYears: Int
        let cohorts: [CohortRow]
        let trend: [TrendRow]
        let trendChart: String?
        let atRisk: [PersonRow]
    }

    struct CohortRow: Encodable, Sendable {
        let year: String
        let staff: Int
        let achieved: Int
        let missed: Int
        let pending: Int
        let atRisk: Int
        let shareByDeadline: String
        let shareSoFar: String
    }

    struct TrendRow: Encodable, Sendable {
        let year: String
        let due: Int
        let achieved: Int
        let share: String
    }

    struct PersonRow: Encodable, Sendable {
        let staffNumber: String
        let name: String
        let href: String
        let section: String
        let hireDate: String
        let deadline: String
        let yearsLeft: Int
    }

    static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }

    @Sendable func compliance(_ request: Request) async throws -> Response {
        let today = request.today
        let settings = try await RotationRuleSettings.load(on: request.db)
        let staff = try await StaffMember.query(on: request.db).filter(\.$employmentType == EmploymentType.regular.rawValue).all()
        let assignments = try await Assignment.query(on: request.db).all().map(\.record)
        let codes = Set(try await OrganizationUnit.query(on: request.db).filter(\.$isCollaborationPost == true).all(\.$code))
        let records = staff.map(\.record)
        func report(asOf: LocalDate) -> CollaborationCompliance.Report {
            CollaborationCompliance.report(staff: records, assignments: assignments, collaborationCodes: codes, asOf: asOf,
                                           earlyCareerYears: settings.earlyCareerYears, riskYears: settings.minYearsInPost)
        }
        let now = report(asOf: today)
        let preferences = request.preferences
        // Trend: of those whose period ended in each fiscal year, the share who had a collaboration post.
        let years = Array((today.fiscalYear.startYear - 5)...today.fiscalYear.startYear)
        let trend = years.map { year -> TrendRow in
            let fiscalYear = FiscalYear(startYear: year)
            let end = min(fiscalYear.end, today)
            let due = report(asOf: end).people.filter { fiscalYear.contains($0.deadline) && $0.deadline <= end }
            let achieved = due.filter { $0.status == .achieved }.count
            return TrendRow(year: DateFormatting.format(fiscalYear: year, preferences: preferences), due: due.count, achieved: achieved,
                            share: due.isEmpty ? "—" : Self.percent(Double(achieved) / Double(due.count)))
        }
        let points = zip(years, trend).map { year, row in
            SVGChart.Point(label: DateFormatting.format(fiscalYear: year, preferences: preferences),
                           value: row.due == 0 ? nil : Double(row.achieved) * 100 / Double(row.due))
        }
        let tree = try await request.currentOrganization()
        let byNumber = Dictionary(staff.map { ($0.staffNumber, $0) }, uniquingKeysWith: { a, _ in a })
        try await request.audit(.view, subjectType: "collaboration_compliance")
        return try await request.renderPage(
            "rotation/compliance", title: "rotation.complianceTitle",
            breadcrumbs: [Breadcrumb(label: request.t("rotation.title"), href: RotationRoute.scenarios.path), Breadcrumb(label: request.t("rotation.complianceTitle"), href: nil)],
            content: Content(
                asOf: DateFormatting.format(date: today, preferences: preferences), periodYears: settings.earlyCareerYears,
                cohorts: now.cohorts.reversed().map { cohort in
                    CohortRow(year: DateFormatting.format(fiscalYear: cohort.fiscalYear.startYear, preferences: preferences), staff: cohort.staff,
                              achieved: cohort.achieved, missed: cohort.missed, pending: cohort.pending, atRisk: cohort.atRisk,
                              shareByDeadline: Self.percent(cohort.shareByDeadline), shareSoFar: Self.percent(cohort.shareSoFar))
                },
                trend: trend,
                trendChart: points.contains { $0.value != nil } ? SVGChart.percentLine(points) : nil,
                atRisk: now.atRisk.map { person in
                    PersonRow(staffNumber: person.staffNumber, name: person.name, href: OrganizationRoute.staff(.value(person.staffNumber)).path,
                              section: byNumber[person.staffNumber]?.currentSectionCode.flatMap { tree.units[$0] }.map { request.text($0.localizedName) } ?? "",
                              hireDate: DateFormatting.format(date: person.hireDate, preferences: preferences),
                              deadline: DateFormatting.format(date: person.deadline, preferences: preferences), yearsLeft: person.yearsLeft)
                }))
    }
}

/// Transfer scenarios, the rotation rules and the collaboration-post compliance view (HR).
enum RotationModule: AppModule {
    static func register(on routes: any RoutesBuilder, app: Application) {
        ScenarioRoutes().register(on: routes)
        ScenarioInputRoutes().register(on: routes)
        ScenarioResultRoutes().register(on: routes)
        RotationSettingsRoutes().register(on: routes)
        ComplianceRoutes().register(on: routes)
        app.navigation.add(NavigationEntry(labelKey: "nav.rotation", href: RotationRoute.scenarios.path, permission: .planRotation))
    }
}
