import Fluent
import Foundation
import JibungotoDomain

/// A 定数 edited for one scenario.
final class RotationScenarioCapacity: Model, @unchecked Sendable {
    static let schema = "rotation_scenario_capacities"

    @ID(key: .id) var id: UUID?
    @Field(key: "scenario_id") var scenarioID: UUID
    @Field(key: "section_code") var sectionCode: SectionCode
    @Field(key: "headcount") var headcount: Int

    init() {}

    init(scenarioID: UUID, sectionCode: SectionCode, headcount: Int) {
        self.scenarioID = scenarioID
        self.sectionCode = sectionCode
        self.headcount = headcount
    }
}
