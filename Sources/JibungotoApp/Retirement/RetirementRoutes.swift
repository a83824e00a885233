import Fluent
import JibungotoDomain
import Vapor

/// 定年引上げ: who retires, who leaves a managerial post at the age limit, who reaches 60 and who
/// is owed the age-60 information, this fiscal year and the next (2023 amendment rules).
struct RetirementRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, RetirementRoute.outlook, requires: .permission(.viewRetirement), shows: .viewed(subject: "retirement_outlook"), use: outlook)
        routes.on(.GET, RetirementRoute.years, requires: .permission(.viewRetirement), shows: .nothing, use: years)
        routes.on(.GET, RetirementRoute.yearsExport, requires: .permission(.viewRetirement), shows: .exported(subject: "retirement_years"), use: exportYears)
        routes.on(.GET, RetirementRoute.ageSixty(.pattern), requires: .permission(.manageRetirement), shows: .viewed(subject: "age_sixty_record"), use: ageSixty)
        routes.on(.POST, RetirementRoute.ageSixty(.pattern), requires: .permission(.manageRetirement), shows: .nothing, use: saveAgeSixty)
    }

    @Sendable func outlook(_ request: Request) async throws -> Response {
        let today = request.today
        let tree = try await request.currentOrganization()
        let staff = try await StaffMember.query(on: request.db).filter(\.$employmentType == .regular).all()
        let byNumber = Dictionary(staff.map { ($0.staffNumber, $0) }, uniquingKeysWith: { a, _ in a })
        let rules = RetirementRules.localPublicService2023
        let records = Dictionary(try await AgeSixtyRecord.query(on: request.db).all().map { ($0.staffNumber, $0) }, uniquingKeysWith: { a, _ in a })
        let canRecord = request.currentUser?.scope(of: .manageRetirement) != nil
        try await request.audit(.view, subjectType: "retirement_outlook")
        let outlooks = [today.fiscalYear, today.fiscalYear.next].map { year in
            rules.outlook(for: year, staff: staff.map(\.record)) { record in
                byNumber[record.staffNumber]?.currentPost.map(PostTiers.standard.isManagerial) ?? false
            }
        }
        return try await request.renderPage(
            "retirement/outlook", title: "retirement.title",
            breadcrumbs: [Breadcrumb(label: request.t("retirement.title"), href: nil)],
            content: RetirementOutlookPage.build(outlooks: outlooks, staff: byNumber, tree: tree, records: records, canRecord: canRecord, localizer: request.localizer))
    }

    // MARK: - Multi-year outlook

    /// Retirements and managerial-post exits per fiscal year until the age in force reaches 65.
    /// Counts only, no names: nobody's personal data is shown, but the CSV is still a download of
    /// figures about staff, so it is recorded.
    private func yearFigures(_ request: Request) async throws -> [RetirementRules.YearFigures] {
        let staff = try await StaffMember.query(on: request.db).filter(\.$employmentType == .regular).all()
        let managerial = Set(staff.filter { $0.currentPost.map(PostTiers.standard.isManagerial) ?? false }.map(\.staffNumber))
        return RetirementRules.localPublicService2023.yearFigures(from: request.today.fiscalYear, staff: staff.map(\.record)) {
            managerial.contains($0.staffNumber)
        }
    }

    @Sendable func years(_ request: Request) async throws -> Response {
        let figures = try await yearFigures(request)
        return try await request.renderPage(
            "retirement/years", title: "retirement.years.title",
            breadcrumbs: [Breadcrumb(label: request.t("retirement.title"), href: RetirementRoute.outlook.path),
                          Breadcrumb(label: request.t("retirement.years.title"), href: nil)],
            content: RetirementYearsPage.build(figures: figures, localizer: request.localizer))
    }

    @Sendable func exportYears(_ request: Request) async throws -> Response {
        let figures = try await yearFigures(request)
        let table = RetirementYearsPage.csv(figures: figures, localizer: request.localizer)
        return try CSVResponse.make(filename: "retirement-outlook.csv", header: table.header, rows: table.rows, request: request)
    }

    // MARK: - Age-60 information and choice

    struct AgeSixtyForm: Content {
        var informed_on: String?
        var choice: String?
        var note: String?
    }

    @Sendable func ageSixty(_ request: Request) async throws -> Response {
        let member = try await Self.member(request)
        let record = try await AgeSixtyRecord.query(on: request.db).filter(\.$staffNumber == member.staffNumber).first()
        let input = AgeSixtyForm(informed_on: record?.informedOn.iso, choice: record?.choice?.rawValue ?? "", note: record?.note)
        return try await ageSixtyPage(request, member: member, input: input, validation: FormValidation(request: request))
    }

    private static func member(_ request: Request) async throws -> StaffMember {
        guard let number = request.parameters.get("staffNumber").map({ StaffNumber($0) }),
              let member = try await StaffMember.query(on: request.db).filter(\.$staffNumber == number).first() else { throw Abort(.notFound) }
        return member
    }

    private func ageSixtyPage(_ request: Request, member: StaffMember, input: AgeSixtyForm, validation: FormValidation) async throws -> Response {
        let choice = input.choice ?? ""
        var form = FormModel(request: request, action: RetirementRoute.ageSixty(.staff(member.staffNumber)).path, submitLabelKey: "form.save", fields: [
            FormField(request: request, name: "informed_on", labelKey: "retirement.informedOnLabel", value: input.informed_on ?? "", hintKey: "audit.dateHint", isRequired: true, maxLength: 20),
            FormField(request: request, name: "choice", labelKey: "retirement.choice", kind: .radios,
                      options: [FormOption(value: "", label: request.t("retirement.choicePending"), isSelected: choice.isEmpty, fieldName: "choice")]
                        + AgeSixtyChoice.allCases.map {
                            FormOption(value: $0.rawValue, label: request.text($0.label), isSelected: $0.rawValue == choice, fieldName: "choice")
                        }),
            FormField(request: request, name: "note", labelKey: "retirement.note", kind: .textarea, value: input.note ?? "", maxLength: 1000),
        ])
        form.apply(validation, request: request)
        return try await request.renderPage(
            "retirement/age-sixty", title: "retirement.ageSixtyTitle", titleArguments: [member.name],
            breadcrumbs: [Breadcrumb(label: request.t("retirement.title"), href: RetirementRoute.outlook.path), Breadcrumb(label: member.name, href: nil)],
            content: AgeSixtyPage.build(member: member, form: form, localizer: request.localizer),
            status: validation.isValid ? .ok : .unprocessableEntity)
    }

    @Sendable func saveAgeSixty(_ request: Request) async throws -> Response {
        let member = try await Self.member(request)
        let input = try request.content.decode(AgeSixtyForm.self)
        var validation = FormValidation(request: request)
        let informed = validation.date("informed_on", input.informed_on, labelKey: "retirement.informedOnLabel")
        if let informed, !AgeSixtyInformation.mayRecord(informedOn: informed, today: request.today) {
            validation.fail("informed_on", "retirement.informedInFuture")
        }
        let choiceText = input.choice ?? ""
        let choice = AgeSixtyChoice(rawValue: choiceText)
        if !choiceText.isEmpty && choice == nil { validation.fail("choice", "form.invalidChoice", request.t("retirement.choice")) }
        let note = validation.text("note", input.note, labelKey: "retirement.note", required: false, maxLength: 1000)
        guard validation.isValid, let informed else { return try await ageSixtyPage(request, member: member, input: input, validation: validation) }
        let record = try await AgeSixtyRecord.query(on: request.db).filter(\.$staffNumber == member.staffNumber).first() ?? AgeSixtyRecord()
        record.staffNumber = member.staffNumber
        record.informedOn = informed
        record.choice = choice
        record.note = note
        record.recordedBy = try request.requireUser().staffNumber.rawValue
        try await record.save(on: request.db)
        try await request.audit(.update, subjectType: "age_sixty_record", subjectID: member.staffNumber, detail: choice?.rawValue ?? "pending")
        request.flash(.success, request.t("retirement.ageSixtySaved", member.name))
        return request.redirect(to: RetirementRoute.outlook.path)
    }
}
