/// A calendar month (2026年11月): the unit in which side-job hours are logged and capped.
///
/// Encoded (and stored) as `"YYYY-MM"`, so months sort as text in the database.
public struct YearMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Gregorian year, 1...9999.
    public let year: Int
    /// Month, 1...12.
    public let month: Int

    /// The month, or nil when the combination does not exist (month 13).
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// The month a date falls in.
    public init(_ date: LocalDate) {
        year = date.year
        month = date.month
    }

    /// A month as people type it: `2026-11`, `2026-1`, `2026/11`, `2026年11月`, with half- or
    /// full-width digits; nil for anything else.
    public init?(text: String) {
        var ascii = ""
        for scalar in text.unicodeScalars {
            // Full-width digits (０–９) become their ASCII forms; everything else is kept.
            if (0xFF10...0xFF19).contains(scalar.value), let digit = Unicode.Scalar(scalar.value - 0xFF10 + 0x30) {
                ascii.unicodeScalars.append(digit)
            } else {
                ascii.unicodeScalars.append(scalar)
            }
        }
        var trimmed = ascii.trimmingSpaces
        if trimmed.hasSuffix("月") { trimmed = trimmed.dropLast() }
        let parts = trimmed.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" || $0 == "年" })
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// `YYYY-MM`.
    public var iso: String { LocalDate.pad(year, 4) + "-" + LocalDate.pad(month, 2) }

    public var description: String { iso }

    public var firstDay: LocalDate { LocalDate(unchecked: year, month, 1) }

    public var lastDay: LocalDate { LocalDate(unchecked: year, month, LocalDate.daysInMonth(year: year, month: month)) }

    /// The month `months` months later (earlier when negative).
    public func adding(months: Int) -> YearMonth {
        YearMonth(firstDay.adding(months: months))
    }

    /// Every month from the one containing `start` to the one containing `end`, in order;
    /// empty when `end` is before `start`.
    public static func months(from start: LocalDate, through end: LocalDate) -> [YearMonth] {
        guard start <= end else { return [] }
        var months: [YearMonth] = []
        var current = YearMonth(start)
        let last = YearMonth(end)
        while current <= last {
            months.append(current)
            current = current.adding(months: 1)
        }
        return months
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// This month as shown in the user interface, like ``LocalDate/formatted(language:display:)``
    /// without the day: 2026年11月, 令和8年11月, November 2026, November Reiwa 8 (2026). The era
    /// is that of the month's first day (令和元年5月, but 平成31年4月).
    public func formatted(language: String, display: DateDisplay) -> String {
        let wareki = display == .wareki ? WarekiDate(firstDay) : nil
        if DisplayLanguage.isJapanese(language) {
            guard let wareki else { return "\(year)年\(month)月" }
            return "\(wareki.era.kanji)\(WarekiDate.japaneseYear(wareki.year))年\(month)月"
        }
        let yearText = wareki.map { "\($0.era.romaji) \($0.year) (\(year))" } ?? String(year)
        return "\(DisplayLanguage.englishMonths[month - 1]) \(yearText)"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard text.count == 7, let month = YearMonth(text: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected a YYYY-MM month, got \"\(text)\"")
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

private extension String {
    /// Without leading and trailing spaces (half- and full-width), without Foundation.
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
        var text = Substring(self)
        while let first = text.first, isSpace(first) { text = text.dropFirst() }
        while let last = text.last, isSpace(last) { text = text.dropLast() }
        return text
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
