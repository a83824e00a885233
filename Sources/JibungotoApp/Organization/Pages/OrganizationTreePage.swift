import JibungotoDomain

/// A fiscal year's organization as an indented tree, with today's headcounts in the current year;
/// next year's tree also shows the projected headcount on its April 1 against 定数, the
/// shortfalls marked, and the department totals.
enum OrganizationTreePage {
    struct Content: Encodable, Sendable {
        let fiscalYear: Int
        let yearForm: FormModel
        let showsYearForm: Bool
        let rows: [Row]
        let showsHeadcount: Bool
        let showsProjection: Bool
        let projectionNote: String?
        let departmentTotals: [DepartmentTotal]
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
        /// Next year's tree only: placed on its April 1, and how many short of 定数 (nil when none).
        let projectedHeadcount: Int?
        let shortfall: String?

        /// `currentHeadcount` nil where the page shows none (a past year).
        init(
            _ unit: SectionRecord, depth: Int, fiscalYear: Int, currentHeadcount: Int?, projectedHeadcount: Int? = nil,
            localizer: Localizer
        ) {
            self.depth = depth
            self.code = unit.code
            self.name = localizer.text(unit.localizedName)
            self.kind = localizer.t("organization.kind.\(unit.kind.rawValue)")
            self.href = OrganizationRoute.section(.section(unit.code)).path(query: [("fy", String(fiscalYear))])
            self.isCollaborationPost = unit.isCollaborationPost
            self.district = unit.district
            self.authorizedHeadcount = unit.authorizedHeadcount
            self.currentHeadcount = currentHeadcount
            self.projectedHeadcount = projectedHeadcount
            self.shortfall = projectedHeadcount.flatMap { projected in
                let missing = ProjectedHeadcount.shortfall(authorized: unit.authorizedHeadcount, placed: projected)
                return missing > 0 ? localizer.t("organization.shortfall", String(missing)) : nil
            }
        }
    }

    /// A department (部) with everything below it.
    struct DepartmentTotal: Encodable, Sendable {
        let name: String
        let authorizedHeadcount: Int
        let currentHeadcount: Int
        let projectedHeadcount: Int
        let shortfall: String?
    }

    /// Next year's figures: today's placements and those projected for the year's April 1, by unit.
    struct Projection: Sendable {
        let current: [SectionCode: Int]
        let projected: [SectionCode: Int]
    }

    /// No fiscal year has an organization yet.
    static func empty(yearForm: FormModel, canManage: Bool, csrfToken: String, localizer: Localizer) -> Content {
        message(localizer.t("organization.empty"), yearForm: yearForm, showsYearForm: false, canManage: canManage, csrfToken: csrfToken)
    }

    /// The fiscal year asked for (`?fy=`) has no organization: said so, never another year shown in its place.
    static func missingYear(_ year: Int, yearForm: FormModel, canManage: Bool, csrfToken: String, localizer: Localizer) -> Content {
        message(localizer.t("organization.yearMissing", localizer.fiscalYear(year)), yearForm: yearForm, showsYearForm: true, canManage: canManage, csrfToken: csrfToken)
    }

    private static func message(_ text: String, yearForm: FormModel, showsYearForm: Bool, canManage: Bool, csrfToken: String) -> Content {
        Content(
            fiscalYear: 0, yearForm: yearForm, showsYearForm: showsYearForm, rows: [], showsHeadcount: false, showsProjection: false,
            projectionNote: nil, departmentTotals: [], isEditable: false, canManage: canManage, newSectionHref: "", cloneAction: nil,
            cloneLabel: "", csrfToken: csrfToken, emptyMessage: text)
    }

    /// `years`: every fiscal year with an organization; `headcounts`: today's, by unit code
    /// (read only for the current year); `projection` only for next fiscal year's tree.
    static func build(
        tree: OrganizationTree, years: [Int], yearForm: FormModel, headcounts: [SectionCode: Int], projection: Projection?,
        canManage: Bool, today: LocalDate, csrfToken: String, localizer: Localizer
    ) -> Content {
        let year = tree.fiscalYear
        let isCurrent = year == today.fiscalYear.startYear
        let rows = tree.flattened().map { unit, depth in
            Row(unit, depth: min(depth, 3), fiscalYear: year,
                currentHeadcount: isCurrent ? headcounts[unit.code] ?? 0 : projection.map { $0.current[unit.code] ?? 0 },
                projectedHeadcount: projection.map { $0.projected[unit.code] ?? 0 }, localizer: localizer)
        }
        var departmentTotals: [DepartmentTotal] = []
        if let projection {
            let units = Array(tree.units.values)
            let authorized = ProjectedHeadcount.totals(units: units, values: tree.units.mapValues(\.authorizedHeadcount))
            let current = ProjectedHeadcount.totals(units: units, values: projection.current)
            let projected = ProjectedHeadcount.totals(units: units, values: projection.projected)
            departmentTotals = tree.roots.compactMap { tree.units[$0] }.map { department in
                let missing = ProjectedHeadcount.shortfall(authorized: authorized[department.code] ?? 0, placed: projected[department.code] ?? 0)
                return DepartmentTotal(
                    name: localizer.text(department.localizedName), authorizedHeadcount: authorized[department.code] ?? 0,
                    currentHeadcount: current[department.code] ?? 0, projectedHeadcount: projected[department.code] ?? 0,
                    shortfall: missing > 0 ? localizer.t("organization.shortfall", String(missing)) : nil)
            }
        }
        return Content(
            fiscalYear: year,
            yearForm: yearForm,
            showsYearForm: true,
            rows: rows,
            showsHeadcount: isCurrent || projection != nil,
            showsProjection: projection != nil,
            projectionNote: projection.map { _ in localizer.t("organization.projectionNote", localizer.date(FiscalYear(startYear: year).start)) },
            departmentTotals: departmentTotals,
            isEditable: canManage && OrganizationEditRules.isEditable(fiscalYear: year, today: today),
            canManage: canManage,
            newSectionHref: OrganizationRoute.newSection.path(query: [("fy", String(year))]),
            cloneAction: canManage && OrganizationEditRules.mayClone(year, existingYears: years) ? OrganizationRoute.cloneYear.path : nil,
            // The button copies the year on screen, and says which.
            cloneLabel: localizer.t("organization.cloneFrom", localizer.fiscalYear(year + 1), localizer.fiscalYear(year)),
            csrfToken: csrfToken,
            emptyMessage: nil
        )
    }
}
