import JibungotoDomain

/// The staff list: one page of staff under the filter form, with the printable list and the
/// exports of what the filters select.
enum StaffListPage {
    struct Content: Encodable, Sendable {
        let form: FormModel
        let filtersActive: Bool
        let rows: [Row]
        let pagination: Pagination
        let printHref: String
        let exports: Exports?
    }

    struct Row: Encodable, Sendable {
        let staffNumber: StaffNumber
        let name: String
        let nameKana: String
        let section: String
        let post: String
        let jobType: String
        let employmentType: String
        let yearsInPost: String
        let href: String
    }

    /// The downloads offered to those who manage the organization, each saying what it holds.
    struct Exports: Encodable, Sendable {
        let staffHref: String
        let staffCP932Href: String
        let staffNote: String
        let assignmentsHref: String
        let assignmentsCP932Href: String
        let assignmentsNote: String
        let importHref: String
    }

    /// - Parameters:
    ///   - filterQuery: the list's filters as query items, carried into the print and export links.
    ///   - total: how many staff the filters select (all pages).
    static func build(
        staff: [StaffMember], tree: OrganizationTree, form: FormModel, filtersActive: Bool, pagination: Pagination,
        filterQuery: [(String, String)], total: Int, canManage: Bool, today: LocalDate, localizer: Localizer
    ) -> Content {
        let separator = localizer.t("import.preview.separator")
        return Content(
            form: form, filtersActive: filtersActive,
            rows: staff.map { row($0, tree: tree, today: today, localizer: localizer) },
            pagination: pagination,
            printHref: OrganizationRoute.staffPrint.path(query: filterQuery),
            exports: canManage ? Exports(
                staffHref: OrganizationRoute.staffExport.path(query: filterQuery),
                staffCP932Href: OrganizationRoute.staffExport.path(query: filterQuery + [("encoding", CSVEncoding.cp932.rawValue)]),
                staffNote: localizer.t(filtersActive ? "staff.exportNoteFiltered" : "staff.exportNote",
                                       ImportKind.staff.templateHeader.joined(separator: separator), String(total)),
                assignmentsHref: OrganizationRoute.assignmentsExport.path,
                assignmentsCP932Href: OrganizationRoute.assignmentsExport.path(query: [("encoding", CSVEncoding.cp932.rawValue)]),
                assignmentsNote: localizer.t("staff.assignmentsExportNote", ImportKind.assignments.templateHeader.joined(separator: separator)),
                importHref: OrganizationRoute.importUpload.path
            ) : nil
        )
    }

    /// One staff member as the list and the printed list show them.
    static func row(_ member: StaffMember, tree: OrganizationTree, today: LocalDate, localizer: Localizer) -> Row {
        Row(
            staffNumber: member.staffNumber, name: member.name, nameKana: member.nameKana,
            section: member.currentSectionCode.map { tree.pathName(of: $0, localizer: localizer) } ?? "",
            post: member.currentPost.map { localizer.text(StaffListValues.post($0)) } ?? "",
            jobType: localizer.text(StaffListValues.jobType(member.jobType)),
            employmentType: localizer.t("employment.\(member.employmentType)"),
            yearsInPost: member.currentSince.map { since in
                let years = LocalDate.completedYears(from: since, to: today)
                return localizer.t("staff.years", count: years, String(years))
            } ?? "",
            href: OrganizationRoute.staff(.staff(member.staffNumber)).path
        )
    }
}
