import Foundation
import JibungotoDomain

/// 回答率: the reader's rows of the release, and for readers of the whole organization the daily
/// curve and the trend across cycles, each with its privacy note.
enum SurveyRatePage {
    struct Content: Encodable, Sendable {
        let title: String
        let target: String
        let overall: Row
        let rows: [Row]
        let rowsHeading: String
        let scopeNote: String?
        /// Who the targets are and the day their placement was fixed.
        let targetsNote: String
        let dailyChart: ChartSVG?
        let daily: [DailyRow]
        let trendChart: ChartSVG?
        let trend: [TrendRow]
        let privacy: [SurveyPrivacyNote]
        /// Why some days of the curve show no figure.
        let dailyNote: String?
        /// While the survey is open: results appear only after it closes.
        let resultsNote: String?
        let resultsHref: String?
        /// An opened survey before its first day: 開始前, said with the day it starts.
        let notStartedNote: String?
        let reminder: ReminderBlock
        /// A closed survey reported by section: the reader's own groups' results.
        let unitResults: UnitResults?
    }

    /// 所属の集計結果: the favorable share of each scale question for each of the reader's
    /// result groups (their 部 and 課), one column per group.
    struct UnitResults: Encodable, Sendable {
        let note: String
        let groups: [String]
        let respondents: [String]
        let rows: [UnitResultRow]
    }

    struct UnitResultRow: Encodable, Sendable {
        let question: String
        let values: [String]
    }

    /// What the reader's reminders (督促) need: the button while answers are accepted, the part
    /// reached, the count the release shows (nil where it hides it) and those sent before.
    struct Reminding: Sendable {
        let action: String?
        let scopeLabel: String
        let nonRespondents: Int?
        let sent: [SurveyReminder]
        let csrfToken: String
    }

    struct ReminderBlock: Encodable, Sendable {
        let action: String?
        let csrfToken: String
        /// Who a reminder reaches and how many, in words; never who.
        let explanation: String
        let sent: [ReminderRow]
    }

    struct ReminderRow: Encodable, Sendable {
        let sentAt: String
        let scope: String
        let count: String
    }

    struct Row: Encodable, Sendable {
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

