import Fluent
import JibungotoDomain
import Vapor

/// Project teams: the list, posting a team, the team's page, its meetings and log, and its end.
struct ProjectTeamRoutes {
    static let textMaxLength = 2_000
    static let titleMaxLength = 100

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, ProjectTeamRoute.teams, requires: .permission(.takePartInOpportunities), shows: .nothing, use: list)
        routes.on(.GET, ProjectTeamRoute.newTeam, requires: .permission(.organizeOpportunities), shows: .nothing, use: newTeam)
        routes.on(.POST, ProjectTeamRoute.newTeam, requires: .permission(.organizeOpportunities), shows: .nothing, use: create)
        routes.on(.GET, ProjectTeamRoute.team(.pattern), requires: .permission(.takePartInOpportunities), shows: .viewed(subject: "project_team"), use: show)
        routes.on(.POST, ProjectTeamRoute.log(.pattern), requires: .permission(.takePartInOpportunities), shows: .nothing, use: addLog)
        routes.on(.POST, ProjectTeamRoute.close(.pattern), requires: .permission(.organizeOpportunities), shows: .nothing, use: close)
    }

    // MARK: - List

    @Sendable func list(_ request: Request) async throws -> Response {
        let viewer = try await TeamViewer.resolve(request)
        let teams = try await ProjectTeam.query(on: request.db).sort(\.$startsOn, .descending).sort(\.$title).all()
        let mine = try await ProjectTeamCandidate.query(on: request.db).filter(\.$staffNumber == viewer.user.staffNumber).all()
        let mineByTeam = Dictionary(mine.map { ($0.$team.id, $0) }, uniquingKeysWith: { first, _ in first })
        let visible = teams.filter { viewer.sees($0, involvement: $0.id.flatMap { mineByTeam[$0] }) }
        let members = try await ProjectTeamCandidate.query(on: request.db).filter(\.$status == .selected).all()
        let memberCounts = Dictionary(grouping: members, by: { $0.$team.id }).mapValues(\.count)
        return try await request.renderPage(
            "opportunities/teams", title: "teams.title",
            breadcrumbs: [Breadcrumb(label: request.t("opportunities.title"), href: OpportunitiesRoute.overview.path), Breadcrumb(label: request.t("teams.title"), href: nil)],
            content: TeamListPage.build(teams: visible, mine: mineByTeam, memberCounts: memberCounts, tree: try await request.currentOrganization(),
                                        canPost: viewer.user.scope(of: .organizeOpportunities) != nil, today: request.today, localizer: request.localizer))
    }

    // MARK: - Posting a team

    @Sendable func newTeam(_ request: Request) async throws -> Response {
        let today = request.today
        let defaults: [String: String] = [
            "applications_open_on": today.iso, "applications_close_on": today.adding(days: 21).iso,
            "starts_on": today.adding(days: 35).iso, "ends_on": today.adding(days: 35 + 180).iso, "seats": "8",
        ]
        return try await formPage(request, input: defaults, audience: [], validation: FormValidation(request: request))
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let form = try request.content.decode(TeamForm.self)
        let input = form.values
        var validation = FormValidation(request: request)
        let tree = try await request.currentOrganization()
        let sponsors = try await sponsorUnits(request, tree: tree)
        let title = validation.text("title", input["title"], labelKey: "teams.field.title", maxLength: Self.titleMaxLength)
        let purpose = validation.text("purpose", input["purpose"], labelKey: "teams.field.purpose", maxLength: Self.textMaxLength)
        let sponsor = SectionCode((input["sponsor"] ?? "").trimmingCharacters(in: .whitespaces))
        if !sponsors.contains(where: { $0.code == sponsor }) { validation.fail("sponsor", "teams.sponsorOutsideScope") }
        let startsOn = validation.date("starts_on", input["starts_on"], labelKey: "teams.field.startsOn")
        let endsOn = validation.date("ends_on", input["ends_on"], labelKey: "teams.field.endsOn")
        let opensOn = validation.date("applications_open_on", input["applications_open_on"], labelKey: "teams.field.opensOn")
        let closesOn = validation.date("applications_close_on", input["applications_close_on"], labelKey: "teams.field.closesOn")
        let seats = validation.integer("seats", input["seats"], range: 1...100, messageKey: "teams.seatsRange", labelKey: "teams.field.seats")
        let skills = validation.text("wanted_skills", input["wanted_skills"], labelKey: "teams.field.skills", required: false, maxLength: Self.textMaxLength)
        let themes = validation.text("themes", input["themes"], labelKey: "teams.field.themes", required: false, maxLength: Self.textMaxLength)
        let audience = form.audienceCodes.map { SectionCode($0) }
        if audience.contains(where: { tree.units[$0]?.kind != .department }) { validation.fail("audience", "form.invalidChoice", request.t("teams.field.audience")) }
        if let startsOn, let endsOn, endsOn < startsOn { validation.fail("ends_on", "teams.endBeforeStart") }
        if let opensOn, let closesOn, closesOn < opensOn { validation.fail("applications_close_on", "teams.closeBeforeOpen") }
        if let closesOn, let startsOn, closesOn > startsOn { validation.fail("applications_close_on", "teams.closeAfterStart") }
        if let closesOn, closesOn < request.today { validation.fail("applications_close_on", "teams.closeInPast") }
        guard validation.isValid, let startsOn, let endsOn, let opensOn, let closesOn, let seats else {
            return try await formPage(request, input: input, audience: form.audienceCodes, validation: validation)
        }
        let user = try request.requireUser()
        let team = ProjectTeam(title: title, purpose: purpose, sponsorSectionCode: sponsor, organizerStaffNumber: user.staffNumber,
                               startsOn: startsOn, endsOn: endsOn, seats: seats, wantedSkills: skills, themes: themes,
                               applicationsOpenOn: opensOn, applicationsCloseOn: closesOn, audience: audience.sorted())
        try await team.create(on: request.db)
        try await request.audit(.create, subjectType: "project_team", subjectID: try team.requireID().uuidString, detail: title)
        request.flash(.success, request.t("teams.created", title))
        return request.redirect(to: ProjectTeamRoute.team(.id(try team.requireID())).path)
    }

    /// The units a team may be sponsored by: those the organizer's scope reaches (HR: all).
    private func sponsorUnits(_ request: Request, tree: OrganizationTree) async throws -> [SectionRecord] {
        let scope = try request.scope(of: .organizeOpportunities)
        let reach: Set<SectionCode>? = scope == .all ? nil : try await OrganizationScope.units(for: request, scope: scope)
        return tree.flattened().map(\.record).filter { reach?.contains($0.code) ?? true }
    }

    private func formPage(_ request: Request, input: [String: String], audience: [String], validation: FormValidation) async throws -> Response {
        let tree = try await request.currentOrganization()
        let sponsors = try await sponsorUnits(request, tree: tree)
        func text(_ name: String, _ key: String, kind: FormField.Kind = .text, required: Bool = true, hint: String? = nil, max: Int) -> FormField {
            FormField(request: request, name: name, labelKey: key, kind: kind, value: input[name] ?? "", hintKey: hint, isRequired: required, maxLength: max)
        }
        var fields = [
            text("title", "teams.field.title", hint: "teams.field.title.hint", max: Self.titleMaxLength),
            text("purpose", "teams.field.purpose", kind: .textarea, hint: "teams.field.purpose.hint", max: Self.textMaxLength),
            FormField(request: request, name: "sponsor", labelKey: "teams.field.sponsor", kind: .select, value: input["sponsor"] ?? "",
                      optionGroups: SectionChoices.groups(in: tree, including: { unit in sponsors.contains { $0.code == unit.code } },
                                                          selected: input["sponsor"] ?? "", fieldName: "sponsor", localizer: request.localizer),
                      isRequired: true),
            text("starts_on", "teams.field.startsOn", hint: "form.dateHint", max: 20),
            text("ends_on", "teams.field.endsOn", hint: "form.dateHint", max: 20),
            text("seats", "teams.field.seats", max: 3),
            text("themes", "teams.field.themes", kind: .textarea, required: false, hint: "teams.field.themes.hint", max: Self.textMaxLength),
            text("wanted_skills", "teams.field.skills", kind: .textarea, required: false, hint: "teams.field.skills.hint", max: Self.textMaxLength),
            text("applications_open_on", "teams.field.opensOn", hint: "form.dateHint", max: 20),
            text("applications_close_on", "teams.field.closesOn", hint: "teams.field.closesOn.hint", max: 20),
        ]
        fields.append(FormField(request: request, name: "audience", labelKey: "teams.field.audience", kind: .checkboxes,
                                options: tree.roots.compactMap { tree.units[$0] }.filter { $0.kind == .department }.map { unit in
                                    FormOption(value: unit.code.rawValue, label: request.text(unit.localizedName), isSelected: audience.contains(unit.code.rawValue), fieldName: "audience")
                                }, hintKey: "teams.field.audience.hint"))
        var form = FormModel(request: request, action: ProjectTeamRoute.newTeam.path, submitLabelKey: "teams.post", fields: fields)
        form.apply(validation, request: request)
        return try await request.renderPage(
            "platform/form-page", title: "teams.new",
            breadcrumbs: [Breadcrumb(label: request.t("opportunities.title"), href: OpportunitiesRoute.overview.path),
                          Breadcrumb(label: request.t("teams.title"), href: ProjectTeamRoute.teams.path), Breadcrumb(label: request.t("teams.new"), href: nil)],
            content: FormOnlyContent(form: form), status: validation.isValid ? .ok : .unprocessableEntity)
    }

    struct TeamForm: Content {
        var title: String?, purpose: String?, sponsor: String?
        var starts_on: String?, ends_on: String?, seats: String?
        var themes: String?, wanted_skills: String?
        var applications_open_on: String?, applications_close_on: String?
        var audience: [String]?

        var values: [String: String] {
            let pairs: [(String, String?)] = [
                ("title", title), ("purpose", purpose), ("sponsor", sponsor), ("starts_on", starts_on), ("ends_on", ends_on),
                ("seats", seats), ("themes", themes), ("wanted_skills", wanted_skills),
                ("applications_open_on", applications_open_on), ("applications_close_on", applications_close_on),
            ]
            return Dictionary(uniqueKeysWithValues: pairs.compactMap { key, value in value.map { (key, $0) } })
        }

        var audienceCodes: [String] { audience ?? [] }
    }

    // MARK: - The team's page

    @Sendable func show(_ request: Request) async throws -> Response {
        let viewer = try await TeamViewer.resolve(request)
        let (team, mine) = try await viewer.team(request)
        return try await teamPage(request, viewer: viewer, team: team, mine: mine)
    }

    /// The team page, with the forms the viewer may use (and a refused form's messages).
    func teamPage(
        _ request: Request, viewer: TeamViewer, team: ProjectTeam, mine: ProjectTeamCandidate?,
        forms: TeamPageForms = TeamPageForms(), status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let teamID = try team.requireID()
        let candidates = try await ProjectTeamCandidate.query(on: request.db).filter(\.$team.$id == teamID).sort(\.$createdAt).all()
        let log = try await ProjectTeamLogEntry.query(on: request.db).filter(\.$team.$id == teamID).sort(\.$heldOn, .descending).all()
        let numbers = Set(candidates.map(\.staffNumber) + candidates.compactMap(\.nominatedBy) + log.map(\.authorStaffNumber) + [team.organizerStaffNumber])
        let people = try await StaffMember.query(on: request.db).filter(\.$staffNumber ~~ Array(numbers)).all()
        let isMember = mine?.status == .selected
        let today = request.today
        var forms = forms
        if forms.apply == nil, ProjectTeamRules.applicationRefusal(opens: team.applicationsOpenOn, closes: team.applicationsCloseOn, today: today, existing: mine?.status) == nil,
           team.isOpen(toDepartment: viewer.department), !team.isClosed {
            forms.apply = TeamForms.apply(request, team: teamID, input: [:])
        }
        if forms.log == nil, (isMember || viewer.runs(team)), !team.isClosed {
            forms.log = TeamForms.log(request, team: teamID, input: [:], today: today)
        }
        if forms.close == nil, viewer.runs(team), !team.isClosed, today >= team.startsOn {
            forms.close = TeamForms.close(request, team: teamID, input: [:])
        }
        return try await request.renderPage(
            "opportunities/team", title: "teams.page.title", titleArguments: [team.title],
            breadcrumbs: [Breadcrumb(label: request.t("opportunities.title"), href: OpportunitiesRoute.overview.path),
                          Breadcrumb(label: request.t("teams.title"), href: ProjectTeamRoute.teams.path), Breadcrumb(label: team.title, href: nil)],
            content: TeamPage.build(
                team: team, viewerNumber: viewer.user.staffNumber, runs: viewer.runs(team),
                canNominate: viewer.user.scope(of: .nominateForOpportunities) != nil && !team.isClosed,
                candidates: candidates, mine: mine, people: people, log: log, tree: try await request.currentOrganization(),
                forms: forms, csrfToken: request.csrfToken, today: today, localizer: request.localizer),
            status: status)
    }

    // MARK: - Meetings, log and closing

    @Sendable func addLog(_ request: Request) async throws -> Response {
        let viewer = try await TeamViewer.resolve(request)
        let (team, mine) = try await viewer.team(request)
        guard viewer.runs(team) || mine?.status == .selected else { throw Abort(.forbidden) }
        guard !team.isClosed else {
            request.flash(.error, TeamRefusalText.message(.teamClosed, localizer: request.localizer))
            return request.redirect(to: ProjectTeamRoute.team(.id(try team.requireID())).path)
        }
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let kind = ProjectTeamLogEntry.Kind(rawValue: input["kind"] ?? "")
        if kind == nil { validation.fail("kind", "form.invalidChoice", request.t("teams.log.kind")) }
        let heldOn = validation.date("held_on", input["held_on"], labelKey: "teams.log.date")
        if let heldOn, heldOn > request.today, kind == .activity { validation.fail("held_on", "teams.log.activityInFuture") }
        let place = validation.text("place", input["place"], labelKey: "teams.log.place", required: false, maxLength: 200)
        let text = validation.text("text", input["text"], labelKey: "teams.log.text", maxLength: Self.textMaxLength)
        guard validation.isValid, let kind, let heldOn else {
            var forms = TeamPageForms()
            forms.log = TeamForms.log(request, team: try team.requireID(), input: input, today: request.today, validation: validation)
            return try await teamPage(request, viewer: viewer, team: team, mine: mine, forms: forms, status: .unprocessableEntity)
        }
        try await ProjectTeamLogEntry(teamID: try team.requireID(), kind: kind, heldOn: heldOn, place: place, text: text, author: viewer.user.staffNumber).create(on: request.db)
        request.flash(.success, request.t("teams.log.saved"))
        return request.redirect(to: ProjectTeamRoute.team(.id(try team.requireID())).path + "#log")
    }

    @Sendable func close(_ request: Request) async throws -> Response {
        let viewer = try await TeamViewer.resolve(request)
        let team = try await viewer.runningTeam(request)
        let teamPath = ProjectTeamRoute.team(.id(try team.requireID())).path
        guard !team.isClosed else {
            request.flash(.error, TeamRefusalText.message(.teamClosed, localizer: request.localizer))
            return request.redirect(to: teamPath)
        }
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let report = validation.text("closing_report", input["closing_report"], labelKey: "teams.closingReport", maxLength: Self.textMaxLength * 2)
        if request.today < team.startsOn { validation.fail("closing_report", "teams.closeBeforeStart", request.localizer.date(team.startsOn)) }
        guard validation.isValid else {
            var forms = TeamPageForms()
            forms.close = TeamForms.close(request, team: try team.requireID(), input: input, validation: validation)
            return try await teamPage(request, viewer: viewer, team: team, mine: nil, forms: forms, status: .unprocessableEntity)
        }
        team.closingReport = report
        team.closedOn = request.today
        try await team.save(on: request.db)
        try await request.audit(.update, subjectType: "project_team", subjectID: try team.requireID().uuidString, detail: "closed")
        request.flash(.success, request.t("teams.closed", team.title))
        return request.redirect(to: teamPath)
    }
}

/// A page that is only a form.
struct FormOnlyContent: Encodable, Sendable {
    let form: FormModel
}
