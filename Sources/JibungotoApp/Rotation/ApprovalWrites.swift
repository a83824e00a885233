import Foundation
import JibungotoDomain

/// What an approval wrote to the assignment history: the posts it ended, each with the end
/// date it had before, and the assignments it added. Withdrawal puts back exactly this.
struct ApprovalWrites: Codable, Sendable {
    struct Ended: Codable, Sendable {
        let id: UUID
        let previousEnd: LocalDate?
    }

    var ended: [Ended]
    var added: [UUID]

    func encoded() -> String { JSONText.encode(self, fallback: "") }

    static func decode(_ text: String?) -> ApprovalWrites? { JSONText.decode(ApprovalWrites.self, from: text) }
}
