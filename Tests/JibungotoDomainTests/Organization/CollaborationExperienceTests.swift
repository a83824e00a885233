import Testing

@testable import JibungotoDomain

@Suite("Collaboration-post experience and period lengths on the staff page")
struct CollaborationExperienceTests {
    func assignment(_ code: String, _ start: String, _ end: String?) -> AssignmentRecord {
        AssignmentRecord(staffNumber: "1001", sectionCode: code, post: "主事", start: day(start), end: end.map(day))
    }

    @Test("an assignment counts its first and last day; an open one runs to today")
    func assignmentDays() {
        #expect(PeriodLength.days(of: assignment("A", "2026-04-01", "2026-04-01"), today: day("2026-11-30")) == 1)
        #expect(PeriodLength.days(of: assignment("A", "2025-04-01", "2026-03-31"), today: day("2026-11-30")) == 365)
        #expect(PeriodLength.days(of: assignment("A", "2026-04-01", nil), today: day("2026-11-30")) == 244)
    }

    @Test("an end before the start counts as nothing, and a future end counts up to that end")
    func oddDates() {
        #expect(PeriodLength.days(of: assignment("A", "2026-04-02", "2026-04-01"), today: day("2026-11-30")) == 0)
        #expect(PeriodLength.days(of: assignment("A", "2026-11-01", "2026-12-31"), today: day("2026-11-30")) == 61)
    }

    @Test("only assignments the caller marks as collaboration posts are added up")
    func total() {
        let history = [
            assignment("COLLAB", "2020-04-01", "2022-03-31"),
            assignment("OTHER", "2022-04-01", "2024-03-31"),
            assignment("COLLAB", "2024-04-01", nil),
        ]
        let days = CollaborationExperience.days(in: history, today: day("2024-04-10")) { $0.sectionCode == "COLLAB" }
        #expect(days == 730 + 10)
        #expect(CollaborationExperience.days(in: history, today: day("2024-04-10")) { _ in false } == 0)
        #expect(CollaborationExperience.days(in: [], today: day("2024-04-10")) { _ in true } == 0)
    }

    @Test("a length is whole months of 30.44 days, shown as years and months")
    func lengths() {
        #expect(PeriodLength(days: 0) == PeriodLength(years: 0, months: 0))
        #expect(PeriodLength(days: 30) == PeriodLength(years: 0, months: 0))
        #expect(PeriodLength(days: 31) == PeriodLength(years: 0, months: 1))
        #expect(PeriodLength(days: 365) == PeriodLength(years: 0, months: 11))
        #expect(PeriodLength(days: 366) == PeriodLength(years: 1, months: 0))
        #expect(PeriodLength(days: 1_157) == PeriodLength(years: 3, months: 2))
    }
}
