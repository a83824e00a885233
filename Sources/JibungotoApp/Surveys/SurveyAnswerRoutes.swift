import Fluent
import SQLKit
import JibungotoDomain
import Vapor

/// Staff answer a survey page by page. The server keeps nothing before the submission: the
/// answers of the other pages travel with the form as hidden fields (so it works without
/// JavaScript and no draft is ever tied to a person); the submission is stored in one
/// transaction as an anonymous response plus a separate completion record.
struct SurveyAnswerRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, SurveysRoute.answer(.pattern), requires: .permission(.answerSurveys), shows: .nothing, use: show)
        routes.on(.POST, SurveysRoute.answer(.pattern), requires: .permission(.answerSurveys), shows: .nothing, use: save)
        routes.on(.GET, SurveysRoute.receipt(.pattern), requires: .permission(.answerSurveys), shows: .nothing, use: receipt)
        routes.on(.GET, SurveysRoute.preview(.pattern), requires: .permission(.manageSurveys), shows: .nothing, use: preview)
    }

    struct AnswerContent: Encodable, Sendable {
        let title: String
        let description: String
        let namedNotice: String?
        let anonymityNote: String?
        let pageLabel: String
        let action: String
        let page: Int
        let isFirstPage: Bool
        let isLastPage: Bool
        let questions: [QuestionView]
        let errorSummaryTitle: String?
        let errors: [FormErrorLink]
        let csrfToken: String
        let isPreview: Bool
        /// Answers of the other pages, carried in the form.
        let kept: [KeptAnswer]
    }

    struct KeptAnswer: Encodable, Sendable {
        let name: String
        let value: String
    }

    /// The form-field prefix of answers carried from other pages.
    static let keptPrefix = "_kept."

    struct QuestionView: Encodable, Sendable {
        let fieldID: String
        let name: String
        let text: String
        let kind: String
        let isRequired: Bool
        let choices: [FormOption]
        let value: String
        let error: String?
        let scaleLowLabel: String?
        let scaleHighLabel: String?
        let maxLength: Int
    }

    /// The survey if the signed-in user may answer it now; otherwise a refusal that says why.
    private func answerable(_ request: Request) async throws -> Survey {
        let survey = try await SurveyAccess.find(request)
        let user = try request.requireUser()
        let id = try survey.requireID()
        if try await SurveyCompletion.query(on: request.db).filter(\.$surveyID == id).filter(\.$staffNumber == user.staffNumber).count() > 0 {
            throw SurveyRefusal.alreadyAnswered(id)
        }
        guard try await SurveyAccess.openSurveys(for: user.staffNumber, on: request.db, today: request.today).contains(where: { $0.id == id }) else {
            throw SurveyRefusal.notOpenForYou
        }
        return survey
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        do {
            let survey = try await answerable(request)
            let page = min(max(0, ((try? request.query.get(Int.self, at: "page")) ?? 1) - 1), survey.pageCount - 1)
            return try await render(request, survey: survey, page: page, values: [:], errors: [:])
        } catch let refusal as SurveyRefusal {
            return try await refusal.response(request)
        }
    }

    @Sendable func preview(_ request: Request) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        let page = min(max(0, ((try? request.query.get(Int.self, at: "page")) ?? 1) - 1), survey.pageCount - 1)
        return try await render(request, survey: survey, page: page, values: [:], errors: [:], isPreview: true)
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        let survey: Survey
        do {
            survey = try await answerable(request)
        } catch let refusal as SurveyRefusal {
            return try await refusal.response(request)
        }
        let id = try survey.requireID()
        let form = try Self.formValues(request)
        let page = min(max(0, (Int(form["_page"]?.first ?? "1") ?? 1) - 1), survey.pageCount - 1)
        let navigation = form["_nav"]?.first ?? "next"
        let questions = survey.questions
        let pageQuestions = questions.filter { $0.page == page }
        var answers: [String: [String]] = [:]
        for (name, values) in form where name.hasPrefix(Self.keptPrefix) {
            answers[String(name.dropFirst(Self.keptPrefix.count))] = values
        }
        let posted = form.filter { !$0.key.hasPrefix("_") }
        let unknown = (Array(posted.keys) + Array(answers.keys)).filter { key in !questions.contains { $0.id == key } }
        guard unknown.isEmpty else {
            let errors = Dictionary(uniqueKeysWithValues: unknown.map { ($0, AnswerError.unknownQuestion) })
            return try await render(request, survey: survey, page: page, values: answers, errors: errors, status: .unprocessableEntity)
        }
        for question in pageQuestions { answers[question.id] = posted[question.id] ?? [] }
        // Check this page: going back keeps what was entered even if incomplete.
        let pageCheck = AnswerValidation.validate(answers: answers.filter { key, _ in pageQuestions.contains { $0.id == key } }, questions: pageQuestions)
        if navigation == "back" {
            return try await render(request, survey: survey, page: max(0, page - 1), values: answers, errors: [:])
        }
        guard pageCheck.isValid else {
            return try await render(request, survey: survey, page: page, values: answers, errors: pageCheck.errors, status: .unprocessableEntity)
        }
        if navigation != "submit" || page < survey.pageCount - 1 {
            return try await render(request, survey: survey, page: page + 1, values: answers, errors: [:])
        }
        let result = AnswerValidation.validate(answers: answers, questions: questions)
        guard result.isValid else {
            let firstPage = questions.first { result.errors[$0.id] != nil }?.page ?? page
            return try await render(request, survey: survey, page: firstPage, values: answers, errors: result.errors, status: .unprocessableEntity)
        }
        do {
            try await SurveySubmission.store(result.values, survey: survey, staffNumber: try request.requireUser().staffNumber, on: request.db, today: request.today)
        } catch SurveySubmission.Failure.alreadyAnswered {
            return try await SurveyRefusal.alreadyAnswered(id).response(request)
        } catch SurveySubmission.Failure.notOpen {
            return try await SurveyRefusal.notOpenForYou.response(request)
        }
        return request.redirect(to: SurveysRoute.receipt(.id(id)).path)
    }

    /// Form values by name; several for a multiple-choice question (sent as `name[]`).
    static func formValues(_ request: Request) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for (rawName, value) in request.urlEncodedFields where rawName != CSRFMiddleware.fieldName {
            let name = rawName.hasSuffix("[]") ? String(rawName.dropLast(2)) : rawName
            result[name, default: []].append(value)
        }
        return result
    }

    struct ReceiptContent: Encodable, Sendable {
        let title: String
        let message: String
        /// How the answers are kept (anonymous surveys only).
        let note: String?
        let listHref: String
    }

    @Sendable func receipt(_ request: Request) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        let user = try request.requireUser()
        guard try await SurveyCompletion.query(on: request.db).filter(\.$surveyID == survey.requireID())
            .filter(\.$staffNumber == user.staffNumber).count() > 0 else { throw Abort(.notFound) }
        return try await request.renderPage(
            "surveys/receipt", title: "survey.receiptTitle",
            breadcrumbs: [Breadcrumb(label: request.t("survey.title"), href: SurveysRoute.list.path), Breadcrumb(label: survey.title(request.language), href: nil)],
            content: ReceiptContent(title: survey.title(request.language),
                                    message: request.t("survey.receipt"),
                                    note: survey.isAnonymous ? request.t("survey.receiptNote", String(survey.k)) : nil,
                                    listHref: SurveysRoute.list.path))
    }

    private func render(
        _ request: Request, survey: Survey, page: Int, values: [String: [String]], errors: [String: AnswerError],
        status: HTTPResponseStatus = .ok, isPreview: Bool = false
    ) async throws -> Response {
        let language = request.language.rawValue
        let id = try survey.requireID()
        let questions = survey.questions.filter { isPreview || $0.page == page }.map { question -> QuestionView in
            let current = values[question.id] ?? []
            let choices: [FormOption]
            switch question.kind {
            case .likert5:
                choices = (1...5).map { FormOption(value: String($0), label: request.t("survey.likert.\($0)"), isSelected: current.contains(String($0)), fieldName: question.id) }
            case .scale0to10:
                choices = (0...10).map { FormOption(value: String($0), label: String($0), isSelected: current.contains(String($0)), fieldName: question.id) }
            case .singleChoice, .multipleChoice:
                choices = question.options.map { FormOption(value: $0.key, label: $0.label.text(language: language), isSelected: current.contains($0.key), fieldName: question.id) }
            case .freeText:
                choices = []
            }
            return QuestionView(
                fieldID: "q-" + question.id.replacingOccurrences(of: ".", with: "-"), name: question.id,
                text: question.text.text(language: language), kind: question.kind.rawValue, isRequired: question.isRequired,
                choices: choices, value: question.kind == .freeText ? (current.first ?? "") : "",
                error: errors[question.id]?.message(language: language),
                scaleLowLabel: question.kind == .scale0to10 ? request.t("survey.scaleLow") : nil,
                scaleHighLabel: question.kind == .scale0to10 ? request.t("survey.scaleHigh") : nil,
                maxLength: SurveyQuestion.freeTextLimit)
        }
        let errorLinks = questions.compactMap { question in question.error.map { FormErrorLink(fieldID: question.fieldID, message: "\(question.text)：\($0)") } }
            + errors.filter { key, _ in !survey.questions.contains { $0.id == key } }.map { FormErrorLink(fieldID: "main", message: $0.value.message(language: language)) }
        return try await request.renderPage(
            "surveys/answer", title: isPreview ? "survey.previewTitle" : "survey.answerTitle", titleArguments: [survey.title(request.language)],
            breadcrumbs: [Breadcrumb(label: request.t("survey.title"), href: SurveysRoute.list.path), Breadcrumb(label: survey.title(request.language), href: nil)],
            content: AnswerContent(
                title: survey.title(request.language), description: survey.descriptionText,
                namedNotice: survey.isAnonymous ? nil : request.t("survey.namedNotice"),
                anonymityNote: survey.isAnonymous ? request.t("survey.anonymityNote", String(survey.k)) : nil,
                pageLabel: request.t("survey.pageOf", String(page + 1), String(survey.pageCount)),
                action: isPreview ? SurveysRoute.preview(.id(id)).path : SurveysRoute.answer(.id(id)).path,
                page: page + 1, isFirstPage: page == 0, isLastPage: page == survey.pageCount - 1,
                questions: questions,
                errorSummaryTitle: errorLinks.isEmpty ? nil : request.t("form.errorSummary"),
                errors: errorLinks, csrfToken: request.csrfToken, isPreview: isPreview,
                kept: isPreview ? [] : survey.questions.filter { $0.page != page }.flatMap { question in
                    (values[question.id] ?? []).map { KeptAnswer(name: Self.keptPrefix + question.id, value: $0) }
                }),
            status: status)
    }
}

