import Fluent
import Foundation

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
    /// The 課 (or the department itself), only when the survey reports by section.
    @OptionalField(key: "section_code") var sectionCode: String?
    /// Only for surveys labelled as named on every page.
    @OptionalField(key: "named_staff_number") var namedStaffNumber: String?
    /// Listed for Fluent: the demo city writes these by the thousand (see `ModelPropertyListTests`).
    var properties: [any AnyProperty] { [$id, $surveyID, $day, $departmentCode, $ageBand, $serviceBand, $employmentType, $sectionCode, $namedStaffNumber] }

    init() {}
}

extension SurveyResponseRecord {
    /// One answer sheet in one line; attributes a survey does not report on stay nil.
    convenience init(
        id: UUID? = nil, surveyID: UUID, day: String, departmentCode: String? = nil, ageBand: String? = nil,
        serviceBand: String? = nil, employmentType: String? = nil, sectionCode: String? = nil, namedStaffNumber: String? = nil
    ) {
        self.init()
        self.id = id
        self.surveyID = surveyID
        self.day = day
        self.departmentCode = departmentCode
        self.ageBand = ageBand
        self.serviceBand = serviceBand
        self.employmentType = employmentType
        self.sectionCode = sectionCode
        self.namedStaffNumber = namedStaffNumber
    }
}
