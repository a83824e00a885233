import Fluent
import JibungotoDomain
import Vapor

/// A scenario's input: the movers' list (proposed from the rules, edited by HR), HR's pins
/// and the 定数 edited for the scenario. Every change is tried on the planner first and saved
/// only when it has no errors, in one transaction.
struct ScenarioInputRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, RotationRoute.movers(.pattern), requires: .permission(.planRotation), shows: .viewed(subject: "rotation_movers"), use: movers)
        routes.on(.POST, RotationRoute.moverAdd(.pattern), requires: .permission(.planRotation), shows: .nothing, use: addMover)
        routes.on(.POST, RotationRoute.moverRemove(.pattern), requires: .permission(.planRotation), shows: .nothing, use: removeMover)
        routes.on(.POST, RotationRoute.moversPropose(.pattern), requires: .permission(.planRotation), shows: .nothing, use: proposeAgain)
        routes.on(.POST, RotationRoute.pins(.pattern), requires: .permission(.planRotation), shows: .nothing, use: addPin)
        routes.on(.POST, RotationRoute.pinRemove(.pattern), requires: .permission(.planRotation), shows: .nothing, use: removePin)
        routes.on(.GET, RotationRoute.capacities(.pattern), requires: .permission(.planRotation), shows: .nothing, use: capacities)
        routes.on(.POST, RotationRoute.capacities(.pattern), requires: .permission(.planRotation), shows: .nothing, use: saveCapacities)
    }

    // MARK: - Movers

    @Sendable func movers(_ request: Request) async throws -> Response {
        try await moversPage(request, scenario: try await ScenarioRoutes.find(request), addValue: "", errors: [])
    }

    private func moversPage(_ request: Request, scenario: RotationScenario, addValue: String, errors: [String]) async throws -> Response {
        let id = try scenario.requireID()
        let parameter = RouteParameter.id(id)
        let query = ((try? request.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        let all = try await RotationScenarioMover.query(on: request.db).filter(\.$scenarioID == id).sort(\.$staffNumber).all()
        let numbers = all.map(\.staffNumber)
        var staff: [StaffNumber: StaffMember] = [:]
        for chunk in numbers.chunked(into: 500) {
            for member in try await StaffMember.query(on: request.db).filter(\.$staffNumber ~~ Array(chunk)).all() { staff[member.staffNumber] = member }
        }
        let tree = try await request.currentOrganization()
        let normalizedQuery = KanaSearch.normalize(query)
        let matching = all.filter { row in
            guard !query.isEmpty else { return true }
            return row.staffNumber.rawValue.contains(query) || (staff[row.staffNumber].map { $0.name.contains(query) || (!normalizedQuery.isEmpty && $0.kanaSearch.contains(normalizedQuery)) } ?? false)
        }
        let page = Pagination.requestedPage(request)
        let perPage = 100
        let entries = matching.dropFirst((page - 1) * perPage).prefix(perPage).map { row -> ScenarioMoversPage.Entry in
            let member = staff[row.staffNumber]
            return ScenarioMoversPage.Entry(
                mover: row.mover, name: member?.name ?? row.staffNumber.rawValue,
                section: member?.currentSectionCode.flatMap { tree.units[$0] }.map { request.text($0.localizedName) } ?? "",
                post: member?.currentPost ?? "")
        }
        var filter = FormModel(request: request, action: RotationRoute.movers(parameter).path, method: .GET, submitLabelKey: "rotation.filter", fields: [
            FormField(request: request, name: "q", labelKey: "rotation.searchMover", value: query, maxLength: 50),
        ])
        filter.errors = []
        var addForm: FormModel? = nil
        if !scenario.isApproved {
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
        let pagination = Pagination(request: request, route: RotationRoute.movers(parameter), filters: [("q", query)], page: page, total: matching.count, perPage: perPage)
        return try await request.renderPage(
            "rotation/movers", title: "rotation.moversTitle", titleArguments: [scenario.name],
            breadcrumbs: ScenarioRoutes.breadcrumbs(request, scenario: scenario) + [Breadcrumb(label: request.t("rotation.movers"), href: nil)],
            content: ScenarioMoversPage.build(
                scenario: scenario, parameter: parameter, entries: Array(entries), pagination: pagination, filter: filter, addForm: addForm,
                errors: errors, csrfToken: request.csrfToken, localizer: request.localizer),
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    struct StaffNumberForm: Content {
        var staff_number: String?
    }

    @Sendable func addMover(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        if let refusal = try ScenarioRoutes.refuseIfApproved(scenario, request: request) { return refusal }
        let id = try scenario.requireID()
        let number = StaffNumber.typed(try request.content.decode(StaffNumberForm.self).staff_number ?? "")
        guard !number.rawValue.isEmpty else {
            return try await moversPage(request, scenario: scenario, addValue: "", errors: [request.t("form.required", request.t("staff.number"))])
        }
        var loaded = try await ScenarioPlanning.load(scenario, on: request.db)
        if loaded.movers.contains(where: { $0.staffNumber == number }) {
            return try await moversPage(request, scenario: scenario, addValue: number.rawValue, errors: [request.t("rotation.alreadyMover", number.rawValue)])
        }
        loaded.movers.append(.addedByHR(number))
        let problems = Self.errors(of: loaded, request: request)
        guard problems.isEmpty else { return try await moversPage(request, scenario: scenario, addValue: number.rawValue, errors: problems) }
        try await request.db.writeTransaction { database in
            try await RotationScenarioMover(scenarioID: id, mover: .addedByHR(number)).create(on: database)
            ScenarioPlanning.touch(scenario)
            try await scenario.save(on: database)
        }
        try await request.audit(.update, subjectType: "rotation_scenario", subjectID: scenario.name, detail: "add mover \(number)")
        request.flash(.success, request.t("rotation.moverAdded", number.rawValue))
        return request.redirect(to: RotationRoute.movers(.id(id)).path)
    }

    @Sendable func removeMover(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        if let refusal = try ScenarioRoutes.refuseIfApproved(scenario, request: request) { return refusal }
        let id = try scenario.requireID()
        let number = StaffNumber(try request.content.decode(StaffNumberForm.self).staff_number ?? "")
        guard let row = try await RotationScenarioMover.query(on: request.db).filter(\.$scenarioID == id).filter(\.$staffNumber == number).first() else {
            throw Abort(.notFound)
        }
        try await request.db.writeTransaction { database in
            try await row.delete(on: database)
            ScenarioPlanning.touch(scenario)
            try await scenario.save(on: database)
        }
        try await request.audit(.update, subjectType: "rotation_scenario", subjectID: scenario.name, detail: "remove mover \(number)")
        request.flash(.success, request.t("rotation.moverRemoved", number.rawValue))
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
        try await request.db.writeTransaction { database in
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
            return ScenarioPlanning.inputErrors(error).map { request.text($0.text) }
        }
    }

    // MARK: - Pins

    struct PinForm: Content {
        var staff_number: String?
        var kind: String?
        var section_code: String?
    }

    /// Adds a pin, tries it on the planner (a full section, a wrong job type or two pins to the
    /// last seat are refused with the names) and re-solves at once; shows what changed.
    @Sendable func addPin(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        if let refusal = try ScenarioRoutes.refuseIfApproved(scenario, request: request) { return refusal }
        let id = try scenario.requireID()
        let input = try request.content.decode(PinForm.self)
        let number = StaffNumber(input.staff_number ?? "")
        var loaded = try await ScenarioPlanning.load(scenario, on: request.db)
        guard loaded.input.staff.contains(where: { $0.staffNumber == number }) else { throw Abort(.notFound) }
        let code = SectionCode((input.section_code ?? "").trimmingCharacters(in: .whitespaces))
        let pin: RotationPin?
        switch RotationScenarioPin.Kind(rawValue: input.kind ?? "") {
        case .stays: pin = .stays
        case .mustGoTo: pin = code.rawValue.isEmpty ? nil : .mustGoTo(code)
        case .mustNotGoTo: pin = code.rawValue.isEmpty ? nil : .mustNotGoTo(code)
        case nil: pin = nil
        }
        guard let pin else {
            let message = RotationScenarioPin.Kind(rawValue: input.kind ?? "") == nil
                ? request.t("form.invalidChoice", request.t("rotation.pinKind")) : request.t("form.required", request.t("rotation.pinSection"))
            return try await ScenarioResultRoutes.personPage(request, scenario: scenario, staffNumber: number, errors: [message], input: input)
        }
        // The same pin sent twice (a double click, a reload) is one pin.
        guard loaded.input.pins[number]?.contains(pin) != true else { return try Self.pinExists(request, scenario: scenario) }
        loaded.input.pins[number, default: []].append(pin)
        if pin == .stays { loaded.movers.removeAll { $0.staffNumber == number } }
        // One build both checks the pin and gives the new solution.
        let (stored, planned) = ScenarioPlanning.plan(loaded, revision: scenario.revision + 1)
        guard stored.outcome != .inputErrors else {
            return try await ScenarioResultRoutes.personPage(request, scenario: scenario, staffNumber: number, errors: stored.errors.map { request.text($0.text) }, input: input)
        }
        let added = try await request.db.writeTransaction { database -> Bool in
            // Two submissions at once: the scenario's row decides which one adds the pin.
            try await RowLock.lock(RotationScenario.schema, id: id, on: database)
            let existing = try await RotationScenarioPin.query(on: database).filter(\.$scenarioID == id).filter(\.$staffNumber == number).all()
            guard !existing.contains(where: { $0.pin == pin }) else { return false }
            try await RotationScenarioPin(scenarioID: id, staffNumber: number, pin: pin).create(on: database)
            if pin == .stays {
                try await RotationScenarioMover.query(on: database).filter(\.$scenarioID == id).filter(\.$staffNumber == number).delete()
            }
            ScenarioPlanning.touch(scenario)
            ScenarioPlanning.record(stored, in: scenario)
            try await scenario.save(on: database)
            return true
        }
        guard added else { return try Self.pinExists(request, scenario: scenario) }
        try await ScenarioPlanning.remember(planned, of: scenario, request: request)
        try await request.audit(.update, subjectType: "rotation_scenario", subjectID: scenario.name, detail: "pin \(number) \(input.kind ?? "") \(code)")
        return try Self.afterResolve(request, scenario: scenario)
    }

    private static func pinExists(_ request: Request, scenario: RotationScenario) throws -> Response {
        request.flash(.info, request.t("rotation.pinExists"))
        return request.redirect(to: RotationRoute.scenario(.id(try scenario.requireID())).path)
    }

    private static func afterResolve(_ request: Request, scenario: RotationScenario) throws -> Response {
        let stored = StoredSolution.decode(scenario.solution)
        let milliseconds = String(stored?.milliseconds ?? 0)
        request.flash(stored?.outcome == .optimal ? .success : .error,
                      request.t(stored?.outcome == .optimal ? "rotation.resolved" : "rotation.resolvedNotOptimal", milliseconds))
        let parameter = RouteParameter.id(try scenario.requireID())
        return request.redirect(to: stored?.outcome == .optimal ? RotationRoute.changes(parameter).path : RotationRoute.scenario(parameter).path)
    }

    struct PinRemoveForm: Content {
        var pin_id: UUID?
    }

    @Sendable func removePin(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        if let refusal = try ScenarioRoutes.refuseIfApproved(scenario, request: request) { return refusal }
        let id = try scenario.requireID()
        guard let pinID = try request.content.decode(PinRemoveForm.self).pin_id,
              let pin = try await RotationScenarioPin.query(on: request.db).filter(\.$id == pinID).filter(\.$scenarioID == id).first() else {
            throw Abort(.notFound)
        }
        let planned = try await request.db.writeTransaction { database in
            try await pin.delete(on: database)
            ScenarioPlanning.touch(scenario)
            return try await ScenarioPlanning.solveAndStore(scenario, on: database).1
        }
        try await ScenarioPlanning.remember(planned, of: scenario, request: request)
        try await request.audit(.update, subjectType: "rotation_scenario", subjectID: scenario.name, detail: "unpin \(pin.staffNumber)")
        return try Self.afterResolve(request, scenario: scenario)
    }

    // MARK: - Capacities

    /// The page's row type, named as the rows are built below.
    @Sendable func capacities(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        let rows = try await RotationScenarioCapacity.query(on: request.db).filter(\.$scenarioID == scenario.requireID()).all()
        let values = Dictionary(rows.map { ($0.sectionCode, String($0.headcount)) }, uniquingKeysWith: { a, _ in a })
        return try await capacitiesPage(request, scenario: scenario, values: values, fieldErrors: [:], errors: [])
    }

    private func capacitiesPage(
        _ request: Request, scenario: RotationScenario, values: [SectionCode: String], fieldErrors: [SectionCode: String], errors: [String]
    ) async throws -> Response {
        guard let year = try await ScenarioPlanning.organizationYear(for: scenario.transferDate, on: request.db) else { throw Abort(.notFound) }
        let tree = try await OrganizationTree.load(fiscalYear: year, on: request.db)
        let rows = tree.flattened().map { item in
            ScenarioCapacitiesPage.CapacityRow(code: item.record.code, name: request.text(item.record.localizedName), depth: item.depth,
                        fieldName: "headcount_" + item.record.code.rawValue, fieldID: "field-headcount-" + item.record.code.rawValue,
                        headcount: item.record.authorizedHeadcount, value: values[item.record.code] ?? "", error: fieldErrors[item.record.code])
        }
        let content = ScenarioCapacitiesPage.build(
            action: scenario.isApproved ? nil : RotationRoute.capacities(.id(try scenario.requireID())).path, rows: rows, errors: errors, csrfToken: request.csrfToken)
        return try await request.renderPage(
            "rotation/capacities", title: "rotation.capacitiesTitle", titleArguments: [scenario.name],
            breadcrumbs: ScenarioRoutes.breadcrumbs(request, scenario: scenario) + [Breadcrumb(label: request.t("rotation.capacities"), href: nil)],
            content: content, status: content.errors.isEmpty ? .ok : .unprocessableEntity)
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
        var values: [SectionCode: String] = [:]
        var fieldErrors: [SectionCode: String] = [:]
        var overrides: [SectionCode: Int] = [:]
        for unit in loaded.tree.units.values {
            let text = (form["headcount_" + unit.code.rawValue] ?? "").trimmingCharacters(in: .whitespaces)
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
        try await request.db.writeTransaction { database in
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
