import Fluent
import Foundation
import JibungotoDomain

/// How many people of one group took part in a citizen dialogue.
final class DistrictDialogueParticipants: Model, @unchecked Sendable {
    static let schema = "district_dialogue_participants"

    @ID(key: .id) var id: UUID?
    @Parent(key: "record_id") var record: DistrictDialogueRecord
    @Field(key: "participant_group") var group: ParticipantGroup
    @Field(key: "head_count") var headCount: Int

    init() {}
}

extension DistrictDialogueParticipants {
    convenience init(id: UUID? = nil, recordID: UUID, group: ParticipantGroup, headCount: Int) {
        self.init()
        self.id = id
        self.$record.id = recordID
        self.group = group
        self.headCount = headCount
    }
}

extension Array where Element == DistrictDialogueParticipants {
    /// The rows as the domain's counts per group.
    var counts: ParticipantCounts {
        var counts: [ParticipantGroup: Int] = [:]
        for row in self { counts[row.group, default: 0] += row.headCount }
        return ParticipantCounts(counts)
    }
}
