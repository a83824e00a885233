import Fluent
import FluentSQLiteDriver
import Leaf
import LeafKit
import Vapor

/// Sets up the application: database, sessions, views, middleware and every module's routes.
public func configure(_ app: Application, settings: AppSettings) async throws {
    app.jibungotoSettings = settings
    app.appMetrics = AppMetrics()
    let resources = AppResources.directory
    app.catalogs = try MessageCatalogs.load(from: resources)
    app.stylesheet = try String(contentsOf: resources.appendingPathComponent("style.css"), encoding: .utf8)

    try DatabaseSetup.configure(app, settings: settings)

    app.passwords.use(.bcrypt(cost: app.environment == .testing ? 4 : 12))
    app.unknownAccountHash = try app.password.hash(UUID().uuidString)
    app.passwordCheckGate = TurnQueue(capacity: System.coreCount / 2)

    app.sessions.use { app in
        HashedSessionDriver(idleLifetime: TimeInterval(app.jibungotoSettings.sessionIdleMinutes * 60) + HashedSessionDriver.gracePeriod)
    }
    app.routes.defaultMaxBodySize = ByteCount(value: settings.maxFormBytes)
    FormDecoding.register()
    // Connections that send nothing (a half-sent request head, say) are closed after this.
    app.http.server.configuration.idleTimeout = .seconds(Int64(settings.connectionIdleSeconds))
    app.sessions.configuration = SessionsConfiguration(cookieName: "jibungoto_session") { id in
        HTTPCookies.Value(string: id.string, path: "/", isSecure: false, isHTTPOnly: true, sameSite: .lax)
    }

    app.views.use(.leaf)
    // The build folder is hidden (.build), so Leaf's default "visible files only" limit is dropped;
    // templates stay confined to the views folder by the sandbox limit.
    let views = resources.appendingPathComponent("Views").path + "/"
    app.leaf.configuration.rootDirectory = views
    app.leaf.sources = .singleSource(NIOLeafFiles(
        fileio: app.fileio,
        limits: [.toSandbox, .requireExtensions],
        sandboxDirectory: views,
        viewDirectory: views
    ))
    app.leaf.cache.isEnabled = app.environment.isRelease
    app.registerLeafTags()

    // Outermost first. Errors inside the session layer become pages; anything earlier, plain text.
    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(PlainErrorMiddleware())
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(SessionUserMiddleware())
    app.middleware.use(LocaleMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(AccessMiddleware())
    app.middleware.use(PersonalDataAuditMiddleware())

    for module in AppModules.all {
        module.register(on: app.routes, app: app)
    }
}

/// Opens the application for a command: configured, migrated, ready to serve or to load data.
/// `threadPool`: a pool of its own for the blocking work (the SQLite readers', files), which the
/// application starts and shuts down; `eventLoopGroup`: event loops of its own for the connections
/// and the readers' results, which the caller shuts down after the application. By default NIO's,
/// shared by the whole process.
public func makeApplication(settings: AppSettings, environment: Environment, threadPool: NIOThreadPool? = nil,
                            eventLoopGroup: (any EventLoopGroup)? = nil) async throws -> Application {
    let app = try await Application.make(environment, eventLoopGroup.map { .shared($0) } ?? .singleton)
    if let threadPool { app.threadPool = threadPool }
    do {
        try await configure(app, settings: settings)
        try await DatabaseSetup.tune(app, settings: settings)
        try await DatabaseSetup.migrate(app, settings: settings)
        return app
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}
