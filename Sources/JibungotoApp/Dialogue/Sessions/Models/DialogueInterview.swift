import Fluent
import Foundation
import JibungotoDomain

/// An interview study like the paper's §2-2: whom it asked (a group, never names), when, the
/// questions, the summarized dialogue and what it informs (a proposal or policy measure, named
/// freely for now). Its findings are `DialogueFinding`s; its interviewers' individual notes are
/// `DialogueInterviewNote`s, which only the interviewers read.
final class DialogueInterview: Model, @unchecked Sendable {
    static let schema = "dialogue_interviews"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "target_group") var targetGroup: String
    @Field(key: "period_start") var periodStart: LocalDate
    @Field(key: "period_end") var periodEnd: LocalDate
    /// One question per line.
    @Field(key: "questions") var questions: String
    @Field(key: "summary") var summary: String
    @Field(key: "informs") var informs: String
    @Field(key: "created_by") var createdBy: StaffNumber
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var questionList: [String] {
        questions.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension DialogueInterview {
    convenience init(
        id: UUID? = nil, title: String, targetGroup: String, periodStart: LocalDate, periodEnd: LocalDate, questions: String,
        summary: String, informs: String, createdBy: StaffNumber, createdAt: Date
    ) {
        self.init()
        self.id = id
        self.title = title
        self.targetGroup = targetGroup
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.questions = questions
        self.summary = summary
        self.informs = informs
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }
}
