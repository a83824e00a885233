import Fluent
import Foundation
import JibungotoDomain

/// A staff member in the staff master. The current section, post and since-date are copied from
/// the open assignment so that lists of tens of thousands filter and sort on indexed columns.
final class StaffMember: Model, @unchecked Sendable {
    static let schema = "staff"

    @ID(key: .id) var id: UUID?
    @Field(key: "staff_number") var staffNumber: StaffNumber
    @Field(key: "name") var name: String
    @Field(key: "name_kana") var nameKana: String
    /// 氏名カナ normalised for search: katakana, no spaces (ひらがな and ｶﾀｶﾅ queries are normalised alike).
    @Field(key: "kana_search") var kanaSearch: String
    @Field(key: "birth_date") var birthDate: LocalDate
    @OptionalField(key: "gender") var gender: Gender?
    @Field(key: "hire_date") var hireDate: LocalDate
    /// The fiscal year of hiring (採用年度), for cohort filters.
    @Field(key: "hire_fiscal_year") var hireFiscalYear: Int
    @Field(key: "job_type") var jobType: String
    @Field(key: "grade") var grade: String
    @Field(key: "employment_type") var employmentType: EmploymentType
    @OptionalField(key: "current_section_code") var currentSectionCode: SectionCode?
    @OptionalField(key: "current_post") var currentPost: String?
    @OptionalField(key: "current_since") var currentSince: LocalDate?

    init() {}

    /// The fields, which Fluent otherwise finds by reflection for every row it reads: a staff list
    /// reads a page of these and the distinct 職種 and 採用年度 (a seventh of its time went to that
    /// reflection). `ModelPropertyListTests` checks the list against reflection, so a field added
    /// above and forgotten here fails a test rather than silently not loading.
    var properties: [any AnyProperty] {
        [$id, $staffNumber, $name, $nameKana, $kanaSearch, $birthDate, $gender, $hireDate, $hireFiscalYear,
         $jobType, $grade, $employmentType, $currentSectionCode, $currentPost, $currentSince]
    }

    init(record: StaffRecord) {
        update(from: record)
    }

    func update(from record: StaffRecord) {
        staffNumber = record.staffNumber
        name = record.name
        nameKana = record.nameKana
        kanaSearch = KanaSearch.normalize(record.nameKana)
        birthDate = record.birthDate
        gender = record.gender
        hireDate = record.hireDate
        hireFiscalYear = FiscalYear.containing(record.hireDate).startYear
        jobType = record.jobType
        grade = record.grade
        employmentType = record.employmentType
    }

    var record: StaffRecord {
        StaffRecord(
            staffNumber: staffNumber, name: name, nameKana: nameKana,
            birthDate: birthDate, gender: gender,
            hireDate: hireDate, jobType: jobType, grade: grade,
            employmentType: employmentType
        )
    }
}
