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
        routes.on(.GET, SurveysRoute.results(.pattern), requires: .permission(.viewSurveyResults), shows: .nothing, use: results)
        routes.on(.GET, SurveysRoute.resultsExport(.pattern), requires: .permission(.viewSurveyResults), shows: .nothing, use: export)
        routes.on(.POST, SurveysRoute.actions(.pattern), requires: .permission(.viewSurveyResults), shows: .nothing, use: addAction)
    }

    struct PrivacyNote: Encodable, Sendable {
        let cell: String
        let reason: String
    }

    private func label(of cell: CellSpec, tree: OrganizationTree, request: Request) -> String {
        let language = request.language.rawValue
        guard !cell.filters.isEmpty else { return request.t("survey.allRespondents") }
        return cell.filters.sorted { $0.key < $1.key }.map { dimension, value -> String in
            switch dimension {
            case .department, .section: tree.units[value].map { request.text($0.localizedName) } ?? value
            case SurveyReleaseBuilder.direct: request.t("survey.directMembers", tree.units[value].map { request.text($0.localizedName) } ?? value)
            case .ageBand: AgeBand(rawValue: value)?.label.text(language: language) ?? value
            case .serviceBand: ServiceBand(rawValue: value)?.label.text(language: language) ?? value
            default: value
            }
        }.filter { !$0.isEmpty }.joined(separator: cell.filters[.section] != nil || cell.filters[SurveyReleaseBuilder.direct] != nil ? "／" : " × ")
    }

    private func privacyNotes(_ release: SurveyRelease, cells: [CellSpec], tree: OrganizationTree, request: Request) -> [PrivacyNote] {
        cells.filter { release.hidden[$0] != nil }.sorted().map { cell in
            PrivacyNote(cell: label(of: cell, tree: tree, request: request),
                        reason: release.hidden[cell]!.message(language: request.language.rawValue, k: release.policy.k) { label(of: $0, tree: tree, request: request) })
        }
    }

    private func tree(for survey: Survey, today: LocalDate, on database: any Database) async throws -> OrganizationTree {
        try await OrganizationTree.load(fiscalYear: survey.organizationFiscalYear ?? today.fiscalYear.startYear, on: database)
    }

    // MARK: - Response rate

    struct RateContent: Encodable, Sendable {
        let title: String
        let target: String
        let overall: RateRow
        let rows: [RateRow]
        let rowsHeading: String
        let scopeNote: String?
        let dailyChart: String?
        let daily: [DailyRow]
        let trendChart: String?
        let trend: [TrendRow]
        let privacy: [PrivacyNote]
        /// Why some days of the curve show no figure.
        let dailyNote: String?
        /// While the survey is open: results appear only after it closes.
        let resultsNote: String?
        let resultsHref: String?
    }

    struct RateRow: Encodable, Sendable {
        let label: String
        let respondents: String
        let members: String
        let rate: String
        let meetsTarget: Bool
        let isSuppressed: Bool
    }

    struct DailyRow: Encodable, Sendable {
        let day: String
        let cumulative: String
        let rate: String
    }

    struct TrendRow: Encodable, Sendable {
        let fiscalYear: String
        let rate: String
        let change: String
    }

    @Sendable func rate(_ request: Request) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        guard survey.status != Survey.Status.draft.rawValue else { throw Abort(.notFound) }
        let surveyID = try survey.requireID()
        let scope = try request.scope(of: .viewSurveyRates)
        let tree = try await tree(for: survey, today: request.today, on: request.db)
        let release = try await SurveyReleases.current(survey, today: request.today, on: request.db)
        // Every reader sees a subset of the same release: the whole organization, a department
        // with its units, or a manager's department and own unit.
        let reader: SurveyReader
        var scopeNote: String? = nil
        if scope == .all {
            reader = .organization
        } else {
            guard let root = try await OrganizationScope.root(for: request, scope: scope, tree: tree),
                  let department = tree.department(of: root)?.code else { throw Abort(.forbidden) }
            reader = scope == .department || root == department ? .department(department) : .unit(department: department, unit: root)
            if case .unit = reader, !release.isShown(SurveyReleaseBuilder.unitCell(department: department, unit: root)) {
                scopeNote = request.t("survey.smallSectionNote", String(survey.k))
            }
        }
        var cells = release.view(reader)
        if case .unit = reader { cells = cells.filter(release.isShown) }
        // Nothing of the reader's own part may be shown: their department's row says so — never
        // another part's figure in its place.
        if cells.isEmpty {
            switch reader {
            case .organization: cells = [.all]
            case .department(let department), .unit(let department, _): cells = [.department(department)]
            }
        }
        func row(_ cell: CellSpec) -> RateRow {
            guard let figure = release.figures[cell], let members = figure.members, let value = ResponseRate.rate(respondents: figure.respondents, members: members) else {
                return RateRow(label: label(of: cell, tree: tree, request: request), respondents: "—", members: "—", rate: "—", meetsTarget: false, isSuppressed: true)
            }
            return RateRow(label: label(of: cell, tree: tree, request: request), respondents: String(figure.respondents),
                           members: String(members), rate: ResponseRate.percentText(value), meetsTarget: value >= survey.targetRate, isSuppressed: false)
        }
        try await request.audit(.view, subjectType: "survey_rate", subjectID: survey.titleJa)

        // Daily and trend figures are whole-survey figures: only for the all-staff scope.
        var daily: [DailyRow] = [], dailyChart: String? = nil, trend: [TrendRow] = [], trendChart: String? = nil
        if scope == .all {
            let members = try await SurveyTarget.query(on: request.db).filter(\.$surveyID == surveyID).count()
            daily = release.daily.map { point in
                DailyRow(day: DateFormatting.format(date: point.day, preferences: request.preferences),
                         cumulative: point.cumulative.map(String.init) ?? "—",
                         rate: point.cumulative.flatMap { ResponseRate.rate(respondents: $0, members: members) }.map(ResponseRate.percentText) ?? "—")
            }
            if !release.daily.isEmpty {
                dailyChart = SVGChart.percentLine(release.daily.map { point in
                    SVGChart.Point(label: "\(point.day.month)/\(point.day.day)", value: point.cumulative.flatMap { ResponseRate.rate(respondents: $0, members: members) }.map { $0 * 100 })
                }, target: survey.targetRate * 100)
            }
            let cycles = try await Survey.query(on: request.db).filter(\.$series == survey.series).filter(\.$status != Survey.Status.draft.rawValue).sort(\.$fiscalYear).all()
            var cycleRates: [CycleRate] = []
            for cycle in cycles where cycle.fiscalYear <= survey.fiscalYear {
                let cycleRelease = cycle.id == survey.id ? release : try await SurveyReleases.current(cycle, today: request.today, on: request.db)
                if let figure = cycleRelease.figures[.all], let members = figure.members, let value = ResponseRate.rate(respondents: figure.respondents, members: members) {
                    cycleRates.append(CycleRate(fiscalYear: FiscalYear(startYear: cycle.fiscalYear), rate: value))
                }
            }
            let trendPoints = ResponseRate.trend(cycleRates)
            trend = trendPoints.enumerated().map { index, point in
                let year = DateFormatting.format(fiscalYear: point.fiscalYear.startYear, preferences: request.preferences)
                let stillOpen = point.fiscalYear.startYear == survey.fiscalYear && survey.status != Survey.Status.closed.rawValue
                return TrendRow(fiscalYear: stillOpen ? request.t("survey.openCycle", year) : year,
                         rate: ResponseRate.percentText(point.rate),
                         change: index > 0 ? ResponseRate.pointChangeText(from: trendPoints[index - 1].rate, to: point.rate) : "—")
            }
            trendChart = trendPoints.count > 1 ? SVGChart.percentLine(trendPoints.map {
                SVGChart.Point(label: DateFormatting.format(fiscalYear: $0.fiscalYear.startYear, preferences: request.preferences), value: $0.rate * 100)
            }, target: survey.targetRate * 100) : nil
        }
        return try await request.renderPage(
            "surveys/rate", title: "survey.rateTitle", titleArguments: [survey.title(request.language)],
            breadcrumbs: [Breadcrumb(label: request.t("survey.title"), href: SurveysRoute.list.path), Breadcrumb(label: request.t("survey.rate"), href: nil)],
            content: RateContent(
                title: survey.title(request.language), target: ResponseRate.percentText(survey.targetRate),
                overall: row(cells[0]), rows: Array(cells.dropFirst().map(row)),
                rowsHeading: request.t(scope == .all ? "cycle.byDepartment" : "cycle.bySection"),
                scopeNote: scopeNote, dailyChart: dailyChart, daily: daily, trendChart: trendChart, trend: trend,
                privacy: privacyNotes(release, cells: cells, tree: tree, request: request),
                dailyNote: release.daily.contains { $0.cumulative == nil } ? request.t("survey.dailyNote", String(survey.k)) : nil,
                resultsNote: survey.status == Survey.Status.closed.rawValue ? nil : request.t("survey.resultsAfterClosing"),
                resultsHref: request.currentUser?.scope(of: .viewSurveyResults) != nil && survey.status == Survey.Status.closed.rawValue ? SurveysRoute.results(.id(surveyID)).path : nil))
    }

    // MARK: - Results

    struct ResultsContent: Encodable, Sendable {
        let title: String
        let viewForm: FormModel
        let heatmapCaption: String
        let questionHeads: [String]
        let heatmap: [HeatmapRow]
        let questions: [QuestionResult]
        let comments: [String]?
        let commentsNote: String
        let privacy: [PrivacyNote]
        let k: Int
        let exportHref: String
        let rateHref: String
        let actions: [ActionRow]
        let actionForm: FormModel
    }

    struct HeatmapRow: Encodable, Sendable {
        let label: String
        let respondents: String
        let cells: [HeatmapCell]
    }

    struct HeatmapCell: Encodable, Sendable {
        let text: String
        let level: Int
    }

    struct QuestionResult: Encodable, Sendable {
        let number: String
        let text: String
        let answered: String
        let favorable: String?
        let mean: String?
        let previous: String?
        let chart: String
        let distribution: [DistributionRow]
    }

    struct DistributionRow: Encodable, Sendable {
        let label: String
        let count: Int
        let share: String
    }

    struct ActionRow: Encodable, Sendable {
        let title: String
        let owner: String
        let due: String
    }

    @Sendable func results(_ request: Request) async throws -> Response {
        try await resultsPage(request, actionInput: [:], actionValidation: nil)
    }

    /// The attribute cells of a release (the results' groups), by dimension, in display order.
    private func attributeCells(_ release: SurveyRelease) -> (departments: [String], cells: Set<CellSpec>) {
        let attributeDimensions: Set<CellDimension> = [.department, .ageBand, .serviceBand]
        let cells = Set(release.figures.keys).union(release.hidden.keys).filter { cell in
            !cell.filters.isEmpty && Set(cell.filters.keys).isSubset(of: attributeDimensions)
        }
        let departments = cells.filter { $0.filters.count == 1 }.compactMap { $0.filters[.department] }.sorted()
        return (departments, cells)
    }

    private func resultsPage(_ request: Request, actionInput: [String: String], actionValidation: FormValidation?) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        guard survey.status != Survey.Status.draft.rawValue else { throw Abort(.notFound) }
        let surveyID = try survey.requireID()
        let breadcrumbs = [Breadcrumb(label: request.t("survey.title"), href: SurveysRoute.list.path), Breadcrumb(label: request.t("survey.results"), href: nil)]
        // An anonymous survey's results exist only once it has closed: computed then, frozen.
        guard survey.status == Survey.Status.closed.rawValue, let release = try await SurveyReleases.stored(survey, on: request.db), release.hasResults else {
            return try await request.renderPage(
                "surveys/results-pending", title: "survey.resultsTitle", titleArguments: [survey.title(request.language)], breadcrumbs: breadcrumbs,
                content: PendingContent(message: request.t("survey.resultsAfterClosing"), closesOn: DateFormatting.format(iso: survey.closesOn, preferences: request.preferences),
                                        rateHref: SurveysRoute.rate(.id(surveyID)).path))
        }
        let language = request.language.rawValue
        let tree = try await tree(for: survey, today: request.today, on: request.db)
        let (departments, groups) = attributeCells(release)
        let by = (try? request.query.get(String.self, at: "by")).flatMap(ReportingAttribute.init(rawValue:)) ?? .department
        let focus = (try? request.query.get(String.self, at: "department")).flatMap { departments.contains($0) ? $0 : nil }
        // The rows of this view: the focus (all, or one department) and its split by the chosen attribute.
        let parent = focus.map(CellSpec.department) ?? .all
        let dimension = CellDimension(rawValue: by.rawValue)
        let values: [String] = switch by {
        case .department: departments
        case .ageBand: AgeBand.allCases.map(\.rawValue)
        case .serviceBand: ServiceBand.allCases.map(\.rawValue)
        case .employmentType: []
        }
        let rowCells = [parent] + values.map { parent.with(dimension, $0) }.filter(groups.contains)
        let scaleQuestions = survey.questions.filter { $0.kind.isScale }
        let heatmap = rowCells.map { cell -> HeatmapRow in
            HeatmapRow(
                label: label(of: cell, tree: tree, request: request),
                respondents: release.figures[cell].map { String($0.respondents) } ?? "—",
                cells: scaleQuestions.map { question in
                    guard let share = release.summaries[cell]?[question.id]?.favorableShare else { return HeatmapCell(text: "—", level: -1) }
                    return HeatmapCell(text: ResponseRate.percentText(share), level: min(4, Int(share * 5)))
                })
        }
        var previousRelease: SurveyRelease? = nil
        if let previous = try await previousCycle(of: survey, on: request.db) { previousRelease = try await SurveyReleases.stored(previous, on: request.db) }
        let questions = survey.questions.filter { $0.kind != .freeText }.enumerated().map { index, question -> QuestionResult in
            let summary = release.summaries[parent]?[question.id]
            let labels: [(String, String)]
            switch question.kind {
            case .likert5: labels = (1...5).map { (String($0), request.t("survey.likert.\($0)")) }
            case .scale0to10: labels = (0...10).map { (String($0), String($0)) }
            default: labels = question.options.map { ($0.key, $0.label.text(language: language)) }
            }
            let answered = summary?.answered ?? 0
            let distribution = labels.map { key, text in
                let count = summary?.counts[key] ?? 0
                return DistributionRow(label: text, count: count, share: answered > 0 ? ResponseRate.percentText(Double(count) / Double(answered)) : "—")
            }
            let earlier = previousRelease?.summaries[parent]?[question.id]?.favorableShare
            return QuestionResult(
                number: "Q\(index + 1)",
                text: question.text.text(language: language),
                answered: summary == nil ? request.t("survey.suppressed") : String(answered),
                favorable: summary?.favorableShare.map(ResponseRate.percentText),
                mean: summary?.mean.map { String(format: "%.2f", $0) },
                previous: zip2(summary?.favorableShare, earlier).map { now, then in
                    request.t("survey.change", ResponseRate.percentText(then), ResponseRate.pointChangeText(from: then, to: now))
                },
                chart: summary == nil ? "" : SVGChart.percentBars(distribution.map { row in
                    SVGChart.Point(label: row.label, value: answered > 0 ? Double(row.count) * 100 / Double(answered) : nil)
                }),
                distribution: summary == nil ? [] : distribution)
        }
        let actions = try await SurveyAction.query(on: request.db).filter(\.$surveyID == surveyID).sort(\.$dueOn).all().map {
            ActionRow(title: $0.title, owner: $0.owner, due: DateFormatting.format(iso: $0.dueOn, preferences: request.preferences))
        }
        var actionForm = FormModel(request: request, action: SurveysRoute.actions(.id(surveyID)).path, submitLabelKey: "survey.addAction", fields: [
            FormField(request: request, name: "title", labelKey: "survey.actionTitle", value: actionInput["title"] ?? "", isRequired: true, maxLength: 200),
            FormField(request: request, name: "owner", labelKey: "survey.actionOwner", value: actionInput["owner"] ?? "", isRequired: true, maxLength: 100),
            FormField(request: request, name: "due_on", labelKey: "survey.actionDue", value: actionInput["due_on"] ?? "", hintKey: "audit.dateHint", isRequired: true, maxLength: 20),
        ])
        if let actionValidation { actionForm.apply(actionValidation, request: request) }
        let viewForm = FormModel(request: request, action: SurveysRoute.results(.id(surveyID)).path, method: .GET, submitLabelKey: "survey.showView", fields: [
            FormField(request: request, name: "department", labelKey: "survey.focus", kind: .select, value: focus ?? "",
                      options: [FormOption(value: "", label: request.t("survey.allRespondents"), isSelected: focus == nil, fieldName: "department")]
                        + departments.map { FormOption(value: $0, label: tree.units[$0].map { request.text($0.localizedName) } ?? $0, isSelected: $0 == focus, fieldName: "department") }),
            FormField(request: request, name: "by", labelKey: "survey.splitBy", kind: .select, value: by.rawValue,
                      options: survey.attributes.filter { $0 != .employmentType }.map { FormOption(value: $0.rawValue, label: $0.label.text(language: language), isSelected: $0 == by, fieldName: "by") }),
        ])
        try await request.audit(.view, subjectType: "survey_results", subjectID: survey.titleJa, detail: "department=\(focus ?? "all") by=\(by.rawValue)")
        return try await request.renderPage(
            "surveys/results", title: "survey.resultsTitle", titleArguments: [survey.title(request.language)],
            breadcrumbs: breadcrumbs,
            content: ResultsContent(
                title: survey.title(request.language), viewForm: viewForm,
                heatmapCaption: request.t("survey.heatmapCaption", String(survey.k)),
                questionHeads: survey.questions.filter { $0.kind != .freeText }.enumerated().filter { $0.element.kind.isScale }.map { "Q\($0.offset + 1)" },
                heatmap: heatmap, questions: questions, comments: parent == .all ? release.comments : nil,
                commentsNote: parent == .all ? request.t("survey.commentsNote", String(survey.freeTextK)) : request.t("survey.commentsWholeOnly"),
                privacy: privacyNotes(release, cells: rowCells, tree: tree, request: request),
                k: survey.k, exportHref: SurveysRoute.resultsExport(.id(surveyID)).path, rateHref: SurveysRoute.rate(.id(surveyID)).path,
                actions: actions, actionForm: actionForm),
            status: actionValidation.map { $0.isValid ? .ok : .unprocessableEntity } ?? .ok)
    }

    struct PendingContent: Encodable, Sendable {
        let message: String
        let closesOn: String
        let rateHref: String
    }

    private func previousCycle(of survey: Survey, on database: any Database) async throws -> Survey? {
        try await Survey.query(on: database).filter(\.$series == survey.series).filter(\.$fiscalYear < survey.fiscalYear)
            .filter(\.$status == Survey.Status.closed.rawValue).sort(\.$fiscalYear, .descending).first()
    }

    // MARK: - Export

    /// Exactly what the results pages show: every shown group's summaries, and the hidden groups
    /// with the page's own words (never a count).
    @Sendable func export(_ request: Request) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        guard survey.status == Survey.Status.closed.rawValue, let release = try await SurveyReleases.stored(survey, on: request.db), release.hasResults else {
            throw Abort(.notFound)
        }
        let tree = try await tree(for: survey, today: request.today, on: request.db)
        let groups = [CellSpec.all] + attributeCells(release).cells.sorted()
        var rows: [[String]] = []
        for cell in groups {
            guard let summaries = release.summaries[cell] else { continue }
            for question in survey.questions where question.kind != .freeText {
                guard let summary = summaries[question.id] else { continue }
                let distribution = summary.keys.map { "\($0):\(summary.counts[$0] ?? 0)" }.joined(separator: " ")
                rows.append([label(of: cell, tree: tree, request: request), question.id, question.text.ja, String(summary.answered),
                             summary.favorableShare.map { String(format: "%.1f", $0 * 100) } ?? "", summary.mean.map { String(format: "%.2f", $0) } ?? "", distribution])
            }
        }
        for note in privacyNotes(release, cells: groups, tree: tree, request: request) {
            rows.append([note.cell, "", request.t("survey.suppressed"), "", "", "", note.reason])
        }
        try await request.audit(.export, subjectType: "survey_results", subjectID: survey.titleJa, detail: "rows=\(rows.count)")
        return try CSVResponse.make(filename: "survey-results.csv", header: ["集団", "設問ID", "設問", "回答数", "肯定的回答率(%)", "平均", "分布"], rows: rows, request: request)
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
        action.dueOn = due.iso
        action.createdBy = try request.requireUser().staffNumber
        try await action.create(on: request.db)
        request.flash(.success, request.t("survey.actionAdded"))
        return request.redirect(to: SurveysRoute.results(.id(try survey.requireID())).path)
    }
}

private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
