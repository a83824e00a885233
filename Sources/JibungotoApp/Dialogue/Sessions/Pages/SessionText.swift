import Foundation
import JibungotoDomain

/// The dialogue pages' shared words: kinds, times, seats and every refusal in the reader's language.
enum SessionText {
    static func kind(_ kind: DialogueSessionKind, _ localizer: Localizer) -> String {
        localizer.t("dialogue.session.kind.\(kind.rawValue)")
    }

    static func mode(_ mode: DialogueSessionMode, _ localizer: Localizer) -> String {
        localizer.t("dialogue.session.mode.\(mode.rawValue)")
    }

    static func status(_ status: DialogueSeatStatus, _ localizer: Localizer) -> String {
        localizer.t("dialogue.session.status.\(status.rawValue)")
    }

    /// 令和8年12月10日 13:30〜16:00.
    static func when(_ time: DialogueSessionTime, _ localizer: Localizer) -> String {
        localizer.t("dialogue.session.when", localizer.date(time.date), DialogueSessionTime.clock(time.start), DialogueSessionTime.clock(time.end))
    }

    static func moment(_ moment: DialogueMoment, _ localizer: Localizer) -> String {
        localizer.t("dialogue.session.moment", localizer.date(moment.date), DialogueSessionTime.clock(moment.minute))
    }

    static func window(_ window: DialogueRegistrationWindow, _ localizer: Localizer) -> String {
        localizer.t("dialogue.session.range", localizer.date(window.opens), localizer.date(window.closes))
    }

    /// 定員20人（参加12人・キャンセル待ち0人）.
    static func seats(capacity: Int, registered: Int, waiting: Int, _ localizer: Localizer) -> String {
        localizer.t("dialogue.session.seatsValue", count: capacity, String(capacity), String(registered), String(waiting))
    }

    static func registrationRefusal(_ refusal: DialogueRegistrationRule.Refusal, _ localizer: Localizer) -> String {
        switch refusal {
        case .alreadyRegistered(.waiting): localizer.t("dialogue.session.refused.alreadyWaiting")
        case .alreadyRegistered: localizer.t("dialogue.session.refused.alreadyRegistered")
        case .closed: localizer.t("dialogue.session.refused.closed")
        case .started: localizer.t("dialogue.session.refused.started")
        case .invitationOnly: localizer.t("dialogue.session.refused.invitationOnly")
        case .notYetOpen(let opens): localizer.t("dialogue.session.refused.notYetOpen", localizer.date(opens))
        case .windowClosed(let closed): localizer.t("dialogue.session.refused.windowClosed", localizer.date(closed))
        case .noStaffRecord: localizer.t("dialogue.session.refused.noStaffRecord")
        }
    }

    static func cancellationRefusal(_ refusal: DialogueCancellationRule.Refusal, _ localizer: Localizer) -> String {
        switch refusal {
        case .notRegistered: localizer.t("dialogue.session.cancelRefused.notRegistered")
        case .started: localizer.t("dialogue.session.cancelRefused.started")
        }
    }

    static func checkInRefusal(_ refusal: DialogueAttendanceRule.Refusal, _ localizer: Localizer) -> String {
        switch refusal {
        case .noSeat: localizer.t("dialogue.session.checkIn.noSeat")
        case .alreadyRecorded: localizer.t("dialogue.session.checkIn.alreadyRecorded")
        case .tooEarly(let opensAt): localizer.t("dialogue.session.checkIn.tooEarly", moment(opensAt, localizer))
        case .dayOver: localizer.t("dialogue.session.checkIn.dayOver")
        case .wrongCode: localizer.t("dialogue.session.checkIn.wrongCode")
        }
    }

    static func reportRefusal(_ refusal: DialogueReportRule.Refusal, _ localizer: Localizer) -> String {
        switch refusal {
        case .notYetOver(let ends): localizer.t("dialogue.session.report.notYetOver", moment(ends, localizer))
        case .fewerThanRecorded(let recorded): localizer.t("dialogue.session.report.fewerThanRecorded", String(recorded))
        }
    }

    static func tagProblem(_ problem: DialogueFindingTags.Problem, _ localizer: Localizer) -> String {
        switch problem {
        case .empty: localizer.t("dialogue.finding.tagsEmpty")
        case .tooMany(let maximum): localizer.t("dialogue.finding.tagsTooMany", String(maximum))
        case .tooLong(let tag, let maximum): localizer.t("dialogue.finding.tagTooLong", tag, String(maximum))
        }
    }

    static func joinRefusal(_ refusal: StudyGroupJoinRule.Refusal, _ localizer: Localizer) -> String {
        switch refusal {
        case .alreadyMember: localizer.t("dialogue.studyGroup.refused.alreadyMember")
        case .alreadyRequested: localizer.t("dialogue.studyGroup.refused.alreadyRequested")
        case .notAccepting: localizer.t("dialogue.studyGroup.refused.notAccepting")
        }
    }

    /// A person by name with their section: 青木 花子（総務部 人事課 人事係）.
    static func person(_ number: StaffNumber, staff: [StaffNumber: StaffMember], sectionNames: [SectionCode: Bilingual], _ localizer: Localizer) -> String {
        guard let member = staff[number] else { return number.rawValue }
        guard let section = member.currentSectionCode.flatMap({ sectionNames[$0] }) else { return member.name }
        return localizer.t("dialogue.session.personWithSection", member.name, localizer.text(section))
    }
}

/// A finding as the pages show it: its text, tags (each a link to the search) and where it came from.
struct FindingRow: Encodable, Sendable {
    struct Tag: Encodable, Sendable {
        let label: String
        let href: String
    }

    let body: String
    let tags: [Tag]
    let kind: String
    let source: String?
    let sourceHref: String?
    let writtenOn: String

    init(_ finding: DialogueFinding, source: String?, sourceHref: String?, localizer: Localizer) {
        body = finding.body
        tags = finding.tags.map(\.tag).sorted().map { Tag(label: $0, href: SessionRoute.findingSearch.path(query: [("tag", $0)])) }
        kind = SessionText.kind(finding.kind, localizer)
        self.source = source
        self.sourceHref = sourceHref
        writtenOn = localizer.date(LocalDate(finding.writtenAt, in: .japan))
    }
}
