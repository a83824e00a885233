import Foundation
import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Dialogue sessions: times, registration, cancellation, attendance and the closing report")
struct DialogueSessionRulesTests {
    let time = DialogueSessionTime(date: day("2026-12-10"), start: 13 * 60 + 30, end: 16 * 60)!
    let window = DialogueRegistrationWindow(opens: day("2026-11-20"), closes: day("2026-12-10"))

    func at(_ date: String, _ hour: Int, _ minute: Int = 0) -> DialogueMoment {
        DialogueMoment(date: day(date), minute: hour * 60 + minute)
    }

    @Test("times are typed as 9:00 or ９：００, within one day, and compared with the moment in Japan")
    func times() {
        #expect(DialogueSessionTime.minutes(from: "9:00") == 540)
        #expect(DialogueSessionTime.minutes(from: "０９：３０") == 570)
        #expect(DialogueSessionTime.minutes(from: "24:00") == 1440)
        #expect(DialogueSessionTime.minutes(from: "24:01") == nil)
        #expect(DialogueSessionTime.minutes(from: "9時") == nil)
        #expect(DialogueSessionTime.minutes(from: "9:5") == nil)
        #expect(DialogueSessionTime.clock(13 * 60 + 5) == "13:05")
        #expect(DialogueSessionTime(date: day("2026-12-10"), start: 600, end: 600) == nil)
        #expect(time.hours == 2.5)
        #expect(time.fiscalYear == 2026)
        #expect(!time.hasStarted(at: at("2026-12-10", 13, 29)))
        #expect(time.hasStarted(at: at("2026-12-10", 13, 30)))
        #expect(time.hasEnded(at: at("2026-12-10", 16)))
        // 2026-12-10 04:30 UTC is 13:30 in Japan.
        let instant = Date(timeIntervalSince1970: 1_796_877_000)
        #expect(DialogueMoment(instant, in: TimeZone(identifier: "Asia/Tokyo")!) == at("2026-12-10", 13, 30))
    }

    @Test("a new session's window opens before it closes and closes by the session's day")
    func scheduleProblems() {
        #expect(DialogueScheduleProblem.problems(time: time, window: window).isEmpty)
        let late = DialogueRegistrationWindow(opens: day("2026-12-12"), closes: day("2026-12-11"))
        #expect(DialogueScheduleProblem.problems(time: time, window: late) == [.windowClosesBeforeOpening, .windowClosesAfterSession])
    }

