import Fluent
import Foundation
import JibungotoDomain

/// A staff member assigned by HR as a district's liaison (地域担当職員) for a term.
final class DistrictLiaison: Model, @unchecked Sendable {
    static let schema = "district_liaisons"

    @ID(key: .id) var id: UUID?
    @Parent(key: "district_id") var district: District
    @Field(key: "staff_number") var staffNumber: StaffNumber
    /// The tier when assigned, which set the usual length of the term.
    @Field(key: "tier") var tier: LiaisonTier
    @Field(key: "starts_on") var startsOn: LocalDate
    /// The last day of the term: the usual length for the tier unless HR set another.
    @Field(key: "ends_on") var endsOn: LocalDate
    @Field(key: "assigned_by") var assignedBy: StaffNumber
    @Field(key: "assigned_at") var assignedAt: Date

    init() {}

    var term: LiaisonTerm { LiaisonTerm(start: startsOn, end: endsOn) }
}

extension DistrictLiaison {
    convenience init(id: UUID? = nil, districtID: UUID, staffNumber: StaffNumber, tier: LiaisonTier, term: LiaisonTerm,
                     assignedBy: StaffNumber, assignedAt: Date) {
        self.init()
        self.id = id
        self.$district.id = districtID
        self.staffNumber = staffNumber
        self.tier = tier
        self.startsOn = term.start
        self.endsOn = term.end
        self.assignedBy = assignedBy
        self.assignedAt = assignedAt
    }
}
