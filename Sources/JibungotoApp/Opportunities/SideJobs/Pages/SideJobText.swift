import Foundation
import JibungotoDomain

extension Localizer {
    /// A calendar month in the reader's language and calendar (令和8年11月, November 2026).
    func month(_ month: YearMonth) -> String {
        month.formatted(language: language.rawValue, display: preferences.dateDisplay)
    }
}

/// The words the side-job pages share: periods, hours, statuses, and every refusal of the
/// domain's rules as the sentence a page shows (each names the field or the date it is about).
enum SideJobText {
    static func range(_ first: LocalDate, _ last: LocalDate, _ localizer: Localizer) -> String {
        localizer.t("sideJob.dateRange", localizer.date(first), localizer.date(last))
    }

    static func hours(_ hours: Double, _ localizer: Localizer) -> String {
        localizer.t("participation.hours", HoursText.format(hours))
    }

    static func hoursPerMonth(_ hours: Double, _ localizer: Localizer) -> String {
        localizer.t("sideJob.hoursPerMonthValue", HoursText.format(hours))
    }

    static func status(_ status: SideJobApplicationStatus, _ localizer: Localizer) -> String {
        localizer.t("sideJob.status.\(status.rawValue)")
    }

    static func phase(_ phase: SideJobPhase, _ localizer: Localizer) -> String {
        localizer.t("sideJob.phase.\(phase.rawValue)")
    }

    static func capNote(_ cap: Double, _ localizer: Localizer) -> String {
        localizer.t("sideJob.capNote", HoursText.format(cap))
    }

    static func applicationRefusal(_ refusal: SideJobApplicationRule.Refusal, schedule: SideJobSchedule, hostName: String, _ localizer: Localizer) -> String {
        let window = range(schedule.applicationsOpen, schedule.applicationsClose, localizer)
        switch refusal {
        case .alreadyApplied: return localizer.t("sideJob.apply.alreadyApplied")
        case .noPlacement: return localizer.t("sideJob.apply.noPlacement")
        case .ownSection: return localizer.t("sideJob.apply.ownSection", hostName)
        case .notYetOpen(let opens): return localizer.t("sideJob.apply.notYetOpen", window, localizer.date(opens))
        case .windowClosed: return localizer.t("sideJob.apply.windowClosed", window)
        }
    }

    static func selectionRefusal(_ refusal: SideJobSelection.Refusal, _ localizer: Localizer) -> String {
        switch refusal {
        case .nothingChosen: return localizer.t("sideJob.select.nothingChosen", localizer.t("sideJob.field.selected"))
        case .notApproved: return localizer.t("sideJob.select.notApproved")
        case .overSeats(let seats, let alreadySelected):
            return localizer.t("sideJob.select.overSeats", String(seats), String(alreadySelected), String(max(0, seats - alreadySelected)))
        case .ended: return localizer.t("sideJob.select.ended")
        }
    }

    /// - Parameter month: the month being logged (named in the cap's refusal).
    static func hoursRefusal(_ refusal: SideJobHours.Refusal, month: YearMonth?, _ localizer: Localizer) -> String {
        switch refusal {
        case .overCap(let cap, let logged, let left):
            return localizer.t("sideJob.hours.overCap", month.map(localizer.month) ?? "", HoursText.format(cap), HoursText.format(logged), HoursText.format(left))
        case .outsidePeriod(let first, let last):
            return localizer.t("sideJob.hours.outsidePeriod", localizer.t("sideJob.field.month"), localizer.month(first), localizer.month(last))
        case .futureMonth(let current): return localizer.t("sideJob.hours.futureMonth", localizer.t("sideJob.field.month"), localizer.month(current))
        case .closed: return localizer.t("sideJob.hours.closed")
        }
    }

    /// The field a problem of a posting's dates is shown beside, and its sentence.
    static func scheduleProblem(_ problem: SideJobSchedule.Problem, schedule: SideJobSchedule, today: LocalDate, _ localizer: Localizer) -> (field: String, message: String) {
        switch problem {
        case .endsBeforeStart:
            return ("ends_on", localizer.t("sideJob.endsBeforeStart", localizer.t("sideJob.field.endsOn"), localizer.date(schedule.start)))
        case .windowClosesBeforeOpening:
            return ("applications_close_on", localizer.t("sideJob.windowClosesBeforeOpening", localizer.t("sideJob.field.applicationsCloseOn"), localizer.date(schedule.applicationsOpen)))
        case .windowClosesAtOrAfterStart:
            return ("applications_close_on", localizer.t("sideJob.windowClosesAtOrAfterStart", localizer.t("sideJob.field.applicationsCloseOn"), localizer.date(schedule.start)))
        case .windowAlreadyClosed:
            return ("applications_close_on", localizer.t("sideJob.windowAlreadyClosed", localizer.t("sideJob.field.applicationsCloseOn"), localizer.date(today)))
        }
    }
}
