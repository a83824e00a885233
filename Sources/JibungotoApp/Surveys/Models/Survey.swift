import Fluent
import Foundation
import JibungotoDomain
import NIOConcurrencyHelpers
import SQLKit

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
    /// time was a third of a survey submission's time. A model instance serves one request; across
    /// requests the survey's last decoded text is shared (`DecodedQuestions`).
    var questions: [SurveyQuestion] {
        get {
            if let decoded = decodedQuestions, decoded.json == questionsJSON { return decoded.questions }
            let questions = DecodedQuestions.of(questionsJSON, survey: id)
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

/// The questions of each survey as last decoded, shared by every request: a survey week opens
/// the same survey's pages a few times per person, and decoding its JSON was a twentieth of a
/// submission's CPU. An entry serves only the exact text it was decoded from, so an edited survey
/// is decoded afresh; one entry per survey, a few dozen surveys at most before the table restarts.
enum DecodedQuestions {
    private static let table = NIOLockedValueBox<[UUID: (json: String, questions: [SurveyQuestion])]>([:])
    private static let capacity = 64

    static func of(_ json: String, survey id: UUID?) -> [SurveyQuestion] {
        // Compared byte for byte: `==` on strings compares canonical equivalence, which costs more.
        if let id, let entry = table.withLockedValue({ $0[id] }), entry.json.utf8.elementsEqual(json.utf8) { return entry.questions }
        let questions = JSONText.decode([SurveyQuestion].self, from: json) ?? []
        if let id {
            table.withLockedValue { table in
                if table.count >= capacity { table.removeAll() }
                table[id] = (json, questions)
            }
        }
        return questions
    }
}

extension Survey {
    /// Every column, read from `properties` so the two cannot differ, for reading a survey by column.
    static let columns = Survey().properties.compactMap { ($0 as? any AnyQueryableProperty)?.path.first?.description }

    /// A survey from a row that holds `columns` (SQLKit), for the answer pages every respondent
    /// opens twice or more in a survey week: `Benchmarks/stack-floor` measured a row through a
    /// Fluent model at twice the CPU of the same row by column. The questions keep their stored
    /// JSON text. `ModelPropertyListTests` checks a survey read this way equals the one Fluent reads.
    convenience init(row: some SQLRow) throws {
        self.init()
        id = try row.decode(column: "id", as: UUID.self)
        series = try row.decode(column: "series", as: String.self)
        fiscalYear = try row.decode(column: "fiscal_year", as: Int.self)
        titleJa = try row.decode(column: "title_ja", as: String.self)
        titleEn = try row.decode(column: "title_en", as: String.self)
        descriptionText = try row.decode(column: "description", as: String.self)
        opensOn = try row.decode(column: "opens_on", as: LocalDate.self)
        closesOn = try row.decode(column: "closes_on", as: LocalDate.self)
        isAnonymous = try row.decode(column: "is_anonymous", as: Bool.self)
        targetDepartments = try row.decode(column: "target_departments", as: String.self)
        targetEmploymentTypes = try row.decode(column: "target_employment_types", as: String.self)
        reportingAttributes = try row.decode(column: "reporting_attributes", as: String.self)
        k = try row.decode(column: "k", as: Int.self)
        freeTextK = try row.decode(column: "free_text_k", as: Int.self)
        targetRate = try row.decode(column: "target_rate", as: Double.self)
        questionsJSON = try row.decode(column: "questions", as: String.self)
        status = try row.decode(column: "status", as: Status.self)
        organizationFiscalYear = try row.decode(column: "organization_fiscal_year", as: Int?.self)
        createdBy = try row.decode(column: "created_by", as: String.self)
        // The row exists: saving this survey updates it rather than inserting a copy.
        $id.exists = true
    }
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
