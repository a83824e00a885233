import CSV

/// One data record of a CSV file.
public struct CSVRecord: Sendable, Hashable {
    /// The 1-based physical line on which the record starts (the header is usually line 1).
    public var line: Int
    /// The fields as in the file, quotes removed, not trimmed.
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A CSV file split into a header and records.
public struct CSVTable: Sendable, Hashable {
    /// The header cells, trimmed.
    public var header: [String]
    /// The line of the header: 1 unless the file starts with empty lines.
    public var headerLine: Int
    /// The data records, without completely empty lines.
    public var records: [CSVRecord]

    public init(header: [String], headerLine: Int = 1, records: [CSVRecord]) {
        self.header = header
        self.headerLine = headerLine
        self.records = records
    }

    /// Splits decoded text into records with CSV.swift, which handles quoted fields holding
    /// commas, doubled quotes and line breaks, and CRLF or LF line ends.
    ///
    /// Line numbers are physical lines, as a text editor shows them: a record starts one line
    /// after the previous record's last line. Lines whose fields are all empty (such as the
    /// `,,,,` rows Excel leaves under a table) are skipped but still counted. Fails with a
    /// `.malformedCSV` issue on a quote that is never closed, and with `.emptyFile` when there
    /// is no header.
    public static func parse(_ text: String) -> Result<CSVTable, ImportIssue> {
        // CSV.swift reads an unterminated quoted field silently to the end of the input. A
        // sentinel line after the text reveals it: it comes back as its own record only when
        // every quote was closed.
        let sentinel = "\u{1}\u{FFFF}"
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text + "\n" + sentinel)
        } catch {
            return .failure(ImportIssue(line: 1, column: nil, field: nil, kind: .emptyFile))
        }
        var header: [String]?
        var headerLine = 1
        var records: [CSVRecord] = []
        var line = 1
        var previous: (line: Int, fields: [String])?
        while let fields = reader.next() {
            if let (recordLine, recordFields) = previous {
                if isBlank(recordFields) {
                    // Skipped, but its lines were already counted.
                } else if header == nil {
                    header = recordFields.map(TextNormalization.trim)
                    headerLine = recordLine
                } else {
                    records.append(CSVRecord(line: recordLine, fields: recordFields.map(CSVExport.restored)))
                }
            }
            previous = (line, fields)
            line += 1 + lineBreaks(in: fields)
        }
        guard let last = previous, last.fields == [sentinel] else {
            // The last record swallowed the sentinel: report the line where its open quote began.
            let fields = previous?.fields ?? []
            var quoteLine = previous?.line ?? 1
            for field in fields.dropLast() { quoteLine += lineBreaks(in: [field]) }
            return .failure(ImportIssue(line: quoteLine, column: nil, field: nil, kind: .malformedCSV))
        }
        guard let header else {
            return .failure(ImportIssue(line: 1, column: nil, field: nil, kind: .emptyFile))
        }
        return .success(CSVTable(header: header, headerLine: headerLine, records: records))
    }

    private static func isBlank(_ fields: [String]) -> Bool {
        fields.allSatisfy { $0.isEmpty || TextNormalization.trim($0).isEmpty }
    }

    // Line breaks inside quoted fields: LF, CR LF and a lone CR each count once, as CSV.swift
    // also ends a record at each of them.
    static func lineBreaks(in fields: [String]) -> Int {
        var count = 0
        for field in fields {
            var previousWasCR = false
            for byte in field.utf8 {
                switch byte {
                case 0x0D:
                    count += 1
                    previousWasCR = true
                    continue
                case 0x0A:
                    if !previousWasCR { count += 1 }
                default:
                    break
                }
                previousWasCR = false
            }
        }
        return count
    }
}
