import JibungotoDomain
import Vapor

/// The two languages of every page: Japanese first, English second.
public enum Language: String, CaseIterable, Codable, Sendable {
    case ja
    case en

    /// The best language for a visitor from their `Accept-Language` header (quality ordered).
    static func preferred(byAcceptLanguage header: String?) -> Language {
        guard let header else { return .ja }
        let ranked = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased(), !tag.isEmpty else { return nil }
            let quality = pieces.dropFirst()
                .first { $0.hasPrefix("q=") }
                .flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag, quality)
        }
        .sorted { $0.1 > $1.1 }
        for (tag, quality) in ranked where quality > 0 {
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            if let language = Language(rawValue: primary) { return language }
        }
        return .ja
    }
}

/// The user's display preferences for this request, resolved once by `LocaleMiddleware`.
struct DisplayPreferences: Sendable {
    var language: Language
    var dateDisplay: DateDisplay
}

extension Request {
    private struct PreferencesKey: StorageKey { typealias Value = DisplayPreferences }

    var preferences: DisplayPreferences {
        get { storage[PreferencesKey.self] ?? DisplayPreferences(language: .ja, dateDisplay: .defaultValue) }
        set { storage[PreferencesKey.self] = newValue }
    }

    var language: Language { preferences.language }

    /// The reader's words for a page builder (see `Localizer`).
    var localizer: Localizer { Localizer(catalogs: application.catalogs, preferences: preferences) }

    /// A message from the catalog in the request's language.
    func t(_ key: String, _ arguments: String...) -> String {
        localizer.t(key, arguments)
    }

    func t(_ key: String, _ arguments: [String]) -> String {
        localizer.t(key, arguments)
    }

    /// A message about `count` things (see `Localizer.t(_:count:_:)`).
    func t(_ key: String, count: Int, _ arguments: String...) -> String {
        localizer.t(key, count: count, arguments)
    }

    /// A text the domain gives in both languages, in the request's language.
    func text(_ value: Bilingual) -> String {
        localizer.text(value)
    }
}

/// Decides the language: the signed-in user's choice, else the visitor's session choice, else
/// `Accept-Language`.
struct LocaleMiddleware: AsyncMiddleware {
    static let sessionKey = "language"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let user = request.currentUser
        let chosen = user?.language
            ?? (request.hasSession ? request.session.data[Self.sessionKey].flatMap(Language.init(rawValue:)) : nil)
        request.preferences = DisplayPreferences(
            language: chosen ?? Language.preferred(byAcceptLanguage: request.headers.first(name: .acceptLanguage)),
            dateDisplay: user?.dateDisplay ?? .defaultValue
        )
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: .contentLanguage, value: request.language.rawValue)
        response.headers.replaceOrAdd(name: .vary, value: "Accept-Language, Cookie")
        return response
    }
}
