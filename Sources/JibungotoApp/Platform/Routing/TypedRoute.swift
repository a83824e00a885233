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

    func rendered(as name: String) -> String {
        switch self {
        case .pattern: ":" + name
        case .value(let value): value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? value
        }
    }
}

extension RoutesBuilder {
    /// Registers a handler for a typed route; `requires` is checked by `AccessMiddleware` before
    /// the handler runs, so no route can forget its permission.
    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod,
        _ route: some TypedRoute,
        requires access: Access,
        body: HTTPBodyStreamStrategy = .collect,
        use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        let registered = self.on(method, route.pathComponents, body: body, use: handler)
        registered.userInfo[Access.userInfoKey] = access
        return registered
    }
}
