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
    @Field(key: "opens_on") var opensOn: LocalDate
    @Field(key: "closes_on") var closesOn: LocalDate
    @Field(key: "is_anonymous") var isAnonymous: Bool
    @Field(key: "target_departments") var targetDepartments: String
    @Field(key: "target_employment_types") var targetEmploymentTypes: String
    @Field(key: "reporting_attributes") var reportingAttributes: String
    @Field(key: "k") var k: Int
    @Field(key: "free_text_k") var freeTextK: Int
    @Field(key: "target_rate") var targetRate: Double
    @Field(key: "questions") var questionsJSON: String
    @Field(key: "status") var status: Status
    @OptionalField(key: "organization_fiscal_year") var organizationFiscalYear: Int?
    @Field(key: "created_by") var createdBy: String

    init() {}

    /// The fields for Fluent, read for every request, instead of reflection on each row
    /// (`ModelPropertyListTests` checks the list against reflection).
    var properties: [any AnyProperty] { [$id, $series, $fiscalYear, $titleJa, $titleEn, $descriptionText, $opensOn, $closesOn, $isAnonymous, $targetDepartments, $targetEmploymentTypes, $reportingAttributes, $k, $freeTextK, $targetRate, $questionsJSON, $status, $organizationFiscalYear, $createdBy] }

    /// The questions, decoded once per text: answering reads them a dozen times per request (the
    /// page count, the page's questions, validation, the next page), and decoding the JSON each
    /// time was a third of a survey submission's time. A model instance serves one request.
    var questions: [SurveyQuestion] {
        get {
            if let decoded = decodedQuestions, decoded.json == questionsJSON { return decoded.questions }
            let questions = JSONText.decode([SurveyQuestion].self, from: questionsJSON) ?? []
            decodedQuestions = (questionsJSON, questions)
            return questions
        }
        set { questionsJSON = JSONText.encode(newValue, fallback: "[]") }
    }
    private var decodedQuestions: (json: String, questions: [SurveyQuestion])?

    var attributes: [ReportingAttribute] {
        reportingAttributes.split(separator: ",").compactMap { ReportingAttribute(rawValue: String($0)) }
    }

    /// Who the survey asks (the builder stores only known employment types).
    var group: TargetGroup {
        TargetGroup(storedDepartments: targetDepartments, storedEmploymentTypes: targetEmploymentTypes)
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

    /// Answers are accepted: opened, and today within the period. The answer page, a person's
    /// list of open surveys and the reminders all ask this.
    func acceptsAnswers(today: LocalDate) -> Bool {
        status == .open && opensOn <= today && today <= closesOn
    }

    func title(_ language: Language) -> String { language == .en && !titleEn.isEmpty ? titleEn : titleJa }
}

extension Survey {
    /// A survey in one line; the defaults are the usual: an anonymous draft of the staff survey for
    /// everyone, k = 5, free text from 10 respondents, an 80% target rate.
    convenience init(
        id: UUID? = nil, series: String = "staff-survey", fiscalYear: Int, titleJa: String, titleEn: String = "",
        descriptionText: String = "", opensOn: LocalDate, closesOn: LocalDate, isAnonymous: Bool = true,
        targetDepartments: String = "", targetEmploymentTypes: String = "", reportingAttributes: String = "",
        k: Int = 5, freeTextK: Int = 10, targetRate: Double = 0.8, questions: [SurveyQuestion] = [],
        status: Status = .draft, organizationFiscalYear: Int? = nil, createdBy: String = ""
    ) {
        self.init()
        self.id = id
        self.series = series
        self.fiscalYear = fiscalYear
        self.titleJa = titleJa
        self.titleEn = titleEn
        self.descriptionText = descriptionText
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.isAnonymous = isAnonymous
        self.targetDepartments = targetDepartments
        self.targetEmploymentTypes = targetEmploymentTypes
        self.reportingAttributes = reportingAttributes
        self.k = k
        self.freeTextK = freeTextK
        self.targetRate = targetRate
        self.questions = questions
        self.status = status
        self.organizationFiscalYear = organizationFiscalYear
        self.createdBy = createdBy
    }
}
