/// Why a line of an import file cannot be taken.
public enum ImportIssueKind: Sendable, Hashable {
    /// A required cell is empty.
    case missingRequired
    /// A date cell could not be read.
    case badDate(DateParseError)
    /// A value outside a fixed list (性別, 雇用区分); `allowed` lists the accepted labels.
    case notAllowed(value: String, allowed: [String])
    /// A kana cell holds characters other than kana (e.g. kanji or Latin letters).
    case notKana(value: String)
    /// The cell has `length` characters, more than `max`.
    case tooLong(max: Int, length: Int)
    /// The staff number already appeared in this file on `firstLine`.
    case duplicateStaffNumber(number: String, firstLine: Int)
    /// No section with this code.
    case unknownSection(code: String)
    /// No staff member with this number.
    case unknownStaff(number: String)
    /// The period overlaps that of another assignment of the same staff member, on `otherLine`.
    case overlappingAssignment(otherLine: Int)
    /// The end date lies before the start date.
    case endBeforeStart(start: LocalDate, end: LocalDate)
    /// The hire date lies before `earliest`, the first April 1 after the staff member finished
    /// compulsory schooling (Labour Standards Act art. 56), so a column or era is wrong.
    case hireBeforeWorkingAge(earliest: LocalDate)
    /// A required column is not in the header; `header` is its usual Japanese name.
    case missingColumn(header: String)
    /// This column maps to the same field as `otherColumn`.
    case duplicateColumn(otherColumn: String)
    /// The record has a different number of fields than the header.
    case wrongFieldCount(expected: Int, got: Int)
    /// The file has bytes that are invalid in `encoding` (`.utf8` or `.cp932`).
    case undecodable(encoding: CSVTextEncoding)
    /// A quoted field that starts on this line is never closed.
    case malformedCSV
    /// The file has no header line.
    case emptyFile
}

/// One problem found in an import file, with the place to fix it.
public struct ImportIssue: Error, Sendable, Hashable {
    /// 1-based physical line of the file.
    public var line: Int
    /// The column's header text as written in the file, when the issue is about one cell.
    public var column: String?
    /// The field key (``StaffField`` or ``AssignmentField`` raw value), when known.
    public var field: String?
    public var kind: ImportIssueKind

    public init(line: Int, column: String?, field: String?, kind: ImportIssueKind) {
        self.line = line
        self.column = column
        self.field = field
        self.kind = kind
    }

    /// A complete sentence naming line and column, in Japanese when `language` starts with
    /// "ja", otherwise in English: 「12行目「生年月日」：…」 / "Line 12, column 生年月日: …".
    public var message: Bilingual { Bilingual(ja: message(ja: true), en: message(ja: false)) }

    private func message(ja: Bool) -> String {
        let place: String
        if ja {
            place = column.map { "\(line)行目「\($0)」：" } ?? "\(line)行目："
        } else {
            place = column.map { "Line \(line), column \($0): " } ?? "Line \(line): "
        }
        return place + reason(ja: ja)
    }

    private func reason(ja: Bool) -> String {
        switch kind {
        case .missingRequired:
            return ja ? "必須項目が入力されていません。" : "This field is required but empty."
        case .badDate(let error):
            return ja ? error.message.ja : error.message.en
        case .notAllowed(let value, let allowed):
            return ja
                ? "「\(Self.clip(value))」は使用できない値です。使用できる値：\(allowed.joined(separator: "、"))。"
                : "\"\(Self.clip(value))\" is not an allowed value. Allowed: \(allowed.joined(separator: ", "))."
        case .notKana(let value):
            return ja
                ? "「\(Self.clip(value))」にカナ以外の文字が含まれています。カタカナ・ひらがな・半角カナで入力してください。"
                : "\"\(Self.clip(value))\" contains characters other than kana. Use katakana, hiragana or half-width kana."
        case .tooLong(let max, let length):
            return ja
                ? "\(max)文字以内で入力してください（\(length)文字あります）。"
                : "At most \(max) characters are allowed (this has \(length))."
        case .duplicateStaffNumber(let number, let firstLine):
            return ja
                ? "職員番号「\(number)」は\(firstLine)行目と重複しています。"
                : "Staff number \(number) already appears on line \(firstLine)."
        case .unknownSection(let code):
            return ja
                ? "所属コード「\(Self.clip(code))」の所属が登録されていません。"
                : "There is no section with code \(Self.clip(code))."
        case .unknownStaff(let number):
            return ja
                ? "職員番号「\(Self.clip(number))」の職員が登録されていません。"
                : "There is no staff member with number \(Self.clip(number))."
        case .overlappingAssignment(let otherLine):
            return ja
                ? "同じ職員の\(otherLine)行目の配属と期間が重なっています。"
                : "The period overlaps the assignment of the same staff member on line \(otherLine)."
        case .endBeforeStart(let start, let end):
            return ja
                ? "終了日（\(end.formatted(language: "ja", display: .gregorian))）が開始日（\(start.formatted(language: "ja", display: .gregorian))）より前です。"
                : "The end date (\(end.iso)) is before the start date (\(start.iso))."
        case .hireBeforeWorkingAge(let earliest):
            return ja
                ? "採用年月日が早すぎます（生年月日からみて\(earliest.formatted(language: "ja", display: .gregorian))以降のはずです）。生年月日・採用年月日の列や元号を確認してください。"
                : "The hire date is too early: given the birth date it cannot be before \(earliest.iso). Check the birth and hire date columns and the era."
        case .missingColumn(let header):
            return ja
                ? "必須の列「\(header)」がありません。見出しの対応付けを確認してください。"
                : "The required column \(header) is missing. Check the header mapping."
        case .duplicateColumn(let other):
            return ja
                ? "列「\(other)」と同じ項目に対応付けられています。どちらかの対応付けを外してください。"
                : "This column maps to the same field as column \(other). Unmap one of them."
        case .wrongFieldCount(let expected, let got):
            return ja
                ? "項目の数が見出しと合いません（見出し\(expected)項目、この行\(got)項目）。カンマや引用符（\"）を確認してください。"
                : "The line has \(got) fields but the header has \(expected). Check commas and quotes (\")."
        case .undecodable(let encoding):
            let name = encoding == .cp932 ? (ja ? "Shift_JIS（CP932）" : "Shift_JIS (CP932)") : "UTF-8"
            return ja
                ? "\(name)として読めない文字があります。文字コードを指定し直してください。"
                : "The line has bytes that are not valid \(name). Choose another encoding."
        case .malformedCSV:
            return ja
                ? "引用符（\"）で始まる項目が閉じられていません。"
                : "A quoted field that starts here is never closed."
        case .emptyFile:
            return ja ? "ファイルが空です（見出し行がありません）。" : "The file is empty (there is no header line)."
        }
    }

    // Long cells would swamp the message; the start is enough to find the value.
    private static func clip(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }
}
