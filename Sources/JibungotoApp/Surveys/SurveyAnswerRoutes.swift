import Fluent
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

    /// The survey, and the signed-in user as its respondent, if they may answer it now;
    /// otherwise a refusal that says why. One statement (`SurveyAnswerContext`).
    private func answerable(_ request: Request) async throws -> (survey: Survey, respondent: SurveyRespondent) {
        let user = try request.requireUser()
        guard let id = request.parameters.get("surveyID", as: UUID.self),
              let context = try await SurveyAnswerContext.load(surveyID: id, staffNumber: user.staffNumber, on: request.db)
        else { throw Abort(.notFound) }
        if context.hasAnswered { throw SurveyRefusal.alreadyAnswered(id) }
        guard context.survey.acceptsAnswers(today: request.today), let respondent = context.respondent else { throw SurveyRefusal.notOpenForYou }
        return (context.survey, respondent)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        do {
            let survey = try await answerable(request).survey
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
        let survey: Survey, respondent: SurveyRespondent
        do {
            (survey, respondent) = try await answerable(request)
        } catch let refusal as SurveyRefusal {
            return try await refusal.response(request)
        }
        let id = try survey.requireID()
        let form = Self.formValues(request)
        let page = min(max(0, (Int(form["_page"]?.first ?? "1") ?? 1) - 1), survey.pageCount - 1)
        let navigation = form["_nav"]?.first ?? "next"
        let questions = survey.questions
        let pageQuestions = questions.filter { $0.page == page }
        var answers: [String: [String]] = [:]
        for (name, values) in form where name.hasPrefix(SurveyAnswerPage.keptPrefix) {
            answers[String(name.dropFirst(SurveyAnswerPage.keptPrefix.count))] = values
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
            try await SurveySubmission.store(result.values, survey: survey, respondent: respondent, on: request.db, today: request.today)
        } catch SurveySubmission.Failure.alreadyAnswered {
            return try await SurveyRefusal.alreadyAnswered(id).response(request)
        } catch SurveySubmission.Failure.notOpen {
            return try await SurveyRefusal.notOpenForYou.response(request)
        }
        // Counted once the answer is committed; the counter has no labels, so it tells how many, never whose or where.
        request.application.appMetrics.surveySubmissions.increment()
        return request.redirect(to: SurveysRoute.receipt(.id(id)).path)
    }

    /// Form values by name, without the token; several for a multiple-choice question (sent as
    /// `name[]`), read by the same rule as every other form.
    static func formValues(_ request: Request) -> [String: [String]] {
        var values = URLEncodedForm.valuesByName(of: request.body.string ?? "")
        values[CSRFMiddleware.fieldName] = nil
        return values
    }

    @Sendable func receipt(_ request: Request) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        let user = try request.requireUser()
        guard try await SurveyCompletion.query(on: request.db).filter(\.$surveyID == survey.requireID())
            .filter(\.$staffNumber == user.staffNumber).count() > 0 else { throw Abort(.notFound) }
        return try await request.renderPage(
            "surveys/receipt", title: "survey.receiptTitle",
            breadcrumbs: [Breadcrumb(label: request.t("survey.title"), href: SurveysRoute.list.path), Breadcrumb(label: survey.title(request.language), href: nil)],
            content: SurveyReceiptPage.build(survey: survey, localizer: request.localizer))
    }

    private func render(
        _ request: Request, survey: Survey, page: Int, values: [String: [String]], errors: [String: AnswerError],
        status: HTTPResponseStatus = .ok, isPreview: Bool = false
    ) async throws -> Response {
        try await request.renderPage(
            "surveys/answer", title: isPreview ? "survey.previewTitle" : "survey.answerTitle", titleArguments: [survey.title(request.language)],
            breadcrumbs: [Breadcrumb(label: request.t("survey.title"), href: SurveysRoute.list.path), Breadcrumb(label: survey.title(request.language), href: nil)],
            content: SurveyAnswerPage.build(survey: survey, surveyID: try survey.requireID(), page: page, values: values, errors: errors,
                                            isPreview: isPreview, csrfToken: request.csrfToken, localizer: request.localizer),
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
