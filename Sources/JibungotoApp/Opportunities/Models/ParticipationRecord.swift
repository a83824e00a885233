import Fluent
import Foundation
import JibungotoDomain

/// One row of the participation ledger (``ParticipationEntry``); written only by `ParticipationLedger`.
final class ParticipationRecord: Model, @unchecked Sendable {
    static let schema = "participation_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "staff_number") var staffNumber: StaffNumber
    @Field(key: "kind") var kind: ParticipationKind
    @Field(key: "activity_id") var activityID: String
    @Field(key: "activity_title") var activityTitle: String
    @OptionalField(key: "section_code") var sectionCode: SectionCode?
    @OptionalField(key: "department_code") var departmentCode: SectionCode?
    @Field(key: "crosses_sections") var crossesSections: Bool
    @Field(key: "route") var route: ParticipationRoute
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Field(key: "activity_date") var date: LocalDate
    @OptionalField(key: "hours") var hours: Double?
    @Timestamp(key: "recorded_at", on: .update) var recordedAt: Date?

    init() {}

    var entry: ParticipationEntry {
        var entry = ParticipationEntry(
            staffNumber: staffNumber, kind: kind, activityID: activityID, activityTitle: activityTitle,
            sectionCode: sectionCode, departmentCode: departmentCode, hostSectionCode: nil, route: route, date: date, hours: hours)
        entry.crossesSections = crossesSections
        entry.fiscalYear = fiscalYear
        return entry
    }

    func update(from entry: ParticipationEntry) {
        staffNumber = entry.staffNumber
        kind = entry.kind
        activityID = entry.activityID
        activityTitle = entry.activityTitle
        sectionCode = entry.sectionCode
        departmentCode = entry.departmentCode
        crossesSections = entry.crossesSections
        route = entry.route
        fiscalYear = entry.fiscalYear
        date = entry.date
        hours = entry.hours
    }
}

extension ParticipationRecord {
    convenience init(_ entry: ParticipationEntry) {
        self.init()
        update(from: entry)
    }
}
