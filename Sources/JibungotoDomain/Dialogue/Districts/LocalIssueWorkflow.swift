/// Where a local issue (地域課題) raised in a district stands: 受付 → 対応中 → 対応済 or 対応困難.
public enum LocalIssueStatus: String, CaseIterable, Codable, Sendable {
    /// 受付: recorded by the district's liaison and routed to a section, not yet taken up.
    case received
    /// 対応中: the responsible section is working on it.
    case inProgress = "in_progress"
    /// 対応済: done, with the section's written response.
    case resolved
    /// 対応困難: the section cannot do it, with the reason why.
    case difficult

    /// Still waiting for the section's answer (受付 or 対応中).
    public var isOpen: Bool { self == .received || self == .inProgress }

    /// The statuses that may follow this one: one step at a time, never back, nothing after an answer.
    public var next: [LocalIssueStatus] {
        switch self {
        case .received: [.inProgress]
        case .inProgress: [.resolved, .difficult]
        case .resolved, .difficult: []
        }
    }

    /// Open311 GeoReport v2 knows two states: `open` and `closed`.
    public var open311: String { isOpen ? "open" : "closed" }
}

/// The one rule for changing an issue's status: which step may follow which, and what each
/// answer must carry (対応済 a written response, 対応困難 its reason).
public enum LocalIssueWorkflow {
    public enum Refusal: Error, Sendable, Equatable {
        /// The issue already has this status.
        case unchanged(LocalIssueStatus)
        /// The issue has been answered (対応済 or 対応困難); its status no longer changes.
        case alreadyAnswered(LocalIssueStatus)
        /// The change skips a step (受付 → 対応済) or goes back (対応中 → 受付).
        case notNextStep(from: LocalIssueStatus, to: LocalIssueStatus)
        /// 対応済 without a written response.
        case responseMissing
        /// 対応困難 without the reason.
        case reasonMissing
    }

    /// Why `from` may not become `to` with this response and reason (each already trimmed), or
    /// nil when it may. The order of the checks is the order a reader needs them: the step first,
    /// then what the answer must carry.
    public static func refusal(from: LocalIssueStatus, to: LocalIssueStatus, response: String, reason: String) -> Refusal? {
        if !from.isOpen { return .alreadyAnswered(from) }
        if from == to { return .unchanged(from) }
        guard from.next.contains(to) else { return .notNextStep(from: from, to: to) }
        switch to {
        case .resolved where response.isEmpty: return .responseMissing
        case .difficult where reason.isEmpty: return .reasonMissing
        default: return nil
        }
    }
}
