import Fluent
import JibungotoDomain
import Vapor

/// HR and the promotion team build surveys: details, questions (from the bank or their own),
/// preview, open (freezing who is asked and how results are grouped), close, copy.
struct SurveyBuilderRoutes {
    func register(on routes: any RoutesBuilder) {
        let manage = Access.permission(.manageSurveys)
        routes.on(.GET, SurveysRoute.list, requires: .permission(.answerSurveys), shows: .nothing, use: list)
        routes.on(.GET, SurveysRoute.new, requires: manage, shows: .nothing, use: showNew)
        routes.on(.POST, SurveysRoute.new, requires: manage, shows: .nothing, use: create)
        routes.on(.GET, SurveysRoute.manage(.pattern), requires: manage, shows: .nothing, use: showManage)
        routes.on(.POST, SurveysRoute.addQuestion(.pattern), requires: manage, shows: .nothing, use: addQuestion)
        routes.on(.POST, SurveysRoute.removeQuestion(.pattern), requires: manage, shows: .nothing, use: removeQuestion)
        routes.on(.POST, SurveysRoute.moveQuestion(.pattern), requires: manage, shows: .nothing, use: moveQuestion)
        routes.on(.GET, SurveysRoute.settings(.pattern), requires: manage, shows: .nothing, use: showSettings)
        routes.on(.POST, SurveysRoute.settings(.pattern), requires: manage, shows: .nothing, use: saveSettings)
        routes.on(.POST, SurveysRoute.open(.pattern), requires: manage, shows: .nothing, use: open)
        routes.on(.POST, SurveysRoute.close(.pattern), requires: manage, shows: .nothing, use: close)
        routes.on(.POST, SurveysRoute.copy(.pattern), requires: manage, shows: .nothing, use: copy)
    }

    // MARK: - List

    @Sendable func list(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let open = try await SurveyAccess.openSurveys(for: user.staffNumber, on: request.db, today: request.today)
        let answered = Set(try await SurveyCompletion.query(on: request.db).filter(\.$staffNumber == user.staffNumber).all(\.$surveyID))
        let followed: SurveyListPage.Followed
        if user.scope(of: .manageSurveys) != nil {
            followed = .managed(try await Survey.query(on: request.db).sort(\.$opensOn, .descending).all())
        } else if user.scope(of: .viewSurveyRates) != nil {
            followed = .rates(try await Survey.query(on: request.db).filter(\.$status != .draft).sort(\.$opensOn, .descending).all())
        } else {
            followed = .nothing
        }
        return try await request.renderPage("surveys/list", title: "survey.title", breadcrumbs: [Breadcrumb(label: request.t("survey.title"), href: nil)],
                                            content: try SurveyListPage.build(open: open, answered: answered, followed: followed, today: request.today, localizer: request.localizer))
    }

    // MARK: - New survey

    struct FormContent: Encodable, Sendable {
        let form: FormModel
    }

    struct SurveyForm: Content {
        var title_ja: String?
        var title_en: String?
        var description: String?
        var series: String?
        var opens_on: String?
        var closes_on: String?
        var anonymity: String?
        var departments: [String]?
        var employment_types: [String]?
        var attributes: [String]?
        var k: String?
        var free_text_k: String?
        var target_rate: String?
    }

    @Sendable func showNew(_ request: Request) async throws -> Response {
        try await newPage(request, input: SurveyForm(series: "staff-survey", anonymity: "anonymous", attributes: ["department"], k: "5", free_text_k: "10", target_rate: "80"),
                          validation: FormValidation(request: request))
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(SurveyForm.self)
        var validation = FormValidation(request: request)
        let survey = Survey()
        guard try await apply(input, to: survey, request: request, validation: &validation) else {
            return try await newPage(request, input: input, validation: validation)
        }
        survey.questions = []
        survey.status = .draft
        survey.createdBy = try request.requireUser().staffNumber.rawValue
        try await survey.create(on: request.db)
        request.flash(.success, request.t("survey.created"))
        return request.redirect(to: SurveysRoute.manage(.id(try survey.requireID())).path)
    }

