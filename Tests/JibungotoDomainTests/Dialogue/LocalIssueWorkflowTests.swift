import Testing

@testable import JibungotoDomain

@Suite("Local issues: every status change, allowed or refused")
struct LocalIssueWorkflowTests {
    /// Every pair of statuses, with a response and a reason given, and what the rule says.
    static let table: [(from: LocalIssueStatus, to: LocalIssueStatus, expected: LocalIssueWorkflow.Refusal?)] = [
        (.received, .received, .unchanged(.received)),
        (.received, .inProgress, nil),
        (.received, .resolved, .notNextStep(from: .received, to: .resolved)),
        (.received, .difficult, .notNextStep(from: .received, to: .difficult)),
        (.inProgress, .received, .notNextStep(from: .inProgress, to: .received)),
        (.inProgress, .inProgress, .unchanged(.inProgress)),
        (.inProgress, .resolved, nil),
        (.inProgress, .difficult, nil),
        (.resolved, .received, .alreadyAnswered(.resolved)),
        (.resolved, .inProgress, .alreadyAnswered(.resolved)),
        (.resolved, .resolved, .alreadyAnswered(.resolved)),
        (.resolved, .difficult, .alreadyAnswered(.resolved)),
        (.difficult, .received, .alreadyAnswered(.difficult)),
        (.difficult, .inProgress, .alreadyAnswered(.difficult)),
        (.difficult, .resolved, .alreadyAnswered(.difficult)),
        (.difficult, .difficult, .alreadyAnswered(.difficult)),
    ]

    @Test("受付 → 対応中 → 対応済 or 対応困難, one step at a time, never back, nothing after an answer", arguments: LocalIssueWorkflowTests.table)
    func transition(from: LocalIssueStatus, to: LocalIssueStatus, expected: LocalIssueWorkflow.Refusal?) {
        #expect(LocalIssueWorkflow.refusal(from: from, to: to, response: "側溝の蓋を交換しました。", reason: "私有地のため市では対応できません。") == expected)
        #expect(from.next.contains(to) == (expected == nil), "next lists exactly the allowed steps")
    }

    @Test("the table covers every pair of statuses")
    func tableIsComplete() {
        let pairs = Set(Self.table.map { "\($0.from.rawValue)>\($0.to.rawValue)" })
        #expect(pairs.count == LocalIssueStatus.allCases.count * LocalIssueStatus.allCases.count)
    }

    @Test("対応済 needs the written response, 対応困難 its reason; the other text is not required")
    func answersCarryTheirText() {
        #expect(LocalIssueWorkflow.refusal(from: .inProgress, to: .resolved, response: "", reason: "理由") == .responseMissing)
        #expect(LocalIssueWorkflow.refusal(from: .inProgress, to: .resolved, response: "回答", reason: "") == nil)
        #expect(LocalIssueWorkflow.refusal(from: .inProgress, to: .difficult, response: "回答", reason: "") == .reasonMissing)
        #expect(LocalIssueWorkflow.refusal(from: .inProgress, to: .difficult, response: "", reason: "理由") == nil)
        #expect(LocalIssueWorkflow.refusal(from: .received, to: .inProgress, response: "", reason: "") == nil, "taking an issue up needs no text")
        #expect(LocalIssueWorkflow.refusal(from: .received, to: .resolved, response: "", reason: "") == .notNextStep(from: .received, to: .resolved),
                "a skipped step is named before the missing response")
    }

    @Test("open and closed, as Open311 counts them")
    func openAndClosed() {
        #expect(LocalIssueStatus.allCases.filter(\.isOpen) == [.received, .inProgress])
        #expect(LocalIssueStatus.allCases.map(\.open311) == ["open", "open", "closed", "closed"])
    }
}
