import Fluent
import Foundation
import JibungotoDomain

/// A citizen dialogue held in a district (a meeting with the neighborhood associations, the PTA,
/// the merchants): when, where, the topics, and how many came from each group — never who.
final class DistrictDialogueRecord: Model, @unchecked Sendable {
    static let schema = "district_dialogue_records"

    @ID(key: .id) var id: UUID?
    @Parent(key: "district_id") var district: District
    @Field(key: "held_on") var heldOn: LocalDate
    @Field(key: "place") var place: String
    /// The topics discussed, one per line.
    @Field(key: "topics") var topics: String
    @Field(key: "recorded_by") var recordedBy: StaffNumber
    @Field(key: "recorded_at") var recordedAt: Date
    @Children(for: \.$record) var participants: [DistrictDialogueParticipants]

    init() {}

    var topicList: [String] {
        topics.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension DistrictDialogueRecord {
    convenience init(id: UUID? = nil, districtID: UUID, heldOn: LocalDate, place: String, topics: String, recordedBy: StaffNumber, recordedAt: Date) {
        self.init()
        self.id = id
        self.$district.id = districtID
        self.heldOn = heldOn
        self.place = place
        self.topics = topics
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
