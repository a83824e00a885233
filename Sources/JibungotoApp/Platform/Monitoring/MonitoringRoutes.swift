import Vapor

/// The machine endpoints beside `/healthz` (the database answers, in `HomeRoutes`): `/livez` (the
/// process answers) and `/metrics` (Prometheus text). Neither touches the session, so a probe or a
/// scrape stores nothing and gets no cookie.
struct MonitoringRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, PlatformRoute.livez, requires: .visitor, shows: .nothing, use: live)
        routes.on(.GET, PlatformRoute.metrics, requires: .visitor, shows: .nothing, use: metrics)
    }

    /// Liveness for the load balancer, and the framework's ceiling in the load test: no database,
    /// no session, no page.
    @Sendable func live(_ request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: "ok"))
        response.headers.contentType = .plainText
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func metrics(_ request: Request) async throws -> Response {
        let application = request.application
        // The socket's own peer, never `peerAddress`, which believes X-Forwarded-For.
        guard MetricsAccess.admits(peerAddress: request.remoteAddress?.ipAddress, headers: request.headers,
                                   token: application.jibungotoSettings.metricsToken) else {
            // The answer to an unknown address, so a stranger cannot tell the endpoint exists.
            throw Abort(.notFound)
        }
        let figures = application.appMetrics
        await figures.measureDatabase(request.db, logger: request.logger)
        var text = figures.registry.emitToString()
        if let requests = application.requestMetrics {
            text += requests.emitToString()
        }
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

/// Who may read `/metrics`: a client on this machine's loopback that reached the app directly, or
/// anyone who presents `JIBUNGOTO_METRICS_TOKEN` as a bearer token. nginx on the same machine
/// connects from loopback for every visitor, so a request carrying a proxy's forwarding header is
/// treated as coming from outside, whatever its socket says.
enum MetricsAccess {
    /// Headers a reverse proxy adds (nginx's usual proxy configuration sets X-Forwarded-For).
    static let proxyHeaders: [HTTPHeaders.Name] = [.xForwardedFor, .forwarded, HTTPHeaders.Name("X-Real-IP")]

    static func admits(peerAddress: String?, headers: HTTPHeaders, token: String?) -> Bool {
        // Both sides hashed first, so the comparison takes the same time whatever the lengths.
        if let token, let presented = headers.bearerAuthorization?.token,
           CSRFMiddleware.constantTimeEquals(TokenHash.hex(presented), TokenHash.hex(token)) {
            return true
        }
        let throughProxy = proxyHeaders.contains { headers.contains(name: $0) }
        return !throughProxy && isLoopback(peerAddress)
    }

    /// 127.0.0.0/8 and ::1, also as an IPv4-mapped IPv6 address (a dual-stack listener).
    static func isLoopback(_ address: String?) -> Bool {
        guard let address = address?.lowercased() else { return false }
        return address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}
