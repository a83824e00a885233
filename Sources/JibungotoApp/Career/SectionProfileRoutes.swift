import Fluent
import JibungotoDomain
import Vapor

/// 部署紹介: every staff member browses and searches what sections do; a section's manager or HR
/// writes its profile for the fiscal year.
struct SectionProfileRoutes {
    static let fieldMaxLength = 2_000

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, CareerRoute.profiles, requires: .permission(.viewSectionProfiles), shows: .nothing, use: list)
        routes.on(.GET, CareerRoute.profile(.pattern), requires: .permission(.viewSectionProfiles), shows: .nothing, use: show)
        routes.on(.GET, CareerRoute.editProfile(.pattern), requires: .permission(.editSectionProfiles), shows: .nothing, use: showEdit)
        routes.on(.POST, CareerRoute.editProfile(.pattern), requires: .permission(.editSectionProfiles), shows: .nothing, use: save)
    }

    /// The profile's text fields, in the order the page and the form show them.
    enum Field: String, CaseIterable {
        case mission, mainWork = "main_work", busySeasons = "busy_seasons", skills, staffVoices = "staff_voices", careerMeaning = "career_meaning"

        var labelKey: String { "profile.\(rawValue)" }

        func value(of profile: SectionProfile) -> String {
            switch self {
            case .mission: profile.mission
            case .mainWork: profile.mainWork
            case .busySeasons: profile.busySeasons
            case .skills: profile.skills
            case .staffVoices: profile.staffVoices
            case .careerMeaning: profile.careerMeaning
            }
        }

        func set(_ value: String, on profile: SectionProfile) {
            switch self {
            case .mission: profile.mission = value
            case .mainWork: profile.mainWork = value
            case .busySeasons: profile.busySeasons = value
            case .skills: profile.skills = value
            case .staffVoices: profile.staffVoices = value
            case .careerMeaning: profile.careerMeaning = value
            }
        }
    }

    // MARK: - Browse

    @Sendable func list(_ request: Request) async throws -> Response {
        let year = request.today.fiscalYear.startYear
        let tree = try await request.currentOrganization()
        let profiles = try await SectionProfile.query(on: request.db).filter(\.$fiscalYear == year).all()
        let byCode = Dictionary(profiles.map { ($0.sectionCode, $0) }, uniquingKeysWith: { a, _ in a })
        func value(_ name: String) -> String { ((try? request.query.get(String.self, at: name)) ?? "").trimmingCharacters(in: .whitespaces) }
        let department = value("department"), skill = value("skill")
        let collaborationOnly = value("collaboration") == "1", missingOnly = value("missing") == "1"
        let units = tree.flattened().map(\.record).filter { $0.kind != .department }
        let missingCount = units.filter { byCode[$0.code] == nil }.count
        let shown = units.filter { unit in
            (department.isEmpty || tree.department(of: unit.code)?.code.rawValue == department)
                && (!collaborationOnly || unit.isCollaborationPost)
                && (!missingOnly || byCode[unit.code] == nil)
                && (skill.isEmpty || byCode[unit.code].map { $0.skills.localizedCaseInsensitiveContains(skill) || $0.mainWork.localizedCaseInsensitiveContains(skill) } == true)
        }
        let canSeeGaps = request.currentUser?.scope(of: .editSectionProfiles) == .all
        let departments = tree.roots.compactMap { tree.units[$0] }
        var form = FormModel(request: request, action: CareerRoute.profiles.path, method: .GET, submitLabelKey: "profile.search", fields: [
            FormField(request: request, name: "department", labelKey: "profile.department", kind: .select, value: department,
                      options: [FormOption(value: "", label: request.t("staff.any"), isSelected: department.isEmpty, fieldName: "department")]
                        + departments.map { FormOption(value: $0.code.rawValue, label: request.text($0.localizedName), isSelected: $0.code.rawValue == department, fieldName: "department") }),
            FormField(request: request, name: "skill", labelKey: "profile.skillSearch", value: skill, hintKey: "profile.skillHint", maxLength: 50),
            FormField(request: request, name: "collaboration", labelKey: "profile.collaborationFilter", kind: .checkboxes,
                      options: [FormOption(value: "1", label: request.t("profile.collaborationOnly"), isSelected: collaborationOnly, fieldName: "collaboration")]),
        ])
        if canSeeGaps {
            form.fields.append(FormField(request: request, name: "missing", labelKey: "profile.missingFilter", kind: .checkboxes,
                                         options: [FormOption(value: "1", label: request.t("profile.missingOnly"), isSelected: missingOnly, fieldName: "missing")]))
        }
        return try await request.renderPage(
            "career/profiles", title: "profile.title",
            breadcrumbs: [Breadcrumb(label: request.t("profile.title"), href: nil)],
            content: SectionProfileListPage.build(
                form: form, filtersActive: !department.isEmpty || !skill.isEmpty || collaborationOnly || missingOnly,
                shown: shown.map { ($0, byCode[$0.code]) }, tree: tree, missingCount: missingCount, canSeeGaps: canSeeGaps,
                localizer: request.localizer
            )
        )
    }

    // MARK: - Profile page

    @Sendable func show(_ request: Request) async throws -> Response {
        let (unit, tree, year) = try await currentUnit(request)
        let profile = try await SectionProfile.query(on: request.db).filter(\.$fiscalYear == year).filter(\.$sectionCode == unit.code).first()
        let canEdit = try await Self.mayEdit(unit.code, request: request)
        return try await request.renderPage(
            "career/profile", title: "profile.pageTitle", titleArguments: [request.text(unit.localizedName)],
            breadcrumbs: [Breadcrumb(label: request.t("profile.title"), href: CareerRoute.profiles.path), Breadcrumb(label: request.text(unit.localizedName), href: nil)],
            content: SectionProfilePage.build(unit: unit, profile: profile, tree: tree, canEdit: canEdit, localizer: request.localizer))
    }

    // MARK: - Edit

    struct FormContent: Encodable, Sendable {
        let form: FormModel
    }

    @Sendable func showEdit(_ request: Request) async throws -> Response {
        let (unit, _, year) = try await currentUnit(request)
        guard try await Self.mayEdit(unit.code, request: request) else { throw Abort(.forbidden) }
        let profile = try await SectionProfile.query(on: request.db).filter(\.$fiscalYear == year).filter(\.$sectionCode == unit.code).first()
        var values: [String: String] = [:]
        for field in Field.allCases { values[field.rawValue] = profile.map(field.value(of:)) ?? "" }
        if profile == nil && unit.isCollaborationPost {
            values[Field.careerMeaning.rawValue] = request.t("profile.collaborationDefault")
        }
        return try await formPage(request, unit: unit, values: values, validation: FormValidation(request: request))
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        let (unit, _, year) = try await currentUnit(request)
        guard try await Self.mayEdit(unit.code, request: request) else { throw Abort(.forbidden) }
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        var values: [String: String] = [:]
        for field in Field.allCases {
            values[field.rawValue] = validation.text(field.rawValue, input[field.rawValue], labelKey: field.labelKey,
                                                     required: field == .mission || field == .mainWork, maxLength: Self.fieldMaxLength)
        }
        guard validation.isValid else {
            return try await formPage(request, unit: unit, values: input, validation: validation)
        }
        let profile = try await SectionProfile.query(on: request.db).filter(\.$fiscalYear == year).filter(\.$sectionCode == unit.code).first()
            ?? SectionProfile()
        profile.fiscalYear = year
        profile.sectionCode = unit.code
        for field in Field.allCases { field.set(values[field.rawValue] ?? "", on: profile) }
        profile.updatedBy = try request.requireUser().staffNumber.rawValue
        try await profile.save(on: request.db)
        request.flash(.success, request.t("profile.saved"))
        return request.redirect(to: CareerRoute.profile(.section(unit.code)).path)
    }

    private func formPage(_ request: Request, unit: SectionRecord, values: [String: String], validation: FormValidation) async throws -> Response {
        let fields = Field.allCases.map { field in
            FormField(request: request, name: field.rawValue, labelKey: field.labelKey, kind: .textarea, value: values[field.rawValue] ?? "",
                      hintKey: "\(field.labelKey)Hint", isRequired: field == .mission || field == .mainWork, maxLength: Self.fieldMaxLength)
        }
        var form = FormModel(request: request, action: CareerRoute.editProfile(.section(unit.code)).path, submitLabelKey: "form.save", fields: fields)
        form.apply(validation, request: request)
        return try await request.renderPage(
            "platform/form-page", title: "profile.editTitle", titleArguments: [request.text(unit.localizedName)],
            breadcrumbs: [Breadcrumb(label: request.t("profile.title"), href: CareerRoute.profiles.path),
                          Breadcrumb(label: request.text(unit.localizedName), href: CareerRoute.profile(.section(unit.code)).path),
                          Breadcrumb(label: request.t("profile.edit"), href: nil)],
            content: FormContent(form: form),
            status: validation.isValid ? .ok : .unprocessableEntity
        )
    }

    private func currentUnit(_ request: Request) async throws -> (SectionRecord, OrganizationTree, Int) {
        let code = SectionCode(try request.parameters.require("code"))
        let year = request.today.fiscalYear.startYear
        let tree = try await request.currentOrganization()
        guard let unit = tree.units[code] else { throw Abort(.notFound) }
        return (unit, tree, year)
    }

    /// HR edits every profile; a manager the profiles of their own section and the units below it.
    static func mayEdit(_ code: SectionCode, request: Request) async throws -> Bool {
        guard let scope = request.currentUser?.scope(of: .editSectionProfiles) else { return false }
        if scope == .all { return true }
        return try await OrganizationScope.units(for: request, scope: scope).contains(code)
    }
}
