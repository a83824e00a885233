import Fluent
import JibungotoDomain
import Vapor

/// Local issues (地域課題): the liaison records one in their district, its category routes it to a
/// section, the section takes it up and answers it (対応済 with a written response, 対応困難 with
/// the reason) or corrects a wrong routing; overdue ones go up to the department head. HR and the
/// promotion team read every issue with the figures, liaisons those of their districts.
struct LocalIssueRoutes {
    static let titleMaxLength = 100
    static let detailsMaxLength = 2_000
    static let placeMaxLength = 100
    static let responseMaxLength = 4_000
    static let reasonMaxLength = 2_000
    static let noteMaxLength = 1_000

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, DistrictRoute.newIssue(.pattern), requires: .permission(.viewDistricts), shows: .nothing, use: showNew)
        routes.on(.POST, DistrictRoute.newIssue(.pattern), requires: .permission(.viewDistricts), shows: .nothing, use: create)
        routes.on(.GET, DistrictRoute.issues, requires: .permission(.viewDistricts), shows: .nothing, use: list)
        routes.on(.GET, DistrictRoute.issuesExport, requires: .permission(.viewDistricts), shows: .exported(subject: "local_issues"), use: export)
        routes.on(.GET, DistrictRoute.queue, requires: .permission(.answerLocalIssues), shows: .nothing, use: queue)
        // Read by the district's readers and by the section answering it, whose managers hold no
        // district permission: `DistrictViewer.maySee` decides, and anyone else gets 404.
        routes.on(.GET, DistrictRoute.issue(.pattern), requires: .permission(.useApplication), shows: .viewed(subject: "local_issue"), use: show)
        routes.on(.POST, DistrictRoute.issueStatus(.pattern), requires: .permission(.answerLocalIssues), shows: .nothing, use: changeStatus)
        routes.on(.POST, DistrictRoute.issueRouting(.pattern), requires: .permission(.answerLocalIssues), shows: .nothing, use: correctRouting)
    }

    // MARK: - Recording an issue

    @Sendable func showNew(_ request: Request) async throws -> Response {
        let viewer = try await DistrictViewer.load(request)
        let district = try await DistrictRoutes.recordingDistrict(request, viewer: viewer)
        return try await newPage(request, district: district, input: ["received_on": request.today.iso], validation: FormValidation(request: request))
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let viewer = try await DistrictViewer.load(request)
        let district = try await DistrictRoutes.recordingDistrict(request, viewer: viewer)
        let districtID = try district.requireID()
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let title = validation.text("title", input["title"], labelKey: "dialogue.issue.field.title", maxLength: Self.titleMaxLength)
        let details = validation.text("details", input["details"], labelKey: "dialogue.issue.field.details", maxLength: Self.detailsMaxLength)
        let place = validation.text("place", input["place"], labelKey: "dialogue.issue.field.place", required: false, maxLength: Self.placeMaxLength)
        let receivedOn = validation.date("received_on", input["received_on"], labelKey: "dialogue.issue.field.receivedOn")
        if let receivedOn, receivedOn > request.today {
            validation.fail("received_on", "dialogue.issue.receivedInFuture", request.t("dialogue.issue.field.receivedOn"), request.localizer.date(request.today))
        }
        let categories = try await DistrictLoading.categories(on: request.db)
        let category = Self.chosenCategory(input["category"], categories: categories, validation: &validation)
        var recordID: UUID?
        let recordText = (input["dialogue_record"] ?? "").trimmingCharacters(in: .whitespaces)
        if !recordText.isEmpty {
            let records = try await Self.recordChoices(request, districtID: districtID)
            if let id = UUID(uuidString: recordText), records.contains(where: { $0.id == id }) {
                recordID = id
            } else {
                validation.fail("dialogue_record", "form.invalidChoice", request.t("dialogue.issue.field.raisedAt"))
            }
        }
        var routing: IssueRouting?
        if let category {
            let active = try await DistrictLoading.activeSections(request)
            switch LocalIssueRouting.route(to: category.sectionCode, expectedDays: category.expectedDays, on: request.today, activeSections: active) {
            case .success(let routed): routing = routed
            case .failure(let refusal): try await Self.fail(refusal, category: category, request: request, validation: &validation)
            }
        }
        guard validation.isValid, let category, let routing, let receivedOn else {
            return try await newPage(request, district: district, input: input, validation: validation)
        }
        let issue = LocalIssue(id: UUID(), districtID: districtID, dialogueRecordID: recordID, title: title, details: details, place: place,
                               categoryID: try category.requireID(), routing: routing, receivedOn: receivedOn, recordedBy: viewer.staffNumber,
                               updatedAt: request.now)
        let event = try LocalIssueEvent(.recorded, issue: issue, actor: viewer.staffNumber, at: request.now)
        let id = try issue.requireID()
        try await request.db.writeTransaction { database in
            try await issue.create(on: database)
            try await event.create(on: database)
            try await request.audit(.create, subjectType: "local_issue", subjectID: id.uuidString.lowercased(),
                                    detail: "\(district.nameJa) \(title) → \(routing.section.rawValue)", on: database)
        }
        let section = try await DistrictLoading.sectionNames([routing.section], request: request)[routing.section]
        request.flash(.success, request.t("dialogue.issue.recorded", title, section.map(request.text) ?? routing.section.rawValue,
                                          request.localizer.date(routing.expectedOn)))
        return request.redirect(to: DistrictRoute.issue(.id(id)).path)
    }

    /// The category a form names: required, and one of the table's.
    static func chosenCategory(_ value: String?, categories: [LocalIssueCategory], validation: inout FormValidation) -> LocalIssueCategory? {
        let text = (value ?? "").trimmingCharacters(in: .whitespaces)
        let label = validation.request.t("dialogue.issue.field.category")
        guard !text.isEmpty else {
            validation.fail("category", "form.required", label)
            return nil
        }
        guard let id = UUID(uuidString: text), let category = categories.first(where: { $0.id == id }) else {
            validation.fail("category", "form.invalidChoice", label)
            return nil
        }
        return category
    }

    /// A routing refusal beside the category field, naming the category and the section.
    static func fail(_ refusal: LocalIssueRouting.Refusal, category: LocalIssueCategory, request: Request, validation: inout FormValidation) async throws {
        let name = request.text(category.name)
        switch refusal {
        case .sectionAbolished(let code):
            let section = try await DistrictLoading.sectionNames([code], request: request)[code].map(request.text) ?? ""
            validation.fail("category", "dialogue.issue.sectionAbolished", name, section, code.rawValue)
        case .unchanged:
            validation.fail("category", "dialogue.issue.routingUnchanged", name)
        }
    }

    /// The district's dialogues of this fiscal year and the last, newest first: an issue may
    /// say at which one it was raised.
    static func recordChoices(_ request: Request, districtID: UUID) async throws -> [DistrictDialogueRecord] {
        try await DistrictDialogueRecord.query(on: request.db).filter(\.$district.$id == districtID)
            .filter(\.$heldOn >= request.today.fiscalYear.previous.start).sort(\.$heldOn, .descending).all()
    }

    /// The options of a category field: name, section and expected days.
    static func categoryOptions(_ request: Request, categories: [LocalIssueCategory], chosen: String, excluding: UUID? = nil) async throws -> [FormOption] {
        let sections = try await DistrictLoading.sectionNames(categories.map(\.sectionCode), request: request)
        return [FormOption(value: "", label: request.t("dialogue.issue.chooseCategory"), isSelected: chosen.isEmpty, fieldName: "category")]
            + categories.compactMap { category in
                guard let id = category.id, id != excluding else { return nil }
                let value = id.uuidString.lowercased()
                let label = request.t("dialogue.issue.categoryOption", request.text(category.name),
                                      sections[category.sectionCode].map(request.text) ?? category.sectionCode.rawValue,
                                      DistrictText.days(category.expectedDays, request.localizer))
                return FormOption(value: value, label: label, isSelected: chosen.lowercased() == value, fieldName: "category")
            }
    }

    private func newPage(_ request: Request, district: District, input: [String: String], validation: FormValidation) async throws -> Response {
        let districtID = try district.requireID()
        let categories = try await DistrictLoading.categories(on: request.db)
        let records = try await Self.recordChoices(request, districtID: districtID)
        let chosenRecord = input["dialogue_record"] ?? ""
        var form = FormModel(request: request, action: DistrictRoute.newIssue(.id(districtID)).path, submitLabelKey: "dialogue.issue.record", fields: [
            FormField(request: request, name: "title", labelKey: "dialogue.issue.field.title", value: input["title"] ?? "",
                      hintKey: "dialogue.issue.field.title.hint", isRequired: true, maxLength: Self.titleMaxLength),
            FormField(request: request, name: "details", labelKey: "dialogue.issue.field.details", kind: .textarea, value: input["details"] ?? "",
                      hintKey: "dialogue.issue.field.details.hint", isRequired: true, maxLength: Self.detailsMaxLength),
            FormField(request: request, name: "place", labelKey: "dialogue.issue.field.place", value: input["place"] ?? "",
                      hintKey: "dialogue.issue.field.place.hint", maxLength: Self.placeMaxLength),
            FormField(request: request, name: "category", labelKey: "dialogue.issue.field.category", kind: .select, value: input["category"] ?? "",
                      options: try await Self.categoryOptions(request, categories: categories, chosen: input["category"] ?? ""),
                      hintKey: "dialogue.issue.field.category.hint", isRequired: true),
            FormField(request: request, name: "received_on", labelKey: "dialogue.issue.field.receivedOn", value: input["received_on"] ?? "",
                      hintKey: "form.dateHint", isRequired: true, maxLength: 20),
            FormField(request: request, name: "dialogue_record", labelKey: "dialogue.issue.field.raisedAt", kind: .select, value: chosenRecord,
                      options: [FormOption(value: "", label: request.t("dialogue.issue.notAtRecord"), isSelected: chosenRecord.isEmpty, fieldName: "dialogue_record")]
                        + records.compactMap { record in
                            guard let id = record.id?.uuidString.lowercased() else { return nil }
                            return FormOption(value: id, label: request.t("dialogue.issue.raisedAtRecord", request.localizer.date(record.heldOn), record.place),
                                              isSelected: chosenRecord.lowercased() == id, fieldName: "dialogue_record")
                        }),
        ])
        form.apply(validation, request: request)
        return try await request.renderPage(
            "platform/form-page", title: "dialogue.issue.newTitle", titleArguments: [request.text(district.name)],
            breadcrumbs: DistrictLoading.breadcrumbs(request, district: district, last: request.t("dialogue.issue.new")),
            content: DistrictRoutes.FormContent(form: form), status: validation.isValid ? .ok : .unprocessableEntity)
    }

    // MARK: - One issue

    /// Which of the issue page's forms a refused submission came from.
    enum FormKind {
        case status, routing
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let viewer = try await DistrictViewer.load(request)
        let issue = try await DistrictLoading.issue(request, viewer: viewer)
        return try await issuePage(request, issue: issue, viewer: viewer, refused: nil, input: [:], validation: FormValidation(request: request))
    }

    @Sendable func changeStatus(_ request: Request) async throws -> Response {
        let viewer = try await DistrictViewer.load(request)
        let issue = try await DistrictLoading.issue(request, viewer: viewer)
        guard viewer.mayAnswer(issue) else { throw Abort(.forbidden) }
        let id = try issue.requireID()
        guard issue.status.isOpen else { return Self.alreadyAnswered(request, issue: issue) }
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let response = validation.text("response", input["response"], labelKey: "dialogue.issue.field.response", required: false, maxLength: Self.responseMaxLength)
        let reason = validation.text("reason", input["reason"], labelKey: "dialogue.issue.field.difficultyReason", required: false, maxLength: Self.reasonMaxLength)
        let typed = (input["status"] ?? "").trimmingCharacters(in: .whitespaces)
        var target: LocalIssueStatus?
        if typed.isEmpty {
            validation.fail("status", "form.required", request.t("dialogue.issue.field.newStatus"))
        } else if let status = LocalIssueStatus(rawValue: typed) {
            target = status
        } else {
            validation.fail("status", "form.invalidChoice", request.t("dialogue.issue.field.newStatus"))
        }
        if let target, validation.isValid, let refusal = LocalIssueWorkflow.refusal(from: issue.status, to: target, response: response, reason: reason) {
            let localizer = request.localizer
            switch refusal {
            case .alreadyAnswered:
                return Self.alreadyAnswered(request, issue: issue)
            case .unchanged(let status):
                validation.fail("status", "dialogue.issue.statusUnchanged", DistrictText.status(status, localizer))
            case .notNextStep(let from, let to):
                validation.fail("status", "dialogue.issue.notNextStep", DistrictText.status(from, localizer), DistrictText.status(to, localizer))
            case .responseMissing:
                validation.fail("response", "dialogue.issue.responseMissing")
            case .reasonMissing:
                validation.fail("reason", "dialogue.issue.reasonMissing")
            }
        }
        guard validation.isValid, let target else {
            return try await issuePage(request, issue: issue, viewer: viewer, refused: .status, input: input, validation: validation)
        }
        let previous = issue.status
        issue.status = target
        if !response.isEmpty { issue.response = response }
        if target == .difficult { issue.difficultyReason = reason }
        if !target.isOpen { issue.respondedOn = request.today }
        issue.updatedAt = request.now
        let event = try LocalIssueEvent(.statusChanged, issue: issue, note: target == .difficult ? reason : "", actor: viewer.staffNumber, at: request.now)
        try await request.db.writeTransaction { database in
            try await issue.save(on: database)
            try await event.create(on: database)
            try await request.audit(.update, subjectType: "local_issue", subjectID: id.uuidString.lowercased(),
                                    detail: "\(previous.rawValue) → \(target.rawValue)", on: database)
        }
        request.flash(.success, request.t("dialogue.issue.statusChanged", issue.title, DistrictText.status(target, request.localizer)))
        return request.redirect(to: DistrictRoute.issue(.id(id)).path)
    }

    @Sendable func correctRouting(_ request: Request) async throws -> Response {
        let viewer = try await DistrictViewer.load(request)
        let issue = try await DistrictLoading.issue(request, viewer: viewer)
        guard viewer.mayAnswer(issue) else { throw Abort(.forbidden) }
        let id = try issue.requireID()
        guard issue.status.isOpen else { return Self.alreadyAnswered(request, issue: issue) }
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let categories = try await DistrictLoading.categories(on: request.db)
        let category = Self.chosenCategory(input["category"], categories: categories, validation: &validation)
        let note = validation.text("note", input["note"], labelKey: "dialogue.issue.field.routingNote", maxLength: Self.noteMaxLength)
        var routing: IssueRouting?
        if let category {
            let active = try await DistrictLoading.activeSections(request)
            let chosenID = try category.requireID()
            switch LocalIssueRouting.correct(currentCategory: issue.$category.id.uuidString, newCategory: chosenID.uuidString,
                                             section: category.sectionCode, expectedDays: category.expectedDays, on: request.today, activeSections: active) {
            case .success(let routed): routing = routed
            case .failure(let refusal): try await Self.fail(refusal, category: category, request: request, validation: &validation)
            }
        }
        guard validation.isValid, let category, let routing else {
            return try await issuePage(request, issue: issue, viewer: viewer, refused: .routing, input: input, validation: validation)
        }
        let previousCategory = issue.$category.id, previousSection = issue.sectionCode
        issue.$category.id = try category.requireID()
        issue.sectionCode = routing.section
        issue.routedOn = routing.routedOn
        issue.expectedOn = routing.expectedOn
        // The new section has not taken it up yet.
        issue.status = .received
        issue.updatedAt = request.now
        let event = try LocalIssueEvent(.rerouted, issue: issue, previousCategoryID: previousCategory, previousSectionCode: previousSection, note: note,
                                        actor: viewer.staffNumber, at: request.now)
        try await request.db.writeTransaction { database in
            try await issue.save(on: database)
            try await event.create(on: database)
            try await request.audit(.update, subjectType: "local_issue", subjectID: id.uuidString.lowercased(),
                                    detail: "\(previousSection.rawValue) → \(routing.section.rawValue)", on: database)
        }
        let section = try await DistrictLoading.sectionNames([routing.section], request: request)[routing.section]
        request.flash(.success, request.t("dialogue.issue.rerouted", issue.title, section.map(request.text) ?? routing.section.rawValue,
                                          request.localizer.date(routing.expectedOn)))
        // The reader may no longer see an issue sent out of their reach.
        return request.redirect(to: viewer.maySee(issue) ? DistrictRoute.issue(.id(id)).path : DistrictRoute.queue.path)
    }

    /// An answered issue changes no more: said at the top of its page.
    static func alreadyAnswered(_ request: Request, issue: LocalIssue) -> Response {
        request.flash(.error, request.t("dialogue.issue.alreadyAnswered", DistrictText.status(issue.status, request.localizer)))
        return request.redirect(to: DistrictRoute.issue(.value(issue.id?.uuidString.lowercased() ?? "")).path)
    }

    /// The issue page; the section answering it gets the answer form (its response prefilled
    /// from the template chosen with `?template=`) and the routing correction, a refused
    /// submission shown in the form it came from.
    private func issuePage(_ request: Request, issue: LocalIssue, viewer: DistrictViewer, refused: FormKind?, input: [String: String],
                           validation: FormValidation) async throws -> Response {
        let id = try issue.requireID()
        let events = try await LocalIssueEvent.query(on: request.db).filter(\.$issue.$id == id).sort(\.$occurredAt).all()
        let categories = try await DistrictLoading.categories(on: request.db)
        let sections = try await DistrictLoading.sectionNames(
            [issue.sectionCode] + events.map(\.sectionCode) + events.compactMap(\.previousSectionCode), request: request)
        let tree = try await request.currentOrganization()
        var record: DistrictDialogueRecord?
        if let recordID = issue.$dialogueRecord.id { record = try await DistrictDialogueRecord.find(recordID, on: request.db) }
        var statusForm: FormModel?, templateForm: FormModel?, routingForm: FormModel?
        if viewer.mayAnswer(issue) && issue.status.isOpen {
            let fresh = FormValidation(request: request)
            let statusInput = refused == .status ? input : [:]
            // The section's templates and those of the units above it (a division's for its units).
            let units = tree.path(to: issue.sectionCode).map(\.code)
            let templates = try await LocalIssueResponseTemplate.query(on: request.db)
                .filter(\.$sectionCode ~~ (units.isEmpty ? [issue.sectionCode] : units)).sort(\.$title).all()
            let chosen = (try? request.query.get(String.self, at: "template")).flatMap(UUID.init(uuidString:))
                .flatMap { chosen in templates.first { $0.id == chosen } }
            let response = chosen?.body ?? statusInput["response"] ?? issue.response
            let status = statusInput["status"] ?? ""
            var answer = FormModel(request: request, action: DistrictRoute.issueStatus(.id(id)).path, submitLabelKey: "dialogue.issue.changeStatus", fields: [
                FormField(request: request, name: "status", labelKey: "dialogue.issue.field.newStatus", kind: .radios,
                          options: issue.status.next.map { next in
                              FormOption(value: next.rawValue, label: DistrictText.status(next, request.localizer), isSelected: status == next.rawValue, fieldName: "status")
                          }, hintKey: "dialogue.issue.field.newStatus.hint", isRequired: true),
                FormField(request: request, name: "response", labelKey: "dialogue.issue.field.response", kind: .textarea, value: response,
                          hintKey: "dialogue.issue.field.response.hint", maxLength: Self.responseMaxLength),
                FormField(request: request, name: "reason", labelKey: "dialogue.issue.field.difficultyReason", kind: .textarea,
                          value: statusInput["reason"] ?? issue.difficultyReason, hintKey: "dialogue.issue.field.difficultyReason.hint",
                          maxLength: Self.reasonMaxLength),
            ])
            answer.apply(refused == .status ? validation : fresh, request: request)
            statusForm = answer
            if !templates.isEmpty {
                let chosenText = chosen?.id?.uuidString.lowercased() ?? ""
                templateForm = FormModel(request: request, action: DistrictRoute.issue(.id(id)).path, method: .GET, submitLabelKey: "dialogue.issue.useTemplate", fields: [
                    FormField(request: request, name: "template", labelKey: "dialogue.issue.field.template", kind: .select, value: chosenText,
                              options: templates.compactMap { template in
                                  guard let value = template.id?.uuidString.lowercased() else { return nil }
                                  return FormOption(value: value, label: template.title, isSelected: value == chosenText, fieldName: "template")
                              }),
                ])
            }
            let routingInput = refused == .routing ? input : [:]
            var correction = FormModel(request: request, action: DistrictRoute.issueRouting(.id(id)).path, submitLabelKey: "dialogue.issue.correctRouting", fields: [
                FormField(request: request, name: "category", labelKey: "dialogue.issue.field.newCategory", kind: .select, value: routingInput["category"] ?? "",
                          options: try await Self.categoryOptions(request, categories: categories, chosen: routingInput["category"] ?? "", excluding: issue.$category.id),
                          isRequired: true),
                FormField(request: request, name: "note", labelKey: "dialogue.issue.field.routingNote", kind: .textarea, value: routingInput["note"] ?? "",
                          hintKey: "dialogue.issue.field.routingNote.hint", isRequired: true, maxLength: Self.noteMaxLength),
            ])
            correction.apply(refused == .routing ? validation : fresh, request: request)
            routingForm = correction
        }
        let page = IssuePage.Input(
            issue: issue, districtHref: viewer.maySee(district: issue.$district.id) ? DistrictRoute.district(.id(issue.$district.id)).path : nil,
            dialogueRecord: record, events: events, categoryNames: DistrictRoutes.categoryNames(categories), sectionNames: sections,
            department: tree.department(of: issue.sectionCode)?.localizedName,
            staff: try await DistrictLoading.staff(events.map(\.actor), on: request.db), today: request.today,
            statusForm: statusForm, templateForm: templateForm, routingForm: routingForm)
        return try await request.renderPage(
            "dialogue/issue-show", title: "dialogue.issue.pageTitle", titleArguments: [issue.title],
            breadcrumbs: DistrictLoading.issueBreadcrumbs(request, viewer: viewer, last: issue.title),
            content: IssuePage.build(page, localizer: request.localizer),
            status: validation.isValid ? .ok : .unprocessableEntity)
    }

    // MARK: - Every issue, with the figures

    /// The filters of the issues list and its export, from the query string.
    struct Filter: Sendable {
        var fiscalYear: Int
        var fiscalYearText = ""
        var district: UUID?
        var districtText = ""
        var category: UUID?
        var categoryText = ""
        var status: LocalIssueStatus?
        var statusText = ""

        init(request: Request, districts: [District], categories: [LocalIssueCategory], validation: inout FormValidation) {
            func value(_ name: String) -> String {
                ((try? request.query.get(String.self, at: name)) ?? "").trimmingCharacters(in: .whitespaces)
            }
            fiscalYear = request.today.fiscalYear.startYear
            fiscalYearText = value("fy")
            if !fiscalYearText.isEmpty {
                if let year = Int(fiscalYearText), (2000...2100).contains(year) { fiscalYear = year } else {
                    validation.fail("fy", "form.invalidChoice", request.t("dialogue.issue.field.fiscalYear"))
                }
            }
            districtText = value("district")
            if !districtText.isEmpty {
                district = UUID(uuidString: districtText).flatMap { id in districts.contains { $0.id == id } ? id : nil }
                if district == nil { validation.fail("district", "form.invalidChoice", request.t("dialogue.issue.field.district")) }
            }
            categoryText = value("category")
            if !categoryText.isEmpty {
                category = UUID(uuidString: categoryText).flatMap { id in categories.contains { $0.id == id } ? id : nil }
                if category == nil { validation.fail("category", "form.invalidChoice", request.t("dialogue.issue.field.category")) }
            }
            statusText = value("status")
            if !statusText.isEmpty {
                status = LocalIssueStatus(rawValue: statusText)
                if status == nil { validation.fail("status", "form.invalidChoice", request.t("dialogue.issue.field.status")) }
            }
        }

        var queryItems: [(String, String)] {
            [("fy", String(fiscalYear)), ("district", district?.uuidString.lowercased() ?? ""), ("category", category?.uuidString.lowercased() ?? ""),
             ("status", status?.rawValue ?? "")]
        }

        var isNarrowed: Bool { district != nil || category != nil || status != nil }

        /// Received in the fiscal year, of the district, category and status asked for.
        func matches(_ issue: LocalIssue) -> Bool {
            issue.receivedOn.fiscalYear.startYear == fiscalYear
                && (district.map { $0 == issue.$district.id } ?? true)
                && (category.map { $0 == issue.$category.id } ?? true)
                && (status.map { $0 == issue.status } ?? true)
        }

        func form(request: Request, years: [Int], districts: [District], categories: [LocalIssueCategory], validation: FormValidation) -> FormModel {
            func anyOption(_ name: String, _ selected: Bool) -> FormOption {
                FormOption(value: "", label: request.t("dialogue.issue.any"), isSelected: selected, fieldName: name)
            }
            let chosenDistrict = district?.uuidString.lowercased() ?? ""
            let chosenCategory = category?.uuidString.lowercased() ?? ""
            var form = FormModel(request: request, action: DistrictRoute.issues.path, method: .GET, submitLabelKey: "dialogue.issue.filter", fields: [
                FormField(request: request, name: "fy", labelKey: "dialogue.issue.field.fiscalYear", kind: .select, value: String(fiscalYear),
                          options: Array(Set(years + [fiscalYear])).sorted(by: >).map { year in
                              FormOption(value: String(year), label: request.localizer.fiscalYear(year), isSelected: year == fiscalYear, fieldName: "fy")
                          }),
                FormField(request: request, name: "district", labelKey: "dialogue.issue.field.district", kind: .select, value: chosenDistrict,
                          options: [anyOption("district", chosenDistrict.isEmpty)] + districts.compactMap { district in
                              district.id.map { FormOption(value: $0.uuidString.lowercased(), label: request.text(district.name),
                                                           isSelected: $0.uuidString.lowercased() == chosenDistrict, fieldName: "district") }
                          }),
                FormField(request: request, name: "category", labelKey: "dialogue.issue.field.category", kind: .select, value: chosenCategory,
                          options: [anyOption("category", chosenCategory.isEmpty)] + categories.compactMap { category in
                              category.id.map { FormOption(value: $0.uuidString.lowercased(), label: request.text(category.name),
                                                           isSelected: $0.uuidString.lowercased() == chosenCategory, fieldName: "category") }
                          }),
                FormField(request: request, name: "status", labelKey: "dialogue.issue.field.status", kind: .select, value: status?.rawValue ?? "",
                          options: [anyOption("status", status == nil)] + LocalIssueStatus.allCases.map { status in
                              FormOption(value: status.rawValue, label: DistrictText.status(status, request.localizer), isSelected: status == self.status, fieldName: "status")
                          }),
            ])
            form.apply(validation, request: request)
            return form
        }
    }

    /// What the list and the export share: the reader's districts, the categories, every issue
    /// the reader may see, and the filter.
    struct Selection {
        let districts: [District]
        let categories: [LocalIssueCategory]
        let visible: [LocalIssue]
        let filter: Filter
        let validation: FormValidation

        static func load(_ request: Request) async throws -> Selection {
            let viewer = try await DistrictViewer.load(request)
            let districts = try await DistrictLoading.districts(on: request.db).filter { $0.id.map { viewer.maySee(district: $0) } ?? false }
            let categories = try await DistrictLoading.categories(on: request.db)
            let visible = try await viewer.districtFilter(LocalIssue.query(on: request.db)).all()
            var validation = FormValidation(request: request)
            let filter = Filter(request: request, districts: districts, categories: categories, validation: &validation)
            return Selection(districts: districts, categories: categories, visible: visible, filter: filter, validation: validation)
        }

        /// The issues that pass the filter, newest first.
        var chosen: [LocalIssue] {
            visible.filter { self.filter.matches($0) }.sorted { ($0.receivedOn, $0.title) > ($1.receivedOn, $1.title) }
        }

        func names(_ request: Request) async throws -> IssueNames {
            IssueNames(
                districts: Dictionary(districts.compactMap { district in district.id.map { ($0, district.name) } }, uniquingKeysWith: { first, _ in first }),
                categories: DistrictRoutes.categoryNames(categories),
                sections: try await DistrictLoading.sectionNames(visible.map(\.sectionCode), request: request))
        }
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let selection = try await Selection.load(request)
        let filter = selection.filter
        let chosen = selection.chosen
        let page = Pagination.requestedPage(request)
        let filters = filter.queryItems
        let years = selection.visible.map { $0.receivedOn.fiscalYear.startYear } + [request.today.fiscalYear.startYear]
        let input = IssueListPage.Input(
            form: filter.form(request: request, years: years, districts: selection.districts, categories: selection.categories, validation: selection.validation),
            filtersActive: !selection.validation.isValid || filter.isNarrowed, fiscalYear: filter.fiscalYear, issues: chosen,
            visible: selection.visible.map(\.facts), districts: selection.districts, categories: selection.categories,
            names: try await selection.names(request), filters: filters, page: page,
            pagination: Pagination(request: request, route: DistrictRoute.issues, filters: filters, page: page, total: chosen.count),
            today: request.today)
        return try await request.renderPage(
            "dialogue/issue-list", title: "dialogue.issue.listTitle",
            breadcrumbs: [Breadcrumb(label: request.t("dialogue.district.title"), href: DistrictRoute.districts.path),
                          Breadcrumb(label: request.t("dialogue.issue.listTitle"), href: nil)],
            content: IssueListPage.build(input, localizer: request.localizer),
            status: selection.validation.isValid ? .ok : .unprocessableEntity)
    }

    @Sendable func export(_ request: Request) async throws -> Response {
        let selection = try await Selection.load(request)
        guard selection.validation.isValid else { throw Abort(.badRequest, reason: selection.validation.errors.values.sorted().joined(separator: " ")) }
        let chosen = selection.chosen
        try await request.audit(.export, subjectType: "local_issues", detail: "fy=\(selection.filter.fiscalYear) rows=\(chosen.count)")
        let categories = Dictionary(selection.categories.compactMap { category in category.id.map { ($0, category) } }, uniquingKeysWith: { first, _ in first })
        return try CSVResponse.make(
            filename: "local-issues-\(selection.filter.fiscalYear).csv", header: Open311Export.header,
            rows: IssueExport.rows(chosen, names: try await selection.names(request), categories: categories, localizer: request.localizer),
            request: request)
    }

    // MARK: - The section's queue

    @Sendable func queue(_ request: Request) async throws -> Response {
        let viewer = try await DistrictViewer.load(request)
        let since = request.today.adding(days: -IssueQueuePage.answeredDays)
        var issues: [LocalIssue] = []
        if !viewer.answers.isEmpty {
            issues = try await LocalIssue.query(on: request.db).filter(\.$sectionCode ~~ Array(viewer.answers))
                .group(.or) { $0.filter(\.$status ~~ LocalIssueStatus.allCases.filter(\.isOpen)).filter(\.$respondedOn >= since) }.all()
        }
        let districts = try await DistrictLoading.districts(on: request.db)
        let names = IssueNames(
            districts: Dictionary(districts.compactMap { district in district.id.map { ($0, district.name) } }, uniquingKeysWith: { first, _ in first }),
            categories: DistrictRoutes.categoryNames(try await DistrictLoading.categories(on: request.db)),
            sections: try await DistrictLoading.sectionNames(issues.map(\.sectionCode), request: request))
        return try await request.renderPage(
            "dialogue/issue-queue", title: "dialogue.issue.queueTitle",
            breadcrumbs: [Breadcrumb(label: request.t("dialogue.issue.queueTitle"), href: nil)],
            content: IssueQueuePage.build(issues: issues, names: names, isDepartmentHead: viewer.answerScope == .department,
                                          today: request.today, localizer: request.localizer))
    }

    /// A manager is told on their home page how many issues await their section's answer; a
    /// department head how many of their department's are past their expected date.
    @Sendable static func awaitingAnswer(_ request: Request, _ user: SignedInUser) async throws -> [HomeNotice] {
        guard let scope = user.scope(of: .answerLocalIssues), scope != .own else { return [] }
        let viewer = try await DistrictViewer.load(request)
        guard !viewer.answers.isEmpty else { return [] }
        let open = try await LocalIssue.query(on: request.db).filter(\.$sectionCode ~~ Array(viewer.answers))
            .filter(\.$status ~~ LocalIssueStatus.allCases.filter(\.isOpen)).all()
        let overdue = open.filter { $0.isOverdue(today: request.today) }.count
        let link = request.t("dialogue.issue.notice.open")
        if scope == .department {
            guard overdue > 0 else { return [] }
            return [HomeNotice(message: request.t("dialogue.issue.notice.overdueForHead", count: overdue, String(overdue)), href: DistrictRoute.queue.path, linkLabel: link)]
        }
        guard !open.isEmpty else { return [] }
        return [HomeNotice(message: request.t("dialogue.issue.notice.awaiting", count: open.count, String(open.count), String(overdue)), href: DistrictRoute.queue.path, linkLabel: link)]
    }
}
