import Foundation
import FuzzSupport
import JibungotoDomain

// The bytes of an uploaded staff or assignments file go through the whole import check:
// encoding detection (UTF-8 or CP932), CSV splitting, header mapping, row validation. Besides
// not crashing, every rejection must name a line that exists in the file, and the message the
// user reads must start with that line.

private let staffMapping = HeaderMapping.defaults(for: .staff)
private let assignmentMapping = HeaderMapping.defaults(for: .assignments)
// The codes the seed files use, so that fuzzed rows reach the checks after the lookups.
private let sectionCodes: Set<SectionCode> = ["A100", "A200", "b300"]
private let staffNumbers: Set<StaffNumber> = ["1001", "1002", "S1003"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    // The importer ends a line at CR, LF or CR LF (CSV.swift's rule), so one more than the
    // count of CR and LF bytes is a line no issue may pass.
    let lastLine = 1 + data.reduce(0) { $1 == 0x0A || $1 == 0x0D ? $0 + 1 : $0 }

    for encoding in CSVTextEncoding.allCases {
        switch CSVText.decode(data, encoding: encoding) {
        case .success(let decoded):
            require(encoding == .auto || decoded.detected.rawValue.hasPrefix(encoding.rawValue),
                         "asked for \(encoding), read as \(decoded.detected)")
        case .failure(let error):
            require(error.encoding != .auto, "a decoding error must name the encoding tried")
            check(error.issue, lastLine: lastLine)
        }
    }

    let staff = StaffImport.validate(data: data, encoding: .auto, mapping: staffMapping)
    checkResult(staff, lastLine: lastLine)
    let assignments = AssignmentImport.validate(
        data: data, encoding: .auto, mapping: assignmentMapping,
        knownSectionCodes: sectionCodes, knownStaffNumbers: staffNumbers)
    checkResult(assignments, lastLine: lastLine)
    return 0
}

private func checkResult<Record>(_ result: ImportResult<Record>, lastLine: Int) {
    for issue in result.issues { check(issue, lastLine: lastLine) }
    require(result.records.count <= result.rowCount, "more records than rows")
    if result.isValid {
        require(result.records.count == result.rowCount, "a valid file lost \(result.rowCount - result.records.count) rows")
    }
    var previous = 0
    for row in result.records {
        require(row.line > previous && row.line <= lastLine, "record line \(row.line) out of order or beyond \(lastLine)")
        previous = row.line
    }
}

private func check(_ issue: ImportIssue, lastLine: Int) {
    require((1...lastLine).contains(issue.line), "issue names line \(issue.line) of \(lastLine): \(issue)")
    let message = issue.message
    require(message.ja.hasPrefix("\(issue.line)行目"), "Japanese message lacks its line: \(message.ja)")
    require(message.en.hasPrefix("Line \(issue.line)"), "English message lacks its line: \(message.en)")
}
