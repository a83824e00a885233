import Vapor

/// Page numbers for long lists, with links that keep the list's filters.
struct Pagination: Encodable, Sendable {
    let page: Int
    let pageCount: Int
    let total: Int
    let previousHref: String?
    let nextHref: String?
    let summary: String

    static let perPage = 50

    /// The page asked for in `?page=`, at least 1.
    static func requestedPage(_ request: Request) -> Int {
        max(1, (try? request.query.get(Int.self, at: "page")) ?? 1)
    }

    init(request: Request, route: some TypedRoute, filters: [(String, String)], page: Int, total: Int, perPage: Int = Pagination.perPage) {
        self.page = page
        self.total = total
        self.pageCount = max(1, (total + perPage - 1) / perPage)
        func link(_ target: Int) -> String {
            route.path(query: filters + [("page", target == 1 ? "" : String(target))])
        }
        self.previousHref = page > 1 ? link(page - 1) : nil
        self.nextHref = page < pageCount ? link(page + 1) : nil
        self.summary = request.t("pagination.summary", String(total), String(page), String(pageCount))
    }
}
