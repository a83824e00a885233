import Fluent
import JibungotoDomain
import Vapor

/// The staff master: the list (filtered, sorted, paged), a staff member's page, the CSV exports.
struct StaffRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, OrganizationRoute.staffList, requires: .permission(.viewStaff), shows: .viewed(subject: "staff_list"), use: list)
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

        func apply(to builder: QueryBuilder<StaffMember>, tree: OrganizationTree, today: LocalDate) -> QueryBuilder<StaffMember> {
            if !query.isEmpty {
                let number = StaffNumber.normalise(query)
                let kana = KanaSearch.normalize(query)
                builder.group(.or) { group in
                    group.filter(\.$staffNumber == number)
                        .filter(\.$name, containsLiterally: query)
                    if !kana.isEmpty { group.filter(\.$kanaSearch, containsLiterally: kana, at: .prefix) }
                }
            }
            if !section.isEmpty { builder.filter(\.$currentSectionCode ~~ Array(tree.subtree(of: section))) }
            if !jobType.isEmpty { builder.filter(\.$jobType == jobType) }
            if !employmentType.isEmpty { builder.filter(\.$employmentType == employmentType) }
            if let cohort { builder.filter(\.$hireFiscalYear == cohort) }
            if let minYearsInPost { builder.filter(\.$currentSince <= today.adding(years: -minYearsInPost).iso) }
            switch sort {
            case .number: builder.sort(\.$staffNumber)
            case .kana: builder.sort(\.$kanaSearch).sort(\.$staffNumber)
            case .hireDate: builder.sort(\.$hireDate).sort(\.$staffNumber)
            case .yearsInPost: builder.sort(\.$currentSince).sort(\.$staffNumber)
            }
            return builder
        }
    }

    struct ListContent: Encodable, Sendable {
        let form: FormModel
        let filtersActive: Bool
        let rows: [StaffRow]
        let pagination: Pagination
        let exportHref: String?
        let importHref: String?
    }

    struct StaffRow: Encodable, Sendable {
        let staffNumber: String
        let name: String
        let nameKana: String
        let section: String
        let post: String
        let jobType: String
        let employmentType: String
        let yearsInPost: String
        let href: String
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let visibility = try await StaffVisibility.resolve(request)
        if case .onlyOwn(let number) = visibility {
            return request.redirect(to: OrganizationRoute.staff(.value(number)).path)
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
        let rows = staff.map { member in
            StaffRow(
                staffNumber: member.staffNumber, name: member.name, nameKana: member.nameKana,
                section: member.currentSectionCode.flatMap { tree.units[$0] }.map { request.text($0.localizedName) } ?? "",
                post: member.currentPost ?? "", jobType: member.jobType,
                employmentType: request.t("employment.\(member.employmentType)"),
                yearsInPost: member.currentSince.flatMap(LocalDate.init(iso:)).map { request.t("staff.years", String(LocalDate.completedYears(from: $0, to: today))) } ?? "",
                href: OrganizationRoute.staff(.value(member.staffNumber)).path
            )
        }
        let canManage = request.currentUser?.scope(of: .manageOrganization) != nil
        return try await request.renderPage(
            "organization/staff-list", title: "staff.title",
            breadcrumbs: [Breadcrumb(label: request.t("staff.title"), href: nil)],
            content: ListContent(
                form: try await filterForm(request, filter: filter, tree: tree, visibility: visibility, validation: validation),
                filtersActive: !validation.isValid || filter.queryItems.contains { !$0.1.isEmpty },
                rows: rows,
                pagination: Pagination(request: request, route: OrganizationRoute.staffList, filters: filter.queryItems, page: page, total: total),
                exportHref: canManage ? OrganizationRoute.staffExport.path : nil,
                importHref: canManage ? OrganizationRoute.importUpload.path : nil
            ),
            status: validation.isValid ? .ok : .unprocessableEntity
        )
    }

    private func filterForm(_ request: Request, filter: Filter, tree: OrganizationTree, visibility: StaffVisibility, validation: FormValidation) async throws -> FormModel {
        let jobTypes = try await StaffMember.query(on: request.db).unique().all(\.$jobType)
        let cohorts = try await StaffMember.query(on: request.db).unique().all(\.$hireFiscalYear)
        func option(_ value: String, _ label: String, _ selected: String, _ field: String) -> FormOption {
            FormOption(value: value, label: label, isSelected: value == selected, fieldName: field)
        }
        let sections = tree.flattened().filter { visibility.allowsSection($0.record.code) }
        var form = FormModel(request: request, action: OrganizationRoute.staffList.path, method: .GET, submitLabelKey: "staff.filter", fields: [
            FormField(request: request, name: "q", labelKey: "staff.search", value: filter.query, hintKey: "staff.searchHint", maxLength: 100),
            FormField(request: request, name: "section", labelKey: "staff.section", kind: .select, value: filter.section,
                      options: [option("", request.t("staff.any"), filter.section, "section")]
                        + sections.map { option($0.record.code, String(repeating: "　", count: $0.depth) + request.text($0.record.localizedName), filter.section, "section") }),
            FormField(request: request, name: "job_type", labelKey: "staff.jobType", kind: .select, value: filter.jobType,
                      options: [option("", request.t("staff.any"), filter.jobType, "job_type")] + Set(jobTypes).sorted().map { option($0, $0, filter.jobType, "job_type") }),
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

    struct StaffContent: Encodable, Sendable {
        let staffNumber: String
        let name: String
        let nameKana: String
        let birthDate: String
        let age: Int
        let gender: String?
        let hireDate: String
        let yearsOfService: Int
        let jobType: String
        let grade: String
        let employmentType: String
        let currentSection: String?
        let currentSectionHref: String?
        /// 定年退職日 under the 2023 amendment, with the age; nil for staff past it (re-appointed).
        let retirement: String?
        /// 役職定年: the day a managerial post is left; only for managerial posts.
        let managerialLimit: String?
        let timeline: [TimelineRow]
        let collaborationYears: String
        /// Only for the staff member themselves and HR.
        let selfReports: [SelfReportRow]?
    }

    struct SelfReportRow: Encodable, Sendable {
        let round: String
        let status: String
        let wishes: [String]
        let moveWish: String
        let careerPlan: String
        /// HR and the staff member only; a manager never gets here at all.
        let circumstances: String?
    }

    struct TimelineRow: Encodable, Sendable {
        let period: String
        let section: String
        let sectionHref: String?
        let post: String
        let duration: String
        let isCollaborationPost: Bool
        let isCurrent: Bool
        /// The wishes of the self-report that preceded this move, and whether the move met one.
        let precedingWishes: String?
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let number = StaffNumber.normalise(try request.parameters.require("staffNumber"))
        guard let member = try await StaffMember.query(on: request.db).filter(\.$staffNumber == number).first() else {
            throw Abort(.notFound)
        }
        let visibility = try await StaffVisibility.resolve(request)
        guard visibility.allows(member) else { throw Abort(.forbidden) }
        try await request.audit(.view, subjectType: "staff", subjectID: member.staffNumber)
        let today = request.today
        let record = member.record
        let assignments = try await Assignment.query(on: request.db).filter(\.$staffNumber == number).sort(\.$startDate, .descending).all()
        let sectionsByYear = try await OrganizationUnit.query(on: request.db).filter(\.$code ~~ Array(Set(assignments.map(\.sectionCode)))).all()
        let latestVersion = Dictionary(grouping: sectionsByYear, by: \.code)
        func unit(_ code: String, on date: LocalDate) -> SectionRecord? {
            let versions = latestVersion[code] ?? []
            let year = date.fiscalYear.startYear
            return (versions.first { $0.fiscalYear == year } ?? versions.max { $0.fiscalYear < $1.fiscalYear })?.record
        }
        let viewer = try request.requireUser()
        let readsSelfReports = viewer.staffNumber == member.staffNumber || viewer.scope(of: .manageSelfReports) != nil
        let history = readsSelfReports ? try await SelfReportHistory.entries(of: member.staffNumber, on: request.db) : []
        let wishesByYear = Dictionary(history.map { ($0.cycle.fiscalYear, $0.report.wishes.sorted { $0.rank < $1.rank }) }, uniquingKeysWith: { a, _ in a })
        func wishText(_ wishes: [SelfReportWish], on date: LocalDate) -> [String] {
            wishes.map { request.t("selfReport.wishN", String($0.rank), unit($0.sectionCode, on: date).map { request.text($0.localizedName) } ?? $0.sectionCode) }
        }
        var collaborationDays = 0
        let timeline = assignments.map { assignment -> TimelineRow in
            let record = assignment.record
            let end = record.end ?? today
            let section = unit(record.sectionCode, on: record.start)
            let days = max(0, record.start.days(until: end) + 1)
            if section?.isCollaborationPost == true { collaborationDays += days }
            let from = DateFormatting.format(date: record.start, preferences: request.preferences)
            let to = record.end.map { DateFormatting.format(date: $0, preferences: request.preferences) } ?? request.t("staff.present")
            return TimelineRow(
                period: request.t("staff.period", from, to),
                section: section.map { request.text($0.localizedName) } ?? record.sectionCode,
                sectionHref: section.map { OrganizationRoute.section(.value($0.code)).path(query: [("fy", String(record.start.fiscalYear.startYear))]) },
                post: record.post,
                duration: Self.duration(fromDays: days, request: request),
                isCollaborationPost: section?.isCollaborationPost ?? false,
                isCurrent: record.end == nil || record.end! >= today,
                precedingWishes: wishesByYear[record.start.fiscalYear.startYear - 1].map { wishes in
                    let met = wishes.first { $0.sectionCode == record.sectionCode }
                    return request.t("selfReport.wishesOfYear", wishText(wishes, on: record.start).joined(separator: "、"))
                        + (met.map { " — " + request.t("selfReport.metWish", String($0.rank)) } ?? "")
                }
            )
        }
        let canReadCircumstances = viewer.staffNumber == member.staffNumber || viewer.scope(of: .manageSelfReports) != nil
        let selfReports = readsSelfReports ? history.map { entry in
            SelfReportRow(
                round: entry.cycle.title,
                status: entry.report.submittedAt.map { request.t("selfReport.status.submitted", DateFormatting.format(timestamp: $0, preferences: request.preferences)) } ?? request.t("selfReport.status.draft"),
                wishes: wishText(entry.report.wishes.sorted { $0.rank < $1.rank }, on: today),
                moveWish: entry.report.moveWish.isEmpty ? "" : request.t("selfReport.moveWish.\(entry.report.moveWish)"),
                careerPlan: entry.report.careerPlan,
                circumstances: canReadCircumstances && !entry.report.circumstances.isEmpty ? entry.report.circumstances : nil
            )
        } : nil
        let current = member.currentSectionCode.flatMap { unit($0, on: today) }
        return try await request.renderPage(
            "organization/staff-show", title: "staff.page.title", titleArguments: [member.name],
            breadcrumbs: [Breadcrumb(label: request.t("staff.title"), href: OrganizationRoute.staffList.path), Breadcrumb(label: member.name, href: nil)],
            content: StaffContent(
                staffNumber: member.staffNumber, name: member.name, nameKana: member.nameKana,
                birthDate: DateFormatting.format(date: record.birthDate, preferences: request.preferences),
                age: record.birthDate.age(on: today),
                gender: record.gender.map { request.t("gender.\($0.rawValue)") },
                hireDate: DateFormatting.format(date: record.hireDate, preferences: request.preferences),
                yearsOfService: LocalDate.completedYears(from: record.hireDate, to: today),
                jobType: member.jobType, grade: member.grade,
                employmentType: request.t("employment.\(member.employmentType)"),
                currentSection: current.map { request.text($0.localizedName) },
                currentSectionHref: current.map { OrganizationRoute.section(.value($0.code)).path },
                retirement: record.employmentType == .regular ? request.t(
                    "staff.retirementOn",
                    DateFormatting.format(date: RetirementRules.localPublicService2023.retirementDate(birth: record.birthDate), preferences: request.preferences),
                    String(RetirementRules.localPublicService2023.retirementAge(birth: record.birthDate))) : nil,
                managerialLimit: member.currentPost.map(PostTiers.standard.isManagerial) == true
                    ? RetirementRules.localPublicService2023.managerialLimitDate(birth: record.birthDate).map { DateFormatting.format(date: $0, preferences: request.preferences) }
                    : nil,
                timeline: timeline,
                collaborationYears: collaborationDays > 0 ? Self.duration(fromDays: collaborationDays, request: request) : request.t("staff.noCollaboration"),
                selfReports: selfReports
            )
        )
    }

    /// "3年2か月" from a day count (365.25 days a year, 30.44 a month: a display figure only).
    static func duration(fromDays days: Int, request: Request) -> String {
        let months = Int((Double(days) / 30.44).rounded(.down))
        return request.t("staff.duration", String(months / 12), String(months % 12))
    }

    // MARK: - Exports

    @Sendable func exportStaff(_ request: Request) async throws -> Response {
        let staff = try await StaffMember.query(on: request.db).sort(\.$staffNumber).all()
        try await request.audit(.export, subjectType: "staff", detail: "rows=\(staff.count)")
        let header = StaffField.allCases.map(\.japaneseName)
        let rows = staff.map { member in
            let record = member.record
            return StaffField.allCases.map { Self.exportValue($0, of: record) }
        }
        return try CSVResponse.make(filename: "staff.csv", header: header, rows: rows, request: request)
    }

    /// A staff field as the import reads it back (so an export re-imports unchanged).
    static func exportValue(_ field: StaffField, of record: StaffRecord) -> String {
        switch field {
        case .staffNumber: record.staffNumber
        case .name: record.name
        case .nameKana: record.nameKana
        case .birthDate: record.birthDate.iso
        case .gender: record.gender.map { ["female": "女", "male": "男"][$0.rawValue] ?? "その他" } ?? ""
        case .hireDate: record.hireDate.iso
        case .jobType: record.jobType
        case .grade: record.grade
        case .employmentType: record.employmentType.japaneseLabel
        }
    }

    @Sendable func exportAssignments(_ request: Request) async throws -> Response {
        let assignments = try await Assignment.query(on: request.db).sort(\.$staffNumber).sort(\.$startDate).all()
        try await request.audit(.export, subjectType: "assignments", detail: "rows=\(assignments.count)")
        let header = AssignmentField.allCases.map(\.japaneseName)
        let rows = assignments.map { assignment in
            AssignmentField.allCases.map { field in
                switch field {
                case .staffNumber: assignment.staffNumber
                case .sectionCode: assignment.sectionCode
                case .post: assignment.post
                case .startDate: assignment.startDate
                case .endDate: assignment.endDate ?? ""
                }
            }
        }
        return try CSVResponse.make(filename: "assignments.csv", header: header, rows: rows, request: request)
    }
}
