import Fluent
import Foundation
import JibungotoDomain
import RotationSolver
import Vapor

/// A text in both languages as stored with a solution, naming the person or section it is about.
struct StoredText: Codable, Sendable {
    var ja: String
    var en: String
    var staffNumber: StaffNumber?
    var sectionCode: SectionCode?

    init(_ text: Bilingual, staffNumber: StaffNumber? = nil, sectionCode: SectionCode? = nil) {
        self.ja = text.ja
        self.en = text.en
        self.staffNumber = staffNumber
        self.sectionCode = sectionCode
    }

    init(_ issue: RotationIssue) { self.init(issue.message, staffNumber: issue.staffNumber, sectionCode: issue.sectionCode) }

    var text: Bilingual { Bilingual(ja: ja, en: en) }
}

/// What a solve left behind, stored with the scenario: the placements (for the diff and the
/// approval), the figures and every message, so the overview needs no recomputation.
struct StoredSolution: Codable, Sendable {
    enum Outcome: String, Codable, Sendable {
        case optimal, infeasible, inputErrors = "input_errors", stopped
    }

    var revision: Int
    var outcome: Outcome
    /// 職員番号 → seat pool (a mover who stays is in their own pool).
    var placements: [StaffNumber: SeatPool]
    var metrics: ScenarioMetrics?
    var certificateVerified: Bool
    var errors: [StoredText]
    var warnings: [StoredText]
    var unplaceable: [StoredText]
    var infeasibility: StoredText?
    var milliseconds: Int

    func encoded() -> String { JSONText.encode(self, fallback: "{}") }

    static func decode(_ text: String?) -> StoredSolution? { JSONText.decode(StoredSolution.self, from: text) }
}

/// A built and solved scenario in memory, for the result and explanation pages.
struct PlannedScenario: Sendable {
    let revision: Int
    let model: PlannerModel
    let result: RotationPlanner.PlanResult?
    let tree: OrganizationTree
}

/// The last planned scenarios of this instance. Only an accelerator: the database holds the
/// input and the stored solution, so another instance rebuilds the same model (the planner and
/// the solver are deterministic) when it has none.
actor PlannedScenarioCache {
    private var entries: [UUID: PlannedScenario] = [:]
    private var recent: [UUID] = []
    private let capacity = 6

    func get(_ id: UUID, revision: Int) -> PlannedScenario? {
        guard let entry = entries[id], entry.revision == revision else { return nil }
        return entry
    }

    func put(_ id: UUID, _ planned: PlannedScenario) {
        entries[id] = planned
        recent.removeAll { $0 == id }
        recent.append(id)
        while recent.count > capacity { entries[recent.removeFirst()] = nil }
    }

    func remove(_ id: UUID) {
        entries[id] = nil
        recent.removeAll { $0 == id }
    }
}

extension Application {
    private struct PlannedScenarioCacheKey: StorageKey {
        typealias Value = PlannedScenarioCache
    }

    var plannedScenarios: PlannedScenarioCache {
        if let cache = storage[PlannedScenarioCacheKey.self] { return cache }
        let cache = PlannedScenarioCache()
        storage[PlannedScenarioCacheKey.self] = cache
        return cache
    }
}

/// Loads a scenario's input from the Organization and Career modules, builds the model and
/// solves it exactly.
enum ScenarioPlanning {
    struct Loaded: Sendable {
        var input: RotationInput
        var movers: [Mover]
        var rules: RotationRules
        var settings: RotationRuleSettings
        let tree: OrganizationTree
    }

    enum Failure: Error {
        /// No organization for the transfer date's fiscal year or any earlier one.
        case noOrganization
    }

    /// The organization a transfer date is planned on: its fiscal year's, or the newest before
    /// it (next year's organization is often created late).
    static func organizationYear(for date: LocalDate, on database: any Database) async throws -> Int? {
        try await OrganizationYears.all(on: database).first { $0 <= date.fiscalYear.startYear }
    }

