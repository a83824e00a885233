/// Where a staff proposal (職員提案) stands, from the author's draft to its implementation.
/// `ProposalWorkflow.transitions` says which state may follow which, and who moves it there.
public enum ProposalState: String, DeclarationOrdered, Codable, Sendable {
    /// 下書き: only its authors see it; the text may change.
    case draft
    /// 提出: sent to the proposal office; the text is frozen.
    case submitted
    /// 受付: the office has accepted it for review.
    case received
    /// 審査中: the assigned reviewers score it.
    case underReview = "under_review"
    /// 採用.
    case adopted
    /// 一部採用.
    case partiallyAdopted = "partially_adopted"
    /// 不採用.
    case rejected
    /// 差し戻し: back to the authors with what to change; a revision is a new version.
    case returned
    /// 実施要請: the adopted proposal handed to a section to carry out.
    case implementationRequested = "implementation_requested"
    /// 検討要請: the adopted proposal handed to a section to study how to carry it out.
    case considerationRequested = "consideration_requested"
    /// 実施中.
    case implementing
    /// 実施済.
    case implemented

    /// 採用, 一部採用 or 不採用: the review's result, which carries the official answer.
    public var isOutcome: Bool { [.adopted, .partiallyAdopted, .rejected].contains(self) }

    /// 採用 or 一部採用: what the figures count as adopted.
    public var isAdoption: Bool { self == .adopted || self == .partiallyAdopted }

    /// 実施要請 or 検討要請.
    public var isRequestToSection: Bool { self == .implementationRequested || self == .considerationRequested }

    /// Whether the state carries an answer: the outcome itself, or a later step of an adopted proposal.
    public var followsOutcome: Bool { isOutcome || isRequestToSection || self == .implementing || self == .implemented }

    /// The text may change only in a draft and after 差し戻し (as the next version).
    public var isEditable: Bool { self == .draft || self == .returned }
}

/// What a proposal is about; the figures count by it.
public enum ProposalCategory: String, DeclarationOrdered, Codable, Sendable {
    /// 業務改善・効率化.
    case workImprovement = "work_improvement"
    /// 市民サービスの向上.
    case citizenService = "citizen_service"
    /// 歳入確保・経費節減.
    case finance
    /// 職場環境・人材育成.
    case workplace
    /// まちづくり・地域連携.
    case community
    /// その他.
    case other
}

/// In which capacity someone acts on a proposal; each transition names the one that makes it.
public enum ProposalActor: String, DeclarationOrdered, Codable, Sendable {
    /// The lead author (提案者代表), who writes, submits and revises.
    case author
    /// The proposal office (事務局, HR): receipt, review, outcome, requests to sections.
    case secretariat
    /// The section a 実施要請 or 検討要請 went to (its manager, or HR for it): reports the implementation.
    case responsibleSection
}
