import Foundation
import JibungotoDomain

/// 集計結果 of a closed survey: the heatmap of the chosen view, each question's distribution with
/// its change from the previous cycle, the comments of the whole, the actions, the privacy note.
enum SurveyResultsPage {
    struct Content: Encodable, Sendable {
        let title: String
        let viewForm: FormModel
        let heatmapCaption: String
        /// The split by section before a department is chosen.
        let splitNote: String?
        let questionHeads: [String]
        let heatmap: [HeatmapRow]
        let questions: [QuestionResult]
        let comments: [CommentRow]?
        let commentsNote: String
        let privacy: [SurveyPrivacyNote]
        let k: Int
        let exportHref: String
        let rateHref: String
        let actions: [ActionRow]
        let actionForm: FormModel
    }

    /// A released comment, identical ones once with how many wrote it.
    struct CommentRow: Encodable, Sendable {
        let text: String
        let count: String?
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
        /// eNPS of a 0–10 question, only where its group is shown and at least k answered it.
        let netPromoter: String?
        let previous: String?
        let chart: ChartSVG?
        /// The distribution as one stacked bar (Likert and 0–10 questions), lowest point first.
        let stackedChart: ChartSVG?
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

    /// Before the survey has closed: results do not exist yet.
    struct PendingContent: Encodable, Sendable {
        let message: String
        let closesOn: String
        let rateHref: String
    }

    static func pending(survey: Survey, surveyID: UUID, localizer: Localizer) -> PendingContent {
        PendingContent(message: localizer.t("survey.resultsAfterClosing"), closesOn: localizer.date(survey.closesOn),
                       rateHref: SurveysRoute.rate(.id(surveyID)).path)
    }

    /// The attribute cells of `survey`'s release (the results' groups, shown or hidden) and the
    /// departments among them in order: what the page can show and the CSV holds. The 課 and
    /// 直属 cells are results' groups only when the survey records sections.
    static func attributeCells(of survey: Survey, _ release: SurveyRelease) -> (departments: [String], cells: Set<CellSpec>) {
        var attributeDimensions: Set<CellDimension> = [.department, .ageBand, .serviceBand]
        if Survey.sheetAttributes(survey.attributes).contains(.section) { attributeDimensions.formUnion([.section, SurveyReleaseBuilder.direct]) }
        let cells = Set(release.figures.keys).union(release.hidden.keys).filter { cell in
            !cell.filters.isEmpty && Set(cell.filters.keys).isSubset(of: attributeDimensions)
        }
        let departments = cells.filter { $0.filters.count == 1 }.compactMap { $0.filters[.department] }.sorted()
        return (departments, cells)
    }

