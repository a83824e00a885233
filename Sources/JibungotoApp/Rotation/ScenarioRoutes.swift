import Fluent
import JibungotoDomain
import Vapor

/// Scenarios: the list (side by side per transfer date), creation, the overview with the last
/// solution's figures and messages, solving and deletion (approval: `ScenarioApprovalRoutes`).
struct ScenarioRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, RotationRoute.scenarios, requires: .permission(.planRotation), shows: .nothing, use: list)
        routes.on(.POST, RotationRoute.scenarios, requires: .permission(.planRotation), shows: .nothing, use: create)
        routes.on(.GET, RotationRoute.scenario(.pattern), requires: .permission(.planRotation), shows: .viewed(subject: "rotation_scenario"), use: overview)
        routes.on(.POST, RotationRoute.solve(.pattern), requires: .permission(.planRotation), shows: .nothing, use: solve)
        routes.on(.POST, RotationRoute.scenarioDelete(.pattern), requires: .permission(.planRotation), shows: .nothing, use: delete)
    }

    // MARK: - List and comparison

    struct CreateForm: Content {
        var name: String?
        var transfer_date: String?
        var preset: String?
        /// Ticked to record a transfer whose date has passed.
        var past_date: [String]?
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await listPage(request, input: CreateForm(), validation: FormValidation(request: request))
    }

    private func listPage(_ request: Request, input: CreateForm, validation: FormValidation) async throws -> Response {
        let scenarios = try await RotationScenario.query(on: request.db).sort(\.$transferDate, .descending).sort(\.$createdAt).all()
        let preset = input.preset ?? RotationRuleSettings.Preset.settings.rawValue
        var form = FormModel(request: request, action: RotationRoute.scenarios.path, submitLabelKey: "rotation.create", fields: [
            FormField(request: request, name: "name", labelKey: "rotation.scenarioName", value: input.name ?? "", hintKey: "rotation.scenarioNameHint", isRequired: true, maxLength: 100),
            FormField(request: request, name: "transfer_date", labelKey: "rotation.transferDate", value: input.transfer_date ?? "", hintKey: "rotation.transferDateHint", isRequired: true, maxLength: 20),
            FormField(request: request, name: "preset", labelKey: "rotation.preset", kind: .radios, options: RotationRuleSettings.Preset.allCases.map {
                FormOption(value: $0.rawValue, label: request.t("rotation.preset." + $0.rawValue), isSelected: $0.rawValue == preset, fieldName: "preset")
            }),
        ])
        // A date in the past is allowed (recording a transfer already made) once confirmed.
        if validation.errors["past_date"] != nil || !(input.past_date ?? []).isEmpty {
            form.fields.append(FormField(request: request, name: "past_date", labelKey: "rotation.pastDate", kind: .checkboxes, options: [
                FormOption(value: "yes", label: request.t("rotation.pastDateConfirm"), isSelected: (input.past_date ?? []).contains("yes"), fieldName: "past_date"),
            ]))
        }
        form.apply(validation, request: request)
        return try await request.renderPage(
            "rotation/scenarios", title: "rotation.title", breadcrumbs: [Breadcrumb(label: request.t("rotation.title"), href: nil)],
            content: try ScenarioListPage.build(scenarios: scenarios, form: form, localizer: request.localizer),
            status: validation.isValid ? .ok : .unprocessableEntity)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(CreateForm.self)
        var validation = FormValidation(request: request)
        let name = validation.text("name", input.name, labelKey: "rotation.scenarioName", maxLength: 100)
        let date = validation.date("transfer_date", input.transfer_date, labelKey: "rotation.transferDate")
        let preset = RotationRuleSettings.Preset(rawValue: input.preset ?? "")
        if preset == nil { validation.fail("preset", "form.invalidChoice", request.t("rotation.preset")) }
        if let date, let last = try await ScenarioPlanning.lastApprovedTransferDate(on: request.db), date <= last {
            validation.fail("transfer_date", "rotation.dateNotAfterApproved", request.localizer.date(date), request.localizer.date(last))
        }
        if let date, date < request.today, !(input.past_date ?? []).contains("yes") {
            validation.fail("past_date", "rotation.pastDateNeedsConfirm", request.localizer.date(date))
        }
        if let date, try await ScenarioPlanning.organizationYear(for: date, on: request.db) == nil {
            validation.fail("transfer_date", "rotation.noOrganization")
        }
        guard validation.isValid, let date, let preset else { return try await listPage(request, input: input, validation: validation) }

        let settings = preset.apply(to: try await RotationRuleSettings.load(on: request.db))
        let (scenario, movers, planned) = try await Self.create(
            name: name, transferDate: date, settings: settings, createdBy: try request.requireUser().staffNumber.rawValue, on: request.db)
        try await ScenarioPlanning.remember(planned, of: scenario, request: request)
        try await request.audit(.create, subjectType: "rotation_scenario", subjectID: name, detail: "transfer=\(date.iso) movers=\(movers.count)")
        request.flash(.success, request.t("rotation.created", count: movers.count, name, String(movers.count)))
        return request.redirect(to: RotationRoute.scenario(.id(try scenario.requireID())).path)
    }

    /// Creates a scenario with the movers the rules propose and solves it, in one transaction.
    static func create(
        name: String, transferDate date: LocalDate, settings: RotationRuleSettings, createdBy: String, on database: any Database
    ) async throws -> (RotationScenario, movers: [Mover], PlannedScenario?) {
        let scenario = RotationScenario()
        scenario.name = name
        scenario.transferDate = date
        scenario.rules = settings.encoded()
        scenario.status = .draft
        scenario.revision = 1
        scenario.createdBy = createdBy
        let (input, tree) = try await ScenarioPlanning.input(transferDate: date, scenario: nil, on: database)
        let movers = MoverSelection.propose(input, rules: settings.rules)
        let loaded = ScenarioPlanning.Loaded(input: input, movers: movers, rules: settings.rules, settings: settings, tree: tree)
        let (stored, planned) = ScenarioPlanning.plan(loaded, revision: scenario.revision)
        ScenarioPlanning.record(stored, in: scenario)
        try await database.writeTransaction { database in
            try await scenario.create(on: database)
            let id = try scenario.requireID()
            try await ChunkedInsert.create(movers.map { RotationScenarioMover(scenarioID: id, mover: $0) }, on: database)
        }
        return (scenario, movers, planned)
    }

    // MARK: - Overview

    @Sendable func overview(_ request: Request) async throws -> Response {
        let scenario = try await Self.find(request)
        return try await overviewPage(request, scenario: scenario, extraErrors: [])
    }

    func overviewPage(_ request: Request, scenario: RotationScenario, extraErrors: [String], status: HTTPStatus = .ok) async throws -> Response {
        let id = try scenario.requireID()
        let moverCount = try await RotationScenarioMover.query(on: request.db).filter(\.$scenarioID == id).count()
        let pinCount = try await RotationScenarioPin.query(on: request.db).filter(\.$scenarioID == id).count()
        let capacityCount = try await RotationScenarioCapacity.query(on: request.db).filter(\.$scenarioID == id).count()
        let counts = ScenarioOverviewPage.InputCounts(movers: moverCount, pins: pinCount, capacities: capacityCount)
        let year = try await ScenarioPlanning.organizationYear(for: scenario.transferDate, on: request.db)
        let people = ScenarioOverviewPage.People(
            drafter: try await ScenarioApprovalRoutes.accountName(scenario.createdBy, on: request.db) ?? "",
            approver: try await ScenarioApprovalRoutes.accountName(scenario.approvedBy, on: request.db),
            pins: try await Self.pinLines(request, scenario: scenario))
        let content = try ScenarioOverviewPage.build(
            scenario: scenario, counts: counts, people: people, organizationYear: year, extraErrors: extraErrors, today: request.today,
            csrfToken: request.csrfToken, localizer: request.localizer)
        return try await request.renderPage(
            "rotation/scenario", title: "rotation.scenarioTitle", titleArguments: [scenario.name],
            breadcrumbs: Self.breadcrumbs(request, scenario: nil) + [Breadcrumb(label: scenario.name, href: nil)],
            content: content, status: status)
    }

    /// Every pin of the scenario as 「氏名：指定」, by staff number.
    static func pinLines(_ request: Request, scenario: RotationScenario) async throws -> [(staffNumber: StaffNumber, text: String)] {
        let pins = try await RotationScenarioPin.query(on: request.db).filter(\.$scenarioID == scenario.requireID()).sort(\.$staffNumber).all()
        guard !pins.isEmpty else { return [] }
        let staff = try await StaffMember.query(on: request.db).filter(\.$staffNumber ~~ pins.map(\.staffNumber)).all()
        let names = Dictionary(staff.map { ($0.staffNumber, $0.name) }, uniquingKeysWith: { a, _ in a })
        let tree = try await ScenarioPlanning.tree(for: scenario, on: request.db)
        func sectionName(_ code: SectionCode?) -> String {
            guard let code else { return "" }
            guard let unit = tree?.units[code] else { return code.rawValue }
            return request.text(unit.localizedName)
        }
        return pins.map { pin in
            (staffNumber: pin.staffNumber, text: request.t("rotation.pinLine", names[pin.staffNumber] ?? pin.staffNumber.rawValue,
                                                                 request.t("rotation.pin." + pin.kind.rawValue, sectionName(pin.sectionCode))))
        }
    }

    // MARK: - Solve, delete

    @Sendable func solve(_ request: Request) async throws -> Response {
        let scenario = try await Self.find(request)
        if let refusal = try Self.refuseIfApproved(scenario, request: request) { return refusal }
        let (stored, planned) = try await ScenarioPlanning.solveAndStore(scenario, on: request.db)
        try await ScenarioPlanning.remember(planned, of: scenario, request: request)
        try await request.audit(.update, subjectType: "rotation_scenario", subjectID: scenario.name, detail: "solve outcome=\(stored.outcome.rawValue) ms=\(stored.milliseconds)")
        let parameter = RouteParameter.id(try scenario.requireID())
        if stored.outcome == .optimal {
            request.flash(.success, request.t("rotation.solved", String(stored.milliseconds)))
            return request.redirect(to: RotationRoute.results(parameter).path)
        }
        request.flash(.error, request.t("rotation.notSolvedFlash"))
        return request.redirect(to: RotationRoute.scenario(parameter).path)
    }

    @Sendable func delete(_ request: Request) async throws -> Response {
        let scenario = try await Self.find(request)
        if let refusal = try Self.refuseIfApproved(scenario, request: request) { return refusal }
        let id = try scenario.requireID()
        try await request.db.writeTransaction { database in
            try await RotationScenarioMover.query(on: database).filter(\.$scenarioID == id).delete()
            try await RotationScenarioPin.query(on: database).filter(\.$scenarioID == id).delete()
            try await RotationScenarioCapacity.query(on: database).filter(\.$scenarioID == id).delete()
            try await scenario.delete(on: database)
        }
        await request.application.plannedScenarios.remove(id)
        try await request.audit(.update, subjectType: "rotation_scenario", subjectID: scenario.name, detail: "delete")
        request.flash(.success, request.t("rotation.deleted", scenario.name))
        return request.redirect(to: RotationRoute.scenarios.path)
    }

    // MARK: - Shared

    static func find(_ request: Request) async throws -> RotationScenario {
        guard let id = request.parameters.get("scenarioID", as: UUID.self), let scenario = try await RotationScenario.find(id, on: request.db) else {
            throw Abort(.notFound)
        }
        return scenario
    }

    /// An approved scenario is a record of what was decided: it no longer changes. Returns the
    /// redirect to its overview with the message, or nil for a draft.
    static func refuseIfApproved(_ scenario: RotationScenario, request: Request) throws -> Response? {
        guard scenario.isApproved else { return nil }
        request.flash(.error, request.t("rotation.approvedReadOnly"))
        return request.redirect(to: RotationRoute.scenario(.id(try scenario.requireID())).path)
    }

    static func breadcrumbs(_ request: Request, scenario: RotationScenario?) -> [Breadcrumb] {
        var crumbs = [Breadcrumb(label: request.t("rotation.title"), href: RotationRoute.scenarios.path)]
        if let scenario, let id = scenario.id { crumbs.append(Breadcrumb(label: scenario.name, href: RotationRoute.scenario(.id(id)).path)) }
        return crumbs
    }
}
