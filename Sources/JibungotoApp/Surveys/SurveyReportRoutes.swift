import Fluent
import JibungotoDomain
import SQLKit
import Vapor

/// Response rates (live, by department and by day, across cycles) and results (distributions,
/// favorable shares, department heatmap, change from the previous cycle, free text, export),
/// all under the disclosure rules, each with its privacy note.
struct SurveyReportRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, SurveysRoute.rate(.pattern), requires: .permission(.viewSurveyRates), shows: .nothing, use: rate)
        routes.on(.POST, SurveysRoute.remind(.pattern), requires: .permission(.viewSurveyRates), shows: .nothing, use: remind)
        routes.on(.GET, SurveysRoute.results(.pattern), requires: .permission(.viewSurveyResults), shows: .nothing, use: results)
        routes.on(.GET, SurveysRoute.resultsExport(.pattern), requires: .permission(.viewSurveyResults), shows: .nothing, use: export)
        routes.on(.POST, SurveysRoute.actions(.pattern), requires: .permission(.viewSurveyResults), shows: .nothing, use: addAction)
    }

    private func label(of cell: CellSpec, tree: OrganizationTree, request: Request) -> String {
        guard !cell.filters.isEmpty else { return request.t("survey.allRespondents") }
        // A department's own people: "総務部（配下の課・係に属さない職員）", not the department twice.
        let named = cell.filters.filter { !($0.key == .department && cell.filters[SurveyReleaseBuilder.direct] == $0.value) }
        return named.sorted { $0.key < $1.key }.map { dimension, value -> String in
            switch dimension {
            case .department, .section: tree.units[SectionCode(value)].map { request.text($0.localizedName) } ?? value
            case SurveyReleaseBuilder.direct: request.t("organization.directMembers", tree.units[SectionCode(value)].map { request.text($0.localizedName) } ?? value)
            case .ageBand: AgeBand(rawValue: value).map { request.text($0.label) } ?? value
            case .serviceBand: ServiceBand(rawValue: value).map { request.text($0.label) } ?? value
            default: value
            }
        }.filter { !$0.isEmpty }.joined(separator: cell.filters[.section] != nil || cell.filters[SurveyReleaseBuilder.direct] != nil ? "／" : " × ")
    }

    /// A group's name as the survey pages write it, for the page builders.
    private func labeler(tree: OrganizationTree, request: Request) -> (CellSpec) -> String {
        { label(of: $0, tree: tree, request: request) }
    }

    private func tree(for survey: Survey, today: LocalDate, on database: any Database) async throws -> OrganizationTree {
        try await OrganizationTree.load(fiscalYear: survey.organizationFiscalYear ?? today.fiscalYear.startYear, on: database)
    }

    /// The reader the signed-in user is. Every reader sees a subset of the same release
    /// (SurveyReaderScope): the whole organization, a department with its units, or a manager's
    /// department and own unit.
    private func reader(_ request: Request, tree: OrganizationTree) async throws -> SurveyReader {
        let scope = try request.scope(of: .viewSurveyRates)
        let reach: SurveyReaderReach? = switch scope {
        case .all: .organization
        case .department: .department
        case .section: .unit
        case .own: nil
        }
        // A department head's or manager's place: their unit's path in the survey's organization.
        var placement: [String] = []
        if reach == .department || reach == .unit, let root = try await OrganizationScope.root(for: request, scope: scope, tree: tree) {
            placement = tree.path(to: root).map(\.code.rawValue)
        }
        guard let reader = SurveyReaderScope.reader(reach: reach, placement: placement) else { throw Abort(.forbidden) }
        return reader
    }

    /// The name of the part a reminder reaches.
    private func reminderScopeLabel(_ scope: SurveyReminderRule.Scope, tree: OrganizationTree, request: Request) -> String {
        guard let unit = scope.unit else { return request.t("survey.allRespondents") }
        return tree.units[SectionCode(unit)].map { request.text($0.localizedName) } ?? unit
    }

    // MARK: - Response rate

    @Sendable func rate(_ request: Request) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        guard survey.status != .draft else { throw Abort(.notFound) }
        let surveyID = try survey.requireID()
        let tree = try await tree(for: survey, today: request.today, on: request.db)
        let release = try await SurveyReleases.current(survey, today: request.today, on: request.db)
        let reader = try await reader(request, tree: tree)
        let view = SurveyReaderScope.view(of: release, for: reader)
        try await request.audit(.view, subjectType: "survey_rate", subjectID: survey.titleJa)

        // The whole's rate of each cycle of the series so far, for the trend.
        var cycleRates: [CycleRate] = []
        if view.showsWholeSurveyFigures {
            let cycles = try await Survey.query(on: request.db).filter(\.$series == survey.series).filter(\.$status != .draft).sort(\.$fiscalYear).all()
            for cycle in cycles where cycle.fiscalYear <= survey.fiscalYear {
                let cycleRelease = cycle.id == survey.id ? release : try await SurveyReleases.current(cycle, today: request.today, on: request.db)
                if let rate = cycleRelease.rate(of: .all) {
                    cycleRates.append(CycleRate(fiscalYear: FiscalYear(startYear: cycle.fiscalYear), rate: rate))
                }
            }
        }
        let resultsHref = request.currentUser?.scope(of: .viewSurveyResults) != nil ? SurveysRoute.results(.id(surveyID)).path : nil
        // The reader's own reminders' part: its earlier reminders and the button for another.
        let reminderScope = SurveyReminderRule.scope(for: reader)
        let reminders = try await SurveyReminder.query(on: request.db).filter(\.$surveyID == surveyID)
            .filter(\.$scopeUnit == (reminderScope.unit ?? "")).sort(\.$sentAt, .descending).all()
        let reminding = SurveyRatePage.Reminding(
            action: survey.acceptsAnswers(today: request.today) ? SurveysRoute.remind(.id(surveyID)).path : nil,
            scopeLabel: reminderScopeLabel(reminderScope, tree: tree, request: request),
            nonRespondents: SurveyReminderRule.nonRespondents(in: reminderScope, release: release),
            sent: reminders, csrfToken: request.csrfToken)
        return try await request.renderPage(
            "surveys/rate", title: "survey.rateTitle", titleArguments: [survey.title(request.language)],
            breadcrumbs: [Breadcrumb(label: request.t("survey.title"), href: SurveysRoute.list.path), Breadcrumb(label: request.t("survey.rate"), href: nil)],
            content: SurveyRatePage.build(survey: survey, targetsFixedOn: try await SurveyOpening.targetsFixedOn(survey.requireID(), on: request.db), release: release, view: view,
                                          resultCells: SurveyReaderScope.resultCells(of: release, for: reader, reportsBySection: Survey.sheetAttributes(survey.attributes).contains(.section)),
                                          cycleRates: cycleRates, resultsHref: resultsHref,
                                          reminding: reminding, today: request.today, label: labeler(tree: tree, request: request), localizer: request.localizer))
    }

    // MARK: - Reminders (督促)

    /// Sends a reminder to every non-respondent in the reader's part: recorded with the count the
    /// reader may see (none where the release hides it) and audited. Nobody is named; those
    /// reached see a banner on their home page.
    @Sendable func remind(_ request: Request) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        guard survey.status != .draft else { throw Abort(.notFound) }
        let surveyID = try survey.requireID()
        guard survey.acceptsAnswers(today: request.today) else {
            request.flash(.error, request.t("survey.remindNotOpen"))
            return request.redirect(to: SurveysRoute.rate(.id(surveyID)).path)
        }
        let tree = try await tree(for: survey, today: request.today, on: request.db)
        let scope = SurveyReminderRule.scope(for: try await reader(request, tree: tree))
        let release = try await SurveyReleases.current(survey, today: request.today, on: request.db)
        let count = SurveyReminderRule.nonRespondents(in: scope, release: release)
        let reminder = SurveyReminder(surveyID: surveyID, sentBy: try request.requireUser().staffNumber.rawValue, sentAt: request.now,
                                      scope: scope, shownCount: count)
        let detail = "scope=\(scope.unit ?? "all") non_respondents=\(count.map(String.init) ?? "hidden")"
        try await request.db.writeTransaction { database in
            try await reminder.create(on: database)
            try await request.audit(.create, subjectType: "survey_reminder", subjectID: survey.titleJa, detail: detail, on: database)
        }
        let part = reminderScopeLabel(scope, tree: tree, request: request)
        request.flash(.success, count.map { request.t("survey.remindSent", part, String($0)) } ?? request.t("survey.remindSentCountHidden", part))
        return request.redirect(to: SurveysRoute.rate(.id(surveyID)).path)
    }

    // MARK: - Results

    @Sendable func results(_ request: Request) async throws -> Response {
        try await resultsPage(request, actionInput: [:], actionValidation: nil)
    }

    private func resultsPage(_ request: Request, actionInput: [String: String], actionValidation: FormValidation?) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        guard survey.status != .draft else { throw Abort(.notFound) }
        let surveyID = try survey.requireID()
        let breadcrumbs = [Breadcrumb(label: request.t("survey.title"), href: SurveysRoute.list.path), Breadcrumb(label: request.t("survey.results"), href: nil)]
        // An anonymous survey's results exist only once it has closed: computed then, frozen.
        guard survey.status == .closed, let release = try await SurveyReleases.stored(survey, on: request.db), release.hasResults else {
            return try await request.renderPage(
                "surveys/results-pending", title: "survey.resultsTitle", titleArguments: [survey.title(request.language)], breadcrumbs: breadcrumbs,
                content: SurveyResultsPage.pending(survey: survey, surveyID: surveyID, localizer: request.localizer))
        }
        let tree = try await tree(for: survey, today: request.today, on: request.db)
        let (departments, groups) = SurveyResultsPage.attributeCells(of: survey, release)
        let by = (try? request.query.get(String.self, at: "by")).flatMap(ReportingAttribute.init(rawValue:)) ?? .department
        let focus = (try? request.query.get(String.self, at: "department")).flatMap { departments.contains($0) ? $0 : nil }
        var previousRelease: SurveyRelease? = nil
        if let previous = try await previousCycle(of: survey, on: request.db) { previousRelease = try await SurveyReleases.stored(previous, on: request.db) }
        let actions = try await SurveyAction.query(on: request.db).filter(\.$surveyID == surveyID).sort(\.$dueOn).all()
        var actionForm = FormModel(request: request, action: SurveysRoute.actions(.id(surveyID)).path, submitLabelKey: "survey.addAction", fields: [
            FormField(request: request, name: "title", labelKey: "survey.actionTitle", value: actionInput["title"] ?? "", isRequired: true, maxLength: 200),
            FormField(request: request, name: "owner", labelKey: "survey.actionOwner", value: actionInput["owner"] ?? "", isRequired: true, maxLength: 100),
            FormField(request: request, name: "due_on", labelKey: "survey.actionDue", value: actionInput["due_on"] ?? "", hintKey: "audit.dateHint", isRequired: true, maxLength: 20),
        ])
        if let actionValidation { actionForm.apply(actionValidation, request: request) }
        let viewForm = FormModel(request: request, action: SurveysRoute.results(.id(surveyID)).path, method: .GET, submitLabelKey: "survey.showView", fields: [
            FormField(request: request, name: "department", labelKey: "survey.focus", kind: .select, value: focus ?? "",
                      options: [FormOption(value: "", label: request.t("survey.allRespondents"), isSelected: focus == nil, fieldName: "department")]
                        + departments.map { FormOption(value: $0, label: tree.units[SectionCode($0)].map { request.text($0.localizedName) } ?? $0, isSelected: $0 == focus, fieldName: "department") }),
            FormField(request: request, name: "by", labelKey: "survey.splitBy", kind: .select, value: by.rawValue,
                      options: survey.attributes.filter { $0 != .employmentType }.map { FormOption(value: $0.rawValue, label: request.text($0.label), isSelected: $0 == by, fieldName: "by") }),
        ])
        try await request.audit(.view, subjectType: "survey_results", subjectID: survey.titleJa, detail: "department=\(focus ?? "all") by=\(by.rawValue)")
        return try await request.renderPage(
            "surveys/results", title: "survey.resultsTitle", titleArguments: [survey.title(request.language)],
            breadcrumbs: breadcrumbs,
            content: SurveyResultsPage.build(
                survey: survey, surveyID: surveyID, release: release, previous: previousRelease, focus: focus, by: by,
                departments: departments, groups: groups, actions: actions, viewForm: viewForm, actionForm: actionForm,
                label: labeler(tree: tree, request: request), localizer: request.localizer),
            status: actionValidation.map { $0.isValid ? .ok : .unprocessableEntity } ?? .ok)
    }

    private func previousCycle(of survey: Survey, on database: any Database) async throws -> Survey? {
        try await Survey.query(on: database).filter(\.$series == survey.series).filter(\.$fiscalYear < survey.fiscalYear)
            .filter(\.$status == .closed).sort(\.$fiscalYear, .descending).first()
    }

    // MARK: - Export

    /// Exactly what the results pages show: every shown group's summaries, and the hidden groups
    /// with the page's own words (never a count).
    @Sendable func export(_ request: Request) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        guard survey.status == .closed, let release = try await SurveyReleases.stored(survey, on: request.db), release.hasResults else {
            throw Abort(.notFound)
        }
        let tree = try await tree(for: survey, today: request.today, on: request.db)
        let rows = SurveyResultsExport.rows(survey: survey, release: release, label: labeler(tree: tree, request: request), localizer: request.localizer)
        try await request.audit(.export, subjectType: "survey_results", subjectID: survey.titleJa, detail: "rows=\(rows.count)")
        return try CSVResponse.make(filename: "survey-results.csv", header: SurveyResultsExport.header, rows: rows, request: request)
    }

    // MARK: - Actions

    struct ActionForm: Content {
        var title: String?
        var owner: String?
        var due_on: String?
    }

    @Sendable func addAction(_ request: Request) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        let input = try request.content.decode(ActionForm.self)
        var validation = FormValidation(request: request)
        let title = validation.text("title", input.title, labelKey: "survey.actionTitle", maxLength: 200)
        let owner = validation.text("owner", input.owner, labelKey: "survey.actionOwner", maxLength: 100)
        let due = validation.date("due_on", input.due_on, labelKey: "survey.actionDue")
        guard validation.isValid, let due else {
            return try await resultsPage(request, actionInput: ["title": input.title ?? "", "owner": input.owner ?? "", "due_on": input.due_on ?? ""], actionValidation: validation)
        }
        let action = SurveyAction()
        action.surveyID = try survey.requireID()
        action.title = title
        action.owner = owner
        action.dueOn = due
        action.createdBy = try request.requireUser().staffNumber.rawValue
        try await action.create(on: request.db)
        request.flash(.success, request.t("survey.actionAdded"))
        return request.redirect(to: SurveysRoute.results(.id(try survey.requireID())).path)
    }
}
