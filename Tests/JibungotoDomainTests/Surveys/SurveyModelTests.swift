import Testing
@testable import JibungotoDomain
import JibungotoTestSupport

@Suite struct SurveyModelTests {
    @Test func bankHasEveryThemeInBothLanguagesWithUniqueIDs() {
        let bank = SurveyQuestionBank.all
        #expect((20...32).contains(bank.count))
        #expect(Set(bank.map(\.id)).count == bank.count)
        for theme in SurveyTheme.allCases {
            #expect(!SurveyQuestionBank.questions(in: theme).isEmpty, "\(theme)")
        }
        #expect(bank.filter { $0.kind == .freeText }.count >= 2)
        for question in bank {
            #expect(!question.text.ja.isEmpty && !question.text.en.isEmpty)
            #expect(question.text.ja.unicodeScalars.contains { $0.value > 0x3000 }, "Japanese: \(question.id)")
            #expect(question.kind.hasOptions == !question.options.isEmpty, "\(question.id)")
            #expect(Set(question.options.map(\.key)).count == question.options.count)
        }
        #expect(SurveyQuestionBank.question(id: "pol.know")?.text.ja == "市の人材育成基本方針の内容を知っている")
    }

    @Test(arguments: [(0, AgeBand.upTo29), (29, .upTo29), (30, .thirties), (39, .thirties), (40, .forties),
                      (59, .fifties), (60, .from60), (64, .from60)])
    func ageBands(age: Int, band: AgeBand) {
        #expect(AgeBand.of(age: age) == band)
    }

    @Test(arguments: [(0, ServiceBand.upTo4), (4, .upTo4), (5, .from5to9), (9, .from5to9), (10, .from10to19),
                      (19, .from10to19), (20, .from20to29), (30, .from30), (42, .from30)])
    func serviceBands(years: Int, band: ServiceBand) {
        #expect(ServiceBand.of(years: years) == band)
    }

