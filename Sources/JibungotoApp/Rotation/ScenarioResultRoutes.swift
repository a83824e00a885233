import Fluent
import JibungotoDomain
import Vapor

/// The solved scenario: the result list with reasons, one person's placement with the
/// alternatives and "why not my wish?", the changes against the previous solution and the
/// draft transfer list (異動内示案) as CSV.
struct ScenarioResultRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, RotationRoute.results(.pattern), requires: .permission(.planRotation), shows: .viewed(subject: "rotation_results"), use: results)
        routes.on(.GET, RotationRoute.person(.pattern, .pattern), requires: .permission(.planRotation), shows: .viewed(subject: "rotation_person"), use: person)
        routes.on(.GET, RotationRoute.changes(.pattern), requires: .permission(.planRotation), shows: .viewed(subject: "rotation_changes"), use: changes)
        routes.on(.GET, RotationRoute.export(.pattern), requires: .permission(.planRotation), shows: .exported(subject: "rotation_scenario"), use: export)
    }

    // MARK: - Result list

    @Sendable func results(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        let parameter = RouteParameter.id(try scenario.requireID())
        let query = ((try? request.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        let department = (try? request.query.get(String.self, at: "department")) ?? ""
        let reason = ScenarioResultsPage.ReasonFilter(rawValue: (try? request.query.get(String.self, at: "reason")) ?? "")
        let outcome = (try? request.query.get(String.self, at: "outcome")) ?? ""
        let sort = ScenarioResultsPage.Sort(rawValue: (try? request.query.get(String.self, at: "sort")) ?? "") ?? .number
        let filters = ScenarioResultsPage.Filters(query: query, department: department, reason: reason, outcome: outcome, sort: sort)
        let planned = try await ScenarioPlanning.planned(scenario, request: request)
        let tree = planned?.tree
        var departments = tree.map { tree in tree.roots.compactMap { tree.units[$0] } } ?? []
        departments.sort { $0.code < $1.code }
        var filter = FormModel(request: request, action: RotationRoute.results(parameter).path, method: .GET, submitLabelKey: "rotation.filter", fields: [
            FormField(request: request, name: "q", labelKey: "rotation.searchMover", value: query, maxLength: 50),
            FormField(request: request, name: "department", labelKey: "rotation.toDepartment", kind: .select,
                      options: [FormOption(value: "", label: request.t("staff.any"), isSelected: department.isEmpty, fieldName: "department")]
                        + departments.map { FormOption(value: $0.code.rawValue, label: request.text($0.localizedName), isSelected: $0.code.rawValue == department, fieldName: "department") }),
            FormField(request: request, name: "reason", labelKey: "rotation.reasonFilter", kind: .select,
                      options: [FormOption(value: "", label: request.t("staff.any"), isSelected: reason == nil, fieldName: "reason")]
                        + ScenarioResultsPage.ReasonFilter.allCases.map { FormOption(value: $0.rawValue, label: request.t("rotation.reasonFilter." + $0.rawValue), isSelected: $0 == reason, fieldName: "reason") }),
            FormField(request: request, name: "outcome", labelKey: "rotation.outcomeFilter", kind: .select,
                      options: ["", "moved", "stayed"].map { FormOption(value: $0, label: request.t($0.isEmpty ? "staff.any" : "rotation.outcomeFilter." + $0), isSelected: $0 == outcome, fieldName: "outcome") }),
            FormField(request: request, name: "sort", labelKey: "staff.sort", kind: .hidden, value: sort.rawValue),
        ])
        filter.errors = []
        let localizer = request.localizer
        let content: ScenarioResultsPage.Content
        if let planned, let result = planned.result {
            let explanations = ScenarioResultsPage.matching(
                RotationPlanner.explain(result, model: planned.model, alternatives: 0), filters: filters, model: planned.model, tree: tree)
            let page = Pagination.requestedPage(request)
            let perPage = 100
            let pagination = Pagination(request: request, route: RotationRoute.results(parameter), filters: filters.items + [("sort", sort.rawValue)],
                                        page: page, total: explanations.count, perPage: perPage)
            content = ScenarioResultsPage.build(
                rows: Array(explanations.dropFirst((page - 1) * perPage).prefix(perPage)), parameter: parameter, filter: filter, pagination: pagination,
                sortLinks: ScenarioResultsPage.sortLinks(parameter, filters: filters, localizer: localizer), csrfToken: request.csrfToken, localizer: localizer)
        } else {
            content = ScenarioResultsPage.withoutResult(scenario: scenario, parameter: parameter, filter: filter, csrfToken: request.csrfToken, localizer: localizer)
        }
        return try await request.renderPage(
            "rotation/results", title: "rotation.resultsTitle", titleArguments: [scenario.name],
            breadcrumbs: ScenarioRoutes.breadcrumbs(request, scenario: scenario) + [Breadcrumb(label: request.t("rotation.results"), href: nil)],
            content: content)
    }

    // MARK: - One person

    @Sendable func person(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        guard let number = request.parameters.get("staffNumber").map({ StaffNumber($0) }) else { throw Abort(.notFound) }
        return try await Self.personPage(request, scenario: scenario, staffNumber: number, errors: [], input: ScenarioInputRoutes.PinForm())
    }

    /// The person page; also shown again with the errors of a refused pin.
    static func personPage(
        _ request: Request, scenario: RotationScenario, staffNumber number: StaffNumber, errors: [String], input: ScenarioInputRoutes.PinForm
    ) async throws -> Response {
        let id = try scenario.requireID()
        let parameter = RouteParameter.id(id)
        guard let member = try await StaffMember.query(on: request.db).filter(\.$staffNumber == number).first() else { throw Abort(.notFound) }
        let planned = try await ScenarioPlanning.planned(scenario, request: request)
        let pins = try await RotationScenarioPin.query(on: request.db).filter(\.$scenarioID == id).filter(\.$staffNumber == number).all()
        var tree = planned?.tree
        if tree == nil { tree = try await ScenarioPlanning.tree(for: scenario, on: request.db) }
        func sectionName(_ code: SectionCode?) -> String { code.flatMap { tree?.units[$0] }.map { request.text($0.localizedName) } ?? (code?.rawValue ?? "") }
        var pinForm: FormModel? = nil
        if !scenario.isApproved, let tree {
            let kind = input.kind ?? RotationScenarioPin.Kind.mustGoTo.rawValue
            var form = FormModel(request: request, action: RotationRoute.pins(parameter).path, submitLabelKey: "rotation.pinAndSolve", fields: [
                FormField(request: request, name: "staff_number", labelKey: "staff.number", kind: .hidden, value: number.rawValue),
                FormField(request: request, name: "kind", labelKey: "rotation.pinKind", kind: .radios, options: RotationScenarioPin.Kind.allCases.map {
                    FormOption(value: $0.rawValue, label: request.t("rotation.pinKind." + $0.rawValue), isSelected: $0.rawValue == kind, fieldName: "kind")
                }),
                FormField(request: request, name: "section_code", labelKey: "rotation.pinSection", kind: .select,
                          options: [FormOption(value: "", label: request.t("rotation.pinSectionNone"), isSelected: (input.section_code ?? "").isEmpty, fieldName: "section_code")],
                          optionGroups: SectionChoices.groups(in: tree, selected: input.section_code ?? "", fieldName: "section_code", localizer: request.localizer),
                          hintKey: "rotation.pinSectionHint"),
            ])
            form.errors = []
            pinForm = form
        }
        var content = try ScenarioPersonPage.build(
            scenario: scenario, staffNumber: number, name: member.name, errors: errors, planned: planned,
            pins: pins, sectionName: sectionName, pinForm: pinForm, csrfToken: request.csrfToken, localizer: request.localizer)
        // A refused pin: where this person can go under the current plan, so HR can choose again.
        if !errors.isEmpty, let planned {
            content.possibleSections = ScenarioComparison.possibleSections(of: number, model: planned.model).map { sectionName($0) }
            content.showsPossibleSections = true
        }
        return try await request.renderPage(
            "rotation/person", title: "rotation.personTitle", titleArguments: [member.name],
            breadcrumbs: ScenarioRoutes.breadcrumbs(request, scenario: scenario)
                + [Breadcrumb(label: request.t("rotation.results"), href: RotationRoute.results(parameter).path), Breadcrumb(label: member.name, href: nil)],
            content: content, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    // MARK: - Changes

    @Sendable func changes(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        let parameter = RouteParameter.id(try scenario.requireID())
        let current = StoredSolution.decode(scenario.solution)
        let previous = StoredSolution.decode(scenario.previousSolution)
        let content: ScenarioChangesPage.Content
        if let current, let previous {
            let numbers = ScenarioChangesPage.changedStaffNumbers(previous: previous, current: current)
            let staff = try await StaffMember.query(on: request.db).filter(\.$staffNumber ~~ numbers).all()
            let names = Dictionary(staff.map { ($0.staffNumber, $0.name) }, uniquingKeysWith: { a, _ in a })
            let tree = try await ScenarioPlanning.tree(for: scenario, on: request.db)
            func label(_ pool: SeatPool?) -> String {
                guard let pool else { return request.t("rotation.notOnList") }
                return SeatPoolLabel.text(pool, section: tree?.units[pool.sectionCode].map { request.text($0.localizedName) } ?? pool.sectionCode.rawValue, localizer: request.localizer)
            }
            content = ScenarioChangesPage.build(
                parameter: parameter, previous: previous, current: current, numbers: numbers, names: names, label: label, localizer: request.localizer)
        } else {
            content = ScenarioChangesPage.Content(hasPrevious: false, rows: [], figures: [])
        }
        return try await request.renderPage(
            "rotation/changes", title: "rotation.changesTitle", titleArguments: [scenario.name],
            breadcrumbs: ScenarioRoutes.breadcrumbs(request, scenario: scenario) + [Breadcrumb(label: request.t("rotation.changes"), href: nil)],
            content: content)
    }

    // MARK: - Export

    /// 異動内示案: every mover with from, to, post and the reasons; audit-logged.
    @Sendable func export(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        guard let planned = try await ScenarioPlanning.planned(scenario, request: request), let result = planned.result else {
            request.flash(.error, request.t("rotation.exportNeedsSolution"))
            return request.redirect(to: RotationRoute.scenario(.id(try scenario.requireID())).path)
        }
        let rules = RotationRuleSettings.decode(scenario.rules).rules
        let rows = TransferDraftCSV.rows(planned, result: result, rules: rules, transferDate: scenario.transferDate)
        try await request.audit(.export, subjectType: "rotation_scenario", subjectID: scenario.name, detail: "rows=\(rows.count)")
        return try CSVResponse.make(
            filename: "transfer-draft-\(scenario.transferDate.iso).csv",
            header: TransferDraftCSV.header,
            rows: rows, request: request)
    }
}
