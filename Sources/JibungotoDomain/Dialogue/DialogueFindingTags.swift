import Foundation

/// The tags of a finding (気づき), as typed: separated by commas (、 , ，) or lines, a leading #
/// dropped, full-width letters and digits made half-width, runs of spaces made one, repeats
/// dropped. Tags are compared as written after that, so 「キャリア」 finds every finding tagged so.
public enum DialogueFindingTags {
    public static let maximumCount = 8
    public static let maximumLength = 30

    public enum Problem: Error, Sendable, Equatable {
        case empty
        case tooMany(maximum: Int)
        case tooLong(tag: String, maximum: Int)
    }

    public static func parse(_ text: String) -> Result<[String], Problem> {
        let separators: Set<Character> = [",", "、", "，", "\n", "\r\n", "\r"]
        var tags: [String] = []
        for piece in text.split(whereSeparator: { separators.contains($0) }) {
            let tag = normalize(String(piece))
            guard !tag.isEmpty, !tags.contains(tag) else { continue }
            if tag.count > maximumLength { return .failure(.tooLong(tag: tag, maximum: maximumLength)) }
            tags.append(tag)
        }
        if tags.isEmpty { return .failure(.empty) }
        if tags.count > maximumCount { return .failure(.tooMany(maximum: maximumCount)) }
        return .success(tags)
    }

    /// One tag in the form it is stored and searched in.
    public static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in TextNormalization.trim(text).unicodeScalars {
            let narrow = TextNormalization.halfwidthASCII(scalar)
            if narrow.properties.isWhitespace {
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
            } else {
                scalars.append(narrow)
                lastWasSpace = false
            }
        }
        var tag = String(scalars)
        while tag.hasPrefix("#") { tag.removeFirst() }
        return tag.trimmingCharacters(in: .whitespaces)
    }
}
