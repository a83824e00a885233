import Foundation
import JibungotoDomain

/// The reader's words: the catalogs with the reader's language and calendar. Page builders take
/// a `Localizer` instead of a request, so a page is a pure function of loaded values that a test
/// can call at a fixed date without a server. `Request.localizer` gives the one for a request.
struct Localizer: Sendable {
    let catalogs: MessageCatalogs
    let preferences: DisplayPreferences

    var language: Language { preferences.language }

    /// A message from the catalog, `{0}`, `{1}` … replaced by the arguments.
    func t(_ key: String, _ arguments: String...) -> String {
        t(key, arguments)
    }

    func t(_ key: String, _ arguments: [String]) -> String {
        catalogs.message(key, language: language, arguments: arguments)
    }

    /// A message about `count` things (`MessageCatalogs.message(_:count:…)`). The count is
    /// passed among `arguments` as well, in whichever place the text names it.
    func t(_ key: String, count: Int, _ arguments: String...) -> String {
        t(key, count: count, arguments)
    }

    func t(_ key: String, count: Int, _ arguments: [String]) -> String {
        catalogs.message(key, count: count, language: language, arguments: arguments)
    }

    /// A text the domain gives in both languages, in the reader's.
    func text(_ value: Bilingual) -> String {
        language == .en ? value.en : value.ja
    }

    /// A date in the reader's calendar (和暦 or Gregorian) and language.
    func date(_ date: LocalDate) -> String {
        DateFormatting.format(date: date, preferences: preferences)
    }

    /// A moment: its date in the reader's calendar and the time of day in Japan.
    func timestamp(_ moment: Date) -> String {
        DateFormatting.format(timestamp: moment, preferences: preferences)
    }

    /// A fiscal year (April–March) by its starting year, e.g. 令和8年度.
    func fiscalYear(_ startYear: Int) -> String {
        DateFormatting.format(fiscalYear: startYear, preferences: preferences)
    }
}
