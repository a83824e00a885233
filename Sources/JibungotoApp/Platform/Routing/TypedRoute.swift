import JibungotoDomain
import Vapor

/// A module's URLs as one enum: the same value registers the handler and builds every link,
/// so a renamed URL cannot leave a dead link behind.
public protocol TypedRoute: Sendable {
    /// The path of this route, starting with `/`. Parameter placeholders (`:id`) appear only
    /// in the pattern a route is registered with.
    var path: String { get }
}

extension TypedRoute {
    /// Characters left as they are in a query value: `&`, `=`, `+` and `#` would change its meaning.
    private static var queryValueAllowed: CharacterSet {
        CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+#"))
    }

    var pathComponents: [PathComponent] {
        path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }

    /// The path with a query string, for links that carry filters or a page number.
    func path(query: [(String, String)]) -> String {
        let pairs = query.filter { !$0.1.isEmpty }
        guard !pairs.isEmpty else { return path }
        func encode(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: Self.queryValueAllowed) ?? ""
        }
        return path + "?" + pairs.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }
}

/// A path parameter: `.pattern` when registering, `.value(x)` when linking.
public enum RouteParameter: Sendable, Equatable {
    case pattern
    case value(String)

    public static func id(_ uuid: UUID) -> RouteParameter { .value(uuid.uuidString.lowercased()) }
    public static func staff(_ number: StaffNumber) -> RouteParameter { .value(number.rawValue) }
    public static func section(_ code: SectionCode) -> RouteParameter { .value(code.rawValue) }

    func rendered(as name: String) -> String {
        switch self {
        case .pattern: ":" + name
        case .value(let value): value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? value
        }
    }
}

/// What a route shows of people, declared where it is registered (as its access is), so a new
/// page cannot forget its audit row: `PersonalDataAuditMiddleware` records one for every
/// successful response of a route that declares `.viewed` or `.exported`.
enum PersonalData: Sendable, Equatable {
    /// Nothing about a person, or only the signed-in user's own records.
    case nothing
    /// Shows personal data of others: each successful response is an audit row of action `view`.
    case viewed(subject: String)
    /// A download of personal data: each successful response is an audit row of action `export`.
    case exported(subject: String)

    static let userInfoKey = "jibungoto.personalData"
}

/// The largest body a route reads, kept with the route so the CSRF check collects the body
/// under the same limit as the handler does.
enum RouteBodyLimit {
    static let userInfoKey = "jibungoto.maxBodyBytes"
}

extension RoutesBuilder {
    /// Registers a handler for a typed route; `requires` is checked by `AccessMiddleware` before
    /// the handler runs, so no route can forget its permission, and `shows` says whether each
    /// response is recorded in the audit log.
    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod,
        _ route: some TypedRoute,
        requires access: Access,
        shows personalData: PersonalData,
        maxBodySize: ByteCount? = nil,
        use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        let body: HTTPBodyStreamStrategy = maxBodySize.map { .collect(maxSize: $0) } ?? .collect
        let registered = self.on(method, route.pathComponents, body: body, use: handler)
        registered.userInfo[Access.userInfoKey] = access
        registered.userInfo[PersonalData.userInfoKey] = personalData
        if let maxBodySize { registered.userInfo[RouteBodyLimit.userInfoKey] = maxBodySize.value }
        return registered
    }
}
