/// A modern Japanese era (元号), used for 和暦 dates.
///
/// Computed from fixed start dates rather than Foundation's Japanese calendar so the result
/// is the same on every platform and ICU version. Start dates are the official ones, except
/// Meiji: it officially began on 1868-10-23 (and was applied back to the lunar new year), but
/// dates before the 1873 switch to the Gregorian calendar cannot be converted by simple
/// arithmetic anyway, so 明治元年 is taken to begin on 1868-01-01. Dates before that have no
/// 和暦 form here.
public enum JapaneseEra: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case meiji
    case taisho
    case showa
    case heisei
    case reiwa

    /// The first day of the era (1868-01-01 for Meiji, see the type's documentation).
    public var start: LocalDate {
        switch self {
        case .meiji: LocalDate(unchecked: 1868, 1, 1)
        case .taisho: LocalDate(unchecked: 1912, 7, 30)
        case .showa: LocalDate(unchecked: 1926, 12, 25)
        case .heisei: LocalDate(unchecked: 1989, 1, 8)
        case .reiwa: LocalDate(unchecked: 2019, 5, 1)
        }
    }

    /// The last day of the era, or `nil` for the current one.
    public var end: LocalDate? {
        next.map { $0.start.adding(days: -1) }
    }

    /// The era that followed this one, or `nil` for the current one.
    public var next: JapaneseEra? {
        let all = Self.allCases
        guard let index = all.firstIndex(of: self), index + 1 < all.count else { return nil }
        return all[index + 1]
    }

    /// Kanji name: 明治, 大正, 昭和, 平成, 令和.
    public var kanji: String {
        switch self {
        case .meiji: "明治"
        case .taisho: "大正"
        case .showa: "昭和"
        case .heisei: "平成"
        case .reiwa: "令和"
        }
    }

    /// Romanized name without macrons (Meiji, Taisho, Showa, Heisei, Reiwa), as used in
    /// English text.
    public var romaji: String {
        switch self {
        case .meiji: "Meiji"
        case .taisho: "Taisho"
        case .showa: "Showa"
        case .heisei: "Heisei"
        case .reiwa: "Reiwa"
        }
    }

    /// One-letter abbreviation used in forms and CSV files: M, T, S, H, R.
    public var letter: String {
        switch self {
        case .meiji: "M"
        case .taisho: "T"
        case .showa: "S"
        case .heisei: "H"
        case .reiwa: "R"
        }
    }

    /// The era in force on `date`, or `nil` before 1868-01-01.
    public static func containing(_ date: LocalDate) -> JapaneseEra? {
        allCases.last { $0.start <= date }
    }

    /// Whether `date` lies within this era.
    public func contains(_ date: LocalDate) -> Bool {
        date >= start && end.map { date <= $0 } ?? true
    }

    /// The Gregorian year of year `eraYear` of this era (令和1 → 2019).
    public func gregorianYear(eraYear: Int) -> Int {
        start.year + eraYear - 1
    }

    /// The era and era year naming Gregorian `year` as a whole, or `nil` before 1868.
    ///
    /// A year in which the era changed takes the new era (2019 → 令和元年, not 平成31年),
    /// as government documents have done since May 2019.
    public static func eraYear(forGregorianYear year: Int) -> (era: JapaneseEra, year: Int)? {
        guard (1...9999).contains(year),
              let era = containing(LocalDate(unchecked: year, 12, 31))
        else { return nil }
        return (era, year - era.start.year + 1)
    }

    public static func < (lhs: JapaneseEra, rhs: JapaneseEra) -> Bool {
        lhs.start < rhs.start
    }
}

/// A date expressed in a Japanese era: 令和8年4月1日 is `WarekiDate(era: .reiwa, year: 8, month: 4, day: 1)`.
public struct WarekiDate: Sendable, Hashable {
    public let era: JapaneseEra
    /// Year within the era, starting at 1 (written 元 in full Japanese form).
    public let year: Int
    public let month: Int
    public let day: Int

    /// The 和暦 form of `date`, or `nil` before 1868-01-01.
    public init?(_ date: LocalDate) {
        guard let era = JapaneseEra.containing(date) else { return nil }
        self.era = era
        self.year = date.year - era.start.year + 1
        self.month = date.month
        self.day = date.day
    }

    /// The Gregorian date, or `nil` when the day does not exist or lies outside the era
    /// (平成31年5月1日, 令和元年4月30日).
    public init?(era: JapaneseEra, year: Int, month: Int, day: Int) {
        guard year >= 1,
              let date = LocalDate(year: era.gregorianYear(eraYear: year), month: month, day: day),
              era.contains(date)
        else { return nil }
        self.era = era
        self.year = year
        self.month = month
        self.day = day
    }

    /// The same day in the Gregorian calendar.
    public var localDate: LocalDate {
        LocalDate(unchecked: era.gregorianYear(eraYear: year), month, day)
    }

    /// Full Japanese form, with 元年 for the first year: 令和8年4月1日, 令和元年5月1日.
    public var japanese: String {
        "\(era.kanji)\(Self.japaneseYear(year))年\(month)月\(day)日"
    }

    /// Abbreviated form common in forms and CSV files, without zero padding: R8.4.1, R1.5.1.
    public var abbreviated: String {
        "\(era.letter)\(year).\(month).\(day)"
    }

    /// "元" for year 1, the number otherwise.
    static func japaneseYear(_ year: Int) -> String {
        year == 1 ? "元" : String(year)
    }
}
