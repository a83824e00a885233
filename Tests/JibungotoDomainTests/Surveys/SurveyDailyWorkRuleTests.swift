import Testing
@testable import JibungotoDomain

/// The rules behind the surveys' daily work: eNPS, grouped comments, reminders, privacy wording.
@Suite("Surveys: eNPS, grouped comments, reminders and the privacy note's words")
struct SurveyDailyWorkRuleTests {
    static let recommend = SurveyQuestion(id: "r", kind: .scale0to10, text: Bilingual(ja: "勧めたい", en: "Recommend"))

    @Test("eNPS is % promoters (9–10) − % detractors (0–6), only from k answers on")
    func netPromoterScore() {
        // 5 promoters, 3 passives, 2 detractors of 10: 50 − 20 = +30.
        let summary = SurveyAggregation.summarize(Self.recommend, valueCounts: ["10": 2, "9": 3, "8": 2, "7": 1, "6": 1, "0": 1], respondents: 10)
        #expect(summary.netPromoterScore == 30)
        #expect(SurveyAggregation.netPromoterScore(summary, k: 5).map(SurveyAggregation.netPromoterText) == "+30")
        #expect(SurveyAggregation.netPromoterScore(summary, k: 11) == nil, "fewer than k answered the question")
        #expect(SurveyAggregation.netPromoterScore(nil, k: 5) == nil, "a hidden group has no summary")
        let likert = SurveyAggregation.summarize(SurveyQuestion(id: "l", kind: .likert5, text: Bilingual(ja: "設問", en: "Q")), valueCounts: ["5": 10], respondents: 10)
        #expect(SurveyAggregation.netPromoterScore(likert, k: 5) == nil, "only 0–10 questions")
        #expect(SurveyAggregation.netPromoterText(-20) == "-20")
        #expect(SurveyAggregation.netPromoterText(0) == "0")
        #expect(Self.recommend.scaleLabels.map(\.ja) == ["0 まったく勧めない", "10 非常に勧めたい"])
    }

    @Test("identical comments, after width and whitespace are unified, are listed once with their count")
    func groupedComments() {
        let groups = FreeTextRelease.grouped(["残業が多い", "研修を増やしてほしい", "残業が　多い", " 残業が多い ", "ＯＪＴが足りない", "OJTが足りない"])
        #expect(groups == [
            FreeTextRelease.Group(text: "残業が多い", count: 2),
            FreeTextRelease.Group(text: "研修を増やしてほしい", count: 1),
            FreeTextRelease.Group(text: "残業が 多い", count: 1),
            FreeTextRelease.Group(text: "OJTが足りない", count: 2),
        ])
        #expect(FreeTextRelease.normalized("残業が　　多い\n") == "残業が 多い")
    }

    @Test("a reminder's count is the shown non-respondents of the reader's part, never a hidden one")
    func reminderScopeAndCount() throws {
        let release = try SurveyReleaseBuilder.build(SurveyReleaseTests.input(completed: SurveyReleaseTests.everyone.subtracting((0..<5).map { "C\($0)" })))
        let whole = SurveyReminderRule.scope(for: .organization)
        #expect(whole.unit == nil && whole.cell == .all)
        #expect(SurveyReminderRule.nonRespondents(in: whole, release: release) == 5)
        let small = SurveyReminderRule.scope(for: .unit(department: "10", unit: "101010"))
        #expect(small.unit == "101010")
        #expect(!release.isShown(small.cell))
        #expect(SurveyReminderRule.nonRespondents(in: small, release: release) == nil, "a 4-person unit's count stays hidden")
        let department = SurveyReminderRule.scope(for: .department("20"))
        #expect(SurveyReminderRule.nonRespondents(in: department, release: release) == 0)
        #expect(SurveyReminderRule.reaches(unit: nil, placement: []))
        #expect(SurveyReminderRule.reaches(unit: "1010", placement: ["10", "1010", "101010"]))
        #expect(!SurveyReminderRule.reaches(unit: "1020", placement: ["10", "1010", "101010"]))
    }

    @Test("the privacy note names only groups the view lists and never an internal cell name")
    func privacyWords() {
        let other = CellSpec([.department: "20", .ageBand: "60-"])
        let reason = ReleasedSuppression.complementary(protecting: other)
        let unnamed = reason.message(k: 5, visibleLabel: { _ in nil })
        #expect(unnamed.ja == "合計からの差し引きで、人数の少ない別の集団が分からないよう、あわせて非表示にしています。")
        #expect(!unnamed.ja.contains("∧") && !unnamed.ja.contains("department"))
        #expect(reason.message(k: 5, label: { _ in "市民部 × 60歳以上" }).ja == "合計からの差し引きで「市民部 × 60歳以上」が分からないよう、あわせて非表示にしています。")
        let engine = SuppressionReason.difference(with: other).message(k: 5)
        #expect(!engine.ja.contains("∧") && !engine.en.contains("department="))
    }
}
