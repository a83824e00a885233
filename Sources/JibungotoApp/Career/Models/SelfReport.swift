import Fluent
import Foundation
import JibungotoDomain

/// One staff member's self-report in a round: a draft until submitted, revisable until the deadline.
final class SelfReport: Model, @unchecked Sendable {
    static let schema = "self_reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "cycle_id") var cycle: SelfReportCycle
    @Field(key: "staff_number") var staffNumber: StaffNumber
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    /// move / stay / either
    @Field(key: "move_wish") var moveWish: String
    @Field(key: "career_plan") var careerPlan: String
    @Field(key: "project_team_interest") var projectTeamInterest: Bool
    @Field(key: "project_team_themes") private var storedProjectTeamThemes: String
    /// The themes as the candidate suggestions compare them, kept with the text (migration 028).
    @Field(key: "project_team_themes_folded") private(set) var projectTeamThemesFolded: String
    @Field(key: "side_job_interest") var sideJobInterest: Bool
    @Field(key: "side_job_themes") var sideJobThemes: String
    @Field(key: "skills") private var storedSkills: String
    /// The skills as the candidate suggestions compare them, kept with the text (migration 028).
    @Field(key: "skills_folded") private(set) var skillsFolded: String
    /// Care, health, family: read by HR only, never shown to a manager or a colleague.
    @Field(key: "circumstances") var circumstances: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Children(for: \.$report) var wishes: [SelfReportWish]

    init() {}

    /// "Themes I would like to work on in a project team"; setting it keeps its folded form.
    var projectTeamThemes: String {
        get { storedProjectTeamThemes }
        set {
            storedProjectTeamThemes = newValue
            projectTeamThemesFolded = CandidateSuggestions.folded(newValue)
        }
    }

    /// The skills and experience the staff member names; setting them keeps their folded form.
    var skills: String {
        get { storedSkills }
        set {
            storedSkills = newValue
            skillsFolded = CandidateSuggestions.folded(newValue)
        }
    }
}

extension SelfReport {
    /// A self-report in one line: a draft with nothing filled in unless told.
    convenience init(
        id: UUID? = nil, cycleID: UUID, staffNumber: StaffNumber, submittedAt: Date? = nil, moveWish: String = "",
        careerPlan: String = "", projectTeamInterest: Bool = false, projectTeamThemes: String = "",
        sideJobInterest: Bool = false, sideJobThemes: String = "", skills: String = "", circumstances: String = ""
    ) {
        self.init()
        self.id = id
        self.$cycle.id = cycleID
        self.staffNumber = staffNumber
        self.submittedAt = submittedAt
        self.moveWish = moveWish
        self.careerPlan = careerPlan
        self.projectTeamInterest = projectTeamInterest
        self.projectTeamThemes = projectTeamThemes
        self.sideJobInterest = sideJobInterest
        self.sideJobThemes = sideJobThemes
        self.skills = skills
        self.circumstances = circumstances
    }
}