    @Test func snapshotKeepsOnlyRecordedAttributesAsOfOpening() {
        let (born, hired) = (day("1996-06-10"), day("2019-04-01"))
        let opening = day("2026-06-01")  // age 29 (30 on June 10), 7 years of service
        let all = RespondentAttributes.snapshot(birthDate: born, hireDate: hired, employmentType: .regular, departmentCode: "10", sectionCode: "1010", on: opening,
                                                recording: Set(ReportingAttribute.allCases))
        #expect(all == RespondentAttributes(departmentCode: "10", ageBand: .upTo29, serviceBand: .from5to9,
                                            employmentType: .regular, sectionCode: "1010"))
        let some = RespondentAttributes.snapshot(birthDate: born, hireDate: hired, employmentType: .regular, departmentCode: "10", on: opening,
                                                 recording: [.department])
        #expect(some == RespondentAttributes(departmentCode: "10"))
        #expect(some.belongs(to: .department("10")))
        #expect(!some.belongs(to: CellSpec.department("10").with(.ageBand, AgeBand.upTo29.rawValue)))
    }

    @Test func summaryOfLikertAndScaleAndChoices() {
        let likert = SurveyQuestion(id: "l", kind: .likert5, text: Bilingual(ja: "l", en: "l"))
        let scale = SurveyQuestion(id: "s", kind: .scale0to10, text: Bilingual(ja: "s", en: "s"))
        let multi = SurveyQuestion(id: "m", kind: .multipleChoice, text: Bilingual(ja: "m", en: "m"),
                                   options: [SurveyOption(key: "a", ja: "a", en: "a"), SurveyOption(key: "b", ja: "b", en: "b")])
        let values: [(Int, Int, [String])] = [(5, 10, ["a"]), (4, 9, ["a", "b"]), (3, 7, []), (2, 6, ["b"]), (1, 0, ["a"])]
        var responses = values.map { l, s, m in
            SurveyResponse(attributes: RespondentAttributes(), answers: [
                "l": .likert(l), "s": .scale(s), "m": m.isEmpty ? .multiple([]) : .multiple(m),
            ])
        }
        responses.append(SurveyResponse(attributes: RespondentAttributes(), answers: [:]))
        let l = SurveyAggregation.summarize(likert, over: responses)
        #expect(l.respondents == 6 && l.answered == 5 && l.unanswered == 1)
        #expect(l.counts == ["1": 1, "2": 1, "3": 1, "4": 1, "5": 1])
        #expect(l.favorable == 2 && l.favorableShare == 0.4 && l.mean == 3)
        let s = SurveyAggregation.summarize(scale, over: responses)
        #expect(s.favorable == 3 && s.mean == 6.4)
        #expect(s.netPromoterScore == 0)  // 2 promoters, 2 detractors of 5
        let m = SurveyAggregation.summarize(multi, over: responses)
        #expect(m.counts == ["a": 3, "b": 2] && m.favorable == nil && m.mean == nil)
        #expect(m.share(of: "a") == 0.6)
        #expect(SurveyAggregation.favorableChange(current: l, previous: nil) == nil)
    }

    @Test func freeTextNeedsTheHigherThresholdAndIsShuffledDeterministically() {
        let policy = DisclosurePolicy()
        let texts = (1...12).map { "意見\($0)" }
        #expect(FreeTextRelease.release(texts: texts, groupSize: 9, policy: policy, seed: 1) == nil)
        let first = FreeTextRelease.release(texts: texts, groupSize: 10, policy: policy, seed: 42)
        let again = FreeTextRelease.release(texts: texts.reversed(), groupSize: 10, policy: policy, seed: 42)
        #expect(first != nil && first == again, "same seed, same order whatever the input order")
        #expect(first != texts, "not in submission order")
        #expect(Set(first ?? []) == Set(texts))
        #expect(FreeTextRelease.release(texts: ["  ", "a"], groupSize: 30, policy: policy, seed: 1) == ["a"])
        #expect(FreeTextRelease.mayRelease(for: .all))
        #expect(!FreeTextRelease.mayRelease(for: .department("10")))
        #expect(!FreeTextRelease.mayRelease(for: CellSpec.department("10").with(.ageBand, "30-39")))
    }

    @Test func policyFloors() {
        #expect(DisclosurePolicy(k: 1, freeTextK: 1).k == 3)
        #expect(DisclosurePolicy(k: 1, freeTextK: 1).freeTextK == 3)
        #expect(DisclosurePolicy(k: 8, freeTextK: 5).freeTextK == 8)
        #expect(DisclosurePolicy().k == 5 && DisclosurePolicy().freeTextK == 10)
    }

    @Test func responseRateHelpers() throws {
        #expect(ResponseRate.trend(ResponseRate.paperHistory + [CycleRate(fiscalYear: FiscalYear(startYear: 2026), rate: 0.81)])
            .map(\.changeInPoints) == [nil, -8.8, 13.5])
        #expect(ResponseRate.percentText(0.763) == "76.3 %")
        // The curve and the whole's rate as every page reads them: from the release.
        func release(respondents: Int, members: Int, perDay: [LocalDate: Int] = [:], days: ClosedRange<LocalDate>? = nil) throws -> SurveyRelease {
            let targets = (0..<members).map { TargetPlacement(staffNumber: "S\($0)", path: ["10"]) }
            return try SurveyReleaseBuilder.build(SurveyReleaseInput(
                policy: DisclosurePolicy(), questions: [], targets: targets, completed: Set(targets.prefix(respondents).map(\.staffNumber)),
                recorded: [], sheets: [:], answerTotals: nil, answersPerDay: perDay, days: days, freeTexts: [], seed: 1))
        }
        let series = try release(respondents: 40, members: 50, perDay: [day("2026-06-01"): 10, day("2026-06-03"): 30],
                                 days: day("2026-06-01")...day("2026-06-04"))
        #expect(series.daily.map(\.cumulative) == [10, 10, 40, 40])
        #expect(series.daily.last.flatMap { series.rate(of: $0) } == 0.8)
        let overall = try #require(series.rate(of: .all))
        #expect(overall == 0.8 && ResponseRate.meetsTarget(overall, target: ResponseRate.defaultTarget))
        #expect(try release(respondents: 3, members: 50).rate(of: .all) == nil)
        #expect(try release(respondents: 0, members: 50).rate(of: .all) == nil, "'nobody answered' is not shown")
        #expect(try release(respondents: 47, members: 50).rate(of: .all) == nil, "3 non-respondents stay private")
        #expect(try release(respondents: 50, members: 50).rate(of: .all) == 1)
    }
}
