import Foundation
import JibungotoDomain

/// One session's page: its facts and description, the place (or, for those holding a seat, the
/// online link), the reader's place on the list with what they can do (register, cancel, enter the
/// attendance code), the closing report and findings; for those running it, the attendance code,
/// the list with the waiting order, attendance, invitations and the findings form.
enum SessionPage {
    /// The forms that apply to the reader now, built by the handler.
    struct Forms: Sendable {
        var checkIn: FormModel?
        var invite: FormModel?
        var attendance: FormModel?
        var finding: FormModel?
    }

    struct Input: Sendable {
        let context: SessionContext
        /// The list in queue order, cancellations included.
        let registrations: [DialogueRegistration]
        let staff: [StaffNumber: StaffMember]
        let sectionNames: [SectionCode: Bilingual]
        let findings: [DialogueFinding]
        /// Why the reader may not register now (nil: they may).
        let refusal: DialogueRegistrationRule.Refusal?
        let now: DialogueMoment
        let today: LocalDate
        let csrfToken: String
        let forms: Forms
    }

    struct Content: Encodable, Sendable {
        let facts: [Fact]
        let about: String
        let onlineLink: String?
        /// An online session whose link the reader does not see yet.
        let linkNote: String?
        let myStatus: String?
        let movedUpNote: String?
        let registerAction: String?
        let registerLabel: String
        let registerNote: String?
        let cancelAction: String?
        let checkInForm: FormModel?
        let calendarHref: String
        let report: Report?
        let findings: [FindingRow]
        let findingForm: FormModel?
        let runner: Runner?
        let csrfToken: String
    }

    struct Fact: Encodable, Sendable {
        let label: String
        let value: String
        let href: String?
    }

    struct Report: Encodable, Sendable {
        let minutes: String
        let attendeeCount: String
        let reportedOn: String
    }

    /// What those running the session see and do.
    struct Runner: Encodable, Sendable {
        let attendanceCode: String
        let codeNote: String
        let reportHref: String?
        let registered: [Row]
        let waiting: [Row]
        let cancelled: [Row]
        let attendanceForm: FormModel?
        let inviteForm: FormModel?
    }

    struct Row: Encodable, Sendable {
        let name: String
        let detail: String
        let attended: Bool
    }

