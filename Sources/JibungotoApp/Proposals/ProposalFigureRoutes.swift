import Fluent
import JibungotoDomain
import Vapor

/// The proposal figures per fiscal year (submitted, adopted, adoption rate, implemented; by
/// department and category) and the year's collection (提案集) printed on A4.
struct ProposalFigureRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, ProposalRoute.figures, requires: .permission(.viewProposalFigures), shows: .nothing, use: figures)
        routes.on(.GET, ProposalRoute.collection, requires: .permission(.viewProposalFigures), shows: .viewed(subject: "proposal_collection"), use: collection)
    }

    /// Every submitted proposal as the figures count it.
    static func facts(on database: any Database) async throws -> [ProposalFigureFacts] {
        try await Proposal.query(on: database).filter(\.$fiscalYear != nil).all().map(\.figureFacts)
    }

    /// The organization of the fiscal year (the departments as they were), or today's when that year has none.
    private func tree(_ request: Request, fiscalYear: Int) async throws -> OrganizationTree {
        let tree = try await OrganizationTree.load(fiscalYear: fiscalYear, on: request.db)
        return tree.units.isEmpty ? try await request.currentOrganization() : tree
    }

    @Sendable func figures(_ request: Request) async throws -> Response {
        let year = ProposalLoading.fiscalYear(request)
        let facts = try await Self.facts(on: request.db)
        let years = Set(facts.compactMap(\.fiscalYear) + [request.today.fiscalYear.startYear]).sorted()
        return try await request.renderPage(
            "proposals/figures", title: "proposals.figures.title",
            breadcrumbs: ProposalLoading.breadcrumbs(request, last: request.t("proposals.figures.title")),
            content: ProposalFiguresPage.build(facts: facts, year: year, years: years, tree: try await tree(request, fiscalYear: year), localizer: request.localizer))
    }

    @Sendable func collection(_ request: Request) async throws -> Response {
        let year = ProposalLoading.fiscalYear(request)
        let proposals = try await Proposal.query(on: request.db).filter(\.$fiscalYear == year).sort(\.$number).all()
        let ids = proposals.compactMap(\.id)
        var latest: [UUID: ProposalVersion] = [:]
        var authors: [UUID: [StaffNumber]] = [:]
        for chunk in ids.chunked(into: 500) {
            for version in try await ProposalVersion.query(on: request.db).filter(\.$proposal.$id ~~ Array(chunk)).all()
            where version.number > (latest[version.$proposal.id]?.number ?? 0) {
                latest[version.$proposal.id] = version
            }
            for author in try await ProposalAuthor.query(on: request.db).filter(\.$proposal.$id ~~ Array(chunk)).filter(\.$status == .confirmed).all() {
                authors[author.$proposal.id, default: []].append(author.staffNumber)
            }
        }
        let staff = try await ProposalLoading.staff(authors.values.flatMap { $0 }, on: request.db)
        return try await request.renderPage(
            "proposals/collection", title: "proposals.collection.title",
            breadcrumbs: ProposalLoading.breadcrumbs(request, last: request.t("proposals.collection.title")),
            content: ProposalCollectionPage.build(
                proposals: proposals, latest: latest, authors: authors, staff: staff, year: year,
                facts: proposals.map(\.figureFacts), tree: try await tree(request, fiscalYear: year), localizer: request.localizer))
    }
}
