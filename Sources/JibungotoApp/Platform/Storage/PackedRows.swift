import SQLKit

/// Tens of thousands of rows of a few short fields, read from the database as one text.
///
/// A page that needs a whole city's staff (the fairness figures, the candidate suggestions)
/// cannot afford to decode 50,000 rows column by column: that costs more than the query.
/// `string_agg(concat_ws(…))` (PostgreSQL's, and SQLite's since 3.44) joins them in the database
/// instead, and the text is read here byte by byte. Every field is written as text, an SQL NULL
/// as the empty field, so a record always has its number of fields. No field may contain a
/// separator: only codes, numbers, dates and flags travel this way, never free text.
struct PackedRows: Sendable {
    static let fieldSeparator = UInt8(ascii: "|")
    static let recordSeparator = UInt8(ascii: ";")

    /// A record that does not have the fields the query selected.
    struct Unreadable: Error, CustomStringConvertible {
        let record: String
        var description: String { "a packed record cannot be read: \(record)" }
    }

    let fieldCount: Int
    private let bytes: [UInt8]

    /// Runs `SELECT <the fields packed> <rest>` and keeps its one text.
    static func load(fields: [SQLQueryString], _ rest: SQLQueryString, on sql: any SQLDatabase) async throws -> PackedRows {
        var packed: SQLQueryString = "concat_ws(\(literal: String(UnicodeScalar(fieldSeparator)))"
        for field in fields { packed += ", COALESCE(CAST(\(field) AS TEXT), '')" }
        packed += ")"
        let row = try await sql.raw("SELECT string_agg(\(packed), \(literal: String(UnicodeScalar(recordSeparator)))) AS packed \(rest)").first()
        let text = try row?.decode(column: "packed", as: String?.self) ?? nil
        return PackedRows(fieldCount: fields.count, bytes: Array((text ?? "").utf8))
    }

    init(fieldCount: Int, bytes: [UInt8]) {
        self.fieldCount = fieldCount
        self.bytes = bytes
    }

    /// Calls `body` with each record in turn; the record is valid only during the call.
    func forEach(_ body: (Record) throws -> Void) throws {
        guard !bytes.isEmpty else { return }
        try bytes.withUnsafeBufferPointer { buffer in
            var starts = [Int](repeating: 0, count: fieldCount + 1)
            var position = 0
            while position <= buffer.count {
                var field = 0
                starts[0] = position
                while position < buffer.count, buffer[position] != Self.recordSeparator {
                    if buffer[position] == Self.fieldSeparator {
                        field += 1
                        guard field < fieldCount else { throw Unreadable(record: String(decoding: buffer[starts[0]...position], as: UTF8.self)) }
                        starts[field] = position + 1
                    }
                    position += 1
                }
                guard field == fieldCount - 1 else { throw Unreadable(record: String(decoding: buffer[starts[0]..<position], as: UTF8.self)) }
                starts[fieldCount] = position + 1
                try body(Record(buffer: buffer, starts: starts))
                position += 1
            }
        }
    }

    /// One record's fields.
    struct Record {
        fileprivate let buffer: UnsafeBufferPointer<UInt8>
        /// Where each field starts; a field ends one byte (its separator) before the next starts.
        fileprivate let starts: [Int]

        func bytes(_ field: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: buffer[starts[field]..<(starts[field + 1] - 1)])
        }

        func text(_ field: Int) -> String { String(decoding: bytes(field), as: UTF8.self) }

        func isEmpty(_ field: Int) -> Bool { starts[field + 1] - 1 == starts[field] }

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

        /// The whole record, for an error message.
        var description: String { String(decoding: UnsafeBufferPointer(rebasing: buffer[starts[0]..<(starts[starts.count - 1] - 1)]), as: UTF8.self) }
    }
}
