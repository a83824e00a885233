import Fluent
import JibungotoDomain

/// One scenario: its input in figures, its rules, the last solution's figures and messages,
/// and the actions (solve, approve, delete, export).
enum ScenarioOverviewPage {
    struct Content: Encodable, Sendable {
        let name: String
        let transferDate: String
        let status: String
        let isDraft: Bool
        let drafter: String
        let approver: String?
        let approvedAt: String?
        let pastWarning: String?
        let pins: [Message]
        let organizationNote: String
        let links: [Link]
        let moverCount: Int
        let pinCount: Int
        let capacityCount: Int
        let rules: [RuleLine]
        let solvedAt: String?
        let isStale: Bool
        let outcome: String?
        let isOptimal: Bool
        let certificate: String?
        let milliseconds: Int?
        /// The figures an HR officer compares, and the planner's own numbers behind a disclosure.
        let figures: [RuleLine]
        let technical: [RuleLine]
        let errors: [String]
        let infeasibility: String?
        let unplaceable: [Message]
        let warnings: [String]
        let csrfToken: String
        let solveAction: String
        let approveHref: String?
        let withdrawHref: String?
        let deleteAction: String?
        let exportLinks: [Link]
    }

    struct Link: Encodable, Sendable {
        let label: String
        let href: String
    }

    struct RuleLine: Encodable, Sendable {
        let label: String
        let value: String
    }

    struct Message: Encodable, Sendable {
        let text: String
        let href: String?
    }

    /// How many rows of each kind of input the scenario has.
    struct InputCounts: Sendable {
        let movers: Int
        let pins: Int
        let capacities: Int
    }

    /// The people who drafted and approved the list (names as shown), and HR's pins as lines.
    struct People: Sendable {
        let drafter: String
        let approver: String?
        let pins: [(staffNumber: StaffNumber, text: String)]
    }

    /// - Parameters:
    ///   - organizationYear: the fiscal year whose organization the scenario is planned on (nil: none).
    ///   - extraErrors: messages of a refused action, shown before the solution's own.
    static func build(
        scenario: RotationScenario, counts: InputCounts, people: People, organizationYear: Int?, extraErrors: [String], today: LocalDate,
        csrfToken: String, localizer: Localizer
    ) throws -> Content {
        let parameter = RouteParameter.id(try scenario.requireID())
        let stored = StoredSolution.decode(scenario.solution)
        let settings = RotationRuleSettings.decode(scenario.rules)
        let transferYear = FiscalYear.containing(scenario.transferDate).startYear
        let organizationNote = organizationYear.map { year in
            year == transferYear
                ? localizer.t("rotation.organizationOfYear", localizer.fiscalYear(year))
                : localizer.t("rotation.organizationCarried", localizer.fiscalYear(year), localizer.fiscalYear(transferYear))
        } ?? localizer.t("rotation.noOrganization")
        let isCurrent = scenario.solvedRevision == scenario.revision
        let isDraft = !scenario.isApproved
        let optimal = stored?.outcome == .optimal
        let metrics = stored?.metrics.map(ScenarioListPage.MetricsView.init)
        let rules = RotationRuleForm.numbers.map { RuleLine(label: localizer.t(RotationRuleForm.labelKey($0.name)), value: String(settings[keyPath: $0.keyPath])) }
            + RotationRuleForm.modes.map { RuleLine(label: localizer.t(RotationRuleForm.labelKey($0.name)), value: localizer.t("rotation.mode." + settings[keyPath: $0.keyPath].rawValue)) }
        func personHref(_ text: StoredText) -> String? { text.staffNumber.map { RotationRoute.person(parameter, .staff($0)).path } }
        return Content(
            name: scenario.name,
            transferDate: localizer.date(scenario.transferDate),
            status: localizer.t("rotation.status." + scenario.status.rawValue),
            isDraft: isDraft,
            drafter: people.drafter,
            approver: people.approver,
            approvedAt: scenario.approvedAt.map(localizer.timestamp),
            pastWarning: isDraft && scenario.transferDate < today ? localizer.t("rotation.pastTransferDate", localizer.date(scenario.transferDate)) : nil,
            pins: people.pins.map { Message(text: $0.text, href: RotationRoute.person(parameter, .staff($0.staffNumber)).path) },
            organizationNote: organizationNote,
            links: [
                Link(label: localizer.t("rotation.results"), href: RotationRoute.results(parameter).path),
                Link(label: localizer.t("rotation.changes"), href: RotationRoute.changes(parameter).path),
                Link(label: localizer.t("rotation.movers"), href: RotationRoute.movers(parameter).path),
                Link(label: localizer.t("rotation.capacities"), href: RotationRoute.capacities(parameter).path),
                Link(label: localizer.t("rotation.scenarioRules"), href: RotationRoute.scenarioRules(parameter).path),
            ] + (isDraft ? [] : [Link(label: localizer.t("documents.link"), href: DocumentRoute.index(parameter).path)]),
            moverCount: counts.movers, pinCount: counts.pins, capacityCount: counts.capacities, rules: rules,
            solvedAt: scenario.solvedAt.map(localizer.timestamp),
            isStale: stored != nil && !isCurrent,
            outcome: stored.map { localizer.t("rotation.outcome." + $0.outcome.rawValue) },
            isOptimal: optimal,
            certificate: optimal ? localizer.t(stored?.certificateVerified == true ? "rotation.certificateVerified" : "rotation.certificateFailed") : nil,
            milliseconds: stored?.milliseconds,
            figures: metrics.map { view in view.lines.map { RuleLine(label: localizer.t($0.key), value: $0.value) } } ?? [],
            technical: metrics.map { view in [
                RuleLine(label: localizer.t("rotation.metric.score"), value: view.score),
                RuleLine(label: localizer.t("rotation.metric.softRuleCost"), value: localizer.t("rotation.points", String(view.softRuleCost))),
            ] } ?? [],
            errors: extraErrors + (stored?.errors.map { localizer.text($0.text) } ?? []),
            infeasibility: stored?.infeasibility.map { localizer.text($0.text) },
            unplaceable: stored?.unplaceable.map { Message(text: localizer.text($0.text), href: personHref($0)) } ?? [],
            warnings: stored?.warnings.map { localizer.text($0.text) } ?? [],
            csrfToken: csrfToken,
            solveAction: RotationRoute.solve(parameter).path,
            approveHref: isDraft && optimal && isCurrent ? RotationRoute.approve(parameter).path : nil,
            withdrawHref: scenario.isApproved && today < scenario.transferDate ? RotationRoute.withdraw(parameter).path : nil,
            deleteAction: isDraft ? RotationRoute.scenarioDelete(parameter).path : nil,
            exportLinks: optimal && isCurrent ? [
                Link(label: localizer.t("rotation.exportUTF8"), href: RotationRoute.export(parameter).path),
                Link(label: localizer.t("rotation.exportCP932"), href: RotationRoute.export(parameter).path(query: [("encoding", "cp932")])),
            ] : [])
    }
}
