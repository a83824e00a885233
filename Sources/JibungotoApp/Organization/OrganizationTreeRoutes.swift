import Fluent
import JibungotoDomain
import SQLKit
import Vapor

/// The fiscal-year organization: the tree, a section's page, and HR's edits (clone, add, edit,
/// merge, abolish). A year that has ended is read-only.
struct OrganizationTreeRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, OrganizationRoute.tree, requires: .permission(.viewOrganization), shows: .nothing, use: tree)
        routes.on(.POST, OrganizationRoute.cloneYear, requires: .permission(.manageOrganization), shows: .nothing, use: cloneYear)
        routes.on(.GET, OrganizationRoute.newSection, requires: .permission(.manageOrganization), shows: .nothing, use: showNew)
        routes.on(.POST, OrganizationRoute.newSection, requires: .permission(.manageOrganization), shows: .nothing, use: create)
        routes.on(.GET, OrganizationRoute.section(.pattern), requires: .permission(.viewOrganization), shows: .viewed(subject: "section_members"), use: section)
        routes.on(.GET, OrganizationRoute.editSection(.pattern), requires: .permission(.manageOrganization), shows: .nothing, use: showEdit)
        routes.on(.POST, OrganizationRoute.editSection(.pattern), requires: .permission(.manageOrganization), shows: .nothing, use: update)
    }

    // MARK: - Tree

    @Sendable func tree(_ request: Request) async throws -> Response {
        let years = try await OrganizationYears.all(on: request.db)
        let canManage = request.currentUser?.scope(of: .manageOrganization) != nil
        let breadcrumbs = [Breadcrumb(label: request.t("organization.title"), href: nil)]
        if let asked = try? request.query.get(Int.self, at: "fy"), !years.contains(asked) {
            // A year without an organization is said to be missing, never replaced by another year.
            return try await request.renderPage("organization/tree", title: "organization.title", breadcrumbs: breadcrumbs, content: OrganizationTreePage.missingYear(
                asked, yearForm: yearForm(request, years: years, chosen: years.first ?? 0), canManage: canManage, csrfToken: request.csrfToken,
                localizer: request.localizer), status: .notFound)
        }
        guard let year = OrganizationYears.chosen(request, available: years) else {
            return try await request.renderPage("organization/tree", title: "organization.title", breadcrumbs: breadcrumbs, content: OrganizationTreePage.empty(
                yearForm: yearForm(request, years: [], chosen: 0), canManage: canManage, csrfToken: request.csrfToken, localizer: request.localizer))
        }
        let tree = try await OrganizationTree.load(fiscalYear: year, on: request.db)
        let thisYear = request.today.fiscalYear.startYear
        let headcounts = year == thisYear || year == thisYear + 1 ? try await OrganizationHeadcount.current(on: request.db) : [:]
        let projection = year == thisYear + 1
            ? OrganizationTreePage.Projection(current: headcounts, projected: try await OrganizationHeadcount.projected(on: FiscalYear(startYear: year).start, db: request.db))
            : nil
        return try await request.renderPage("organization/tree", title: "organization.title", breadcrumbs: breadcrumbs, content: OrganizationTreePage.build(
            tree: tree, years: years, yearForm: yearForm(request, years: years, chosen: year), headcounts: headcounts, projection: projection,
            canManage: canManage, today: request.today, csrfToken: request.csrfToken, localizer: request.localizer))
    }

    private func yearForm(_ request: Request, years: [Int], chosen: Int) -> FormModel {
        FormModel(request: request, action: OrganizationRoute.tree.path, method: .GET, submitLabelKey: "organization.showYear", fields: [
            FormField(request: request, name: "fy", labelKey: "organization.fiscalYear", kind: .select, value: String(chosen),
                      options: years.map { FormOption(value: String($0), label: DateFormatting.format(fiscalYear: $0, preferences: request.preferences), isSelected: $0 == chosen, fieldName: "fy") }),
        ])
    }

    struct CloneForm: Content {
        var from: Int
    }

    @Sendable func cloneYear(_ request: Request) async throws -> Response {
        let input = try request.content.decode(CloneForm.self)
        let target = input.from + 1
        // Only the newest year is copied (the button is on its page); an older one would leave a gap.
        guard OrganizationEditRules.mayClone(input.from, existingYears: try await OrganizationYears.all(on: request.db)) else {
            request.flash(.error, request.t("organization.cloneNotNewest", DateFormatting.format(fiscalYear: input.from, preferences: request.preferences)))
            return request.redirect(to: OrganizationRoute.tree.path)
        }
        let created = try await OrganizationEditing.clone(from: input.from, on: request.db)
        guard created else {
            request.flash(.error, request.t("organization.cloneExists", DateFormatting.format(fiscalYear: target, preferences: request.preferences)))
            return request.redirect(to: OrganizationRoute.tree.path(query: [("fy", String(input.from))]))
        }
        try await request.audit(.create, subjectType: "organization", subjectID: String(target), detail: "clone from \(input.from)")
        request.flash(.success, request.t("organization.cloned", DateFormatting.format(fiscalYear: target, preferences: request.preferences)))
        return request.redirect(to: OrganizationRoute.tree.path(query: [("fy", String(target))]))
    }

    // MARK: - Section page

    @Sendable func section(_ request: Request) async throws -> Response {
        let code = SectionCode(try request.parameters.require("code"))
        let years = try await OrganizationYears.all(on: request.db)
        let allVersions = try await OrganizationUnit.query(on: request.db).filter(\.$code == code).sort(\.$fiscalYear, .descending).all()
        guard !allVersions.isEmpty else { throw Abort(.notFound) }
        let existing = allVersions.map(\.fiscalYear)
        if let asked = try? request.query.get(Int.self, at: "fy"), !existing.contains(asked) {
            // Said plainly, then the section's newest year: never another year shown as if it were the one asked.
            request.flash(.info, request.t("organization.sectionYearMissing", request.text(allVersions[0].record.localizedName), DateFormatting.format(fiscalYear: asked, preferences: request.preferences),
                                           DateFormatting.format(fiscalYear: existing[0], preferences: request.preferences)))
            return request.redirect(to: OrganizationRoute.section(.section(code)).path(query: [("fy", String(existing[0]))]))
        }
        let year = (try? request.query.get(Int.self, at: "fy")) ?? OrganizationYears.chosen(request, available: years).flatMap { existing.contains($0) ? $0 : nil } ?? existing[0]
        let tree = try await OrganizationTree.load(fiscalYear: year, on: request.db)
        guard let unit = tree.units[code] else { throw Abort(.notFound) }
        let isCurrent = year == request.today.fiscalYear.startYear
        let visibility = try await StaffVisibility.resolve(request)

        var members: [StaffMember]? = nil
        var currentHeadcount: Int? = nil
        if isCurrent {
            let staff = try await StaffMember.query(on: request.db).filter(\.$currentSectionCode ~~ Array(tree.subtree(of: code))).sort(\.$kanaSearch).all()
            let placedHere = staff.filter { $0.currentSectionCode == code }
            currentHeadcount = placedHere.count
            if visibility.allowsSection(code) {
                members = placedHere
                try await request.audit(.view, subjectType: "section_members", subjectID: code, detail: "fy=\(year)")
            }
        }
        let parents = try await OrganizationUnit.query(on: request.db)
            .filter(\.$code ~~ allVersions.compactMap(\.parentCode)).all()
        let changes = try await OrganizationChange.query(on: request.db).group(.or) { $0.filter(\.$code == code).filter(\.$targetCode == code) }
            .sort(\.$fiscalYear, .descending).sort(\.$recordedAt, .descending).all()
        let content = SectionPage.build(
            unit: unit, tree: tree, currentHeadcount: currentHeadcount, members: members, versions: allVersions, parents: parents,
            changes: changes, canManage: request.currentUser?.scope(of: .manageOrganization) != nil,
            today: request.today, localizer: request.localizer)
        let name = request.text(unit.localizedName)
        return try await request.renderPage(
            "organization/section",
            title: "organization.section.title",
            titleArguments: [name],
            breadcrumbs: [Breadcrumb(label: request.t("organization.title"), href: OrganizationRoute.tree.path(query: [("fy", String(year))]))]
                + content.path + [Breadcrumb(label: name, href: nil)],
            content: content
        )
    }

    // MARK: - Add and edit

    struct FormContent: Encodable, Sendable {
        let form: FormModel
    }

    struct SectionForm: Content {
        var code: String?
        var name_ja: String?
        var name_en: String?
        var kind: String?
        var parent_code: String?
        var flags: [String]?
        var district: String?
        var authorized_headcount: String?
        var disposition: String?
        var merge_into: String?
    }

    @Sendable func showNew(_ request: Request) async throws -> Response {
        let year = try editableYear(request)
        let tree = try await OrganizationTree.load(fiscalYear: year, on: request.db)
        return try await sectionFormPage(request, tree: tree, existing: nil, input: SectionForm(kind: SectionKind.division.rawValue, authorized_headcount: "0"), validation: FormValidation(request: request))
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let year = try editableYear(request)
        let tree = try await OrganizationTree.load(fiscalYear: year, on: request.db)
        let input = try request.content.decode(SectionForm.self)
        var validation = FormValidation(request: request)
        let codeText = validation.text("code", input.code, labelKey: "organization.code", maxLength: 20)
        let code = SectionCode(codeText)
        if !codeText.isEmpty && !codeText.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            validation.fail("code", "organization.codeCharacters")
        }
        if tree.units[code] != nil {
            validation.fail("code", "organization.codeExists", codeText)
        } else if try await OrganizationUnit.query(on: request.db).filter(\.$code == code).count() > 0 {
            validation.fail("code", "organization.codeUsedBefore", codeText)
        }
        let record = validateRecord(input, code: code, tree: tree, validation: &validation)
        guard validation.isValid, let record else {
            return try await sectionFormPage(request, tree: tree, existing: nil, input: input, validation: validation)
        }
        try await request.db.writeTransaction { database in
            try await OrganizationUnit(fiscalYear: year, record: record).create(on: database)
            try await OrganizationChange(fiscalYear: year, kind: .created, code: code, detail: record.nameJa).create(on: database)
        }
        request.flash(.success, request.t("organization.sectionCreated", record.nameJa))
        return request.redirect(to: OrganizationRoute.section(.section(code)).path(query: [("fy", String(year))]))
    }

    @Sendable func showEdit(_ request: Request) async throws -> Response {
        let year = try editableYear(request)
        let code = SectionCode(try request.parameters.require("code"))
        let tree = try await OrganizationTree.load(fiscalYear: year, on: request.db)
        guard let unit = tree.units[code] else { throw Abort(.notFound) }
        let input = SectionForm(
            code: unit.code.rawValue, name_ja: unit.nameJa, name_en: unit.nameEn, kind: unit.kind.rawValue, parent_code: unit.parentCode?.rawValue ?? "",
            flags: (unit.isCollaborationPost ? ["collaboration"] : []) + (unit.isManagerial ? ["managerial"] : []),
            district: unit.district ?? "", authorized_headcount: String(unit.authorizedHeadcount), disposition: "keep", merge_into: ""
        )
        return try await sectionFormPage(request, tree: tree, existing: unit, input: input, validation: FormValidation(request: request))
    }

    @Sendable func update(_ request: Request) async throws -> Response {
        let year = try editableYear(request)
        let code = SectionCode(try request.parameters.require("code"))
        let tree = try await OrganizationTree.load(fiscalYear: year, on: request.db)
        guard let existing = tree.units[code] else { throw Abort(.notFound) }
        let input = try request.content.decode(SectionForm.self)
        var validation = FormValidation(request: request)
        let record = validateRecord(input, code: code, tree: tree, validation: &validation)
        let disposition = OrganizationEditing.Disposition(rawValue: input.disposition ?? "keep")
        if disposition == nil { validation.fail("disposition", "form.invalidChoice", request.t("organization.disposition")) }
        let mergeTarget = SectionCode((input.merge_into ?? "").trimmingCharacters(in: .whitespaces))
        if disposition == .merge && !OrganizationEditRules.mayMerge(into: mergeTarget, subtree: tree.subtree(of: code), unitsOfYear: Set(tree.units.keys)) {
            validation.fail("merge_into", "organization.mergeTargetInvalid")
        }
        if disposition != .keep && disposition != nil && !OrganizationEditRules.mayRemove(childCount: tree.children[code]?.count ?? 0) {
            validation.fail("disposition", "organization.hasChildren")
        }
        guard validation.isValid, let record, let disposition else {
            return try await sectionFormPage(request, tree: tree, existing: existing, input: input, validation: validation)
        }
        do {
            try await OrganizationEditing.apply(year: year, existing: existing, updated: record, disposition: disposition, mergeTarget: mergeTarget, today: request.today, on: request.db)
        } catch OrganizationEditing.Failure.unitHasMembers(let count) {
            validation.fail("disposition", "organization.hasMembers", String(count))
            return try await sectionFormPage(request, tree: tree, existing: existing, input: input, validation: validation)
        }
        try await request.audit(.update, subjectType: "organization_unit", subjectID: code, detail: "fy=\(year) \(disposition.rawValue)")
        request.flash(.success, request.t("organization.sectionSaved", record.nameJa))
        let target = disposition == .keep ? OrganizationRoute.section(.section(code)).path(query: [("fy", String(year))])
            : OrganizationRoute.tree.path(query: [("fy", String(year))])
        return request.redirect(to: target)
    }

    private func editableYear(_ request: Request) throws -> Int {
        guard let year = try? request.query.get(Int.self, at: "fy") else { throw Abort(.badRequest) }
        guard OrganizationEditRules.isEditable(fiscalYear: year, today: request.today) else { throw Abort(.forbidden, reason: "fiscal year \(year) is closed") }
        return year
    }

    private func validateRecord(_ input: SectionForm, code: SectionCode, tree: OrganizationTree, validation: inout FormValidation) -> SectionRecord? {
        let request = validation.request
        let nameJa = validation.text("name_ja", input.name_ja, labelKey: "organization.nameJa", maxLength: 100)
        let nameEn = validation.text("name_en", input.name_en, labelKey: "organization.nameEn", maxLength: 150)
        let kind = SectionKind(rawValue: input.kind ?? "")
        if kind == nil { validation.fail("kind", "form.invalidChoice", request.t("organization.kind")) }
        let parentText = (input.parent_code ?? "").trimmingCharacters(in: .whitespaces)
        let parent = SectionCode(parentText)
        if kind == .department && !parentText.isEmpty {
            validation.fail("parent_code", "organization.departmentHasNoParent")
        } else if kind != .department && kind != nil && parentText.isEmpty {
            validation.fail("parent_code", "organization.parentRequired")
        } else if !parentText.isEmpty && (tree.units[parent] == nil || tree.subtree(of: code).contains(parent)) {
            validation.fail("parent_code", "organization.parentInvalid")
        }
        let district = validation.text("district", input.district, labelKey: "organization.district", required: false, maxLength: 50)
        let headcountText = (input.authorized_headcount ?? "").trimmingCharacters(in: .whitespaces)
        let headcount = Int(headcountText.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? headcountText)
        if headcount == nil || headcount! < 0 || headcount! > 10_000 {
            validation.fail("authorized_headcount", "organization.headcountInvalid")
        }
        guard let kind, let headcount else { return nil }
        let flags = Set(input.flags ?? [])
        return SectionRecord(
            code: code, nameJa: nameJa, nameEn: nameEn, kind: kind, parentCode: parentText.isEmpty ? nil : parent,
            isCollaborationPost: flags.contains("collaboration"), district: district.isEmpty ? nil : district,
            authorizedHeadcount: headcount, isManagerial: flags.contains("managerial")
        )
    }

    private func sectionFormPage(_ request: Request, tree: OrganizationTree, existing: SectionRecord?, input: SectionForm, validation: FormValidation) async throws -> Response {
        let year = tree.fiscalYear
        let parentOptions = [FormOption(value: "", label: request.t("organization.noParent"), isSelected: (input.parent_code ?? "").isEmpty, fieldName: "parent_code")]
        let parentGroups = SectionChoices.groups(in: tree, including: { $0.kind != .unit && $0.code != existing?.code },
                                                 selected: input.parent_code ?? "", fieldName: "parent_code", localizer: request.localizer,
                                                 suffix: { " (\($0.code))" })
        let flags = Set(input.flags ?? [])
        var fields: [FormField] = []
        if existing == nil {
            fields.append(FormField(request: request, name: "code", labelKey: "organization.code", value: input.code ?? "", hintKey: "organization.codeHint", isRequired: true, maxLength: 20))
        }
        fields += [
            FormField(request: request, name: "name_ja", labelKey: "organization.nameJa", value: input.name_ja ?? "", isRequired: true, maxLength: 100),
            FormField(request: request, name: "name_en", labelKey: "organization.nameEn", value: input.name_en ?? "", isRequired: true, maxLength: 150),
            FormField(request: request, name: "kind", labelKey: "organization.kind", kind: .select, value: input.kind ?? "",
                      options: SectionKind.allCases.map { FormOption(value: $0.rawValue, label: request.t("organization.kind.\($0.rawValue)"), isSelected: $0.rawValue == input.kind, fieldName: "kind") }, isRequired: true),
            FormField(request: request, name: "parent_code", labelKey: "organization.parent", kind: .select, value: input.parent_code ?? "", options: parentOptions,
                      optionGroups: parentGroups),
            FormField(request: request, name: "flags", labelKey: "organization.attributes", kind: .checkboxes, options: [
                FormOption(value: "collaboration", label: request.t("organization.collaborationPost"), isSelected: flags.contains("collaboration"), fieldName: "flags"),
                FormOption(value: "managerial", label: request.t("organization.managerial"), isSelected: flags.contains("managerial"), fieldName: "flags"),
            ]),
            FormField(request: request, name: "district", labelKey: "organization.district", value: input.district ?? "", hintKey: "organization.districtHint", maxLength: 50),
            FormField(request: request, name: "authorized_headcount", labelKey: "organization.authorizedHeadcount", value: input.authorized_headcount ?? "", isRequired: true, maxLength: 6),
        ]
        if let existing {
            fields.append(FormField(request: request, name: "disposition", labelKey: "organization.disposition", kind: .radios,
                                    options: OrganizationEditing.Disposition.allCases.map {
                                        FormOption(value: $0.rawValue, label: request.t("organization.disposition.\($0.rawValue)"), isSelected: $0.rawValue == (input.disposition ?? "keep"), fieldName: "disposition")
                                    }, hintKey: "organization.dispositionHint"))
            fields.append(FormField(request: request, name: "merge_into", labelKey: "organization.mergeInto", kind: .select, value: input.merge_into ?? "",
                                    options: [FormOption(value: "", label: request.t("organization.noMerge"), isSelected: (input.merge_into ?? "").isEmpty, fieldName: "merge_into")],
                                    optionGroups: SectionChoices.groups(in: tree, including: { $0.code != existing.code }, selected: input.merge_into ?? "",
                                                                        fieldName: "merge_into", localizer: request.localizer)))
        }
        let action = existing.map { OrganizationRoute.editSection(.section($0.code)).path(query: [("fy", String(year))]) }
            ?? OrganizationRoute.newSection.path(query: [("fy", String(year))])
        var form = FormModel(request: request, action: action, submitLabelKey: "form.save", fields: fields)
        form.apply(validation, request: request)
        let fy = DateFormatting.format(fiscalYear: year, preferences: request.preferences)
        let title = existing == nil ? "organization.newSection" : "organization.editSection"
        let argument = existing.map { request.text($0.localizedName) } ?? fy
        return try await request.renderPage(
            "platform/form-page", title: title, titleArguments: [argument, fy],
            breadcrumbs: [Breadcrumb(label: request.t("organization.title"), href: OrganizationRoute.tree.path(query: [("fy", String(year))])),
                          Breadcrumb(label: request.t(title, argument, fy), href: nil)],
            content: FormContent(form: form),
            status: validation.isValid ? .ok : .unprocessableEntity
        )
    }
}

