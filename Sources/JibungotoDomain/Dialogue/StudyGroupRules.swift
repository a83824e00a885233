import Foundation

/// A person's place in a self-study group (自主研究グループ, §7-1).
public enum StudyGroupMemberStatus: String, CaseIterable, Codable, Sendable {
    case member
    /// Asked to join; a leader answers.
    case requested
    /// A leader declined; the person may ask again.
    case declined
}

/// Whether a person may ask to join a study group.
public enum StudyGroupJoinRule {
    public enum Refusal: Sendable, Equatable {
        case alreadyMember
        case alreadyRequested
        /// The group is not taking new members now.
        case notAccepting
    }

    public static func refusal(status: StudyGroupMemberStatus?, acceptsMembers: Bool) -> Refusal? {
        switch status {
        case .member?: return .alreadyMember
        case .requested?: return .alreadyRequested
        case .declined?, nil: return acceptsMembers ? nil : .notAccepting
        }
    }
}
