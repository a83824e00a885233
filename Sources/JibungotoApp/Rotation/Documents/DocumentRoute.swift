/// URLs of an approved scenario's printable documents (HR only).
enum DocumentRoute: TypedRoute {
    /// What can be printed, with a line per mover.
    case index(RouteParameter)
    /// The transfer list in 部・課・係 order, for posting.
    case transferList(RouteParameter)
    /// Every mover's 内示書, one per A4 page.
    case notices(RouteParameter)
    case notice(RouteParameter, RouteParameter)
    /// Every mover's 辞令, one per A4 page.
    case appointments(RouteParameter)
    case appointment(RouteParameter, RouteParameter)

    var path: String {
        switch self {
        case .index(let id): RotationRoute.scenario(id).path + "/documents"
        case .transferList(let id): Self.index(id).path + "/transfer-list"
        case .notices(let id): Self.index(id).path + "/notices"
        case .notice(let id, let number): Self.notices(id).path + "/\(number.rendered(as: "staffNumber"))"
        case .appointments(let id): Self.index(id).path + "/appointments"
        case .appointment(let id, let number): Self.appointments(id).path + "/\(number.rendered(as: "staffNumber"))"
        }
    }
}
