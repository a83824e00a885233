import Fluent
import Foundation
import JibungotoDomain

/// Who was asked, frozen when the survey opened (the denominators of the response rate).
final class SurveyTarget: Model, @unchecked Sendable {
    static let schema = "survey_targets"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "staff_number") var staffNumber: StaffNumber
    @Field(key: "department_code") var departmentCode: SectionCode
    @Field(key: "section_code") var sectionCode: SectionCode

    init() {}
}

extension SurveyTarget {
    /// One frozen target in one line.
    convenience init(id: UUID? = nil, surveyID: UUID, staffNumber: StaffNumber, departmentCode: SectionCode, sectionCode: SectionCode) {
        self.init()
        self.id = id
        self.surveyID = surveyID
        self.staffNumber = staffNumber
        self.departmentCode = departmentCode
        self.sectionCode = sectionCode
    }
}