/// Why a survey cannot be answered now, shown as a page.
enum SurveyRefusal: Error {
    case alreadyAnswered(UUID)
    case notOpenForYou

    func response(_ request: Request) async throws -> Response {
        switch self {
        case .alreadyAnswered(let id):
            request.flash(.info, request.t("survey.alreadyAnswered"))
            return request.redirect(to: SurveysRoute.receipt(.id(id)).path)
        case .notOpenForYou:
            throw Abort(.forbidden, reason: "survey not open for this user")
        }
    }
}

/// Storing one submission: the completion (who, which day) and the response (what, with coarse
/// attributes only) in one transaction; a second submission by the same person is refused by the
/// completion table's unique key, so no answer is ever stored twice.
enum SurveySubmission {
    enum Failure: Error { case alreadyAnswered, notOpen }

    static func store(_ values: [String: SurveyAnswerValue], survey: Survey, staffNumber: String, on database: any Database, today: LocalDate) async throws {
        let surveyID = try survey.requireID()
        guard let member = try await StaffMember.query(on: database).filter(\.$staffNumber == staffNumber).first(),
              let target = try await SurveyTarget.query(on: database).filter(\.$surveyID == surveyID).filter(\.$staffNumber == staffNumber).first()
        else { throw Abort(.forbidden) }
        let attributes = RespondentAttributes.snapshot(of: member.record, departmentCode: target.departmentCode,
                                                       on: LocalDate(iso: survey.opensOn) ?? today, recording: Survey.sheetAttributes(survey.attributes))
        do {
            try await database.transaction { database in
                // Still open, checked under the survey row's lock: closing writes the status first
                // and waits for this, so no answer is stored after the results were frozen.
                guard let sql = database as? any SQLDatabase,
                      try await !sql.raw("UPDATE surveys SET status = status WHERE id = \(bind: surveyID) AND status = \(bind: Survey.Status.open.rawValue) RETURNING id").all().isEmpty
                else { throw Failure.notOpen }
                let completion = SurveyCompletion()
                completion.surveyID = surveyID
                completion.staffNumber = staffNumber
                try await completion.create(on: database)
                let response = SurveyResponseRecord()
                response.id = UUID()
                response.surveyID = surveyID
                // No date on the sheet: the day is counted on its own (SurveyReleases.countAnswer).
                response.day = ""
                response.departmentCode = attributes.departmentCode
                response.ageBand = attributes.ageBand?.rawValue
                response.serviceBand = attributes.serviceBand?.rawValue
                response.employmentType = attributes.employmentType?.rawValue
                response.namedStaffNumber = survey.isAnonymous ? nil : staffNumber
                try await response.create(on: database)
                let responseID = try response.requireID()
                let rows = values.sorted { $0.key < $1.key }.flatMap { questionID, value in
                    StoredAnswer.rows(for: value).map { text in
                        let answer = SurveyAnswerRecord()
                        answer.id = UUID()
                        answer.responseID = responseID
                        answer.questionID = questionID
                        answer.value = text
                        return answer
                    }
                }
                if !rows.isEmpty { try await rows.create(on: database) }
                try await SurveyReleases.countAnswer(surveyID: surveyID, day: today, on: database)
                let counted = survey.questions.filter { $0.kind != .freeText }.map(\.id)
                try await SurveyAnswerTotals.add(SurveyAnswerTotals.countedValues(rows.map { ($0.questionID, $0.value) }, counted: Set(counted),
                                                                                  multipleChoice: survey.multipleChoiceQuestions),
                                                 surveyID: surveyID, attributes: attributes, on: database)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Failure.alreadyAnswered
        }
    }
}
