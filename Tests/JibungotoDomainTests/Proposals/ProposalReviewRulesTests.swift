import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Proposals: reviewers, the desk, comments and 共感, calls")
struct ProposalReviewRulesTests {
    let authors: [StaffNumber] = ["D0001", "X0001"]

    @Test("no one reviews their own or their co-authors' proposal; one assignment per reviewer, while received or under review")
    func assignment() {
        func refusal(_ reviewer: StaffNumber, assigned: [StaffNumber] = [], state: ProposalState = .received) -> ProposalReviewRefusal? {
            ProposalReviewRules.assignmentRefusal(reviewer: reviewer, authors: authors, assigned: assigned, state: state)
        }
        #expect(refusal("D0002") == nil)
        #expect(refusal("D0002", state: .underReview) == nil)
        #expect(refusal("D0001") == .ownProposal)
        #expect(refusal("X0001") == .ownProposal, "a co-author")
        #expect(refusal("D0002", assigned: ["D0002"]) == .alreadyAssigned)
        #expect(refusal("D0002", state: .submitted) == .notInReview(.submitted))
        #expect(refusal("D0002", state: .adopted) == .notInReview(.adopted))
    }

    @Test("a reviewer scores only what they are assigned, only under review, never their own")
    func evaluation() {
        func refusal(_ reviewer: StaffNumber, state: ProposalState = .underReview) -> ProposalReviewRefusal? {
            ProposalReviewRules.evaluationRefusal(reviewer: reviewer, authors: authors, assigned: ["D0002", "D0001"], state: state)
        }
        #expect(refusal("D0002") == nil)
        #expect(refusal("D0001") == .ownProposal, "assigned before becoming an author still cannot score")
        #expect(refusal("D0003") == .notAssigned)
        #expect(refusal("D0002", state: .received) == .notInReview(.received))
        #expect(refusal("D0002", state: .rejected) == .notInReview(.rejected))
    }

    @Test("criteria are the call's lines; scores average")
    func criteriaAndScores() {
        #expect(ProposalReviewRules.criteria(from: "効果\n\n 実現可能性 \r\n独創性\n") == ["効果", "実現可能性", "独創性"])
        #expect(ProposalReviewRules.average([4, 5, 3]) == 4)
        #expect(ProposalReviewRules.average([]) == nil)
        #expect(ProposalReviewRules.scores == 1...5)
    }

    @Test("the desk splits pending from evaluated work, counts what is overdue")
    func desk() {
        let today = day("2026-11-30")
        let assignments = [
            ProposalAssignment(dueOn: day("2026-12-05"), evaluated: false, state: .underReview),
            ProposalAssignment(dueOn: day("2026-11-29"), evaluated: false, state: .underReview),
            ProposalAssignment(dueOn: day("2026-11-30"), evaluated: false, state: .received),
            ProposalAssignment(dueOn: day("2026-11-01"), evaluated: true, state: .underReview),
            ProposalAssignment(dueOn: day("2026-10-01"), evaluated: true, state: .adopted),
            ProposalAssignment(dueOn: day("2026-10-01"), evaluated: false, state: .rejected),
        ]
        #expect(ProposalReviewDesk.counts(assignments, today: today) == ProposalReviewDesk.Counts(pending: 3, evaluated: 2, overdue: 1, all: 6))
        #expect(assignments.filter(ProposalReviewDesk.Filter.pending.admits).count == 3)
        #expect(assignments.filter(ProposalReviewDesk.Filter.evaluated.admits).count == 2)
        #expect(assignments.filter(ProposalReviewDesk.Filter.all.admits).count == 6)
        #expect(!assignments[2].isOverdue(today: today), "due today is not overdue")
        #expect(!assignments[5].isPending, "the review ended without this reviewer's scores")
    }

    @Test("共感 once per person and never on one's own proposal; withdrawn only when marked; authors answer comments once")
    func reactions() {
        #expect(ProposalReactions.empathyRefusal(isAuthor: false, alreadyMarked: false, state: .submitted) == nil)
        #expect(ProposalReactions.empathyRefusal(isAuthor: false, alreadyMarked: true, state: .submitted) == .alreadyMarked)
        #expect(ProposalReactions.empathyRefusal(isAuthor: true, alreadyMarked: false, state: .adopted) == .ownProposal)
        #expect(ProposalReactions.empathyRefusal(isAuthor: false, alreadyMarked: false, state: .draft) == .draft)
        #expect(ProposalReactions.withdrawalRefusal(hasMarked: true) == nil)
        #expect(ProposalReactions.withdrawalRefusal(hasMarked: false) == .notMarked)
        #expect(ProposalReactions.commentRefusal(state: .draft) == .draft)
        #expect(ProposalReactions.commentRefusal(state: .implemented) == nil)
        #expect(ProposalReactions.answerRefusal(isAuthor: true, alreadyAnswered: false) == nil)
        #expect(ProposalReactions.answerRefusal(isAuthor: false, alreadyAnswered: false) == .notAuthor)
        #expect(ProposalReactions.answerRefusal(isAuthor: true, alreadyAnswered: true) == .alreadyAnswered)
    }

    @Test("a call's window includes its first and last days; year-round runs to the end of the fiscal year; departments limit who submits")
    func calls() {
        #expect(ProposalCallRules.accepts(opens: day("2026-06-01"), closes: day("2026-06-30"), today: day("2026-06-01")))
        #expect(ProposalCallRules.accepts(opens: day("2026-06-01"), closes: day("2026-06-30"), today: day("2026-06-30")))
        #expect(!ProposalCallRules.accepts(opens: day("2026-06-01"), closes: day("2026-06-30"), today: day("2026-07-01")))
        #expect(!ProposalCallRules.accepts(opens: day("2026-06-01"), closes: day("2026-06-30"), today: day("2026-05-31")))
        let window = ProposalCallRules.yearRoundWindow(today: day("2026-11-30"))
        #expect(window.opens == day("2026-11-30") && window.closes == day("2027-03-31"))
        #expect(ProposalCallRules.problems(opens: day("2026-12-10"), closes: day("2026-12-01"), today: day("2026-11-30")) == [.closesBeforeOpening])
        #expect(ProposalCallRules.problems(opens: day("2026-11-01"), closes: day("2026-11-29"), today: day("2026-11-30")) == [.alreadyClosed])
        #expect(ProposalCallRules.problems(opens: day("2026-11-30"), closes: day("2026-11-30"), today: day("2026-11-30")).isEmpty)
        #expect(ProposalCallRules.admits(department: "10", audience: []))
        #expect(ProposalCallRules.admits(department: "10", audience: ["10", "20"]))
        #expect(!ProposalCallRules.admits(department: "30", audience: ["10", "20"]))
        #expect(!ProposalCallRules.admits(department: nil, audience: ["10"]))
    }
}