    static func build(_ input: Input, localizer: Localizer) -> Content {
        let context = input.context
        let session = context.session
        let id = session.activityID
        let rows = input.registrations
        let entries = rows.map(\.entry)
        let registered = rows.filter { $0.status == .registered }
        let waiting = DialogueWaitingList.waitingOrder(entries)

        var facts = [
            Fact(label: localizer.t("dialogue.session.field.kind"), value: SessionText.kind(session.kind, localizer), href: nil),
            Fact(label: localizer.t("dialogue.session.field.when"), value: SessionText.when(session.time, localizer), href: nil),
            Fact(label: localizer.t("dialogue.session.field.mode"), value: SessionText.mode(session.mode, localizer), href: nil),
        ]
        if let place = session.place { facts.append(Fact(label: localizer.t("dialogue.session.field.place"), value: place, href: nil)) }
        if let host = session.hostSectionCode {
            facts.append(Fact(label: localizer.t("dialogue.session.field.host"),
                              value: input.sectionNames[host].map(localizer.text) ?? host.rawValue, href: nil))
        }
        if let group = session.$studyGroup.value.flatMap({ $0 }), let groupID = group.id {
            facts.append(Fact(label: localizer.t("dialogue.studyGroup.one"), value: group.title, href: SessionRoute.studyGroup(.id(groupID)).path))
        }
        if let series = session.$series.value.flatMap({ $0 }), let seriesID = series.id {
            facts.append(Fact(label: localizer.t("dialogue.session.field.series"), value: series.title, href: SessionRoute.series(.id(seriesID)).path))
        }
        facts += [
            Fact(label: localizer.t("dialogue.session.field.seats"),
                 value: SessionText.seats(capacity: session.capacity, registered: registered.count, waiting: waiting.count, localizer), href: nil),
            Fact(label: localizer.t("dialogue.session.field.window"), value: SessionText.window(session.window, localizer), href: nil),
            Fact(label: localizer.t("dialogue.session.field.call"),
                 value: localizer.t(session.isOpenCall ? "dialogue.session.call.open"
                                    : session.$studyGroup.id == nil ? "dialogue.session.call.invited" : "dialogue.session.call.members"), href: nil),
        ]

        let mine = context.mine
        var myStatus: String?
        if let mine {
            switch mine.status {
            case .registered:
                myStatus = localizer.t(mine.attended ? "dialogue.session.mine.attended" : "dialogue.session.mine.registered")
            case .waiting:
                myStatus = localizer.t("dialogue.session.mine.waiting", String(DialogueWaitingList.position(of: mine.entry.id, in: entries) ?? 0))
            case .cancelled:
                myStatus = localizer.t("dialogue.session.mine.cancelled")
            }
        }
        let movedUp = mine?.status == .registered && mine?.promotedAt != nil && !session.time.hasStarted(at: input.now)
        var registerNote: String?
        var registerAction: String?
        switch input.refusal {
        case nil:
            registerAction = SessionRoute.register(.value(id)).path
            if DialogueWaitingList.placement(capacity: session.capacity, entries: entries) != .seat {
                registerNote = localizer.t("dialogue.session.fullNote", String(waiting.count))
            }
        case .alreadyRegistered?:
            break
        case let refusal?:
            registerNote = SessionText.registrationRefusal(refusal, localizer)
        }
        let mayCancel = DialogueCancellationRule.refusal(status: mine?.status, time: session.time, now: input.now) == nil

        var runner: Runner?
        if context.runs {
            func row(_ registration: DialogueRegistration, detail: String) -> Row {
                Row(name: SessionText.person(registration.staffNumber, staff: input.staff, sectionNames: input.sectionNames, localizer),
                    detail: ([detail] + (registration.isInvited ? [localizer.t("dialogue.session.invited")] : [])).filter { !$0.isEmpty }.joined(separator: "・"),
                    attended: registration.attended)
            }
            let byID = Dictionary(rows.map { ($0.entry.id, $0) }, uniquingKeysWith: { first, _ in first })
            runner = Runner(
                attendanceCode: session.attendanceCode,
                codeNote: localizer.t("dialogue.session.codeNote", String(DialogueAttendanceRule.minutesBeforeStart)),
                reportHref: session.time.hasEnded(at: input.now) ? SessionRoute.report(.value(id)).path : nil,
                registered: registered.map { row($0, detail: $0.promotedAt != nil ? localizer.t("dialogue.session.movedUpMark") : "") },
                waiting: waiting.enumerated().compactMap { index, entry in
                    byID[entry.id].map { row($0, detail: localizer.t("dialogue.session.positionMark", String(index + 1))) }
                },
                cancelled: rows.filter { $0.status == .cancelled }.map { row($0, detail: "") },
                attendanceForm: input.forms.attendance, inviteForm: input.forms.invite)
        }

        return Content(
            facts: facts, about: session.about,
            onlineLink: session.mode == .online && context.seesLink ? session.onlineLink : nil,
            linkNote: session.mode == .online && !context.seesLink ? localizer.t("dialogue.session.linkNote") : nil,
            myStatus: myStatus,
            movedUpNote: movedUp ? localizer.t("dialogue.session.movedUpNote") : nil,
            registerAction: registerAction,
            registerLabel: localizer.t(registerNote == nil ? "dialogue.session.register" : "dialogue.session.registerWaiting"),
            registerNote: registerNote,
            cancelAction: mayCancel ? SessionRoute.cancel(.value(id)).path : nil,
            checkInForm: input.forms.checkIn,
            calendarHref: SessionRoute.calendarFile(.value(id)).path,
            report: session.reportedAt.map { reportedAt in
                Report(minutes: session.reportMinutes ?? "", attendeeCount: localizer.t("dialogue.session.peopleCount", String(session.reportAttendeeCount ?? 0)),
                       reportedOn: localizer.date(LocalDate(reportedAt, in: .japan)))
            },
            findings: input.findings.map { FindingRow($0, source: nil, sourceHref: nil, localizer: localizer) },
            findingForm: input.forms.finding,
            runner: runner,
            csrfToken: input.csrfToken)
    }
}
