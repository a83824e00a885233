import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("What HR may change in a fiscal year's organization")
struct OrganizationEditRulesTests {
    @Test("the current and later fiscal years are editable; the year that ended on March 31 is not")
    func editableYears() {
        #expect(OrganizationEditRules.isEditable(fiscalYear: 2026, today: day("2026-04-01")))
        #expect(OrganizationEditRules.isEditable(fiscalYear: 2027, today: day("2026-04-01")))
        #expect(!OrganizationEditRules.isEditable(fiscalYear: 2025, today: day("2026-04-01")))
        #expect(OrganizationEditRules.isEditable(fiscalYear: 2025, today: day("2026-03-31")))
    }

    @Test("only the newest year is cloned, and only when the next year does not exist")
    func cloning() {
        #expect(OrganizationEditRules.mayClone(2026, existingYears: [2026, 2025]))
        #expect(OrganizationEditRules.mayClone(2026, existingYears: [2025, 2026]))
        #expect(!OrganizationEditRules.mayClone(2025, existingYears: [2026, 2025]))
        #expect(!OrganizationEditRules.mayClone(2026, existingYears: []))
    }

    @Test("a unit with child units is not removed")
    func children() {
        #expect(OrganizationEditRules.mayRemove(childCount: 0))
        #expect(!OrganizationEditRules.mayRemove(childCount: 1))
    }

    @Test("a merge goes into another unit of the year, never into the unit or below it")
    func mergeTarget() {
        let units: Set<SectionCode> = ["D1", "S1", "S1a", "S2"]
        let subtree: Set<SectionCode> = ["S1", "S1a"]
        #expect(OrganizationEditRules.mayMerge(into: "S2", subtree: subtree, unitsOfYear: units))
        #expect(OrganizationEditRules.mayMerge(into: "D1", subtree: subtree, unitsOfYear: units))
        #expect(!OrganizationEditRules.mayMerge(into: "S1", subtree: subtree, unitsOfYear: units))
        #expect(!OrganizationEditRules.mayMerge(into: "S1a", subtree: subtree, unitsOfYear: units))
        #expect(!OrganizationEditRules.mayMerge(into: "X9", subtree: subtree, unitsOfYear: units))
        #expect(!OrganizationEditRules.mayMerge(into: "", subtree: subtree, unitsOfYear: units))
    }

    @Test("members block a removal only in the current year")
    func members() {
        #expect(OrganizationEditRules.removalNeedsEmptyUnit(fiscalYear: 2026, today: day("2026-04-01")))
        #expect(OrganizationEditRules.removalNeedsEmptyUnit(fiscalYear: 2025, today: day("2026-03-31")))
        #expect(!OrganizationEditRules.removalNeedsEmptyUnit(fiscalYear: 2027, today: day("2026-11-30")))
    }
}
