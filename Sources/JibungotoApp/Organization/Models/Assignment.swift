import Fluent
import Foundation
import JibungotoDomain

/// One line of 異動履歴.
final class Assignment: Model, @unchecked Sendable {
    static let schema = "assignments"

    @ID(key: .id) var id: UUID?
    @Field(key: "staff_number") var staffNumber: StaffNumber
    @Field(key: "section_code") var sectionCode: SectionCode
    @Field(key: "post") var post: String
    @Field(key: "start_date") var startDate: LocalDate
    @OptionalField(key: "end_date") var endDate: LocalDate?

    init() {}

    init(record: AssignmentRecord) {
        staffNumber = record.staffNumber
        sectionCode = record.sectionCode
        post = record.post
        startDate = record.start
        endDate = record.end
    }

    var record: AssignmentRecord {
        AssignmentRecord(
            staffNumber: staffNumber, sectionCode: sectionCode, post: post,
            start: startDate, end: endDate
        )
    }
}
