import Fluent
import Foundation
import JibungotoDomain

/// One person's way into a team: an application or a nomination, then selection and their
/// manager's consent. Private to the organizer and HR (and the person, and their nominator);
/// the person's manager sees it only once they are selected.
final class ProjectTeamCandidate: Model, @unchecked Sendable {
    static let schema = "project_team_candidates"

    @ID(key: .id) var id: UUID?
    @Parent(key: "team_id") var team: ProjectTeam
    @Field(key: "staff_number") var staffNumber: StaffNumber
    /// `.applied` or `.nominated`.
    @Field(key: "route") var route: ParticipationRoute
    @Field(key: "status") var status: TeamCandidateStatus
    /// The applicant's motivation, or the nominee's note when accepting.
    @Field(key: "motivation") var motivation: String
    @OptionalField(key: "nominated_by") var nominatedBy: StaffNumber?
    @Field(key: "nomination_reason") var nominationReason: String
    /// The person's section when selected: whose manager is asked.
    @OptionalField(key: "section_code") var sectionCode: SectionCode?
    @OptionalField(key: "selected_on") var selectedOn: LocalDate?
    @OptionalField(key: "consent_deadline") var consentDeadline: LocalDate?
    /// True consented, false refused, nil no answer (consent once the deadline has passed).
    @OptionalField(key: "consent_answer") var consentAnswer: Bool?
    @Field(key: "consent_reason") var consentReason: String
    @OptionalField(key: "consent_by") var consentBy: StaffNumber?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    func consent(today: LocalDate) -> TeamConsent? {
        guard let consentDeadline, status == .selected || status == .refusedByManager else { return nil }
        return TeamConsent.state(answer: consentAnswer, deadline: consentDeadline, today: today)
    }
}

extension ProjectTeamCandidate {
    convenience init(
        id: UUID? = nil, teamID: UUID, staffNumber: StaffNumber, route: ParticipationRoute, status: TeamCandidateStatus,
        motivation: String = "", nominatedBy: StaffNumber? = nil, nominationReason: String = ""
    ) {
        self.init()
        self.id = id
        self.$team.id = teamID
        self.staffNumber = staffNumber
        self.route = route
        self.status = status
        self.motivation = motivation
        self.nominatedBy = nominatedBy
        self.nominationReason = nominationReason
        self.consentReason = ""
    }
}
