import JibungotoDomain

/// The staff list: one page of staff under the filter form.
enum StaffListPage {
    struct Content: Encodable, Sendable {
        let form: FormModel
        let filtersActive: Bool
        let rows: [Row]
        let pagination: Pagination
        let exportHref: String?
        let importHref: String?
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

    static func build(
        staff: [StaffMember], tree: OrganizationTree, form: FormModel, filtersActive: Bool, pagination: Pagination,
        canManage: Bool, today: LocalDate, localizer: Localizer
    ) -> Content {
        let rows = staff.map { member in
            Row(
                staffNumber: member.staffNumber, name: member.name, nameKana: member.nameKana,
                section: member.currentSectionCode.map { tree.pathName(of: $0, localizer: localizer) } ?? "",
                post: member.currentPost.map { localizer.text(StaffListValues.post($0)) } ?? "",
                jobType: localizer.text(StaffListValues.jobType(member.jobType)),
                employmentType: localizer.t("employment.\(member.employmentType)"),
                yearsInPost: member.currentSince.map { localizer.t("staff.years", String(LocalDate.completedYears(from: $0, to: today))) } ?? "",
                href: OrganizationRoute.staff(.staff(member.staffNumber)).path
            )
        }
        return Content(
            form: form, filtersActive: filtersActive, rows: rows, pagination: pagination,
            exportHref: canManage ? OrganizationRoute.staffExport.path : nil,
            importHref: canManage ? OrganizationRoute.importUpload.path : nil
        )
    }
}
