/// The proposals' lines in the participation ledger: writing a proposal (alone or as a confirmed
/// co-author) is taking part across sections, and so is having it adopted.
extension ParticipationKind {
    /// 職員提案の提出: one entry per author and proposal, dated its first submission.
    public static let proposal = ParticipationKind(rawValue: "proposal")
    /// 職員提案の採用 (一部採用を含む): one entry per author and proposal, dated the answer's publication.
    public static let proposalAdopted = ParticipationKind(rawValue: "proposal_adopted")
}
