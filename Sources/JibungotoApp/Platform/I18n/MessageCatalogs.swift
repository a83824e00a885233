import Foundation
import Vapor

/// The two message catalogs (`ja.json`, `en.json`): every word a user reads comes from here.
public struct MessageCatalogs: Sendable {
    public let messages: [Language: [String: String]]

    public init(messages: [Language: [String: String]]) {
        self.messages = messages
    }

    /// Loads both catalogs from the app's resources folder.
    public static func load(from directory: URL) throws -> MessageCatalogs {
        var messages: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let data = try Data(contentsOf: directory.appendingPathComponent("\(language.rawValue).json"))
            messages[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        return MessageCatalogs(messages: messages)
    }

    /// The message for a key with `{0}`, `{1}` … replaced; a missing key shows itself so it is
    /// noticed (and the catalog test fails before it ships).
    public func message(_ key: String, language: Language, arguments: [String] = []) -> String {
        Self.substitute(arguments, into: messages[language]?[key] ?? key)
    }

    /// `text` with each `{n}` replaced by `arguments[n]`, in one pass: what an argument brings
    /// (a title someone typed with `{1}` in it) is never replaced again, as it was when each
    /// placeholder was replaced in turn over the whole text. A `{n}` without its argument stays.
    static func substitute(_ arguments: [String], into text: String) -> String {
        let utf8 = text.utf8
        guard !arguments.isEmpty, utf8.contains(UInt8(ascii: "{")) else { return text }
        var result = ""
        result.reserveCapacity(utf8.count + arguments.reduce(0) { $0 + $1.utf8.count })
        var copied = utf8.startIndex, position = utf8.startIndex
        while let open = utf8[position...].firstIndex(of: UInt8(ascii: "{")) {
            let digits = utf8[utf8.index(after: open)...].prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            guard !digits.isEmpty, digits.endIndex < utf8.endIndex, utf8[digits.endIndex] == UInt8(ascii: "}"),
                  let index = Int(text[digits.startIndex..<digits.endIndex]), arguments.indices.contains(index) else {
                position = utf8.index(after: open)
                continue
            }
            result += text[copied..<open]
            result += arguments[index]
            copied = utf8.index(after: digits.endIndex)
            position = copied
        }
        result += text[copied...]
        return result
    }

    /// A message about `count` things: the key's `.one` variant when the count is 1 (English
    /// "1 selection … awaits", else "2 selections … await"). Japanese has no plural, so its
    /// `.one` text is the same as the key's.
    public func message(_ key: String, count: Int, language: Language, arguments: [String]) -> String {
        message(count == 1 ? key + ".one" : key, language: language, arguments: arguments)
    }
}

extension Application {
    private struct CatalogsKey: StorageKey { typealias Value = MessageCatalogs }

    var catalogs: MessageCatalogs {
        get { storage[CatalogsKey.self] ?? MessageCatalogs(messages: [:]) }
        set { storage[CatalogsKey.self] = newValue }
    }
}

/// Where the templates, catalogs and stylesheet ship.
public enum AppResources {
    public static var directory: URL {
        Bundle.module.bundleURL.appendingPathComponent("Resources")
    }
}
