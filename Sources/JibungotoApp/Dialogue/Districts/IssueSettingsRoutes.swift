import Fluent
import JibungotoDomain
import Vapor

/// What routes and answers local issues: HR's category table (each category's section and
/// expected days; a section gone from this year's organization is refused) and each section's
/// response templates, kept by the managers who answer for it.
struct IssueSettingsRoutes {
    static let codeMaxLength = 32
    static let nameMaxLength = 50
    static let englishNameMaxLength = 100
    static let templateTitleMaxLength = 100

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, DistrictRoute.categories, requires: .permission(.manageDistricts), shows: .nothing, use: categories)
        routes.on(.POST, DistrictRoute.categories, requires: .permission(.manageDistricts), shows: .nothing, use: createCategory)
        routes.on(.GET, DistrictRoute.category(.pattern), requires: .permission(.manageDistricts), shows: .nothing, use: showCategory)
        routes.on(.POST, DistrictRoute.category(.pattern), requires: .permission(.manageDistricts), shows: .nothing, use: updateCategory)
        routes.on(.GET, DistrictRoute.templates, requires: .permission(.answerLocalIssues), shows: .nothing, use: templates)
        routes.on(.POST, DistrictRoute.templates, requires: .permission(.answerLocalIssues), shows: .nothing, use: createTemplate)
        routes.on(.GET, DistrictRoute.template(.pattern), requires: .permission(.answerLocalIssues), shows: .nothing, use: showTemplate)
        routes.on(.POST, DistrictRoute.template(.pattern), requires: .permission(.answerLocalIssues), shows: .nothing, use: updateTemplate)
    }

    // MARK: - Categories

    @Sendable func categories(_ request: Request) async throws -> Response {
        try await categoriesPage(request, input: [:], validation: FormValidation(request: request))
    }

    @Sendable func createCategory(_ request: Request) async throws -> Response {
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let user = try request.requireUser()
        guard let values = try await Self.categoryValues(request, input: input, editing: nil, validation: &validation) else {
            return try await categoriesPage(request, input: input, validation: validation)
        }
        let category = LocalIssueCategory(id: UUID(), code: values.code, nameJa: values.nameJa, nameEn: values.nameEn, sectionCode: values.section,
                                          expectedDays: values.expectedDays, updatedBy: user.staffNumber, updatedAt: request.now)
        try await request.db.writeTransaction { database in
            try await category.create(on: database)
            try await request.audit(.create, subjectType: "local_issue_category", subjectID: values.code,
                                    detail: "\(values.nameJa) → \(values.section.rawValue) \(values.expectedDays)", on: database)
        }
        request.flash(.success, request.t("dialogue.issue.categorySaved", values.nameJa))
        return request.redirect(to: DistrictRoute.categories.path)
    }

    @Sendable func showCategory(_ request: Request) async throws -> Response {
        let category = try await Self.category(request)
        return try await categoryPage(request, category: category, input: [
            "code": category.code, "name_ja": category.nameJa, "name_en": category.nameEn, "section": category.sectionCode.rawValue,
            "expected_days": String(category.expectedDays),
        ], validation: FormValidation(request: request))
    }

    @Sendable func updateCategory(_ request: Request) async throws -> Response {
        let category = try await Self.category(request)
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let user = try request.requireUser()
        guard let values = try await Self.categoryValues(request, input: input, editing: category, validation: &validation) else {
            return try await categoryPage(request, category: category, input: input, validation: validation)
        }
        let before = "\(category.sectionCode.rawValue) \(category.expectedDays)"
        category.code = values.code
        category.nameJa = values.nameJa
        category.nameEn = values.nameEn
        category.sectionCode = values.section
        category.expectedDays = values.expectedDays
        category.updatedBy = user.staffNumber
        category.updatedAt = request.now
        try await request.db.writeTransaction { database in
            try await category.save(on: database)
            try await request.audit(.update, subjectType: "local_issue_category", subjectID: values.code,
                                    detail: "\(before) → \(values.section.rawValue) \(values.expectedDays)", on: database)
        }
        request.flash(.success, request.t("dialogue.issue.categorySaved", values.nameJa))
        return request.redirect(to: DistrictRoute.categories.path)
    }

    struct CategoryValues {
        let code: String
        let nameJa: String
        let nameEn: String
        let section: SectionCode
        let expectedDays: Int
    }

    /// The category as typed, or nil with every problem named beside its field.
    static func categoryValues(_ request: Request, input: [String: String], editing: LocalIssueCategory?,
                               validation: inout FormValidation) async throws -> CategoryValues? {
        let code = validation.text("code", input["code"], labelKey: "dialogue.issue.field.code", maxLength: codeMaxLength).lowercased()
        if !code.isEmpty, validation.errors["code"] == nil {
            if !Self.isCode(code) {
                validation.fail("code", "dialogue.issue.codeFormat", request.t("dialogue.issue.field.code"))
            } else if let other = try await LocalIssueCategory.query(on: request.db).filter(\.$code == code).first(), other.id != editing?.id {
                validation.fail("code", "dialogue.issue.codeTaken", code, request.text(other.name))
            }
        }
        let nameJa = validation.text("name_ja", input["name_ja"], labelKey: "dialogue.issue.field.nameJa", maxLength: nameMaxLength)
        let nameEn = validation.text("name_en", input["name_en"], labelKey: "dialogue.issue.field.nameEn", required: false, maxLength: englishNameMaxLength)
        let sectionText = (input["section"] ?? "").trimmingCharacters(in: .whitespaces)
        let section = SectionCode(sectionText)
        let active = try await DistrictLoading.activeSections(request)
        if sectionText.isEmpty {
            validation.fail("section", "form.required", request.t("dialogue.issue.field.section"))
        } else if case .sectionAbolished(let gone)? = LocalIssueRouting.refusal(section: section, activeSections: active) {
            let name = try await DistrictLoading.sectionNames([gone], request: request)[gone].map(request.text) ?? ""
            validation.fail("section", "dialogue.issue.categorySectionAbolished", name, gone.rawValue)
        }
        let days = validation.integer("expected_days", input["expected_days"], range: LocalIssueRouting.expectedDays,
                                      messageKey: "dialogue.issue.wholeNumberRange", labelKey: "dialogue.issue.field.expectedDays")
        guard validation.isValid, let days else { return nil }
        return CategoryValues(code: code, nameJa: nameJa, nameEn: nameEn, section: section, expectedDays: days)
    }

    /// Lower-case letters, digits and hyphens, not starting with a hyphen (an Open311 service code).
    static func isCode(_ text: String) -> Bool {
        guard let first = text.first, first != "-" else { return false }
        return text.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func category(_ request: Request) async throws -> LocalIssueCategory {
        guard let id = request.parameters.get("categoryID").flatMap(UUID.init(uuidString:)),
              let category = try await LocalIssueCategory.find(id, on: request.db)
        else { throw Abort(.notFound) }
        return category
    }

    /// The category fields, the section chosen among this year's units.
    static func categoryForm(_ request: Request, action: String, submitLabelKey: String, input: [String: String], validation: FormValidation) async throws -> FormModel {
        let section = input["section"] ?? ""
        let tree = try await request.currentOrganization()
        var form = FormModel(request: request, action: action, submitLabelKey: submitLabelKey, fields: [
            FormField(request: request, name: "code", labelKey: "dialogue.issue.field.code", value: input["code"] ?? "",
                      hintKey: "dialogue.issue.field.code.hint", isRequired: true, maxLength: codeMaxLength),
            FormField(request: request, name: "name_ja", labelKey: "dialogue.issue.field.nameJa", value: input["name_ja"] ?? "",
                      isRequired: true, maxLength: nameMaxLength),
            FormField(request: request, name: "name_en", labelKey: "dialogue.issue.field.nameEn", value: input["name_en"] ?? "",
                      maxLength: englishNameMaxLength),
            FormField(request: request, name: "section", labelKey: "dialogue.issue.field.section", kind: .select, value: section,
                      options: [FormOption(value: "", label: request.t("dialogue.issue.chooseSection"), isSelected: section.isEmpty, fieldName: "section")],
                      optionGroups: SectionChoices.groups(in: tree, selected: section, fieldName: "section", localizer: request.localizer),
                      hintKey: "dialogue.issue.field.section.hint", isRequired: true),
            FormField(request: request, name: "expected_days", labelKey: "dialogue.issue.field.expectedDays", value: input["expected_days"] ?? "",
                      hint: request.t("dialogue.issue.field.expectedDays.hint", String(LocalIssueRouting.expectedDays.lowerBound),
                                      String(LocalIssueRouting.expectedDays.upperBound)), isRequired: true, maxLength: 3),
        ])
        form.apply(validation, request: request)
        return form
    }

    private func categoriesPage(_ request: Request, input: [String: String], validation: FormValidation) async throws -> Response {
        let categories = try await DistrictLoading.categories(on: request.db)
        let open = try await LocalIssue.query(on: request.db).filter(\.$status ~~ LocalIssueStatus.allCases.filter(\.isOpen)).all()
        var openCounts: [UUID: Int] = [:]
        for issue in open { openCounts[issue.$category.id, default: 0] += 1 }
        let form = try await Self.categoryForm(request, action: DistrictRoute.categories.path, submitLabelKey: "dialogue.issue.addCategory",
                                               input: input, validation: validation)
        return try await request.renderPage(
            "dialogue/issue-categories", title: "dialogue.issue.categoriesTitle",
            breadcrumbs: DistrictLoading.breadcrumbs(request, last: request.t("dialogue.issue.categoriesTitle")),
            content: IssueCategoriesPage.build(
                categories: categories, sectionNames: try await DistrictLoading.sectionNames(categories.map(\.sectionCode), request: request),
                activeSections: try await DistrictLoading.activeSections(request), openIssues: openCounts, form: form, localizer: request.localizer),
            status: validation.isValid ? .ok : .unprocessableEntity)
    }

    private func categoryPage(_ request: Request, category: LocalIssueCategory, input: [String: String], validation: FormValidation) async throws -> Response {
        let form = try await Self.categoryForm(request, action: DistrictRoute.category(.id(try category.requireID())).path, submitLabelKey: "form.save",
                                               input: input, validation: validation)
        return try await request.renderPage(
            "platform/form-page", title: "dialogue.issue.editCategoryTitle", titleArguments: [request.text(category.name)],
            breadcrumbs: [Breadcrumb(label: request.t("dialogue.district.title"), href: DistrictRoute.districts.path),
                          Breadcrumb(label: request.t("dialogue.issue.categoriesTitle"), href: DistrictRoute.categories.path),
                          Breadcrumb(label: request.text(category.name), href: nil)],
            content: DistrictRoutes.FormContent(form: form), status: validation.isValid ? .ok : .unprocessableEntity)
    }

    // MARK: - Response templates

    @Sendable func templates(_ request: Request) async throws -> Response {
        let viewer = try await DistrictViewer.load(request)
        return try await templatesPage(request, viewer: viewer, input: [:], validation: FormValidation(request: request))
    }

    @Sendable func createTemplate(_ request: Request) async throws -> Response {
        let viewer = try await DistrictViewer.load(request)
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        guard let values = Self.templateValues(request, input: input, viewer: viewer, validation: &validation) else {
            return try await templatesPage(request, viewer: viewer, input: input, validation: validation)
        }
        let template = LocalIssueResponseTemplate(id: UUID(), sectionCode: values.section, title: values.title, body: values.body,
                                                  updatedBy: viewer.staffNumber, updatedAt: request.now)
        try await request.db.writeTransaction { database in
            try await template.create(on: database)
            try await request.audit(.create, subjectType: "local_issue_response_template", subjectID: values.section, detail: values.title, on: database)
        }
        request.flash(.success, request.t("dialogue.issue.templateSaved", values.title))
        return request.redirect(to: DistrictRoute.templates.path)
    }

    @Sendable func showTemplate(_ request: Request) async throws -> Response {
        let viewer = try await DistrictViewer.load(request)
        let template = try await Self.template(request, viewer: viewer)
        return try await templatePage(request, viewer: viewer, template: template,
                                      input: ["section": template.sectionCode.rawValue, "title": template.title, "body": template.body],
                                      validation: FormValidation(request: request))
    }

    @Sendable func updateTemplate(_ request: Request) async throws -> Response {
        let viewer = try await DistrictViewer.load(request)
        let template = try await Self.template(request, viewer: viewer)
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        guard let values = Self.templateValues(request, input: input, viewer: viewer, validation: &validation) else {
            return try await templatePage(request, viewer: viewer, template: template, input: input, validation: validation)
        }
        template.sectionCode = values.section
        template.title = values.title
        template.body = values.body
        template.updatedBy = viewer.staffNumber
        template.updatedAt = request.now
        try await request.db.writeTransaction { database in
            try await template.save(on: database)
            try await request.audit(.update, subjectType: "local_issue_response_template", subjectID: values.section, detail: values.title, on: database)
        }
        request.flash(.success, request.t("dialogue.issue.templateSaved", values.title))
        return request.redirect(to: DistrictRoute.templates.path)
    }

    struct TemplateValues {
        let section: SectionCode
        let title: String
        let body: String
    }

    /// The template as typed, or nil with the problems named; the section must be one the writer answers for.
    static func templateValues(_ request: Request, input: [String: String], viewer: DistrictViewer, validation: inout FormValidation) -> TemplateValues? {
        let sectionText = (input["section"] ?? "").trimmingCharacters(in: .whitespaces)
        if sectionText.isEmpty {
            validation.fail("section", "form.required", request.t("dialogue.issue.field.section"))
        } else if !viewer.answers.contains(SectionCode(sectionText)) {
            validation.fail("section", "dialogue.issue.templateSectionOutOfScope", request.t("dialogue.issue.field.section"))
        }
        let title = validation.text("title", input["title"], labelKey: "dialogue.issue.field.templateTitle", maxLength: templateTitleMaxLength)
        let body = validation.text("body", input["body"], labelKey: "dialogue.issue.field.templateBody", maxLength: LocalIssueRoutes.responseMaxLength)
        guard validation.isValid else { return nil }
        return TemplateValues(section: SectionCode(sectionText), title: title, body: body)
    }

    /// The template the URL names, when it belongs to a section the reader answers for.
    static func template(_ request: Request, viewer: DistrictViewer) async throws -> LocalIssueResponseTemplate {
        guard let id = request.parameters.get("templateID").flatMap(UUID.init(uuidString:)),
              let template = try await LocalIssueResponseTemplate.find(id, on: request.db), viewer.answers.contains(template.sectionCode)
        else { throw Abort(.notFound) }
        return template
    }

    static func templateForm(_ request: Request, viewer: DistrictViewer, action: String, submitLabelKey: String, input: [String: String],
                             validation: FormValidation) async throws -> FormModel? {
        let tree = try await request.currentOrganization()
        let units = tree.flattened().filter { viewer.answers.contains($0.record.code) }
        guard !units.isEmpty else { return nil }
        let section = input["section"] ?? (units.count == 1 ? units[0].record.code.rawValue : "")
        var form = FormModel(request: request, action: action, submitLabelKey: submitLabelKey, fields: [
            FormField(request: request, name: "section", labelKey: "dialogue.issue.field.section", kind: .select, value: section,
                      options: [FormOption(value: "", label: request.t("dialogue.issue.chooseSection"), isSelected: section.isEmpty, fieldName: "section")],
                      optionGroups: SectionChoices.groups(in: tree, including: { viewer.answers.contains($0.code) }, selected: section,
                                                          fieldName: "section", localizer: request.localizer),
                      isRequired: true),
            FormField(request: request, name: "title", labelKey: "dialogue.issue.field.templateTitle", value: input["title"] ?? "",
                      hintKey: "dialogue.issue.field.templateTitle.hint", isRequired: true, maxLength: templateTitleMaxLength),
            FormField(request: request, name: "body", labelKey: "dialogue.issue.field.templateBody", kind: .textarea, value: input["body"] ?? "",
                      isRequired: true, maxLength: LocalIssueRoutes.responseMaxLength),
        ])
        form.apply(validation, request: request)
        return form
    }

    private func templatesPage(_ request: Request, viewer: DistrictViewer, input: [String: String], validation: FormValidation) async throws -> Response {
        var templates: [LocalIssueResponseTemplate] = []
        if !viewer.answers.isEmpty {
            templates = try await LocalIssueResponseTemplate.query(on: request.db).filter(\.$sectionCode ~~ Array(viewer.answers))
                .sort(\.$sectionCode).sort(\.$title).all()
        }
        let form = try await Self.templateForm(request, viewer: viewer, action: DistrictRoute.templates.path, submitLabelKey: "dialogue.issue.addTemplate",
                                               input: input, validation: validation)
        return try await request.renderPage(
            "dialogue/issue-templates", title: "dialogue.issue.templatesTitle",
            breadcrumbs: [Breadcrumb(label: request.t("dialogue.issue.queueTitle"), href: DistrictRoute.queue.path),
                          Breadcrumb(label: request.t("dialogue.issue.templatesTitle"), href: nil)],
            content: IssueTemplatesPage.build(templates: templates,
                                              sectionNames: try await DistrictLoading.sectionNames(templates.map(\.sectionCode), request: request),
                                              form: form, localizer: request.localizer),
            status: validation.isValid ? .ok : .unprocessableEntity)
    }

    private func templatePage(_ request: Request, viewer: DistrictViewer, template: LocalIssueResponseTemplate, input: [String: String],
                              validation: FormValidation) async throws -> Response {
        guard let form = try await Self.templateForm(request, viewer: viewer, action: DistrictRoute.template(.id(try template.requireID())).path,
                                                     submitLabelKey: "form.save", input: input, validation: validation)
        else { throw Abort(.notFound) }
        return try await request.renderPage(
            "platform/form-page", title: "dialogue.issue.editTemplateTitle", titleArguments: [template.title],
            breadcrumbs: [Breadcrumb(label: request.t("dialogue.issue.queueTitle"), href: DistrictRoute.queue.path),
                          Breadcrumb(label: request.t("dialogue.issue.templatesTitle"), href: DistrictRoute.templates.path),
                          Breadcrumb(label: template.title, href: nil)],
            content: DistrictRoutes.FormContent(form: form), status: validation.isValid ? .ok : .unprocessableEntity)
    }
}
