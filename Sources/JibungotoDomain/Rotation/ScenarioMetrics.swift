/// Comparison figures of one solved scenario: computed by the planner
/// (`RotationPlanner.metrics`), stored with the solution as JSON, and shown on the scenario
/// list, the overview and the changes page. One type for all three, so a figure cannot be
/// copied wrongly from one to the next.
public struct ScenarioMetrics: Sendable, Equatable {
    public var movers = 0
    public var moved = 0
    public var stayed = 0
    /// Rank → movers placed at that wish. Figures stored before the ranks were kept know
    /// rank 1 only (their `wishesMet` is still the full count).
    public private(set) var wishesMetByRank: [Int: Int] = [:]
    /// Movers placed at one of their wishes, whatever its rank.
    public private(set) var wishesMet = 0
    public var moversWithWishes = 0
    public var earlyCareerMovers = 0
    public var earlyCareerPlacedInCollaboration = 0
    public var lastChanceMissed = 0
    public var departmentChanges = 0
    /// Soft rules bent, by rule. Figures stored before the rules were kept have only the count.
    public private(set) var softRulesBent: [BentRule.Kind: Int] = [:]
    public private(set) var softRulesBentCount = 0
    public private(set) var softRuleCost = 0
    /// The model's total cost without the base cost per mover: lower is better.
    public var score: Int64 = 0
    /// Movers on the list for their years in post who do move (nil in figures stored before it was kept).
    public var longTenureMoved: Int?
    /// Sections left with fewer people than their headcount after the moves (nil: stored before it was kept).
    public var sectionsBelowHeadcount: Int?

    public init() {}

    public var firstWishesMet: Int { wishesMetByRank[1] ?? 0 }

    /// A mover placed at their wish of `rank`.
    public mutating func countWishMet(rank: Int) {
        wishesMetByRank[rank, default: 0] += 1
        wishesMet += 1
    }

    /// A soft rule bent for one mover at `cost` points.
    public mutating func countBentRule(_ kind: BentRule.Kind, cost: Int) {
        softRulesBent[kind, default: 0] += 1
        softRulesBentCount += 1
        softRuleCost += cost
    }
}

/// The stored form: the flat figures every stored solution has (the keys are those solutions
/// were written with, so older rows keep decoding) plus the breakdowns by rank and by rule,
/// which rows written before them lack.
extension ScenarioMetrics: Codable {
    private enum CodingKeys: String, CodingKey {
        case movers, moved, stayed, moversWithWishes, wishesMet, firstWishesMet, earlyCareerMovers,
             earlyCareerPlacedInCollaboration, lastChanceMissed, departmentChanges, softRulesBent, softRuleCost, score,
             wishesMetByRank, softRulesBentByRule, longTenureMoved, sectionsBelowHeadcount
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        movers = try container.decode(Int.self, forKey: .movers)
        moved = try container.decode(Int.self, forKey: .moved)
        stayed = try container.decode(Int.self, forKey: .stayed)
        moversWithWishes = try container.decode(Int.self, forKey: .moversWithWishes)
        wishesMet = try container.decode(Int.self, forKey: .wishesMet)
        earlyCareerMovers = try container.decode(Int.self, forKey: .earlyCareerMovers)
        earlyCareerPlacedInCollaboration = try container.decode(Int.self, forKey: .earlyCareerPlacedInCollaboration)
        lastChanceMissed = try container.decode(Int.self, forKey: .lastChanceMissed)
        departmentChanges = try container.decode(Int.self, forKey: .departmentChanges)
        softRulesBentCount = try container.decode(Int.self, forKey: .softRulesBent)
        softRuleCost = try container.decode(Int.self, forKey: .softRuleCost)
        score = try container.decode(Int64.self, forKey: .score)
        if let byRank = try container.decodeIfPresent([String: Int].self, forKey: .wishesMetByRank) {
            wishesMetByRank = Dictionary(byRank.compactMap { key, count in Int(key).map { ($0, count) } }, uniquingKeysWith: +)
        } else {
            let first = try container.decode(Int.self, forKey: .firstWishesMet)
            wishesMetByRank = first == 0 ? [:] : [1: first]
        }
        longTenureMoved = try container.decodeIfPresent(Int.self, forKey: .longTenureMoved)
        sectionsBelowHeadcount = try container.decodeIfPresent(Int.self, forKey: .sectionsBelowHeadcount)
        let byRule = try container.decodeIfPresent([String: Int].self, forKey: .softRulesBentByRule) ?? [:]
        softRulesBent = Dictionary(byRule.compactMap { key, count in BentRule.Kind(rawValue: key).map { ($0, count) } }, uniquingKeysWith: +)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(movers, forKey: .movers)
        try container.encode(moved, forKey: .moved)
        try container.encode(stayed, forKey: .stayed)
        try container.encode(moversWithWishes, forKey: .moversWithWishes)
        try container.encode(wishesMet, forKey: .wishesMet)
        try container.encode(firstWishesMet, forKey: .firstWishesMet)
        try container.encode(earlyCareerMovers, forKey: .earlyCareerMovers)
        try container.encode(earlyCareerPlacedInCollaboration, forKey: .earlyCareerPlacedInCollaboration)
        try container.encode(lastChanceMissed, forKey: .lastChanceMissed)
        try container.encode(departmentChanges, forKey: .departmentChanges)
        try container.encode(softRulesBentCount, forKey: .softRulesBent)
        try container.encode(softRuleCost, forKey: .softRuleCost)
        try container.encode(score, forKey: .score)
        try container.encode(Dictionary(uniqueKeysWithValues: wishesMetByRank.map { (String($0.key), $0.value) }), forKey: .wishesMetByRank)
        try container.encode(Dictionary(uniqueKeysWithValues: softRulesBent.map { ($0.key.rawValue, $0.value) }), forKey: .softRulesBentByRule)
        try container.encodeIfPresent(longTenureMoved, forKey: .longTenureMoved)
        try container.encodeIfPresent(sectionsBelowHeadcount, forKey: .sectionsBelowHeadcount)
    }
}
