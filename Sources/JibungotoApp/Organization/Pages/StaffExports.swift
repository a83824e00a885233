import JibungotoDomain

/// The staff and assignment CSVs, in the columns and words the import reads back, so an export
/// re-imports unchanged.
enum StaffExports {
    static func staff(_ records: [StaffRecord]) -> (header: [String], rows: [[String]]) {
        (StaffField.allCases.map(\.japaneseName), records.map { record in StaffField.allCases.map { value($0, of: record) } })
    }

    /// Dates as ISO text (YYYY-MM-DD), the form the importer reads back.
    static func assignments(_ assignments: [Assignment]) -> (header: [String], rows: [[String]]) {
        let rows = assignments.map { assignment in
            AssignmentField.allCases.map { field in
                switch field {
                case .staffNumber: assignment.staffNumber.rawValue
                case .sectionCode: assignment.sectionCode.rawValue
                case .post: assignment.post
                case .startDate: assignment.startDate.iso
                case .endDate: assignment.endDate?.iso ?? ""
                }
            }
        }
        return (AssignmentField.allCases.map(\.japaneseName), rows)
    }

    private static func value(_ field: StaffField, of record: StaffRecord) -> String {
        switch field {
        case .staffNumber: record.staffNumber.rawValue
        case .name: record.name
        case .nameKana: record.nameKana
        case .birthDate: record.birthDate.iso
        case .gender: record.gender.map { ["female": "女", "male": "男"][$0.rawValue] ?? "その他" } ?? ""
        case .hireDate: record.hireDate.iso
        case .jobType: record.jobType
        case .grade: record.grade
        case .employmentType: record.employmentType.japaneseLabel
        }
    }
}
