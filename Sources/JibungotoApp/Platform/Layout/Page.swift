import JibungotoDomain
import Vapor

/// Every page: the layout's view model plus the page's own content, rendered by one template
/// that `#extend`s `layout`.
struct Page<Content: Encodable & Sendable>: Encodable, Sendable {
    let layout: LayoutContext
    let content: Content
}

/// What the base layout shows around a page: title, user, navigation, breadcrumbs, switches.
struct LayoutContext: Encodable, Sendable {
    let language: String
    let title: String
    let user: LayoutUser?
    /// The links the reader may open (`NavigationMarkup`), printed with `#unsafeHTML` in the bar
    /// and again in the phone's menu; nil when there are none.
    let navigation: String?
    let breadcrumbs: [Breadcrumb]
    let csrfToken: String
    let languageOptions: [LanguageOption]
    let languageAction: String
    let logoutAction: String
    let homeHref: String
    let stylesheetHref: String
    let currentPath: String
    let flash: Flash?
    let isDemo: Bool
    /// The header's search box; nil for readers who may search nothing.
    let search: LayoutSearch?
}

/// The search box in the header: its label says what the reader can find.
struct LayoutSearch: Encodable, Sendable {
    let action: String
    let label: String
    let query: String
}

struct LayoutUser: Encodable, Sendable {
    let displayName: String
    let staffNumber: StaffNumber
    let roleNames: [String]
    let accountHref: String
}

struct NavigationLink: Encodable, Sendable {
    let label: String
    let href: String
    let isCurrent: Bool
}

struct Breadcrumb: Encodable, Sendable {
    let label: String
    let href: String?
}

struct LanguageOption: Encodable, Sendable {
    let code: String
    let label: String
    let isCurrent: Bool
}

/// A one-time message shown at the top of the next page (after a redirect).
struct Flash: Codable, Sendable {
    enum Kind: String, Codable, Sendable { case success, error, info }
    let kind: Kind
    let message: String
}

extension Request {
    private static let flashKey = "flash"

    /// Keeps a message for the next page the user sees (post → redirect → get).
    func flash(_ kind: Flash.Kind, _ message: String) {
        session.data[Self.flashKey] = "\(kind.rawValue)|\(message)"
    }

    private func takeFlash() -> Flash? {
        guard hasSession, let stored = session.data[Self.flashKey] else { return nil }
        session.data[Self.flashKey] = nil
        let parts = stored.split(separator: "|", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = Flash.Kind(rawValue: parts[0]) else { return nil }
        return Flash(kind: kind, message: parts[1])
    }

    /// Renders a page inside the base layout. `title` is a catalog key; breadcrumbs after Home are
    /// given as already translated labels.
    func renderPage<Content: Encodable & Sendable>(
        _ template: String,
        title titleKey: String,
        titleArguments: [String] = [],
        breadcrumbs: [Breadcrumb] = [],
        content: Content,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let layout = makeLayout(title: t(titleKey, titleArguments), breadcrumbs: breadcrumbs)
        let view = try await self.view.render(template, Page(layout: layout, content: content))
        let response = try await view.encodeResponse(for: self)
        response.status = status
        return response
    }

    /// The navigation entries the signed-in user may open; the one for this page marked current.
    func navigationLinks() -> [NavigationLink] {
        guard let user = currentUser else { return [] }
        let path = url.path
        let entries = application.navigation.entries.filter { user.scope(of: $0.permission) != nil }
        // The entry whose URL is the longest prefix of this page is the current one.
        let current = entries.filter { $0.href == "/" ? path == "/" : path == $0.href || path.hasPrefix($0.href + "/") }
            .max { $0.href.count < $1.href.count }?.href
        return entries.map { NavigationLink(label: t($0.labelKey), href: $0.href, isCurrent: $0.href == current) }
    }

    func makeLayout(title: String, breadcrumbs: [Breadcrumb]) -> LayoutContext {
        let user = currentUser
        let navigation = navigationLinks()
        let home = Breadcrumb(label: t("nav.home"), href: PlatformRoute.home.path)
        return LayoutContext(
            language: language.rawValue,
            title: title,
            user: user.map {
                LayoutUser(
                    displayName: $0.displayName,
                    staffNumber: $0.staffNumber,
                    roleNames: $0.roles.sorted().map { t($0.messageKey) },
                    accountHref: AccountRoute.settings.path
                )
            },
            navigation: navigation.isEmpty ? nil : NavigationMarkup(links: navigation).markup,
            breadcrumbs: breadcrumbs.isEmpty ? [] : [home] + breadcrumbs,
            csrfToken: csrfToken,
            languageOptions: Language.allCases.map {
                LanguageOption(code: $0.rawValue, label: t("language.\($0.rawValue)"), isCurrent: $0 == language)
            },
            languageAction: PlatformRoute.language.path,
            logoutAction: PlatformRoute.logout.path,
            homeHref: PlatformRoute.home.path,
            stylesheetHref: PlatformRoute.stylesheet.path,
            currentPath: url.string,
            flash: takeFlash(),
            isDemo: application.jibungotoSettings.isDemo,
            search: user.flatMap { user -> LayoutSearch? in
                guard user.scope(of: .viewOrganization) != nil else { return nil }
                return LayoutSearch(
                    action: SearchRoute.search.path,
                    label: t(SearchRoutes.searchesStaff(user) ? "search.label" : "search.labelSections"),
                    // Only the results page keeps the words in the box; other pages' `q` are their own filters.
                    query: url.path == SearchRoute.search.path ? ((try? query.get(String.self, at: "q")) ?? "") : ""
                )
            }
        )
    }
}

/// A module's entry in the navigation, shown only to users whose roles grant its permission.
struct NavigationEntry: Sendable {
    let labelKey: String
    let href: String
    let permission: Permission
}

/// The navigation, in the order modules registered their entries.
final class NavigationRegistry: @unchecked Sendable {
    private(set) var entries: [NavigationEntry] = []

    func add(_ entry: NavigationEntry) { entries.append(entry) }
}

extension Application {
    private struct NavigationKey: StorageKey { typealias Value = NavigationRegistry }

    var navigation: NavigationRegistry {
        if let registry = storage[NavigationKey.self] { return registry }
        let registry = NavigationRegistry()
        storage[NavigationKey.self] = registry
        return registry
    }
}
