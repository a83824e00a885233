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
        var text = messages[language]?[key] ?? key
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
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
