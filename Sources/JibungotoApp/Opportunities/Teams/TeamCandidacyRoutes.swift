import Fluent
import JibungotoDomain
import Vapor

/// The ways into a team: applying (and withdrawing), nominating (and the nominee's answer), the
/// candidate suggestions, and the organizer's selection.
struct TeamCandidacyRoutes {
    static let reasonMaxLength = 1_000
    /// How many suggestions a team's page lists.
    static let suggestionCount = 30

    func register(on routes: any RoutesBuilder) {
        routes.on(.POST, ProjectTeamRoute.apply(.pattern), requires: .permission(.takePartInOpportunities), shows: .nothing, use: apply)
        routes.on(.POST, ProjectTeamRoute.withdraw(.pattern), requires: .permission(.takePartInOpportunities), shows: .nothing, use: withdraw)
        routes.on(.POST, ProjectTeamRoute.respond(.pattern), requires: .permission(.takePartInOpportunities), shows: .nothing, use: respond)
        routes.on(.GET, ProjectTeamRoute.nominate(.pattern), requires: .permission(.nominateForOpportunities), shows: .nothing, use: nominationForm)
        routes.on(.POST, ProjectTeamRoute.nominate(.pattern), requires: .permission(.nominateForOpportunities), shows: .nothing, use: nominate)
        routes.on(.GET, ProjectTeamRoute.suggestions(.pattern), requires: .permission(.organizeOpportunities), shows: .viewed(subject: "candidate_suggestions"), use: suggestions)
        routes.on(.POST, ProjectTeamRoute.select(.pattern), requires: .permission(.organizeOpportunities), shows: .nothing, use: select)
    }

    private func teamPath(_ team: ProjectTeam) throws -> String { ProjectTeamRoute.team(.id(try team.requireID())).path }

    // MARK: - Applying

    @Sendable func apply(_ request: Request) async throws -> Response {
        let viewer = try await TeamViewer.resolve(request)
        let (team, mine) = try await viewer.team(request)
        let input = try request.content.decode([String: String].self)
        guard team.isOpen(toDepartment: viewer.department), viewer.staff != nil else { throw Abort(.forbidden) }
        if let refusal = team.isClosed ? .teamClosed : ProjectTeamRules.applicationRefusal(
            opens: team.applicationsOpenOn, closes: team.applicationsCloseOn, today: request.today, existing: mine?.status) {
            request.flash(.error, TeamRefusalText.message(refusal, localizer: request.localizer))
            return request.redirect(to: try teamPath(team))
        }
        var validation = FormValidation(request: request)
        let motivation = validation.text("motivation", input["motivation"], labelKey: "teams.motivation", maxLength: TeamForms.motivationMaxLength)
        guard validation.isValid else {
            var forms = TeamPageForms()
            forms.apply = TeamForms.apply(request, team: try team.requireID(), input: input, validation: validation)
            return try await ProjectTeamRoutes().teamPage(request, viewer: viewer, team: team, mine: mine, forms: forms, status: .unprocessableEntity)
        }
        let teamID = try team.requireID()
        let candidate = mine ?? ProjectTeamCandidate(teamID: teamID, staffNumber: viewer.user.staffNumber, route: .applied, status: .candidate)
        candidate.route = .applied
        candidate.status = .candidate
        candidate.motivation = motivation
        try await candidate.save(on: request.db)
        request.flash(.success, request.t("teams.applied", team.title))
        return request.redirect(to: try teamPath(team))
    }

    @Sendable func withdraw(_ request: Request) async throws -> Response {
        let viewer = try await TeamViewer.resolve(request)
        let (team, mine) = try await viewer.team(request)
        guard let mine, mine.status == .candidate else {
            request.flash(.error, request.t("teams.nothingToWithdraw"))
            return request.redirect(to: try teamPath(team))
        }
        mine.status = .withdrawn
        try await mine.save(on: request.db)
        request.flash(.success, request.t("teams.withdrawn"))
        return request.redirect(to: try teamPath(team))
    }

    // MARK: - Nominations

    @Sendable func nominationForm(_ request: Request) async throws -> Response {
        let viewer = try await TeamViewer.resolve(request)
        let (team, _) = try await viewer.team(request)
        return try await nominationPage(request, team: team, input: ["staff_number": (try? request.query.get(String.self, at: "staff")) ?? ""],
                                        validation: FormValidation(request: request))
    }

