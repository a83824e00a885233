import Testing
@testable import JibungotoDomain
import JibungotoTestSupport

@Suite struct AgeTests {
    @Test func ageGoesUpOnTheBirthday() {
        let birth = day("1966-07-15")
        #expect(birth.age(on: day("2026-07-14")) == 59)
        #expect(birth.age(on: day("2026-07-15")) == 60)
        #expect(birth.age(on: day("2027-07-14")) == 60)
        #expect(birth.age(on: birth) == 0)
        #expect(birth.age(on: day("1900-01-01")) == 0)
    }

    @Test func bornOnLeapDay() {
        let birth = day("2000-02-29")
        // Civil Code art. 143(2): no February 29 in 2001, so the year ends with February 28.
        #expect(birth.age(on: day("2001-02-28")) == 0)
        #expect(birth.age(on: day("2001-03-01")) == 1)
        #expect(birth.dayReachingAge(1) == day("2001-02-28"))
        #expect(birth.age(on: day("2004-02-28")) == 3)
        #expect(birth.age(on: day("2004-02-29")) == 4)
        #expect(birth.dayReachingAge(4) == day("2004-02-28"))
    }

    @Test func dayReachingAgeIsTheDayBefore() {
        #expect(day("1966-07-15").dayReachingAge(60) == day("2026-07-14"))
        #expect(day("1966-04-01").dayReachingAge(60) == day("2026-03-31"))
        #expect(day("1966-01-01").dayReachingAge(60) == day("2025-12-31"))
    }

    /// Retirement at the first March 31 on or after the day the age is reached: April 1
    /// births belong with the earlier school year.
    @Test func retirementDateForAprilFirstAndSecond() {
        func retirement(_ birth: LocalDate) -> LocalDate {
            FiscalYear.containing(birth.dayReachingAge(60)).end
        }
        #expect(retirement(day("1966-04-01")) == day("2026-03-31"))
        #expect(retirement(day("1966-04-02")) == day("2027-03-31"))
        #expect(retirement(day("1967-03-31")) == day("2027-03-31"))
    }

    @Test func yearsAndMonthsOfService() {
        let hired = day("2020-04-01")
        #expect(LocalDate.completedYears(from: hired, to: day("2021-03-31")) == 0)
        #expect(LocalDate.completedYears(from: hired, to: day("2021-04-01")) == 1)
        #expect(LocalDate.completedYears(from: hired, to: day("2026-04-01")) == 6)
        #expect(LocalDate.completedYears(from: hired, to: day("2019-04-01")) == 0)
        #expect(LocalDate.completedMonths(from: hired, to: day("2020-04-30")) == 0)
        #expect(LocalDate.completedMonths(from: hired, to: day("2020-05-01")) == 1)
        // January 31 has no match in February, so the first month ends with February.
        #expect(LocalDate.completedMonths(from: day("2026-01-31"), to: day("2026-02-28")) == 0)
        #expect(LocalDate.completedMonths(from: day("2026-01-31"), to: day("2026-03-01")) == 1)
        #expect(LocalDate.completedMonths(from: day("2026-01-31"), to: day("2026-03-30")) == 1)
        #expect(LocalDate.completedMonths(from: day("2026-01-31"), to: day("2026-03-31")) == 2)
    }

    /// The month count never decreases and agrees with a brute-force walk over anniversaries.
    @Test func completedMonthsMatchesBruteForce() {
        for start in [day("2024-01-31"), day("2024-02-29"), day("2023-03-30"), day("2025-12-31")] {
            var expected = 0
            var end = start
            for _ in 0..<800 {
                while start.civilAnniversary(months: expected + 1) <= end { expected += 1 }
                #expect(LocalDate.completedMonths(from: start, to: end) == expected)
                end = end.adding(days: 1)
            }
        }
    }
}
