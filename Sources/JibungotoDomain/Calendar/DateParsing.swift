/// Why a date cell could not be read. ``message(language:)`` gives a sentence about the
/// value; the caller adds the field name or line number.
public enum DateParseError: Error, Sendable, Hashable {
    /// Nothing but white space.
    case empty
    /// Not one of the accepted forms, e.g. "4/1/2025" or "2025年4月".
    case unrecognizedFormat(text: String)
    /// A recognised form naming a day that does not exist: 2025-02-30, R7.13.1, 令和0年1月1日.
    case nonexistentDate(text: String)
    /// An era date after the era ended or before it began, e.g. H31.5.1 or R1.4.30.
    /// `gregorian` is the day the numbers would denote, to suggest the intended date.
    case outsideEra(text: String, era: JapaneseEra, gregorian: LocalDate)

    /// A complete sentence in Japanese when `language` starts with "ja", otherwise in English.
    public var message: Bilingual { Bilingual(ja: message(ja: true), en: message(ja: false)) }

    private func message(ja: Bool) -> String {
        switch self {
        case .empty:
            return ja ? "日付が入力されていません。" : "The date is empty."
        case .unrecognizedFormat(let text):
            return ja
                ? "「\(Self.clip(text))」は日付として読み取れません。2026-04-01、2026/4/1、2026年4月1日、令和8年4月1日、R8.4.1 のいずれかの形式で入力してください。"
                : "\"\(Self.clip(text))\" is not a recognized date. Use one of these forms: 2026-04-01, 2026/4/1, 2026年4月1日, 令和8年4月1日, R8.4.1."
        case .nonexistentDate(let text):
            return ja
                ? "「\(Self.clip(text))」は存在しない日付です（月は1～12、日はその月の日数まで、和暦の年は1以上）。"
                : "\"\(Self.clip(text))\" is not a real date (the month must be 1–12, the day must exist in that month, and an era year starts at 1)."
        case .outsideEra(let text, let era, let gregorian):
            let actual = WarekiDate(gregorian)
            if ja {
                let range = "\(era.start.formatted(language: "ja", display: .gregorian))～"
                    + (era.end.map { $0.formatted(language: "ja", display: .gregorian) } ?? "")
                let hint = actual.map {
                    "\(gregorian.formatted(language: "ja", display: .gregorian))は\($0.japanese)です。"
                } ?? ""
                return "「\(Self.clip(text))」は\(era.kanji)の期間外の日付です（\(era.kanji)は\(range)）。\(hint)"
            }
            let range = era.end.map { "\(era.start.iso) to \($0.iso)" } ?? "from \(era.start.iso)"
            let hint = actual.map { " \(gregorian.iso) is \($0.abbreviated) (\($0.japanese))." } ?? ""
            return "\"\(Self.clip(text))\" is outside the \(era.romaji) era (\(range)).\(hint)"
        }
    }

    /// Long cells would swamp the message; the start is enough to find the value.
    private static func clip(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }
}

extension LocalDate {
    /// Reads a date as written in Japanese personnel files.
    ///
    /// Accepted, after converting full-width characters to half-width and dropping white space
    /// (so "Ｒ７．４．１" and "令和 8年 4月 1日" work):
    /// - Gregorian: `2025-04-01`, `2025/4/1`, `2025.4.1`, `2025年4月1日`, `20250401`
    ///   (the year must have four digits);
    /// - 和暦 full: `令和7年4月1日`, `令和元年5月1日`, also with the era ligatures ㋿ ㍻ ㍼ ㍽ ㍾;
    /// - 和暦 abbreviated: `R7.4.1`, `R7/4/1`, `R7-4-1`, `r7.4.1`, `S63.1.9`, `H元.1.8`,
    ///   and era names with separators (`令和7.4.1`). Letters: M 明治, T 大正, S 昭和, H 平成, R 令和.
    ///
    /// Both separators must be the same, and `年` goes with `月` and `日`. Month and day may
    /// have one or two digits. A 和暦 date outside its era (H31.5.1, S64.1.8, R1.4.30) is
    /// rejected rather than carried over, because it usually means a typo in the era or year.
    public static func parseJapanese(_ text: String) -> Result<LocalDate, DateParseError> {
        let trimmed = text.trimmingWhitespace()
        let scalars = normalizedScalars(trimmed)
        guard !scalars.isEmpty else { return .failure(.empty) }
        guard let fields = DateFields(scalars) else {
            return .failure(.unrecognizedFormat(text: trimmed))
        }
        guard let era = fields.era else {
            guard let date = LocalDate(year: fields.year, month: fields.month, day: fields.day) else {
                return .failure(.nonexistentDate(text: trimmed))
            }
            return .success(date)
        }
        guard fields.year >= 1,
              let date = LocalDate(
                  year: era.gregorianYear(eraYear: fields.year), month: fields.month, day: fields.day)
        else { return .failure(.nonexistentDate(text: trimmed)) }
        guard era.contains(date) else {
            return .failure(.outsideEra(text: trimmed, era: era, gregorian: date))
        }
        return .success(date)
    }

