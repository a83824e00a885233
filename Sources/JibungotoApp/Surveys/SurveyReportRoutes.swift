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
            case .department, .section: tree.units[value].map { localizedName($0, request) } ?? value
            case .ageBand: AgeBand(rawValue: value)?.label.text(language: language) ?? value
            case .serviceBand: ServiceBand(rawValue: value)?.label.text(language: language) ?? value
            default: value
            }
        }.joined(separator: " × ")
    }

    private func privacyNotes(_ result: SuppressionResult, k: Int, tree: OrganizationTree, request: Request) -> [PrivacyNote] {
        result.privacyNote.map { PrivacyNote(cell: label(of: $0.cell, tree: tree, request: request), reason: $0.reason.message(language: request.language.rawValue, k: k)) }
    }

    private func tree(for survey: Survey, on database: any Database) async throws -> OrganizationTree {
        try await OrganizationTree.load(fiscalYear: survey.organizationFiscalYear ?? LocalDateClock.today().fiscalYear.startYear, on: database)
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
        let submitted: String
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
        let tree = try await tree(for: survey, on: request.db)
        let targets = try await SurveyTarget.query(on: request.db).filter(\.$surveyID == surveyID).all()
        let completions = try await SurveyCompletion.query(on: request.db).filter(\.$surveyID == surveyID).all()
        let answered = Set(completions.map(\.staffNumber))
        let policy = survey.policy
        // The units this user may see: everything, or their department with its sections.
        var scopeNote: String? = nil
        let unitCells: [CellSpec]
        var partitions: [CellPartition] = []
        var visibleTargets = targets
        if scope == .all {
            let departments = Array(Set(targets.map(\.departmentCode))).sorted()
            unitCells = [.all] + departments.map(CellSpec.department)
            partitions = [CellPartition(parent: .all, children: departments.map(CellSpec.department))]
        } else {
            guard let root = try await OrganizationScope.root(for: request, scope: scope, tree: tree),
                  let department = tree.department(of: root)?.code else { throw Abort(.forbidden) }
            visibleTargets = targets.filter { $0.departmentCode == department }
            let departmentCell = CellSpec.department(department)
            if scope == .department {
                let sections = Array(Set(visibleTargets.map(\.sectionCode))).sorted()
                unitCells = [departmentCell] + sections.map { departmentCell.with(.section, $0) }
                partitions = [CellPartition(parent: departmentCell, children: sections.map { departmentCell.with(.section, $0) })]
            } else {
                // A manager sees their section (with the units below it) only when it has at least
                // k members; otherwise their department's figure alone.
                let units = tree.subtree(of: root)
                let sectionMembers = visibleTargets.filter { units.contains($0.sectionCode) }
                if sectionMembers.count >= policy.k {
                    unitCells = [departmentCell, departmentCell.with(.section, root)]
                    partitions = []
                } else {
                    unitCells = [departmentCell]
                    scopeNote = request.t("survey.smallSectionNote", String(policy.k))
                }
            }
        }
        var counts: [CellSpec: CellCount] = [:]
        for cell in unitCells {
            let members = visibleTargets.filter { target in
                (cell.filters[.department].map { target.departmentCode == $0 } ?? true)
                    && (cell.filters[.section].map { tree.subtree(of: $0).contains(target.sectionCode) || target.sectionCode == $0 } ?? true)
            }
            let universe = cell == .all ? targets : members
            counts[cell] = CellCount(respondents: universe.filter { answered.contains($0.staffNumber) }.count, members: universe.count)
        }
        let rates = ResponseRate.byUnit(counts: counts, hierarchy: CellHierarchy(partitions: partitions), target: survey.targetRate, policy: policy)
        func row(_ unit: UnitRate) -> RateRow {
            guard unit.isShown, let value = unit.rate else {
                return RateRow(label: label(of: unit.unit, tree: tree, request: request), respondents: "—", members: "—", rate: "—", meetsTarget: false, isSuppressed: true)
            }
            return RateRow(label: label(of: unit.unit, tree: tree, request: request), respondents: String(unit.count.respondents),
                           members: String(unit.count.members ?? 0), rate: ResponseRate.percentText(value), meetsTarget: value >= survey.targetRate, isSuppressed: false)
        }
        let ordered = unitCells.compactMap { cell in rates.first { $0.unit == cell } }
        let suppression = DisclosureControl.suppress(cells: unitCells, counts: counts, hierarchy: CellHierarchy(partitions: partitions), policy: policy)
        try await request.audit(.view, subjectType: "survey_rate", subjectID: survey.titleJa)

        // Daily and trend figures are whole-survey figures: only for the all-staff scope.
        var daily: [DailyRow] = [], dailyChart: String? = nil, trend: [TrendRow] = [], trendChart: String? = nil
        if scope == .all, let first = LocalDate(iso: survey.opensOn), let closes = LocalDate(iso: survey.closesOn) {
            let last = min(closes, LocalDateClock.today())
            let days = try await SurveyResponseRecord.query(on: request.db).filter(\.$surveyID == surveyID).all(\.$day)
            let perDay = Dictionary(grouping: days.compactMap(LocalDate.init(iso:)), by: { $0 }).mapValues(\.count)
            let points = ResponseRate.cumulative(dailyCounts: perDay, from: first, through: max(first, last), members: targets.count)
            daily = points.map { DailyRow(day: DateFormatting.format(date: $0.day, preferences: request.preferences), submitted: String($0.submitted), rate: $0.rate.map(ResponseRate.percentText) ?? "—") }
            dailyChart = SVGChart.percentLine(points.map { SVGChart.Point(label: "\($0.day.month)/\($0.day.day)", value: $0.rate.map { $0 * 100 }) }, target: survey.targetRate * 100)
            let cycles = try await Survey.query(on: request.db).filter(\.$series == survey.series).filter(\.$status != Survey.Status.draft.rawValue).sort(\.$fiscalYear).all()
            var cycleRates: [CycleRate] = []
            for cycle in cycles where cycle.fiscalYear <= survey.fiscalYear {
                let id = try cycle.requireID()
                let members = try await SurveyTarget.query(on: request.db).filter(\.$surveyID == id).count()
                let respondents = try await SurveyCompletion.query(on: request.db).filter(\.$surveyID == id).count()
                if let value = ResponseRate.rate(respondents: respondents, members: members) {
                    cycleRates.append(CycleRate(fiscalYear: FiscalYear(startYear: cycle.fiscalYear), rate: value))
                }
            }
            let trendPoints = ResponseRate.trend(cycleRates)
            trend = trendPoints.map { point in
                TrendRow(fiscalYear: DateFormatting.format(fiscalYear: point.fiscalYear.startYear, preferences: request.preferences),
                         rate: ResponseRate.percentText(point.rate),
                         change: point.changeInPoints.map { String(format: "%+.1f", $0) } ?? "—")
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
                overall: row(ordered.first!), rows: Array(ordered.dropFirst().map(row)),
                rowsHeading: request.t(scope == .all ? "cycle.byDepartment" : "cycle.bySection"),
                scopeNote: scopeNote, dailyChart: dailyChart, daily: daily, trendChart: trendChart, trend: trend,
                privacy: privacyNotes(suppression, k: policy.k, tree: tree, request: request),
                resultsHref: request.currentUser?.scope(of: .viewSurveyResults) != nil ? SurveysRoute.results(.id(surveyID)).path : nil))
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

    private func resultsPage(_ request: Request, actionInput: [String: String], actionValidation: FormValidation?) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        guard survey.status != Survey.Status.draft.rawValue else { throw Abort(.notFound) }
        let surveyID = try survey.requireID()
        let language = request.language.rawValue
        let tree = try await tree(for: survey, on: request.db)
        let statistics = try await SurveyStatistics.load(survey, on: request.db)
        let by = (try? request.query.get(String.self, at: "by")).flatMap(ReportingAttribute.init(rawValue:)) ?? .department
        let focus = (try? request.query.get(String.self, at: "department")).flatMap { statistics.departments.contains($0) ? $0 : nil }
        // The rows of this view: the focus (all, or one department) and its split by the chosen attribute.
        let parent = focus.map(CellSpec.department) ?? .all
        let dimension = CellDimension(rawValue: by.rawValue)
        let rowCells = [parent] + statistics.cells.filter { cell in
            cell.filters[dimension] != nil && cell.filters.count == parent.filters.count + 1 && parent.filters.allSatisfy { cell.filters[$0.key] == $0.value }
        }
        let scaleQuestions = survey.questions.filter { $0.kind.isScale }
        let heatmap = rowCells.map { cell -> HeatmapRow in
            let shown = statistics.suppression.isShown(cell)
            return HeatmapRow(
                label: label(of: cell, tree: tree, request: request),
                respondents: shown ? String(statistics.counts[cell]?.respondents ?? 0) : "—",
                cells: scaleQuestions.map { question in
                    guard let share = statistics.summary(of: question, in: cell)?.favorableShare else { return HeatmapCell(text: "—", level: -1) }
                    return HeatmapCell(text: ResponseRate.percentText(share), level: min(4, Int(share * 5)))
                })
        }
        let previous = try await previousCycle(of: survey, on: request.db)
        var previousStatistics: SurveyStatistics? = nil
        if let previous { previousStatistics = try await SurveyStatistics.load(previous, on: request.db) }
        let questions = survey.questions.filter { $0.kind != .freeText }.enumerated().map { index, question -> QuestionResult in
            let summary = statistics.summary(of: question, in: parent)
            let labels: [(String, String)]
            switch question.kind {
            case .likert5: labels = (1...5).map { (String($0), request.t("survey.likert.\($0)")) }
            case .scale0to10: labels = (0...10).map { (String($0), String($0)) }
            default: labels = question.options.map { ($0.key, $0.label.text(language: language)) }
            }
            let answered = summary?.answered ?? 0
            let distribution = labels.map { key, text in
                let count = summary?.distribution[key] ?? 0
                return DistributionRow(label: text, count: count, share: answered > 0 ? ResponseRate.percentText(Double(count) / Double(answered)) : "—")
            }
            let earlier = previousStatistics.flatMap { $0.summary(of: question, in: parent)?.favorableShare }
            return QuestionResult(
                number: "Q\(index + 1)",
                text: question.text.text(language: language),
                answered: summary == nil ? request.t("survey.suppressed") : String(answered),
                favorable: summary?.favorableShare.map(ResponseRate.percentText),
                mean: summary?.mean.map { String(format: "%.2f", $0) },
                previous: zip2(summary?.favorableShare, earlier).map { now, then in
                    request.t("survey.change", ResponseRate.percentText(then), String(format: "%+.1f", (now - then) * 100))
                },
                chart: summary == nil ? "" : SVGChart.percentBars(distribution.map { row in
                    SVGChart.Point(label: row.label, value: answered > 0 ? Double(row.count) * 100 / Double(answered) : nil)
                }),
                distribution: summary == nil ? [] : distribution)
        }
        // Free text: only for all respondents, only when there are at least freeTextK of them.
        var comments: [String]? = nil
        if parent == .all, let freeText = survey.questions.first(where: { $0.kind == .freeText }) {
            let texts = try await SurveyAnswerRecord.query(on: request.db).join(SurveyResponseRecord.self, on: \SurveyAnswerRecord.$responseID == \SurveyResponseRecord.$id)
                .filter(SurveyResponseRecord.self, \.$surveyID == surveyID).filter(\.$questionID == freeText.id).all(\.$value)
            comments = FreeTextRelease.release(texts: texts, groupSize: statistics.counts[.all]?.respondents ?? 0, policy: survey.policy,
                                               seed: withUnsafeBytes(of: surveyID.uuid) { $0.loadUnaligned(as: UInt64.self) })
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
                        + statistics.departments.map { FormOption(value: $0, label: tree.units[$0].map { localizedName($0, request) } ?? $0, isSelected: $0 == focus, fieldName: "department") }),
            FormField(request: request, name: "by", labelKey: "survey.splitBy", kind: .select, value: by.rawValue,
                      options: survey.attributes.filter { $0 != .employmentType }.map { FormOption(value: $0.rawValue, label: $0.label.text(language: language), isSelected: $0 == by, fieldName: "by") }),
        ])
        try await request.audit(.view, subjectType: "survey_results", subjectID: survey.titleJa, detail: "department=\(focus ?? "all") by=\(by.rawValue)")
        return try await request.renderPage(
            "surveys/results", title: "survey.resultsTitle", titleArguments: [survey.title(request.language)],
            breadcrumbs: [Breadcrumb(label: request.t("survey.title"), href: SurveysRoute.list.path), Breadcrumb(label: request.t("survey.results"), href: nil)],
            content: ResultsContent(
                title: survey.title(request.language), viewForm: viewForm,
                heatmapCaption: request.t("survey.heatmapCaption", String(survey.k)),
                questionHeads: survey.questions.filter { $0.kind != .freeText }.enumerated().filter { $0.element.kind.isScale }.map { "Q\($0.offset + 1)" },
                heatmap: heatmap, questions: questions, comments: comments,
                commentsNote: request.t("survey.commentsNote", String(survey.freeTextK)),
                privacy: privacyNotes(statistics.suppression, k: survey.k, tree: tree, request: request),
                k: survey.k, exportHref: SurveysRoute.resultsExport(.id(surveyID)).path, rateHref: SurveysRoute.rate(.id(surveyID)).path,
                actions: actions, actionForm: actionForm),
            status: actionValidation.map { $0.isValid ? .ok : .unprocessableEntity } ?? .ok)
    }

    private func previousCycle(of survey: Survey, on database: any Database) async throws -> Survey? {
        try await Survey.query(on: database).filter(\.$series == survey.series).filter(\.$fiscalYear < survey.fiscalYear)
            .filter(\.$status == Survey.Status.closed.rawValue).sort(\.$fiscalYear, .descending).first()
    }

    // MARK: - Export

    @Sendable func export(_ request: Request) async throws -> Response {
        let survey = try await SurveyAccess.find(request)
        guard survey.status != Survey.Status.draft.rawValue else { throw Abort(.notFound) }
        let tree = try await tree(for: survey, on: request.db)
        let statistics = try await SurveyStatistics.load(survey, on: request.db)
        var rows: [[String]] = []
        for cell in statistics.suppression.shown {
            for question in survey.questions where question.kind != .freeText {
                guard let summary = statistics.summary(of: question, in: cell) else { continue }
                let distribution = summary.distribution.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " ")
                rows.append([label(of: cell, tree: tree, request: request), question.id, question.text.ja, String(summary.answered),
                             summary.favorableShare.map { String(format: "%.1f", $0 * 100) } ?? "", summary.mean.map { String(format: "%.2f", $0) } ?? "", distribution])
            }
        }
        for note in statistics.suppression.privacyNote {
            rows.append([label(of: note.cell, tree: tree, request: request), "", request.t("survey.suppressed"), "", "", "", note.reason.auditMessage(language: request.language.rawValue, k: survey.k)])
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
