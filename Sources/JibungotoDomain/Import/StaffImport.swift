import Foundation

/// The outcome of checking an import file: the records that passed, and every problem found.
/// Apply only when ``issues`` is empty.
public struct ImportResult<Record: Sendable & Equatable>: Sendable, Equatable {
    /// Valid rows in file order; rows with any issue are left out.
    public var records: [ImportRow<Record>]
    /// Every problem, sorted by line.
    public var issues: [ImportIssue]
    /// Data records read (empty lines not counted).
    public var rowCount: Int
    /// How the bytes were decoded, when the result came from a `validate(data:…)` variant.
    public var detectedEncoding: DetectedCSVEncoding?
    /// Header cells that map to no field and were ignored.
    public var ignoredColumns: [String]

    public var isValid: Bool { issues.isEmpty }

    public init(records: [ImportRow<Record>], issues: [ImportIssue], rowCount: Int,
                detectedEncoding: DetectedCSVEncoding? = nil, ignoredColumns: [String] = []) {
        self.records = records
        self.issues = issues
        self.rowCount = rowCount
        self.detectedEncoding = detectedEncoding
        self.ignoredColumns = ignoredColumns
    }
}

public typealias StaffImportResult = ImportResult<StaffRecord>

/// Checks a staff-master file (職員番号, 氏名, 氏名カナ, 生年月日, 性別, 採用年月日, 職種, 職位, 雇用区分).
public enum StaffImport {
    /// Decodes, parses and validates a file in one step; decoding, CSV and header problems come
    /// back as issues like the rest.
    public static func validate(data: Data, encoding: CSVTextEncoding, mapping: HeaderMapping) -> StaffImportResult {
        let decoded: DecodedCSVText
        switch CSVText.decode(data, encoding: encoding) {
        case .success(let value): decoded = value
        case .failure(let error): return StaffImportResult(records: [], issues: [error.issue], rowCount: 0)
        }
        var result: StaffImportResult
        switch CSVTable.parse(decoded.text) {
        case .success(let table): result = validate(table: table, mapping: mapping)
        case .failure(let issue): result = StaffImportResult(records: [], issues: [issue], rowCount: 0)
        }
        result.detectedEncoding = decoded.detected
        return result
    }

    /// Validates every record of a parsed staff file.
    ///
    /// Values are stored normalised: staff numbers through ``ImportNormalization/code(_:)``,
    /// kana through ``ImportNormalization/nameKana(_:)``, other text trimmed. A staff number
    /// seen earlier in the file is reported on the later line. The hire date must not precede
    /// the first April 1 after the staff member's compulsory schooling ended, the earliest
    /// lawful hire (Labour Standards Act art. 56); an earlier one means swapped columns or a
    /// wrong era letter.
    public static func validate(table: CSVTable, mapping: HeaderMapping) -> StaffImportResult {
        let header: ResolvedHeader<StaffField>
        switch mapping.resolve(header: table.header, headerLine: table.headerLine, as: StaffField.self) {
        case .success(let value): header = value
        case .failure(let failure):
            return StaffImportResult(records: [], issues: failure.issues, rowCount: table.records.count)
        }
        var records: [ImportRow<StaffRecord>] = []
        records.reserveCapacity(table.records.count)
        var issues: [ImportIssue] = []
        var firstLineOfNumber: [String: Int] = [:]
        firstLineOfNumber.reserveCapacity(table.records.count)

        for record in table.records {
            if let issue = RowReader<StaffField>.fieldCountIssue(record, header: table.header) {
                issues.append(issue)
                continue
            }
            var row = RowReader(record: record, header: header)
            let number = row.code(.staffNumber)
            if let number {
                if let first = firstLineOfNumber[number] {
                    row.report(.staffNumber, .duplicateStaffNumber(number: number, firstLine: first))
                } else {
                    firstLineOfNumber[number] = record.line
                }
            }
            let name = row.text(.name)
            let kana = readKana(&row)
            let birth = row.date(.birthDate)
            let gender = row.choice(.gender, genders, allowed: genderLabels)
            let hire = row.date(.hireDate)
            let jobType = row.text(.jobType)
            let grade = row.text(.grade)
            let employment = row.choice(.employmentType, employmentTypes, allowed: employmentLabels)
            if let birth = birth ?? nil, let hire = hire ?? nil {
                let earliest = earliestHire(birth: birth)
                if hire < earliest { row.report(.hireDate, .hireBeforeWorkingAge(earliest: earliest)) }
            }
            if row.issues.isEmpty, let number, let name, let kana, let birth = birth ?? nil,
               let gender, let hire = hire ?? nil, let jobType, let grade,
               let employment = employment ?? nil {
                records.append(ImportRow(line: record.line, record: StaffRecord(
                    staffNumber: StaffNumber(number), name: name, nameKana: kana, birthDate: birth, gender: gender,
                    hireDate: hire, jobType: jobType, grade: grade, employmentType: employment)))
            } else {
                issues += row.issues
            }
        }
        return StaffImportResult(
            records: records, issues: ImportNormalization.sorted(issues), rowCount: table.records.count,
            ignoredColumns: header.ignoredColumns.map { table.header[$0] })
    }

    /// The first day a person born on `birth` may lawfully be employed: the April 1 after the
    /// first March 31 on or after the day they reach 15.
    public static func earliestHire(birth: LocalDate) -> LocalDate {
        FiscalYear.containing(birth.dayReachingAge(15)).next.start
    }

    private static func readKana(_ row: inout RowReader<StaffField>) -> String? {
        let text = row.raw(.nameKana)
        guard !text.isEmpty else { return row.checked(.nameKana, "") }
        guard let kana = ImportNormalization.nameKana(text) else {
            row.report(.nameKana, .notKana(value: text))
            return nil
        }
        return row.checked(.nameKana, kana)
    }

    // 性別 as payroll systems write it (ISO 5218 codes 1 and 2 included).
    static let genders: [String: Gender] = {
        var table: [String: Gender] = [:]
        for text in ["男", "男性", "M", "male", "1"] { table[TextNormalization.key(text)] = .male }
        for text in ["女", "女性", "F", "female", "2"] { table[TextNormalization.key(text)] = .female }
        for text in ["その他", "other"] { table[TextNormalization.key(text)] = .other }
        return table
    }()

    static let genderLabels = ["男", "女", "その他", "（空欄）"]

    // 雇用区分: the labels, common variants and the raw values. The pre-2023 「再任用短時間」
    // (after retirement) is deliberately absent: it is neither 再任用 (full-time) nor
    // 定年前再任用短時間, so HR must decide.
    static let employmentTypes: [String: EmploymentType] = {
        var table: [String: EmploymentType] = [:]
        for type in EmploymentType.allCases {
            table[TextNormalization.key(type.japaneseLabel)] = type
            table[TextNormalization.key(type.rawValue)] = type
        }
        let variants: [(String, EmploymentType)] = [
            ("正規", .regular), ("正規職員", .regular), ("常勤職員", .regular),
            ("再任用（フルタイム）", .reappointed), ("再任用フルタイム", .reappointed),
            ("再任用職員", .reappointed),
            ("短時間再任用", .shortTimeReappointed), ("定年前再任用短時間勤務", .shortTimeReappointed),
            ("定年前再任用短時間勤務職員", .shortTimeReappointed),
            ("会計年度任用職員", .fiscalYearAppointed),
        ]
        for (text, type) in variants { table[TextNormalization.key(text)] = type }
        return table
    }()

    static let employmentLabels = EmploymentType.allCases.map(\.japaneseLabel)
}
