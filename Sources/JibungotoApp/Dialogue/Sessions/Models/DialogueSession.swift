import Fluent
import Foundation
import JibungotoDomain

/// A dialogue session (対話の場): its kind, day and hours, place or online link, seats and
/// registration window, whether anyone may register (an open call) or only those invited (and a
/// study group's members, for its meetings), the section or study group holding it, its series,
/// the attendance code announced in the room, and — once it is over — the closing report.
final class DialogueSession: Model, @unchecked Sendable {
    static let schema = "dialogue_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "kind") var kind: DialogueSessionKind
    /// What the session is about and how it runs.
    @Field(key: "about") var about: String
    @Field(key: "session_date") var date: LocalDate
    /// Minutes from midnight in Japan.
    @Field(key: "starts_at") var startMinute: Int
    @Field(key: "ends_at") var endMinute: Int
    /// The fiscal year of the session's day, kept for the lists and figures that read one year.
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Field(key: "mode") var mode: DialogueSessionMode
    @OptionalField(key: "place") var place: String?
    /// Shown only to those holding a seat (and the organizers).
    @OptionalField(key: "online_link") var onlineLink: String?
    @Field(key: "capacity") var capacity: Int
    @Field(key: "registration_opens_on") var registrationOpensOn: LocalDate
    @Field(key: "registration_closes_on") var registrationClosesOn: LocalDate
    @Field(key: "is_open_call") var isOpenCall: Bool
    /// The section holding the session; nil for a study group's meeting (held across sections).
    @OptionalField(key: "host_section_code") var hostSectionCode: SectionCode?
    @OptionalParent(key: "series_id") var series: DialogueSeries?
    @OptionalParent(key: "study_group_id") var studyGroup: StudyGroup?
    @Field(key: "attendance_code") var attendanceCode: String
    @Field(key: "created_by") var createdBy: StaffNumber
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "report_minutes") var reportMinutes: String?
    @OptionalField(key: "report_attendee_count") var reportAttendeeCount: Int?
    @OptionalField(key: "reported_by") var reportedBy: StaffNumber?
    @OptionalField(key: "reported_at") var reportedAt: Date?

    init() {}

    var time: DialogueSessionTime { DialogueSessionTime(date: date, clampingStart: startMinute, end: endMinute) }

    var window: DialogueRegistrationWindow { DialogueRegistrationWindow(opens: registrationOpensOn, closes: registrationClosesOn) }

    var isReported: Bool { reportedAt != nil }

    /// The session's identity in the participation ledger and in calendars.
    var activityID: String { id?.uuidString.lowercased() ?? "" }
}

extension DialogueSession {
    /// A session in one line; open to everyone and without a report unless told.
    convenience init(
        id: UUID? = nil, title: String, kind: DialogueSessionKind, about: String, time: DialogueSessionTime, mode: DialogueSessionMode,
        place: String?, onlineLink: String?, capacity: Int, window: DialogueRegistrationWindow, isOpenCall: Bool = true,
        hostSectionCode: SectionCode?, seriesID: UUID? = nil, studyGroupID: UUID? = nil, attendanceCode: String,
        createdBy: StaffNumber, createdAt: Date
    ) {
        self.init()
        self.id = id
        self.title = title
        self.kind = kind
        self.about = about
        self.date = time.date
        self.startMinute = time.start
        self.endMinute = time.end
        self.fiscalYear = time.fiscalYear
        self.mode = mode
        self.place = place
        self.onlineLink = onlineLink
        self.capacity = capacity
        self.registrationOpensOn = window.opens
        self.registrationClosesOn = window.closes
        self.isOpenCall = isOpenCall
        self.hostSectionCode = hostSectionCode
        self.$series.id = seriesID
        self.$studyGroup.id = studyGroupID
        self.attendanceCode = attendanceCode
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
