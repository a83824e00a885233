import Foundation
import JibungotoDomain

/// One page of a survey's answer form (or all of it, as a preview), with what the user entered,
/// each refusal beside its question, and the answers of the other pages carried as hidden
/// fields — the server keeps nothing before the submission.
enum SurveyAnswerPage {
    struct Content: Encodable, Sendable {
        let title: String
        let description: String
        let namedNotice: String?
        let anonymityNote: String?
        let pageLabel: String
        let action: String
        let page: Int
        let isFirstPage: Bool
        let isLastPage: Bool
        /// The page's questions, each with its label, field and refusal (`SurveyQuestionMarkup`),
        /// printed with `#unsafeHTML`.
        let questions: String
        let errorSummaryTitle: String?
        let errors: [FormErrorLink]
        let csrfToken: String
        let isPreview: Bool
        /// Answers of the other pages, carried in the form as hidden fields (`HiddenInputsMarkup`),
        /// printed with `#unsafeHTML`.
        let kept: String
    }

    /// One question as the page shows it, written out by `SurveyQuestionMarkup`.
    struct QuestionView: Sendable {
        let fieldID: String
        let name: String
        let text: String
        let isFreeText: Bool
        /// `choices`, plus the modifier that lays out a 0–10 scale or a 5-point scale.
        let choicesClass: String
        let isRequired: Bool
        let choices: [FormOption]
        let isMultiple: Bool
        let value: String
        let error: String?
        /// What 0 and 10 mean, on a 0–10 scale only.
        let scaleLabels: (low: String, high: String)?
        let maxLength: Int
    }

    /// A question's element id: `q-` and its id with `-` for `.`, byte by byte (one ASCII
    /// character for another keeps the UTF-8 valid; Foundation's replacement was 1 % of a burst).
    static func fieldID(_ questionID: String) -> String {
        "q-" + String(decoding: questionID.utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: "-") : $0 }, as: UTF8.self)
    }

    /// The form-field prefix of answers carried from other pages.
    static let keptPrefix = "_kept."

    /// - Parameters:
    ///   - page: the page shown, from 0.
    ///   - values: the answers so far by question id (several for a multiple choice).
    ///   - errors: refusals by question id; an id that is no question of the survey is listed
    ///     at the top only.
    static func build(
        survey: Survey, surveyID: UUID, page: Int, values: [String: [String]], errors: [String: AnswerError], isPreview: Bool,
        csrfToken: String, localizer: Localizer
    ) -> Content {
        let questions = survey.questions.filter { isPreview || $0.page == page }.map { question -> QuestionView in
            let current = values[question.id] ?? []
            let choices: [FormOption], choicesClass: String
            switch question.kind {
            case .likert5:
                choicesClass = "choices choices--likert"
                choices = (1...5).map { FormOption(value: String($0), label: localizer.t("survey.likert.\($0)"), isSelected: current.contains(String($0)), fieldName: question.id) }
            case .scale0to10:
                choicesClass = "choices choices--scale"
                choices = (0...10).map { FormOption(value: String($0), label: String($0), isSelected: current.contains(String($0)), fieldName: question.id) }
            case .singleChoice, .multipleChoice:
                choicesClass = "choices"
                choices = question.options.map { FormOption(value: $0.key, label: localizer.text($0.label), isSelected: current.contains($0.key), fieldName: question.id) }
            case .freeText:
                choicesClass = "choices"
                choices = []
            }
            return QuestionView(
                fieldID: fieldID(question.id), name: question.id,
                text: localizer.text(question.text), isFreeText: question.kind == .freeText,
                choicesClass: choicesClass, isRequired: question.isRequired,
                choices: choices, isMultiple: question.kind == .multipleChoice,
                value: question.kind == .freeText ? (current.first ?? "") : "",
                error: errors[question.id].map { localizer.text($0.message) },
                scaleLabels: question.kind == .scale0to10 ? (localizer.t("survey.scaleLow"), localizer.t("survey.scaleHigh")) : nil,
                maxLength: SurveyQuestion.freeTextLimit)
        }
        let errorLinks = questions.compactMap { question in question.error.map { FormErrorLink(fieldID: question.fieldID, message: "\(question.text)：\($0)") } }
            + errors.filter { key, _ in !survey.questions.contains { $0.id == key } }.map { FormErrorLink(fieldID: "main", message: localizer.text($0.value.message)) }
        return Content(
            title: survey.title(localizer.language), description: survey.descriptionText,
            namedNotice: survey.isAnonymous ? nil : localizer.t("survey.namedNotice"),
            anonymityNote: survey.isAnonymous ? localizer.t("survey.anonymityNote", String(survey.k)) : nil,
            pageLabel: localizer.t("survey.pageOf", String(page + 1), String(survey.pageCount)),
            action: isPreview ? SurveysRoute.preview(.id(surveyID)).path : SurveysRoute.answer(.id(surveyID)).path,
            page: page + 1, isFirstPage: page == 0, isLastPage: page == survey.pageCount - 1,
            questions: SurveyQuestionMarkup(questions: questions, requiredMark: localizer.t("form.requiredMark")).markup,
            errorSummaryTitle: errorLinks.isEmpty ? nil : localizer.t("form.errorSummary"),
            errors: errorLinks, csrfToken: csrfToken, isPreview: isPreview,
            kept: HiddenInputsMarkup(fields: isPreview ? [] : survey.questions.filter { $0.page != page }.flatMap { question in
                (values[question.id] ?? []).map { (name: keptPrefix + question.id, value: $0) }
            }).markup)
    }
}

