import Foundation

/// A validated record and the line it came from.
public struct ImportRow<Record: Sendable & Equatable>: Sendable, Equatable {
    public var line: Int
    public var record: Record

    public init(line: Int, record: Record) {
        self.line = line
        self.record = record
    }
}

// Reads the cells of one record by field, collecting every problem rather than stopping at
// the first, so a dry run shows all of them at once.
struct RowReader<Field: ImportField> {
    let record: CSVRecord
    let header: ResolvedHeader<Field>
    var issues: [ImportIssue] = []

    init(record: CSVRecord, header: ResolvedHeader<Field>) {
        self.record = record
        self.header = header
    }

    // The width a record must have: up to the last named header cell. Extra fields are
    // allowed only when empty (Excel pads rows with trailing commas).
    static func fieldCountIssue(_ record: CSVRecord, header: [String]) -> ImportIssue? {
        let width = (header.lastIndex(where: { !$0.isEmpty }) ?? -1) + 1
        let count = record.fields.count
        let extrasEmpty = count <= header.count
            || record.fields[header.count...].allSatisfy { TextNormalization.trim($0).isEmpty }
        guard count < width || !extrasEmpty else { return nil }
        return ImportIssue(line: record.line, column: nil, field: nil,
                           kind: .wrongFieldCount(expected: header.count, got: count))
    }

    func column(_ field: Field) -> String? {
        header.columns[field].map { header.header[$0] }
    }

    // The trimmed cell, or "" when the optional column is absent.
    func raw(_ field: Field) -> String {
        guard let index = header.columns[field], index < record.fields.count else { return "" }
        return TextNormalization.trim(record.fields[index])
    }

    mutating func report(_ field: Field, _ kind: ImportIssueKind) {
        issues.append(ImportIssue(line: record.line, column: column(field), field: field.rawValue, kind: kind))
    }

    // Checks presence and length of an already normalised value; nil when empty or reported.
    mutating func checked(_ field: Field, _ value: String) -> String? {
        if value.isEmpty {
            if field.isRequired { report(field, .missingRequired) }
            return nil
        }
        let length = value.count
        if length > field.maxLength {
            report(field, .tooLong(max: field.maxLength, length: length))
            return nil
        }
        return value
    }

    // Free text (氏名, 職種, 職位, 職名) with half-width katakana widened, as the stored data
    // and the kana column are, so 「ｼｮｸｲﾝ」 and 「ショクイン」 are one value.
    mutating func text(_ field: Field) -> String? {
        checked(field, ImportNormalization.text(raw(field)))
    }

    // A staff number or section code in its stored form (see ``ImportNormalization/code(_:)``).
    mutating func code(_ field: Field) -> String? {
        checked(field, TextNormalization.code(raw(field)))
    }

    // `.some(nil)` for an empty optional date, nil when reported.
    mutating func date(_ field: Field) -> LocalDate?? {
        let text = raw(field)
        if text.isEmpty {
            if field.isRequired {
                report(field, .missingRequired)
                return nil
            }
            return .some(nil)
        }
        switch LocalDate.parseJapanese(text) {
        case .success(let date): return .some(date)
        case .failure(let error):
            report(field, .badDate(error))
            return nil
        }
    }

    // A value from a fixed list, looked up by normalised key.
    mutating func choice<Value>(_ field: Field, _ table: [String: Value], allowed: [String]) -> Value?? {
        let text = raw(field)
        if text.isEmpty {
            if field.isRequired {
                report(field, .missingRequired)
                return nil
            }
            return .some(nil)
        }
        guard let value = table[TextNormalization.key(text)] else {
            report(field, .notAllowed(value: text, allowed: allowed))
            return nil
        }
        return .some(value)
    }
}

/// The normalisations the importers apply, for callers that must match them (the app's
/// lookups, the search column, the CLI).
public enum ImportNormalization {
    /// A staff number or section code as stored: trimmed, full-width letters and digits made
    /// half-width, letters upper-cased. 「ａ００１２」 → "A0012". Leading zeros are kept.
    public static func code(_ text: String) -> String {
        TextNormalization.code(text)
    }

    /// A free-text cell as stored: half-width katakana made full-width (「ｼｮｸｲﾝ」 → 「ショクイン」,
    /// voiced marks composed), everything else — hiragana included — as written.
    public static func text(_ text: String) -> String {
        TextNormalization.katakanaFullwidth(text, hiragana: false)
    }

    /// A name in kana as stored: full-width katakana, hiragana and half-width katakana converted,
    /// runs of white space made one ideographic space (U+3000). Nil when anything else than kana,
    /// ー, ・ and spaces remains.
    public static func nameKana(_ text: String) -> String? {
        let converted = TextNormalization.katakanaFullwidth(TextNormalization.trim(text))
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in converted.unicodeScalars {
            if TextNormalization.isSpace(scalar) {
                pendingSpace = true
                continue
            }
            guard TextNormalization.isNameKana(scalar) else { return nil }
            if pendingSpace {
                out.append("\u{3000}")
                pendingSpace = false
            }
            out.append(scalar)
        }
        return String(out)
    }

    // Sorts issues by line, keeping the order found within a line.
    static func sorted(_ issues: [ImportIssue]) -> [ImportIssue] {
        issues.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element)
    }
}
