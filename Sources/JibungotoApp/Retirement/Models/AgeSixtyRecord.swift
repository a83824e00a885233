import Fluent
import Foundation
import JibungotoDomain

/// The information given to a staff member turning 60 (the 2023 amendment obliges the employer
/// to inform them, in the year before, of the retirement age, pay after 60 and the options) and
/// the choice they made.
final class AgeSixtyRecord: Model, @unchecked Sendable {
    static let schema = "age_sixty_records"

    @ID(key: .id) var id: UUID?
    @Field(key: "staff_number") var staffNumber: StaffNumber
    /// ISO date the information was given.
    @Field(key: "informed_on") var informedOn: LocalDate
    /// ``AgeSixtyChoice`` raw value; nil while the person has not decided.
    @OptionalField(key: "choice") var choice: AgeSixtyChoice?
    @Field(key: "note") var note: String
    @Field(key: "recorded_by") var recordedBy: String
    @Timestamp(key: "recorded_at", on: .update) var recordedAt: Date?

    init() {}
}

extension AgeSixtyRecord {
    /// An age-60 record in one line; no choice yet and no note unless told.
    convenience init(
        id: UUID? = nil, staffNumber: StaffNumber, informedOn: LocalDate, choice: AgeSixtyChoice? = nil,
        note: String = "", recordedBy: String = ""
    ) {
        self.init()
        self.id = id
        self.staffNumber = staffNumber
        self.informedOn = informedOn
        self.choice = choice
        self.note = note
        self.recordedBy = recordedBy
    }
}
