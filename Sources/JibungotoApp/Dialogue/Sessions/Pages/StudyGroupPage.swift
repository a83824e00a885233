import Foundation
import JibungotoDomain

/// A self-study group's page: its purpose, leaders and members, the reader's place and the way to
/// ask to join, the requests waiting (for leaders), meetings and outputs.
enum StudyGroupPage {
    struct Input: Sendable {
        let group: StudyGroup
        let members: [StudyGroupMember]
        let isMember: Bool
        let isLeader: Bool
        let myStatus: StudyGroupMemberStatus?
        /// The meetings the reader may see, in order.
        let meetings: [DialogueSession]
        let outputs: [StudyGroupOutput]
        let staff: [StaffNumber: StaffMember]
        let sectionNames: [SectionCode: Bilingual]
        let today: LocalDate
        let csrfToken: String
        let joinForm: FormModel?
        let joinNote: String?
        let outputForm: FormModel?
    }

    struct Content: Encodable, Sendable {
        let purpose: String
        let accepts: String
        let myStatus: String?
        let members: [Person]
        let requests: [JoinRequest]
        let meetings: [Meeting]
        let outputs: [Output]
        let newMeetingHref: String?
        let joinForm: FormModel?
        let joinNote: String?
        let outputForm: FormModel?
        let answerAction: String
        let csrfToken: String
    }

    struct Person: Encodable, Sendable {
        let name: String
        let isLeader: Bool
    }

    struct JoinRequest: Encodable, Sendable {
        let id: String
        let name: String
        let message: String
        let requestedOn: String
    }

    struct Meeting: Encodable, Sendable {
        let title: String
        let href: String
        let when: String
        let isPast: Bool
    }

    struct Output: Encodable, Sendable {
        let title: String
        let body: String
        let link: String?
        let addedOn: String
        let addedBy: String
    }

    static func build(_ input: Input, localizer: Localizer) -> Content {
        let group = input.group
        let id = group.id ?? UUID()
        func name(_ number: StaffNumber) -> String {
            SessionText.person(number, staff: input.staff, sectionNames: input.sectionNames, localizer)
        }
        return Content(
            purpose: group.purpose,
            accepts: localizer.t(group.acceptsMembers ? "dialogue.studyGroup.accepts.yes" : "dialogue.studyGroup.accepts.no"),
            myStatus: input.myStatus.map { localizer.t("dialogue.studyGroup.status.\($0.rawValue)") },
            members: input.members.filter { $0.status == .member }.sorted { ($0.isLeader ? 0 : 1, $0.requestedAt) < ($1.isLeader ? 0 : 1, $1.requestedAt) }
                .map { Person(name: name($0.staffNumber), isLeader: $0.isLeader) },
            requests: input.isLeader ? input.members.filter { $0.status == .requested }.compactMap { member in
                member.id.map { JoinRequest(id: $0.uuidString.lowercased(), name: name(member.staffNumber), message: member.message,
                                        requestedOn: localizer.date(LocalDate(member.requestedAt, in: .japan))) }
            } : [],
            meetings: input.meetings.compactMap { meeting in
                meeting.id.map { Meeting(title: meeting.title, href: SessionRoute.session(.id($0)).path, when: SessionText.when(meeting.time, localizer),
                                         isPast: meeting.date < input.today) }
            },
            outputs: input.outputs.map { output in
                Output(title: output.title, body: output.body, link: output.link, addedOn: localizer.date(LocalDate(output.addedAt, in: .japan)),
                       addedBy: input.staff[output.addedBy]?.name ?? "")
            },
            newMeetingHref: input.isMember ? SessionRoute.newStudyGroupMeeting(.id(id)).path : nil,
            joinForm: input.joinForm, joinNote: input.joinNote, outputForm: input.outputForm,
            answerAction: SessionRoute.studyGroupMembers(.id(id)).path, csrfToken: input.csrfToken)
    }
}
