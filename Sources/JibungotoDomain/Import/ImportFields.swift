/// What an import file holds.
public enum ImportKind: String, Sendable, Hashable, Codable, CaseIterable {
    case staff
    case assignments
}

extension ImportKind {
    /// The header row of the template to fill in: each column's usual name, in the order the
    /// exports write them, so a template, an export and the importer agree.
    public var templateHeader: [String] {
        switch self {
        case .staff: StaffField.allCases.map(\.japaneseName)
        case .assignments: AssignmentField.allCases.map(\.japaneseName)
        }
    }
}

/// A field an import file can fill. The raw value is the field's key: stable, English, used in
/// saved header mappings and accepted as a header name itself.
public protocol ImportField: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
    static var kind: ImportKind { get }
    /// Whether the column must be present and every cell filled.
    var isRequired: Bool { get }
    /// Maximum length in characters, after trimming.
    var maxLength: Int { get }
    /// The usual header name, e.g. 「職員番号」.
    var japaneseName: String { get }
    var englishName: String { get }
    /// Header names recognised without a custom mapping: the usual one first, then aliases
    /// seen in payroll systems' exports, then the key.
    var defaultHeaders: [String] { get }
}

/// The columns of a staff file.
public enum StaffField: String, ImportField {
    case staffNumber
    case name
    case nameKana
    case birthDate
    case gender
    case hireDate
    case jobType
    case grade
    case employmentType

    public static var kind: ImportKind { .staff }

    public var isRequired: Bool { self != .gender }

    public var maxLength: Int {
        switch self {
        case .staffNumber: 20
        case .name: 50
        case .nameKana: 100
        case .jobType, .grade: 30
        case .birthDate, .hireDate, .gender, .employmentType: 40
        }
    }

    public var japaneseName: String { defaultHeaders[0] }

    public var englishName: String {
        switch self {
        case .staffNumber: "Staff number"
        case .name: "Name"
        case .nameKana: "Name (kana)"
        case .birthDate: "Date of birth"
        case .gender: "Gender"
        case .hireDate: "Hire date"
        case .jobType: "Job type"
        case .grade: "Grade"
        case .employmentType: "Employment type"
        }
    }

    public var defaultHeaders: [String] {
        switch self {
        case .staffNumber: ["職員番号", "職員No", "職員No.", "職員コード", "職員CD", "職員ID", rawValue, "staff_number"]
        case .name: ["氏名", "漢字氏名", "職員氏名", "氏名（漢字）", rawValue]
        case .nameKana: ["氏名カナ", "カナ氏名", "フリガナ", "ふりがな", "氏名（カナ）", "氏名フリガナ", "職員氏名カナ", rawValue, "name_kana"]
        case .birthDate: ["生年月日", rawValue, "birth_date"]
        case .gender: ["性別", rawValue]
        case .hireDate: ["採用年月日", "採用日", "任用年月日", "入庁年月日", "入庁日", rawValue, "hire_date"]
        case .jobType: ["職種", rawValue, "job_type"]
        case .grade: ["職位", "職層", "役職", "級", rawValue]
        case .employmentType: ["雇用区分", "任用区分", "雇用形態", rawValue, "employment_type"]
        }
    }
}

/// The columns of an assignment-history (異動履歴) file.
public enum AssignmentField: String, ImportField {
    case staffNumber
    case sectionCode
    case post
    case startDate
    case endDate

    public static var kind: ImportKind { .assignments }

    public var isRequired: Bool { self != .endDate }

    public var maxLength: Int {
        switch self {
        case .staffNumber, .sectionCode: 20
        case .post: 30
        case .startDate, .endDate: 40
        }
    }

    public var japaneseName: String { defaultHeaders[0] }

    public var englishName: String {
        switch self {
        case .staffNumber: "Staff number"
        case .sectionCode: "Section code"
        case .post: "Post"
        case .startDate: "Start date"
        case .endDate: "End date"
        }
    }

    public var defaultHeaders: [String] {
        switch self {
        case .staffNumber: ["職員番号", "職員No", "職員No.", "職員コード", "職員CD", "職員ID", rawValue, "staff_number"]
        case .sectionCode: ["所属コード", "所属CD", "部署コード", "所属番号", rawValue, "section_code"]
        case .post: ["職名", "役職", rawValue]
        case .startDate: ["発令日", "開始日", "異動日", "着任日", "発令年月日", "開始年月日", rawValue, "start_date"]
        case .endDate: ["終了日", "転出日", "終了年月日", rawValue, "end_date"]
        }
    }
}
