import Testing
@testable import JibungotoDomain

@Suite struct AnswerValidationTests {
    static let questions: [SurveyQuestion] = [
        SurveyQuestion(id: "q1", kind: .likert5, text: Bilingual(ja: "設問1", en: "Q1"), isRequired: true),
        SurveyQuestion(id: "q2", kind: .scale0to10, text: Bilingual(ja: "設問2", en: "Q2")),
        SurveyQuestion(id: "q3", kind: .singleChoice, text: Bilingual(ja: "設問3", en: "Q3"),
                       options: [SurveyOption(key: "a", ja: "ア", en: "A"), SurveyOption(key: "b", ja: "イ", en: "B")]),
        SurveyQuestion(id: "q4", kind: .multipleChoice, text: Bilingual(ja: "設問4", en: "Q4"),
                       options: [SurveyOption(key: "x", ja: "X", en: "X"), SurveyOption(key: "y", ja: "Y", en: "Y"),
                                 SurveyOption(key: "z", ja: "Z", en: "Z")]),
        SurveyQuestion(id: "q5", kind: .freeText, text: Bilingual(ja: "設問5", en: "Q5")),
    ]

    func check(_ answers: [String: [String]]) -> AnswerValidationResult {
        AnswerValidation.validate(answers: answers, questions: Self.questions)
    }

    @Test func aCompleteValidFormGivesValues() {
        let result = check(["q1": ["4"], "q2": ["10"], "q3": ["b"], "q4": ["z", "x", "x"], "q5": ["  良い職場です\r\n以上  "]])
        #expect(result.isValid)
        #expect(result.values == [
            "q1": .likert(4), "q2": .scale(10), "q3": .single("b"), "q4": .multiple(["x", "z"]),
            "q5": .text("良い職場です\n以上"),
        ])
    }

    @Test func optionalQuestionsMayBeLeftEmpty() {
        let result = check(["q1": ["1"], "q2": [""], "q5": ["　 "]])
        #expect(result.isValid)
        #expect(result.values == ["q1": .likert(1)])
    }

    @Test func unknownQuestionIsNamed() {
        let result = check(["q1": ["3"], "q99": ["5"]])
        #expect(result.errors == ["q99": .unknownQuestion])
        #expect(result.values["q1"] == .likert(3), "the other answers are kept for the form")
    }

    @Test(arguments: [("q1", "0"), ("q1", "6"), ("q2", "11"), ("q2", "-1")])
    func valueOutsideTheScale(question: String, value: String) {
        var answers = ["q1": ["3"]]
        answers[question] = [value]
        let result = check(answers)
        guard case .outOfRange? = result.errors[question] else {
            Issue.record("expected outOfRange, got \(String(describing: result.errors[question]))")
            return
        }
        #expect(!result.isValid)
    }

    @Test(arguments: ["abc", "3.5", "３", "1e1"])
    func nonNumbersOnAScale(value: String) {
        #expect(check(["q1": [value]]).errors["q1"] == .notANumber(value: value))
    }

    @Test func optionNotOffered() {
        #expect(check(["q1": ["3"], "q3": ["c"]]).errors["q3"] == .optionNotOffered(value: "c"))
        #expect(check(["q1": ["3"], "q4": ["x", "w"]]).errors["q4"] == .optionNotOffered(value: "w"))
    }

    @Test func missingRequired() {
        let result = check(["q2": ["7"]])
        #expect(result.errors == ["q1": .missingRequired])
        #expect(result.values == ["q2": .scale(7)])
        #expect(check(["q1": ["  "]]).errors == ["q1": .missingRequired])
    }

    @Test func twoValuesForASingleAnswerQuestion() {
        #expect(check(["q1": ["3", "4"]]).errors["q1"] == .tooManyValues(count: 2))
        #expect(check(["q1": ["3"], "q3": ["a", "b"]]).errors["q3"] == .tooManyValues(count: 2))
    }

    @Test func freeTextOverTheLimit() {
        let exact = String(repeating: "あ", count: SurveyQuestion.freeTextLimit)
        #expect(check(["q1": ["3"], "q5": [exact]]).isValid)
        let over = String(repeating: "𠮷", count: SurveyQuestion.freeTextLimit + 1)
        #expect(check(["q1": ["3"], "q5": [over]]).errors["q5"]
            == .tooLong(max: SurveyQuestion.freeTextLimit, length: SurveyQuestion.freeTextLimit + 1))
    }

    @Test func everyErrorHasBothLanguages() {
        let errors: [AnswerError] = [
            .unknownQuestion, .missingRequired, .notANumber(value: String(repeating: "x", count: 50)),
            .outOfRange(value: 7, range: 1...5), .optionNotOffered(value: "c"), .tooManyValues(count: 2),
            .tooLong(max: 2000, length: 2500),
        ]
        for error in errors {
            let ja = error.message.ja
            let en = error.message.en
            #expect(ja != en && !ja.isEmpty && !en.isEmpty)
            #expect(ja.count < 80, "clipped: \(ja)")
        }
        #expect(AnswerError.outOfRange(value: 7, range: 1...5).message.ja.contains("1〜5"))
    }
}
