import Fluent
import Foundation
import JibungotoDomain

/// A staff member on a scenario's movers' list with the reasons they are on it.
final class RotationScenarioMover: Model, @unchecked Sendable {
    static let schema = "rotation_scenario_movers"

    @ID(key: .id) var id: UUID?
    @Field(key: "scenario_id") var scenarioID: UUID
    @Field(key: "staff_number") var staffNumber: StaffNumber
    /// `[MoverReason]` as JSON.
    @Field(key: "reasons") var reasons: String

    init() {}

    init(scenarioID: UUID, mover: Mover) {
        self.scenarioID = scenarioID
        self.staffNumber = mover.staffNumber
        self.reasons = JSONText.encode(mover.reasons, fallback: "[]")
    }

    var mover: Mover {
        Mover(staffNumber: staffNumber, reasons: JSONText.decode([MoverReason].self, from: reasons) ?? [.addedByHR])
    }
}