    private func nominationPage(_ request: Request, team: ProjectTeam, input: [String: String], validation: FormValidation) async throws -> Response {
        var form = FormModel(request: request, action: ProjectTeamRoute.nominate(.id(try team.requireID())).path, submitLabelKey: "teams.nominate", fields: [
            FormField(request: request, name: "staff_number", labelKey: "teams.nominee", value: input["staff_number"] ?? "", hintKey: "teams.nominee.hint", isRequired: true, maxLength: 20),
            FormField(request: request, name: "reason", labelKey: "teams.nominationReason", kind: .textarea, value: input["reason"] ?? "",
                      hintKey: "teams.nominationReason.hint", isRequired: true, maxLength: Self.reasonMaxLength),
        ])
        form.apply(validation, request: request)
        return try await request.renderPage(
            "platform/form-page", title: "teams.nominateTitle", titleArguments: [team.title],
            breadcrumbs: [Breadcrumb(label: request.t("teams.title"), href: ProjectTeamRoute.teams.path),
                          Breadcrumb(label: team.title, href: try teamPath(team)), Breadcrumb(label: request.t("teams.nominate"), href: nil)],
            content: FormOnlyContent(form: form), status: validation.isValid ? .ok : .unprocessableEntity)
    }

    @Sendable func nominate(_ request: Request) async throws -> Response {
        let viewer = try await TeamViewer.resolve(request)
        let (team, _) = try await viewer.team(request)
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let numberText = validation.text("staff_number", input["staff_number"], labelKey: "teams.nominee", maxLength: 20)
        let reason = validation.text("reason", input["reason"], labelKey: "teams.nominationReason", maxLength: Self.reasonMaxLength)
        let number = StaffNumber.typed(numberText)
        let nominee = numberText.isEmpty ? nil : try await StaffMember.query(on: request.db).filter(\.$staffNumber == number).first()
        if validation.errors["staff_number"] == nil {
            let tree = try await request.currentOrganization()
            let department = nominee?.currentSectionCode.flatMap { tree.department(of: $0)?.code }
            let existing = try await ProjectTeamCandidate.query(on: request.db).filter(\.$team.$id == team.requireID()).filter(\.$staffNumber == number).first()
            if let refusal = ProjectTeamRules.nominationRefusal(
                nominator: viewer.user.staffNumber, nominee: number,
                nomineeInAudience: nominee?.currentSectionCode != nil && team.isOpen(toDepartment: department),
                existing: existing?.status, teamClosed: team.isClosed) {
                validation.fail("staff_number", "teams.refusal.asField", TeamRefusalText.message(refusal, localizer: request.localizer))
            }
        }
        guard validation.isValid, let nominee else {
            return try await nominationPage(request, team: team, input: input, validation: validation)
        }
        let teamID = try team.requireID()
        let candidate = try await ProjectTeamCandidate.query(on: request.db).filter(\.$team.$id == teamID).filter(\.$staffNumber == number).first()
            ?? ProjectTeamCandidate(teamID: teamID, staffNumber: number, route: .nominated, status: .awaitingNominee)
        candidate.route = .nominated
        candidate.status = .awaitingNominee
        candidate.nominatedBy = viewer.user.staffNumber
        candidate.nominationReason = reason
        try await candidate.save(on: request.db)
        try await request.audit(.create, subjectType: "team_nomination", subjectID: number, detail: team.title)
        request.flash(.success, request.t("teams.nominated", nominee.name, team.title))
        return request.redirect(to: viewer.runs(team) ? try teamPath(team) : ProjectTeamRoute.teams.path)
    }

