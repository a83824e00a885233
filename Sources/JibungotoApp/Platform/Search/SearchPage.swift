import JibungotoDomain

/// The header search's results: the staff the reader may see and the sections, each by its full path.
enum SearchPage {
    struct Content: Encodable, Sendable {
        let hint: String
        let hasQuery: Bool
        /// False for readers who see only their own staff record: they search sections alone.
        let searchesStaff: Bool
        let staff: [StaffRow]
        let staffSummary: String
        let sections: [SectionRow]
        let sectionsSummary: String
    }

    struct StaffRow: Encodable, Sendable {
        let staffNumber: StaffNumber
        let name: String
        let nameKana: String
        let section: String
        let post: String
        let href: String
    }

    struct SectionRow: Encodable, Sendable {
        let name: String
        let href: String
    }

    /// - Parameters:
    ///   - staff: the first `limit` staff found within the reader's scope; nil when the reader does not search staff.
    ///   - staffTotal: how many were found in all.
    static func build(
        query: String, staff: [StaffMember]?, staffTotal: Int, sections: [SectionRecord], limit: Int,
        tree: OrganizationTree, localizer: Localizer
    ) -> Content {
        let shownSections = Array(sections.prefix(limit))
        return Content(
            hint: localizer.t(staff == nil ? "search.hintSections" : "search.hint"),
            hasQuery: !query.isEmpty,
            searchesStaff: staff != nil,
            staff: (staff ?? []).map { member in
                StaffRow(
                    staffNumber: member.staffNumber, name: member.name, nameKana: member.nameKana,
                    section: member.currentSectionCode.map { tree.pathName(of: $0, localizer: localizer) } ?? "",
                    post: member.currentPost.map { localizer.text(StaffListValues.post($0)) } ?? "",
                    href: OrganizationRoute.staff(.staff(member.staffNumber)).path
                )
            },
            staffSummary: summary(shown: staff?.count ?? 0, total: staffTotal, localizer: localizer),
            sections: shownSections.map {
                SectionRow(name: tree.pathName(of: $0.code, localizer: localizer), href: OrganizationRoute.section(.section($0.code)).path)
            },
            sectionsSummary: summary(shown: shownSections.count, total: sections.count, localizer: localizer)
        )
    }

    private static func summary(shown: Int, total: Int, localizer: Localizer) -> String {
        shown < total ? localizer.t("search.firstOf", String(shown), String(total)) : localizer.t("search.found", String(total))
    }
}
