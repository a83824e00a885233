import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Project teams: the call's window, nominations, selection within the seats, and consent by silence")
struct ProjectTeamRulesTests {
    let opens = day("2026-11-01")
    let closes = day("2026-11-30")

    @Test("applications are taken from the opening day through the closing day, both included")
    func window() {
        #expect(ProjectTeamRules.applicationRefusal(opens: opens, closes: closes, today: day("2026-10-31"), existing: nil) == .applicationNotOpenYet(opens: opens))
        #expect(ProjectTeamRules.applicationRefusal(opens: opens, closes: closes, today: opens, existing: nil) == nil)
        #expect(ProjectTeamRules.applicationRefusal(opens: opens, closes: closes, today: closes, existing: nil) == nil)
        #expect(ProjectTeamRules.applicationRefusal(opens: opens, closes: closes, today: day("2026-12-01"), existing: nil) == .applicationClosed(closed: closes))
    }

    @Test("one application per person; a withdrawn applicant may apply again")
    func once() {
        #expect(ProjectTeamRules.applicationRefusal(opens: opens, closes: closes, today: closes, existing: .candidate) == .alreadyInvolved(.candidate))
        #expect(ProjectTeamRules.applicationRefusal(opens: opens, closes: closes, today: closes, existing: .awaitingNominee) == .alreadyInvolved(.awaitingNominee))
        #expect(ProjectTeamRules.applicationRefusal(opens: opens, closes: closes, today: closes, existing: .withdrawn) == nil)
    }

    @Test("a nomination names someone else in the team's audience who is not already involved")
    func nominations() {
        let me: StaffNumber = "D0002", other: StaffNumber = "D0001"
        #expect(ProjectTeamRules.nominationRefusal(nominator: me, nominee: me, nomineeInAudience: true, existing: nil, teamClosed: false) == .nominatingSelf)
        #expect(ProjectTeamRules.nominationRefusal(nominator: me, nominee: other, nomineeInAudience: false, existing: nil, teamClosed: false) == .outsideAudience)
        #expect(ProjectTeamRules.nominationRefusal(nominator: me, nominee: other, nomineeInAudience: true, existing: .declined, teamClosed: false) == .alreadyInvolved(.declined))
        #expect(ProjectTeamRules.nominationRefusal(nominator: me, nominee: other, nomineeInAudience: true, existing: .withdrawn, teamClosed: false) == nil)
        #expect(ProjectTeamRules.nominationRefusal(nominator: me, nominee: other, nomineeInAudience: true, existing: nil, teamClosed: true) == .teamClosed)
        #expect(ProjectTeamRules.nominationRefusal(nominator: me, nominee: other, nomineeInAudience: true, existing: nil, teamClosed: false) == nil)
    }

    @Test("selection takes candidates only and never more than the free seats")
    func selection() {
        #expect(ProjectTeamRules.selectionRefusal(seats: 5, alreadySelected: 3, chosen: [.candidate, .candidate]) == nil)
        #expect(ProjectTeamRules.selectionRefusal(seats: 5, alreadySelected: 3, chosen: [.candidate, .candidate, .candidate]) == .tooManySelected(seats: 5, free: 2))
        #expect(ProjectTeamRules.selectionRefusal(seats: 5, alreadySelected: 0, chosen: [.candidate, .awaitingNominee]) == .notSelectable)
        #expect(ProjectTeamRules.selectionRefusal(seats: 2, alreadySelected: 2, chosen: [.candidate]) == .tooManySelected(seats: 2, free: 0))
    }

    @Test("the manager's silence is consent from the day after the deadline; an answer counts at once")
    func consent() {
        let deadline = TeamConsent.deadline(selectedOn: day("2026-11-30"), days: 7)
        #expect(deadline == day("2026-12-07"))
        #expect(TeamConsent.state(answer: nil, deadline: deadline, today: day("2026-12-07")) == .awaiting(deadline: deadline))
        #expect(TeamConsent.state(answer: nil, deadline: deadline, today: day("2026-12-08")) == .deemedConsented)
        #expect(TeamConsent.state(answer: false, deadline: deadline, today: day("2026-12-01")) == .refused)
        #expect(TeamConsent.state(answer: true, deadline: deadline, today: day("2026-12-01")) == .consented)
    }
}
