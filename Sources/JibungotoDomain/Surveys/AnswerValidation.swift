import Foundation

/// Why the submitted answer to one question cannot be taken.
public enum AnswerError: Error, Sendable, Hashable {
    /// The form names a question that is not in this survey (a tampered or outdated form).
    case unknownQuestion
    /// A required question has no answer.
    case missingRequired
    /// A scale answer that is not a whole number.
    case notANumber(value: String)
    /// A scale answer outside `range`.
    case outOfRange(value: Int, range: ClosedRange<Int>)
    /// A choice that the question does not offer.
    case optionNotOffered(value: String)
    /// Several values for a question that takes one.
    case tooManyValues(count: Int)
    /// A free text of `length` characters, more than `max`.
    case tooLong(max: Int, length: Int)
    /// A free text with a control character (NUL and the like) that cannot be stored as typed.
    case controlCharacters

    /// A complete sentence for the form, in Japanese when `language` starts with "ja".
    /// Submitted values are quoted only after clipping, so the message stays short.
    public var message: Bilingual { Bilingual(ja: message(ja: true), en: message(ja: false)) }

    private func message(ja: Bool) -> String {
        switch self {
        case .unknownQuestion:
            return ja ? "このアンケートにない設問への回答が送信されました。画面を開き直してください。"
                : "An answer was sent for a question that is not in this survey. Please reload the form."
        case .missingRequired:
            return ja ? "必須の設問です。回答を選ぶか入力してください。"
                : "This question is required. Please choose or enter an answer."
        case .notANumber(let value):
            return ja ? "「\(Self.clip(value))」は数値ではありません。選択肢から選んでください。"
                : "\"\(Self.clip(value))\" is not a number. Please choose one of the options."
        case .outOfRange(let value, let range):
            return ja ? "\(value) は選べる範囲（\(range.lowerBound)〜\(range.upperBound)）の外です。"
                : "\(value) is outside the scale (\(range.lowerBound)–\(range.upperBound))."
        case .optionNotOffered(let value):
            return ja ? "「\(Self.clip(value))」はこの設問の選択肢にありません。"
                : "\"\(Self.clip(value))\" is not one of this question's options."
        case .tooManyValues(let count):
            return ja ? "この設問で選べるのは1つだけです（\(count)個送信されました）。"
                : "This question takes one answer only (\(count) were sent)."
        case .tooLong(let max, let length):
            return ja ? "\(max)文字以内で入力してください（現在\(length)文字）。"
                : "Please keep the answer within \(max) characters (it has \(length))."
        case .controlCharacters:
            return ja ? "使えない制御文字が含まれています。貼り付けた文章の場合は、打ち直してください。"
                : "The answer contains control characters that cannot be stored. If you pasted it, please type it again."
        }
    }

    static func clip(_ value: String) -> String {
        value.count <= 20 ? value : String(value.prefix(20)) + "…"
    }
}

/// The outcome of checking one submitted form against the survey's questions.
public struct AnswerValidationResult: Sendable, Equatable {
    /// Answers that are valid, by question id. Unanswered optional questions are absent.
    /// Kept even when there are errors, so that the form can be shown again filled in.
    public var values: [String: SurveyAnswerValue]
    /// Problems by question id (for ``AnswerError/unknownQuestion`` the id as sent).
    public var errors: [String: AnswerError]

    /// Whether the whole submission can be stored. Store nothing unless this is true.
    public var isValid: Bool { errors.isEmpty }
}

/// Turns the raw strings of a submitted form into answer values, question by question.
public enum AnswerValidation {
    /// Checks `answers` (question id → the form values sent under it; several for a
    /// multiple-choice question) against `questions`.
    ///
    /// Empty or whitespace-only values count as no answer. Free text is trimmed at both ends
    /// and its line breaks normalized to `\n`; its length is counted in characters as a person
    /// sees them (grapheme clusters), so 「𠮷」 or an emoji count as one.
    public static func validate(
        answers: [String: [String]], questions: [SurveyQuestion],
        freeTextLimit: Int = SurveyQuestion.freeTextLimit
    ) -> AnswerValidationResult {
        var values: [String: SurveyAnswerValue] = [:]
        var errors: [String: AnswerError] = [:]
        let known = Set(questions.map(\.id))
        for id in answers.keys where !known.contains(id) {
            errors[id] = .unknownQuestion
        }
        for question in questions {
            let raw = (answers[question.id] ?? [])
                .map { $0.surveyTrimmed() }
                .filter { !$0.isEmpty }
            if raw.isEmpty {
                if question.isRequired { errors[question.id] = .missingRequired }
                continue
            }
            switch parse(raw, for: question, freeTextLimit: freeTextLimit) {
            case .success(let value): values[question.id] = value
            case .failure(let error): errors[question.id] = error
            }
        }
        return AnswerValidationResult(values: values, errors: errors)
    }

    /// Convenience for forms that send one value per question.
    public static func validate(
        singleValues answers: [String: String], questions: [SurveyQuestion],
        freeTextLimit: Int = SurveyQuestion.freeTextLimit
    ) -> AnswerValidationResult {
        validate(answers: answers.mapValues { [$0] }, questions: questions, freeTextLimit: freeTextLimit)
    }

    private static func parse(
        _ raw: [String], for question: SurveyQuestion, freeTextLimit: Int
    ) -> Result<SurveyAnswerValue, AnswerError> {
        switch question.kind {
        case .likert5, .scale0to10:
            guard raw.count == 1 else { return .failure(.tooManyValues(count: raw.count)) }
            guard raw[0].utf8.allSatisfy({ (48...57).contains($0) || $0 == 45 }), let number = Int(raw[0]) else {
                return .failure(.notANumber(value: raw[0]))
            }
            let range = question.kind == .likert5 ? 1...5 : 0...10
            guard range.contains(number) else { return .failure(.outOfRange(value: number, range: range)) }
            return .success(question.kind == .likert5 ? .likert(number) : .scale(number))
        case .singleChoice:
            guard raw.count == 1 else { return .failure(.tooManyValues(count: raw.count)) }
            guard question.options.contains(where: { $0.key == raw[0] }) else {
                return .failure(.optionNotOffered(value: raw[0]))
            }
            return .success(.single(raw[0]))
        case .multipleChoice:
            let chosen = Set(raw)
            if let stranger = raw.first(where: { key in !question.options.contains { $0.key == key } }) {
                return .failure(.optionNotOffered(value: stranger))
            }
            return .success(.multiple(question.options.map(\.key).filter(chosen.contains)))
        case .freeText:
            guard raw.count == 1 else { return .failure(.tooManyValues(count: raw.count)) }
            let text = raw[0].replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            guard text.count <= freeTextLimit else {
                return .failure(.tooLong(max: freeTextLimit, length: text.count))
            }
            guard !TypedText.hasControlCharacters(text) else { return .failure(.controlCharacters) }
            return .success(.text(text))
        }
    }
}

extension String {
    /// Trimmed of whitespace and line breaks at both ends (Unicode-aware, includes U+3000).
    fileprivate func surveyTrimmed() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