    /// - Parameters:
    ///   - view: what the reader may read of `release` (``SurveyReaderScope``).
    ///   - cycleRates: the whole's shown rate of each cycle of the series up to this one (only
    ///     read when the view shows whole-survey figures).
    ///   - label: a group's name as the survey pages write it.
    ///   - reminding: the reader's reminders (督促).
    ///   - today: an opened survey before its first day is 開始前.
    ///   - resultCells: the groups whose results the reader reads here (``SurveyReaderScope/resultCells(of:for:reportsBySection:)``).
    static func build(
        survey: Survey, targetsFixedOn: LocalDate?, release: SurveyRelease, view: SurveyReaderView, resultCells: [CellSpec], cycleRates: [CycleRate],
        resultsHref: String?, reminding: Reminding, today: LocalDate, label: @escaping (CellSpec) -> String, localizer: Localizer
    ) -> Content {
        func row(_ cell: CellSpec) -> Row {
            guard let figure = view.figures[cell], let members = figure.members, let value = ResponseRate.rate(respondents: figure.respondents, members: members) else {
                return Row(label: label(cell), respondents: "—", members: "—", rate: "—", meetsTarget: false, isSuppressed: true)
            }
            return Row(label: label(cell), respondents: String(figure.respondents), members: String(members),
                       rate: ResponseRate.percentText(value), meetsTarget: ResponseRate.meetsTarget(value, target: survey.targetRate), isSuppressed: false)
        }
        let isClosed = survey.status == .closed
        // Daily and trend figures are whole-survey figures: only for readers of the whole.
        var daily: [DailyRow] = [], dailyChart: ChartSVG? = nil, trend: [TrendRow] = [], trendChart: ChartSVG? = nil
        if view.showsWholeSurveyFigures {
            daily = release.daily.map { point in
                DailyRow(day: localizer.date(point.day), cumulative: point.cumulative.map(String.init) ?? "—",
                         rate: release.rate(of: point).map(ResponseRate.percentText) ?? "—")
            }
            if !release.daily.isEmpty {
                dailyChart = SVGChart.percentLine(release.daily.map { point in
                    SVGChart.Point(label: "\(point.day.month)/\(point.day.day)", value: release.rate(of: point).map { $0 * 100 })
                }, target: survey.targetRate * 100)
            }
            let trendPoints = ResponseRate.trend(cycleRates)
            trend = trendPoints.map { point in
                let year = localizer.fiscalYear(point.fiscalYear.startYear)
                let stillOpen = point.fiscalYear.startYear == survey.fiscalYear && !isClosed
                return TrendRow(fiscalYear: stillOpen ? localizer.t("survey.openCycle", year) : year,
                                rate: ResponseRate.percentText(point.rate),
                                change: point.changeInPoints.map(ResponseRate.changeText) ?? "—")
            }
            trendChart = trendPoints.count > 1 ? SVGChart.percentLine(trendPoints.map {
                SVGChart.Point(label: localizer.fiscalYear($0.fiscalYear.startYear), value: $0.rate * 100)
            }, target: survey.targetRate * 100) : nil
        }
        return Content(
            title: survey.title(localizer.language), target: ResponseRate.percentText(survey.targetRate),
            overall: row(view.rows[0]), rows: view.rows.dropFirst().map(row),
            rowsHeading: localizer.t(view.reader == .organization ? "cycle.byDepartment" : "cycle.bySection"),
            scopeNote: view.ownUnitHidden ? localizer.t("survey.smallSectionNote", String(survey.k)) : nil,
            targetsNote: targetsNote(survey, fixedOn: targetsFixedOn, localizer: localizer),
            dailyChart: dailyChart, daily: daily, trendChart: trendChart, trend: trend,
            privacy: SurveyPrivacyNote.notes(release, cells: view.rows, label: label, localizer: localizer),
            dailyNote: release.daily.contains { $0.cumulative == nil } ? localizer.t("survey.dailyNote", String(survey.k)) : nil,
            resultsNote: isClosed ? nil : localizer.t("survey.resultsAfterClosing"),
            resultsHref: isClosed ? resultsHref : nil,
            notStartedNote: survey.status == .open && today < survey.opensOn
                ? localizer.t("survey.notStartedNote", localizer.t("survey.status.notStarted"), localizer.date(survey.opensOn)) : nil,
            reminder: ReminderBlock(
                action: reminding.action, csrfToken: reminding.csrfToken,
                explanation: reminding.nonRespondents.map { localizer.t("survey.remindExplain", reminding.scopeLabel, String($0)) }
                    ?? localizer.t("survey.remindExplainCountHidden", reminding.scopeLabel, String(survey.k)),
                sent: reminding.sent.map { reminder in
                    ReminderRow(sentAt: localizer.timestamp(reminder.sentAt), scope: reminding.scopeLabel,
                                count: reminder.shownCount.map { localizer.t("survey.peopleCount", String($0)) } ?? localizer.t("survey.suppressed"))
                }),
            unitResults: unitResults(survey: survey, release: release, cells: resultCells, label: label, localizer: localizer))
    }

    static func unitResults(survey: Survey, release: SurveyRelease, cells: [CellSpec], label: (CellSpec) -> String, localizer: Localizer) -> UnitResults? {
        guard !cells.isEmpty else { return nil }
        return UnitResults(
            note: localizer.t("survey.unitResultsNote", String(survey.k)),
            groups: cells.map(label),
            respondents: cells.map { release.figures[$0].map { String($0.respondents) } ?? "—" },
            rows: survey.questions.filter { $0.kind.isScale }.map { question in
                UnitResultRow(question: localizer.text(question.text), values: cells.map { cell in
                    release.summaries[cell]?[question.id]?.favorableShare.map(ResponseRate.percentText) ?? "—"
                })
            })
    }

    /// Who the targets are and when they were fixed: the rate's denominator, said in words.
    static func targetsNote(_ survey: Survey, fixedOn: LocalDate?, localizer: Localizer) -> String {
        let types = TargetGroupFields.employmentTypesText(survey.group, localizer: localizer)
        return fixedOn.map { localizer.t("survey.targetsNote", types, localizer.date($0)) }
            ?? localizer.t("survey.targetsNoteUndated", types)
    }
}
