/// What HR may change in a fiscal year's organization.
public enum OrganizationEditRules {
    /// The current and later fiscal years change; a year that has ended is the record of how
    /// the city was organized and stays as it was.
    public static func isEditable(fiscalYear: Int, today: LocalDate) -> Bool {
        fiscalYear >= FiscalYear.containing(today).startYear
    }

    /// Only the newest year is copied, into the year after it, and only while that year has no
    /// organization yet (so a copy never overwrites edits). `existingYears` in any order.
    public static func mayClone(_ fiscalYear: Int, existingYears: [Int]) -> Bool {
        fiscalYear == existingYears.max() && !existingYears.contains(fiscalYear + 1)
    }

    /// A unit with units under it is not abolished or merged: they would lose their parent.
    public static func mayRemove(childCount: Int) -> Bool {
        childCount == 0
    }

    /// Whether the unit whose subtree (itself included) is `subtree` may be merged into
    /// `target`: a unit of the same year (`unitsOfYear`) outside that subtree.
    public static func mayMerge(into target: SectionCode, subtree: Set<SectionCode>, unitsOfYear: Set<SectionCode>) -> Bool {
        !target.rawValue.isEmpty && unitsOfYear.contains(target) && !subtree.contains(target)
    }

    /// In the current year a unit is removed only when nobody is placed there today. Placements
    /// are today's, so in a later year nobody is placed in its units yet and nothing is checked.
    public static func removalNeedsEmptyUnit(fiscalYear: Int, today: LocalDate) -> Bool {
        fiscalYear == FiscalYear.containing(today).startYear
    }
}
