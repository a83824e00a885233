import Foundation

public typealias AssignmentImportResult = ImportResult<AssignmentRecord>

/// Checks an assignment-history (異動履歴) file: 職員番号, 所属コード, 職名, 発令日, 終了日.
public enum AssignmentImport {
    /// Decodes, parses and validates a file in one step; decoding, CSV and header problems come
    /// back as issues like the rest.
    public static func validate(
        data: Data, encoding: CSVTextEncoding, mapping: HeaderMapping,
        knownSectionCodes: Set<SectionCode>, knownStaffNumbers: Set<StaffNumber>
    ) -> AssignmentImportResult {
        let decoded: DecodedCSVText
        switch CSVText.decode(data, encoding: encoding) {
        case .success(let value): decoded = value
        case .failure(let error): return AssignmentImportResult(records: [], issues: [error.issue], rowCount: 0)
        }
        var result: AssignmentImportResult
        switch CSVTable.parse(decoded.text) {
        case .success(let table):
            result = validate(table: table, mapping: mapping, knownSectionCodes: knownSectionCodes,
                              knownStaffNumbers: knownStaffNumbers)
        case .failure(let issue):
            result = AssignmentImportResult(records: [], issues: [issue], rowCount: 0)
        }
        result.detectedEncoding = decoded.detected
        return result
    }

    /// Validates every record of a parsed assignment file.
    ///
    /// Staff numbers and section codes are compared after ``ImportNormalization/code(_:)`` on
    /// both sides, and the records carry the spelling from the known sets. An empty end date
    /// means the assignment lasts. Two assignments of one staff member in this file whose
    /// periods share a day are reported on the later line, naming the earlier one; assignments
    /// already stored are not considered (the caller decides whether the file replaces them).
    public static func validate(
        table: CSVTable, mapping: HeaderMapping,
        knownSectionCodes: Set<SectionCode>, knownStaffNumbers: Set<StaffNumber>
    ) -> AssignmentImportResult {
        let header: ResolvedHeader<AssignmentField>
        switch mapping.resolve(header: table.header, headerLine: table.headerLine, as: AssignmentField.self) {
        case .success(let value): header = value
        case .failure(let failure):
            return AssignmentImportResult(records: [], issues: failure.issues, rowCount: table.records.count)
        }
        let sections = canonical(Set(knownSectionCodes.map(\.rawValue)))
        let staff = canonical(Set(knownStaffNumbers.map(\.rawValue)))

        var issues: [ImportIssue] = []
        // Rows whose period is readable, for the overlap check, by staff number.
        var periods: [String: [Period]] = [:]
        // Rows without issues so far, by line; an overlap may still remove them.
        var candidates: [ImportRow<AssignmentRecord>] = []
        candidates.reserveCapacity(table.records.count)

        for record in table.records {
            if let issue = RowReader<AssignmentField>.fieldCountIssue(record, header: table.header) {
                issues.append(issue)
                continue
            }
            var row = RowReader(record: record, header: header)
            var number = row.code(.staffNumber)
            if let given = number {
                number = staff[given]
                if number == nil { row.report(.staffNumber, .unknownStaff(number: given)) }
            }
            var section = row.code(.sectionCode)
            if let given = section {
                section = sections[given]
                if section == nil { row.report(.sectionCode, .unknownSection(code: given)) }
            }
            let post = row.text(.post)
            let start = row.date(.startDate)
            let end = row.date(.endDate)
            var periodValid = false
            if let start = start ?? nil, let end {
                if let end, end < start {
                    row.report(.endDate, .endBeforeStart(start: start, end: end))
                } else {
                    periodValid = true
                    // Overlaps are checked among all readable periods, also of rows with other
                    // problems, so fixing those does not reveal new errors later.
                    let key = number ?? TextNormalization.code(row.raw(.staffNumber))
                    if !key.isEmpty {
                        periods[key, default: []].append(Period(line: record.line, start: start, end: end))
                    }
                }
            }
            if row.issues.isEmpty, periodValid, let number, let section, let post, let start = start ?? nil,
               let end {
                candidates.append(ImportRow(line: record.line, record: AssignmentRecord(
                    staffNumber: StaffNumber(number), sectionCode: SectionCode(section), post: post, start: start, end: end)))
            } else {
                issues += row.issues
            }
        }

        var overlapping: Set<Int> = []
        for (_, list) in periods where list.count > 1 {
            for (line, otherLine) in overlaps(list) {
                overlapping.insert(line)
                let column = header.columns[.startDate].map { table.header[$0] }
                issues.append(ImportIssue(line: line, column: column, field: AssignmentField.startDate.rawValue,
                                          kind: .overlappingAssignment(otherLine: otherLine)))
            }
        }
        let records = overlapping.isEmpty ? candidates : candidates.filter { !overlapping.contains($0.line) }
        return AssignmentImportResult(
            records: records, issues: ImportNormalization.sorted(issues), rowCount: table.records.count,
            ignoredColumns: header.ignoredColumns.map { table.header[$0] })
    }

    struct Period {
        var line: Int
        var start: LocalDate
        // nil: still lasting.
        var end: LocalDate?
    }

    // Pairs (later line, earlier line) such that every period overlapping one before it in
    // start order is reported once. Sorting by start and keeping the furthest end seen so far
    // finds each in O(n log n); the partner named is the period reaching furthest.
    static func overlaps(_ periods: [Period]) -> [(line: Int, otherLine: Int)] {
        let sorted = periods.sorted { ($0.start, $0.line) < ($1.start, $1.line) }
        var result: [(Int, Int)] = []
        var reach = sorted[0]
        for period in sorted.dropFirst() {
            // `reach.end == nil` means open-ended: it overlaps everything after its start.
            if reach.end.map({ period.start <= $0 }) ?? true {
                result.append((max(period.line, reach.line), min(period.line, reach.line)))
            }
            if let reachEnd = reach.end, period.end.map({ $0 > reachEnd }) ?? true {
                reach = period
            }
        }
        return result
    }

    // Normalised code → the spelling the caller stores.
    private static func canonical(_ codes: Set<String>) -> [String: String] {
        var map: [String: String] = [:]
        map.reserveCapacity(codes.count)
        for code in codes { map[TextNormalization.code(code)] = code }
        return map
    }
}
