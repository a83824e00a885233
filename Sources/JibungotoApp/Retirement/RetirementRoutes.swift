import Fluent
import JibungotoDomain
import Vapor

/// URLs of the Retirement module.
enum RetirementRoute: TypedRoute {
    case outlook

    var path: String {
        switch self {
        case .outlook: "/retirement"
        }
    }
}

/// 定年引上げ: who retires, who leaves a managerial post at the age limit, who reaches 60 and who
/// is owed the age-60 information, this fiscal year and the next (2023 amendment rules).
struct RetirementRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, RetirementRoute.outlook, requires: .permission(.viewRetirement), use: outlook)
    }

    struct OutlookContent: Encodable, Sendable {
        let years: [YearOutlook]
        let rulesNote: String
    }

    struct YearOutlook: Encodable, Sendable {
        let label: String
        let lists: [EntryList]
    }

    struct EntryList: Encodable, Sendable {
        let heading: String
        let dateHeading: String
        let rows: [Row]
    }

    struct Row: Encodable, Sendable {
        let staffNumber: String
        let name: String
        let href: String
        let section: String
        let birthDate: String
        let date: String
        let age: Int
    }

    @Sendable func outlook(_ request: Request) async throws -> Response {
        let today = LocalDateClock.today()
        let tree = try await request.currentOrganization()
        let staff = try await StaffMember.query(on: request.db).filter(\.$employmentType == EmploymentType.regular.rawValue).all()
        let byNumber = Dictionary(staff.map { ($0.staffNumber, $0) }, uniquingKeysWith: { a, _ in a })
        let rules = RetirementRules.localPublicService2023
        try await request.audit(.view, subjectType: "retirement_outlook")
        func rows(_ entries: [RetirementRules.Entry]) -> [Row] {
            entries.map { entry in
                Row(staffNumber: entry.staffNumber, name: entry.name,
                    href: OrganizationRoute.staff(.value(entry.staffNumber)).path,
                    section: byNumber[entry.staffNumber]?.currentSectionCode.flatMap { tree.units[$0] }.map { localizedName($0, request) } ?? "",
                    birthDate: DateFormatting.format(date: entry.birthDate, preferences: request.preferences),
                    date: DateFormatting.format(date: entry.date, preferences: request.preferences), age: entry.age)
            }
        }
        let years = [today.fiscalYear, today.fiscalYear.next].map { year -> YearOutlook in
            let outlook = rules.outlook(for: year, staff: staff.map(\.record)) { record in
                byNumber[record.staffNumber]?.currentPost.map(PostTiers.standard.isManagerial) ?? false
            }
            return YearOutlook(
                label: DateFormatting.format(fiscalYear: year.startYear, preferences: request.preferences),
                lists: [
                    EntryList(heading: request.t("retirement.retiring"), dateHeading: request.t("retirement.retirementDate"), rows: rows(outlook.retiring)),
                    EntryList(heading: request.t("retirement.leavingManagerial"), dateHeading: request.t("retirement.leavesOn"), rows: rows(outlook.leavingManagerialPosts)),
                    EntryList(heading: request.t("retirement.reachingSixty"), dateHeading: request.t("retirement.reachesOn"), rows: rows(outlook.reachingSixty)),
                    EntryList(heading: request.t("retirement.informationDue"), dateHeading: request.t("retirement.reachesOn"), rows: rows(outlook.informationDue)),
                ])
        }
        return try await request.renderPage(
            "retirement/outlook", title: "retirement.title",
            breadcrumbs: [Breadcrumb(label: request.t("retirement.title"), href: nil)],
            content: OutlookContent(years: years, rulesNote: request.t("retirement.rules")))
    }
}

/// The retirement outlook (定年引上げ) for HR.
enum RetirementModule: AppModule {
    static var migrations: [any Migration] { [] }

    static func register(on routes: any RoutesBuilder, app: Application) {
        RetirementRoutes().register(on: routes)
        app.navigation.add(NavigationEntry(labelKey: "nav.retirement", href: RetirementRoute.outlook.path, permission: .viewRetirement))
    }
}