    /// The organization a scenario is planned on.
    static func tree(for scenario: RotationScenario, on database: any Database) async throws -> OrganizationTree? {
        guard let year = try await organizationYear(for: scenario.transferDate, on: database) else { return nil }
        return try await OrganizationTree.load(fiscalYear: year, on: database)
    }

    /// The last approved transfer date, other than `excluding`'s.
    static func lastApprovedTransferDate(excluding: UUID? = nil, on database: any Database) async throws -> LocalDate? {
        let approved = try await RotationScenario.query(on: database).filter(\.$status == .approved).all()
        return approved.filter { $0.id != excluding }.map(\.transferDate).max()
    }

    /// Everything except movers: staff, history, organization, the latest self-report's
    /// wishes before the transfer date, and the scenario's pins and capacities when given.
    static func input(transferDate: LocalDate, scenario: RotationScenario?, on database: any Database) async throws -> (RotationInput, OrganizationTree) {
        guard let year = try await organizationYear(for: transferDate, on: database) else { throw Failure.noOrganization }
        let tree = try await OrganizationTree.load(fiscalYear: year, on: database)
        let sections = tree.units.values.sorted { $0.code < $1.code }
        let staff = try await StaffMember.query(on: database).sort(\.$staffNumber).all().map(\.record)
        let assignments = try await Assignment.query(on: database).all().map(\.record)
        var wishes: [StaffNumber: [RotationWish]] = [:]
        var wantsToMove: Set<StaffNumber> = []
        if let cycle = try await SelfReportCycle.query(on: database).filter(\.$opensOn < transferDate).sort(\.$opensOn, .descending).first() {
            let reports = try await SelfReport.query(on: database).filter(\.$cycle.$id == cycle.requireID())
                .filter(\.$submittedAt != nil).with(\.$wishes).all()
            for report in reports {
                let list = report.wishes.map { RotationWish(rank: $0.rank, sectionCode: $0.sectionCode) }.sorted { $0.rank < $1.rank }
                if !list.isEmpty { wishes[report.staffNumber] = list }
                if report.moveWish == MoveWish.move.rawValue { wantsToMove.insert(report.staffNumber) }
            }
        }
        let collaborationHistory = try await CollaborationPosts.load(on: database)
        var pins: [StaffNumber: [RotationPin]] = [:]
        var headcounts: [SectionCode: Int] = [:]
        if let scenario, let id = scenario.id {
            for row in try await RotationScenarioPin.query(on: database).filter(\.$scenarioID == id).all() {
                if let pin = row.pin { pins[row.staffNumber, default: []].append(pin) }
            }
            for row in try await RotationScenarioCapacity.query(on: database).filter(\.$scenarioID == id).all() {
                headcounts[row.sectionCode] = row.headcount
            }
        }
        let input = RotationInput(
            transferDate: transferDate, staff: staff, assignments: assignments, sections: sections, wishes: wishes,
            wantsToMove: wantsToMove, pins: pins, headcountOverrides: headcounts,
            jobTypeFit: .observed(sections: sections, staff: staff, assignments: assignments),
            collaborationHistory: collaborationHistory,
            lastApprovedTransferDate: try await lastApprovedTransferDate(excluding: scenario?.id, on: database))
        return (input, tree)
    }

    static func load(_ scenario: RotationScenario, on database: any Database) async throws -> Loaded {
        let (input, tree) = try await input(transferDate: scenario.transferDate, scenario: scenario, on: database)
        let movers = try await RotationScenarioMover.query(on: database).filter(\.$scenarioID == scenario.requireID())
            .sort(\.$staffNumber).all().map(\.mover)
        let settings = RotationRuleSettings.decode(scenario.rules)
        return Loaded(input: input, movers: movers, rules: settings.rules, settings: settings, tree: tree)
    }

