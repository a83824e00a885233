/// How dates and fiscal years are shown to a user: by the Gregorian calendar or by
/// Japanese era (和暦). A per-user or per-installation setting.
public enum DateDisplay: String, Sendable, Hashable, Codable, CaseIterable {
    case gregorian
    case wareki
}

extension LocalDate {
    /// This date as shown in the user interface.
    ///
    /// | language | gregorian      | wareki                     |
    /// |----------|----------------|----------------------------|
    /// | ja       | 2026年4月1日   | 令和8年4月1日 (令和元年5月1日) |
    /// | en       | 1 April 2026   | 1 April Reiwa 8 (2026)     |
    ///
    /// English puts the day first and spells the month so the text cannot be misread as
    /// month/day; in English the first era year is written 1, not 元. `language` is a
    /// language code; any code starting with "ja" selects Japanese, anything else English.
    /// Dates before 1868 have no era and are shown in the Gregorian form.
    public func formatted(language: String, display: DateDisplay) -> String {
        let wareki = display == .wareki ? WarekiDate(self) : nil
        if DisplayLanguage.isJapanese(language) {
            return wareki?.japanese ?? "\(year)年\(month)月\(day)日"
        }
        let yearText = wareki.map { "\($0.era.romaji) \($0.year) (\(year))" } ?? String(year)
        return "\(day) \(DisplayLanguage.englishMonths[month - 1]) \(yearText)"
    }
}

extension FiscalYear {
    /// This fiscal year as shown in the user interface.
    ///
    /// | language | gregorian | wareki               |
    /// |----------|-----------|----------------------|
    /// | ja       | 2026年度  | 令和8年度            |
    /// | en       | FY2026    | FY Reiwa 8 (2026)    |
    ///
    /// The era is that of the starting calendar year as a whole, so FY2019 (which began on
    /// 2019-04-01, still in Heisei) is 令和元年度, as in government documents since May 2019,
    /// and FY1988 is 昭和63年度. Fiscal years before 1868 use the Gregorian form.
    /// `language` is interpreted as in ``LocalDate/formatted(language:display:)``.
    public func label(language: String, display: DateDisplay) -> String {
        let eraYear = display == .wareki ? JapaneseEra.eraYear(forGregorianYear: startYear) : nil
        if DisplayLanguage.isJapanese(language) {
            guard let eraYear else { return "\(startYear)年度" }
            return "\(eraYear.era.kanji)\(WarekiDate.japaneseYear(eraYear.year))年度"
        }
        guard let eraYear else { return "FY\(startYear)" }
        return "FY \(eraYear.era.romaji) \(eraYear.year) (\(startYear))"
    }
}

enum DisplayLanguage {
    static func isJapanese(_ language: String) -> Bool {
        language.lowercased().hasPrefix("ja")
    }

    static let englishMonths = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}
