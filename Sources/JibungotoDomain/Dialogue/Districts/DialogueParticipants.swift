/// Who took part in a citizen dialogue, as groups: a record counts people per group and never
/// names anyone.
public enum ParticipantGroup: String, CaseIterable, Codable, Sendable {
    /// 自治会・町内会
    case neighborhoodAssociation = "neighborhood_association"
    /// PTA
    case pta
    /// 商店会
    case merchantsAssociation = "merchants_association"
    /// 老人クラブ
    case seniorsClub = "seniors_club"
    /// 子ども会
    case childrensAssociation = "childrens_association"
    /// 民生委員・児童委員
    case welfareCommissioners = "welfare_commissioners"
    /// NPO・市民活動団体
    case civicGroups = "civic_groups"
    /// 事業者
    case businesses
    /// 一般の住民
    case residents
    /// その他
    case other
}

/// The head count of a dialogue per group.
public struct ParticipantCounts: Sendable, Equatable {
    public private(set) var counts: [ParticipantGroup: Int]

    /// The largest number one group may have at one dialogue.
    public static let perGroup = 0...9_999

    public init(_ counts: [ParticipantGroup: Int]) {
        self.counts = counts.filter { $0.value > 0 }
    }

    public var total: Int { counts.values.reduce(0, +) }

    /// The groups that came, in the order of `ParticipantGroup`, with their counts.
    public var groups: [(group: ParticipantGroup, count: Int)] {
        ParticipantGroup.allCases.compactMap { group in counts[group].map { (group, $0) } }
    }

    public enum Problem: Error, Sendable, Equatable {
        /// No group has anyone: a dialogue without participants is not a dialogue.
        case nobody
    }

    public var problem: Problem? { total == 0 ? .nobody : nil }
}
