/// URLs of support duty (イベント応援・選挙事務).
enum SupportDutyRoute: TypedRoute {
    case events
    case newEvent
    case event(RouteParameter)
    /// HR: the event's shifts, and adding one while the event takes volunteers.
    case shifts(RouteParameter)
    /// HR: the people exempted from the event's allocation.
    case exemptions(RouteParameter)
    case removeExemption(RouteParameter, staff: RouteParameter)
    /// HR: the allocation as it would be made now (GET), and making it (POST).
    case allocation(RouteParameter)
    /// The published roster with each unit's quota and its arithmetic.
    case roster(RouteParameter)
    /// Proposing a swap of one's shift (GET the form, POST the proposal).
    case swaps(RouteParameter)
    case removeShift(RouteParameter)
    case signUp(RouteParameter)
    case withdraw(RouteParameter)
    case agreeToSwap(RouteParameter)
    case approveSwap(RouteParameter)
    case refuseSwap(RouteParameter)

    var path: String {
        switch self {
        case .events: "/opportunities/support"
        case .newEvent: "/opportunities/support/new"
        case .event(let id): "/opportunities/support/\(id.rendered(as: "supportEventID"))"
        case .shifts(let id): "/opportunities/support/\(id.rendered(as: "supportEventID"))/shifts"
        case .exemptions(let id): "/opportunities/support/\(id.rendered(as: "supportEventID"))/exemptions"
        case .removeExemption(let id, let staff):
            "/opportunities/support/\(id.rendered(as: "supportEventID"))/exemptions/\(staff.rendered(as: "staffNumber"))/delete"
        case .allocation(let id): "/opportunities/support/\(id.rendered(as: "supportEventID"))/allocation"
        case .roster(let id): "/opportunities/support/\(id.rendered(as: "supportEventID"))/roster"
        case .swaps(let id): "/opportunities/support/\(id.rendered(as: "supportEventID"))/swaps"
        case .removeShift(let id): "/opportunities/support/shifts/\(id.rendered(as: "supportShiftID"))/delete"
        case .signUp(let id): "/opportunities/support/shifts/\(id.rendered(as: "supportShiftID"))/sign-up"
        case .withdraw(let id): "/opportunities/support/shifts/\(id.rendered(as: "supportShiftID"))/withdraw"
        case .agreeToSwap(let id): "/opportunities/support/swaps/\(id.rendered(as: "supportSwapID"))/agree"
        case .approveSwap(let id): "/opportunities/support/swaps/\(id.rendered(as: "supportSwapID"))/approve"
        case .refuseSwap(let id): "/opportunities/support/swaps/\(id.rendered(as: "supportSwapID"))/refuse"
        }
    }
}
