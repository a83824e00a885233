import Fluent
import JibungotoDomain
import Vapor

/// The staff master: the list (filtered, sorted, paged) and its printable form, a staff
/// member's page, the CSV exports (the staff export honours the list's filters).
struct StaffRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, OrganizationRoute.staffList, requires: .permission(.viewStaff), shows: .viewed(subject: "staff_list"), use: list)
        routes.on(.GET, OrganizationRoute.staffPrint, requires: .permission(.viewStaff), shows: .viewed(subject: "staff_list"), use: printList)
        routes.on(.GET, OrganizationRoute.staff(.pattern), requires: .permission(.viewStaff), shows: .viewed(subject: "staff"), use: show)
        routes.on(.GET, OrganizationRoute.staffExport, requires: .permission(.manageOrganization), shows: .exported(subject: "staff"), use: exportStaff)
        routes.on(.GET, OrganizationRoute.assignmentsExport, requires: .permission(.manageOrganization), shows: .exported(subject: "assignments"), use: exportAssignments)
    }

    // MARK: - List

    enum Sort: String, CaseIterable, Sendable {
        case number, kana, hireDate, yearsInPost
    }

    struct Filter: Sendable {
        var query = ""
        var section = ""
        var jobType = ""
        var employmentType = ""
        var cohort: Int?
        var minYearsInPost: Int?
        var sort = Sort.number

        init(_ request: Request, validation: inout FormValidation) {
            func value(_ name: String) -> String {
                ((try? request.query.get(String.self, at: name)) ?? "").trimmingCharacters(in: .whitespaces)
            }
            query = value("q")
            section = value("section")
            jobType = value("job_type")
            employmentType = value("employment_type")
            if !employmentType.isEmpty && EmploymentType(rawValue: employmentType) == nil {
                validation.fail("employment_type", "form.invalidChoice", request.t("staff.employmentType"))
                employmentType = ""
            }
            let cohortText = value("cohort")
            if !cohortText.isEmpty {
                cohort = Int(cohortText)
                if cohort == nil { validation.fail("cohort", "form.invalidChoice", request.t("staff.cohort")) }
            }
            let yearsText = value("min_years")
            if !yearsText.isEmpty {
                minYearsInPost = validation.integer("min_years", yearsText, range: 0...50, messageKey: "staff.minYearsInvalid")
            }
            sort = Sort(rawValue: value("sort")) ?? .number
        }

        var queryItems: [(String, String)] {
            [("q", query), ("section", section), ("job_type", jobType), ("employment_type", employmentType),
             ("cohort", cohort.map(String.init) ?? ""), ("min_years", minYearsInPost.map(String.init) ?? ""),
             ("sort", sort == .number ? "" : sort.rawValue)]
        }

        /// The active filters in words, for the printed list («所属：人事課»).
        func descriptions(tree: OrganizationTree, localizer: Localizer) -> [String] {
            var lines: [(String, String)] = []
            if !query.isEmpty { lines.append(("staff.search", query)) }
            if !section.isEmpty {
                lines.append(("staff.section", tree.units[SectionCode(section)].map { localizer.text($0.localizedName) } ?? section))
            }
            if !jobType.isEmpty { lines.append(("staff.jobType", jobType)) }
            if let type = EmploymentType(rawValue: employmentType) { lines.append(("staff.employmentType", localizer.t("employment.\(type.rawValue)"))) }
            if let cohort { lines.append(("staff.cohort", localizer.fiscalYear(cohort))) }
            if let minYearsInPost { lines.append(("staff.minYears", String(minYearsInPost))) }
            return lines.map { localizer.t("print.filter", localizer.t($0.0), $0.1) }
        }

        func apply(to builder: QueryBuilder<StaffMember>, tree: OrganizationTree, today: LocalDate) -> QueryBuilder<StaffMember> {
            if !query.isEmpty {
                let number = StaffNumber.typed(query)
                let kana = KanaSearch.normalize(query)
                builder.group(.or) { group in
                    group.filter(\.$staffNumber == number)
                        .filter(\.$name, containsLiterally: query)
                    if !kana.isEmpty { group.filter(\.$kanaSearch, containsLiterally: kana, at: .prefix) }
                }
            }
            if !section.isEmpty { builder.filter(\.$currentSectionCode ~~ Array(tree.subtree(of: SectionCode(section)))) }
            if !jobType.isEmpty { builder.filter(\.$jobType == jobType) }
            if let type = EmploymentType(rawValue: employmentType) { builder.filter(\.$employmentType == type) }
            if let cohort { builder.filter(\.$hireFiscalYear == cohort) }
            if let minYearsInPost { builder.filter(\.$currentSince <= today.adding(years: -minYearsInPost)) }
            switch sort {
            case .number: builder.sort(\.$staffNumber)
            case .kana: builder.sort(\.$kanaSearch).sort(\.$staffNumber)
            case .hireDate: builder.sort(\.$hireDate).sort(\.$staffNumber)
            case .yearsInPost: builder.sort(\.$currentSince).sort(\.$staffNumber)
            }
            return builder
        }
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let visibility = try await StaffVisibility.resolve(request)
        if case .onlyOwn(let number) = visibility {
            return request.redirect(to: OrganizationRoute.staff(.staff(number)).path)
        }
        var validation = FormValidation(request: request)
        let filter = Filter(request, validation: &validation)
        let today = request.today
        let tree = try await request.currentOrganization()
        let page = Pagination.requestedPage(request)
        let base = { filter.apply(to: visibility.apply(to: StaffMember.query(on: request.db)), tree: tree, today: today) }
        let total = try await base().count()
        let staff = try await base().range(((page - 1) * Pagination.perPage)..<(page * Pagination.perPage)).all()
        try await request.audit(.view, subjectType: "staff_list", detail: filter.queryItems.filter { !$0.1.isEmpty }.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
        let canManage = request.currentUser?.scope(of: .manageOrganization) != nil
        let content = StaffListPage.build(
            staff: staff, tree: tree,
            form: try await filterForm(request, filter: filter, tree: tree, visibility: visibility, validation: validation),
            filtersActive: !validation.isValid || filter.queryItems.contains { !$0.1.isEmpty },
            pagination: Pagination(request: request, route: OrganizationRoute.staffList, filters: filter.queryItems, page: page, total: total),
            filterQuery: filter.queryItems, total: total, canManage: canManage, today: today, localizer: request.localizer
        )
        return try await request.renderPage(
            "organization/staff-list", title: "staff.title",
            breadcrumbs: [Breadcrumb(label: request.t("staff.title"), href: nil)],
            content: content,
            status: validation.isValid ? .ok : .unprocessableEntity
        )
    }

    /// The list for printing: every row the filters select, in the list's order, on the print
    /// layout with 取扱注意. Filters that do not read are left out, as on the list.
    @Sendable func printList(_ request: Request) async throws -> Response {
        let visibility = try await StaffVisibility.resolve(request)
        if case .onlyOwn(let number) = visibility {
            return request.redirect(to: OrganizationRoute.staff(.staff(number)).path)
        }
        var validation = FormValidation(request: request)
        let filter = Filter(request, validation: &validation)
        let today = request.today
        let tree = try await request.currentOrganization()
        let staff = try await filter.apply(to: visibility.apply(to: StaffMember.query(on: request.db)), tree: tree, today: today).all()
        try await request.audit(.view, subjectType: "staff_list",
                                detail: (["print"] + filter.queryItems.filter { !$0.1.isEmpty }.map { "\($0.0)=\($0.1)" }).joined(separator: " "))
        return try await request.renderPage(
            "organization/staff-print", title: "print.staff.title",
            content: StaffPrintPage.build(
                staff: staff, tree: tree, filters: filter.descriptions(tree: tree, localizer: request.localizer),
                municipality: request.application.jibungotoSettings.municipalityName,
                backHref: OrganizationRoute.staffList.path(query: filter.queryItems), today: today, localizer: request.localizer))
    }

    private func filterForm(_ request: Request, filter: Filter, tree: OrganizationTree, visibility: StaffVisibility, validation: FormValidation) async throws -> FormModel {
        let jobTypes = try await StaffMember.query(on: request.db).unique().all(\.$jobType)
        let cohorts = try await StaffMember.query(on: request.db).unique().all(\.$hireFiscalYear)
        func option(_ value: String, _ label: String, _ selected: String, _ field: String) -> FormOption {
            FormOption(value: value, label: label, isSelected: value == selected, fieldName: field)
        }
        var form = FormModel(request: request, action: OrganizationRoute.staffList.path, method: .GET, submitLabelKey: "staff.filter", fields: [
            FormField(request: request, name: "q", labelKey: "staff.search", value: filter.query, hintKey: "staff.searchHint", maxLength: 100),
            FormField(request: request, name: "section", labelKey: "staff.section", kind: .select, value: filter.section,
                      options: [option("", request.t("staff.any"), filter.section, "section")],
                      optionGroups: SectionChoices.groups(in: tree, including: { visibility.allowsSection($0.code) }, selected: filter.section,
                                                          fieldName: "section", localizer: request.localizer)),
            FormField(request: request, name: "job_type", labelKey: "staff.jobType", kind: .select, value: filter.jobType,
                      options: [option("", request.t("staff.any"), filter.jobType, "job_type")] + Set(jobTypes).sorted().map { option($0, request.text(StaffListValues.jobType($0)), filter.jobType, "job_type") }),
            FormField(request: request, name: "employment_type", labelKey: "staff.employmentType", kind: .select, value: filter.employmentType,
                      options: [option("", request.t("staff.any"), filter.employmentType, "employment_type")]
                        + EmploymentType.allCases.map { option($0.rawValue, request.t("employment.\($0.rawValue)"), filter.employmentType, "employment_type") }),
            FormField(request: request, name: "cohort", labelKey: "staff.cohort", kind: .select, value: filter.cohort.map(String.init) ?? "",
                      options: [option("", request.t("staff.any"), filter.cohort.map(String.init) ?? "", "cohort")]
                        + Set(cohorts).sorted(by: >).map { option(String($0), DateFormatting.format(fiscalYear: $0, preferences: request.preferences), filter.cohort.map(String.init) ?? "", "cohort") }),
            FormField(request: request, name: "min_years", labelKey: "staff.minYears", value: filter.minYearsInPost.map(String.init) ?? "", maxLength: 2),
            FormField(request: request, name: "sort", labelKey: "staff.sort", kind: .select, value: filter.sort.rawValue,
                      options: Sort.allCases.map { option($0.rawValue, request.t("staff.sort.\($0.rawValue)"), filter.sort.rawValue, "sort") }),
        ])
        form.apply(validation, request: request)
        return form
    }

    // MARK: - Staff page

    @Sendable func show(_ request: Request) async throws -> Response {
        let number = StaffNumber.typed(try request.parameters.require("staffNumber"))
        guard let member = try await StaffMember.query(on: request.db).filter(\.$staffNumber == number).first() else {
            throw Abort(.notFound)
        }
        let visibility = try await StaffVisibility.resolve(request)
        guard visibility.allows(member) else { throw Abort(.forbidden) }
        try await request.audit(.view, subjectType: "staff", subjectID: member.staffNumber)
        let assignments = try await Assignment.query(on: request.db).filter(\.$staffNumber == number).sort(\.$startDate, .descending).all()
        let viewer = try request.requireUser()
        let readsSelfReports = viewer.staffNumber == member.staffNumber || viewer.scope(of: .manageSelfReports) != nil
        let selfReports: [SelfReportHistory.Entry]? = readsSelfReports ? try await SelfReportHistory.entries(of: member.staffNumber, on: request.db) : nil
        // A manager over the person reaches the submitted reports (to write the 所属長所見), not their contents here.
        var managerReports: [SelfReportHistory.Entry]? = nil
        if !readsSelfReports, let scope = viewer.scope(of: .viewSelfReportCompletion), scope != .own, let section = member.currentSectionCode,
           try await OrganizationScope.units(for: request, scope: scope).contains(section) {
            managerReports = try await SelfReportHistory.entries(of: member.staffNumber, on: request.db).filter { $0.report.submittedAt != nil }
        }
        // Every section the page names: those held, and those wished for (shown by name, never by code).
        let named = Set(assignments.map(\.sectionCode)).union((selfReports ?? []).flatMap { $0.report.wishes.map(\.sectionCode) })
        let sectionVersions = try await OrganizationUnit.query(on: request.db).filter(\.$code ~~ Array(named)).all()
        return try await request.renderPage(
            "organization/staff-show", title: "staff.page.title", titleArguments: [member.name],
            breadcrumbs: [Breadcrumb(label: request.t("staff.title"), href: OrganizationRoute.staffList.path), Breadcrumb(label: member.name, href: nil)],
            content: StaffPage.build(
                member: member, assignments: assignments.map(\.record), sectionVersions: sectionVersions,
                selfReports: selfReports, participation: try await ParticipationLedger.entries(of: member.staffNumber, on: request.db),
                today: request.today, localizer: request.localizer, tree: try await request.currentOrganization(), managerReports: managerReports,
                viewerIsMember: viewer.staffNumber == member.staffNumber
            )
        )
    }

    // MARK: - Exports

    /// The staff master as CSV in the importer's columns: the staff the list's filters select
    /// (all staff without filters), in the list's order.
    @Sendable func exportStaff(_ request: Request) async throws -> Response {
        var validation = FormValidation(request: request)
        let filter = Filter(request, validation: &validation)
        let tree = try await request.currentOrganization()
        let staff = try await filter.apply(to: StaffMember.query(on: request.db), tree: tree, today: request.today).all()
        let filters = filter.queryItems.filter { !$0.1.isEmpty }.map { "\($0.0)=\($0.1)" }
        try await request.audit(.export, subjectType: "staff", detail: (["rows=\(staff.count)"] + filters).joined(separator: " "))
        let table = StaffExports.staff(staff.map(\.record))
        return try CSVResponse.make(filename: "staff.csv", header: table.header, rows: table.rows, request: request)
    }

    @Sendable func exportAssignments(_ request: Request) async throws -> Response {
        let assignments = try await Assignment.query(on: request.db).sort(\.$staffNumber).sort(\.$startDate).all()
        try await request.audit(.export, subjectType: "assignments", detail: "rows=\(assignments.count)")
        let table = StaffExports.assignments(assignments)
        return try CSVResponse.make(filename: "assignments.csv", header: table.header, rows: table.rows, request: request)
    }
}
