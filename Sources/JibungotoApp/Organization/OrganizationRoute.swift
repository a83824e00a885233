import JibungotoDomain

/// URLs of the Organization module.
enum OrganizationRoute: TypedRoute {
    case tree
    case cloneYear
    case newSection
    case section(RouteParameter)
    case editSection(RouteParameter)
    case staffList
    case staff(RouteParameter)
    case staffPrint
    case staffExport
    case assignmentsExport
    case importUpload
    case importBatch(RouteParameter)
    case importApply(RouteParameter)
    case importIssues(RouteParameter)
    case importTemplate(ImportKind)
    case importMapping

    var path: String {
        switch self {
        case .tree: "/organization"
        case .cloneYear: "/organization/years/clone"
        case .newSection: "/organization/sections/new"
        case .section(let code): "/organization/sections/\(code.rendered(as: "code"))"
        case .editSection(let code): "/organization/sections/\(code.rendered(as: "code"))/edit"
        case .staffList: "/organization/staff"
        case .staff(let number): "/organization/staff/\(number.rendered(as: "staffNumber"))"
        case .staffPrint: "/organization/staff-print"
        case .staffExport: "/organization/export/staff"
        case .assignmentsExport: "/organization/export/assignments"
        case .importUpload: "/organization/import"
        case .importBatch(let id): "/organization/import/\(id.rendered(as: "batchID"))"
        case .importApply(let id): "/organization/import/\(id.rendered(as: "batchID"))/apply"
        case .importIssues(let id): "/organization/import/\(id.rendered(as: "batchID"))/issues.csv"
        case .importTemplate(let kind): "/organization/import-templates/\(kind.rawValue).csv"
        case .importMapping: "/organization/import-mapping"
        }
    }
}
