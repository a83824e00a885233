import Vapor

/// A token kept in the session and required on every state-changing request, so another site
/// cannot make a signed-in browser post a form.
struct CSRFMiddleware: AsyncMiddleware {
    static let sessionKey = "csrf"
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"
    private static let safeMethods: [HTTPMethod] = [.GET, .HEAD, .OPTIONS]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard !Self.safeMethods.contains(request.method), request.route != nil else {
            return try await next.respond(to: request)
        }
        // Without a session there is no token to match: refuse before reading the body.
        guard let expected = request.hasSession ? request.session.data[Self.sessionKey] : nil else {
            throw CSRFError()
        }
        // The token is in the body, which may arrive in several reads: collect all of it first,
        // under the route's own limit (too large a body is a 413, not an expired page).
        var supplied = request.headers.first(name: Self.headerName)
        if supplied == nil {
            // A route's larger limit (the CSV upload) only for those it admits: anyone else's body
            // is read no further than an ordinary form, since it is refused anyway.
            let formLimit = request.application.routes.defaultMaxBodySize.value
            let limit = Access.admits(request) ? request.route?.userInfo[RouteBodyLimit.userInfoKey] as? Int ?? formLimit : formLimit
            if let declared = request.headers.first(name: .contentLength).flatMap(Int.init), declared > limit {
                throw Abort(.payloadTooLarge)
            }
            // Vapor refuses a body of exactly `max` bytes, so `limit` bytes pass with `limit + 1`.
            _ = try await request.body.collect(max: limit + 1).get()
            supplied = try? request.content.get(String.self, at: Self.fieldName)
        }
        guard let supplied, Self.constantTimeEquals(expected, supplied) else {
            throw CSRFError()
        }
        return try await next.respond(to: request)
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}

/// A state-changing request without a valid token; shown as a 403 page that says what to do.
struct CSRFError: AbortError {
    var status: HTTPResponseStatus { .forbidden }
    var reason: String { "CSRF token missing or invalid" }
}

extension Request {
    /// The session's CSRF token, created on first use.
    var csrfToken: String {
        if let token = session.data[CSRFMiddleware.sessionKey] { return token }
        let token = Data([UInt8].random(count: 32)).base64EncodedString()
        session.data[CSRFMiddleware.sessionKey] = token
        return token
    }
}
