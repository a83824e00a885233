import Testing
@testable import JibungotoDomain

/// Changes between shown percentages agree with the figures as shown.
@Suite("Response rates: a change is the difference of the shown figures")
struct ResponseRateTests {
    @Test("76.3 % → 67.5 % is −8.8 even when the unrounded rates differ by 8.7")
    func shownChangeOfThePaperCycles() {
        // 0.76251 shows as 76.3 %, 0.67549 as 67.5 %; unrounded they differ by 8.702 points.
        #expect(ResponseRate.percentText(0.76251) == "76.3 %")
        #expect(ResponseRate.percentText(0.67549) == "67.5 %")
        #expect(ResponseRate.shownChange(from: 0.76251, to: 0.67549) == -8.8)
        #expect(ResponseRate.changeText(ResponseRate.shownChange(from: 0.76251, to: 0.67549)) == "−8.8")
        #expect(ResponseRate.shownChange(from: 0.763, to: 0.675) == -8.8)
    }

    @Test("a rise, no change and a change hidden by rounding read +, ± and ±0.0")
    func changeTexts() {
        #expect(ResponseRate.changeText(ResponseRate.shownChange(from: 0.675, to: 0.81)) == "+13.5")
        #expect(ResponseRate.changeText(ResponseRate.shownChange(from: 0.5, to: 0.5)) == "±0.0")
        // 50.04 % and 49.96 % both show as 50.0 %: the shown change is none.
        #expect(ResponseRate.shownChange(from: 0.5004, to: 0.4996) == 0)
        #expect(ResponseRate.changeText(ResponseRate.shownChange(from: 0.5004, to: 0.4996)) == "±0.0")
        #expect(ResponseRate.changeText(ResponseRate.shownChange(from: 0.1, to: 0.1001)) == "±0.0")
        #expect(ResponseRate.changeText(ResponseRate.shownChange(from: 0.1, to: 0.101)) == "+0.1")
        #expect(ResponseRate.changeText(-0.1) == "−0.1")
    }

    @Test("the export's number and the page's text round alike, a half tenth upwards")
    func percentFigureAndText() {
        // 1 of 16 is 6.25 %: printf's "%.1f" would write 6.2, the pages show 6.3.
        #expect(ResponseRate.percentFigure(0.0625) == "6.3")
        #expect(ResponseRate.percentText(0.0625) == "6.3 %")
        #expect(ResponseRate.percentFigure(1) == "100.0")
        #expect(ResponseRate.percentFigure(0) == "0.0")
    }

    @Test("the trend's changes are the shown changes between consecutive cycles, whatever order they come in")
    func trendUsesShownChanges() {
        let cycles = [
            CycleRate(fiscalYear: FiscalYear(startYear: 2022), rate: 0.67549),
            CycleRate(fiscalYear: FiscalYear(startYear: 2021), rate: 0.76251),
            CycleRate(fiscalYear: FiscalYear(startYear: 2026), rate: 0.81),
        ]
        let trend = ResponseRate.trend(cycles)
        #expect(trend.map(\.fiscalYear.startYear) == [2021, 2022, 2026])
        #expect(trend.map(\.changeInPoints) == [nil, -8.8, 13.5])
    }

    @Test("a release gives rates only for shown cells and shown days, over the whole's members")
    func releaseRates() throws {
        func people(_ prefix: String, _ count: Int) -> [TargetPlacement] {
            (0..<count).map { TargetPlacement(staffNumber: "\(prefix)\($0)", path: ["10"]) }
        }
        let targets = people("A", 50)
        let completed = Set(targets.prefix(40).map(\.staffNumber))
        let first = try #require(LocalDate(year: 2026, month: 6, day: 1))
        let days = first...first.adding(days: 3)
        let release = try SurveyReleaseBuilder.build(SurveyReleaseInput(
            policy: DisclosurePolicy(), questions: [], targets: targets, completed: completed, recorded: [],
            sheets: [:], answerTotals: nil, answersPerDay: [first: 10, first.adding(days: 2): 30], days: days, freeTexts: [], seed: 1))
        #expect(release.rate(of: .all) == 0.8)
        #expect(release.rate(of: .department("20")) == nil)
        #expect(release.daily.map(\.cumulative) == [10, 10, 40, 40])
        #expect(release.daily.map { release.rate(of: $0) } == [0.2, 0.2, 0.8, 0.8])
        #expect(release.rate(of: DailyFigure(day: first, cumulative: nil)) == nil)
    }
}
