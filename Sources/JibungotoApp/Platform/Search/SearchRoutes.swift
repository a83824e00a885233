import Fluent
import JibungotoDomain
import Vapor

/// The search box in the header: staff within the reader's staff scope (the staff list's
/// `viewStaff` rule, so a section manager finds no one outside the section), sections for
/// everyone who may view the organization.
struct SearchRoutes {
    static let resultLimit = 50
    static let queryMaxLength = 100

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, SearchRoute.search, requires: .permission(.viewOrganization), shows: .viewed(subject: "staff_search"), use: search)
    }

    /// Whether the reader's search looks for staff: only with a staff scope beyond their own record.
    static func searchesStaff(_ user: SignedInUser) -> Bool {
        (user.scope(of: .viewStaff) ?? .own) > .own
    }

    @Sendable func search(_ request: Request) async throws -> Response {
        let typed = ((try? request.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let query = String(typed.prefix(Self.queryMaxLength))
        let tree = try await request.currentOrganization()
        var staff: [StaffMember]? = nil
        var staffTotal = 0
        if Self.searchesStaff(try request.requireUser()) {
            let visibility = try await StaffVisibility.resolve(request)
            if query.isEmpty {
                staff = []
            } else {
                let base = { DirectorySearch.staff(matching: query, in: visibility.apply(to: StaffMember.query(on: request.db))) }
                staffTotal = try await base().count()
                staff = try await base().sort(\.$staffNumber).limit(Self.resultLimit).all()
            }
            try await request.audit(.view, subjectType: "staff_search", detail: "q=\(query) found=\(staffTotal)")
        }
        let content = SearchPage.build(
            query: query, staff: staff, staffTotal: staffTotal, sections: DirectorySearch.sections(matching: query, in: tree),
            limit: Self.resultLimit, tree: tree, localizer: request.localizer
        )
        return try await request.renderPage(
            "platform/search", title: "search.title",
            breadcrumbs: [Breadcrumb(label: request.t("search.title"), href: nil)],
            content: content
        )
    }
}
