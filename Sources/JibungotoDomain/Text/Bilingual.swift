/// A text in Japanese and English: the one way the domain hands words to the app, which picks
/// the reader's language (`Request.text(_:)`, `Localizer.text(_:)`). Japanese is the primary
/// language: it is what `description` and the CSV exports show.
public struct Bilingual: Sendable, Hashable, Codable, CustomStringConvertible {
    public var ja: String
    public var en: String

    public init(ja: String, en: String) {
        self.ja = ja
        self.en = en
    }

    /// The same text in both languages (a name, a number).
    public init(_ both: String) {
        self.init(ja: both, en: both)
    }

    public var description: String { ja }

    /// The Japanese text when `language` starts with "ja", otherwise the English one.
    public func text(language: String) -> String {
        DisplayLanguage.isJapanese(language) ? ja : en
    }

    /// Joins texts with 「・」 in Japanese and "; " in English.
    public static func joined(_ parts: [Bilingual]) -> Bilingual {
        Bilingual(ja: parts.map(\.ja).joined(separator: "・"), en: parts.map(\.en).joined(separator: "; "))
    }
}
