import Fluent
import JibungotoDomain
import Vapor

/// A scenario's input: the movers' list (proposed from the rules, edited by HR) and the 定数
/// edited for the scenario. Every change is tried on the planner first and saved only when it
/// has no errors, in one transaction.
struct ScenarioInputRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, RotationRoute.movers(.pattern), requires: .permission(.planRotation), shows: .viewed(subject: "rotation_movers"), use: movers)
        routes.on(.POST, RotationRoute.moverAdd(.pattern), requires: .permission(.planRotation), shows: .nothing, use: addMover)
        routes.on(.POST, RotationRoute.moverRemove(.pattern), requires: .permission(.planRotation), shows: .nothing, use: removeMover)
        routes.on(.POST, RotationRoute.moversPropose(.pattern), requires: .permission(.planRotation), shows: .nothing, use: proposeAgain)
        routes.on(.GET, RotationRoute.capacities(.pattern), requires: .permission(.planRotation), shows: .nothing, use: capacities)
        routes.on(.POST, RotationRoute.capacities(.pattern), requires: .permission(.planRotation), shows: .nothing, use: saveCapacities)
    }

    // MARK: - Movers

    struct MoversContent: Encodable, Sendable {
        let rows: [MoverRow]
        let pagination: Pagination
        let filter: FormModel
        let addForm: FormModel?
        let proposeAction: String?
        let removeAction: String?
        let csrfToken: String
        let errors: [String]
    }

    struct MoverRow: Encodable, Sendable {
        let staffNumber: String
        let name: String
        let href: String
        let section: String
        let post: String
        let reasons: String
        let mustMove: Bool
    }

    @Sendable func movers(_ request: Request) async throws -> Response {
        try await moversPage(request, scenario: try await ScenarioRoutes.find(request), addValue: "", errors: [])
    }

    private func moversPage(_ request: Request, scenario: RotationScenario, addValue: String, errors: [String]) async throws -> Response {
        let id = try scenario.requireID()
        let parameter = RouteParameter.id(id)
        let query = ((try? request.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        let all = try await RotationScenarioMover.query(on: request.db).filter(\.$scenarioID == id).sort(\.$staffNumber).all()
        let numbers = all.map(\.staffNumber)
        var staff: [String: StaffMember] = [:]
        for chunk in numbers.chunked(into: 500) {
            for member in try await StaffMember.query(on: request.db).filter(\.$staffNumber ~~ Array(chunk)).all() { staff[member.staffNumber] = member }
        }
        let tree = try await request.currentOrganization()
        let normalizedQuery = KanaSearch.normalize(query)
        let matching = all.filter { row in
            guard !query.isEmpty else { return true }
            return row.staffNumber.contains(query) || (staff[row.staffNumber].map { $0.name.contains(query) || (!normalizedQuery.isEmpty && $0.kanaSearch.contains(normalizedQuery)) } ?? false)
        }
        let page = Pagination.requestedPage(request)
        let perPage = 100
        let language = request.language
        let rows = matching.dropFirst((page - 1) * perPage).prefix(perPage).map { row -> MoverRow in
            let member = staff[row.staffNumber]
            let mover = row.mover
            return MoverRow(
                staffNumber: row.staffNumber, name: member?.name ?? row.staffNumber,
                href: RotationRoute.person(parameter, .value(row.staffNumber)).path,
                section: member?.currentSectionCode.flatMap { tree.units[$0] }.map { request.text($0.localizedName) } ?? "",
                post: member?.currentPost ?? "", reasons: language == .en ? mover.reasonText.en : mover.reasonText.ja, mustMove: mover.mustMove)
        }
        var filter = FormModel(request: request, action: RotationRoute.movers(parameter).path, method: .GET, submitLabelKey: "rotation.filter", fields: [
            FormField(request: request, name: "q", labelKey: "rotation.searchMover", value: query, maxLength: 50),
        ])
        filter.errors = []
        let draft = !scenario.isApproved
        var addForm: FormModel? = nil
        if draft {
            var form = FormModel(request: request, action: RotationRoute.moverAdd(parameter).path, submitLabelKey: "rotation.addMover", fields: [
                FormField(request: request, name: "staff_number", labelKey: "staff.number", value: addValue, hintKey: "rotation.addMoverHint", isRequired: true, maxLength: 20),
            ])
            if let first = errors.first {
                var validation = FormValidation(request: request)
                validation.fail("staff_number", "rotation.message", first)
                form.apply(validation, request: request)
            }
            addForm = form
        }
        return try await request.renderPage(
            "rotation/movers", title: "rotation.moversTitle", titleArguments: [scenario.name],
            breadcrumbs: ScenarioRoutes.breadcrumbs(request, scenario: scenario) + [Breadcrumb(label: request.t("rotation.movers"), href: nil)],
            content: MoversContent(
                rows: Array(rows),
                pagination: Pagination(request: request, route: RotationRoute.movers(parameter), filters: [("q", query)], page: page, total: matching.count, perPage: perPage),
                filter: filter, addForm: addForm,
                proposeAction: draft ? RotationRoute.moversPropose(parameter).path : nil,
                removeAction: draft ? RotationRoute.moverRemove(parameter).path : nil,
                csrfToken: request.csrfToken, errors: errors),
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    struct StaffNumberForm: Content {
        var staff_number: String?
    }

    @Sendable func addMover(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        if let refusal = try ScenarioRoutes.refuseIfApproved(scenario, request: request) { return refusal }
        let id = try scenario.requireID()
        let number = StaffNumber.normalise(try request.content.decode(StaffNumberForm.self).staff_number ?? "")
        guard !number.isEmpty else {
            return try await moversPage(request, scenario: scenario, addValue: "", errors: [request.t("form.required", request.t("staff.number"))])
        }
        var loaded = try await ScenarioPlanning.load(scenario, on: request.db)
        if loaded.movers.contains(where: { $0.staffNumber == number }) {
            return try await moversPage(request, scenario: scenario, addValue: number, errors: [request.t("rotation.alreadyMover", number)])
        }
        loaded.movers.append(.addedByHR(number))
        let problems = Self.errors(of: loaded, request: request)
        guard problems.isEmpty else { return try await moversPage(request, scenario: scenario, addValue: number, errors: problems) }
        try await request.db.transaction { database in
            try await RotationScenarioMover(scenarioID: id, mover: .addedByHR(number)).create(on: database)
            ScenarioPlanning.touch(scenario)
            try await scenario.save(on: database)
        }
        try await request.audit(.update, subjectType: "rotation_scenario", subjectID: scenario.name, detail: "add mover \(number)")
        request.flash(.success, request.t("rotation.moverAdded", number))
        return request.redirect(to: RotationRoute.movers(.id(id)).path)
    }

    @Sendable func removeMover(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        if let refusal = try ScenarioRoutes.refuseIfApproved(scenario, request: request) { return refusal }
        let id = try scenario.requireID()
        let number = try request.content.decode(StaffNumberForm.self).staff_number ?? ""
        guard let row = try await RotationScenarioMover.query(on: request.db).filter(\.$scenarioID == id).filter(\.$staffNumber == number).first() else {
            throw Abort(.notFound)
        }
        try await request.db.transaction { database in
            try await row.delete(on: database)
            ScenarioPlanning.touch(scenario)
            try await scenario.save(on: database)
        }
        try await request.audit(.update, subjectType: "rotation_scenario", subjectID: scenario.name, detail: "remove mover \(number)")
        request.flash(.success, request.t("rotation.moverRemoved", number))
        return request.redirect(to: RotationRoute.movers(.id(id)).path)
    }

    /// Proposes the list again from the scenario's rules; people HR added by hand stay on it.
    @Sendable func proposeAgain(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        if let refusal = try ScenarioRoutes.refuseIfApproved(scenario, request: request) { return refusal }
        let id = try scenario.requireID()
        let loaded = try await ScenarioPlanning.load(scenario, on: request.db)
        let proposed = MoverSelection.propose(loaded.input, rules: loaded.rules)
        let proposedNumbers = Set(proposed.map(\.staffNumber))
        let kept = loaded.movers.filter { $0.reasons.contains(.addedByHR) && !proposedNumbers.contains($0.staffNumber) }
        try await request.db.transaction { database in
            try await RotationScenarioMover.query(on: database).filter(\.$scenarioID == id).delete()
            try await ChunkedInsert.create((proposed + kept).map { RotationScenarioMover(scenarioID: id, mover: $0) }, on: database)
            ScenarioPlanning.touch(scenario)
            try await scenario.save(on: database)
        }
        try await request.audit(.update, subjectType: "rotation_scenario", subjectID: scenario.name, detail: "propose movers \(proposed.count)")
        request.flash(.success, request.t("rotation.proposedAgain", String(proposed.count + kept.count)))
        return request.redirect(to: RotationRoute.movers(.id(id)).path)
    }

    /// The errors the planner finds in the input, in the user's language (empty: it builds).
    static func errors(of loaded: ScenarioPlanning.Loaded, request: Request) -> [String] {
        do {
            _ = try RotationPlanner.build(loaded.input, movers: loaded.movers, rules: loaded.rules)
            return []
        } catch {
            return ScenarioPlanning.inputErrors(error).map { $0.text(request.language) }
        }
    }

    // MARK: - Capacities

    struct CapacitiesContent: Encodable, Sendable {
        let action: String?
        let csrfToken: String
        let rows: [CapacityRow]
        let errors: [String]
    }

    struct CapacityRow: Encodable, Sendable {
        let code: String
        let name: String
        let depth: Int
        let fieldName: String
        let fieldID: String
        let headcount: Int
        let value: String
        let error: String?
    }

    @Sendable func capacities(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        let rows = try await RotationScenarioCapacity.query(on: request.db).filter(\.$scenarioID == scenario.requireID()).all()
        let values = Dictionary(rows.map { ($0.sectionCode, String($0.headcount)) }, uniquingKeysWith: { a, _ in a })
        return try await capacitiesPage(request, scenario: scenario, values: values, fieldErrors: [:], errors: [])
    }

    private func capacitiesPage(
        _ request: Request, scenario: RotationScenario, values: [String: String], fieldErrors: [String: String], errors: [String]
    ) async throws -> Response {
        guard let year = try await ScenarioPlanning.organizationYear(for: scenario.transferDay, on: request.db) else { throw Abort(.notFound) }
        let tree = try await OrganizationTree.load(fiscalYear: year, on: request.db)
        let rows = tree.flattened().map { item in
            CapacityRow(code: item.record.code, name: request.text(item.record.localizedName), depth: item.depth,
                        fieldName: "headcount_" + item.record.code, fieldID: "field-headcount-" + item.record.code,
                        headcount: item.record.authorizedHeadcount, value: values[item.record.code] ?? "", error: fieldErrors[item.record.code])
        }
        let all = errors + rows.compactMap(\.error)
        return try await request.renderPage(
            "rotation/capacities", title: "rotation.capacitiesTitle", titleArguments: [scenario.name],
            breadcrumbs: ScenarioRoutes.breadcrumbs(request, scenario: scenario) + [Breadcrumb(label: request.t("rotation.capacities"), href: nil)],
            content: CapacitiesContent(action: scenario.isApproved ? nil : RotationRoute.capacities(.id(try scenario.requireID())).path,
                                       csrfToken: request.csrfToken, rows: rows, errors: all),
            status: all.isEmpty ? .ok : .unprocessableEntity)
    }

    /// Saves every edited 定数 at once; an empty field keeps the organization's. A value that is
    /// not a whole number of zero or more is refused with the section's name, and so is a
    /// change that leaves a pinned person without a seat; nothing is saved then.
    @Sendable func saveCapacities(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        if let refusal = try ScenarioRoutes.refuseIfApproved(scenario, request: request) { return refusal }
        let id = try scenario.requireID()
        let form = try request.content.decode([String: String].self)
        var loaded = try await ScenarioPlanning.load(scenario, on: request.db)
        var values: [String: String] = [:]
        var fieldErrors: [String: String] = [:]
        var overrides: [String: Int] = [:]
        for unit in loaded.tree.units.values {
            let text = (form["headcount_" + unit.code] ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            values[unit.code] = text
            let halfWidth = text.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? text
            guard let number = Int(halfWidth), number >= 0, number <= 100_000 else {
                fieldErrors[unit.code] = request.t("rotation.headcountInvalid", request.text(unit.localizedName), text)
                continue
            }
            if number != unit.authorizedHeadcount { overrides[unit.code] = number }
        }
        guard fieldErrors.isEmpty else { return try await capacitiesPage(request, scenario: scenario, values: values, fieldErrors: fieldErrors, errors: []) }
        loaded.input.headcountOverrides = overrides
        let problems = Self.errors(of: loaded, request: request)
        guard problems.isEmpty else { return try await capacitiesPage(request, scenario: scenario, values: values, fieldErrors: [:], errors: problems) }
        let edited = overrides
        try await request.db.transaction { database in
            try await RotationScenarioCapacity.query(on: database).filter(\.$scenarioID == id).delete()
            try await edited.sorted { $0.key < $1.key }.map { RotationScenarioCapacity(scenarioID: id, sectionCode: $0.key, headcount: $0.value) }.create(on: database)
            ScenarioPlanning.touch(scenario)
            try await scenario.save(on: database)
        }
        try await request.audit(.update, subjectType: "rotation_scenario", subjectID: scenario.name, detail: "capacities \(overrides.count)")
        request.flash(.success, request.t("rotation.capacitiesSaved", String(overrides.count)))
        return request.redirect(to: RotationRoute.scenario(.id(id)).path)
    }
}