/// A page's questions as markup the app writes itself, every text, name, value and refusal
/// escaped: a label (or a legend over the choices), the refusal beside it, then the text box or
/// the choices. Leaf resolved a dozen `#if`s and `#( )`s per question against dictionaries, on
/// the page every staff member opens twice in the survey week; see `Benchmarks/load/README.md`
/// for the page's cost before and after.
struct SurveyQuestionMarkup {
    let questions: [SurveyAnswerPage.QuestionView]
    /// The catalog's mark for a question that must be answered (必須).
    let requiredMark: String

    var markup: String {
        var html = ""
        html.reserveCapacity(questions.count * 1_200)
        let required = " <span class=\"required\">\(Markup.escape(requiredMark))</span>"
        for question in questions {
            let id = Markup.escape(question.fieldID)
            let text = Markup.escape(question.text) + (question.isRequired ? required : "")
            let error = question.error.map(Markup.escape)
            if question.isFreeText {
                html += "<div class=\"field\(error == nil ? "" : " field--error")\">\n<label for=\"\(id)\">\(text)</label>\n"
                if let error { html += "<p class=\"field-error\" id=\"\(id)-error\">\(error)</p>\n" }
                html += "<textarea id=\"\(id)\" name=\"\(Markup.escape(question.name))\" rows=\"5\" maxlength=\"\(question.maxLength)\""
                    + (error == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"\(id)-error\"")
                    + ">\(Markup.escape(question.value))</textarea>\n</div>\n"
            } else {
                html += "<fieldset class=\"field question\(error == nil ? "" : " field--error")\" id=\"\(id)\">\n<legend>\(text)</legend>\n"
                if let error { html += "<p class=\"field-error\">\(error)</p>\n" }
                if let scale = question.scaleLabels { html += "<p class=\"hint\">\(Markup.escape(scale.low)) ／ \(Markup.escape(scale.high))</p>\n" }
                html += "<div class=\"\(Markup.escape(question.choicesClass))\">\n"
                    + ChoiceInputsMarkup(choices: question.choices, name: question.name, isMultiple: question.isMultiple).markup
                    + "</div>\n</fieldset>\n"
            }
        }
        return html
    }
}

/// A question's radio buttons or checkboxes, one line each, escaped as `SelectOptionsMarkup`
/// escapes a select's.
struct ChoiceInputsMarkup {
    let choices: [FormOption]
    let name: String
    let isMultiple: Bool

    var markup: String {
        let type = isMultiple ? "checkbox" : "radio"
        let fieldName = Markup.escape(isMultiple ? name + "[]" : name)
        var html = ""
        html.reserveCapacity(choices.count * 160)
        for choice in choices {
            let id = Markup.escape(choice.id)
            html += "<div class=\"choice\"><input type=\"\(type)\" name=\"\(fieldName)\" id=\"\(id)\" value=\"\(Markup.escape(choice.value))\""
                + (choice.isSelected ? " checked" : "") + "><label for=\"\(id)\">\(Markup.escape(choice.label))</label></div>\n"
        }
        return html
    }
}
