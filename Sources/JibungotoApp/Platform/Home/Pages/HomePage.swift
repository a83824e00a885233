import Foundation
import JibungotoDomain

/// The home page: a greeting, today's date and fiscal year, the modules' notices, then what the
/// user has to look after, each a task with its figures and a link to where it is done. Someone
/// with nothing to do gets a short friendly line (the menu is in the navigation, not repeated here).
enum HomePage {
    struct Content: Encodable, Sendable {
        let greeting: String
        let today: String
        let fiscalYear: String
        let notices: [HomeNotice]
        let tasks: [TaskCard]
        /// Only when there is neither a notice nor a task.
        let nothingToDo: String?
    }

    struct TaskCard: Encodable, Sendable {
        let heading: String
        let lines: [String]
        let href: String
        let linkLabel: String
        let reminder: ReminderButton?
    }

    /// A button that reminds the named non-submitters of a round (posts to the round's page).
    struct ReminderButton: Encodable, Sendable {
        let action: String
        let label: String
        let returnTo: String
    }

    // MARK: - Loaded figures

    struct Figures: Sendable {
        var rounds: [RoundFigure] = []
        var surveys: [SurveyFigure] = []
        var scenarios: [ScenarioFigure] = []
        var retirement: RetirementHomeFigures.Due? = nil
        var districts: [DistrictFigure] = []
    }

    /// An open self-report round within the reader's reach.
    struct RoundFigure: Sendable {
        let cycleID: UUID
        let title: String
        let deadline: LocalDate
        /// As the completion page counts it (`SelfReportCompletionPage.row`).
        let completion: SelfReportCompletionPage.Row
        let notSubmitted: Int
        let isWholeCity: Bool
    }

    struct SurveyFigure: Sendable {
        let surveyID: UUID
        let title: String
        let closesOn: LocalDate
        /// The reader's figure as the rate page shows it; nil when hidden.
        let count: CellCount?
        let ownUnitHidden: Bool
        let k: Int
        let target: Double
    }

    struct ScenarioFigure: Sendable {
        let scenarioID: UUID
        let name: String
        let transferDate: LocalDate
    }

    struct DistrictFigure: Sendable {
        let districtID: UUID
        let name: Bilingual
        let open: Int
        let overdue: Int
    }

    // MARK: - Build

    /// `notices` as the modules gave them.
    static func build(displayName: String, today: LocalDate, notices: [HomeNotice], figures: Figures, localizer: Localizer) -> Content {
        let tasks = figures.rounds.map { round($0, localizer: localizer) }
            + figures.surveys.map { survey($0, localizer: localizer) }
            + scenarios(figures.scenarios, localizer: localizer)
            + (figures.retirement.flatMap { retirement($0, today: today, localizer: localizer) }.map { [$0] } ?? [])
            + figures.districts.map { district($0, localizer: localizer) }
        return Content(
            greeting: localizer.t("home.greeting", displayName),
            today: localizer.date(today),
            fiscalYear: localizer.fiscalYear(today.fiscalYear.startYear),
            notices: notices,
            tasks: tasks,
            nothingToDo: notices.isEmpty && tasks.isEmpty ? localizer.t("home.nothingToDo") : nil
        )
    }

    private static func round(_ figure: RoundFigure, localizer: Localizer) -> TaskCard {
        let row = figure.completion
        let page = CareerRoute.cycle(.id(figure.cycleID)).path
        return TaskCard(
            heading: localizer.t(figure.isWholeCity ? "home.task.round" : "home.task.roundOwn", figure.title),
            lines: [
                localizer.t("home.task.roundCompletion", String(row.submitted), String(row.targets), row.rate),
                figure.notSubmitted > 0 ? localizer.t("home.task.roundGap", String(figure.notSubmitted)) : localizer.t("home.task.roundDone"),
                localizer.t("home.task.deadline", localizer.date(figure.deadline)),
            ],
            href: page, linkLabel: localizer.t("home.task.roundOpen"),
            reminder: figure.notSubmitted > 0
                ? ReminderButton(action: page, label: localizer.t("reminder.send", count: figure.notSubmitted, String(figure.notSubmitted)), returnTo: PlatformRoute.home.path)
                : nil)
    }

    private static func survey(_ figure: SurveyFigure, localizer: Localizer) -> TaskCard {
        var lines: [String] = []
        if figure.ownUnitHidden { lines.append(localizer.t("survey.smallSectionNote", String(figure.k))) }
        if let count = figure.count, let members = count.members, let rate = ResponseRate.rate(respondents: count.respondents, members: members) {
            lines.append(localizer.t("home.task.surveyRate", String(count.respondents), String(members),
                                     ResponseRate.percentText(rate), ResponseRate.percentText(figure.target)))
            lines.append(ResponseRate.meetsTarget(rate, target: figure.target)
                ? localizer.t("home.task.surveyMet")
                : localizer.t("home.task.surveyGap", String(format: "%.1f", ResponseRate.shownChange(from: rate, to: figure.target))))
        } else {
            lines.append(localizer.t("home.task.surveyHidden"))
        }
        lines.append(localizer.t("home.task.deadline", localizer.date(figure.closesOn)))
        return TaskCard(heading: localizer.t("home.task.survey", figure.title), lines: lines,
                    href: SurveysRoute.rate(.id(figure.surveyID)).path, linkLabel: localizer.t("home.task.surveyOpen"), reminder: nil)
    }

    private static func scenarios(_ figures: [ScenarioFigure], localizer: Localizer) -> [TaskCard] {
        guard !figures.isEmpty else { return [] }
        return [TaskCard(heading: localizer.t("home.task.scenarios", String(figures.count)),
                     lines: figures.map { localizer.t("home.task.scenarioLine", $0.name, localizer.date($0.transferDate)) },
                     href: RotationRoute.scenarios.path, linkLabel: localizer.t("home.task.scenariosOpen"), reminder: nil)]
    }

    private static func retirement(_ due: RetirementHomeFigures.Due, today: LocalDate, localizer: Localizer) -> TaskCard? {
        guard due.retiring > 0 || due.informationOwed > 0 else { return nil }
        return TaskCard(heading: localizer.t("home.task.retirement", localizer.fiscalYear(today.fiscalYear.startYear)),
                    lines: [localizer.t("home.task.retiring", String(due.retiring)), localizer.t("home.task.informationOwed", String(due.informationOwed))],
                    href: RetirementRoute.outlook.path, linkLabel: localizer.t("home.task.retirementOpen"), reminder: nil)
    }

    private static func district(_ figure: DistrictFigure, localizer: Localizer) -> TaskCard {
        TaskCard(heading: localizer.t("home.task.district", localizer.text(figure.name)),
             lines: [localizer.t("dialogue.district.openCount", String(figure.open), String(figure.overdue))],
             href: DistrictRoute.district(.id(figure.districtID)).path, linkLabel: localizer.t("home.task.districtOpen"), reminder: nil)
    }
}
