/// Where a local issue goes and by when it is expected to be answered: its category names the
/// responsible section and the expected number of days.
public struct IssueRouting: Sendable, Equatable {
    /// The section that answers the issue.
    public let section: SectionCode
    /// The day the section received it: the day it was recorded, or the day a wrong routing was
    /// corrected (the new section could not have answered before it had the issue).
    public let routedOn: LocalDate
    /// The last day for the answer: `routedOn` plus the category's expected days.
    public let expectedOn: LocalDate

    public init(section: SectionCode, routedOn: LocalDate, expectedOn: LocalDate) {
        self.section = section
        self.routedOn = routedOn
        self.expectedOn = expectedOn
    }

    /// The issue goes up to the head of the section's department when its expected date ends
    /// without an answer: the escalation date is the expected date.
    public var escalationDate: LocalDate { expectedOn }
}

/// Routing a local issue by its category.
public enum LocalIssueRouting {
    /// The expected number of days a category may set.
    public static let expectedDays = 1...365

    public enum Refusal: Error, Sendable, Equatable {
        /// The category's section is not in this fiscal year's organization (abolished or merged
        /// away), so no one would answer the issue.
        case sectionAbolished(SectionCode)
        /// A correction to the category the issue already has.
        case unchanged
    }

    /// The routing of an issue to `section`, received on `routedOn`; refused when the section is
    /// not among `activeSections` (the units of the organization on that day).
    public static func route(to section: SectionCode, expectedDays: Int, on routedOn: LocalDate, activeSections: Set<SectionCode>) -> Result<IssueRouting, Refusal> {
        if let problem = refusal(section: section, activeSections: activeSections) { return .failure(problem) }
        return .success(IssueRouting(section: section, routedOn: routedOn, expectedOn: routedOn.adding(days: expectedDays)))
    }

    /// Why issues cannot be routed to `section` (a category being saved, an issue being
    /// recorded): it is not in the organization of the day.
    public static func refusal(section: SectionCode, activeSections: Set<SectionCode>) -> Refusal? {
        activeSections.contains(section) ? nil : .sectionAbolished(section)
    }

    /// A correction of a wrong routing: another category, whose section must exist; the expected
    /// date counts again from the day of the correction.
    public static func correct(currentCategory: String, newCategory: String, section: SectionCode, expectedDays: Int, on day: LocalDate,
                               activeSections: Set<SectionCode>) -> Result<IssueRouting, Refusal> {
        guard currentCategory != newCategory else { return .failure(.unchanged) }
        return route(to: section, expectedDays: expectedDays, on: day, activeSections: activeSections)
    }
}

/// The expected date of an open issue, seen on a given day.
public enum LocalIssueDeadline {
    /// Open after its expected date: overdue, and escalated to the department head.
    public static func isOverdue(status: LocalIssueStatus, expectedOn: LocalDate, today: LocalDate) -> Bool {
        status.isOpen && today > expectedOn
    }

    /// Answered (対応済 or 対応困難) on or before the expected date.
    public static func answeredOnTime(respondedOn: LocalDate, expectedOn: LocalDate) -> Bool {
        respondedOn <= expectedOn
    }

    /// Whole days from receiving an issue to answering it (0 when answered the same day).
    public static func daysToResponse(receivedOn: LocalDate, respondedOn: LocalDate) -> Int {
        max(0, receivedOn.days(until: respondedOn))
    }
}
