/// The header search: staff by number, name or kana and sections by name.
enum SearchRoute: TypedRoute {
    case search

    var path: String {
        switch self {
        case .search: "/search"
        }
    }
}
