import Fluent
import Foundation
import JibungotoDomain

/// The municipality's rotation rules (one row; absent until HR first saves the settings page).
final class RotationSettingsRecord: Model, @unchecked Sendable {
    static let schema = "rotation_settings"

    @ID(key: .id) var id: UUID?
    /// ``RotationRuleSettings`` as JSON.
    @Field(key: "rules") var rules: String
    @Field(key: "updated_by") var updatedBy: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A transfer scenario (異動案) for one transfer date: its rules, movers, pins and capacity
/// edits are the input; the last solution and the one before it are kept for the diff.
final class RotationScenario: Model, @unchecked Sendable {
    static let schema = "rotation_scenarios"

    enum Status: String, Sendable {
        case draft, approved
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// ISO date, e.g. 2027-04-01.
    @Field(key: "transfer_date") var transferDate: String
    /// ``RotationRuleSettings`` as JSON, copied from the settings at creation and editable per scenario.
    @Field(key: "rules") var rules: String
    @Field(key: "status") var status: String
    /// Raised by every change of the input, so a stored solution can tell whether it is current.
    @Field(key: "revision") var revision: Int
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// The revision the stored solution was computed for.
    @OptionalField(key: "solved_revision") var solvedRevision: Int?
    @OptionalField(key: "solved_at") var solvedAt: Date?
    /// ``StoredSolution`` as JSON.
    @OptionalField(key: "solution") var solution: String?
    @OptionalField(key: "previous_solution") var previousSolution: String?
    @OptionalField(key: "approved_at") var approvedAt: Date?
    @OptionalField(key: "approved_by") var approvedBy: String?

    init() {}

    var isApproved: Bool { status == Status.approved.rawValue }
    var transferDay: LocalDate { LocalDate(iso: transferDate) ?? .earliest }
}

/// A staff member on a scenario's movers' list with the reasons they are on it.
final class RotationScenarioMover: Model, @unchecked Sendable {
    static let schema = "rotation_scenario_movers"

    @ID(key: .id) var id: UUID?
    @Field(key: "scenario_id") var scenarioID: UUID
    @Field(key: "staff_number") var staffNumber: String
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

/// A 定数 edited for one scenario.
final class RotationScenarioCapacity: Model, @unchecked Sendable {
    static let schema = "rotation_scenario_capacities"

    @ID(key: .id) var id: UUID?
    @Field(key: "scenario_id") var scenarioID: UUID
    @Field(key: "section_code") var sectionCode: String
    @Field(key: "headcount") var headcount: Int

    init() {}

    init(scenarioID: UUID, sectionCode: String, headcount: Int) {
        self.scenarioID = scenarioID
        self.sectionCode = sectionCode
        self.headcount = headcount
    }
}