    /// - Parameters:
    ///   - focus: the department the view is narrowed to (one of `departments`), or nil for all.
    ///   - previous: the stored release of the series' previous closed cycle.
    ///   - label: a group's name as the survey pages write it.
    static func build(
        survey: Survey, surveyID: UUID, release: SurveyRelease, previous: SurveyRelease?, focus: String?, by: ReportingAttribute,
        departments: [String], groups: Set<CellSpec>, actions: [SurveyAction], viewForm: FormModel, actionForm: FormModel,
        label: @escaping (CellSpec) -> String, localizer: Localizer
    ) -> Content {
        // The rows of this view: the focus (all, or one department) and its split by the chosen attribute.
        let parent = focus.map(CellSpec.department) ?? .all
        let dimension = CellDimension(rawValue: by.rawValue)
        let values: [String] = switch by {
        case .department: departments
        case .ageBand: AgeBand.allCases.map(\.rawValue)
        case .serviceBand: ServiceBand.allCases.map(\.rawValue)
        case .employmentType, .section: []
        }
        // Sections are the organization's cells below one department: a city has hundreds of 課,
        // so the split by section needs a department, and says so until one is chosen.
        let sections = by == .section ? groups.filter { cell in
            (cell.filters[.section] != nil || cell.filters[SurveyReleaseBuilder.direct] != nil) && focus != nil && cell.filters[.department] == focus
        }.sorted() : []
        let rowCells = [parent] + values.map { parent.with(dimension, $0) }.filter(groups.contains) + sections
        let answerable = survey.questions.filter { $0.kind != .freeText }
        let scaleQuestions = survey.questions.filter { $0.kind.isScale }
        let heatmap = rowCells.map { cell -> HeatmapRow in
            HeatmapRow(
                label: label(cell),
                respondents: release.figures[cell].map { String($0.respondents) } ?? "—",
                cells: scaleQuestions.map { question in
                    guard let share = release.summaries[cell]?[question.id]?.favorableShare else { return HeatmapCell(text: "—", level: -1) }
                    return HeatmapCell(text: ResponseRate.percentText(share), level: min(4, Int(share * 5)))
                })
        }
        let questions = answerable.enumerated().map { index, question -> QuestionResult in
            let summary = release.summaries[parent]?[question.id]
            let labels: [(String, String)]
            switch question.kind {
            case .likert5: labels = (1...5).map { (String($0), localizer.t("survey.likert.\($0)")) }
            case .scale0to10: labels = (0...10).map { (String($0), String($0)) }
            default: labels = question.options.map { ($0.key, localizer.text($0.label)) }
            }
            let distribution = labels.map { key, text in
                DistributionRow(label: text, count: summary?.counts[key] ?? 0,
                                share: summary?.share(of: key).map(ResponseRate.percentText) ?? "—")
            }
            let earlier = previous?.summaries[parent]?[question.id]
            return QuestionResult(
                number: "Q\(index + 1)",
                text: localizer.text(question.text),
                answered: summary.map { String($0.answered) } ?? localizer.t("survey.suppressed"),
                favorable: summary?.favorableShare.map(ResponseRate.percentText),
                mean: summary?.mean.map { String(format: "%.2f", $0) },
                netPromoter: SurveyAggregation.netPromoterScore(summary, k: survey.k).map(SurveyAggregation.netPromoterText),
                previous: SurveyAggregation.favorableChange(current: summary, previous: earlier).flatMap { change in
                    earlier?.favorableShare.map { then in localizer.t("survey.change", ResponseRate.percentText(then), ResponseRate.changeText(change)) }
                },
                chart: question.kind.isScale ? nil : summary.map { summary in
                    SVGChart.percentBars(labels.map { key, text in SVGChart.Point(label: text, value: summary.share(of: key).map { $0 * 100 }) })
                },
                stackedChart: question.kind.isScale ? summary.map { summary in
                    SVGChart.stackedBar(labels.map { key, text in SVGChart.Point(label: text, value: summary.share(of: key).map { $0 * 100 }) })
                } : nil,
                distribution: summary == nil ? [] : distribution)
        }
        let showsComments = FreeTextRelease.mayRelease(for: parent)
        return Content(
            title: survey.title(localizer.language), viewForm: viewForm,
            heatmapCaption: localizer.t("survey.heatmapCaption", String(survey.k)),
            splitNote: by == .section && focus == nil ? localizer.t("survey.sectionSplitNeedsDepartment") : nil,
            questionHeads: scaleQuestions.map { localizer.text($0.text) },
            heatmap: heatmap, questions: questions,
            comments: showsComments ? release.comments.map { released in
                FreeTextRelease.grouped(released).map { CommentRow(text: $0.text, count: $0.count > 1 ? localizer.t("survey.commentCount", String($0.count)) : nil) }
            } : nil,
            commentsNote: showsComments ? localizer.t("survey.commentsNote", String(survey.freeTextK)) : localizer.t("survey.commentsWholeOnly"),
            privacy: SurveyPrivacyNote.notes(release, cells: rowCells, label: label, localizer: localizer),
            k: survey.k, exportHref: SurveysRoute.resultsExport(.id(surveyID)).path, rateHref: SurveysRoute.rate(.id(surveyID)).path,
            actions: actions.map { ActionRow(title: $0.title, owner: $0.owner, due: localizer.date($0.dueOn)) },
            actionForm: actionForm)
    }
}

/// 集計結果をCSVで出力: exactly the groups the results page can show, with the same figures, and
/// each hidden group with the page's own words (never a count); no comments.
enum SurveyResultsExport {
    static let header = ["集団", "設問ID", "設問", "回答数", "肯定的回答率(%)", "平均", "分布"]

    static func rows(survey: Survey, release: SurveyRelease, label: @escaping (CellSpec) -> String, localizer: Localizer) -> [[String]] {
        let groups = [CellSpec.all] + SurveyResultsPage.attributeCells(of: survey, release).cells.sorted()
        var rows: [[String]] = []
        for cell in groups {
            guard let summaries = release.summaries[cell] else { continue }
            for question in survey.questions where question.kind != .freeText {
                guard let summary = summaries[question.id] else { continue }
                let distribution = summary.keys.map { "\($0):\(summary.counts[$0] ?? 0)" }.joined(separator: " ")
                rows.append([label(cell), question.id, question.text.ja, String(summary.answered),
                             summary.favorableShare.map(ResponseRate.percentFigure) ?? "", summary.mean.map { String(format: "%.2f", $0) } ?? "", distribution])
            }
        }
        for note in SurveyPrivacyNote.notes(release, cells: groups, label: label, localizer: localizer) {
            rows.append([note.cell, "", localizer.t("survey.suppressed"), "", "", "", note.reason])
        }
        return rows
    }
}
