import Fluent
import Foundation
import JibungotoDomain

/// A project team (プロジェクトチーム) with its open call: who sponsors it, for how long, how many
/// seats, what it looks for, and which departments' staff may see and join it.
final class ProjectTeam: Model, @unchecked Sendable {
    static let schema = "project_teams"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "purpose") var purpose: String
    @Field(key: "sponsor_section_code") var sponsorSectionCode: SectionCode
    /// The staff member who posted it; they (and HR) select and run the team.
    @Field(key: "organizer_staff_number") var organizerStaffNumber: StaffNumber
    @Field(key: "starts_on") var startsOn: LocalDate
    @Field(key: "ends_on") var endsOn: LocalDate
    @Field(key: "seats") var seats: Int
    @Field(key: "wanted_skills") var wantedSkills: String
    @Field(key: "themes") var themes: String
    @Field(key: "applications_open_on") var applicationsOpenOn: LocalDate
    @Field(key: "applications_close_on") var applicationsCloseOn: LocalDate
    /// Department codes joined by commas; empty for all staff.
    @Field(key: "audience_departments") var audienceDepartments: String
    @Field(key: "fiscal_year") var fiscalYear: Int
    @OptionalField(key: "closing_report") var closingReport: String?
    @OptionalField(key: "closed_on") var closedOn: LocalDate?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var audience: [SectionCode] {
        audienceDepartments.split(separator: ",").map { SectionCode(String($0)) }
    }

    var isClosed: Bool { closedOn != nil }

    /// Whether a staff member of `department` may see and join the team.
    func isOpen(toDepartment department: SectionCode?) -> Bool {
        let audience = audience
        guard !audience.isEmpty else { return true }
        return department.map(audience.contains) ?? false
    }
}

extension ProjectTeam {
    convenience init(
        id: UUID? = nil, title: String, purpose: String, sponsorSectionCode: SectionCode, organizerStaffNumber: StaffNumber,
        startsOn: LocalDate, endsOn: LocalDate, seats: Int, wantedSkills: String = "", themes: String = "",
        applicationsOpenOn: LocalDate, applicationsCloseOn: LocalDate, audience: [SectionCode] = []
    ) {
        self.init()
        self.id = id
        self.title = title
        self.purpose = purpose
        self.sponsorSectionCode = sponsorSectionCode
        self.organizerStaffNumber = organizerStaffNumber
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.seats = seats
        self.wantedSkills = wantedSkills
        self.themes = themes
        self.applicationsOpenOn = applicationsOpenOn
        self.applicationsCloseOn = applicationsCloseOn
        self.audienceDepartments = audience.map(\.rawValue).joined(separator: ",")
        self.fiscalYear = startsOn.fiscalYear.startYear
    }
}
