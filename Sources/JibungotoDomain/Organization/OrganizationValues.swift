/// 雇用区分: how a staff member is employed.
public enum EmploymentType: String, CaseIterable, Codable, Sendable {
    /// 常勤 (full-time regular staff).
    case regular
    /// 再任用 (re-appointed after retirement).
    case reappointed
    /// 定年前再任用短時間 (short-time re-appointment before the retirement age, from age 60).
    case shortTimeReappointed
    /// 会計年度任用 (appointed for one fiscal year).
    case fiscalYearAppointed

    /// The label personnel systems write, e.g. 「常勤」.
    public var japaneseLabel: String {
        switch self {
        case .regular: "常勤"
        case .reappointed: "再任用"
        case .shortTimeReappointed: "定年前再任用短時間"
        case .fiscalYearAppointed: "会計年度任用"
        }
    }
}

/// The kind of an organizational unit: 部 → 課/室/センター → 係.
public enum SectionKind: String, CaseIterable, Codable, Sendable {
    case department  // 部
    case division    // 課
    case office      // 室
    case center      // センター (e.g. 地区市民センター)
    case unit        // 係

    public var japaneseLabel: String {
        switch self {
        case .department: "部"
        case .division: "課"
        case .office: "室"
        case .center: "センター"
        case .unit: "係"
        }
    }
}

/// 性別, optional in the staff master.
public enum Gender: String, CaseIterable, Codable, Sendable {
    case female
    case male
    case other
}

/// One staff member as the staff master holds them.
public struct StaffRecord: Sendable, Equatable, Codable {
    public var staffNumber: StaffNumber
    public var name: String
    /// 氏名カナ in full-width katakana.
    public var nameKana: String
    public var birthDate: LocalDate
    public var gender: Gender?
    public var hireDate: LocalDate
    /// 職種, e.g. 事務, 技術, 保健師, 保育士.
    public var jobType: String
    /// 職位/職層, e.g. 主事, 主任, 係長, 課長補佐, 課長, 部長.
    public var grade: String
    public var employmentType: EmploymentType

    public init(
        staffNumber: StaffNumber, name: String, nameKana: String, birthDate: LocalDate, gender: Gender?,
        hireDate: LocalDate, jobType: String, grade: String, employmentType: EmploymentType
    ) {
        self.staffNumber = staffNumber
        self.name = name
        self.nameKana = nameKana
        self.birthDate = birthDate
        self.gender = gender
        self.hireDate = hireDate
        self.jobType = jobType
        self.grade = grade
        self.employmentType = employmentType
    }
}

/// One line of 異動履歴: who held which post in which section from when to when.
public struct AssignmentRecord: Sendable, Equatable, Codable {
    public var staffNumber: StaffNumber
    public var sectionCode: SectionCode
    /// 職名 in that section, e.g. 主事, 係長, 課長.
    public var post: String
    public var start: LocalDate
    /// The last day in the post; nil while it lasts.
    public var end: LocalDate?

    public init(staffNumber: StaffNumber, sectionCode: SectionCode, post: String, start: LocalDate, end: LocalDate?) {
        self.staffNumber = staffNumber
        self.sectionCode = sectionCode
        self.post = post
        self.start = start
        self.end = end
    }
}

/// One organizational unit in one fiscal year. Its code is its identity across years.
public struct SectionRecord: Sendable, Equatable, Codable {
    public var code: SectionCode
    public var nameJa: String
    public var nameEn: String
    public var kind: SectionKind
    /// The code of the unit above it in the same fiscal year; nil for a department.
    public var parentCode: SectionCode?
    /// 市民協働部署: a post where staff work with citizens (the district citizen centers and the like).
    public var isCollaborationPost: Bool
    /// The district a district citizen center serves.
    public var district: String?
    /// 定数: authorized headcount.
    public var authorizedHeadcount: Int
    /// Whether the unit is headed by a managerial post (管理監督職).
    public var isManagerial: Bool

    public init(
        code: SectionCode, nameJa: String, nameEn: String, kind: SectionKind, parentCode: SectionCode?,
        isCollaborationPost: Bool, district: String?, authorizedHeadcount: Int, isManagerial: Bool
    ) {
        self.code = code
        self.nameJa = nameJa
        self.nameEn = nameEn
        self.kind = kind
        self.parentCode = parentCode
        self.isCollaborationPost = isCollaborationPost
        self.district = district
        self.authorizedHeadcount = authorizedHeadcount
        self.isManagerial = isManagerial
    }
}