    @Test("registration: once, within the window, before the start, an invitation-only session only for those admitted")
    func registration() {
        func refusal(_ now: DialogueMoment, openCall: Bool = true, admitted: Bool = false, reported: Bool = false,
                     status: DialogueSeatStatus? = nil, staff: Bool = true) -> DialogueRegistrationRule.Refusal? {
            DialogueRegistrationRule.refusal(time: time, window: window, isOpenCall: openCall, admitted: admitted, isReported: reported,
                                             status: status, hasStaffRecord: staff, now: now)
        }
        #expect(refusal(at("2026-11-20", 8)) == nil, "the window's first day")
        #expect(refusal(at("2026-12-10", 13, 29)) == nil, "the session's day, before it starts")
        #expect(refusal(at("2026-12-10", 13, 30)) == .started)
        #expect(refusal(at("2026-11-19", 23, 59)) == .notYetOpen(opens: day("2026-11-20")))
        let early = DialogueRegistrationWindow(opens: day("2026-11-20"), closes: day("2026-12-05"))
        #expect(DialogueRegistrationRule.refusal(time: time, window: early, isOpenCall: true, admitted: false, isReported: false,
                                                 status: nil, hasStaffRecord: true, now: at("2026-12-06", 9)) == .windowClosed(closed: day("2026-12-05")))
        #expect(refusal(at("2026-11-30", 12), status: .registered) == .alreadyRegistered(.registered))
        #expect(refusal(at("2026-11-30", 12), status: .waiting) == .alreadyRegistered(.waiting))
        #expect(refusal(at("2026-11-30", 12), status: .cancelled) == nil, "one who cancelled may register again")
        #expect(refusal(at("2026-11-30", 12), openCall: false) == .invitationOnly)
        #expect(refusal(at("2026-11-30", 12), openCall: false, admitted: true) == nil)
        #expect(refusal(at("2026-12-11", 12), reported: true) == .closed)
        #expect(refusal(at("2026-11-30", 12), staff: false) == .noStaffRecord)
    }

    @Test("cancelling: only a seat or a waiting place, and only before the start")
    func cancellation() {
        #expect(DialogueCancellationRule.refusal(status: .registered, time: time, now: at("2026-12-10", 13)) == nil)
        #expect(DialogueCancellationRule.refusal(status: .waiting, time: time, now: at("2026-12-10", 13)) == nil)
        #expect(DialogueCancellationRule.refusal(status: .registered, time: time, now: at("2026-12-10", 13, 30)) == .started)
        #expect(DialogueCancellationRule.refusal(status: .cancelled, time: time, now: at("2026-12-01", 9)) == .notRegistered)
        #expect(DialogueCancellationRule.refusal(status: nil, time: time, now: at("2026-12-01", 9)) == .notRegistered)
    }

    @Test("the attendance code: seat holders on the day, from half an hour before, typed any way")
    func checkIn() {
        func refusal(_ now: DialogueMoment, status: DialogueSeatStatus? = .registered, attended: Bool = false, entered: String = "K7P2QX") -> DialogueAttendanceRule.Refusal? {
            DialogueAttendanceRule.checkInRefusal(status: status, attended: attended, time: time, now: now, entered: entered, code: "K7P2QX")
        }
        #expect(refusal(at("2026-12-10", 13)) == nil, "half an hour before")
        #expect(refusal(at("2026-12-10", 23, 59), entered: "ｋ７ｐ ２ｑｘ") == nil, "full width, lower case, a space")
        #expect(refusal(at("2026-12-10", 14), entered: "k7p-2qx") == nil)
        #expect(refusal(at("2026-12-10", 12, 59)) == .tooEarly(opensAt: at("2026-12-10", 13)))
        #expect(refusal(at("2026-12-11", 9)) == .dayOver)
        #expect(refusal(at("2026-12-10", 14), entered: "K7P2QY") == .wrongCode)
        #expect(refusal(at("2026-12-10", 14), entered: "") == .wrongCode)
        #expect(refusal(at("2026-12-10", 14), status: .waiting) == .noSeat)
        #expect(refusal(at("2026-12-10", 14), attended: true) == .alreadyRecorded)
        #expect(DialogueAttendanceRule.organizerMayRecord(time: time, today: day("2026-12-10")))
        #expect(!DialogueAttendanceRule.organizerMayRecord(time: time, today: day("2026-12-09")))
    }

    @Test("codes are six letters from an alphabet without look-alikes")
    func codes() {
        let code = DialogueAttendanceRule.code(from: [0, 1, 2, 30, 31, 255, 7])
        #expect(code.count == 6)
        #expect(code == "ABC9AH", "one letter per byte, the seventh byte unused")
        #expect(!DialogueAttendanceRule.codeAlphabet.contains("O") && !DialogueAttendanceRule.codeAlphabet.contains("0")
                && !DialogueAttendanceRule.codeAlphabet.contains("I") && !DialogueAttendanceRule.codeAlphabet.contains("1"))
    }

    @Test("the closing report comes after the session and counts at least everyone recorded as attending")
    func report() {
        #expect(DialogueReportRule.refusal(time: time, now: at("2026-12-10", 15, 59), attendeeCount: 5, recordedAttendees: 0)
                == .notYetOver(ends: at("2026-12-10", 16)))
        #expect(DialogueReportRule.refusal(time: time, now: at("2026-12-10", 16), attendeeCount: 5, recordedAttendees: 5) == nil)
        #expect(DialogueReportRule.refusal(time: time, now: at("2026-12-11", 9), attendeeCount: 4, recordedAttendees: 5) == .fewerThanRecorded(recorded: 5))
    }

    @Test("study groups: one request at a time, members cannot ask, a closed group takes nobody, a declined person may ask again")
    func studyGroupJoining() {
        #expect(StudyGroupJoinRule.refusal(status: nil, acceptsMembers: true) == nil)
        #expect(StudyGroupJoinRule.refusal(status: .declined, acceptsMembers: true) == nil)
        #expect(StudyGroupJoinRule.refusal(status: .member, acceptsMembers: true) == .alreadyMember)
        #expect(StudyGroupJoinRule.refusal(status: .requested, acceptsMembers: true) == .alreadyRequested)
        #expect(StudyGroupJoinRule.refusal(status: nil, acceptsMembers: false) == .notAccepting)
    }
}
