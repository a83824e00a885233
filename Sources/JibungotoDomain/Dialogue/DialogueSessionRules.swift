import Foundation

/// The kinds of dialogue session (対話の場) the paper asks for (§6-2, §2-2, §7-1, §8-3).
public enum DialogueSessionKind: String, CaseIterable, Codable, Sendable {
    /// ワークショップ.
    case workshop
    /// 1on1 (上司と部下、先輩と後輩の対話).
    case oneOnOne = "one_on_one"
    /// インタビュー (§2-2 の聞き取り).
    case interview
    /// 勉強会・自主研究グループの会合.
    case studyGroup = "study_group"
    /// 市民との対話.
    case citizenDialogue = "citizen_dialogue"
}

/// Where a session takes place: at a place, or online with a link that only those holding a seat see.
public enum DialogueSessionMode: String, CaseIterable, Codable, Sendable {
    case onSite = "on_site"
    case online
}

/// A moment in Japan as the dialogue rules compare it: a day and the minute of that day.
public struct DialogueMoment: Sendable, Hashable, Comparable {
    public let date: LocalDate
    public let minute: Int

    public init(date: LocalDate, minute: Int) {
        self.date = date
        self.minute = minute
    }

    /// The day and minute on which `instant` falls in `timeZone`.
    public init(_ instant: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        self.init(date: LocalDate(instant, in: timeZone), minute: (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.date, lhs.minute) < (rhs.date, rhs.minute)
    }
}

/// A session's day and hours in Japan.
public typealias DialogueSessionTime = TimeSlot

extension TimeSlot {
    public var startMoment: DialogueMoment { DialogueMoment(date: date, minute: start) }
    public var endMoment: DialogueMoment { DialogueMoment(date: date, minute: end) }

    public func hasStarted(at now: DialogueMoment) -> Bool { now >= startMoment }
    public func hasEnded(at now: DialogueMoment) -> Bool { now >= endMoment }
}

/// When registration is accepted: from the first to the last day, both included. A session
/// still takes registrations on its own day until it starts, when the window reaches that day.
public struct DialogueRegistrationWindow: Sendable, Hashable, Codable {
    public let opens: LocalDate
    public let closes: LocalDate

    public init(opens: LocalDate, closes: LocalDate) {
        self.opens = opens
        self.closes = closes
    }

    public func isOpen(today: LocalDate) -> Bool { opens <= today && today <= closes }
}

/// What is wrong with a new session's dates, each named by its field.
public enum DialogueScheduleProblem: Sendable, Equatable {
    /// The window closes before it opens.
    case windowClosesBeforeOpening
    /// The window closes after the session's day: nobody could register for a session already held.
    case windowClosesAfterSession

    public static func problems(time: DialogueSessionTime, window: DialogueRegistrationWindow) -> [DialogueScheduleProblem] {
        var problems: [DialogueScheduleProblem] = []
        if window.closes < window.opens { problems.append(.windowClosesBeforeOpening) }
        if window.closes > time.date { problems.append(.windowClosesAfterSession) }
        return problems
    }
}

/// A person's place on a session's list.
public enum DialogueSeatStatus: String, CaseIterable, Codable, Sendable {
    /// 参加 (a seat).
    case registered
    /// キャンセル待ち.
    case waiting
    /// 取消し.
    case cancelled
}

/// Whether a person may register for a session now.
public enum DialogueRegistrationRule {
    public enum Refusal: Sendable, Equatable {
        /// They hold a seat or a place on the waiting list already.
        case alreadyRegistered(DialogueSeatStatus)
        /// The organizer has written the closing report.
        case closed
        /// The session has begun.
        case started
        /// Only those invited (or a study group's members) may take part.
        case invitationOnly
        case notYetOpen(opens: LocalDate)
        case windowClosed(closed: LocalDate)
        /// The person is not in the staff master, so their attendance could not be recorded.
        case noStaffRecord
    }

