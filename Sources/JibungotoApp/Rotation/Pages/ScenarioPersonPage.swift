import Fluent
import JibungotoDomain

/// One person in a solved scenario: their placement with the reasons and terms, the
/// alternatives, "why not my wish?", and HR's pins with the form that adds one.
enum ScenarioPersonPage {
    struct Content: Encodable, Sendable {
        let staffNumber: StaffNumber
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
        /// After a refused pin: the sections this person can be placed in (names).
        var showsPossibleSections = false
        var possibleSections: [String] = []
    }

    struct Term: Encodable, Sendable {
        let text: String
        let points: Int
    }

    struct AlternativeRow: Encodable, Sendable {
        let section: String
        let sectionCode: SectionCode
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

    /// - Parameters:
    ///   - planned: the scenario's model and result (nil: not solved since its last change).
    ///   - pins: this person's pins; `sectionName` names a pin's section by code.
    ///   - pinForm: the form that adds a pin (nil for an approved scenario or without an organization).
    static func build(
        scenario: RotationScenario, staffNumber number: StaffNumber, name: String, errors: [String], planned: PlannedScenario?,
        pins: [RotationScenarioPin], sectionName: (SectionCode?) -> String, pinForm: FormModel?, csrfToken: String, localizer: Localizer
    ) throws -> Content {
        let parameter = RouteParameter.id(try scenario.requireID())
        var content = Content(staffNumber: number, name: name, staffHref: OrganizationRoute.staff(.staff(number)).path,
                              errors: errors, csrfToken: csrfToken)
        if let planned, let result = planned.result {
            let model = planned.model
            if let row = RotationPlanner.explain(staffNumber: number, result, model: model, alternatives: 5) {
                content.isMover = true
                content.from = row.fromPost.map { localizer.withNote(localizer.text(row.fromName), localizer.text(StaffListValues.post($0))) } ?? localizer.text(row.fromName)
                content.to = SeatPoolLabel.text(row.to, name: row.toName, localizer: localizer)
                content.stays = row.stays
                content.reasons = MoverReasonWords.text(row.moverReasons, localizer: localizer)
                content.placement = localizer.text(.joined(row.placementReasons))
                content.terms = row.terms.map { Term(text: localizer.text($0.text), points: $0.points) }
                content.bent = row.bentRules.map { Term(text: localizer.text($0.text), points: $0.cost) }
                content.alternatives = row.alternatives.map { alternative in
                    AlternativeRow(section: SeatPoolLabel.text(alternative.pool, name: alternative.sectionName, localizer: localizer),
                                   sectionCode: alternative.pool.sectionCode,
                                   reducedCost: alternative.reducedCost.map(String.init) ?? "—", text: localizer.text(alternative.text),
                                   canPin: !scenario.isApproved && alternative.reducedCost != nil && alternative.pool.sectionCode != row.fromSection)
                }
            } else {
                content.notMoverReason = localizer.text(RotationPlanner.notAMoverReason(number, model: model))
            }
            content.wishes = RotationPlanner.whyNotMyWish(staffNumber: number, result, model: model).map { answer in
                let met: Bool = if case .met = answer.status { true } else { false }
                return WishRow(rank: answer.wish.rank, section: localizer.text(answer.sectionName), text: localizer.text(answer.text), met: met)
            }
        } else {
            content.notice = localizer.t(scenario.solvedRevision == scenario.revision ? "rotation.noResultShort" : "rotation.staleNotice")
        }
        content.pins = try pins.map { pin in
            PinRow(id: try pin.requireID().uuidString, text: localizer.t("rotation.pin." + pin.kind.rawValue, sectionName(pin.sectionCode)))
        }
        content.pinForm = pinForm
        content.pinAction = scenario.isApproved ? nil : RotationRoute.pins(parameter).path
        content.pinRemoveAction = scenario.isApproved ? nil : RotationRoute.pinRemove(parameter).path
        return content
    }
}
