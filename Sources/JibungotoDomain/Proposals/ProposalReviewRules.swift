import Foundation

/// Why a reviewer cannot be assigned to a proposal, or cannot score it; the app words each case
/// (`proposals.review.refusal.*`).
public enum ProposalReviewRefusal: Sendable, Equatable {
    /// The reviewer is the proposal's author or one of its co-authors.
    case ownProposal
    /// The reviewer is assigned to it already.
    case alreadyAssigned
    /// Reviewers are assigned while a proposal is 受付 or 審査中, and score it only while it is 審査中.
    case notInReview(ProposalState)
    /// The person is not one of the proposal's reviewers.
    case notAssigned
}

/// Reviewers (審査員) are assigned per proposal by the office; each scores it against the call's
/// criteria and keeps a private note. No one reviews a proposal they wrote or co-wrote.
public enum ProposalReviewRules {
    /// Each criterion is scored 1 (low) to 5 (high).
    public static let scores = 1...5
    /// How many criteria a call may set.
    public static let criteriaLimit = 10

    /// Why `reviewer` cannot be assigned, or nil.
    /// - Parameter authors: the lead and every co-author, confirmed or asked.
    public static func assignmentRefusal(reviewer: StaffNumber, authors: [StaffNumber], assigned: [StaffNumber], state: ProposalState) -> ProposalReviewRefusal? {
        if authors.contains(reviewer) { return .ownProposal }
        if assigned.contains(reviewer) { return .alreadyAssigned }
        if state != .received && state != .underReview { return .notInReview(state) }
        return nil
    }

    /// Why `reviewer` cannot score the proposal now, or nil.
    public static func evaluationRefusal(reviewer: StaffNumber, authors: [StaffNumber], assigned: [StaffNumber], state: ProposalState) -> ProposalReviewRefusal? {
        if authors.contains(reviewer) { return .ownProposal }
        if !assigned.contains(reviewer) { return .notAssigned }
        if state != .underReview { return .notInReview(state) }
        return nil
    }

    /// The criteria a call sets, one per line (blank lines dropped).
    public static func criteria(from text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The mean of the scores given, or nil when none were.
    public static func average(_ scores: [Int]) -> Double? {
        scores.isEmpty ? nil : Double(scores.reduce(0, +)) / Double(scores.count)
    }
}

/// One assignment on a reviewer's desk.
public struct ProposalAssignment: Sendable, Equatable {
    public var dueOn: LocalDate
    public var evaluated: Bool
    public var state: ProposalState

    public init(dueOn: LocalDate, evaluated: Bool, state: ProposalState) {
        self.dueOn = dueOn
        self.evaluated = evaluated
        self.state = state
    }

    /// Still to score while the proposal is (or is about to be) under review.
    public var isPending: Bool { !evaluated && (state == .received || state == .underReview) }

    /// Pending past its due date.
    public func isOverdue(today: LocalDate) -> Bool { isPending && dueOn < today }
}

/// A reviewer's desk: the assignments split into pending and evaluated work, with counts.
public enum ProposalReviewDesk {
    public enum Filter: String, CaseIterable, Sendable {
        case pending, evaluated, all

        public func admits(_ assignment: ProposalAssignment) -> Bool {
            switch self {
            case .pending: assignment.isPending
            case .evaluated: assignment.evaluated
            case .all: true
            }
        }
    }

    public struct Counts: Sendable, Equatable {
        public var pending: Int
        public var evaluated: Int
        public var overdue: Int
        public var all: Int
    }

    public static func counts(_ assignments: [ProposalAssignment], today: LocalDate) -> Counts {
        Counts(pending: assignments.filter(\.isPending).count, evaluated: assignments.filter(\.evaluated).count,
               overdue: assignments.filter { $0.isOverdue(today: today) }.count, all: assignments.count)
    }
}