/// Current headcounts per unit (staff whose open assignment is there).
enum OrganizationHeadcount {
    static func current(on database: any Database) async throws -> [SectionCode: Int] {
        guard let sql = database as? any SQLDatabase else { return [:] }
        struct Row: Decodable { let code: SectionCode?; let count: Int }
        let rows = try await sql.select()
            .column("current_section_code", as: "code").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count")
            .from(StaffMember.schema).groupBy("current_section_code")
            .all(decoding: Row.self)
        return Dictionary(rows.compactMap { row in row.code.map { ($0, row.count) } }, uniquingKeysWith: +)
    }

    /// Staff placed in each unit on `day` (a coming April 1): the assignments covering it, which
    /// include the moves of approved transfer lists, less regular staff retired by then.
    static func projected(on day: LocalDate, db database: any Database) async throws -> [SectionCode: Int] {
        let assignments = try await Assignment.query(on: database)
            .filter(\.$startDate <= day)
            .group(.or) { $0.filter(\.$endDate == nil).filter(\.$endDate >= day) }
            .all()
        let staff = try await StaffMember.query(on: database).filter(\.$employmentType == .regular).all()
        return ProjectedHeadcount.placed(on: day, assignments: assignments.map(\.record), staff: staff.map(\.record), rules: .localPublicService2023)
    }
}
