import Fluent
import Foundation
import JibungotoDomain

/// An HR decision for one person in a scenario: stays, must go to a section, must not go to one.
final class RotationScenarioPin: Model, @unchecked Sendable {
    static let schema = "rotation_scenario_pins"

    enum Kind: String, CaseIterable, Sendable {
        case stays, mustGoTo = "must_go_to", mustNotGoTo = "must_not_go_to"
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "scenario_id") var scenarioID: UUID
    @Field(key: "staff_number") var staffNumber: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "section_code") var sectionCode: String?

    init() {}

    init(scenarioID: UUID, staffNumber: String, pin: RotationPin) {
        self.scenarioID = scenarioID
        self.staffNumber = staffNumber
        switch pin {
        case .stays: kind = Kind.stays.rawValue
        case .mustGoTo(let code): kind = Kind.mustGoTo.rawValue; sectionCode = code
        case .mustNotGoTo(let code): kind = Kind.mustNotGoTo.rawValue; sectionCode = code
        }
    }

    var pin: RotationPin? {
        switch Kind(rawValue: kind) {
        case .stays: .stays
        case .mustGoTo: sectionCode.map(RotationPin.mustGoTo)
        case .mustNotGoTo: sectionCode.map(RotationPin.mustNotGoTo)
        case nil: nil
        }
    }
}
