import Fluent
import Foundation
import JibungotoDomain

/// An HR decision for one person in a scenario: stays, must go to a section, must not go to one.
final class RotationScenarioPin: Model, @unchecked Sendable {
    static let schema = "rotation_scenario_pins"

    enum Kind: String, CaseIterable, Codable, Sendable {
        case stays, mustGoTo = "must_go_to", mustNotGoTo = "must_not_go_to"
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "scenario_id") var scenarioID: UUID
    @Field(key: "staff_number") var staffNumber: StaffNumber
    @Field(key: "kind") var kind: Kind
    @OptionalField(key: "section_code") var sectionCode: SectionCode?

    init() {}

    init(scenarioID: UUID, staffNumber: StaffNumber, pin: RotationPin) {
        self.scenarioID = scenarioID
        self.staffNumber = staffNumber
        switch pin {
        case .stays: kind = .stays
        case .mustGoTo(let code): kind = .mustGoTo; sectionCode = code
        case .mustNotGoTo(let code): kind = .mustNotGoTo; sectionCode = code
        }
    }

    var pin: RotationPin? {
        switch kind {
        case .stays: .stays
        case .mustGoTo: sectionCode.map(RotationPin.mustGoTo)
        case .mustNotGoTo: sectionCode.map(RotationPin.mustNotGoTo)
        }
    }
}
