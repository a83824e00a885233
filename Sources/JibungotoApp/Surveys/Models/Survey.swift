import Fluent
import Foundation
import JibungotoDomain

/// A staff survey. Its questions live here as JSON and cannot change once anyone has answered;
/// its target group, reporting attributes and organization are frozen when it opens.
final class Survey: Model, @unchecked Sendable {
    static let schema = "surveys"

    enum Status: String, Codable, CaseIterable, Sendable { case draft, open, closed }

    @ID(key: .id) var id: UUID?
    /// Surveys of one series (e.g. the annual staff survey) form the trend across cycles.
    @Field(key: "series") var series: String
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Field(key: "title_ja") var titleJa: String
    @Field(key: "title_en") var titleEn: String
    @Field(key: "description") var descriptionText: String
    @Field(key: "opens_on") var opensOn: String
    @Field(key: "closes_on") var closesOn: String
    @Field(key: "is_anonymous") var isAnonymous: Bool
    @Field(key: "target_departments") var targetDepartments: String
    @Field(key: "target_employment_types") var targetEmploymentTypes: String
    @Field(key: "reporting_attributes") var reportingAttributes: String
    @Field(key: "k") var k: Int
    @Field(key: "free_text_k") var freeTextK: Int
    @Field(key: "target_rate") var targetRate: Double
    @Field(key: "questions") var questionsJSON: String
    @Field(key: "status") var status: String
    @OptionalField(key: "organization_fiscal_year") var organizationFiscalYear: Int?
    @Field(key: "created_by") var createdBy: String

    init() {}

    var questions: [SurveyQuestion] {
        get { JSONText.decode([SurveyQuestion].self, from: questionsJSON) ?? [] }
        set { questionsJSON = JSONText.encode(newValue, fallback: "[]") }
    }

    var attributes: [ReportingAttribute] {
        reportingAttributes.split(separator: ",").compactMap { ReportingAttribute(rawValue: String($0)) }
    }

    var policy: DisclosurePolicy { DisclosurePolicy(k: k, freeTextK: freeTextK) }

    /// The attributes copied onto an answer sheet: only those a report uses. The employment type
    /// is never a report dimension, so storing it would only help someone reading the tables
    /// single a person out.
    static func sheetAttributes(_ attributes: [ReportingAttribute]) -> Set<ReportingAttribute> {
        Set(attributes).subtracting([.employmentType])
    }

    /// Ids of the multiple-choice questions (their answering sheets are counted apart).
    var multipleChoiceQuestions: Set<String> { Set(questions.filter { $0.kind == .multipleChoice }.map(\.id)) }

    var pageCount: Int { (questions.map(\.page).max() ?? 0) + 1 }

    func title(_ language: Language) -> String { language == .en && !titleEn.isEmpty ? titleEn : titleJa }
}

/// Who was asked, frozen when the survey opened (the denominators of the response rate).
final class SurveyTarget: Model, @unchecked Sendable {
    static let schema = "survey_targets"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "staff_number") var staffNumber: String
    @Field(key: "department_code") var departmentCode: String
    @Field(key: "section_code") var sectionCode: String

    init() {}
}

/// That someone has answered: no time, no link to the answers (see docs/surveys-anonymity.md).
final class SurveyCompletion: Model, @unchecked Sendable {
    static let schema = "survey_completions"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "staff_number") var staffNumber: String

    init() {}
}

/// One set of answers. No staff id, a random id, the day of submission only (for the daily
/// response curve); only the coarse attributes the survey reports on, copied at submission.
/// (A named survey stores the staff number openly.)
final class SurveyResponseRecord: Model, @unchecked Sendable {
    static let schema = "survey_responses"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "day") var day: String
    @OptionalField(key: "department_code") var departmentCode: String?
    @OptionalField(key: "age_band") var ageBand: String?
    @OptionalField(key: "service_band") var serviceBand: String?
    @OptionalField(key: "employment_type") var employmentType: String?
    /// Only for surveys labelled as named on every page.
    @OptionalField(key: "named_staff_number") var namedStaffNumber: String?

    init() {}
}

/// One answer of a response: option keys, a number, or free text, as text.
final class SurveyAnswerRecord: Model, @unchecked Sendable {
    static let schema = "survey_answers"

    @ID(key: .id) var id: UUID?
    @Field(key: "response_id") var responseID: UUID
    @Field(key: "question_id") var questionID: String
    @Field(key: "value") var value: String

    init() {}
}

/// Running totals of answers by the recorded attributes, kept at submission so that a results
/// page reads a few thousand counts instead of grouping millions of answers. Created when the
/// survey opens, counted up in place, stored as ``SurveyCounter`` (offset, fixed size). It holds nothing a
/// GROUP BY over the answers would not give. Absent attributes are stored as "" (NULLs would not
/// meet in the unique key).
final class SurveyAnswerCount: Model, @unchecked Sendable {
    static let schema = "survey_answer_counts"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "department_code") var departmentCode: String
    @Field(key: "age_band") var ageBand: String
    @Field(key: "service_band") var serviceBand: String
    @Field(key: "question_id") var questionID: String
    @Field(key: "value") var value: String
    @Field(key: "count") var count: Int

    init() {}
}

/// An action planned from the results, with an owner and a date.
final class SurveyAction: Model, @unchecked Sendable {
    static let schema = "survey_actions"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "title") var title: String
    @Field(key: "owner") var owner: String
    @Field(key: "due_on") var dueOn: String
    @Field(key: "created_by") var createdBy: String

    init() {}
}