    /// `status` is the person's row on the list (nil when they have none, `.cancelled` after a
    /// cancellation, when they may register again); `admitted` says whether the session lets them
    /// in without an open call (they were invited, or they belong to the study group).
    public static func refusal(
        time: DialogueSessionTime, window: DialogueRegistrationWindow, isOpenCall: Bool, admitted: Bool, isReported: Bool,
        status: DialogueSeatStatus?, hasStaffRecord: Bool, now: DialogueMoment
    ) -> Refusal? {
        if let status, status != .cancelled { return .alreadyRegistered(status) }
        if isReported { return .closed }
        if time.hasStarted(at: now) { return .started }
        if !isOpenCall && !admitted { return .invitationOnly }
        if now.date < window.opens { return .notYetOpen(opens: window.opens) }
        if now.date > window.closes { return .windowClosed(closed: window.closes) }
        if !hasStaffRecord { return .noStaffRecord }
        return nil
    }
}

/// Whether a person may cancel their registration (or leave the waiting list).
public enum DialogueCancellationRule {
    public enum Refusal: Sendable, Equatable {
        case notRegistered
        case started
    }

    public static func refusal(status: DialogueSeatStatus?, time: DialogueSessionTime, now: DialogueMoment) -> Refusal? {
        guard let status, status != .cancelled else { return .notRegistered }
        return time.hasStarted(at: now) ? .started : nil
    }
}

/// Attendance: recorded by the organizer from the session's day on, or by the attendee with the
/// code the organizer announces in the room (or the online meeting).
public enum DialogueAttendanceRule {
    public enum Refusal: Sendable, Equatable {
        /// Only those holding a seat enter a code; others ask the organizer.
        case noSeat
        case alreadyRecorded
        /// Codes are taken on the session's day, from half an hour before it starts.
        case tooEarly(opensAt: DialogueMoment)
        /// …until the end of that day.
        case dayOver
        case wrongCode
    }

    /// How long before the start a code is taken (people arrive early and check in).
    public static let minutesBeforeStart = 30

    /// The letters of an attendance code: no 0/O, 1/I/L that people misread from a screen.
    public static let codeAlphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    public static let codeLength = 6

    /// A code from random bytes (the app draws them), one letter per byte.
    public static func code(from bytes: [UInt8]) -> String {
        String(bytes.prefix(codeLength).map { codeAlphabet[Int($0) % codeAlphabet.count] })
    }

    /// A code as typed (lower case, full-width, with spaces or a hyphen) in the form codes are compared in.
    public static func normalizedCode(_ text: String) -> String {
        TextNormalization.code(text).filter { !$0.isWhitespace && $0 != "-" && $0 != "ー" }
    }

    public static func checkInRefusal(
        status: DialogueSeatStatus?, attended: Bool, time: DialogueSessionTime, now: DialogueMoment, entered: String, code: String
    ) -> Refusal? {
        guard status == .registered else { return .noSeat }
        if attended { return .alreadyRecorded }
        let opensAt = DialogueMoment(date: time.date, minute: max(0, time.start - minutesBeforeStart))
        if now < opensAt { return .tooEarly(opensAt: opensAt) }
        if now.date > time.date { return .dayOver }
        return normalizedCode(entered) == normalizedCode(code) && !code.isEmpty ? nil : .wrongCode
    }

    /// The organizer records attendance once the session's day has come.
    public static func organizerMayRecord(time: DialogueSessionTime, today: LocalDate) -> Bool {
        today >= time.date
    }
}

/// The closing report (開催報告): minutes, the number who attended, then the findings.
public enum DialogueReportRule {
    public enum Refusal: Sendable, Equatable {
        /// The report is written once the session is over.
        case notYetOver(ends: DialogueMoment)
        /// The count includes every staff member whose attendance is recorded (citizens and guests may add to it).
        case fewerThanRecorded(recorded: Int)
    }

    public static func refusal(time: DialogueSessionTime, now: DialogueMoment, attendeeCount: Int, recordedAttendees: Int) -> Refusal? {
        if !time.hasEnded(at: now) { return .notYetOver(ends: time.endMoment) }
        if attendeeCount < recordedAttendees { return .fewerThanRecorded(recorded: recordedAttendees) }
        return nil
    }
}
