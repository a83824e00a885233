import JibungotoDomain

/// A fiscal year's organization as an indented tree, with today's headcounts in the current year.
enum OrganizationTreePage {
    struct Content: Encodable, Sendable {
        let fiscalYear: Int
        let yearForm: FormModel
        let rows: [Row]
        let showsHeadcount: Bool
        let isEditable: Bool
        let canManage: Bool
        let newSectionHref: String
        let cloneAction: String?
        let cloneLabel: String
        let csrfToken: String
        let emptyMessage: String?
    }

    /// A unit in the tree (and among a section's children).
    struct Row: Encodable, Sendable {
        let depth: Int
        let code: SectionCode
        let name: String
        let kind: String
        let href: String
        let isCollaborationPost: Bool
        let district: String?
        let authorizedHeadcount: Int
        let currentHeadcount: Int?

        /// `currentHeadcount` nil where the page shows none (a past or future year).
        init(_ unit: SectionRecord, depth: Int, fiscalYear: Int, currentHeadcount: Int?, localizer: Localizer) {
            self.depth = depth
            self.code = unit.code
            self.name = localizer.text(unit.localizedName)
            self.kind = localizer.t("organization.kind.\(unit.kind.rawValue)")
            self.href = OrganizationRoute.section(.section(unit.code)).path(query: [("fy", String(fiscalYear))])
            self.isCollaborationPost = unit.isCollaborationPost
            self.district = unit.district
            self.authorizedHeadcount = unit.authorizedHeadcount
            self.currentHeadcount = currentHeadcount
        }
    }

    /// No fiscal year has an organization yet.
    static func empty(yearForm: FormModel, canManage: Bool, csrfToken: String, localizer: Localizer) -> Content {
        Content(
            fiscalYear: 0, yearForm: yearForm, rows: [], showsHeadcount: false,
            isEditable: false, canManage: canManage, newSectionHref: "", cloneAction: nil, cloneLabel: "",
            csrfToken: csrfToken, emptyMessage: localizer.t("organization.empty"))
    }

    /// `years`: every fiscal year with an organization; `headcounts`: today's, by unit code
    /// (read only for the current year).
    static func build(
        tree: OrganizationTree, years: [Int], yearForm: FormModel, headcounts: [SectionCode: Int], canManage: Bool,
        today: LocalDate, csrfToken: String, localizer: Localizer
    ) -> Content {
        let year = tree.fiscalYear
        let isCurrent = year == today.fiscalYear.startYear
        let rows = tree.flattened().map { unit, depth in
            Row(unit, depth: min(depth, 3), fiscalYear: year, currentHeadcount: isCurrent ? headcounts[unit.code] ?? 0 : nil, localizer: localizer)
        }
        return Content(
            fiscalYear: year,
            yearForm: yearForm,
            rows: rows,
            showsHeadcount: isCurrent,
            isEditable: canManage && OrganizationEditRules.isEditable(fiscalYear: year, today: today),
            canManage: canManage,
            newSectionHref: OrganizationRoute.newSection.path(query: [("fy", String(year))]),
            cloneAction: canManage && OrganizationEditRules.mayClone(year, existingYears: years) ? OrganizationRoute.cloneYear.path : nil,
            cloneLabel: localizer.t("organization.clone", localizer.fiscalYear(year + 1)),
            csrfToken: csrfToken,
            emptyMessage: nil
        )
    }
}
