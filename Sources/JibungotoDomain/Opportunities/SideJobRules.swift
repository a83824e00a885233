/// Where an internal side job (庁内副業) stands on a given day.
public enum SideJobPhase: String, CaseIterable, Sendable {
    /// Posted; applications open later.
    case announced
    /// Applications are accepted.
    case accepting
    /// Applications closed, the work not begun: managers approve, the host selects.
    case selecting
    /// Within the period: members work and log their hours.
    case running
    /// The period is over and the host has not written the closing report.
    case ended
    /// The host has written the closing report.
    case closed
}

/// A side job's dates: the application window, then the period of the work.
public struct SideJobSchedule: Sendable, Equatable {
    public var applicationsOpen: LocalDate
    public var applicationsClose: LocalDate
    public var start: LocalDate
    public var end: LocalDate

    public init(applicationsOpen: LocalDate, applicationsClose: LocalDate, start: LocalDate, end: LocalDate) {
        self.applicationsOpen = applicationsOpen
        self.applicationsClose = applicationsClose
        self.start = start
        self.end = end
    }

    /// What is wrong with the dates of a new posting.
    public enum Problem: Sendable, Equatable {
        /// The period ends before it starts.
        case endsBeforeStart
        /// The window closes before it opens.
        case windowClosesBeforeOpening
        /// Applications close on or after the first day of work: the manager's approval and
        /// the host's selection come between the two.
        case windowClosesAtOrAfterStart
        /// The window has closed already: no one could apply.
        case windowAlreadyClosed
    }

    /// Every problem of the dates as posted on `today`, in the order the form shows its fields.
    public func problems(today: LocalDate) -> [Problem] {
        var problems: [Problem] = []
        if end < start { problems.append(.endsBeforeStart) }
        if applicationsClose < applicationsOpen { problems.append(.windowClosesBeforeOpening) }
        if applicationsClose >= start { problems.append(.windowClosesAtOrAfterStart) }
        if applicationsClose < today { problems.append(.windowAlreadyClosed) }
        return problems
    }

    /// Whether applications are accepted on `today` (the first and last days of the window included).
    public func acceptsApplications(today: LocalDate) -> Bool {
        applicationsOpen <= today && today <= applicationsClose
    }

    /// Whether the period is over (the day after its last day).
    public func hasEnded(today: LocalDate) -> Bool {
        end < today
    }

    public func phase(today: LocalDate, isClosed: Bool) -> SideJobPhase {
        if isClosed { return .closed }
        if today < applicationsOpen { return .announced }
        if today <= applicationsClose { return .accepting }
        if today < start { return .selecting }
        if today <= end { return .running }
        return .ended
    }

    /// The fiscal year the work starts in: the list groups past side jobs by it.
    public var fiscalYear: Int { FiscalYear.containing(start).startYear }
}

/// Where an application stands.
public enum SideJobApplicationStatus: String, CaseIterable, Codable, Sendable {
    /// Sent; the applicant's manager has not answered.
    case awaitingManager = "awaiting_manager"
    /// The manager agreed; the host may select the applicant.
    case approved
    /// The manager refused, with a reason.
    case refused
    /// The host selected the applicant: a member of the side job.
    case selected
}

/// Who may apply to a side job, and when.
public enum SideJobApplicationRule {
    public enum Refusal: Sendable, Equatable {
        /// The person has applied to this side job already.
        case alreadyApplied
        /// The person has no current section, so no manager can approve.
        case noPlacement
        /// The host is the applicant's own section or a unit above it: that is their own work.
        case ownSection
        /// The window opens later.
        case notYetOpen(opens: LocalDate)
        /// The window has closed.
        case windowClosed(closed: LocalDate)
    }

    /// Why the person cannot apply, or nil when they can.
    /// - Parameter applicantUnits: the applicant's current section and every unit above it
    ///   (their division and department); empty when they have no placement.
    public static func refusal(
        hostSection: SectionCode, applicantUnits: [SectionCode], schedule: SideJobSchedule, today: LocalDate, hasApplied: Bool
    ) -> Refusal? {
        if hasApplied { return .alreadyApplied }
        if applicantUnits.isEmpty { return .noPlacement }
        if applicantUnits.contains(hostSection) { return .ownSection }
        if today < schedule.applicationsOpen { return .notYetOpen(opens: schedule.applicationsOpen) }
        if today > schedule.applicationsClose { return .windowClosed(closed: schedule.applicationsClose) }
        return nil
    }
}

/// The applicant's manager approves or refuses the application.
public enum SideJobConsent {
    /// Whether `approver` decides the application: their consent scope reaches the applicant's
    /// current section, and no one decides their own application.
    /// - Parameter reaches: whether the approver's consent scope reaches a section.
    public static func mayDecide(approver: StaffNumber, applicant: StaffNumber, applicantSection: SectionCode?, reaches: (SectionCode) -> Bool) -> Bool {
        guard approver != applicant, let applicantSection else { return false }
        return reaches(applicantSection)
    }
}

/// The host selects members among the applicants their managers approved.
public enum SideJobSelection {
    public enum Refusal: Sendable, Equatable {
        /// No applicant was chosen.
        case nothingChosen
        /// A chosen application is not (or no longer) approved and unselected.
        case notApproved
        /// The members would outnumber the seats.
        case overSeats(seats: Int, alreadySelected: Int)
        /// The period is over: there is nothing left to join.
        case ended
    }

    /// Why the choice cannot be saved, or nil.
    public static func refusal(chosen: Int, allChosenApproved: Bool, alreadySelected: Int, seats: Int, hasEnded: Bool) -> Refusal? {
        if hasEnded { return .ended }
        if chosen == 0 { return .nothingChosen }
        if !allChosenApproved { return .notApproved }
        if alreadySelected + chosen > seats { return .overSeats(seats: seats, alreadySelected: alreadySelected) }
        return nil
    }
}
