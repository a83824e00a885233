import JibungotoDomain

/// Withdrawing an approval: who approved it and when, and the form with the reason, or why it
/// can no longer be withdrawn.
enum ScenarioWithdrawalPage {
    struct Content: Encodable, Sendable {
        let name: String
        let transferDate: String
        let approver: String?
        let approvedAt: String?
        let refusal: String?
        let note: String
        let form: FormModel?
        let overviewHref: String
    }

    static func build(scenario: RotationScenario, approver: String?, refusal: String?, form: FormModel?, localizer: Localizer) -> Content {
        Content(
            name: scenario.name,
            transferDate: localizer.date(scenario.transferDate),
            approver: approver,
            approvedAt: scenario.approvedAt.map(localizer.timestamp),
            refusal: refusal,
            note: localizer.t("rotation.withdrawNote", localizer.date(scenario.transferDate.adding(days: -1))),
            form: form,
            overviewHref: scenario.id.map { RotationRoute.scenario(.id($0)).path } ?? RotationRoute.scenarios.path)
    }
}
