import Fluent
import JibungotoDomain
import Vapor

/// Applying to a side job, the applicant's manager approving or refusing (with a reason), and the
/// host selecting members among the approved applicants, up to the seats.
struct SideJobApplicationRoutes {
    static let motivationMaxLength = 1_000
    static let reasonMaxLength = 500

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, SideJobRoute.apply(.pattern), requires: .permission(.takePartInOpportunities), shows: .nothing, use: showApply)
        routes.on(.POST, SideJobRoute.apply(.pattern), requires: .permission(.takePartInOpportunities), shows: .nothing, use: apply)
        routes.on(.GET, SideJobRoute.application(.pattern), requires: .permission(.takePartInOpportunities),
                  shows: .viewed(subject: "side_job_application"), use: showApplication)
        routes.on(.POST, SideJobRoute.application(.pattern), requires: .permission(.consentToOpportunities), shows: .nothing, use: decide)
        routes.on(.GET, SideJobRoute.approvals, requires: .permission(.consentToOpportunities), shows: .viewed(subject: "side_job_approvals"), use: approvals)
        routes.on(.GET, SideJobRoute.selection(.pattern), requires: .permission(.organizeOpportunities), shows: .viewed(subject: "side_job_selection"), use: showSelection)
        routes.on(.POST, SideJobRoute.selection(.pattern), requires: .permission(.organizeOpportunities), shows: .nothing, use: select)
    }

    // MARK: - Applying

    @Sendable func showApply(_ request: Request) async throws -> Response {
        let job = try await SideJobLoading.job(request)
        return try await applyPage(request, job: job, input: [:], validation: FormValidation(request: request))
    }

    @Sendable func apply(_ request: Request) async throws -> Response {
        let job = try await SideJobLoading.job(request)
        let user = try request.requireUser()
        let me = try await StaffMember.query(on: request.db).filter(\.$staffNumber == user.staffNumber).first()
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        // A refusal is the field's message even when the motivation is missing too: writing one would not help.
        if let refusal = try await SideJobLoading.applicationRefusal(request, job: job, me: me) {
            let message = try await refusalText(request, refusal, job: job)
            validation.fail("motivation", "sideJob.refused", message)
        }
        let motivation = validation.text("motivation", input["motivation"], labelKey: "sideJob.field.motivation", maxLength: Self.motivationMaxLength)
        guard validation.isValid, let me else {
            return try await applyPage(request, job: job, input: input, validation: validation)
        }
        let application = SideJobApplication(
            sideJobID: try job.requireID(), staffNumber: me.staffNumber, sectionCode: me.currentSectionCode, motivation: motivation, appliedAt: request.now)
        try await request.db.writeTransaction { database in
            try await application.create(on: database)
            try await request.audit(.create, subjectType: "side_job_application", subjectID: try application.requireID().uuidString.lowercased(),
                                    detail: job.title, on: database)
        }
        request.flash(.success, request.t("sideJob.applied", job.title))
        return request.redirect(to: SideJobRoute.application(.id(try application.requireID())).path)
    }

    private func refusalText(_ request: Request, _ refusal: SideJobApplicationRule.Refusal, job: SideJob) async throws -> String {
        let hostName = try await SideJobLoading.hostName(of: job, request: request)
        return SideJobText.applicationRefusal(refusal, schedule: job.schedule, hostName: request.text(hostName), request.localizer)
    }

    /// The form while the reader may apply; otherwise the reason they may not, without a form.
    private func applyPage(_ request: Request, job: SideJob, input: [String: String], validation: FormValidation) async throws -> Response {
        let user = try request.requireUser()
        let me = try await StaffMember.query(on: request.db).filter(\.$staffNumber == user.staffNumber).first()
        let refusal = try await SideJobLoading.applicationRefusal(request, job: job, me: me)
        var form: FormModel?
        if refusal == nil || !validation.isValid {
            var model = FormModel(request: request, action: SideJobRoute.apply(.value(job.activityID)).path, submitLabelKey: "sideJob.apply", fields: [
                FormField(request: request, name: "motivation", labelKey: "sideJob.field.motivation", kind: .textarea, value: input["motivation"] ?? "",
                          hintKey: "sideJob.field.motivation.hint", isRequired: true, maxLength: Self.motivationMaxLength),
            ])
            model.apply(validation, request: request)
            form = model
        }
        // A refused submission shows the refusal beside the field; a page opened while refused, as a note.
        var note: String?
        if validation.isValid, let refusal { note = try await refusalText(request, refusal, job: job) }
        return try await request.renderPage(
            "opportunities/side-job-form", title: "sideJob.applyTitle", titleArguments: [job.title],
            breadcrumbs: SideJobLoading.breadcrumbs(request, job: job, last: request.t("sideJob.apply")),
            content: SideJobFormPage.apply(job: job, hostName: try await SideJobLoading.hostName(of: job, request: request), refusal: note, form: form,
                                           localizer: request.localizer),
            status: validation.isValid ? .ok : .unprocessableEntity)
    }

    // MARK: - The application and the manager's answer

    @Sendable func showApplication(_ request: Request) async throws -> Response {
        let application = try await SideJobLoading.application(request)
        return try await applicationPage(request, application: application, input: [:], validation: FormValidation(request: request))
    }

    @Sendable func decide(_ request: Request) async throws -> Response {
        let application = try await SideJobLoading.application(request)
        let viewer = try await SideJobViewer.load(request)
        let applicant = try await StaffMember.query(on: request.db).filter(\.$staffNumber == application.staffNumber).first()
        guard viewer.mayDecide(applicant: application.staffNumber, applicantSection: applicant?.currentSectionCode) else { throw Abort(.forbidden) }
        let id = try application.requireID()
        guard application.status == .awaitingManager else {
            request.flash(.error, request.t("sideJob.decision.alreadyAnswered"))
            return request.redirect(to: SideJobRoute.application(.id(id)).path)
        }
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let decision = input["decision"] ?? ""
        let reason = validation.text("reason", input["reason"], labelKey: "sideJob.field.refusalReason", required: false, maxLength: Self.reasonMaxLength)
        switch decision {
        case "approve":
            break
        case "refuse":
            if reason.isEmpty { validation.fail("reason", "sideJob.decision.reasonRequired", request.t("sideJob.field.refusalReason")) }
        case "":
            validation.fail("decision", "form.required", request.t("sideJob.field.decision"))
        default:
            validation.fail("decision", "form.invalidChoice", request.t("sideJob.field.decision"))
        }
        guard validation.isValid else {
            return try await applicationPage(request, application: application, input: input, validation: validation)
        }
        let approved = decision == "approve"
        application.status = approved ? .approved : .refused
        application.decidedBy = viewer.staffNumber
        application.decidedAt = request.now
        application.refusalReason = approved ? nil : reason
        try await request.db.writeTransaction { database in
            try await application.save(on: database)
            try await request.audit(.update, subjectType: "side_job_application", subjectID: id.uuidString.lowercased(),
                                    detail: application.status.rawValue, on: database)
        }
        let name = applicant?.name ?? application.staffNumber.rawValue
        request.flash(.success, approved ? request.t("sideJob.decision.approvedFlash", name, application.sideJob.title)
                                         : request.t("sideJob.decision.refusedFlash", name, application.sideJob.title))
        return request.redirect(to: SideJobRoute.approvals.path)
    }

    /// The application for whoever may see it (404 for anyone else), with the answer form for the
    /// applicant's manager while it awaits them.
    private func applicationPage(_ request: Request, application: SideJobApplication, input: [String: String], validation: FormValidation) async throws -> Response {
        let job = application.sideJob
        let viewer = try await SideJobViewer.load(request)
        let staff = try await SideJobLoading.staff([application.staffNumber] + (application.decidedBy.map { [$0] } ?? []), on: request.db)
        let applicant = staff[application.staffNumber]
        let section = applicant?.currentSectionCode ?? application.sectionCode
        guard viewer.maySee(application, job: job, applicantSection: applicant?.currentSectionCode) else { throw Abort(.notFound) }
        var form: FormModel?
        if application.status == .awaitingManager && viewer.mayDecide(applicant: application.staffNumber, applicantSection: applicant?.currentSectionCode) {
            let decision = input["decision"] ?? ""
            var model = FormModel(request: request, action: SideJobRoute.application(.id(try application.requireID())).path,
                                  submitLabelKey: "sideJob.decide", fields: [
                FormField(request: request, name: "decision", labelKey: "sideJob.field.decision", kind: .radios, options: ["approve", "refuse"].map {
                    FormOption(value: $0, label: request.t("sideJob.decision.\($0)"), isSelected: decision == $0, fieldName: "decision")
                }, isRequired: true),
                FormField(request: request, name: "reason", labelKey: "sideJob.field.refusalReason", kind: .textarea, value: input["reason"] ?? "",
                          hintKey: "sideJob.field.refusalReason.hint", maxLength: Self.reasonMaxLength),
            ])
            model.apply(validation, request: request)
            form = model
        }
        let names = try await SideJobLoading.sectionNames([job.hostSectionCode] + (section.map { [$0] } ?? []), today: request.today, on: request.db)
        return try await request.renderPage(
            "opportunities/side-job-application", title: "sideJob.applicationTitle", titleArguments: [applicant?.name ?? application.staffNumber.rawValue],
            breadcrumbs: SideJobLoading.breadcrumbs(request, job: job, last: request.t("sideJob.application")),
            content: SideJobApplicationPage.build(
                application: application, job: job, hostName: names[job.hostSectionCode] ?? Bilingual(job.hostSectionCode.rawValue),
                applicant: applicant, applicantSection: section.flatMap { names[$0] }, decider: application.decidedBy.flatMap { staff[$0] },
                form: form, localizer: request.localizer),
            status: validation.isValid ? .ok : .unprocessableEntity)
    }

    // MARK: - The manager's list

    @Sendable func approvals(_ request: Request) async throws -> Response {
        let viewer = try await SideJobViewer.load(request)
        // The staff working today where the manager's consent scope reaches (never the manager themselves).
        var inScope: [StaffMember] = []
        switch viewer.consents {
        case .all:
            inScope = try await StaffMember.query(on: request.db).filter(\.$currentSectionCode != nil).all()
        case .units(let units) where !units.isEmpty:
            inScope = try await StaffMember.query(on: request.db).filter(\.$currentSectionCode ~~ Array(units)).all()
        case .units:
            break
        }
        inScope.removeAll { $0.staffNumber == viewer.staffNumber }
        var applications: [SideJobApplication] = []
        for chunk in inScope.map(\.staffNumber).chunked(into: 500) {
            applications += try await SideJobApplication.query(on: request.db).filter(\.$staffNumber ~~ Array(chunk)).with(\.$sideJob).all()
        }
        let staff = Dictionary(inScope.map { ($0.staffNumber, $0) }, uniquingKeysWith: { first, _ in first })
        let sections = applications.map(\.sideJob.hostSectionCode) + inScope.compactMap(\.currentSectionCode)
        return try await request.renderPage(
            "opportunities/side-job-approvals", title: "sideJob.approvals",
            breadcrumbs: SideJobLoading.breadcrumbs(request, last: request.t("sideJob.approvals")),
            content: SideJobApprovalsPage.build(
                applications: applications, staff: staff,
                sectionNames: try await SideJobLoading.sectionNames(sections, today: request.today, on: request.db), localizer: request.localizer))
    }

    // MARK: - Selection

    struct SelectionForm: Content {
        var selected: [String]?
    }

    @Sendable func showSelection(_ request: Request) async throws -> Response {
        let job = try await SideJobLoading.job(request)
        guard try await SideJobViewer.load(request).hosts(job) else { throw Abort(.notFound) }
        return try await selectionPage(request, job: job, chosen: [], validation: FormValidation(request: request))
    }

    @Sendable func select(_ request: Request) async throws -> Response {
        let job = try await SideJobLoading.job(request)
        let viewer = try await SideJobViewer.load(request)
        guard viewer.hosts(job) else { throw Abort(.forbidden) }
        let chosenIDs = Set(try request.content.decode(SelectionForm.self).selected ?? [])
        let applications = try await SideJobLoading.applications(of: job, on: request.db)
        let chosen = applications.filter { application in application.id.map { chosenIDs.contains($0.uuidString.lowercased()) } ?? false }
        // An id that is not one of the job's applications counts as not approved (a stale or altered form).
        let allChosenApproved = chosen.count == chosenIDs.count && chosen.allSatisfy { $0.status == .approved }
        let alreadySelected = applications.filter { $0.status == .selected }.count
        let hasEnded = job.isClosed || job.schedule.hasEnded(today: request.today)
        var validation = FormValidation(request: request)
        if let refusal = SideJobSelection.refusal(chosen: chosenIDs.count, allChosenApproved: allChosenApproved, alreadySelected: alreadySelected,
                                                  seats: job.seats, hasEnded: hasEnded) {
            validation.fail("selected", "sideJob.refused", SideJobText.selectionRefusal(refusal, request.localizer))
            return try await selectionPage(request, job: job, chosen: chosenIDs, validation: validation)
        }
        let members = try await SideJobLoading.staff(chosen.map(\.staffNumber), on: request.db)
        let tree = try await request.currentOrganization()
        let now = request.now
        try await request.db.writeTransaction { database in
            for application in chosen {
                // The ledger entry needs the person's record; without it nothing is selected.
                guard let member = members[application.staffNumber] else { throw Abort(.conflict) }
                application.status = .selected
                application.selectedAt = now
                try await application.save(on: database)
                try await SideJobLedger.recordMember(member, job: job, tree: tree, on: database)
            }
            try await request.audit(.update, subjectType: "side_job", subjectID: job.activityID,
                                    detail: "selected " + chosen.map(\.staffNumber.rawValue).sorted().joined(separator: ","), on: database)
        }
        request.flash(.success, request.t("sideJob.selectedFlash", String(chosen.count)))
        return request.redirect(to: SideJobRoute.job(.value(job.activityID)).path)
    }

    /// The approved applicants not yet selected, as checkboxes; a note when there are none.
    private func selectionPage(_ request: Request, job: SideJob, chosen: Set<String>, validation: FormValidation) async throws -> Response {
        let applications = try await SideJobLoading.applications(of: job, on: request.db)
        let approved = applications.filter { $0.status == .approved }
        let staff = try await SideJobLoading.staff(approved.map(\.staffNumber), on: request.db)
        let names = try await SideJobLoading.sectionNames([job.hostSectionCode] + approved.compactMap { staff[$0.staffNumber]?.currentSectionCode ?? $0.sectionCode },
                                                          today: request.today, on: request.db)
        var form: FormModel?
        // A refused choice is shown beside the field even when nothing is left to choose.
        if (!approved.isEmpty && !job.isClosed && !job.schedule.hasEnded(today: request.today)) || !validation.isValid {
            let options = approved.compactMap { application -> FormOption? in
                guard let id = application.id?.uuidString.lowercased() else { return nil }
                let section = (staff[application.staffNumber]?.currentSectionCode ?? application.sectionCode).flatMap { names[$0] }
                let label = request.t("sideJob.candidate", staff[application.staffNumber]?.name ?? application.staffNumber.rawValue,
                                      section.map { request.text($0) } ?? "")
                return FormOption(value: id, label: label, isSelected: chosen.contains(id), fieldName: "selected")
            }
            var model = FormModel(request: request, action: SideJobRoute.selection(.value(job.activityID)).path, submitLabelKey: "sideJob.select", fields: [
                FormField(request: request, name: "selected", labelKey: "sideJob.field.selected", kind: .checkboxes, options: options,
                          hint: request.t("sideJob.field.selected.hint", String(job.seats))),
            ])
            model.apply(validation, request: request)
            form = model
        }
        return try await request.renderPage(
            "opportunities/side-job-form", title: "sideJob.selectionTitle", titleArguments: [job.title],
            breadcrumbs: SideJobLoading.breadcrumbs(request, job: job, last: request.t("sideJob.selection")),
            content: SideJobFormPage.selection(
                job: job, hostName: names[job.hostSectionCode] ?? Bilingual(job.hostSectionCode.rawValue),
                selected: applications.filter { $0.status == .selected }.count,
                awaitingManager: applications.filter { $0.status == .awaitingManager }.count, form: form, localizer: request.localizer),
            status: validation.isValid ? .ok : .unprocessableEntity)
    }
}
