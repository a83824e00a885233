import Fluent
import JibungotoDomain

/// The scenarios side by side per transfer date, with the form that creates one.
enum ScenarioListPage {
    struct Content: Encodable, Sendable {
        let groups: [DateGroup]
        let form: FormModel
        let settingsHref: String
        let complianceHref: String
    }

    struct DateGroup: Encodable, Sendable {
        let date: String
        let rows: [ComparisonRow]
    }

    /// One scenario as a row of the comparison table.
    struct ComparisonRow: Encodable, Sendable {
        let name: String
        let href: String
        let status: String
        let isCurrent: Bool
        let metrics: MetricsView?
        let outcome: String
    }

    /// The figures of a solved scenario as texts (the list, the overview and the changes page).
    struct MetricsView: Encodable, Sendable {
        let movers: Int
        let moved: Int
        let stayed: Int
        let wishes: String
        let firstWishes: Int
        let collaboration: String
        let lastChanceMissed: Int
        let departmentChanges: Int
        let softRulesBent: Int
        let softRuleCost: Int
        let score: String

        init(_ metrics: ScenarioMetrics) {
            movers = metrics.movers
            moved = metrics.moved
            stayed = metrics.stayed
            wishes = "\(metrics.wishesMet) / \(metrics.moversWithWishes)"
            firstWishes = metrics.firstWishesMet
            collaboration = "\(metrics.earlyCareerPlacedInCollaboration) / \(metrics.earlyCareerMovers)"
            lastChanceMissed = metrics.lastChanceMissed
            departmentChanges = metrics.departmentChanges
            softRulesBent = metrics.softRulesBentCount
            softRuleCost = metrics.softRuleCost
            score = String(metrics.score)
        }
    }

    /// `scenarios` newest transfer date first; within a date, in the order given.
    static func build(scenarios: [RotationScenario], form: FormModel, localizer: Localizer) throws -> Content {
        let groups = try Dictionary(grouping: scenarios, by: \.transferDate).sorted { $0.key > $1.key }.map { date, items in
            DateGroup(date: localizer.date(date), rows: try items.map { try comparisonRow($0, localizer: localizer) })
        }
        return Content(groups: groups, form: form, settingsHref: RotationRoute.settings.path, complianceHref: RotationRoute.compliance.path)
    }

    static func comparisonRow(_ scenario: RotationScenario, localizer: Localizer) throws -> ComparisonRow {
        let stored = StoredSolution.decode(scenario.solution)
        return ComparisonRow(
            name: scenario.name, href: RotationRoute.scenario(.id(try scenario.requireID())).path,
            status: localizer.t("rotation.status." + scenario.status.rawValue), isCurrent: scenario.solvedRevision == scenario.revision,
            metrics: stored?.metrics.map(MetricsView.init),
            outcome: stored.map { localizer.t("rotation.outcome." + $0.outcome.rawValue) } ?? localizer.t("rotation.notSolved"))
    }
}
