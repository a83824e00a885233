import Vapor

/// Headers every response carries, error pages included.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"),
            ("X-Frame-Options", "DENY"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]
        for (name, value) in headers {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        if !response.headers.contains(name: .cacheControl) {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        if isHTTPS(request) {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
            for name in response.cookies.all.keys {
                response.cookies[name]?.isSecure = true
            }
        }
        return response
    }

    private func isHTTPS(_ request: Request) -> Bool {
        let settings = request.application.jibungotoSettings
        if settings.alwaysSecureCookies || request.url.scheme == "https"
            || request.application.http.server.configuration.tlsConfiguration != nil {
            return true
        }
        return settings.trustForwardedHeaders
            && request.headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }
}
