import CSV
import Foundation

/// The character encodings a personnel office's spreadsheet opens.
public enum CSVEncoding: String, Sendable, CaseIterable {
    /// UTF-8 with a byte-order mark, so Excel recognises it (the default).
    case utf8BOM = "utf8"
    /// Shift_JIS as Windows writes it, for older payroll systems.
    case cp932

    /// Characters CP932 cannot hold, mapped to the forms Windows uses for them.
    static let cp932Substitutes: [Character: Character] = [
        "\u{301C}": "\u{FF5E}",  // 〜 → ～
        "\u{2212}": "\u{FF0D}",  // − → －
        "\u{2016}": "\u{2225}",  // ‖ → ∥
        "\u{00AC}": "\u{FFE2}",  // ¬ → ￢
        "\u{2014}": "\u{2015}",  // — → ―
        "\u{00A2}": "\u{FFE0}",  // ¢ → ￠
        "\u{00A3}": "\u{FFE1}",  // £ → ￡
    ]
}

/// A CSV file for download: CRLF line ends, fields quoted where needed, and no cell that a
/// spreadsheet would run as a formula.
public enum CSVExport {
    public enum Failure: Error, Equatable {
        /// A value has a character the chosen encoding cannot represent (row is 1-based, header = 1).
        case unrepresentable(row: Int, column: Int, value: String)
    }

    public static func encode(header: [String], rows: [[String]], encoding: CSVEncoding) throws -> Data {
        let stream = OutputStream(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: header.map(neutralized))
        for row in rows {
            try writer.write(row: row.map(neutralized))
        }
        writer.stream.close()
        let utf8 = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        switch encoding {
        case .utf8BOM:
            return Data([0xEF, 0xBB, 0xBF]) + utf8
        case .cp932:
            let text = String(decoding: utf8, as: UTF8.self)
            let mapped = String(text.map { CSVEncoding.cp932Substitutes[$0] ?? $0 })
            if let data = mapped.data(using: .shiftJIS) { return data }
            throw firstUnrepresentable(in: [header] + rows)
        }
    }

    /// Characters with which Excel and LibreOffice start a formula (or, for tab and carriage
    /// return, hide the one that follows).
    static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    /// A cell as a spreadsheet will show it but never execute it: a value that begins with a
    /// formula character gets an apostrophe in front (the spreadsheets' own "this is text" mark).
    /// Plain numbers such as -3 or +1.5 are left as they are, since they compute nothing.
    public static func neutralized(_ value: String) -> String {
        guard let first = value.first, formulaTriggers.contains(first) else { return value }
        if value.count > 1, Double(value) != nil, !value.contains(where: { $0.isLetter }) { return value }
        return "'" + value
    }

    /// The value a neutralized cell stood for: an export read back (the staff master, say) must
    /// re-import unchanged, so the apostrophe put in front of a formula character is taken off.
    public static func restored(_ value: String) -> String {
        guard value.hasPrefix("'"), let second = value.dropFirst().first, formulaTriggers.contains(second) else { return value }
        return String(value.dropFirst())
    }

    private static func firstUnrepresentable(in table: [[String]]) -> Failure {
        for (rowIndex, row) in table.enumerated() {
            for (columnIndex, value) in row.enumerated() {
                let mapped = String(value.map { CSVEncoding.cp932Substitutes[$0] ?? $0 })
                if mapped.data(using: .shiftJIS) == nil {
                    return .unrepresentable(row: rowIndex + 1, column: columnIndex + 1, value: value)
                }
            }
        }
        return .unrepresentable(row: 0, column: 0, value: "")
    }
}
