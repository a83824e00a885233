import JibungotoDomain

/// Withdrawing an approval: when it was approved, and the form with the reason, or why it can
/// no longer be withdrawn. (Who approved it is on the overview, which is audited as a view.)
enum ScenarioWithdrawalPage {
    struct Content: Encodable, Sendable {
        let name: String
        let transferDate: String
        let approvedAt: String?
        let refusal: String?
        let note: String
        let form: FormModel?
        let overviewHref: String
    }

    static func build(scenario: RotationScenario, refusal: String?, form: FormModel?, localizer: Localizer) -> Content {
        Content(
            name: scenario.name,
            transferDate: localizer.date(scenario.transferDate),
            approvedAt: scenario.approvedAt.map(localizer.timestamp),
            refusal: refusal,
            note: localizer.t("rotation.withdrawNote", localizer.date(scenario.transferDate.adding(days: -1))),
            form: form,
            overviewHref: scenario.id.map { RotationRoute.scenario(.id($0)).path } ?? RotationRoute.scenarios.path)
    }
}
