import Vapor

/// The one gate every route passes: it reads the access the route declared when it was registered
/// and refuses the request unless the signed-in user's roles grant it. A route that declared
/// nothing is refused too, so a forgotten declaration fails closed.
struct AccessMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let route = request.route else {
            return try await next.respond(to: request)
        }
        guard let access = route.userInfo[Access.userInfoKey] as? Access else {
            request.logger.error("route without an access declaration", metadata: ["route": "\(route.description)"])
            throw Abort(.forbidden)
        }
        switch access {
        case .visitor:
            break
        case .permission(let permission):
            guard let user = request.currentUser else {
                if request.method == .GET {
                    return request.redirect(to: PlatformRoute.login.path(query: [
                        ("next", request.url.string),
                        ("expired", request.sessionExpired ? "1" : ""),
                    ]))
                }
                throw Abort(.unauthorized)
            }
            guard user.scope(of: permission) != nil else {
                throw Abort(.forbidden)
            }
        }
        return try await next.respond(to: request)
    }
}
