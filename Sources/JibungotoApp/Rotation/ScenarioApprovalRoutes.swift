import Fluent
import JibungotoDomain
import Vapor

/// Approval of a transfer list (決裁) after a page that says what will be written, with the
/// municipality's 起案/決裁 separation; and its withdrawal before the transfer date, which puts
/// the assignment history back exactly as it was.
struct ScenarioApprovalRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, RotationRoute.approve(.pattern), requires: .permission(.planRotation), shows: .viewed(subject: "rotation_approval"), use: confirm)
        routes.on(.POST, RotationRoute.approve(.pattern), requires: .permission(.planRotation), shows: .nothing, use: approve)
        routes.on(.GET, RotationRoute.withdraw(.pattern), requires: .permission(.planRotation), shows: .nothing, use: withdrawForm)
        routes.on(.POST, RotationRoute.withdraw(.pattern), requires: .permission(.planRotation), shows: .nothing, use: withdraw)
    }

    // MARK: - What an approval would write

    /// One move the approval writes.
    struct Move: Sendable {
        let staffNumber: StaffNumber
        let pool: SeatPool
    }

    /// The moves of a scenario that may be approved now by this user, or why not.
    enum Check {
        case ready(PlannedScenario, [Move])
        case refused([String], HTTPStatus)
    }

    static func check(_ request: Request, scenario: RotationScenario) async throws -> Check {
        let solution = StoredSolution.decode(scenario.solution)
        if let refusal = ScenarioApproval.solutionRefusal(isApproved: scenario.isApproved, revision: scenario.revision,
                                                          solvedRevision: scenario.solvedRevision, isOptimal: solution?.outcome == .optimal) {
            return .refused([request.t(refusal == .alreadyApproved ? "rotation.approvedReadOnly" : "rotation.approveNeedsSolution")], .conflict)
        }
        guard let stored = solution, let planned = try await ScenarioPlanning.planned(scenario, request: request) else {
            return .refused([request.t("rotation.approveNeedsSolution")], .conflict)
        }
        let separation = try await RotationSettingsRecord.query(on: request.db).first()?.separateApprover ?? false
        if let refusal = ScenarioApproval.approverRefusal(separationRequired: separation, drafter: scenario.createdBy,
                                                          approver: try request.requireUser().staffNumber.rawValue) {
            return .refused([message(refusal, model: planned.model, localizer: request.localizer)], .conflict)
        }
        let transfer = scenario.transferDate
        let units = Set(try await OrganizationUnit.query(on: request.db).filter(\.$fiscalYear == transfer.fiscalYear.startYear).all(\.$code))
        let moves = stored.placements.sorted { $0.key < $1.key }
            .filter { number, pool in planned.model.currentSection(of: number) != pool.sectionCode }
            .map { Move(staffNumber: $0.key, pool: $0.value) }
        let lastApproved = try await ScenarioPlanning.lastApprovedTransferDate(excluding: try scenario.requireID(), on: request.db)
        let refusals = ScenarioApproval.placementRefusals(
            transferDate: transfer, lastApprovedTransferDate: lastApproved, sectionsOfFiscalYear: units, destinations: moves.map(\.pool.sectionCode))
        guard refusals.isEmpty else {
            return .refused(refusals.map { message($0, model: planned.model, localizer: request.localizer) }, .unprocessableEntity)
        }
        return .ready(planned, moves)
    }

    /// A refused approval in the reader's words.
    static func message(_ refusal: ScenarioApproval.Refusal, model: PlannerModel, localizer: Localizer) -> String {
        switch refusal {
        case .alreadyApproved:
            localizer.t("rotation.approvedReadOnly")
        case .needsCurrentOptimalSolution:
            localizer.t("rotation.approveNeedsSolution")
        case .transferDateNotAfterApproved(let transferDate, let lastApproved):
            localizer.t("rotation.dateNotAfterApproved", localizer.date(transferDate), localizer.date(lastApproved))
        case .noOrganization(let year):
            localizer.t("rotation.approveNoOrganization", localizer.fiscalYear(year))
        case .sectionMissing(let code, let year):
            localizer.t("rotation.approveSectionMissing", model.sectionName(code).ja, code.rawValue, localizer.fiscalYear(year))
        case .drafterMayNotApprove:
            localizer.t("rotation.drafterMayNotApprove")
        }
    }

    /// The name of the account with a staff number (the drafter, the approver), else the number.
    static func accountName(_ staffNumber: String?, on database: any Database) async throws -> String? {
        guard let staffNumber, !staffNumber.isEmpty else { return nil }
        let user = try await User.query(on: database).filter(\.$staffNumber == StaffNumber(staffNumber)).first()
        return user.map { "\($0.displayName)（\(staffNumber)）" } ?? staffNumber
    }

    // MARK: - Confirmation and approval

    @Sendable func confirm(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        if let refusal = try ScenarioRoutes.refuseIfApproved(scenario, request: request) { return refusal }
        var errors: [String] = []
        var rows: [ScenarioApprovalPage.MoveRow] = []
        switch try await Self.check(request, scenario: scenario) {
        case .refused(let messages, _):
            errors = messages
        case .ready(let planned, let moves):
            let rules = RotationRuleSettings.decode(scenario.rules).rules
            let staff = try await StaffMember.query(on: request.db).filter(\.$staffNumber ~~ moves.map(\.staffNumber)).all()
            let names = Dictionary(staff.map { ($0.staffNumber, $0.name) }, uniquingKeysWith: { a, _ in a })
            func section(_ code: SectionCode?) -> String {
                guard let code else { return "" }
                guard let unit = planned.tree.units[code] else { return code.rawValue }
                return request.text(unit.localizedName)
            }
            rows = moves.map { move in
                let currentPost = planned.model.currentPost(of: move.staffNumber) ?? ""
                return ScenarioApprovalPage.MoveRow(
                    staffNumber: move.staffNumber, name: names[move.staffNumber] ?? move.staffNumber.rawValue,
                    from: section(planned.model.currentSection(of: move.staffNumber)),
                    to: SeatPoolLabel.text(move.pool, section: section(move.pool.sectionCode), localizer: request.localizer),
                    post: PostAfterMove.post(currentPost: currentPost, to: move.pool, rules: rules))
            }
        }
        let content = try ScenarioApprovalPage.build(
            scenario: scenario, rows: rows, errors: errors, today: request.today,
            drafter: try await Self.accountName(scenario.createdBy, on: request.db) ?? "",
            csrfToken: request.csrfToken, localizer: request.localizer)
        return try await request.renderPage(
            "rotation/approve", title: "rotation.approveTitle", titleArguments: [scenario.name],
            breadcrumbs: ScenarioRoutes.breadcrumbs(request, scenario: scenario) + [Breadcrumb(label: request.t("rotation.approveConfirm"), href: nil)],
            content: content)
    }

    @Sendable func approve(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        if let refusal = try ScenarioRoutes.refuseIfApproved(scenario, request: request) { return refusal }
        let planned: PlannedScenario
        let moves: [Move]
        switch try await Self.check(request, scenario: scenario) {
        case .refused(let errors, let status):
            return try await ScenarioRoutes().overviewPage(request, scenario: scenario, extraErrors: errors, status: status)
        case .ready(let ready, let readyMoves):
            planned = ready
            moves = readyMoves
        }
        let id = try scenario.requireID()
        let transfer = scenario.transferDate
        let dayBefore = transfer.adding(days: -1)
        let rules = RotationRuleSettings.decode(scenario.rules).rules
        let approver = try request.requireUser().staffNumber
        // Ids chosen here so that the approval can name what it added, for a withdrawal.
        let added = moves.map { move in
            let assignment = Assignment(record: AssignmentRecord(
                staffNumber: move.staffNumber, sectionCode: move.pool.sectionCode,
                post: PostAfterMove.post(currentPost: planned.model.currentPost(of: move.staffNumber) ?? "", to: move.pool, rules: rules),
                start: transfer, end: nil))
            assignment.id = UUID()
            return assignment
        }
        let addedIDs = added.compactMap(\.id)
        let today = request.today
        let now = request.now
        do {
            try await request.db.writeTransaction { database in
            // One approval at a time: a second press of the button (or a second approver) waits,
            // then finds the scenario no longer a draft and writes nothing.
            try await RowLock.lock(RotationScenario.schema, id: id, on: database)
            guard try await RotationScenario.find(id, on: database)?.isApproved == false else { throw ScenarioAlreadyApproved() }
            // The movers' histories in one read: end the post each holds on the day before,
            // keeping the end date it had so that a withdrawal can put it back.
            var histories: [StaffNumber: [AssignmentRecord]] = [:]
            var ended: [ApprovalWrites.Ended] = []
            for chunk in moves.map(\.staffNumber).chunked(into: 500) {
                for assignment in try await Assignment.query(on: database).filter(\.$staffNumber ~~ Array(chunk)).all() {
                    if assignment.startDate <= dayBefore, assignment.endDate.map({ $0 >= dayBefore }) ?? true {
                        ended.append(ApprovalWrites.Ended(id: try assignment.requireID(), previousEnd: assignment.endDate))
                        assignment.endDate = dayBefore
                        try await assignment.save(on: database)
                    }
                    histories[assignment.staffNumber, default: []].append(assignment.record)
                }
            }
            try await ChunkedInsert.create(added, on: database)
            for assignment in added { histories[assignment.staffNumber, default: []].append(assignment.record) }
            try await OrganizationImporter.refreshCurrentPlacement(of: histories, today: today, on: database)
            scenario.status = .approved
            scenario.approvedAt = now
            scenario.approvedBy = approver.rawValue
            scenario.approvalWrites = ApprovalWrites(ended: ended, added: addedIDs).encoded()
            try await scenario.save(on: database)
            try await request.audit(.update, subjectType: "rotation_scenario", subjectID: scenario.name,
                                    detail: "approve transfer=\(transfer.iso) moves=\(moves.count)", on: database)
            }
        } catch is ScenarioAlreadyApproved {
            request.flash(.error, request.t("rotation.approvedReadOnly"))
            return request.redirect(to: RotationRoute.scenario(.id(id)).path)
        }
        request.flash(.success, request.t("rotation.approved", count: moves.count, String(moves.count)))
        return request.redirect(to: RotationRoute.scenario(.id(id)).path)
    }

    /// The scenario was approved by another request while this one waited for it.
    struct ScenarioAlreadyApproved: Error {}
    /// The approval was withdrawn by another request while this one waited for it.
    struct ScenarioNotApproved: Error {}

    // MARK: - Withdrawal

    struct WithdrawForm: Content {
        var reason: String?
    }

    /// Why this approval may not be withdrawn today, in words (nil: it may). A draft is sent
    /// back to its overview instead.
    private static func refusalMessage(_ scenario: RotationScenario, request: Request) async throws -> String? {
        let refusal = ScenarioApproval.withdrawalRefusal(
            isApproved: scenario.isApproved, transferDate: scenario.transferDate, today: request.today,
            writesRecorded: ApprovalWrites.decode(scenario.approvalWrites) != nil,
            laterApproved: try await ScenarioPlanning.lastApprovedTransferDate(excluding: scenario.id, on: request.db))
        switch refusal {
        case nil: return nil
        case .notApproved: return request.t("rotation.withdrawNotApproved")
        case .transferDateReached(let date): return request.t("rotation.withdrawTooLate", request.localizer.date(date))
        case .writesNotRecorded: return request.t("rotation.withdrawNotRecorded")
        case .laterApprovalBuildsOnIt(let later): return request.t("rotation.withdrawLaterApproved", request.localizer.date(later))
        }
    }

    private func withdrawPage(
        _ request: Request, scenario: RotationScenario, input: WithdrawForm, validation: FormValidation, refusal: String?
    ) async throws -> Response {
        var form: FormModel? = nil
        if refusal == nil {
            var model = FormModel(request: request, action: RotationRoute.withdraw(.id(try scenario.requireID())).path,
                                  submitLabelKey: "rotation.withdraw", fields: [
                                      FormField(request: request, name: "reason", labelKey: "rotation.withdrawReason", kind: .textarea,
                                                value: input.reason ?? "", hintKey: "rotation.withdrawReasonHint", isRequired: true, maxLength: 500),
                                  ])
            model.apply(validation, request: request)
            form = model
        }
        let content = ScenarioWithdrawalPage.build(
            scenario: scenario, refusal: refusal, form: form, localizer: request.localizer)
        let status: HTTPStatus = refusal != nil ? .conflict : (validation.isValid ? .ok : .unprocessableEntity)
        return try await request.renderPage(
            "rotation/withdraw", title: "rotation.withdrawTitle", titleArguments: [scenario.name],
            breadcrumbs: ScenarioRoutes.breadcrumbs(request, scenario: scenario) + [Breadcrumb(label: request.t("rotation.withdraw"), href: nil)],
            content: content, status: status)
    }

    @Sendable func withdrawForm(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        guard scenario.isApproved else { return try Self.backToOverview(request, scenario: scenario) }
        return try await withdrawPage(request, scenario: scenario, input: WithdrawForm(), validation: FormValidation(request: request),
                                      refusal: try await Self.refusalMessage(scenario, request: request))
    }

    /// Undoes the approval in one transaction: the added assignments go, the ended ones get
    /// back the end date they had, the people's current placement is recomputed, the
    /// scenario is a draft again, and the reason is in the audit log.
    @Sendable func withdraw(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        guard scenario.isApproved else { return try Self.backToOverview(request, scenario: scenario) }
        let input = try request.content.decode(WithdrawForm.self)
        if let refusal = try await Self.refusalMessage(scenario, request: request) {
            return try await withdrawPage(request, scenario: scenario, input: input, validation: FormValidation(request: request), refusal: refusal)
        }
        var validation = FormValidation(request: request)
        let reason = validation.text("reason", input.reason, labelKey: "rotation.withdrawReason", maxLength: 500)
        guard validation.isValid, let writes = ApprovalWrites.decode(scenario.approvalWrites) else {
            return try await withdrawPage(request, scenario: scenario, input: input, validation: validation, refusal: nil)
        }
        let today = request.today
        let approvedBy = scenario.approvedBy ?? ""
        let id = try scenario.requireID()
        do {
            try await request.db.writeTransaction { database in
            // One decision at a time: a second withdrawal waits and then finds a draft.
            try await RowLock.lock(RotationScenario.schema, id: id, on: database)
            guard try await RotationScenario.find(id, on: database)?.isApproved == true else { throw ScenarioNotApproved() }
            var numbers: Set<StaffNumber> = []
            for chunk in writes.added.chunked(into: 500) {
                let rows = try await Assignment.query(on: database).filter(\.$id ~~ Array(chunk)).all()
                numbers.formUnion(rows.map(\.staffNumber))
                try await Assignment.query(on: database).filter(\.$id ~~ Array(chunk)).delete()
            }
            let previousEnds = Dictionary(writes.ended.map { ($0.id, $0.previousEnd) }, uniquingKeysWith: { a, _ in a })
            for chunk in writes.ended.map(\.id).chunked(into: 500) {
                for assignment in try await Assignment.query(on: database).filter(\.$id ~~ Array(chunk)).all() {
                    let id = try assignment.requireID()
                    assignment.endDate = previousEnds[id] ?? nil
                    try await assignment.save(on: database)
                    numbers.insert(assignment.staffNumber)
                }
            }
            var histories: [StaffNumber: [AssignmentRecord]] = [:]
            for chunk in Array(numbers).chunked(into: 500) {
                for assignment in try await Assignment.query(on: database).filter(\.$staffNumber ~~ Array(chunk)).all() {
                    histories[assignment.staffNumber, default: []].append(assignment.record)
                }
            }
            try await OrganizationImporter.refreshCurrentPlacement(of: histories, today: today, on: database)
            scenario.status = .draft
            scenario.approvedAt = nil
            scenario.approvedBy = nil
            scenario.approvalWrites = nil
            try await scenario.save(on: database)
            try await request.audit(.update, subjectType: "rotation_scenario", subjectID: scenario.name,
                                    detail: "withdraw approval transfer=\(scenario.transferDate.iso) approved_by=\(approvedBy) reason=\(reason)", on: database)
            }
        } catch is ScenarioNotApproved {
            return try Self.backToOverview(request, scenario: scenario)
        }
        request.flash(.success, request.t("rotation.withdrawn", scenario.name))
        return request.redirect(to: RotationRoute.scenario(.id(try scenario.requireID())).path)
    }

    private static func backToOverview(_ request: Request, scenario: RotationScenario) throws -> Response {
        request.flash(.error, request.t("rotation.withdrawNotApproved"))
        return request.redirect(to: RotationRoute.scenario(.id(try scenario.requireID())).path)
    }
}