    /// Checks the settings form and, when every field is valid, writes it onto `survey` (nothing
    /// is written otherwise); returns whether it was valid.
    private func apply(_ input: SurveyForm, to survey: Survey, request: Request, validation: inout FormValidation) async throws -> Bool {
        let titleJa = validation.text("title_ja", input.title_ja, labelKey: "survey.titleJa", maxLength: 150)
        let titleEn = validation.text("title_en", input.title_en, labelKey: "survey.titleEn", required: false, maxLength: 200)
        let description = validation.text("description", input.description, labelKey: "survey.description", required: false, maxLength: 2_000)
        let series = validation.text("series", input.series, labelKey: "survey.series", maxLength: 50)
        let opens = validation.date("opens_on", input.opens_on, labelKey: "survey.opensOn")
        let closes = validation.date("closes_on", input.closes_on, labelKey: "survey.closesOn")
        if let opens, let closes, closes < opens { validation.fail("closes_on", "survey.closesBeforeOpening") }
        let k = validation.integer("k", input.k, range: 3...50, messageKey: "survey.kInvalid")
        let freeTextK = validation.integer("free_text_k", input.free_text_k, range: max(k ?? 3, 3)...100, messageKey: "survey.freeTextKInvalid")
        let targetRate = validation.integer("target_rate", input.target_rate, range: 1...100, messageKey: "survey.targetRateInvalid")
        let attributes = (input.attributes ?? []).compactMap(ReportingAttribute.init(rawValue:))
        if attributes.count != (input.attributes ?? []).count { validation.fail("attributes", "form.invalidChoice", request.t("survey.attributes")) }
        if let problem = ReportingAttribute.problem(with: Set(attributes)) { validation.fail("attributes", "survey.attributes.\(problem.rawValue)") }
        let tree = try await request.currentOrganization()
        let (departments, types) = TargetGroupFields.validate(departments: input.departments, employmentTypes: input.employment_types, tree: tree, validation: &validation)
        guard validation.isValid, let opens, let closes, let k, let freeTextK, let targetRate else { return false }
        survey.series = series
        survey.fiscalYear = opens.fiscalYear.startYear
        survey.titleJa = titleJa
        survey.titleEn = titleEn
        survey.descriptionText = description
        survey.opensOn = opens
        survey.closesOn = closes
        survey.isAnonymous = input.anonymity != "named"
        survey.targetDepartments = departments.joined(separator: ",")
        survey.targetEmploymentTypes = types.joined(separator: ",")
        survey.reportingAttributes = attributes.map(\.rawValue).sorted().joined(separator: ",")
        survey.k = k
        survey.freeTextK = freeTextK
        survey.targetRate = Double(targetRate) / 100
        return true
    }

    private func newPage(_ request: Request, input: SurveyForm, validation: FormValidation) async throws -> Response {
        try await settingsPage(request, input: input, validation: validation, action: SurveysRoute.new.path, submitLabelKey: "survey.createDraft",
                               titleKey: "survey.new", titleArguments: [], parent: nil)
    }

