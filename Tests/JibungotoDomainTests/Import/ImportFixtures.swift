import Foundation
@testable import JibungotoDomain

/// How a fixture file is written to bytes.
enum FixtureEncoding: String, CaseIterable, Sendable {
    case utf8
    case utf8BOM
    case cp932

    /// The encodings the import must accept, each with the line end payroll systems pair it
    /// with most often, so every fixture also runs with CRLF and with LF.
    var newline: String { self == .utf8 ? "\n" : "\r\n" }

    var detected: DetectedCSVEncoding {
        switch self {
        case .utf8: .utf8
        case .utf8BOM: .utf8WithBOM
        case .cp932: .cp932
        }
    }
}

/// Joins lines with the encoding's line end (and a final one) and encodes them.
func fixtureBytes(_ lines: [String], _ encoding: FixtureEncoding, newline: String? = nil) -> Data {
    let text = lines.joined(separator: newline ?? encoding.newline) + (newline ?? encoding.newline)
    switch encoding {
    case .utf8: return Data(text.utf8)
    case .utf8BOM: return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    case .cp932:
        guard let data = text.data(using: .shiftJIS) else { fatalError("fixture not representable in CP932: \(text)") }
        return data
    }
}

let staffHeader = "職員番号,氏名,氏名カナ,生年月日,性別,採用年月日,職種,職位,雇用区分"
/// A valid staff row; line 2 in most fixtures.
let validStaffRow = "1001,山田　太郎,ヤマダ タロウ,S63.1.9,男,2010/4/1,事務,主事,常勤"

func validateStaff(_ lines: [String], _ encoding: FixtureEncoding,
                   mapping: HeaderMapping = .defaults(for: .staff)) -> StaffImportResult {
    StaffImport.validate(data: fixtureBytes(lines, encoding), encoding: .auto, mapping: mapping)
}

let assignmentHeader = "職員番号,所属コード,職名,発令日,終了日"

func validateAssignments(_ lines: [String], _ encoding: FixtureEncoding,
                         sections: Set<SectionCode> = ["A100", "A200", "B300"],
                         staff: Set<StaffNumber> = ["1001", "1002", "1003"]) -> AssignmentImportResult {
    AssignmentImport.validate(
        data: fixtureBytes(lines, encoding), encoding: .auto, mapping: .defaults(for: .assignments),
        knownSectionCodes: sections, knownStaffNumbers: staff)
}

func importDate(_ iso: String) -> LocalDate {
    guard let date = LocalDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return date
}