    /// The errors the planner found in an input, with the person or section each names.
    static func inputErrors(_ error: RotationInputError) -> [StoredText] {
        error.issues.filter { $0.severity == .error }.map(StoredText.init)
    }

    /// Builds and solves; the stored form of the outcome and, when the input had no errors, the model.
    static func plan(_ loaded: Loaded, revision: Int) -> (StoredSolution, PlannedScenario?) {
        let clock = ContinuousClock()
        let start = clock.now
        var stored = StoredSolution(revision: revision, outcome: .inputErrors, placements: [:], metrics: nil, certificateVerified: false,
                                    errors: [], warnings: [], unplaceable: [], infeasibility: nil, milliseconds: 0)
        func finish() { stored.milliseconds = Int((clock.now - start) / .milliseconds(1)) }
        let model: PlannerModel
        do {
            model = try RotationPlanner.build(loaded.input, movers: loaded.movers, rules: loaded.rules)
        } catch {
            stored.errors = inputErrors(error)
            finish()
            return (stored, nil)
        }
        stored.warnings = model.warnings.map(StoredText.init)
        stored.unplaceable = RotationPlanner.unplaceableReport(model).map { StoredText($0.text, staffNumber: $0.staffNumber) }
        var result: RotationPlanner.PlanResult? = nil
        switch RotationPlanner.solve(model) {
        case .optimal(let solved):
            result = solved
            stored.outcome = .optimal
            stored.placements = solved.placements
            stored.certificateVerified = (try? solved.verification.get()) != nil
            stored.metrics = RotationPlanner.metrics(solved, model: model)
        case .infeasible(let why):
            stored.outcome = .infeasible
            stored.infeasibility = StoredText(why.text)
        case .stopped:
            stored.outcome = .stopped
        }
        finish()
        return (stored, PlannedScenario(revision: revision, model: model, result: result, tree: loaded.tree))
    }

    /// Puts a solution on the scenario (not yet saved); the current one becomes the previous one
    /// when it was optimal, so the changes page compares two real placements.
    static func record(_ stored: StoredSolution, in scenario: RotationScenario) {
        if StoredSolution.decode(scenario.solution)?.outcome == .optimal {
            scenario.previousSolution = scenario.solution
        }
        scenario.solution = stored.encoded()
        scenario.solvedRevision = stored.revision
        scenario.solvedAt = Date()
    }

    /// Solves the scenario as it is stored and saves the solution on it.
    static func solveAndStore(_ scenario: RotationScenario, on database: any Database) async throws -> (StoredSolution, PlannedScenario?) {
        let (stored, planned) = plan(try await load(scenario, on: database), revision: scenario.revision)
        record(stored, in: scenario)
        try await scenario.save(on: database)
        return (stored, planned)
    }

    /// Keeps this instance's model of a scenario whose solution was just saved (or forgets it
    /// when the input had errors).
    static func remember(_ planned: PlannedScenario?, of scenario: RotationScenario, request: Request) async throws {
        let id = try scenario.requireID()
        if let planned { await request.application.plannedScenarios.put(id, planned) } else { await request.application.plannedScenarios.remove(id) }
    }

    /// The model and result of the stored solution: from this instance's cache, else rebuilt.
    /// Nil when the scenario has not been solved since its last change.
    static func planned(_ scenario: RotationScenario, request: Request) async throws -> PlannedScenario? {
        let id = try scenario.requireID()
        guard scenario.solvedRevision == scenario.revision else { return nil }
        if let hit = await request.application.plannedScenarios.get(id, revision: scenario.revision) { return hit }
        let (_, planned) = plan(try await load(scenario, on: request.db), revision: scenario.revision)
        if let planned { await request.application.plannedScenarios.put(id, planned) }
        return planned
    }

    /// Marks the input changed: the stored solution no longer describes it.
    static func touch(_ scenario: RotationScenario) {
        scenario.revision += 1
    }
}
