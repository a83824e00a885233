import Fluent
import JibungotoDomain

/// The scenarios side by side per transfer date, with the form that creates one.
enum ScenarioListPage {
    struct Content: Encodable, Sendable {
        let groups: [DateGroup]
        let form: FormModel
        let settingsHref: String
        let complianceHref: String
        let compareAction: String
    }

    struct DateGroup: Encodable, Sendable {
        let date: String
        let rows: [ComparisonRow]
        /// Two or more solved scenarios: the person-by-person comparison is offered.
        let canCompare: Bool
    }

    /// One scenario as a row of the comparison table.
    struct ComparisonRow: Encodable, Sendable {
        let id: String
        let name: String
        let href: String
        let status: String
        let isCurrent: Bool
        let metrics: MetricsView?
        let outcome: String
    }

    /// The figures of a solved scenario as texts (the list, the overview, the changes and the
    /// comparison pages): what an HR officer weighs, the same for every preset. The technical
    /// total (`score`, `softRuleCost`) is shown only behind a disclosure.
    struct MetricsView: Encodable, Sendable {
        let movers: Int
        let moved: Int
        let stayed: Int
        let wishes: String
        let firstWishes: Int
        let secondWishes: Int
        let thirdWishes: Int
        let collaboration: String
        let lastChanceMissed: Int
        let departmentChanges: Int
        let longTenureMoved: String
        let sectionsBelowHeadcount: String
        let softRulesBent: Int
        let softRuleCost: Int
        let score: String

        init(_ metrics: ScenarioMetrics) {
            movers = metrics.movers
            moved = metrics.moved
            stayed = metrics.stayed
            wishes = "\(metrics.wishesMet) / \(metrics.moversWithWishes)"
            firstWishes = metrics.firstWishesMet
            secondWishes = metrics.wishesMetByRank[2] ?? 0
            thirdWishes = metrics.wishesMetByRank[3] ?? 0
            collaboration = "\(metrics.earlyCareerPlacedInCollaboration) / \(metrics.earlyCareerMovers)"
            lastChanceMissed = metrics.lastChanceMissed
            departmentChanges = metrics.departmentChanges
            // Figures stored before these were kept: a dash until the scenario is solved again.
            longTenureMoved = metrics.longTenureMoved.map(String.init) ?? "—"
            sectionsBelowHeadcount = metrics.sectionsBelowHeadcount.map(String.init) ?? "—"
            softRulesBent = metrics.softRulesBentCount
            softRuleCost = metrics.softRuleCost
            score = String(metrics.score)
        }

        /// The figures in the order the pages list them, as (catalog key, value).
        var lines: [(key: String, value: String)] {
            [
                ("rotation.metric.moved", String(moved)),
                ("rotation.metric.wishes", wishes),
                ("rotation.metric.firstWishes", String(firstWishes)),
                ("rotation.metric.secondWishes", String(secondWishes)),
                ("rotation.metric.thirdWishes", String(thirdWishes)),
                ("rotation.metric.longTenureMoved", longTenureMoved),
                ("rotation.metric.sectionsBelowHeadcount", sectionsBelowHeadcount),
                ("rotation.metric.collaboration", collaboration),
                ("rotation.metric.departmentChanges", departmentChanges.description),
                ("rotation.metric.softRulesBent", String(softRulesBent)),
            ]
        }
    }

    /// `scenarios` newest transfer date first; within a date, in the order given.
    static func build(scenarios: [RotationScenario], form: FormModel, localizer: Localizer) throws -> Content {
        let groups = try Dictionary(grouping: scenarios, by: \.transferDate).sorted { $0.key > $1.key }.map { date, items in
            let rows = try items.map { try comparisonRow($0, localizer: localizer) }
            return DateGroup(date: localizer.date(date), rows: rows, canCompare: rows.count >= 2)
        }
        return Content(groups: groups, form: form, settingsHref: RotationRoute.settings.path, complianceHref: RotationRoute.compliance.path,
                       compareAction: RotationRoute.compare.path)
    }

    static func comparisonRow(_ scenario: RotationScenario, localizer: Localizer) throws -> ComparisonRow {
        let stored = StoredSolution.decode(scenario.solution)
        return ComparisonRow(
            id: try scenario.requireID().uuidString, name: scenario.name, href: RotationRoute.scenario(.id(try scenario.requireID())).path,
            status: localizer.t("rotation.status." + scenario.status.rawValue), isCurrent: scenario.solvedRevision == scenario.revision,
            metrics: stored?.metrics.map(MetricsView.init),
            outcome: stored.map { localizer.t("rotation.outcome." + $0.outcome.rawValue) } ?? localizer.t("rotation.notSolved"))
    }
}
