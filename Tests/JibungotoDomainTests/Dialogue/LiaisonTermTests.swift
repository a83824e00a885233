import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("District liaisons: the term by post tier")
struct LiaisonTermTests {
    @Test("the tier follows the grade: managers, supervisors, young staff")
    func tiers() {
        #expect(LiaisonTier.of(grade: "課長") == .manager)
        #expect(LiaisonTier.of(grade: "課長補佐") == .manager)
        #expect(LiaisonTier.of(grade: "所長") == .manager)
        #expect(LiaisonTier.of(grade: "係長") == .supervisor)
        #expect(LiaisonTier.of(grade: "主査") == .supervisor)
        #expect(LiaisonTier.of(grade: "主任") == .junior)
        #expect(LiaisonTier.of(grade: "主事") == .junior)
        #expect(LiaisonTier.of(grade: "") == .junior, "an unknown grade is treated as young staff")
    }

    @Test("managers serve three years, supervisors two, young staff one: a term from April 1 ends on March 31")
    func standardTerms() {
        let rule = LiaisonTermRule.standard
        #expect(rule.standardEnd(start: day("2026-04-01"), tier: .manager) == day("2029-03-31"))
        #expect(rule.standardEnd(start: day("2026-04-01"), tier: .supervisor) == day("2028-03-31"))
        #expect(rule.standardEnd(start: day("2026-04-01"), tier: .junior) == day("2027-03-31"))
        #expect(rule.standardEnd(start: day("2026-10-15"), tier: .junior) == day("2027-10-14"))
        let longer = LiaisonTermRule(years: [.manager: 4, .supervisor: 2, .junior: 2])
        #expect(longer.standardEnd(start: day("2026-04-01"), tier: .junior) == day("2028-03-31"))
    }

    @Test("serving includes the first and last days; an overlapping term of the same person is refused")
    func currentAndOverlap() {
        let term = LiaisonTerm(start: day("2026-04-01"), end: day("2027-03-31"))
        #expect(term.phase(on: day("2026-03-31")) == .upcoming)
        #expect(term.isCurrent(on: day("2026-04-01")))
        #expect(term.isCurrent(on: day("2027-03-31")))
        #expect(term.phase(on: day("2027-04-01")) == .ended)
        let next = LiaisonTerm(start: day("2027-04-01"), end: day("2028-03-31"))
        #expect(next.problem(otherTermsOfTheSamePerson: [term]) == nil, "the next term may start the day after")
        let clash = LiaisonTerm(start: day("2027-03-01"), end: day("2028-03-31"))
        #expect(clash.problem(otherTermsOfTheSamePerson: [term]) == .overlaps(term))
        #expect(LiaisonTerm(start: day("2027-04-01"), end: day("2027-03-31")).problem(otherTermsOfTheSamePerson: []) == .endsBeforeStart)
    }
}
