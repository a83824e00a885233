import Fluent
import JibungotoDomain
import Vapor

/// The annual self-report (自己申告): each staff member's form, drafts and submission until the deadline.
struct SelfReportRoutes {
    static let maximumWishes = 3
    static let reasonMaxLength = 400
    static let textMaxLength = 2_000

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, CareerRoute.selfReport, requires: .permission(.submitSelfReport), shows: .nothing, use: show)
        routes.on(.POST, CareerRoute.selfReport, requires: .permission(.submitSelfReport), shows: .nothing, use: save)
    }

    private func context(_ request: Request) async throws -> (StaffMember?, OrganizationTree, SelfReportCycle?) {
        let user = try request.requireUser()
        let tree = try await request.currentOrganization()
        guard let staff = try await StaffMember.query(on: request.db).filter(\.$staffNumber == user.staffNumber).first() else {
            return (nil, tree, nil)
        }
        return (staff, tree, try await SelfReportRounds.current(for: staff, tree: tree, on: request.db, today: request.today))
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let (staff, tree, cycle) = try await context(request)
        guard let staff, let cycle else { return try await page(request, tree: tree, cycle: nil, report: nil, input: [:], validation: nil) }
        let report = try await SelfReport.query(on: request.db).filter(\.$cycle.$id == cycle.requireID())
            .filter(\.$staffNumber == staff.staffNumber).with(\.$wishes).first()
        var input: [String: String] = [:]
        if let report {
            let situation = try await SelfReportSituation.query(on: request.db).filter(\.$reportID == report.requireID()).first()
            input = Self.formValues(report, situation: situation)
        }
        return try await page(request, tree: tree, cycle: cycle, report: report, input: input, validation: nil)
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        let (staff, tree, cycle) = try await context(request)
        guard let staff, let cycle else { throw Abort(.notFound) }
        let existing = try await SelfReport.query(on: request.db).filter(\.$cycle.$id == cycle.requireID())
            .filter(\.$staffNumber == staff.staffNumber).with(\.$wishes).first()
        let input = try request.content.decode(SubmittedForm.self).values
        guard cycle.round.isOpen(today: request.today) else {
            return try await page(request, tree: tree, cycle: cycle, report: existing, input: input, validation: nil, status: .conflict)
        }
        var validation = FormValidation(request: request)
        let submitting = input["action"] == "submit"
        let wishes = validateWishes(input, tree: tree, validation: &validation)
        let moveWish = MoveWish(rawValue: input["move_wish"] ?? "")
        if submitting && moveWish == nil { validation.fail("move_wish", "form.required", request.t("selfReport.moveWish")) }
        if let text = input["move_wish"], !text.isEmpty, moveWish == nil { validation.fail("move_wish", "form.invalidChoice", request.t("selfReport.moveWish")) }
        let situation = validateSituation(input, validation: &validation)
        var texts: [String: String] = [:]
        for (field, key) in [("career_plan", "selfReport.careerPlan"), ("project_team_themes", "selfReport.projectTeamThemes"),
                             ("side_job_themes", "selfReport.sideJobThemes"), ("skills", "selfReport.skills"), ("circumstances", "selfReport.circumstances")] {
            texts[field] = validation.text(field, input[field], labelKey: key, required: submitting && field == "career_plan", maxLength: Self.textMaxLength)
        }
        guard validation.isValid else {
            return try await page(request, tree: tree, cycle: cycle, report: existing, input: input, validation: validation)
        }
        let report = existing ?? SelfReport()
        report.$cycle.id = try cycle.requireID()
        report.staffNumber = staff.staffNumber
        report.moveWish = moveWish?.rawValue ?? ""
        report.careerPlan = texts["career_plan"] ?? ""
        report.projectTeamInterest = input["project_team_interest"] == "1"
        report.projectTeamThemes = texts["project_team_themes"] ?? ""
        report.sideJobInterest = input["side_job_interest"] == "1"
        report.sideJobThemes = texts["side_job_themes"] ?? ""
        report.skills = texts["skills"] ?? ""
        report.circumstances = texts["circumstances"] ?? ""
        if submitting { report.submittedAt = request.now }
        try await request.db.writeTransaction { database in
            try await report.save(on: database)
            let id = try report.requireID()
            try await SelfReportWish.query(on: database).filter(\.$report.$id == id).delete()
            for (rank, wish) in wishes.enumerated() {
                try await SelfReportWish(reportID: id, rank: rank + 1, sectionCode: wish.code, reason: wish.reason).create(on: database)
            }
            let stored = try await SelfReportSituation.query(on: database).filter(\.$reportID == id).first() ?? SelfReportSituation(reportID: id)
            stored.healthCondition = situation.health?.rawValue ?? ""
            stored.workload = situation.workload?.rawValue ?? ""
            stored.difficulty = situation.difficulty?.rawValue ?? ""
            stored.familyCircumstances = FamilyCircumstance.stored(situation.family)
            try await stored.save(on: database)
        }
        if submitting { request.application.appMetrics.selfReportSubmissions.increment() }
        request.flash(.success, request.t(submitting ? "selfReport.submitted" : "selfReport.draftSaved"))
        return request.redirect(to: CareerRoute.selfReport.path)
    }

    /// Wishes 1–3: each a section of today's organization with a reason, no section twice.
    private func validateWishes(_ input: [String: String], tree: OrganizationTree, validation: inout FormValidation) -> [(code: SectionCode, reason: String)] {
        let request = validation.request
        if !(input["wish4_section"] ?? "").isEmpty {
            validation.fail("wish1_section", "selfReport.tooManyWishes", String(Self.maximumWishes))
        }
        var wishes: [(SectionCode, String)] = []
        var seen: Set<SectionCode> = []
        for rank in 1...Self.maximumWishes {
            let field = "wish\(rank)_section"
            let codeText = (input[field] ?? "").trimmingCharacters(in: .whitespaces)
            let code = SectionCode(codeText)
            let reason = validation.text("wish\(rank)_reason", input["wish\(rank)_reason"], labelKey: "selfReport.wishReason\(rank)", required: false, maxLength: Self.reasonMaxLength)
            guard !codeText.isEmpty else {
                if !reason.isEmpty { validation.fail(field, "selfReport.reasonWithoutSection", String(rank)) }
                continue
            }
            guard let unit = tree.units[code], unit.kind != .department else {
                validation.fail(field, "selfReport.sectionNotInOrganization", String(rank))
                continue
            }
            guard seen.insert(code).inserted else {
                validation.fail(field, "selfReport.duplicateWish", String(rank), request.text(unit.localizedName))
                continue
            }
            wishes.append((code, reason))
        }
        return wishes
    }

    /// The fixed-choice situation answers: each optional, but only one of its own choices.
    private func validateSituation(
        _ input: [String: String], validation: inout FormValidation
    ) -> (health: HealthCondition?, workload: WorkloadLevel?, difficulty: DifficultyLevel?, family: Set<FamilyCircumstance>) {
        let request = validation.request
        func choice<Choice: RawRepresentable>(_ field: String, labelKey: String, _ type: Choice.Type) -> Choice? where Choice.RawValue == String {
            let text = input[field] ?? ""
            guard !text.isEmpty else { return nil }
            guard let value = Choice(rawValue: text) else {
                validation.fail(field, "form.invalidChoice", request.t(labelKey))
                return nil
            }
            return value
        }
        let health = choice("health_condition", labelKey: "selfReport.health", HealthCondition.self)
        let workload = choice("workload", labelKey: "selfReport.workload", WorkloadLevel.self)
        let difficulty = choice("difficulty", labelKey: "selfReport.difficulty", DifficultyLevel.self)
        let ticked = (input["family"] ?? "").split(separator: ",").map(String.init)
        let family = Set(ticked.compactMap(FamilyCircumstance.init(rawValue:)))
        if family.count != Set(ticked).count { validation.fail("family", "form.invalidChoice", request.t("selfReport.family")) }
        return (health, workload, difficulty, family)
    }

    static func formValues(_ report: SelfReport, situation: SelfReportSituation?) -> [String: String] {
        var values: [String: String] = [
            "move_wish": report.moveWish, "career_plan": report.careerPlan, "project_team_themes": report.projectTeamThemes,
            "side_job_themes": report.sideJobThemes, "skills": report.skills, "circumstances": report.circumstances,
            "project_team_interest": report.projectTeamInterest ? "1" : "", "side_job_interest": report.sideJobInterest ? "1" : "",
        ]
        for wish in report.wishes {
            values["wish\(wish.rank)_section"] = wish.sectionCode.rawValue
            values["wish\(wish.rank)_reason"] = wish.reason
        }
        if let situation {
            values["health_condition"] = situation.healthCondition
            values["workload"] = situation.workload
            values["difficulty"] = situation.difficulty
            values["family"] = situation.familyCircumstances
        }
        return values
    }

    private func page(
        _ request: Request, tree: OrganizationTree, cycle: SelfReportCycle?, report: SelfReport?, input: [String: String],
        validation: FormValidation?, status: HTTPResponseStatus? = nil
    ) async throws -> Response {
        let isOpen = cycle?.round.isOpen(today: request.today) ?? false
        let form = isOpen ? makeForm(request, tree: tree, input: input, validation: validation) : nil
        let refused = validation.map { !$0.isValid } ?? false
        // Without a round the page is always 200; with one, a refusal's status (409, 422) is kept.
        let shownStatus: HTTPResponseStatus = cycle == nil ? .ok : status ?? (isOpen && refused ? .unprocessableEntity : .ok)
        return try await request.renderPage(
            "career/self-report", title: "selfReport.title", breadcrumbs: [Breadcrumb(label: request.t("selfReport.title"), href: nil)],
            content: SelfReportPage.build(cycle: cycle, report: report, form: form, localizer: request.localizer),
            status: shownStatus
        )
    }

    /// The form with the values as typed (or as saved) and the refusals beside them.
    private func makeForm(_ request: Request, tree: OrganizationTree, input: [String: String], validation: FormValidation?) -> FormModel {
        func sectionField(_ rank: Int) -> FormField {
            let name = "wish\(rank)_section"
            let groups = SectionChoices.groups(in: tree, including: { $0.kind != .department }, selected: input[name] ?? "", fieldName: name,
                                               localizer: request.localizer,
                                               suffix: { $0.isCollaborationPost ? request.t("selfReport.collaborationSuffix") : "" })
            return FormField(request: request, name: name, labelKey: "selfReport.wish\(rank)", kind: .select, value: input[name] ?? "",
                             options: [FormOption(value: "", label: request.t("selfReport.noWish"), isSelected: (input[name] ?? "").isEmpty, fieldName: name)],
                             optionGroups: groups)
        }
        func radios(_ name: String, labelKey: String, values: [String], hintKey: String? = nil) -> FormField {
            FormField(request: request, name: name, labelKey: labelKey, kind: .radios,
                      options: [FormOption(value: "", label: request.t("selfReport.noAnswer"), isSelected: (input[name] ?? "").isEmpty, fieldName: name)]
                        + values.map { FormOption(value: $0, label: request.t("\(labelKey).\($0)"), isSelected: input[name] == $0, fieldName: name) },
                      hintKey: hintKey)
        }
        let family = Set((input["family"] ?? "").split(separator: ",").map(String.init))
        var fields: [FormField] = []
        for rank in 1...Self.maximumWishes {
            fields.append(sectionField(rank))
            fields.append(FormField(request: request, name: "wish\(rank)_reason", labelKey: "selfReport.wishReason\(rank)", kind: .textarea,
                                    value: input["wish\(rank)_reason"] ?? "", maxLength: Self.reasonMaxLength))
        }
        fields += [
            FormField(request: request, name: "move_wish", labelKey: "selfReport.moveWish", kind: .radios, options: MoveWish.allCases.map {
                FormOption(value: $0.rawValue, label: request.t("selfReport.moveWish.\($0.rawValue)"), isSelected: input["move_wish"] == $0.rawValue, fieldName: "move_wish")
            }, isRequired: true),
            FormField(request: request, name: "career_plan", labelKey: "selfReport.careerPlan", kind: .textarea, value: input["career_plan"] ?? "",
                      hintKey: "selfReport.careerPlanHint", isRequired: true, maxLength: Self.textMaxLength),
            FormField(request: request, name: "project_team_interest", labelKey: "selfReport.projectTeam", kind: .checkboxes, options: [
                FormOption(value: "1", label: request.t("selfReport.projectTeamInterest"), isSelected: input["project_team_interest"] == "1", fieldName: "project_team_interest"),
            ]),
            FormField(request: request, name: "project_team_themes", labelKey: "selfReport.projectTeamThemes", kind: .textarea, value: input["project_team_themes"] ?? "", maxLength: Self.textMaxLength),
            FormField(request: request, name: "side_job_interest", labelKey: "selfReport.sideJob", kind: .checkboxes, options: [
                FormOption(value: "1", label: request.t("selfReport.sideJobInterest"), isSelected: input["side_job_interest"] == "1", fieldName: "side_job_interest"),
            ]),
            FormField(request: request, name: "side_job_themes", labelKey: "selfReport.sideJobThemes", kind: .textarea, value: input["side_job_themes"] ?? "", maxLength: Self.textMaxLength),
            FormField(request: request, name: "skills", labelKey: "selfReport.skills", kind: .textarea, value: input["skills"] ?? "", maxLength: Self.textMaxLength),
            radios("workload", labelKey: "selfReport.workload", values: WorkloadLevel.allCases.map(\.rawValue)),
            radios("difficulty", labelKey: "selfReport.difficulty", values: DifficultyLevel.allCases.map(\.rawValue)),
            radios("health_condition", labelKey: "selfReport.health", values: HealthCondition.allCases.map(\.rawValue), hintKey: "selfReport.hrOnlyHint"),
            FormField(request: request, name: "family", labelKey: "selfReport.family", kind: .checkboxes, options: FamilyCircumstance.allCases.map {
                FormOption(value: $0.rawValue, label: request.t("selfReport.family.\($0.rawValue)"), isSelected: family.contains($0.rawValue), fieldName: "family")
            }, hintKey: "selfReport.hrOnlyHint"),
            FormField(request: request, name: "circumstances", labelKey: "selfReport.circumstances", kind: .textarea, value: input["circumstances"] ?? "",
                      hintKey: "selfReport.circumstancesHint", maxLength: Self.textMaxLength),
        ]
        var form = FormModel(request: request, action: CareerRoute.selfReport.path, submitLabelKey: "selfReport.submit", fields: fields)
        form.draftLabel = request.t("selfReport.saveDraft")
        if let validation { form.apply(validation, request: request) }
        return form
    }

    /// The posted form; `wish4_section` is read only to refuse a fourth wish from a tampered form.
    struct SubmittedForm: Content {
        var action: String?
        var wish1_section: String?, wish1_reason: String?
        var wish2_section: String?, wish2_reason: String?
        var wish3_section: String?, wish3_reason: String?
        var wish4_section: String?
        var move_wish: String?
        var career_plan: String?
        var project_team_interest: [String]?
        var project_team_themes: String?
        var side_job_interest: [String]?
        var side_job_themes: String?
        var skills: String?
        var circumstances: String?
        var health_condition: String?
        var workload: String?
        var difficulty: String?
        var family: [String]?

        /// The same values as the page shows them, keyed by field name (checkboxes as "1").
        var values: [String: String] {
            var values: [String: String] = [:]
            let pairs: [(String, String?)] = [
                ("action", action), ("wish1_section", wish1_section), ("wish1_reason", wish1_reason),
                ("wish2_section", wish2_section), ("wish2_reason", wish2_reason), ("wish3_section", wish3_section),
                ("wish3_reason", wish3_reason), ("wish4_section", wish4_section), ("move_wish", move_wish),
                ("career_plan", career_plan), ("project_team_themes", project_team_themes), ("side_job_themes", side_job_themes),
                ("skills", skills), ("circumstances", circumstances),
                ("health_condition", health_condition), ("workload", workload), ("difficulty", difficulty),
                ("family", family.map { $0.joined(separator: ",") }),
                ("project_team_interest", project_team_interest?.contains("1") == true ? "1" : nil),
                ("side_job_interest", side_job_interest?.contains("1") == true ? "1" : nil),
            ]
            for (key, value) in pairs { if let value { values[key] = value } }
            return values
        }
    }
}
