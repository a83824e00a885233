import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Dialogue findings: tags as typed and as searched, and the figures for the Policy module")
struct DialogueFindingTagsTests {
    @Test("tags split on commas and lines, lose a leading #, are made half-width and kept once")
    func parsing() throws {
        #expect(try DialogueFindingTags.parse("キャリア、若手職員, ＃ＤＸ，キャリア\n 対話の  場 ").get() == ["キャリア", "若手職員", "DX", "対話の 場"])
        #expect(DialogueFindingTags.normalize("　＃人材育成　") == "人材育成")
    }

    @Test("at least one tag, at most eight, each at most thirty characters")
    func limits() {
        #expect(DialogueFindingTags.parse(" 、, ") == .failure(.empty))
        #expect(DialogueFindingTags.parse((1...9).map { "タグ\($0)" }.joined(separator: ",")) == .failure(.tooMany(maximum: 8)))
        let long = String(repeating: "長", count: 31)
        #expect(DialogueFindingTags.parse("短い,\(long)") == .failure(.tooLong(tag: long, maximum: 30)))
    }

    @Test("sessions held are those reported in the fiscal year; participants are counted once; the share is of the staff given")
    func figures() {
        let sessions = [
            DialogueFigures.Session(date: day("2026-04-01"), isReported: true),
            DialogueFigures.Session(date: day("2027-03-31"), isReported: true),
            DialogueFigures.Session(date: day("2026-11-30"), isReported: false),
            DialogueFigures.Session(date: day("2026-03-31"), isReported: true),
        ]
        #expect(DialogueFigures.sessionsHeld(sessions, fiscalYear: 2026) == 2)
        #expect(DialogueFigures.sessionsHeld(sessions, fiscalYear: 2025) == 1)
        func entry(_ number: StaffNumber, _ kind: ParticipationKind, _ date: String, activity: String) -> ParticipationEntry {
            ParticipationEntry(staffNumber: number, kind: kind, activityID: activity, activityTitle: activity, sectionCode: "101010",
                               departmentCode: "10", hostSectionCode: "1010", route: .volunteered, date: day(date))
        }
        let entries = [
            entry("A", .dialogueSession, "2026-05-01", activity: "s1"), entry("A", .dialogueSession, "2026-06-01", activity: "s2"),
            entry("B", .dialogueSession, "2027-01-10", activity: "s3"), entry("C", .projectTeam, "2026-05-01", activity: "t1"),
            entry("D", .dialogueSession, "2026-03-31", activity: "s0"),
        ]
        let participants = DialogueFigures.participants(entries, fiscalYear: 2026)
        #expect(participants == ["A", "B"])
        #expect(DialogueFigures.shareOfStaff(participants: participants, staff: ["A", "B", "C", "E"]) == 0.5)
        #expect(DialogueFigures.shareOfStaff(participants: ["A", "Z"], staff: ["A", "B"]) == 0.5, "a participant no longer counted as staff is left out")
        #expect(DialogueFigures.shareOfStaff(participants: participants, staff: []) == nil)
        #expect(ParticipationKind.dialogueSession.rawValue == "dialogue_session")
    }
}
