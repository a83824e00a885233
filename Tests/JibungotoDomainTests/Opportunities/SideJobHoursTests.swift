import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Side-job hours: the monthly cap per person and the months that may be logged")
struct SideJobHoursTests {
    /// The default settings: 20 % of 155 regular hours is 31 h, so the 20 h maximum applies.
    let cap = SideJobHourCap(sharePercent: 20, regularMonthlyHours: 155, maximumHours: 20)

    @Test("the cap is the smaller of the share of working hours and the maximum")
    func capIsTheSmallerOfShareAndMaximum() {
        #expect(cap.hours == 20)
        #expect(SideJobHourCap(sharePercent: 10, regularMonthlyHours: 155, maximumHours: 20).hours == 15.5)
        #expect(SideJobHourCap(sharePercent: 20, regularMonthlyHours: 100, maximumHours: 20).hours == 20, "20 % of 100 h equals the maximum")
        #expect(SideJobHourCap(sharePercent: 15, regularMonthlyHours: 100, maximumHours: 40).hours == 15)
    }

    @Test("exactly at the cap is allowed; half an hour over is refused, stating the cap and the hours left")
    func boundaryOfTheCap() {
        #expect(cap.refusal(logging: 20, loggedElsewhere: 0) == nil)
        #expect(cap.refusal(logging: 19.5, loggedElsewhere: 0) == nil)
        #expect(cap.refusal(logging: 20.5, loggedElsewhere: 0) == .overCap(cap: 20, logged: 0, left: 20))
    }

    @Test("two side jobs in one month add up against the one cap")
    func twoJobsInOneMonthAddUp() {
        #expect(cap.refusal(logging: 8, loggedElsewhere: 12) == nil, "12 h on one job and 8 h on another make exactly 20 h")
        #expect(cap.refusal(logging: 8.5, loggedElsewhere: 12) == .overCap(cap: 20, logged: 12, left: 8))
        #expect(cap.refusal(logging: 0.5, loggedElsewhere: 20) == .overCap(cap: 20, logged: 20, left: 0))
    }

    @Test("hours logged before the cap was lowered leave none left, never a negative number")
    func nothingLeftIsZero() {
        let lowered = SideJobHourCap(hours: 10)
        #expect(lowered.hoursLeft(afterLogged: 14) == 0)
        #expect(lowered.refusal(logging: 1, loggedElsewhere: 14) == .overCap(cap: 10, logged: 14, left: 0))
        #expect(lowered.hoursLeft(afterLogged: 2.5) == 7.5)
    }

    @Test("a posting's planned hours per month fit the cap up to and including it")
    func plannedHours() {
        #expect(cap.admits(plannedHours: 20))
        #expect(!cap.admits(plannedHours: 20.5))
        #expect(cap.admits(plannedHours: 4))
    }

    @Test("hours are a positive whole number of half hours")
    func halfHours() {
        #expect(SideJobHours.isValidAmount(0.5))
        #expect(SideJobHours.isValidAmount(7.5))
        #expect(SideJobHours.isValidAmount(12))
        #expect(!SideJobHours.isValidAmount(0))
        #expect(!SideJobHours.isValidAmount(-2))
        #expect(!SideJobHours.isValidAmount(7.25))
        #expect(!SideJobHours.isValidAmount(.nan))
        #expect(!SideJobHours.isValidAmount(.infinity))
    }

    @Test("a month inside the period up to this month may be logged; before, after, later this year or on a closed job it may not")
    func months() {
        let start = day("2026-06-15"), end = day("2026-12-10"), today = day("2026-11-30")
        let june = YearMonth(year: 2026, month: 6)!, november = YearMonth(year: 2026, month: 11)!
        #expect(SideJobHours.monthRefusal(june, start: start, end: end, isClosed: false, today: today) == nil, "the month the period starts in")
        #expect(SideJobHours.monthRefusal(november, start: start, end: end, isClosed: false, today: today) == nil, "this month")
        #expect(SideJobHours.monthRefusal(YearMonth(year: 2026, month: 5)!, start: start, end: end, isClosed: false, today: today)
                == .outsidePeriod(first: june, last: YearMonth(year: 2026, month: 12)!))
        #expect(SideJobHours.monthRefusal(YearMonth(year: 2027, month: 1)!, start: start, end: end, isClosed: false, today: today)
                == .outsidePeriod(first: june, last: YearMonth(year: 2026, month: 12)!))
        #expect(SideJobHours.monthRefusal(YearMonth(year: 2026, month: 12)!, start: start, end: end, isClosed: false, today: today)
                == .futureMonth(current: november))
        #expect(SideJobHours.monthRefusal(june, start: start, end: end, isClosed: true, today: today) == .closed)
    }

    @Test("the months offered are those of the period up to this month")
    func loggableMonths() {
        let months = SideJobHours.loggableMonths(start: day("2026-09-01"), end: day("2027-02-28"), today: day("2026-11-30"))
        #expect(months.map(\.iso) == ["2026-09", "2026-10", "2026-11"])
        #expect(SideJobHours.loggableMonths(start: day("2026-12-01"), end: day("2027-02-28"), today: day("2026-11-30")).isEmpty)
    }
}
