import Fluent
import Foundation
import JibungotoDomain

/// A finding (気づき) written after a session or from an interview, with its tags, searchable by
/// tag, kind and fiscal year across all sessions and interviews.
final class DialogueFinding: Model, @unchecked Sendable {
    static let schema = "dialogue_findings"

    @ID(key: .id) var id: UUID?
    @OptionalParent(key: "session_id") var session: DialogueSession?
    @OptionalParent(key: "interview_id") var interview: DialogueInterview?
    /// The session's kind (an interview record's findings are of kind interview).
    @Field(key: "kind") var kind: DialogueSessionKind
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Field(key: "body") var body: String
    @Field(key: "written_by") var writtenBy: StaffNumber
    @Field(key: "written_at") var writtenAt: Date
    @Children(for: \.$finding) var tags: [DialogueFindingTag]

    init() {}
}

extension DialogueFinding {
    convenience init(
        id: UUID? = nil, sessionID: UUID? = nil, interviewID: UUID? = nil, kind: DialogueSessionKind, fiscalYear: Int, body: String,
        writtenBy: StaffNumber, writtenAt: Date
    ) {
        self.init()
        self.id = id
        self.$session.id = sessionID
        self.$interview.id = interviewID
        self.kind = kind
        self.fiscalYear = fiscalYear
        self.body = body
        self.writtenBy = writtenBy
        self.writtenAt = writtenAt
    }
}
