import Fluent
import JibungotoDomain
import Vapor

/// Self-report rounds: HR opens them; completion is tracked by HR (all), department heads (their
/// department) and section managers (their section, with the names of who has not submitted —
/// the self-report is not anonymous — but never anyone's circumstances).
struct SelfReportCycleRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, CareerRoute.cycles, requires: .permission(.viewSelfReportCompletion), shows: .nothing, use: list)
        routes.on(.POST, CareerRoute.cycles, requires: .permission(.manageSelfReports), shows: .nothing, use: create)
        routes.on(.GET, CareerRoute.cycle(.pattern), requires: .permission(.viewSelfReportCompletion), shows: .viewed(subject: "self_report_completion"), use: completion)
        routes.on(.GET, CareerRoute.cycleExport(.pattern), requires: .permission(.manageSelfReports), shows: .exported(subject: "self_reports"), use: export)
    }

    // MARK: - Rounds

    struct CycleForm: Content {
        var title: String?
        var opens_on: String?
        var deadline: String?
        var departments: [String]?
        var employment_types: [String]?
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await listPage(request, input: CycleForm(), validation: FormValidation(request: request))
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(CycleForm.self)
        var validation = FormValidation(request: request)
        let title = validation.text("title", input.title, labelKey: "cycle.name", maxLength: 100)
        let opens = validation.date("opens_on", input.opens_on, labelKey: "cycle.opensOn")
        let deadline = validation.date("deadline", input.deadline, labelKey: "cycle.deadline")
        if let opens, let deadline, deadline < opens { validation.fail("deadline", "cycle.deadlineBeforeOpening") }
        let tree = try await request.currentOrganization()
        let (departments, types) = TargetGroupFields.validate(departments: input.departments, employmentTypes: input.employment_types, tree: tree, validation: &validation)
        guard validation.isValid, let opens, let deadline else {
            return try await listPage(request, input: input, validation: validation)
        }
        let cycle = SelfReportCycle()
        cycle.fiscalYear = opens.fiscalYear.startYear
        cycle.title = title
        cycle.opensOn = opens
        cycle.deadline = deadline
        cycle.targetDepartments = departments.joined(separator: ",")
        cycle.targetEmploymentTypes = types.joined(separator: ",")
        cycle.createdBy = try request.requireUser().staffNumber.rawValue
        try await cycle.create(on: request.db)
        try await request.audit(.create, subjectType: "self_report_cycle", subjectID: title)
        request.flash(.success, request.t("cycle.created", title))
        return request.redirect(to: CareerRoute.cycle(.id(try cycle.requireID())).path)
    }

    private func listPage(_ request: Request, input: CycleForm, validation: FormValidation) async throws -> Response {
        let cycles = try await SelfReportCycle.query(on: request.db).sort(\.$opensOn, .descending).all()
        var form: FormModel? = nil
        if request.currentUser?.scope(of: .manageSelfReports) != nil {
            let tree = try await request.currentOrganization()
            let departments = Set(input.departments ?? []), types = Set(input.employment_types ?? [])
            var model = FormModel(request: request, action: CareerRoute.cycles.path, submitLabelKey: "cycle.create", fields: [
                FormField(request: request, name: "title", labelKey: "cycle.name", value: input.title ?? "", hintKey: "cycle.nameHint", isRequired: true, maxLength: 100),
                FormField(request: request, name: "opens_on", labelKey: "cycle.opensOn", value: input.opens_on ?? "", hintKey: "audit.dateHint", isRequired: true, maxLength: 20),
                FormField(request: request, name: "deadline", labelKey: "cycle.deadline", value: input.deadline ?? "", hintKey: "audit.dateHint", isRequired: true, maxLength: 20),
            ] + TargetGroupFields.fields(request: request, tree: tree, departments: departments, employmentTypes: types))
            model.apply(validation, request: request)
            form = model
        }
        return try await request.renderPage("career/cycles", title: "cycle.title", breadcrumbs: [Breadcrumb(label: request.t("cycle.title"), href: nil)],
                                            content: SelfReportRoundsPage.build(cycles: cycles, form: form, today: request.today, localizer: request.localizer),
                                            status: validation.isValid ? .ok : .unprocessableEntity)
    }

    // MARK: - Completion

    @Sendable func completion(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("cycleID", as: UUID.self), let cycle = try await SelfReportCycle.find(id, on: request.db) else {
            throw Abort(.notFound)
        }
        let scope = try request.scope(of: .viewSelfReportCompletion)
        let tree = try await request.currentOrganization()
        let reachable: Set<SectionCode>? = scope == .all ? nil : try await OrganizationScope.units(for: request, scope: scope)
        if let reachable, reachable.isEmpty { throw Abort(.forbidden) }
        let asked = (try? request.query.get(String.self, at: "section")).flatMap { $0.isEmpty ? nil : SectionCode($0) }
        if let asked, tree.units[asked] == nil || reachable.map({ !$0.contains(asked) }) == true {
            throw Abort(.forbidden)
        }
        let targets = try await tree.targets(of: cycle.group, on: request.db)
            .filter { member in reachable.map { member.currentSectionCode.map($0.contains) == true } ?? true }
        let statuses = try await SelfReportRounds.statuses(of: cycle, on: request.db)
        var focus = asked
        if focus == nil && scope == .section {
            focus = try await OrganizationScope.root(for: request, scope: .section, tree: tree)
        }
        if let focus { try await request.audit(.view, subjectType: "self_report_completion", subjectID: focus, detail: cycle.title) }
        return try await request.renderPage(
            "career/completion", title: "cycle.completionTitle", titleArguments: [cycle.title],
            breadcrumbs: [Breadcrumb(label: request.t("cycle.title"), href: CareerRoute.cycles.path), Breadcrumb(label: cycle.title, href: nil)],
            content: try SelfReportCompletionPage.build(
                cycle: cycle, targets: targets, statuses: statuses, tree: tree, byDepartment: scope == .all, focus: focus,
                exportHref: request.currentUser?.scope(of: .manageSelfReports) != nil ? CareerRoute.cycleExport(.id(id)).path : nil,
                today: request.today, localizer: request.localizer))
    }

    // MARK: - Export

    @Sendable func export(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("cycleID", as: UUID.self), let cycle = try await SelfReportCycle.find(id, on: request.db) else {
            throw Abort(.notFound)
        }
        let reports = try await SelfReport.query(on: request.db).filter(\.$cycle.$id == id).with(\.$wishes).sort(\.$staffNumber).all()
        try await request.audit(.export, subjectType: "self_reports", subjectID: cycle.title, detail: "rows=\(reports.count)")
        let header = ["職員番号", "提出日時", "第1希望", "第1希望の理由", "第2希望", "第2希望の理由", "第3希望", "第3希望の理由",
                      "異動希望", "キャリアプラン", "PT参加希望", "PTテーマ", "庁内副業希望", "副業テーマ", "スキル・資格", "事情（人事担当限り）"]
        let rows = reports.map { report -> [String] in
            let wishes = report.wishes.sorted { $0.rank < $1.rank }
            var row = [report.staffNumber.rawValue, report.submittedAt.map { ISO8601DateFormatter().string(from: $0) } ?? ""]
            for rank in 1...SelfReportRoutes.maximumWishes {
                let wish = wishes.first { $0.rank == rank }
                row += [wish?.sectionCode.rawValue ?? "", wish?.reason ?? ""]
            }
            row += [report.moveWish, report.careerPlan, report.projectTeamInterest ? "1" : "0", report.projectTeamThemes,
                    report.sideJobInterest ? "1" : "0", report.sideJobThemes, report.skills, report.circumstances]
            return row
        }
        return try CSVResponse.make(filename: "self-reports.csv", header: header, rows: rows, request: request)
    }
}
