/// The paper's first proposal as a figure: by hiring cohort, the share of staff who served in a
/// citizen-collaboration post by their 10th year, and those at risk of missing it.
public enum CollaborationCompliance {
    public enum Status: String, Sendable, CaseIterable {
        /// Served in a collaboration post within the period.
        case achieved
        /// The period ended without one.
        case missed
        /// Still in the period without one, with more than `riskYears` left.
        case pending
        /// Still in the period without one, with `riskYears` or fewer left (the next post,
        /// held for the minimum years, would end after the deadline).
        case atRisk
    }

    public struct PersonStatus: Sendable, Equatable {
        public var staffNumber: StaffNumber
        public var name: String
        public var hireDate: LocalDate
        /// The last day of the early-career period (the day before the 10th anniversary).
        public var deadline: LocalDate
        public var status: Status
        /// Years left on `asOf` (0 once past).
        public var yearsLeft: Int
    }

    public struct Cohort: Sendable, Equatable {
        /// The fiscal year of hiring.
        public var fiscalYear: FiscalYear
        public var staff: Int
        public var achieved: Int
        public var missed: Int
        public var pending: Int
        public var atRisk: Int
        /// achieved / (achieved + missed): the share among those whose period has ended; nil when none has.
        public var shareByDeadline: Double?
        /// achieved / staff so far.
        public var shareSoFar: Double { staff == 0 ? 0 : Double(achieved) / Double(staff) }
    }

    public struct Report: Sendable, Equatable {
        public var asOf: LocalDate
        public var cohorts: [Cohort]
        public var people: [PersonStatus]
        /// Those at risk, earliest deadline first.
        public var atRisk: [PersonStatus] { people.filter { $0.status == .atRisk }.sorted { $0.deadline < $1.deadline } }
    }

    /// The report on `asOf` for staff of `employmentTypes` (常勤 by default). A collaboration
    /// post counts when an assignment that `posts` counts (its section was one in the year it
    /// started) starts before the 10th anniversary of hiring and on or before `asOf`.
    /// `riskYears` defaults to the minimum years in post.
    public static func report(
        staff: [StaffRecord], assignments: [AssignmentRecord], posts: CollaborationPosts, asOf: LocalDate,
        earlyCareerYears: Int = 10, riskYears: Int = 3, employmentTypes: Set<EmploymentType> = [.regular]
    ) -> Report {
        var byStaff: [StaffNumber: [AssignmentRecord]] = [:]
        for record in assignments { byStaff[record.staffNumber, default: []].append(record) }
        var people: [PersonStatus] = []
        var cohorts: [Int: Cohort] = [:]
        for person in staff where employmentTypes.contains(person.employmentType) && person.hireDate <= asOf {
            let anniversary = person.hireDate.adding(years: earlyCareerYears)
            let deadline = anniversary.adding(days: -1)
            let achieved = (byStaff[person.staffNumber] ?? []).contains {
                posts.contains($0) && $0.start < anniversary && $0.start <= asOf
            }
            let yearsLeft = asOf > deadline ? 0 : LocalDate.completedYears(from: asOf, to: anniversary)
            let status: Status
            if achieved { status = .achieved }
            else if asOf > deadline { status = .missed }
            else if yearsLeft <= riskYears { status = .atRisk }
            else { status = .pending }
            people.append(PersonStatus(
                staffNumber: person.staffNumber, name: person.name, hireDate: person.hireDate, deadline: deadline,
                status: status, yearsLeft: yearsLeft))
            let year = FiscalYear.containing(person.hireDate)
            var cohort = cohorts[year.startYear] ?? Cohort(fiscalYear: year, staff: 0, achieved: 0, missed: 0, pending: 0, atRisk: 0, shareByDeadline: nil)
            cohort.staff += 1
            switch status {
            case .achieved: cohort.achieved += 1
            case .missed: cohort.missed += 1
            case .pending: cohort.pending += 1
            case .atRisk: cohort.atRisk += 1
            }
            cohorts[year.startYear] = cohort
        }
        let rows = cohorts.values.sorted { $0.fiscalYear < $1.fiscalYear }.map { cohort -> Cohort in
            var cohort = cohort
            let closed = people.filter { FiscalYear.containing($0.hireDate) == cohort.fiscalYear && $0.deadline < asOf }
            let done = closed.filter { $0.status == .achieved }.count
            cohort.shareByDeadline = closed.isEmpty ? nil : Double(done) / Double(closed.count)
            return cohort
        }
        return Report(asOf: asOf, cohorts: rows, people: people)
    }
}