    /// The settings form, for a new survey and for a draft's settings.
    private func settingsPage(
        _ request: Request, input: SurveyForm, validation: FormValidation, action: String, submitLabelKey: String,
        titleKey: String, titleArguments: [String], parent: Breadcrumb?
    ) async throws -> Response {
        let tree = try await request.currentOrganization()
        let departments = Set(input.departments ?? []), types = Set(input.employment_types ?? []), attributes = Set(input.attributes ?? [])
        var form = FormModel(request: request, action: action, submitLabelKey: submitLabelKey, fields: [
            FormField(request: request, name: "title_ja", labelKey: "survey.titleJa", value: input.title_ja ?? "", isRequired: true, maxLength: 150),
            FormField(request: request, name: "title_en", labelKey: "survey.titleEn", value: input.title_en ?? "", maxLength: 200),
            FormField(request: request, name: "description", labelKey: "survey.description", kind: .textarea, value: input.description ?? "", maxLength: 2_000),
            FormField(request: request, name: "series", labelKey: "survey.series", value: input.series ?? "", hintKey: "survey.seriesHint", isRequired: true, maxLength: 50),
            FormField(request: request, name: "opens_on", labelKey: "survey.opensOn", value: input.opens_on ?? "", hintKey: "audit.dateHint", isRequired: true, maxLength: 20),
            FormField(request: request, name: "closes_on", labelKey: "survey.closesOn", value: input.closes_on ?? "", hintKey: "audit.dateHint", isRequired: true, maxLength: 20),
            FormField(request: request, name: "anonymity", labelKey: "survey.anonymity", kind: .radios, options: ["anonymous", "named"].map {
                FormOption(value: $0, label: request.t("survey.anonymity.\($0)"), isSelected: (input.anonymity ?? "anonymous") == $0, fieldName: "anonymity")
            }, hintKey: "survey.anonymityHint", isRequired: true),
        ] + TargetGroupFields.fields(request: request, tree: tree, departments: departments, employmentTypes: types) + [
            FormField(request: request, name: "attributes", labelKey: "survey.attributes", kind: .checkboxes,
                      options: ReportingAttribute.allCases.map { FormOption(value: $0.rawValue, label: request.text($0.label), isSelected: attributes.contains($0.rawValue), fieldName: "attributes") },
                      hintKey: "survey.attributesHint"),
            FormField(request: request, name: "k", labelKey: "survey.k", value: input.k ?? "5", hintKey: "survey.kHint", isRequired: true, maxLength: 3),
            FormField(request: request, name: "free_text_k", labelKey: "survey.freeTextK", value: input.free_text_k ?? "10", hintKey: "survey.freeTextKHint", isRequired: true, maxLength: 3),
            FormField(request: request, name: "target_rate", labelKey: "survey.targetRate", value: input.target_rate ?? "80", hintKey: "survey.targetRateHint", isRequired: true, maxLength: 3),
        ])
        form.apply(validation, request: request)
        return try await request.renderPage("platform/form-page", title: titleKey, titleArguments: titleArguments,
                                            breadcrumbs: [Breadcrumb(label: request.t("survey.title"), href: SurveysRoute.list.path)] + (parent.map { [$0] } ?? [])
                                                + [Breadcrumb(label: request.t(titleKey, titleArguments), href: nil)],
                                            content: FormContent(form: form), status: validation.isValid ? .ok : .unprocessableEntity)
    }

    // MARK: - Settings of a draft

    /// Settings change only while the survey is 作成中: opening freezes who is asked and how
    /// results are grouped, and k must not move once anyone can answer. Afterwards the manage
    /// page says so.
    private func refuseSettings(_ request: Request, _ survey: Survey) throws -> Response {
        request.flash(.error, request.t("survey.settingsLocked"))
        return request.redirect(to: SurveysRoute.manage(.id(try survey.requireID())).path)
    }

    private func settingsPage(_ request: Request, survey: Survey, input: SurveyForm, validation: FormValidation) async throws -> Response {
        let id = try survey.requireID()
        return try await settingsPage(request, input: input, validation: validation, action: SurveysRoute.settings(.id(id)).path, submitLabelKey: "survey.saveSettings",
                                      titleKey: "survey.settingsTitle", titleArguments: [survey.title(request.language)],
                                      parent: Breadcrumb(label: survey.title(request.language), href: SurveysRoute.manage(.id(id)).path))
    }

