import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Collaboration-post trend")
struct CollaborationTrendTests {
    func person(_ number: StaffNumber, deadline: String, _ status: CollaborationCompliance.Status) -> CollaborationCompliance.PersonStatus {
        CollaborationCompliance.PersonStatus(staffNumber: number, name: number.rawValue, hireDate: day("2000-04-01"), deadline: day(deadline),
                                             status: status, yearsLeft: 0)
    }

    @Test("six fiscal years, oldest first, ending with today's; each judged on its last day, the current one today")
    func yearsAndDates() {
        var asked: [LocalDate] = []
        let years = CollaborationTrend.years(today: day("2026-11-30")) { date in
            asked.append(date)
            return CollaborationCompliance.Report(asOf: date, cohorts: [], people: [])
        }
        #expect(years.map(\.fiscalYear.startYear) == [2021, 2022, 2023, 2024, 2025, 2026])
        #expect(asked == [day("2022-03-31"), day("2023-03-31"), day("2024-03-31"), day("2025-03-31"), day("2026-03-31"), day("2026-11-30")])
        #expect(years.allSatisfy { $0.due == 0 && $0.achieved == 0 && $0.share == nil })
    }

    @Test("due: deadlines within the fiscal year (4/1 to 3/31) and not after the judging date")
    func dueBoundaries() {
        let people = [
            person("A", deadline: "2025-03-31", .achieved),  // FY2024's last day: not FY2025
            person("B", deadline: "2025-04-01", .achieved),  // FY2025's first day
            person("C", deadline: "2026-03-31", .missed),    // FY2025's last day
            person("D", deadline: "2026-04-01", .missed),    // FY2026
            person("E", deadline: "2026-11-30", .achieved),  // FY2026, today
            person("F", deadline: "2026-12-01", .pending),   // FY2026, after today: not yet due
        ]
        let years = CollaborationTrend.years(today: day("2026-11-30"), count: 2) { date in
            CollaborationCompliance.Report(asOf: date, cohorts: [], people: people)
        }
        #expect(years.map(\.fiscalYear.startYear) == [2025, 2026])
        #expect(years[0].due == 2)
        #expect(years[0].achieved == 1)
        #expect(years[0].share == 0.5)
        #expect(years[1].due == 2)
        #expect(years[1].achieved == 1)
        #expect(years[1].share == 0.5)
    }

    @Test("on April 1 the new fiscal year is the current one, judged on that day")
    func firstDayOfFiscalYear() {
        var asked: [LocalDate] = []
        let years = CollaborationTrend.years(today: day("2027-04-01"), count: 2) { date in
            asked.append(date)
            return CollaborationCompliance.Report(asOf: date, cohorts: [], people: [person("A", deadline: "2027-04-01", .achieved)])
        }
        #expect(years.map(\.fiscalYear.startYear) == [2026, 2027])
        #expect(asked == [day("2027-03-31"), day("2027-04-01")])
        #expect(years[0].due == 0)
        #expect(years[1].due == 1)
        #expect(years[1].share == 1.0)
    }
}
