import Fluent
import JibungotoDomain
import Vapor

/// The solved scenario: the result list with reasons, one person's placement with the
/// alternatives and "why not my wish?", HR pins with an immediate re-solve, the changes
/// against the previous solution and the draft transfer list (異動内示案) as CSV.
struct ScenarioResultRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, RotationRoute.results(.pattern), requires: .permission(.planRotation), shows: .viewed(subject: "rotation_results"), use: results)
        routes.on(.GET, RotationRoute.person(.pattern, .pattern), requires: .permission(.planRotation), shows: .viewed(subject: "rotation_person"), use: person)
        routes.on(.POST, RotationRoute.pins(.pattern), requires: .permission(.planRotation), shows: .nothing, use: addPin)
        routes.on(.POST, RotationRoute.pinRemove(.pattern), requires: .permission(.planRotation), shows: .nothing, use: removePin)
        routes.on(.GET, RotationRoute.changes(.pattern), requires: .permission(.planRotation), shows: .viewed(subject: "rotation_changes"), use: changes)
        routes.on(.GET, RotationRoute.export(.pattern), requires: .permission(.planRotation), shows: .exported(subject: "rotation_scenario"), use: export)
    }

    // MARK: - Result list

    struct ResultsContent: Encodable, Sendable {
        let notice: String?
        let solveAction: String?
        let csrfToken: String
        let filter: FormModel
        let rows: [ResultRow]
        let pagination: Pagination?
        let sortLinks: [SortLink]
    }

    struct ResultRow: Encodable, Sendable {
        let staffNumber: String
        let name: String
        let href: String
        let from: String
        let fromPost: String
        let to: String
        let stays: Bool
        let reasons: String
        let placement: String
        let bent: [String]
        let points: Int
    }

    struct SortLink: Encodable, Sendable {
        let label: String
        let href: String
        let isCurrent: Bool
    }

    enum ReasonFilter: String, CaseIterable {
        case mustMove = "must_move", earlyCareer = "early_career", wishMet = "wish_met", wishUnmet = "wish_unmet",
             managerial, addedByHR = "added_by_hr", bent
    }

    enum Sort: String, CaseIterable {
        case number, from, to, points
    }

    @Sendable func results(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        let parameter = RouteParameter.id(try scenario.requireID())
        let query = ((try? request.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        let department = (try? request.query.get(String.self, at: "department")) ?? ""
        let reason = ReasonFilter(rawValue: (try? request.query.get(String.self, at: "reason")) ?? "")
        let outcome = (try? request.query.get(String.self, at: "outcome")) ?? ""
        let sort = Sort(rawValue: (try? request.query.get(String.self, at: "sort")) ?? "") ?? .number
        let planned = try await ScenarioPlanning.planned(scenario, request: request)
        let tree = planned?.tree
        var departments = tree.map { tree in tree.roots.compactMap { tree.units[$0] } } ?? []
        departments.sort { $0.code < $1.code }
        var filter = FormModel(request: request, action: RotationRoute.results(parameter).path, method: .GET, submitLabelKey: "rotation.filter", fields: [
            FormField(request: request, name: "q", labelKey: "rotation.searchMover", value: query, maxLength: 50),
            FormField(request: request, name: "department", labelKey: "rotation.toDepartment", kind: .select,
                      options: [FormOption(value: "", label: request.t("staff.any"), isSelected: department.isEmpty, fieldName: "department")]
                        + departments.map { FormOption(value: $0.code, label: request.text($0.localizedName), isSelected: $0.code == department, fieldName: "department") }),
            FormField(request: request, name: "reason", labelKey: "rotation.reasonFilter", kind: .select,
                      options: [FormOption(value: "", label: request.t("staff.any"), isSelected: reason == nil, fieldName: "reason")]
                        + ReasonFilter.allCases.map { FormOption(value: $0.rawValue, label: request.t("rotation.reasonFilter." + $0.rawValue), isSelected: $0 == reason, fieldName: "reason") }),
            FormField(request: request, name: "outcome", labelKey: "rotation.outcomeFilter", kind: .select,
                      options: ["", "moved", "stayed"].map { FormOption(value: $0, label: request.t($0.isEmpty ? "staff.any" : "rotation.outcomeFilter." + $0), isSelected: $0 == outcome, fieldName: "outcome") }),
            FormField(request: request, name: "sort", labelKey: "staff.sort", kind: .hidden, value: sort.rawValue),
        ])
        filter.errors = []
        let filters = [("q", query), ("department", department), ("reason", reason?.rawValue ?? ""), ("outcome", outcome)]
        let sortLinks = Sort.allCases.map {
            SortLink(label: request.t("rotation.sort." + $0.rawValue), href: RotationRoute.results(parameter).path(query: filters + [("sort", $0.rawValue)]), isCurrent: $0 == sort)
        }
        guard let planned, let result = planned.result else {
            let stored = StoredSolution.decode(scenario.solution)
            let notice = scenario.solvedRevision != scenario.revision ? request.t("rotation.staleNotice")
                : stored.map { request.t("rotation.noResult", request.t("rotation.outcome." + $0.outcome.rawValue)) } ?? request.t("rotation.notSolved")
            return try await request.renderPage(
                "rotation/results", title: "rotation.resultsTitle", titleArguments: [scenario.name],
                breadcrumbs: ScenarioRoutes.breadcrumbs(request, scenario: scenario) + [Breadcrumb(label: request.t("rotation.results"), href: nil)],
                content: ResultsContent(notice: notice, solveAction: scenario.isApproved ? nil : RotationRoute.solve(parameter).path, csrfToken: request.csrfToken,
                                        filter: filter, rows: [], pagination: nil, sortLinks: []))
        }
        let model = planned.model
        let language = request.language
        func text(_ value: Bilingual) -> String { language == .en ? value.en : value.ja }
        var explanations = RotationPlanner.explain(result, model: model, alternatives: 0)
        let normalizedQuery = KanaSearch.normalize(query)
        if !query.isEmpty {
            let staff = Dictionary(model.input.staff.map { ($0.staffNumber, $0) }, uniquingKeysWith: { a, _ in a })
            explanations = explanations.filter { row in
                row.staffNumber.contains(query) || row.name.contains(query)
                    || (!normalizedQuery.isEmpty && staff[row.staffNumber].map { KanaSearch.normalize($0.nameKana).contains(normalizedQuery) } == true)
            }
        }
        if !department.isEmpty {
            explanations = explanations.filter { !$0.stays && tree?.department(of: $0.to.sectionCode)?.code == department }
        }
        if outcome == "moved" { explanations = explanations.filter { !$0.stays } }
        if outcome == "stayed" { explanations = explanations.filter(\.stays) }
        if let reason {
            explanations = explanations.filter { row in
                let wishMet = row.terms.contains { if case .wish = $0.kind { true } else { false } }
                switch reason {
                case .mustMove: return row.moverReasons.contains(where: \.isMandatory)
                case .earlyCareer: return row.moverReasons.contains { if case .earlyCareerWithoutCollaboration = $0 { true } else { false } }
                case .wishMet: return wishMet
                case .wishUnmet: return !wishMet && !(model.input.wishes[row.staffNumber] ?? []).isEmpty
                case .managerial: return row.moverReasons.contains { if case .managerialAgeLimit = $0 { true } else { false } }
                case .addedByHR: return row.moverReasons.contains(.addedByHR)
                case .bent: return !row.bentRules.isEmpty
                }
            }
        }
        switch sort {
        case .number: break
        case .from: explanations.sort { ($0.fromSection ?? "", $0.staffNumber) < ($1.fromSection ?? "", $1.staffNumber) }
        case .to: explanations.sort { ($0.to.sectionCode, $0.staffNumber) < ($1.to.sectionCode, $1.staffNumber) }
        case .points: explanations.sort { ($0.points, $0.staffNumber) < ($1.points, $1.staffNumber) }
        }
        let page = Pagination.requestedPage(request)
        let perPage = 100
        let rows = explanations.dropFirst((page - 1) * perPage).prefix(perPage).map { row in
            ResultRow(
                staffNumber: row.staffNumber, name: row.name, href: RotationRoute.person(parameter, .value(row.staffNumber)).path,
                from: text(row.fromName), fromPost: row.fromPost ?? "", to: Self.poolLabel(row.to, name: row.toName, request: request), stays: row.stays,
                reasons: text(.joined(row.moverReasons.map(\.text))), placement: text(.joined(row.placementReasons)),
                bent: row.bentRules.map { request.t("rotation.bentCost", text($0.text), String($0.cost)) }, points: row.points)
        }
        return try await request.renderPage(
            "rotation/results", title: "rotation.resultsTitle", titleArguments: [scenario.name],
            breadcrumbs: ScenarioRoutes.breadcrumbs(request, scenario: scenario) + [Breadcrumb(label: request.t("rotation.results"), href: nil)],
            content: ResultsContent(
                notice: nil, solveAction: nil, csrfToken: request.csrfToken, filter: filter, rows: Array(rows),
                pagination: Pagination(request: request, route: RotationRoute.results(parameter), filters: filters + [("sort", sort.rawValue)],
                                       page: page, total: explanations.count, perPage: perPage),
                sortLinks: sortLinks))
    }

    /// A seat pool for people: the section's name, with the level for a post seat (課長級 …).
    static func poolLabel(_ pool: SeatPool, name: Bilingual, request: Request) -> String {
        poolLabel(pool, section: request.language == .en ? name.en : name.ja, request: request)
    }

    static func poolLabel(_ pool: SeatPool, section: String, request: Request) -> String {
        pool.tier == 0 ? section : request.t("rotation.poolWithTier", section, request.t("rotation.tier.\(pool.tier)"))
    }

    // MARK: - One person

    struct PersonContent: Encodable, Sendable {
        let staffNumber: String
        let name: String
        let staffHref: String
        let errors: [String]
        var isMover = false
        var notMoverReason: String?
        var from: String?
        var to: String?
        var stays = false
        var reasons: String?
        var placement: String?
        var terms: [Term] = []
        var bent: [Term] = []
        var alternatives: [AlternativeRow] = []
        var wishes: [WishRow] = []
        var pins: [PinRow] = []
        var pinForm: FormModel?
        var pinAction: String?
        var pinRemoveAction: String?
        let csrfToken: String
        var notice: String?
    }

    struct Term: Encodable, Sendable {
        let text: String
        let points: Int
    }

    struct AlternativeRow: Encodable, Sendable {
        let section: String
        let sectionCode: String
        let reducedCost: String
        let text: String
        let canPin: Bool
    }

    struct WishRow: Encodable, Sendable {
        let rank: Int
        let section: String
        let text: String
        let met: Bool
    }

    struct PinRow: Encodable, Sendable {
        let id: String
        let text: String
    }

    @Sendable func person(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        guard let number = request.parameters.get("staffNumber") else { throw Abort(.notFound) }
        return try await personPage(request, scenario: scenario, staffNumber: number, errors: [], input: PinForm())
    }

    private func personPage(_ request: Request, scenario: RotationScenario, staffNumber number: String, errors: [String], input: PinForm) async throws -> Response {
        let id = try scenario.requireID()
        let parameter = RouteParameter.id(id)
        guard let member = try await StaffMember.query(on: request.db).filter(\.$staffNumber == number).first() else { throw Abort(.notFound) }
        let language = request.language
        func text(_ value: Bilingual) -> String { language == .en ? value.en : value.ja }
        let planned = try await ScenarioPlanning.planned(scenario, request: request)
        var content = PersonContent(staffNumber: number, name: member.name, staffHref: OrganizationRoute.staff(.value(number)).path,
                                    errors: errors, csrfToken: request.csrfToken)
        if let planned, let result = planned.result {
            let model = planned.model
            if let row = RotationPlanner.explain(staffNumber: number, result, model: model, alternatives: 5) {
                content.isMover = true
                content.from = text(row.fromName) + (row.fromPost.map { "（\($0)）" } ?? "")
                content.to = Self.poolLabel(row.to, name: row.toName, request: request)
                content.stays = row.stays
                content.reasons = text(.joined(row.moverReasons.map(\.text)))
                content.placement = text(.joined(row.placementReasons))
                content.terms = row.terms.map { Term(text: text($0.text), points: $0.points) }
                content.bent = row.bentRules.map { Term(text: text($0.text), points: $0.cost) }
                content.alternatives = row.alternatives.map { alternative in
                    AlternativeRow(section: Self.poolLabel(alternative.pool, name: alternative.sectionName, request: request),
                                   sectionCode: alternative.pool.sectionCode,
                                   reducedCost: alternative.reducedCost.map(String.init) ?? "—", text: text(alternative.text),
                                   canPin: !scenario.isApproved && alternative.reducedCost != nil && alternative.pool.sectionCode != row.fromSection)
                }
            } else {
                content.notMoverReason = text(RotationPlanner.notAMoverReason(number, model: model))
            }
            content.wishes = RotationPlanner.whyNotMyWish(staffNumber: number, result, model: model).map { answer in
                let met: Bool = if case .met = answer.status { true } else { false }
                return WishRow(rank: answer.wish.rank, section: text(answer.sectionName), text: text(answer.text), met: met)
            }
        } else {
            content.notice = request.t(scenario.solvedRevision == scenario.revision ? "rotation.noResultShort" : "rotation.staleNotice")
        }
        let pins = try await RotationScenarioPin.query(on: request.db).filter(\.$scenarioID == id).filter(\.$staffNumber == number).all()
        var tree = planned?.tree
        if tree == nil { tree = try await ScenarioPlanning.tree(for: scenario, on: request.db) }
        func sectionName(_ code: String?) -> String { code.flatMap { tree?.units[$0] }.map { request.text($0.localizedName) } ?? (code ?? "") }
        let pinRows = try pins.map { pin in
            PinRow(id: try pin.requireID().uuidString, text: request.t("rotation.pin." + pin.kind, sectionName(pin.sectionCode)))
        }
        var pinForm: FormModel? = nil
        if !scenario.isApproved, let tree {
            let kind = input.kind ?? RotationScenarioPin.Kind.mustGoTo.rawValue
            var form = FormModel(request: request, action: RotationRoute.pins(parameter).path, submitLabelKey: "rotation.pinAndSolve", fields: [
                FormField(request: request, name: "staff_number", labelKey: "staff.number", kind: .hidden, value: number),
                FormField(request: request, name: "kind", labelKey: "rotation.pinKind", kind: .radios, options: RotationScenarioPin.Kind.allCases.map {
                    FormOption(value: $0.rawValue, label: request.t("rotation.pinKind." + $0.rawValue), isSelected: $0.rawValue == kind, fieldName: "kind")
                }),
                FormField(request: request, name: "section_code", labelKey: "rotation.pinSection", kind: .select,
                          options: [FormOption(value: "", label: request.t("rotation.pinSectionNone"), isSelected: (input.section_code ?? "").isEmpty, fieldName: "section_code")]
                            + tree.flattened().map { item in
                                FormOption(value: item.record.code, label: String(repeating: "　", count: item.depth) + request.text(item.record.localizedName),
                                           isSelected: item.record.code == input.section_code, fieldName: "section_code")
                            },
                          hintKey: "rotation.pinSectionHint"),
            ])
            form.errors = []
            pinForm = form
        }
        content.pins = pinRows
        content.pinForm = pinForm
        content.pinAction = scenario.isApproved ? nil : RotationRoute.pins(parameter).path
        content.pinRemoveAction = scenario.isApproved ? nil : RotationRoute.pinRemove(parameter).path
        return try await request.renderPage(
            "rotation/person", title: "rotation.personTitle", titleArguments: [member.name],
            breadcrumbs: ScenarioRoutes.breadcrumbs(request, scenario: scenario)
                + [Breadcrumb(label: request.t("rotation.results"), href: RotationRoute.results(parameter).path), Breadcrumb(label: member.name, href: nil)],
            content: content, status: errors.isEmpty ? .ok : .unprocessableEntity)
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
        let number = input.staff_number ?? ""
        var loaded = try await ScenarioPlanning.load(scenario, on: request.db)
        guard loaded.input.staff.contains(where: { $0.staffNumber == number }) else { throw Abort(.notFound) }
        let code = (input.section_code ?? "").trimmingCharacters(in: .whitespaces)
        let pin: RotationPin?
        switch RotationScenarioPin.Kind(rawValue: input.kind ?? "") {
        case .stays: pin = .stays
        case .mustGoTo: pin = code.isEmpty ? nil : .mustGoTo(code)
        case .mustNotGoTo: pin = code.isEmpty ? nil : .mustNotGoTo(code)
        case nil: pin = nil
        }
        guard let pin else {
            let message = RotationScenarioPin.Kind(rawValue: input.kind ?? "") == nil
                ? request.t("form.invalidChoice", request.t("rotation.pinKind")) : request.t("form.required", request.t("rotation.pinSection"))
            return try await personPage(request, scenario: scenario, staffNumber: number, errors: [message], input: input)
        }
        loaded.input.pins[number, default: []].append(pin)
        if pin == .stays { loaded.movers.removeAll { $0.staffNumber == number } }
        // One build both checks the pin and gives the new solution.
        let (stored, planned) = ScenarioPlanning.plan(loaded, revision: scenario.revision + 1)
        guard stored.outcome != .inputErrors else {
            return try await personPage(request, scenario: scenario, staffNumber: number, errors: stored.errors.map { $0.text(request.language) }, input: input)
        }
        try await request.db.transaction { database in
            try await RotationScenarioPin(scenarioID: id, staffNumber: number, pin: pin).create(on: database)
            if pin == .stays {
                try await RotationScenarioMover.query(on: database).filter(\.$scenarioID == id).filter(\.$staffNumber == number).delete()
            }
            ScenarioPlanning.touch(scenario)
            ScenarioPlanning.record(stored, in: scenario)
            try await scenario.save(on: database)
        }
        try await ScenarioPlanning.remember(planned, of: scenario, request: request)
        try await request.audit(.update, subjectType: "rotation_scenario", subjectID: scenario.name, detail: "pin \(number) \(input.kind ?? "") \(code)")
        return try Self.afterResolve(request, scenario: scenario)
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
        let planned = try await request.db.transaction { database in
            try await pin.delete(on: database)
            ScenarioPlanning.touch(scenario)
            return try await ScenarioPlanning.solveAndStore(scenario, on: database).1
        }
        try await ScenarioPlanning.remember(planned, of: scenario, request: request)
        try await request.audit(.update, subjectType: "rotation_scenario", subjectID: scenario.name, detail: "unpin \(pin.staffNumber)")
        return try Self.afterResolve(request, scenario: scenario)
    }

    // MARK: - Changes

    struct ChangesContent: Encodable, Sendable {
        let hasPrevious: Bool
        let rows: [ChangeRow]
        let figures: [FigureRow]
    }

    struct ChangeRow: Encodable, Sendable {
        let staffNumber: String
        let name: String
        let href: String
        let before: String
        let after: String
    }

    struct FigureRow: Encodable, Sendable {
        let label: String
        let before: String
        let after: String
    }

    @Sendable func changes(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        let parameter = RouteParameter.id(try scenario.requireID())
        let current = StoredSolution.decode(scenario.solution)
        let previous = StoredSolution.decode(scenario.previousSolution)
        var rows: [ChangeRow] = []
        var figures: [FigureRow] = []
        if let current, let previous {
            let numbers = Set(current.placements.keys).union(previous.placements.keys).filter { current.placements[$0] != previous.placements[$0] }.sorted()
            let staff = try await StaffMember.query(on: request.db).filter(\.$staffNumber ~~ numbers).all()
            let names = Dictionary(staff.map { ($0.staffNumber, $0.name) }, uniquingKeysWith: { a, _ in a })
            let tree = try await ScenarioPlanning.tree(for: scenario, on: request.db)
            func label(_ pool: SeatPool?) -> String {
                guard let pool else { return request.t("rotation.notOnList") }
                return Self.poolLabel(pool, section: tree?.units[pool.sectionCode].map { request.text($0.localizedName) } ?? pool.sectionCode, request: request)
            }
            rows = numbers.map { number in
                ChangeRow(staffNumber: number, name: names[number] ?? number, href: RotationRoute.person(parameter, .value(number)).path,
                          before: label(previous.placements[number]), after: label(current.placements[number]))
            }
            if let a = previous.metrics.map(ScenarioRoutes.MetricsView.init), let b = current.metrics.map(ScenarioRoutes.MetricsView.init) {
                let pairs: [(String, String, String)] = [
                    ("rotation.metric.moved", String(a.moved), String(b.moved)),
                    ("rotation.metric.wishes", a.wishes, b.wishes),
                    ("rotation.metric.collaboration", a.collaboration, b.collaboration),
                    ("rotation.metric.softRulesBent", String(a.softRulesBent), String(b.softRulesBent)),
                    ("rotation.metric.score", a.score, b.score),
                ]
                figures = pairs.map { FigureRow(label: request.t($0.0), before: $0.1, after: $0.2) }
            }
        }
        return try await request.renderPage(
            "rotation/changes", title: "rotation.changesTitle", titleArguments: [scenario.name],
            breadcrumbs: ScenarioRoutes.breadcrumbs(request, scenario: scenario) + [Breadcrumb(label: request.t("rotation.changes"), href: nil)],
            content: ChangesContent(hasPrevious: previous != nil && current != nil, rows: rows, figures: figures))
    }

    // MARK: - Export

    /// 異動内示案: every mover with from, to, post and the reasons; audit-logged.
    @Sendable func export(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        guard let planned = try await ScenarioPlanning.planned(scenario, request: request), let result = planned.result else {
            request.flash(.error, request.t("rotation.exportNeedsSolution"))
            return request.redirect(to: RotationRoute.scenario(.id(try scenario.requireID())).path)
        }
        let model = planned.model
        let jobTypes = Dictionary(model.input.staff.map { ($0.staffNumber, $0.jobType) }, uniquingKeysWith: { a, _ in a })
        let rules = RotationRuleSettings.decode(scenario.rules).rules
        let rows = RotationPlanner.explain(result, model: model, alternatives: 0).map { row -> [String] in
            let current = row.fromPost ?? ""
            let post = row.stays ? current : ScenarioRoutes.postAfterMove(currentPost: current, to: row.to, rules: rules)
            return [row.staffNumber, row.name, jobTypes[row.staffNumber] ?? "", row.fromSection ?? "", row.fromName.ja, current,
                    row.to.sectionCode, row.toName.ja, post, row.stays ? "残留" : "異動",
                    Bilingual.joined(row.moverReasons.map(\.text)).ja, Bilingual.joined(row.placementReasons).ja,
                    row.bentRules.map { "\($0.text.ja)（\($0.cost)点）" }.joined(separator: "・"), scenario.transferDay.iso]
        }
        try await request.audit(.export, subjectType: "rotation_scenario", subjectID: scenario.name, detail: "rows=\(rows.count)")
        return try CSVResponse.make(
            filename: "transfer-draft-\(scenario.transferDay.iso).csv",
            header: ["職員番号", "氏名", "職種", "現所属コード", "現所属", "現職名", "異動先コード", "異動先", "異動後職名", "区分", "異動対象の理由", "配置の理由", "緩めた規則", "異動日"],
            rows: rows, request: request)
    }
}
