import Fluent
import Foundation
import JibungotoDomain

/// A meeting of a team or a line of its activity log, written by a member or the organizer.
final class ProjectTeamLogEntry: Model, @unchecked Sendable {
    static let schema = "project_team_log_entries"

    enum Kind: String, Codable, Sendable, CaseIterable {
        case meeting
        case activity
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "team_id") var team: ProjectTeam
    @Field(key: "kind") var kind: Kind
    @Field(key: "held_on") var heldOn: LocalDate
    /// Where a meeting was held; empty for an activity.
    @Field(key: "place") var place: String
    @Field(key: "text") var text: String
    @Field(key: "author_staff_number") var authorStaffNumber: StaffNumber
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

extension ProjectTeamLogEntry {
    convenience init(id: UUID? = nil, teamID: UUID, kind: Kind, heldOn: LocalDate, place: String = "", text: String, author: StaffNumber) {
        self.init()
        self.id = id
        self.$team.id = teamID
        self.kind = kind
        self.heldOn = heldOn
        self.place = place
        self.text = text
        self.authorStaffNumber = author
    }
}