    /// Full-width ASCII to half-width, look-alike separators (IME 。, dashes, ー) to ASCII,
    /// letters to upper case, white space removed; Excel and IME input produce all of these.
    static func normalizedScalars(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            var value = scalar.value
            switch value {
            case 0xFF01...0xFF5E: value -= 0xFEE0
            case 0x2010...0x2015, 0x2212, 0x30FC, 0xFF70: value = 0x2D  // -
            case 0x3002, 0xFF61: value = 0x2E  // .
            default: break
            }
            if (0x61...0x7A).contains(value) { value -= 0x20 }
            result.append(Unicode.Scalar(value) ?? scalar)
        }
        return result
    }
}

/// The numbers of a date in one of the accepted layouts, before any calendar check.
private struct DateFields {
    var era: JapaneseEra?
    var year: Int
    var month: Int
    var day: Int

    init?(_ scalars: [Unicode.Scalar]) {
        var reader = Reader(scalars: scalars)
        era = reader.readEra()
        if era == nil, scalars.count == 8, scalars.allSatisfy(Reader.isDigit) {
            // YYYYMMDD, as written by many host systems.
            let digits = scalars.map { Int($0.value - 0x30) }
            year = digits[0...3].reduce(0) { $0 * 10 + $1 }
            month = digits[4] * 10 + digits[5]
            day = digits[6] * 10 + digits[7]
            return
        }
        let yearDigits: ClosedRange<Int> = era == nil ? 4...4 : 1...2
        guard let year = reader.readNumber(digits: yearDigits, allowGannen: era != nil),
              let separator = reader.readAny(of: ["年", "-", "/", "."]),
              let month = reader.readNumber(digits: 1...2, allowGannen: false),
              reader.read(separator == "年" ? "月" : separator),
              let day = reader.readNumber(digits: 1...2, allowGannen: false),
              separator != "年" || reader.read("日"),
              reader.atEnd
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        var atEnd: Bool { index == scalars.count }

        static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
            (0x30...0x39).contains(scalar.value)
        }

        mutating func readEra() -> JapaneseEra? {
            let rest = scalars[index...]
            for era in JapaneseEra.allCases {
                let name = Array(era.kanji.unicodeScalars)
                if rest.starts(with: name) {
                    index += name.count
                    return era
                }
            }
            guard let first = rest.first else { return nil }
            let eraByCharacter: [Unicode.Scalar: JapaneseEra] = [
                "M": .meiji, "T": .taisho, "S": .showa, "H": .heisei, "R": .reiwa,
                "\u{337E}": .meiji, "\u{337D}": .taisho, "\u{337C}": .showa,
                "\u{337B}": .heisei, "\u{32FF}": .reiwa,
            ]
            guard let era = eraByCharacter[first] else { return nil }
            index += 1
            return era
        }

        mutating func readNumber(digits allowed: ClosedRange<Int>, allowGannen: Bool) -> Int? {
            if allowGannen, read("元") { return 1 }
            var value = 0
            var count = 0
            while index < scalars.count, Self.isDigit(scalars[index]), count < allowed.upperBound + 1 {
                value = value * 10 + Int(scalars[index].value - 0x30)
                count += 1
                index += 1
            }
            return allowed.contains(count) ? value : nil
        }

        mutating func read(_ expected: Unicode.Scalar) -> Bool {
            guard index < scalars.count, scalars[index] == expected else { return false }
            index += 1
            return true
        }

        mutating func readAny(of options: [Unicode.Scalar]) -> Unicode.Scalar? {
            guard index < scalars.count, options.contains(scalars[index]) else { return nil }
            index += 1
            return scalars[index - 1]
        }
    }
}

extension String {
    /// Trims Unicode white space, including the ideographic space U+3000, without Foundation's
    /// character sets so behaviour is identical on every platform.
    fileprivate func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
