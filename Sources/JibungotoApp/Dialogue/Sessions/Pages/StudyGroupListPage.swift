import Foundation
import JibungotoDomain

/// Where staff find the self-study groups: each group's purpose, how many take part, whether it
/// takes new members, its next meeting and the reader's own place in it. No names: those are on
/// each group's page.
enum StudyGroupListPage {
    struct Content: Encodable, Sendable {
        let groups: [Row]
        let newHref: String
    }

    struct Row: Encodable, Sendable {
        let title: String
        let href: String
        let purpose: String
        let members: String
        let accepts: String
        let nextMeeting: String?
        let myStatus: String?
    }

    static func build(groups: [StudyGroup], members: [StudyGroupMember], upcomingMeetings: [DialogueSession], reader: StaffNumber,
                      localizer: Localizer) -> Content {
        var counts: [UUID: Int] = [:]
        var mine: [UUID: StudyGroupMemberStatus] = [:]
        for member in members {
            if member.status == .member { counts[member.$group.id, default: 0] += 1 }
            if member.staffNumber == reader { mine[member.$group.id] = member.status }
        }
        var next: [UUID: DialogueSession] = [:]
        for meeting in upcomingMeetings {
            guard let id = meeting.$studyGroup.id, next[id] == nil, meeting.isOpenCall || mine[id] == .member else { continue }
            next[id] = meeting
        }
        return Content(groups: groups.compactMap { group in
            guard let id = group.id else { return nil }
            return Row(
                title: group.title, href: SessionRoute.studyGroup(.id(id)).path,
                purpose: group.purpose.count > 120 ? String(group.purpose.prefix(120)) + "…" : group.purpose,
                members: localizer.t("dialogue.session.peopleCount", String(counts[id] ?? 0)),
                accepts: localizer.t(group.acceptsMembers ? "dialogue.studyGroup.accepts.yes" : "dialogue.studyGroup.accepts.no"),
                nextMeeting: next[id].map { SessionText.when($0.time, localizer) },
                myStatus: mine[id].map { localizer.t("dialogue.studyGroup.status.\($0.rawValue)") })
        }, newHref: SessionRoute.newStudyGroup.path)
    }
}
