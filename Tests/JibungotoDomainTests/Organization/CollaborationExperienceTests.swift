import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Period lengths and collaboration-post experience: one definition for every page")
struct CollaborationExperienceTests {
    func assignment(_ code: SectionCode, _ start: String, _ end: String?) -> AssignmentRecord {
        AssignmentRecord(staffNumber: "1001", sectionCode: code, post: "主事", start: day(start), end: end.map(day))
    }

    func length(_ start: String, _ end: String) -> PeriodLength {
        PeriodLength.from(day(start), through: day(end))
    }

    @Test("April 1 to March 31 is whole years, across an era change too (the demo city's 3年11か月 vs 2年0か月)")
    func fiscalYears() {
        // 平成31年4月1日–令和5年3月31日: the era changed on 2019-05-01 inside the period.
        #expect(length("2019-04-01", "2023-03-31") == PeriodLength(months: 48, days: 0))
        #expect(length("2019-04-01", "2023-03-31").years == 4)
        #expect(length("2019-04-01", "2023-03-31").months == 0)
        #expect(length("2023-04-01", "2025-03-31") == PeriodLength(months: 24, days: 0))
        #expect(length("2026-04-01", "2027-03-31") == PeriodLength(months: 12, days: 0))
    }

    @Test("one day, a day short of a month, a month, and a day past it")
    func shortPeriods() {
        #expect(length("2026-04-01", "2026-04-01") == PeriodLength(months: 0, days: 1))
        #expect(length("2026-04-01", "2026-04-29") == PeriodLength(months: 0, days: 29))
        #expect(length("2026-04-01", "2026-04-30") == PeriodLength(months: 1, days: 0))
        #expect(length("2026-04-01", "2026-05-01") == PeriodLength(months: 1, days: 1))
        #expect(length("2026-04-16", "2026-05-15") == PeriodLength(months: 1, days: 0))
    }

    @Test("leap days: a period through February 29 and one starting on it")
    func leapDays() {
        #expect(length("2024-02-01", "2024-02-29") == PeriodLength(months: 1, days: 0))
        #expect(length("2023-03-01", "2024-02-29") == PeriodLength(months: 12, days: 0))
        #expect(length("2024-02-29", "2025-02-27") == PeriodLength(months: 11, days: 30))
        #expect(length("2024-02-29", "2025-02-28") == PeriodLength(months: 12, days: 0))
    }

    @Test("an open assignment runs to today; an end before the start is nothing; a future end counts to that end")
    func assignments() {
        #expect(PeriodLength.of(assignment("A", "2026-04-01", nil), today: day("2026-11-30")) == PeriodLength(months: 8, days: 0))
        #expect(PeriodLength.of(assignment("A", "2026-04-02", "2026-04-01"), today: day("2026-11-30")) == .zero)
        #expect(PeriodLength.of(assignment("A", "2026-11-01", "2026-12-31"), today: day("2026-11-30")) == PeriodLength(months: 2, days: 0))
    }

    @Test("periods add months and days; 30 leftover days make a month")
    func totals() {
        #expect(PeriodLength.total([]) == .zero)
        #expect(PeriodLength.total([PeriodLength(months: 3, days: 20), PeriodLength(months: 1, days: 10)]) == PeriodLength(months: 5, days: 0))
        #expect(PeriodLength.total([PeriodLength(months: 3, days: 20), PeriodLength(months: 1, days: 9)]) == PeriodLength(months: 4, days: 29))
        #expect(PeriodLength(months: 47, days: 29).years == 3)
        #expect(PeriodLength(months: 47, days: 29).months == 11)
    }

    @Test("a section counts as a collaboration post in the fiscal year the assignment started")
    func collaborationPosts() {
        func section(_ code: SectionCode, _ collaboration: Bool) -> SectionRecord {
            SectionRecord(code: code, nameJa: code.rawValue, nameEn: code.rawValue, kind: .center, parentCode: nil, isCollaborationPost: collaboration,
                          district: nil, authorizedHeadcount: 5, isManagerial: false)
        }
        // C became a collaboration post in FY2024; X was one until FY2022 and then stopped.
        let posts = CollaborationPosts(versions: [
            (2022, section("C", false)), (2023, section("C", false)), (2024, section("C", true)), (2025, section("C", true)),
            (2022, section("X", true)), (2023, section("X", false)),
        ])
        #expect(posts.contains(assignment("C", "2024-04-01", nil)))
        #expect(!posts.contains(assignment("C", "2024-03-31", nil)), "March 31 belongs to fiscal year 2023")
        #expect(posts.contains(assignment("X", "2023-03-31", nil)))
        #expect(!posts.contains(assignment("X", "2023-04-01", nil)))
        // Before the recorded history: the nearest recorded year (2022).
        #expect(posts.contains(assignment("X", "2015-04-01", "2018-03-31")))
        #expect(!posts.contains(assignment("C", "2015-04-01", "2018-03-31")))
        // After it: the newest year.
        #expect(posts.contains(assignment("C", "2030-04-01", nil)))
        #expect(!posts.contains(assignment("NEVER", "2024-04-01", nil)))
    }

    @Test("experience adds up the collaboration-post assignments only")
    func experience() {
        let posts = CollaborationPosts(codes: ["COLLAB"], fiscalYear: 2024)
        let history = [
            assignment("COLLAB", "2020-04-01", "2022-03-31"),
            assignment("OTHER", "2022-04-01", "2024-03-31"),
            assignment("COLLAB", "2024-04-01", nil),
        ]
        #expect(CollaborationExperience.length(of: history, posts: posts, today: day("2024-04-10")) == PeriodLength(months: 24, days: 10))
        #expect(CollaborationExperience.length(of: history, posts: CollaborationPosts(codes: [], fiscalYear: 2024), today: day("2024-04-10")) == .zero)
        #expect(CollaborationExperience.length(of: [], posts: posts, today: day("2024-04-10")) == .zero)
    }
}
