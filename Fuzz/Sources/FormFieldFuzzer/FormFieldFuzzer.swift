import Foundation
import FuzzSupport
import JibungotoDomain

// A submitted form body (application/x-www-form-urlencoded) as the app reads it: split by
// `URLEncodedForm.fields(of:)`, the domain's one-pass reader behind `Request.urlEncodedFields`,
// checked against Foundation's percent-decoding, then every value
// through the domain's parsers of typed values: dates, months, times of day, staff numbers and
// lists of them, kana names, finding tags, survey answers; and the body decoded by
// `URLEncodedFormValueDecoder`, the decoder of the app's form types and URL queries, built on the
// same fields. `FormValidation` lives in JibungotoApp, which this package does not build.
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
    checkDecoded(body, fields: fields)
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

/// A form type with a field of each kind the app's forms decode but `String`.
private struct SampleForm: Decodable {
    var title: String?
    var tags: [String]?
    var count: Int?
    var pin_id: UUID?
}

/// The decoder of the app's form types reads what `fields` reads: `[String: String]` (how most
/// routes take a form) never fails and holds each name, a trailing `[]` dropped, with the last
/// value sent; `SampleForm` decodes exactly when its count and id read, and then holds them.
private func checkDecoded(_ body: String, fields: [(name: String, value: String)]) {
    var sent: [String: [String]] = [:]
    for (name, value) in fields {
        let bytes = Array(name.utf8)
        let isArray = Array(bytes.suffix(2)) == Array("[]".utf8)
        sent[isArray ? String(decoding: bytes.dropLast(2), as: UTF8.self) : name, default: []].append(value)
    }
    let last = sent.compactMapValues(\.last)
    let decoder = URLEncodedFormValueDecoder()
    do {
        let decoded = try decoder.decode([String: String].self, from: body)
        require(decoded.count == last.count, "\(decoded.count) names decoded, \(last.count) sent")
        for (name, value) in last {
            require(decoded[name] == value, "\(name) decoded as \(decoded[name] ?? "nothing"), last sent as \(value)")
        }
    } catch {
        require(false, "[String: String] rejected: \(error)")
    }

    let countText = last["count"], idText = last["pin_id"]
    let readable = (countText.map { Int($0) != nil } ?? true) && (idText.map { UUID(uuidString: $0) != nil } ?? true)
    do {
        let form = try decoder.decode(SampleForm.self, from: body)
        require(readable, "count \(countText ?? "") or pin_id \(idText ?? "") accepted")
        require(form.title == last["title"] && form.tags == sent["tags"],
                "title or tags decoded as \(String(describing: form.title)), \(String(describing: form.tags))")
        require(form.count == countText.flatMap { Int($0) } && form.pin_id == idText.flatMap(UUID.init(uuidString:)),
                "count or pin_id decoded as \(String(describing: form.count)), \(String(describing: form.pin_id))")
    } catch is DecodingError {
        require(!readable, "a form with a readable count and pin_id rejected")
    } catch {
        require(false, "rejected with \(error), not a DecodingError")
    }
}
