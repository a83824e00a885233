import FluentKit
import SQLKit

/// Tens of thousands of rows of a few short fields, read from the database as one text.
///
/// A page that needs a whole city's staff (the fairness figures, the candidate suggestions) or
/// organization (nearly every page) cannot afford to decode thousands of rows column by column:
/// that costs more than the query. `string_agg(concat_ws(…))` (PostgreSQL's, and SQLite's since
/// 3.44) joins them in the database instead, and the text is read here byte by byte. Every field
/// is written as text, an SQL NULL as the empty field, so a record always has its number of
/// fields. A code, number, date or flag is written as it is and may not contain a separator; a
/// name or any other free text is a `.text` field, written with its length in bytes in front
/// (`12:総務課|…`), so any character in it is read as itself.
struct PackedRows: Sendable {
    static let fieldSeparator = UInt8(ascii: "|")
    static let recordSeparator = UInt8(ascii: ";")
    static let lengthMark = UInt8(ascii: ":")

    /// A selected column or expression, and how it travels.
    struct Field: Sendable, ExpressibleByStringInterpolation {
        let expression: SQLQueryString
        /// Free text, which may contain the separators: sent with its length in front.
        let isText: Bool

        init(_ expression: SQLQueryString, isText: Bool) {
            self.expression = expression
            self.isText = isText
        }

        /// A code, number, date or flag: no separator can occur in it.
        init(stringInterpolation: SQLQueryString) { self.init(stringInterpolation, isText: false) }
        init(stringLiteral value: String) { self.init(SQLQueryString(value), isText: false) }

        /// Free text of any characters.
        static func text(_ expression: SQLQueryString) -> Field { Field(expression, isText: true) }
    }

    /// A record that does not have the fields the query selected.
    struct Unreadable: Error, CustomStringConvertible {
        let record: String
        var description: String { "a packed record cannot be read: \(record)" }
    }

    /// Which fields are free text, in order.
    let textFields: [Bool]
    var fieldCount: Int { textFields.count }
    private let bytes: [UInt8]

    /// The database is not an SQL database (every database the app runs on is).
    struct NotSQL: Error {}

    static func sql(_ database: any Database) throws -> any SQLDatabase {
        guard let sql = database as? any SQLDatabase else { throw NotSQL() }
        return sql
    }

    /// Runs `SELECT <the fields packed> <rest>` and keeps its one text.
    static func load(fields: [Field], _ rest: SQLQueryString, on sql: any SQLDatabase) async throws -> PackedRows {
        var packed: SQLQueryString = "concat_ws(\(literal: String(UnicodeScalar(fieldSeparator)))"
        // SQLite writes any value as text by itself, and a cast per field costs it a tenth of a
        // 50,000-row query; PostgreSQL's COALESCE needs one type.
        let castsToText = sql.dialect.name != "sqlite"
        for field in fields {
            let value: SQLQueryString = castsToText ? "COALESCE(CAST(\(field.expression) AS TEXT), '')" : "COALESCE(\(field.expression), '')"
            // octet_length counts bytes on both databases (length counts characters).
            packed += field.isText
                ? ", CAST(octet_length(\(value)) AS TEXT) || \(literal: String(UnicodeScalar(lengthMark))) || \(value)"
                : ", \(value)"
        }
        packed += ")"
        let row = try await sql.raw("SELECT string_agg(\(packed), \(literal: String(UnicodeScalar(recordSeparator)))) AS packed \(rest)").first()
        let text = try row?.decode(column: "packed", as: String?.self) ?? nil
        return PackedRows(textFields: fields.map(\.isText), bytes: Array((text ?? "").utf8))
    }

    init(textFields: [Bool], bytes: [UInt8]) {
        self.textFields = textFields
        self.bytes = bytes
    }

    /// Calls `body` with each record in turn; the record is valid only during the call.
    func forEach(_ body: (Record) throws -> Void) throws {
        guard !bytes.isEmpty else { return }
        try bytes.withUnsafeBufferPointer { buffer in
            var starts = [Int](repeating: 0, count: fieldCount), ends = starts
            var position = 0
            while position <= buffer.count {
                let recordStart = position
                func unreadable() -> Unreadable {
                    Unreadable(record: String(decoding: buffer[recordStart..<min(position + 1, buffer.count)], as: UTF8.self))
                }
                for field in 0..<fieldCount {
                    if textFields[field] {
                        var length = 0, digits = 0
                        while position < buffer.count, digits < 10, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(buffer[position]) {
                            length = length * 10 + Int(buffer[position] - UInt8(ascii: "0"))
                            position += 1
                            digits += 1
                        }
                        guard digits > 0, position < buffer.count, buffer[position] == Self.lengthMark, length < buffer.count - position else { throw unreadable() }
                        starts[field] = position + 1
                        position += 1 + length
                    } else {
                        starts[field] = position
                        while position < buffer.count, buffer[position] != Self.fieldSeparator, buffer[position] != Self.recordSeparator { position += 1 }
                    }
                    ends[field] = position
                    let isLast = field == fieldCount - 1
                    let separated = position == buffer.count ? isLast : buffer[position] == (isLast ? Self.recordSeparator : Self.fieldSeparator)
                    guard separated else { throw unreadable() }
                    position += 1
                }
                try body(Record(buffer: buffer, starts: starts, ends: ends, recordStart: recordStart))
            }
        }
    }

    /// One record's fields.
    struct Record {
        fileprivate let buffer: UnsafeBufferPointer<UInt8>
        /// Where each field's value starts and ends (its separator, or the end of the text).
        fileprivate let starts: [Int], ends: [Int]
        fileprivate let recordStart: Int

        func bytes(_ field: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: buffer[starts[field]..<ends[field]])
        }

        func text(_ field: Int) -> String { String(decoding: bytes(field), as: UTF8.self) }

        /// The field's text, nil when empty (an SQL NULL).
        func optionalText(_ field: Int) -> String? { isEmpty(field) ? nil : text(field) }

        func isEmpty(_ field: Int) -> Bool { ends[field] == starts[field] }

        /// A count or flag written in decimal digits; nil for anything else (an empty field too).
        func number(_ field: Int) -> Int? {
            let digits = bytes(field)
            guard !digits.isEmpty, digits.count <= 18 else { return nil }
            var value = 0
            for byte in digits {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }

        /// A flag selected as 1 or 0 (`CASE WHEN … THEN 1 ELSE 0 END`); nil for anything else.
        func flag(_ field: Int) -> Bool? {
            switch number(field) {
            case 0: false
            case 1: true
            default: nil
            }
        }

        /// The whole record, for an error message.
        var description: String { String(decoding: UnsafeBufferPointer(rebasing: buffer[recordStart..<ends[ends.count - 1]]), as: UTF8.self) }
    }
}
