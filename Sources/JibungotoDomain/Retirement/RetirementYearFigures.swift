/// The multi-year outlook of the raised retirement age: for each fiscal year from this one until
/// the first in which staff retire at the final age (65), the age in force, how many retire at
/// its end and how many leave a managerial post on its first day.
extension RetirementRules {
    public struct YearFigures: Sendable, Equatable {
        public var fiscalYear: FiscalYear
        public var ageInForce: Int
        public var retiring: Int
        public var leavingManagerialPosts: Int

        public init(fiscalYear: FiscalYear, ageInForce: Int, retiring: Int, leavingManagerialPosts: Int) {
            self.fiscalYear = fiscalYear
            self.ageInForce = ageInForce
            self.retiring = retiring
            self.leavingManagerialPosts = leavingManagerialPosts
        }
    }

    /// The first fiscal year whose age in force is ``finalAge`` (FY2031 nationally).
    public var firstFiscalYearAtFinalAge: FiscalYear {
        FiscalYear(startYear: baseLastFiscalYear + 1 + (finalAge - baseAge - 1) * yearsPerStep)
    }

    /// The last year of the outlook: the year after the age in force reaches ``finalAge``, the
    /// first in which anyone retires at it (those reaching 65 in FY2031 reached 64 in FY2030,
    /// when 64 was in force) — or `from` itself once that is past.
    public func lastOutlookYear(from: FiscalYear) -> FiscalYear {
        max(from, firstFiscalYearAtFinalAge.next)
    }

    /// One row per fiscal year from `from` through ``lastOutlookYear(from:)``. A managerial post is
    /// taken as held in every year by whoever holds one now (`holdsManagerialPost`): later
    /// promotions are not known yet.
    public func yearFigures(
        from: FiscalYear, staff: [StaffRecord], holdsManagerialPost: (StaffRecord) -> Bool
    ) -> [YearFigures] {
        let last = lastOutlookYear(from: from)
        return (from.startYear...last.startYear).map { startYear in
            let year = FiscalYear(startYear: startYear)
            let lists = self.outlook(for: year, staff: staff, holdsManagerialPost: holdsManagerialPost)
            return YearFigures(
                fiscalYear: year, ageInForce: ageInForce(in: year),
                retiring: lists.retiring.count, leavingManagerialPosts: lists.leavingManagerialPosts.count)
        }
    }
}
