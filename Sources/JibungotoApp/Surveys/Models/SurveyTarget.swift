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
    /// Their 課 — the unit right below the department, or the department itself for its own
    /// people — frozen with the rest, so a survey reported by section puts the same 課 on the
    /// sheet and in the release even if that year's organization is edited meanwhile. Empty for
    /// surveys opened before migration 030.
    @Field(key: "division_code") var divisionCode: String

    init() {}

    /// The fields for Fluent, read for every request, instead of reflection on each row
    /// (`ModelPropertyListTests` checks the list against reflection).
    var properties: [any AnyProperty] { [$id, $surveyID, $staffNumber, $departmentCode, $sectionCode, $divisionCode] }
}

extension SurveyTarget {
    /// One frozen target in one line.
    convenience init(id: UUID? = nil, surveyID: UUID, staffNumber: StaffNumber, departmentCode: SectionCode, sectionCode: SectionCode, divisionCode: String = "") {
        self.init()
        self.divisionCode = divisionCode
        self.id = id
        self.surveyID = surveyID
        self.staffNumber = staffNumber
        self.departmentCode = departmentCode
        self.sectionCode = sectionCode
    }
}
