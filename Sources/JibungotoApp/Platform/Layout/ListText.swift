/// Punctuation that differs by language: Japanese text takes full-width 「、」 and 「（）」, English
/// text the half-width ", " and " ()" (full-width brackets in English read as a typing slip).
extension Localizer {
    /// Items of a list in one line: 「総務部、市民協働部」 / "General Affairs, Citizen Collaboration".
    func list(_ items: [String]) -> String {
        items.joined(separator: language == .ja ? "、" : ", ")
    }

    /// A note after a text: 「市民課（主事）」 / "Citizens Division (Staff)".
    func withNote(_ text: String, _ note: String) -> String {
        language == .ja ? "\(text)（\(note)）" : "\(text) (\(note))"
    }
}
