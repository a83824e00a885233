import Foundation
import FuzzSupport
import JibungotoDomain

// A submitted form body (application/x-www-form-urlencoded) as the app reads it: split by
// `URLEncodedForm.fields(of:)`, the domain's one-pass reader behind `Request.urlEncodedFields`,
// checked against Foundation's percent-decoding, then every value
// through the domain's parsers of typed values: dates, months, times of day, staff numbers and
// lists of them, kana names, finding tags, survey answers. `FormValidation` and Vapor's own
// `URLEncodedFormDecoder` live in JibungotoApp and Vapor, which this package does not build.
// Every value goes through every parser: field names are routing, not content, in the app.

private let questions = [
    SurveyQuestion(id: "q1", kind: .likert5, text: Bilingual("q1"), isRequired: true),
    SurveyQuestion(id: "q2", kind: .scale0to10, text: Bilingual("q2")),
    SurveyQuestion(id: "q3", kind: .singleChoice, text: Bilingual("q3"),
                   options: [SurveyOption(key: "a", ja: "あ", en: "a"), SurveyOption(key: "b", ja: "い", en: "b")]),
    SurveyQuestion(id: "q4", kind: .multipleChoice, text: Bilingual("q4"),
                   options: ["x", "y", "z"].map { SurveyOption(key: $0, ja: $0, en: $0) }),
    SurveyQuestion(id: "q5", kind: .freeText, text: Bilingual("q5"), isRequired: true),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let body = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let fields = URLEncodedForm.fields(of: body)
    let pairs = body.utf8.split(separator: UInt8(ascii: "&"))
    require(fields.count == pairs.count, "\(fields.count) fields from \(pairs.count) pairs")
    var answers: [String: [String]] = [:]
    for ((name, value), pair) in zip(fields, pairs) {
        let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false).map { Substring($0) }
        require(name == foundationDecoded(parts[0]), "name \(parts[0]) read as \(name)")
        require(value == (parts.count > 1 ? foundationDecoded(parts[1]) : ""), "value \(parts.count > 1 ? parts[1] : "") read as \(value)")
        answers[name, default: []].append(value)
        checkField(value)
    }
    checkAnswers(answers)
    return 0
}

/// The reference: every `+` byte a space, then Foundation's percent-decoding, the part as sent
/// when that fails. (The app used to replace `+` with `replacingOccurrences`, which compares
/// characters: a `+` followed by a combining mark, such as U+0483, stayed a `+`. The fuzzer found
/// that in its first minute; the form encoding is defined on bytes, as `URLEncodedForm` reads it.)
/// Foundation is not consistent about escapes that decode to bytes that are not UTF-8: `%FF`
/// gives nil, `%a9` gives U+FFFD (the CI run of ddd6f72 found `1%a9`). `URLEncodedForm` keeps
/// such a part as sent in both cases, so a U+FFFD that decoding added reads as nil here.
private func foundationDecoded(_ part: Substring) -> String {
    let spaced = String(decoding: part.utf8.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    func replacements(_ text: String) -> Int { text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count }
    guard let decoded = spaced.removingPercentEncoding, replacements(decoded) <= replacements(spaced) else { return String(part) }
    return decoded
}

private func checkField(_ value: String) {
    if case .failure(let error) = LocalDate.parseJapanese(value) {
        require(!error.message.ja.isEmpty && !error.message.en.isEmpty, "a date error without a message")
    }

    if let month = YearMonth(text: value) {
        require((1...12).contains(month.month), "month \(month.month)")
        require(YearMonth(text: month.iso) == month, "\(month.iso) does not read back")
    }

    if let minutes = TimeSlot.minutes(from: value) {
        require((0...24 * 60).contains(minutes), "\(minutes) minutes is not a time of day")
        require(TimeSlot.minutes(from: TimeSlot.clock(minutes)) == minutes, "\(TimeSlot.clock(minutes)) does not read back")
    }

    let code = ImportNormalization.code(value)
    require(ImportNormalization.code(code) == code, "normalising \(code) again changes it")
    let numbers = StaffNumberList.parse(value, normalise: ImportNormalization.code)
    require(Set(numbers).count == numbers.count && !numbers.contains(""), "a listed staff number empty or repeated")
    if let kana = ImportNormalization.nameKana(value) {
        require(ImportNormalization.nameKana(kana) == kana, "normalising kana \(kana) again changes it")
    }
    _ = TypedText.hasControlCharacters(value)

    switch DialogueFindingTags.parse(value) {
    case .success(let tags):
        require((1...DialogueFindingTags.maximumCount).contains(tags.count), "\(tags.count) tags")
        require(Set(tags).count == tags.count, "a repeated tag")
        for tag in tags {
            require(!tag.isEmpty && tag.count <= DialogueFindingTags.maximumLength, "tag \(tag)")
        }
    case .failure:
        break
    }
}

private func checkAnswers(_ answers: [String: [String]]) {
    let result = AnswerValidation.validate(answers: answers, questions: questions)
    let ids = Set(questions.map(\.id))
    for (id, error) in result.errors {
        require(ids.contains(id) || answers[id] != nil, "an error for \(id), which is neither asked nor sent")
        require(!error.message.ja.isEmpty && !error.message.en.isEmpty, "an answer error without a message")
    }
    for id in result.values.keys { require(ids.contains(id), "a value for \(id), which is not asked") }
    if result.isValid {
        for question in questions where question.isRequired {
            require(result.values[question.id] != nil, "a valid submission without \(question.id)")
        }
    }
}
