import Vapor

/// The home page, the health check and the stylesheet.
struct HomeRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, PlatformRoute.home, requires: .permission(.useApplication), shows: .nothing, use: home)
        routes.on(.GET, PlatformRoute.healthz, requires: .visitor, shows: .nothing, use: health)
        routes.on(.GET, PlatformRoute.stylesheet, requires: .visitor, shows: .nothing, use: stylesheet)
    }

    @Sendable func home(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let notices = try await request.application.homeNotices.notices(for: request, user: user)
        let figures = try await HomeTasks.load(request)
        return try await request.renderPage(
            "platform/home",
            title: "home.title",
            content: HomePage.build(
                displayName: user.displayName, today: request.today, notices: notices,
                figures: figures, localizer: request.localizer
            )
        )
    }

    struct HealthStatus: Content {
        let status: String
        let database: String
    }

    @Sendable func health(_ request: Request) async throws -> Response {
        do {
            try await HealthProbe.check(request.db, now: request.now)
            return try await HealthStatus(status: "ok", database: "reachable").encodeResponse(status: .ok, for: request)
        } catch {
            request.logger.error("health check failed", metadata: ["error": "\(String(reflecting: error))"])
            return try await HealthStatus(status: "error", database: "unreachable").encodeResponse(status: .serviceUnavailable, for: request)
        }
    }

    @Sendable func stylesheet(_ request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: request.application.stylesheet))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
}

extension Application {
    private struct StylesheetKey: StorageKey { typealias Value = String }

    /// The one stylesheet, read from the resources once at start.
    var stylesheet: String {
        get { storage[StylesheetKey.self] ?? "" }
        set { storage[StylesheetKey.self] = newValue }
    }
}
