import JibungotoDomain

/// Test shorthand: a date from a literal known to be valid.
public func day(_ iso: String) -> LocalDate {
    guard let date = LocalDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return date
}

public extension StaffRecord {
    /// A regular 事務 主事 with no gender recorded, born 1990-05-10 and hired 2015-04-01 unless told.
    static func fixture(
        _ staffNumber: StaffNumber,
        name: String = "山田 太郎",
        nameKana: String = "ヤマダ タロウ",
        born birthDate: LocalDate = day("1990-05-10"),
        gender: Gender? = nil,
        hired hireDate: LocalDate = day("2015-04-01"),
        jobType: String = "事務",
        grade: String = "主事",
        employmentType: EmploymentType = .regular
    ) -> StaffRecord {
        StaffRecord(
            staffNumber: staffNumber, name: name, nameKana: nameKana, birthDate: birthDate, gender: gender,
            hireDate: hireDate, jobType: jobType, grade: grade, employmentType: employmentType
        )
    }
}

public extension SectionRecord {
    /// A non-managerial, non-collaboration section outside any district with no seats unless told.
    static func fixture(
        _ code: SectionCode,
        nameJa: String,
        nameEn: String = "",
        kind: SectionKind = .unit,
        parent parentCode: SectionCode? = nil,
        isCollaborationPost: Bool = false,
        district: String? = nil,
        headcount authorizedHeadcount: Int = 0,
        isManagerial: Bool = false
    ) -> SectionRecord {
        SectionRecord(
            code: code, nameJa: nameJa, nameEn: nameEn, kind: kind, parentCode: parentCode,
            isCollaborationPost: isCollaborationPost, district: district,
            authorizedHeadcount: authorizedHeadcount, isManagerial: isManagerial
        )
    }
}

public extension AssignmentRecord {
    /// A 主事 posting, still current unless `end` is given.
    static func fixture(
        _ staffNumber: StaffNumber,
        _ sectionCode: SectionCode,
        post: String = "主事",
        start: LocalDate,
        end: LocalDate? = nil
    ) -> AssignmentRecord {
        AssignmentRecord(staffNumber: staffNumber, sectionCode: sectionCode, post: post, start: start, end: end)
    }
}
