import Fluent
import JibungotoDomain
import Vapor

/// Internal side jobs (庁内副業): the list and each side job's page for every staff member, and
/// the posting form for organizers (a manager for their own section, HR for any). Applying,
/// approving and selecting are in `SideJobApplicationRoutes`; hours and the closing reports in
/// `SideJobWorkRoutes`.
struct SideJobRoutes {
    static let titleMaxLength = 100
    static let textMaxLength = 2_000
    static let skillsMaxLength = 1_000
    static let seats = 1...50

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, SideJobRoute.list, requires: .permission(.takePartInOpportunities), shows: .nothing, use: list)
        routes.on(.GET, SideJobRoute.new, requires: .permission(.organizeOpportunities), shows: .nothing, use: showNew)
        routes.on(.POST, SideJobRoute.new, requires: .permission(.organizeOpportunities), shows: .nothing, use: create)
        routes.on(.GET, SideJobRoute.job(.pattern), requires: .permission(.takePartInOpportunities), shows: .viewed(subject: "side_job"), use: show)
        SideJobApplicationRoutes().register(on: routes)
        SideJobWorkRoutes().register(on: routes)
    }

    // MARK: - List

    @Sendable func list(_ request: Request) async throws -> Response {
        let viewer = try await SideJobViewer.load(request)
        let jobs = try await SideJob.query(on: request.db).all()
        // Only the members (to count the seats taken) and the reader's own applications.
        let applications = try await SideJobApplication.query(on: request.db)
            .group(.or) { $0.filter(\.$status == .selected).filter(\.$staffNumber == viewer.staffNumber) }.all()
        var members: [UUID: Int] = [:]
        var mine: [UUID: SideJobApplicationStatus] = [:]
        for application in applications {
            if application.status == .selected { members[application.$sideJob.id, default: 0] += 1 }
            if application.staffNumber == viewer.staffNumber { mine[application.$sideJob.id] = application.status }
        }
        let items = try jobs.map { job in
            let id = try job.requireID()
            return SideJobListPage.Item(job: job, members: members[id] ?? 0, myStatus: mine[id])
        }
        let settings = try await OpportunitySettings.load(on: request.db)
        return try await request.renderPage(
            "opportunities/side-job-list", title: "sideJob.title", breadcrumbs: SideJobLoading.breadcrumbs(request),
            content: SideJobListPage.build(
                items: items, hostNames: try await SideJobLoading.sectionNames(jobs.map(\.hostSectionCode), today: request.today, on: request.db),
                cap: settings.sideJobMonthlyCapHours, today: request.today, canPost: viewer.mayPost, canApprove: viewer.mayApprove,
                localizer: request.localizer))
    }

    // MARK: - One side job

    @Sendable func show(_ request: Request) async throws -> Response {
        let job = try await SideJobLoading.job(request)
        let viewer = try await SideJobViewer.load(request)
        let all = try await SideJobLoading.applications(of: job, on: request.db)
        let seesEveryApplication = viewer.hosts(job) || viewer.oversees
        // Everyone sees the members; the host and HR every applicant; the reader their own application.
        let shown = all.filter { seesEveryApplication || $0.status == .selected || $0.staffNumber == viewer.staffNumber }
        let staff = try await SideJobLoading.staff(shown.map(\.staffNumber) + [viewer.staffNumber], on: request.db)
        let sections = [job.hostSectionCode] + shown.compactMap { staff[$0.staffNumber]?.currentSectionCode ?? $0.sectionCode }
        let names = try await SideJobLoading.sectionNames(sections, today: request.today, on: request.db)
        var hours: [StaffNumber: Double] = [:]
        for log in try await SideJobHourLog.query(on: request.db).filter(\.$sideJob.$id == job.requireID()).all() {
            hours[log.staffNumber, default: 0] += log.hours
        }
        let settings = try await OpportunitySettings.load(on: request.db)
        let input = SideJobPage.Input(
            job: job, hostName: names[job.hostSectionCode] ?? Bilingual(job.hostSectionCode.rawValue), applications: shown, staff: staff,
            sectionNames: names, hoursByStaff: hours, reader: viewer.staffNumber, hosts: viewer.hosts(job),
            seesEveryApplication: seesEveryApplication,
            applyRefusal: try await SideJobLoading.applicationRefusal(request, job: job, me: staff[viewer.staffNumber]),
            cap: settings.sideJobMonthlyCapHours, today: request.today)
        return try await request.renderPage(
            "opportunities/side-job-show", title: "sideJob.pageTitle", titleArguments: [job.title],
            breadcrumbs: SideJobLoading.breadcrumbs(request, job: job),
            content: SideJobPage.build(input, localizer: request.localizer))
    }

    // MARK: - Posting

    @Sendable func showNew(_ request: Request) async throws -> Response {
        try await newPage(request, input: [:], validation: FormValidation(request: request))
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let viewer = try await SideJobViewer.load(request)
        let settings = try await OpportunitySettings.load(on: request.db)
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let title = validation.text("title", input["title"], labelKey: "sideJob.field.title", maxLength: Self.titleMaxLength)
        let work = validation.text("work_description", input["work_description"], labelKey: "sideJob.field.workDescription", maxLength: Self.textMaxLength)
        let hostText = (input["host_section"] ?? "").trimmingCharacters(in: .whitespaces)
        let host = SectionCode(hostText)
        let choices = try await hostChoices(request, viewer: viewer)
        if hostText.isEmpty {
            validation.fail("host_section", "form.required", request.t("sideJob.field.hostSection"))
        } else if !choices.contains(where: { $0.record.code == host }) {
            validation.fail("host_section", "sideJob.hostOutOfScope", request.t("sideJob.field.hostSection"))
        }
        let hours = validation.sideJobHours("hours_per_month", input["hours_per_month"], labelKey: "sideJob.field.hoursPerMonth")
        if let hours, !settings.sideJobHourCap.admits(plannedHours: hours) {
            validation.fail("hours_per_month", "sideJob.hoursOverCap", request.t("sideJob.field.hoursPerMonth"), HoursText.format(settings.sideJobMonthlyCapHours))
        }
        let start = validation.date("starts_on", input["starts_on"], labelKey: "sideJob.field.startsOn")
        let end = validation.date("ends_on", input["ends_on"], labelKey: "sideJob.field.endsOn")
        let skills = validation.text("skills", input["skills"], labelKey: "sideJob.field.skills", required: false, maxLength: Self.skillsMaxLength)
        let opens = validation.date("applications_open_on", input["applications_open_on"], labelKey: "sideJob.field.applicationsOpenOn")
        let closes = validation.date("applications_close_on", input["applications_close_on"], labelKey: "sideJob.field.applicationsCloseOn")
        let seats = validation.integer("seats", input["seats"], range: Self.seats, messageKey: "sideJob.wholeNumberRange", labelKey: "sideJob.field.seats")
        var schedule: SideJobSchedule?
        if let start, let end, let opens, let closes {
            let dates = SideJobSchedule(applicationsOpen: opens, applicationsClose: closes, start: start, end: end)
            for problem in dates.problems(today: request.today) {
                let shown = SideJobText.scheduleProblem(problem, schedule: dates, today: request.today, request.localizer)
                validation.fail(shown.field, "sideJob.refused", shown.message)
            }
            schedule = dates
        }
        guard validation.isValid, let hours, let seats, let schedule else {
            return try await newPage(request, input: input, validation: validation)
        }
        let job = SideJob(title: title, workDescription: work, hostSectionCode: host, hoursPerMonth: hours, schedule: schedule,
                          skills: skills, seats: seats, postedBy: viewer.staffNumber, postedAt: request.now)
        try await request.db.writeTransaction { database in
            try await job.create(on: database)
            try await request.audit(.create, subjectType: "side_job", subjectID: job.activityID, detail: title, on: database)
        }
        request.flash(.success, request.t("sideJob.posted", title))
        return request.redirect(to: SideJobRoute.job(.id(try job.requireID())).path)
    }

    /// The sections the organizer may post for: those their scope reaches in today's organization.
    private func hostChoices(_ request: Request, viewer: SideJobViewer) async throws -> [(record: SectionRecord, depth: Int)] {
        try await request.currentOrganization().flattened().filter { viewer.organizes.contains($0.record.code) }
    }

    private func newPage(_ request: Request, input: [String: String], validation: FormValidation) async throws -> Response {
        let viewer = try await SideJobViewer.load(request)
        let settings = try await OpportunitySettings.load(on: request.db)
        let host = input["host_section"] ?? ""
        let tree = try await request.currentOrganization()
        func field(_ name: String, _ labelKey: String, kind: FormField.Kind = .text, hintKey: String? = nil, hint: String? = nil,
                   required: Bool = true, maxLength: Int? = nil) -> FormField {
            FormField(request: request, name: name, labelKey: labelKey, kind: kind, value: input[name] ?? "", hintKey: hintKey, hint: hint,
                      isRequired: required, maxLength: maxLength)
        }
        var form = FormModel(request: request, action: SideJobRoute.new.path, submitLabelKey: "sideJob.post", fields: [
            field("title", "sideJob.field.title", maxLength: Self.titleMaxLength),
            field("work_description", "sideJob.field.workDescription", kind: .textarea, hintKey: "sideJob.field.workDescription.hint", maxLength: Self.textMaxLength),
            FormField(request: request, name: "host_section", labelKey: "sideJob.field.hostSection", kind: .select, value: host,
                      options: [FormOption(value: "", label: request.t("sideJob.chooseSection"), isSelected: host.isEmpty, fieldName: "host_section")],
                      optionGroups: SectionChoices.groups(in: tree, including: { viewer.organizes.contains($0.code) }, selected: host,
                                                          fieldName: "host_section", localizer: request.localizer),
                      isRequired: true),
            field("hours_per_month", "sideJob.field.hoursPerMonth",
                  hint: request.t("sideJob.field.hoursPerMonth.hint", HoursText.format(settings.sideJobMonthlyCapHours)), maxLength: 6),
            field("starts_on", "sideJob.field.startsOn", hintKey: "sideJob.dateHint", maxLength: 20),
            field("ends_on", "sideJob.field.endsOn", hintKey: "sideJob.dateHint", maxLength: 20),
            field("skills", "sideJob.field.skills", kind: .textarea, hintKey: "sideJob.field.skills.hint", required: false, maxLength: Self.skillsMaxLength),
            field("applications_open_on", "sideJob.field.applicationsOpenOn", hintKey: "sideJob.dateHint", maxLength: 20),
            field("applications_close_on", "sideJob.field.applicationsCloseOn", hintKey: "sideJob.field.applicationsCloseOn.hint", maxLength: 20),
            field("seats", "sideJob.field.seats", hint: request.t("sideJob.wholeNumberHint", String(Self.seats.lowerBound), String(Self.seats.upperBound)), maxLength: 3),
        ])
        form.apply(validation, request: request)
        return try await request.renderPage(
            "opportunities/side-job-form", title: "sideJob.new",
            breadcrumbs: SideJobLoading.breadcrumbs(request, last: request.t("sideJob.new")),
            content: SideJobFormPage.newJob(form: form, cap: settings.sideJobMonthlyCapHours, localizer: request.localizer),
            status: validation.isValid ? .ok : .unprocessableEntity)
    }
}
