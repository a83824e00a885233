import AsyncKit
import PostgresNIO
import Vapor

/// Turns every error into a page in the user's language with the request id to quote; the
/// detail goes to the log only, never to the user.
struct ErrorPageMiddleware: AsyncMiddleware {
    struct ErrorContent: Encodable, Sendable {
        let status: UInt
        let message: String
        let requestID: String
        let homeHref: String
        /// What the user typed into a refused form, so nothing written is lost (never passwords).
        let typed: [TypedField]
    }

    struct TypedField: Encodable, Sendable {
        let name: String
        let value: String
        let id: String
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let status: HTTPResponseStatus
            let messageKey: String
            switch error {
            case is CSRFError:
                status = .forbidden
                messageKey = "error.csrf"
                request.logger.notice("request refused", metadata: ["status": "403", "reason": "csrf"])
            case _ where DatabaseAway.explains(error):
                status = .serviceUnavailable
                messageKey = "error.databaseAway"
                request.logger.error("database unreachable", metadata: ["error": .string(String(reflecting: error))])
            case is SQLiteWriters.Busy:
                // Nothing of it was written, and the same request is likely to succeed in a moment.
                status = .serviceUnavailable
                messageKey = "error.databaseBusy"
                request.logger.warning("database busy", metadata: ["error": .string(String(reflecting: error))])
            case is SQLiteWriters.NotSaved:
                // Nothing of it was stored; the cause (another writer's, or the disk's) is for the log.
                status = .serviceUnavailable
                messageKey = "error.notSaved"
                request.logger.error("write not committed", metadata: ["error": .string(String(reflecting: error))])
            case let abort as any AbortError:
                status = abort.status
                messageKey = Self.messageKey(for: abort.status)
                if status.code >= 500 {
                    request.logger.error("request failed", metadata: ["error": .string(String(reflecting: error))])
                } else {
                    request.logger.notice("request refused", metadata: ["status": .stringConvertible(status.code), "reason": .string(abort.reason)])
                }
            default:
                status = .internalServerError
                messageKey = "error.internal"
                request.logger.error("request failed", metadata: ["error": .string(String(reflecting: error))])
            }
            // A form refused because the page or the sign-in expired, or because the database could
            // not take it this moment, comes back with what was typed. Only to the session that sent
            // it: a form posted from another site arrives without the session cookie, and its text
            // must not appear on this site's pages.
            let givesBackInput = request.hasSession && (error is CSRFError
                || ((status == .unauthorized || status == .serviceUnavailable) && request.method == .POST))
            let response = await render(request, status: status, messageKey: messageKey, typed: givesBackInput ? Self.typedFields(request) : [])
            if status == .serviceUnavailable { response.headers.replaceOrAdd(name: .retryAfter, value: DatabaseAway.retryAfterSeconds) }
            return response
        }
    }

    /// The text a person wrote into a refused URL-encoded form, in the order of the form: values
    /// that read as writing (with a space, a line break or a non-ASCII character, or 20 characters
    /// and more), not choices such as codes and buttons, never the token or a password.
    static func typedFields(_ request: Request) -> [TypedField] {
        guard request.headers.contentType == .urlEncodedForm,
              (request.body.data?.readableBytes ?? 0) <= request.application.routes.defaultMaxBodySize.value else { return [] }
        var fields: [TypedField] = []
        for (name, value) in request.urlEncodedFields {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            let isWriting = trimmed.count >= 20 || trimmed.contains { $0.isWhitespace || !$0.isASCII }
            guard !name.hasPrefix("_"), !name.lowercased().contains("password"), isWriting else { continue }
            let number = fields.count + 1
            fields.append(TypedField(name: request.t("error.typedText", String(number)), value: value, id: "typed-\(number)"))
        }
        return fields
    }

    /// The body limit of the route that refused a body, in the unit an office worker reads.
    static func sizeLimitText(_ request: Request) -> String {
        let bytes = request.route?.userInfo[RouteBodyLimit.userInfoKey] as? Int
            ?? request.application.routes.defaultMaxBodySize.value
        return bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes >> 10) KB"
    }

    static func messageKey(for status: HTTPResponseStatus) -> String {
        switch status.code {
        case 400, 422: "error.badRequest"
        case 401: "error.unauthorized"
        case 403: "error.forbidden"
        case 404: "error.notFound"
        case 405: "error.notFound"
        case 413: "error.tooLarge"
        default: status.code >= 500 ? "error.internal" : "error.badRequest"
        }
    }

    private func render(_ request: Request, status: HTTPResponseStatus, messageKey: String, typed: [TypedField]) async -> Response {
        let message = status == .payloadTooLarge ? request.t(messageKey, Self.sizeLimitText(request)) : request.t(messageKey)
        let content = ErrorContent(status: status.code, message: message, requestID: request.id, homeHref: PlatformRoute.home.path, typed: typed)
        do {
            return try await request.renderPage("platform/error", title: "error.title", titleArguments: [String(status.code)], content: content, status: status)
        } catch {
            request.logger.error("error page failed", metadata: ["error": .string(String(reflecting: error))])
            let response = Response(status: status, body: .init(string: "\(status.code) — request id \(request.id)"))
            response.headers.contentType = .plainText
            return response
        }
    }
}

/// The last resort for errors raised before a page can be drawn or after it was (the session
/// store unreachable, or its write not taken by SQLite's writers): plain text in both languages,
/// still with the request id.
struct PlainErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            request.logger.error("request failed before rendering", metadata: ["error": .string(String(reflecting: error))])
            // Nothing of the session's write was stored in these either, and it may succeed shortly.
            let away = DatabaseAway.explains(error) || error is SQLiteWriters.Busy || error is SQLiteWriters.NotSaved
            let status = away ? .serviceUnavailable : (error as? any AbortError)?.status ?? .internalServerError
            let response = Response(status: status, body: .init(string:
                "エラーが発生しました。時間をおいてもう一度お試しください。(\(status.code), 受付番号 \(request.id))\n"
                + "Something went wrong. Please try again later. (\(status.code), request id \(request.id))\n"))
            response.headers.contentType = .plainText
            if away { response.headers.replaceOrAdd(name: .retryAfter, value: DatabaseAway.retryAfterSeconds) }
            return response
        }
    }
}

/// The database cannot be reached (PostgreSQL restarting or stopped, the connection pool
/// without a connection): the request may succeed again shortly, so it is answered 503 with
/// Retry-After — a balancer and a browser both know to wait — rather than as the app's failure.
enum DatabaseAway {
    static let retryAfterSeconds = "30"

    static func explains(_ error: any Error) -> Bool {
        switch error {
        case let error as PSQLError:
            [.connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed].contains(error.code)
        case is ConnectionPoolTimeoutError, is ConnectionPoolError:
            true
        default:
            false
        }
    }
}
