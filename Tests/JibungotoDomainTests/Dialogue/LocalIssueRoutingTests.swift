import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Local issues: routing by category, expected and escalation dates")
struct LocalIssueRoutingTests {
    let active: Set<SectionCode> = ["1310", "183030", "161020"]

    @Test("the category's section gets the issue; expected date = the day received + the category's days; escalation date = expected date")
    func routing() throws {
        let routing = try LocalIssueRouting.route(to: "183030", expectedDays: 14, on: day("2026-11-02"), activeSections: active).get()
        #expect(routing.section == "183030")
        #expect(routing.routedOn == day("2026-11-02"))
        #expect(routing.expectedOn == day("2026-11-16"))
        #expect(routing.escalationDate == day("2026-11-16"))
        let overYearEnd = try LocalIssueRouting.route(to: "1310", expectedDays: 30, on: day("2027-03-15"), activeSections: active).get()
        #expect(overYearEnd.expectedOn == day("2027-04-14"), "days are calendar days, across the fiscal year's end")
        let leap = try LocalIssueRouting.route(to: "1310", expectedDays: 1, on: day("2028-02-28"), activeSections: active).get()
        #expect(leap.expectedOn == day("2028-02-29"))
    }

    @Test("a section not in the organization of the day (abolished or merged away) gets nothing")
    func abolishedSection() {
        #expect(LocalIssueRouting.route(to: "1450", expectedDays: 14, on: day("2026-11-02"), activeSections: active) == .failure(.sectionAbolished("1450")))
        #expect(LocalIssueRouting.refusal(section: "1450", activeSections: active) == .sectionAbolished("1450"))
        #expect(LocalIssueRouting.refusal(section: "1310", activeSections: active) == nil)
    }

    @Test("a corrected routing goes to the new category's section and counts its days from the correction")
    func correction() throws {
        let corrected = try LocalIssueRouting.correct(currentCategory: "road", newCategory: "park", section: "161020", expectedDays: 10,
                                                      on: day("2026-11-20"), activeSections: active).get()
        #expect(corrected == IssueRouting(section: "161020", routedOn: day("2026-11-20"), expectedOn: day("2026-11-30")))
        #expect(LocalIssueRouting.correct(currentCategory: "road", newCategory: "road", section: "183030", expectedDays: 14,
                                          on: day("2026-11-20"), activeSections: active) == .failure(.unchanged))
        #expect(LocalIssueRouting.correct(currentCategory: "road", newCategory: "care", section: "1450", expectedDays: 14,
                                          on: day("2026-11-20"), activeSections: active) == .failure(.sectionAbolished("1450")))
    }

    @Test("overdue — and escalated — from the day after the expected date, while open; on time when answered by it")
    func overdue() {
        let expected = day("2026-11-16")
        #expect(!LocalIssueDeadline.isOverdue(status: .received, expectedOn: expected, today: day("2026-11-16")), "the expected date itself is still on time")
        #expect(LocalIssueDeadline.isOverdue(status: .received, expectedOn: expected, today: day("2026-11-17")))
        #expect(LocalIssueDeadline.isOverdue(status: .inProgress, expectedOn: expected, today: day("2026-11-30")))
        #expect(!LocalIssueDeadline.isOverdue(status: .resolved, expectedOn: expected, today: day("2026-11-30")), "an answered issue is never overdue")
        #expect(!LocalIssueDeadline.isOverdue(status: .difficult, expectedOn: expected, today: day("2026-11-30")))
        #expect(LocalIssueDeadline.answeredOnTime(respondedOn: day("2026-11-16"), expectedOn: expected))
        #expect(!LocalIssueDeadline.answeredOnTime(respondedOn: day("2026-11-17"), expectedOn: expected))
        #expect(LocalIssueDeadline.daysToResponse(receivedOn: day("2026-11-02"), respondedOn: day("2026-11-16")) == 14)
        #expect(LocalIssueDeadline.daysToResponse(receivedOn: day("2026-11-02"), respondedOn: day("2026-11-02")) == 0)
    }
}
