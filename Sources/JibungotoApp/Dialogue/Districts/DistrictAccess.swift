import Fluent
import Foundation
import JibungotoDomain
import Vapor

/// The signed-in user as the district pages see them: the districts they serve as liaison today,
/// whether they see every district (HR, the promotion team), the sections whose local issues they
/// answer (a manager their section, a department head their department) and whether they keep
/// the districts (HR).
struct DistrictViewer: Sendable {
    let staffNumber: StaffNumber
    let seesEveryDistrict: Bool
    /// The districts the user is the liaison of today (the first and last days of a term included).
    let liaisonOf: Set<UUID>
    /// The units whose issues the user answers; empty without the permission.
    let answers: Set<SectionCode>
    /// `.department` for a department head, to whom the overdue issues are escalated.
    let answerScope: Scope?
    let manages: Bool

    static func load(_ request: Request) async throws -> DistrictViewer {
        let user = try request.requireUser()
        let today = request.today
        var liaisonOf: Set<UUID> = []
        if user.scope(of: .viewDistricts) != nil {
            let terms = try await DistrictLiaison.query(on: request.db).filter(\.$staffNumber == user.staffNumber)
                .filter(\.$startsOn <= today).filter(\.$endsOn >= today).all()
            liaisonOf = Set(terms.map { $0.$district.id })
        }
        let answerScope = user.scope(of: .answerLocalIssues)
        var answers: Set<SectionCode> = []
        if let scope = answerScope {
            switch scope {
            case .all: answers = Set(try await request.currentOrganization().units.keys)
            case .section, .department: answers = try await OrganizationScope.units(for: request, scope: scope)
            case .own: break
            }
        }
        return DistrictViewer(
            staffNumber: user.staffNumber, seesEveryDistrict: user.scope(of: .viewDistricts) == .all, liaisonOf: liaisonOf,
            answers: answers, answerScope: answerScope, manages: user.scope(of: .manageDistricts) != nil)
    }

    func maySee(district id: UUID) -> Bool { seesEveryDistrict || liaisonOf.contains(id) }

    /// Dialogue records and issues are recorded by the district's liaisons.
    func mayRecord(in id: UUID) -> Bool { liaisonOf.contains(id) }

    /// An issue is seen by its district's readers and by the section answering it (and that
    /// section's department head).
    func maySee(_ issue: LocalIssue) -> Bool { maySee(district: issue.$district.id) || mayAnswer(issue) }

    func mayAnswer(_ issue: LocalIssue) -> Bool { answers.contains(issue.sectionCode) }

    /// The issues of the districts the user reads: every one, or those of their own districts.
    func districtFilter(_ query: QueryBuilder<LocalIssue>) -> QueryBuilder<LocalIssue> {
        seesEveryDistrict ? query : query.filter(\.$district.$id ~~ Array(liaisonOf))
    }
}

/// Loading what the district pages share.
enum DistrictLoading {
    /// The district the URL names, if the reader may see it (404 otherwise: another district's
    /// page does not even say that it exists).
    static func district(_ request: Request, viewer: DistrictViewer) async throws -> District {
        guard let id = request.parameters.get("districtID").flatMap(UUID.init(uuidString:)), viewer.maySee(district: id),
              let district = try await District.find(id, on: request.db)
        else { throw Abort(.notFound) }
        return district
    }

    /// The issue the URL names, if the reader may see it.
    static func issue(_ request: Request, viewer: DistrictViewer) async throws -> LocalIssue {
        guard let id = request.parameters.get("issueID").flatMap(UUID.init(uuidString:)),
              let issue = try await LocalIssue.query(on: request.db).filter(\.$id == id).with(\.$district).with(\.$category).first(),
              viewer.maySee(issue)
        else { throw Abort(.notFound) }
        return issue
    }

    static func districts(on database: any Database) async throws -> [District] {
        try await District.query(on: database).sort(\.$position).sort(\.$nameJa).all()
    }

    static func categories(on database: any Database) async throws -> [LocalIssueCategory] {
        try await LocalIssueCategory.query(on: database).sort(\.$code).all()
    }

    /// The names of sections in full (部 課 係), this fiscal year's or the last a unit had.
    static func sectionNames(_ codes: [SectionCode], request: Request) async throws -> [SectionCode: Bilingual] {
        try await SideJobLoading.sectionNames(codes, today: request.today, on: request.db)
    }

    /// The staff records of these numbers, by number.
    static func staff(_ numbers: [StaffNumber], on database: any Database) async throws -> [StaffNumber: StaffMember] {
        try await SideJobLoading.staff(numbers, on: database)
    }

    /// The sections of today's organization: issues may be routed to these only.
    static func activeSections(_ request: Request) async throws -> Set<SectionCode> {
        Set(try await request.currentOrganization().units.keys)
    }

    /// Districts › (the district) › `last`.
    static func breadcrumbs(_ request: Request, district: District? = nil, last: String? = nil) -> [Breadcrumb] {
        var crumbs = [Breadcrumb(label: request.t("dialogue.district.title"), href: district == nil && last == nil ? nil : DistrictRoute.districts.path)]
        if let district, let id = district.id {
            crumbs.append(Breadcrumb(label: request.text(district.name), href: last == nil ? nil : DistrictRoute.district(.id(id)).path))
        }
        if let last { crumbs.append(Breadcrumb(label: last, href: nil)) }
        return crumbs
    }

    /// Local issues › `last` (the issues list for those who read districts, the queue for those who answer).
    static func issueBreadcrumbs(_ request: Request, viewer: DistrictViewer, last: String) -> [Breadcrumb] {
        let list = viewer.seesEveryDistrict || !viewer.liaisonOf.isEmpty
            ? Breadcrumb(label: request.t("dialogue.issue.listTitle"), href: DistrictRoute.issues.path)
            : Breadcrumb(label: request.t("dialogue.issue.queueTitle"), href: DistrictRoute.queue.path)
        return [list, Breadcrumb(label: last, href: nil)]
    }
}
