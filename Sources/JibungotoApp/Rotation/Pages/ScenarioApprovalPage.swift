import JibungotoDomain

/// The confirmation before approval: what will be written (the movers, the date, that their
/// assignments change), a plain warning for a date in the past, and who drafted the list.
enum ScenarioApprovalPage {
    struct Content: Encodable, Sendable {
        let name: String
        let transferDate: String
        let drafter: String
        let summary: String?
        let pastWarning: String?
        let errors: [String]
        let rows: [MoveRow]
        let approveAction: String?
        let overviewHref: String
        let csrfToken: String
    }

    struct MoveRow: Encodable, Sendable {
        let staffNumber: StaffNumber
        let name: String
        let from: String
        let to: String
        let post: String
    }

    /// - Parameters:
    ///   - rows: the moves that will be written (empty when refused).
    ///   - errors: why the list may not be approved now (the page then has no approve button).
    static func build(
        scenario: RotationScenario, rows: [MoveRow], errors: [String], today: LocalDate, drafter: String, csrfToken: String, localizer: Localizer
    ) throws -> Content {
        let parameter = RouteParameter.id(try scenario.requireID())
        let date = scenario.transferDate
        return Content(
            name: scenario.name,
            transferDate: localizer.date(date),
            drafter: drafter,
            summary: errors.isEmpty
                ? localizer.t("rotation.approveSummary", String(rows.count), localizer.date(date), localizer.date(date.adding(days: -1))) : nil,
            pastWarning: date < today ? localizer.t("rotation.pastTransferDate", localizer.date(date)) : nil,
            errors: errors,
            rows: rows,
            approveAction: errors.isEmpty ? RotationRoute.approve(parameter).path : nil,
            overviewHref: RotationRoute.scenario(parameter).path,
            csrfToken: csrfToken)
    }
}