    /// The nominee accepts (becoming a candidate the organizer may select) or declines.
    @Sendable func respond(_ request: Request) async throws -> Response {
        let viewer = try await TeamViewer.resolve(request)
        let (team, mine) = try await viewer.team(request)
        let input = try request.content.decode([String: String].self)
        guard let mine, mine.status == .awaitingNominee, !team.isClosed else {
            request.flash(.error, TeamRefusalText.message(team.isClosed ? .teamClosed : .noNominationToAnswer, localizer: request.localizer))
            return request.redirect(to: try teamPath(team))
        }
        switch input["answer"] {
        case "accept":
            mine.status = .candidate
            mine.motivation = String((input["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(TeamForms.motivationMaxLength))
            request.flash(.success, request.t("teams.nominationAccepted"))
        case "decline":
            mine.status = .declined
            request.flash(.success, request.t("teams.nominationDeclined"))
        default:
            request.flash(.error, request.t("form.invalidChoice", request.t("teams.answer")))
            return request.redirect(to: try teamPath(team))
        }
        try await mine.save(on: request.db)
        return request.redirect(to: try teamPath(team))
    }

    // MARK: - Suggestions and selection

    @Sendable func suggestions(_ request: Request) async throws -> Response {
        let viewer = try await TeamViewer.resolve(request)
        let team = try await viewer.runningTeam(request)
        let tree = try await request.currentOrganization()
        let settings = try await OpportunitySettings.load(on: request.db)
        let ranked = try await TeamSuggestions.rank(for: team, tree: tree, settings: settings, limit: Self.suggestionCount, today: request.today, on: request.db)
        let people = try await StaffMember.query(on: request.db).filter(\.$staffNumber ~~ ranked.map(\.staffNumber)).all()
        return try await request.renderPage(
            "opportunities/team-suggestions", title: "teams.suggestionsTitle", titleArguments: [team.title],
            breadcrumbs: [Breadcrumb(label: request.t("teams.title"), href: ProjectTeamRoute.teams.path),
                          Breadcrumb(label: team.title, href: try teamPath(team)), Breadcrumb(label: request.t("teams.suggestions"), href: nil)],
            content: TeamSuggestionsPage.build(team: team, suggestions: ranked, people: people, tree: tree, settings: settings,
                                               canNominate: viewer.user.scope(of: .nominateForOpportunities) != nil, csrfToken: request.csrfToken,
                                               localizer: request.localizer))
    }

    /// The organizer selects candidates: each becomes a member unless their manager refuses within
    /// the deadline; the ledger records them at once (and drops them if refused).
    @Sendable func select(_ request: Request) async throws -> Response {
        let viewer = try await TeamViewer.resolve(request)
        let team = try await viewer.runningTeam(request)
        let teamID = try team.requireID()
        let chosenIDs = ((try? request.content.get([String].self, at: "candidates")) ?? []).compactMap(UUID.init(uuidString:))
        let all = try await ProjectTeamCandidate.query(on: request.db).filter(\.$team.$id == teamID).all()
        let chosen = all.filter { $0.id.map(chosenIDs.contains) ?? false }
        let refusal: TeamRefusal? = team.isClosed ? .teamClosed
            : chosen.isEmpty || chosen.count != Set(chosenIDs).count ? .notSelectable
            : ProjectTeamRules.selectionRefusal(seats: team.seats, alreadySelected: all.filter { $0.status == .selected }.count, chosen: chosen.map(\.status))
        if let refusal {
            var forms = TeamPageForms()
            forms.selectionError = TeamRefusalText.message(refusal, localizer: request.localizer)
            return try await ProjectTeamRoutes().teamPage(request, viewer: viewer, team: team, mine: all.first { $0.staffNumber == viewer.user.staffNumber },
                                                          forms: forms, status: .unprocessableEntity)
        }
        let settings = try await OpportunitySettings.load(on: request.db)
        let tree = try await request.currentOrganization()
        let staff = try await StaffMember.query(on: request.db).filter(\.$staffNumber ~~ chosen.map(\.staffNumber)).all()
        let today = request.today
        try await request.db.writeTransaction { database in
            for candidate in chosen {
                guard let member = staff.first(where: { $0.staffNumber == candidate.staffNumber }) else { throw Abort(.conflict) }
                candidate.status = .selected
                candidate.sectionCode = member.currentSectionCode
                candidate.selectedOn = today
                candidate.consentDeadline = TeamConsent.deadline(selectedOn: today, days: settings.consentDays)
                try await candidate.save(on: database)
                try await ParticipationLedger.record(
                    ParticipationLedger.entry(for: member, kind: .projectTeam, activityID: teamID.uuidString, title: team.title,
                                              hostSection: team.sponsorSectionCode, route: candidate.route, date: max(team.startsOn, today), tree: tree),
                    on: database)
            }
            try await request.audit(.update, subjectType: "project_team", subjectID: teamID.uuidString, detail: "selected=\(chosen.count)", on: database)
        }
        request.flash(.success, request.t("teams.selected", String(chosen.count)))
        return request.redirect(to: ProjectTeamRoute.team(.id(teamID)).path)
    }
}
