import Fluent
import JibungotoDomain
import Vapor

/// The work on a side job: hours logged per member and month (by the member or the host) within
/// the monthly cap across all of a person's side jobs, and after the period the host's closing
/// report (which closes the job to hours) and each member's own report.
struct SideJobWorkRoutes {
    static let reportMaxLength = 2_000

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, SideJobRoute.hours(.pattern), requires: .permission(.takePartInOpportunities), shows: .viewed(subject: "side_job_hours"), use: showHours)
        routes.on(.POST, SideJobRoute.hours(.pattern), requires: .permission(.takePartInOpportunities), shows: .nothing, use: logHours)
        routes.on(.GET, SideJobRoute.closingReport(.pattern), requires: .permission(.organizeOpportunities), shows: .nothing, use: showClosingReport)
        routes.on(.POST, SideJobRoute.closingReport(.pattern), requires: .permission(.organizeOpportunities), shows: .nothing, use: saveClosingReport)
        routes.on(.GET, SideJobRoute.memberReport(.pattern), requires: .permission(.takePartInOpportunities), shows: .nothing, use: showMemberReport)
        routes.on(.POST, SideJobRoute.memberReport(.pattern), requires: .permission(.takePartInOpportunities), shows: .nothing, use: saveMemberReport)
    }

    // MARK: - Hours

    /// A side job with the members whose hours the reader logs: every member for the host, their
    /// own for a member; empty for anyone else.
    struct HoursContext {
        let job: SideJob
        let reader: StaffNumber
        let members: [StaffMember]
    }

    private func hoursContext(_ request: Request) async throws -> HoursContext {
        let job = try await SideJobLoading.job(request)
        let viewer = try await SideJobViewer.load(request)
        let numbers = try await SideJobApplication.query(on: request.db).filter(\.$sideJob.$id == job.requireID())
            .filter(\.$status == .selected).all().map(\.staffNumber)
            .filter { viewer.hosts(job) || $0 == viewer.staffNumber }
        let staff = try await SideJobLoading.staff(numbers, on: request.db)
        return HoursContext(job: job, reader: viewer.staffNumber, members: numbers.compactMap { staff[$0] }.sorted { $0.nameKana < $1.nameKana })
    }

    @Sendable func showHours(_ request: Request) async throws -> Response {
        let context = try await hoursContext(request)
        guard !context.members.isEmpty else { throw Abort(.notFound) }
        return try await hoursPage(request, context: context, input: [:], validation: FormValidation(request: request))
    }

    @Sendable func logHours(_ request: Request) async throws -> Response {
        let context = try await hoursContext(request)
        guard !context.members.isEmpty else { throw Abort(.forbidden) }
        let job = context.job
        let jobID = try job.requireID()
        let settings = try await OpportunitySettings.load(on: request.db)
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let number = (input["member"] ?? "").trimmingCharacters(in: .whitespaces)
        let member = context.members.first { $0.staffNumber.rawValue == number }
        if number.isEmpty {
            validation.fail("member", "form.required", request.t("sideJob.field.member"))
        } else if member == nil {
            validation.fail("member", "form.invalidChoice", request.t("sideJob.field.member"))
        }
        let monthText = (input["month"] ?? "").trimmingCharacters(in: .whitespaces)
        let month = YearMonth(text: monthText)
        if monthText.isEmpty {
            validation.fail("month", "form.required", request.t("sideJob.field.month"))
        } else if let month {
            if let refusal = SideJobHours.monthRefusal(month, start: job.startsOn, end: job.endsOn, isClosed: job.isClosed, today: request.today) {
                validation.fail("month", "sideJob.refused", SideJobText.hoursRefusal(refusal, month: month, request.localizer))
            }
        } else {
            validation.fail("month", "sideJob.hours.monthInvalid", request.t("sideJob.field.month"))
        }
        let hours = validation.sideJobHours("hours", input["hours"], labelKey: "sideJob.field.hours")
        if validation.isValid, let member, let month, let hours {
            // The cap is the person's: their other side jobs' hours in the month count, this job's earlier log of it does not.
            let elsewhere = try await SideJobHourLog.query(on: request.db).filter(\.$staffNumber == member.staffNumber).filter(\.$month == month).all()
                .filter { $0.$sideJob.id != jobID }.reduce(0.0) { $0 + $1.hours }
            if let refusal = settings.sideJobHourCap.refusal(logging: hours, loggedElsewhere: elsewhere) {
                validation.fail("hours", "sideJob.refused", SideJobText.hoursRefusal(refusal, month: month, request.localizer))
            }
        }
        guard validation.isValid, let member, let month, let hours else {
            return try await hoursPage(request, context: context, input: input, validation: validation)
        }
        let tree = try await request.currentOrganization()
        let reader = context.reader
        let now = request.now
        try await request.db.writeTransaction { database in
            let log = try await SideJobHourLog.query(on: database).filter(\.$sideJob.$id == jobID).filter(\.$staffNumber == member.staffNumber)
                .filter(\.$month == month).first()
                ?? SideJobHourLog(sideJobID: jobID, staffNumber: member.staffNumber, month: month, hours: hours, loggedBy: reader, loggedAt: now)
            log.hours = hours
            log.loggedBy = reader
            log.loggedAt = now
            try await log.save(on: database)
            let total = try await SideJobHourLog.query(on: database).filter(\.$sideJob.$id == jobID).filter(\.$staffNumber == member.staffNumber)
                .all().reduce(0.0) { $0 + $1.hours }
            try await SideJobLedger.updateHours(of: member, job: job, total: total, tree: tree, on: database)
            try await request.audit(.update, subjectType: "side_job_hours", subjectID: member.staffNumber,
                                    detail: "\(job.activityID) \(month.iso) \(HoursText.format(hours))", on: database)
        }
        request.flash(.success, request.t("sideJob.hoursSaved", member.name, request.localizer.month(month), HoursText.format(hours)))
        return request.redirect(to: SideJobRoute.hours(.value(job.activityID)).path)
    }

    private func hoursPage(_ request: Request, context: HoursContext, input: [String: String], validation: FormValidation) async throws -> Response {
        let job = context.job
        let settings = try await OpportunitySettings.load(on: request.db)
        let names = Dictionary(context.members.map { ($0.staffNumber, $0.name) }, uniquingKeysWith: { first, _ in first })
        let logs = try await SideJobHourLog.query(on: request.db).filter(\.$sideJob.$id == job.requireID())
            .filter(\.$staffNumber ~~ Array(names.keys)).all()
        let months = SideJobHours.loggableMonths(start: job.startsOn, end: job.endsOn, today: request.today)
        var note: String?
        if job.isClosed {
            note = request.t("sideJob.hours.closed")
        } else if months.isEmpty {
            note = request.t("sideJob.hours.notStarted", request.localizer.date(job.startsOn))
        }
        var form: FormModel?
        // A refused log keeps its form (and the refusal beside the field) even on a closed job.
        if note == nil || !validation.isValid {
            let member = input["member"] ?? (context.members.count == 1 ? context.members[0].staffNumber.rawValue : "")
            let month = input["month"] ?? months.last?.iso ?? ""
            var model = FormModel(request: request, action: SideJobRoute.hours(.value(job.activityID)).path, submitLabelKey: "sideJob.logHours", fields: [
                FormField(request: request, name: "member", labelKey: "sideJob.field.member", kind: .select, value: member,
                          options: context.members.map {
                              FormOption(value: $0.staffNumber.rawValue, label: $0.name, isSelected: $0.staffNumber.rawValue == member, fieldName: "member")
                          }, isRequired: true),
                FormField(request: request, name: "month", labelKey: "sideJob.field.month", kind: .select, value: month,
                          options: months.reversed().map {
                              FormOption(value: $0.iso, label: request.localizer.month($0), isSelected: $0.iso == month, fieldName: "month")
                          }, isRequired: true),
                FormField(request: request, name: "hours", labelKey: "sideJob.field.hours", value: input["hours"] ?? "",
                          hintKey: "sideJob.field.hours.hint", isRequired: true, maxLength: 6),
            ])
            model.apply(validation, request: request)
            form = model
        }
        return try await request.renderPage(
            "opportunities/side-job-form", title: "sideJob.hoursTitle", titleArguments: [job.title],
            breadcrumbs: SideJobLoading.breadcrumbs(request, job: job, last: request.t("sideJob.hours")),
            content: SideJobFormPage.hours(
                job: job, hostName: try await SideJobLoading.hostName(of: job, request: request),
                logged: logs.map { SideJobFormPage.LoggedHours(name: names[$0.staffNumber] ?? $0.staffNumber.rawValue, month: $0.month, hours: $0.hours) },
                cap: settings.sideJobMonthlyCapHours, note: note, form: form, localizer: request.localizer),
            status: validation.isValid ? .ok : .unprocessableEntity)
    }

    // MARK: - The host's closing report

    @Sendable func showClosingReport(_ request: Request) async throws -> Response {
        let job = try await SideJobLoading.job(request)
        guard try await SideJobViewer.load(request).hosts(job) else { throw Abort(.notFound) }
        return try await closingReportPage(request, job: job, input: ["report_work": job.reportWork ?? "", "report_outcome": job.reportOutcome ?? ""],
                                           validation: FormValidation(request: request))
    }

    @Sendable func saveClosingReport(_ request: Request) async throws -> Response {
        let job = try await SideJobLoading.job(request)
        let viewer = try await SideJobViewer.load(request)
        guard viewer.hosts(job) else { throw Abort(.forbidden) }
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        if !job.schedule.hasEnded(today: request.today) {
            validation.fail("report_work", "sideJob.report.notEnded", request.localizer.date(job.endsOn))
        }
        let work = validation.text("report_work", input["report_work"], labelKey: "sideJob.field.reportWork", maxLength: Self.reportMaxLength)
        let outcome = validation.text("report_outcome", input["report_outcome"], labelKey: "sideJob.field.reportOutcome", maxLength: Self.reportMaxLength)
        guard validation.isValid else { return try await closingReportPage(request, job: job, input: input, validation: validation) }
        job.reportWork = work
        job.reportOutcome = outcome
        // The job closed when the report was first written; a later correction keeps that day.
        if job.closedAt == nil {
            job.closedAt = request.now
            job.closedBy = viewer.staffNumber
        }
        try await request.db.writeTransaction { database in
            try await job.save(on: database)
            try await request.audit(.update, subjectType: "side_job", subjectID: job.activityID, detail: "closing report", on: database)
        }
        request.flash(.success, request.t("sideJob.report.saved"))
        return request.redirect(to: SideJobRoute.job(.value(job.activityID)).path)
    }

    private func closingReportPage(_ request: Request, job: SideJob, input: [String: String], validation: FormValidation) async throws -> Response {
        let ended = job.schedule.hasEnded(today: request.today)
        var form: FormModel?
        if ended || !validation.isValid {
            var model = FormModel(request: request, action: SideJobRoute.closingReport(.value(job.activityID)).path, submitLabelKey: "sideJob.report.submit", fields: [
                FormField(request: request, name: "report_work", labelKey: "sideJob.field.reportWork", kind: .textarea, value: input["report_work"] ?? "",
                          hintKey: "sideJob.field.reportWork.hint", isRequired: true, maxLength: Self.reportMaxLength),
                FormField(request: request, name: "report_outcome", labelKey: "sideJob.field.reportOutcome", kind: .textarea, value: input["report_outcome"] ?? "",
                          hintKey: "sideJob.field.reportOutcome.hint", isRequired: true, maxLength: Self.reportMaxLength),
            ])
            model.apply(validation, request: request)
            form = model
        }
        return try await reportPage(request, job: job, titleKey: "sideJob.closingReport", intro: request.t("sideJob.closingReportIntro"),
                                    note: ended || !validation.isValid ? nil : request.t("sideJob.report.notEnded", request.localizer.date(job.endsOn)),
                                    form: form, validation: validation)
    }

    // MARK: - A member's own report

    private func ownMembership(_ request: Request, job: SideJob) async throws -> SideJobApplication? {
        let user = try request.requireUser()
        return try await SideJobApplication.query(on: request.db).filter(\.$sideJob.$id == job.requireID())
            .filter(\.$staffNumber == user.staffNumber).filter(\.$status == .selected).first()
    }

    @Sendable func showMemberReport(_ request: Request) async throws -> Response {
        let job = try await SideJobLoading.job(request)
        guard let membership = try await ownMembership(request, job: job) else { throw Abort(.notFound) }
        return try await memberReportPage(request, job: job, input: ["member_report": membership.memberReport ?? ""], validation: FormValidation(request: request))
    }

    @Sendable func saveMemberReport(_ request: Request) async throws -> Response {
        let job = try await SideJobLoading.job(request)
        guard let membership = try await ownMembership(request, job: job) else { throw Abort(.forbidden) }
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        if !job.schedule.hasEnded(today: request.today) {
            validation.fail("member_report", "sideJob.report.notEnded", request.localizer.date(job.endsOn))
        }
        let text = validation.text("member_report", input["member_report"], labelKey: "sideJob.field.memberReport", maxLength: Self.reportMaxLength)
        guard validation.isValid else { return try await memberReportPage(request, job: job, input: input, validation: validation) }
        membership.memberReport = text
        membership.memberReportAt = request.now
        try await request.db.writeTransaction { database in
            try await membership.save(on: database)
            try await request.audit(.update, subjectType: "side_job_application", subjectID: try membership.requireID().uuidString.lowercased(),
                                    detail: "member report", on: database)
        }
        request.flash(.success, request.t("sideJob.report.saved"))
        return request.redirect(to: SideJobRoute.job(.value(job.activityID)).path)
    }

    private func memberReportPage(_ request: Request, job: SideJob, input: [String: String], validation: FormValidation) async throws -> Response {
        let ended = job.schedule.hasEnded(today: request.today)
        var form: FormModel?
        if ended || !validation.isValid {
            var model = FormModel(request: request, action: SideJobRoute.memberReport(.value(job.activityID)).path, submitLabelKey: "sideJob.report.submit", fields: [
                FormField(request: request, name: "member_report", labelKey: "sideJob.field.memberReport", kind: .textarea, value: input["member_report"] ?? "",
                          hintKey: "sideJob.field.memberReport.hint", isRequired: true, maxLength: Self.reportMaxLength),
            ])
            model.apply(validation, request: request)
            form = model
        }
        return try await reportPage(request, job: job, titleKey: "sideJob.memberReport", intro: request.t("sideJob.memberReportIntro"),
                                    note: ended || !validation.isValid ? nil : request.t("sideJob.report.notEnded", request.localizer.date(job.endsOn)),
                                    form: form, validation: validation)
    }

    private func reportPage(_ request: Request, job: SideJob, titleKey: String, intro: String, note: String?, form: FormModel?, validation: FormValidation) async throws -> Response {
        let hostName = try await SideJobLoading.hostName(of: job, request: request)
        return try await request.renderPage(
            "opportunities/side-job-form", title: titleKey,
            breadcrumbs: SideJobLoading.breadcrumbs(request, job: job, last: request.t(titleKey)),
            content: SideJobFormPage.report(intro: intro, job: job, hostName: hostName,
                                            note: note, form: form, localizer: request.localizer),
            status: validation.isValid ? .ok : .unprocessableEntity)
    }
}
