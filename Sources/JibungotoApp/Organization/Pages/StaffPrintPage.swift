import JibungotoDomain

/// The staff list for printing on A4: every staff member the list's filters select (not one
/// page of them), under the document head with 取扱注意, and the filters in words.
enum StaffPrintPage {
    struct Content: Encodable, Sendable {
        let header: PrintHeader
        let filters: [String]
        let count: String
        let rows: [StaffListPage.Row]
        let backHref: String
    }

    /// - Parameter filters: the active filters, each already in words (「所属：人事課」).
    static func build(
        staff: [StaffMember], tree: OrganizationTree, filters: [String], municipality: String,
        backHref: String, today: LocalDate, localizer: Localizer
    ) -> Content {
        Content(
            header: PrintHeader(municipality: municipality, today: today, showsPersonalData: true, localizer: localizer),
            filters: filters.isEmpty ? [localizer.t("print.staff.allStaff")] : filters,
            count: localizer.t("print.staff.count", count: staff.count, String(staff.count)),
            rows: staff.map { StaffListPage.row($0, tree: tree, today: today, localizer: localizer) },
            backHref: backHref
        )
    }
}
