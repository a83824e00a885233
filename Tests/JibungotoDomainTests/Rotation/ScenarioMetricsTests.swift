import Foundation
import Testing

@testable import JibungotoDomain

@Suite("Scenario metrics")
struct ScenarioMetricsTests {
    func sample() -> ScenarioMetrics {
        var metrics = ScenarioMetrics()
        metrics.movers = 10
        metrics.moved = 8
        metrics.stayed = 2
        metrics.moversWithWishes = 6
        metrics.countWishMet(rank: 1)
        metrics.countWishMet(rank: 1)
        metrics.countWishMet(rank: 3)
        metrics.earlyCareerMovers = 4
        metrics.earlyCareerPlacedInCollaboration = 3
        metrics.lastChanceMissed = 1
        metrics.departmentChanges = 5
        metrics.countBentRule(.minYearsInPost, cost: 40)
        metrics.countBentRule(.earlyCareerDeadline, cost: 500)
        metrics.countBentRule(.minYearsInPost, cost: 40)
        metrics.score = -1234
        return metrics
    }

    @Test("wishes and bent rules are counted in total and by rank / rule")
    func counting() {
        let metrics = sample()
        #expect(metrics.wishesMet == 3)
        #expect(metrics.firstWishesMet == 2)
        #expect(metrics.wishesMetByRank == [1: 2, 3: 1])
        #expect(metrics.softRulesBentCount == 3)
        #expect(metrics.softRulesBent == [.minYearsInPost: 2, .earlyCareerDeadline: 1])
        #expect(metrics.softRuleCost == 580)
    }

    @Test("stored and read back unchanged")
    func roundTrip() throws {
        let metrics = sample()
        let data = try JSONEncoder().encode(metrics)
        #expect(try JSONDecoder().decode(ScenarioMetrics.self, from: data) == metrics)
    }

    /// The stored JSON read field by field, as an older reader of the rows sees it.
    struct StoredKeys: Decodable {
        let wishesMet: Int
        let firstWishesMet: Int
        let softRulesBent: Int
        let softRuleCost: Int
        let score: Int64
        let wishesMetByRank: [String: Int]
        let softRulesBentByRule: [String: Int]
    }

    @Test("the stored form keeps the flat keys solutions were written with")
    func flatKeys() throws {
        let stored = try JSONDecoder().decode(StoredKeys.self, from: JSONEncoder().encode(sample()))
        #expect(stored.wishesMet == 3)
        #expect(stored.firstWishesMet == 2)
        #expect(stored.softRulesBent == 3)
        #expect(stored.softRuleCost == 580)
        #expect(stored.score == -1234)
        #expect(stored.wishesMetByRank == ["1": 2, "3": 1])
        #expect(stored.softRulesBentByRule == ["minYearsInPost": 2, "earlyCareerDeadline": 1])
    }

    @Test("a row stored before the breakdowns decodes with its totals")
    func olderRow() throws {
        let stored = """
            {"movers":12,"moved":9,"stayed":3,"moversWithWishes":7,"wishesMet":5,"firstWishesMet":4,"earlyCareerMovers":2,\
            "earlyCareerPlacedInCollaboration":1,"lastChanceMissed":1,"departmentChanges":6,"softRulesBent":2,"softRuleCost":90,"score":777}
            """
        let metrics = try JSONDecoder().decode(ScenarioMetrics.self, from: Data(stored.utf8))
        #expect(metrics.movers == 12)
        #expect(metrics.moved == 9)
        #expect(metrics.stayed == 3)
        #expect(metrics.moversWithWishes == 7)
        #expect(metrics.wishesMet == 5)
        #expect(metrics.firstWishesMet == 4)
        #expect(metrics.wishesMetByRank == [1: 4])
        #expect(metrics.earlyCareerMovers == 2)
        #expect(metrics.earlyCareerPlacedInCollaboration == 1)
        #expect(metrics.lastChanceMissed == 1)
        #expect(metrics.departmentChanges == 6)
        #expect(metrics.softRulesBentCount == 2)
        #expect(metrics.softRulesBent.isEmpty)
        #expect(metrics.softRuleCost == 90)
        #expect(metrics.score == 777)
    }

    @Test("an older row with no first wish met has no ranks")
    func olderRowWithoutFirstWishes() throws {
        let stored = """
            {"movers":1,"moved":1,"stayed":0,"moversWithWishes":1,"wishesMet":1,"firstWishesMet":0,"earlyCareerMovers":0,\
            "earlyCareerPlacedInCollaboration":0,"lastChanceMissed":0,"departmentChanges":0,"softRulesBent":0,"softRuleCost":0,"score":5}
            """
        let metrics = try JSONDecoder().decode(ScenarioMetrics.self, from: Data(stored.utf8))
        #expect(metrics.wishesMet == 1)
        #expect(metrics.wishesMetByRank == [:])
    }
}
