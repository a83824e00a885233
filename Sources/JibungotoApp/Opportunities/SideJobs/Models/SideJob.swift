import Fluent
import Foundation
import JibungotoDomain

/// An internal side job (庁内副業) a host section posts: the work, its hours, period, skills,
/// application window and seats, and — once the period is over — the host's closing report,
/// which closes it.
final class SideJob: Model, @unchecked Sendable {
    static let schema = "side_jobs"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "work_description") var workDescription: String
    @Field(key: "host_section_code") var hostSectionCode: SectionCode
    /// The hours per month the work is expected to take (at most the monthly cap).
    @Field(key: "hours_per_month") var hoursPerMonth: Double
    @Field(key: "starts_on") var startsOn: LocalDate
    @Field(key: "ends_on") var endsOn: LocalDate
    /// The skills wanted, one per line.
    @Field(key: "skills") var skills: String
    @Field(key: "applications_open_on") var applicationsOpenOn: LocalDate
    @Field(key: "applications_close_on") var applicationsCloseOn: LocalDate
    @Field(key: "seats") var seats: Int
    @Field(key: "posted_by") var postedBy: StaffNumber
    @Field(key: "posted_at") var postedAt: Date
    /// The host's closing report: what was done, and what came of it.
    @OptionalField(key: "report_work") var reportWork: String?
    @OptionalField(key: "report_outcome") var reportOutcome: String?
    @OptionalField(key: "closed_by") var closedBy: StaffNumber?
    /// When the host first wrote the closing report; from then on the job takes no hours.
    @OptionalField(key: "closed_at") var closedAt: Date?

    init() {}

    var schedule: SideJobSchedule {
        SideJobSchedule(applicationsOpen: applicationsOpenOn, applicationsClose: applicationsCloseOn, start: startsOn, end: endsOn)
    }

    var isClosed: Bool { closedAt != nil }

    /// The side job's identity in the participation ledger.
    var activityID: String { id?.uuidString.lowercased() ?? "" }

    var skillList: [String] {
        skills.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension SideJob {
    /// A side job in one line; no closing report unless told.
    convenience init(
        id: UUID? = nil, title: String, workDescription: String, hostSectionCode: SectionCode, hoursPerMonth: Double,
        schedule: SideJobSchedule, skills: String = "", seats: Int, postedBy: StaffNumber, postedAt: Date,
        reportWork: String? = nil, reportOutcome: String? = nil, closedBy: StaffNumber? = nil, closedAt: Date? = nil
    ) {
        self.init()
        self.id = id
        self.title = title
        self.workDescription = workDescription
        self.hostSectionCode = hostSectionCode
        self.hoursPerMonth = hoursPerMonth
        self.startsOn = schedule.start
        self.endsOn = schedule.end
        self.applicationsOpenOn = schedule.applicationsOpen
        self.applicationsCloseOn = schedule.applicationsClose
        self.skills = skills
        self.seats = seats
        self.postedBy = postedBy
        self.postedAt = postedAt
        self.reportWork = reportWork
        self.reportOutcome = reportOutcome
        self.closedBy = closedBy
        self.closedAt = closedAt
    }
}