    @Sendable func showSettings(_ request: Request) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        guard survey.status == .draft else { return try refuseSettings(request, survey) }
        let input = SurveyForm(
            title_ja: survey.titleJa, title_en: survey.titleEn, description: survey.descriptionText, series: survey.series,
            opens_on: survey.opensOn.iso, closes_on: survey.closesOn.iso, anonymity: survey.isAnonymous ? "anonymous" : "named",
            departments: survey.targetDepartments.split(separator: ",").map(String.init),
            employment_types: survey.targetEmploymentTypes.split(separator: ",").map(String.init),
            attributes: survey.attributes.map(\.rawValue), k: String(survey.k), free_text_k: String(survey.freeTextK),
            target_rate: String(Int((survey.targetRate * 100).rounded())))
        return try await settingsPage(request, survey: survey, input: input, validation: FormValidation(request: request))
    }

    @Sendable func saveSettings(_ request: Request) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        guard survey.status == .draft else { return try refuseSettings(request, survey) }
        let input = try request.content.decode(SurveyForm.self)
        var validation = FormValidation(request: request)
        guard try await apply(input, to: survey, request: request, validation: &validation) else {
            return try await settingsPage(request, survey: survey, input: input, validation: validation)
        }
        try await survey.save(on: request.db)
        try await request.audit(.update, subjectType: "survey", subjectID: survey.titleJa, detail: "settings")
        request.flash(.success, request.t("survey.settingsSaved"))
        return request.redirect(to: SurveysRoute.manage(.id(try survey.requireID())).path)
    }

    // MARK: - Manage one survey

    @Sendable func showManage(_ request: Request) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        return try await managePage(request, survey: survey, bankValidation: nil, customInput: [:], customValidation: nil)
    }

    private func managePage(_ request: Request, survey: Survey, bankValidation: FormValidation?, customInput: [String: String], customValidation: FormValidation?) async throws -> Response {
        let id = try survey.requireID()
        var release: SurveyRelease? = nil
        if survey.status != .draft { release = try await SurveyReleases.current(survey, today: request.today, on: request.db) }
        let editable = try await SurveyAccess.questionsAreEditable(survey, on: request.db)
        let used = Set(survey.questions.map(\.id))
        var bankForm: FormModel? = nil, customForm: FormModel? = nil
        if editable {
            var form = FormModel(request: request, action: SurveysRoute.addQuestion(.id(id)).path, submitLabelKey: "survey.addFromBank", fields: [
                FormField(request: request, name: "bank_id", labelKey: "survey.bankQuestion", kind: .select, value: "",
                          options: SurveyQuestionBank.all.filter { !used.contains($0.id) }.map { question in
                              FormOption(value: question.id, label: "[\(question.theme.map { request.text($0.label) } ?? "")] \(request.text(question.text))", isSelected: false, fieldName: "bank_id")
                          }),
                FormField(request: request, name: "page", labelKey: "survey.page", value: "1", hintKey: "survey.pageHint", maxLength: 2),
            ])
            if let bankValidation { form.apply(bankValidation, request: request) }
            bankForm = form
            var custom = FormModel(request: request, action: SurveysRoute.addQuestion(.id(id)).path, submitLabelKey: "survey.addCustom", fields: [
                FormField(request: request, name: "text_ja", labelKey: "survey.questionJa", kind: .textarea, value: customInput["text_ja"] ?? "", isRequired: true, maxLength: 500),
                FormField(request: request, name: "text_en", labelKey: "survey.questionEn", kind: .textarea, value: customInput["text_en"] ?? "", maxLength: 500),
                FormField(request: request, name: "kind", labelKey: "survey.kind", kind: .select, value: customInput["kind"] ?? "",
                          options: SurveyQuestionKind.allCases.map { FormOption(value: $0.rawValue, label: request.text($0.label), isSelected: customInput["kind"] == $0.rawValue, fieldName: "kind") }),
                FormField(request: request, name: "options", labelKey: "survey.options", kind: .textarea, value: customInput["options"] ?? "", hintKey: "survey.optionsHint", maxLength: 2_000),
                FormField(request: request, name: "required", labelKey: "survey.requiredLabel", kind: .checkboxes,
                          options: [FormOption(value: "1", label: request.t("survey.required"), isSelected: customInput["required"] == "1", fieldName: "required")]),
                FormField(request: request, name: "page", labelKey: "survey.page", value: customInput["page"] ?? "1", hintKey: "survey.pageHint", maxLength: 2),
            ])
            if let customValidation { custom.apply(customValidation, request: request) }
            customForm = custom
        }
        return try await request.renderPage(
            "surveys/manage", title: "survey.manageTitle", titleArguments: [survey.title(request.language)],
            breadcrumbs: [Breadcrumb(label: request.t("survey.title"), href: SurveysRoute.list.path), Breadcrumb(label: survey.title(request.language), href: nil)],
            content: SurveyManagePage.build(survey: survey, surveyID: id, release: release, isEditable: editable, bankForm: bankForm, customForm: customForm,
                                            today: request.today, csrfToken: request.csrfToken, localizer: request.localizer))
    }

    struct QuestionForm: Content {
        var bank_id: String?
        var text_ja: String?
        var text_en: String?
        var kind: String?
        var options: String?
        var required: [String]?
        var page: String?
    }

    @Sendable func addQuestion(_ request: Request) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        guard try await SurveyAccess.questionsAreEditable(survey, on: request.db) else { throw Abort(.conflict) }
        let input = try request.content.decode(QuestionForm.self)
        var validation = FormValidation(request: request)
        let page = (validation.integer("page", input.page, range: 1...20, messageKey: "survey.pageInvalid") ?? 1) - 1
        var questions = survey.questions
        if let bankID = input.bank_id {
            guard var question = SurveyQuestionBank.question(id: bankID), !questions.contains(where: { $0.id == bankID }) else {
                validation.fail("bank_id", "form.invalidChoice", request.t("survey.bankQuestion"))
                return try await managePage(request, survey: survey, bankValidation: validation, customInput: [:], customValidation: nil)
            }
            guard validation.isValid else { return try await managePage(request, survey: survey, bankValidation: validation, customInput: [:], customValidation: nil) }
            question.page = page
            questions.append(question)
        } else {
            let textJa = validation.text("text_ja", input.text_ja, labelKey: "survey.questionJa", maxLength: 500)
            let textEn = validation.text("text_en", input.text_en, labelKey: "survey.questionEn", required: false, maxLength: 500)
            let kind = SurveyQuestionKind(rawValue: input.kind ?? "")
            if kind == nil { validation.fail("kind", "form.invalidChoice", request.t("survey.kind")) }
            let optionLines = (input.options ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if kind?.hasOptions == true && optionLines.count < 2 { validation.fail("options", "survey.optionsRequired") }
            let custom = ["text_ja": input.text_ja ?? "", "text_en": input.text_en ?? "", "kind": input.kind ?? "", "options": input.options ?? "",
                          "required": input.required?.contains("1") == true ? "1" : "", "page": input.page ?? ""]
            guard validation.isValid, let kind else {
                return try await managePage(request, survey: survey, bankValidation: nil, customInput: custom, customValidation: validation)
            }
            let options = kind.hasOptions ? optionLines.enumerated().map { index, line -> SurveyOption in
                let parts = line.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return SurveyOption(key: "o\(index + 1)", ja: parts[0], en: parts.count > 1 ? parts[1] : parts[0])
            } : []
            questions.append(SurveyQuestion(id: "q\(UUID().uuidString.prefix(8).lowercased())", kind: kind,
                                            text: Bilingual(ja: textJa, en: textEn.isEmpty ? textJa : textEn), options: options,
                                            isRequired: input.required?.contains("1") == true, page: page))
        }
        // A stable sort: questions keep the order they were arranged in within each page.
        survey.questions = questions.enumerated().sorted { ($0.element.page, $0.offset) < ($1.element.page, $1.offset) }.map(\.element)
        try await survey.save(on: request.db)
        request.flash(.success, request.t("survey.questionAdded"))
        return request.redirect(to: SurveysRoute.manage(.id(try survey.requireID())).path)
    }

    struct RemoveForm: Content { var question_id: String }

    @Sendable func removeQuestion(_ request: Request) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        guard try await SurveyAccess.questionsAreEditable(survey, on: request.db) else { throw Abort(.conflict) }
        let input = try request.content.decode(RemoveForm.self)
        survey.questions = survey.questions.filter { $0.id != input.question_id }
        try await survey.save(on: request.db)
        return request.redirect(to: SurveysRoute.manage(.id(try survey.requireID())).path)
    }

    struct MoveForm: Content {
        var question_id: String
        var direction: String
    }

    /// Moves a question one place up or down; it takes the page of the place it moves to, so
    /// the pages keep their order.
    @Sendable func moveQuestion(_ request: Request) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        guard try await SurveyAccess.questionsAreEditable(survey, on: request.db) else { throw Abort(.conflict) }
        let input = try request.content.decode(MoveForm.self)
        var questions = survey.questions
        guard let index = questions.firstIndex(where: { $0.id == input.question_id }), ["up", "down"].contains(input.direction) else {
            throw Abort(.badRequest)
        }
        let other = input.direction == "up" ? index - 1 : index + 1
        if questions.indices.contains(other) {
            let (page, otherPage) = (questions[index].page, questions[other].page)
            questions.swapAt(index, other)
            questions[index].page = page
            questions[other].page = otherPage
            survey.questions = questions
            try await survey.save(on: request.db)
        }
        return request.redirect(to: SurveysRoute.manage(.id(try survey.requireID())).path)
    }

    @Sendable func open(_ request: Request) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        guard survey.status == .draft else { throw Abort(.conflict) }
        guard !survey.questions.isEmpty else {
            request.flash(.error, request.t("survey.noQuestions"))
            return request.redirect(to: SurveysRoute.manage(.id(try survey.requireID())).path)
        }
        let count = try await SurveyAccess.open(survey, today: request.today, on: request.db)
        try await request.audit(.update, subjectType: "survey", subjectID: survey.titleJa, detail: "opened targets=\(count)")
        request.flash(.success, request.t("survey.opened", String(count)))
        return request.redirect(to: SurveysRoute.manage(.id(try survey.requireID())).path)
    }

    @Sendable func close(_ request: Request) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        // Open, or closed by an earlier attempt whose release was not stored: closing is repeatable.
        let released = try await SurveyReleases.stored(survey, on: request.db) != nil
        guard survey.status == .open || (survey.status == .closed && !released) else {
            throw Abort(.conflict)
        }
        try await SurveyReleases.close(survey, today: request.today, on: request.db)
        try await request.audit(.update, subjectType: "survey", subjectID: survey.titleJa, detail: "closed, results released")
        request.flash(.success, request.t("survey.closed"))
        return request.redirect(to: SurveysRoute.manage(.id(try survey.requireID())).path)
    }

    @Sendable func copy(_ request: Request) async throws -> Response {
        let original = try await SurveyAccess.find(request)
        let copy = Survey()
        copy.series = original.series
        copy.titleEn = original.titleEn
        copy.descriptionText = original.descriptionText
        copy.opensOn = original.opensOn
        copy.closesOn = original.closesOn
        copy.targetDepartments = original.targetDepartments
        copy.targetEmploymentTypes = original.targetEmploymentTypes
        copy.reportingAttributes = original.reportingAttributes
        copy.questionsJSON = original.questionsJSON
        copy.titleJa = request.t("survey.copyOf", original.titleJa)
        copy.fiscalYear = original.fiscalYear
        copy.isAnonymous = original.isAnonymous
        copy.k = original.k
        copy.freeTextK = original.freeTextK
        copy.targetRate = original.targetRate
        copy.status = .draft
        copy.createdBy = try request.requireUser().staffNumber.rawValue
        try await copy.create(on: request.db)
        request.flash(.success, request.t("survey.copied"))
        return request.redirect(to: SurveysRoute.manage(.id(try copy.requireID())).path)
    }
}
