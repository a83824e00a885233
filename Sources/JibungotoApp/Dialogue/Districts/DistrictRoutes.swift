import Fluent
import JibungotoDomain
import Vapor

/// The districts part of the Dialogue module (PRODUCT.md "Dialogue", the paper's §8-3 地域担当職員
/// 制度): the districts with their citizen centers, the liaison staff HR assigns for a term, the
/// citizen dialogue records and the local issues raised there. `DialogueModule` calls this.
enum DistrictsPart {
    static func register(on routes: any RoutesBuilder, app: Application) {
        DistrictRoutes().register(on: routes)
        app.navigation.add(NavigationEntry(labelKey: "nav.districts", href: DistrictRoute.districts.path, permission: .viewDistricts))
        app.homeNotices.add(LocalIssueRoutes.awaitingAnswer)
    }
}

/// The district pages: the list, each district's page, HR's liaison assignments and the
/// liaison's dialogue records. The local issues are in `LocalIssueRoutes`, their categories and
/// response templates in `IssueSettingsRoutes`.
struct DistrictRoutes {
    static let placeMaxLength = 100
    static let topicsMaxLength = 2_000

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, DistrictRoute.districts, requires: .permission(.viewDistricts), shows: .viewed(subject: "districts"), use: list)
        routes.on(.POST, DistrictRoute.createFromOrganization, requires: .permission(.manageDistricts), shows: .nothing, use: createFromOrganization)
        routes.on(.GET, DistrictRoute.district(.pattern), requires: .permission(.viewDistricts), shows: .viewed(subject: "district"), use: show)
        routes.on(.GET, DistrictRoute.newLiaison(.pattern), requires: .permission(.manageDistricts), shows: .nothing, use: showNewLiaison)
        routes.on(.POST, DistrictRoute.newLiaison(.pattern), requires: .permission(.manageDistricts), shows: .nothing, use: assignLiaison)
        routes.on(.GET, DistrictRoute.liaison(.pattern), requires: .permission(.manageDistricts), shows: .viewed(subject: "district_liaison"), use: showLiaison)
        routes.on(.POST, DistrictRoute.liaison(.pattern), requires: .permission(.manageDistricts), shows: .nothing, use: changeTerm)
        routes.on(.GET, DistrictRoute.newRecord(.pattern), requires: .permission(.viewDistricts), shows: .nothing, use: showNewRecord)
        routes.on(.POST, DistrictRoute.newRecord(.pattern), requires: .permission(.viewDistricts), shows: .nothing, use: createRecord)
        LocalIssueRoutes().register(on: routes)
        IssueSettingsRoutes().register(on: routes)
    }

    struct FormContent: Encodable, Sendable {
        let form: FormModel
    }

    // MARK: - The list

    @Sendable func list(_ request: Request) async throws -> Response {
        let viewer = try await DistrictViewer.load(request)
        let all = try await DistrictLoading.districts(on: request.db)
        let districts = all.filter { $0.id.map { viewer.maySee(district: $0) } ?? false }
        let ids = districts.compactMap(\.id)
        let today = request.today
        let liaisons = try await DistrictLiaison.query(on: request.db).filter(\.$district.$id ~~ ids)
            .filter(\.$startsOn <= today).filter(\.$endsOn >= today).sort(\.$staffNumber).all()
        let staff = try await DistrictLoading.staff(liaisons.map(\.staffNumber), on: request.db)
        var names: [UUID: [String]] = [:]
        for liaison in liaisons {
            names[liaison.$district.id, default: []].append(staff[liaison.staffNumber]?.name ?? liaison.staffNumber.rawValue)
        }
        let year = today.fiscalYear
        let records = try await DistrictDialogueRecord.query(on: request.db).filter(\.$district.$id ~~ ids)
            .filter(\.$heldOn >= year.start).filter(\.$heldOn <= year.end).all()
        let open = try await LocalIssue.query(on: request.db).filter(\.$district.$id ~~ ids)
            .filter(\.$status ~~ LocalIssueStatus.allCases.filter(\.isOpen)).all()
        var openCounts: [UUID: Int] = [:], overdueCounts: [UUID: Int] = [:]
        for issue in open {
            openCounts[issue.$district.id, default: 0] += 1
            if issue.isOverdue(today: today) { overdueCounts[issue.$district.id, default: 0] += 1 }
        }
        let tree = try await request.currentOrganization()
        let input = DistrictListPage.Input(
            districts: districts,
            centerNames: try await DistrictLoading.sectionNames(districts.map(\.centerSectionCode), request: request),
            liaisons: names,
            recordsThisYear: DistrictFigures.recordsPerDistrict(records.map(\.facts), fiscalYear: year.startYear),
            openIssues: openCounts, overdueIssues: overdueCounts, today: today,
            showsIssues: viewer.seesEveryDistrict || !viewer.liaisonOf.isEmpty, answers: !viewer.answers.isEmpty, manages: viewer.manages,
            centersWithoutDistrict: DistrictSetup.centersWithoutDistrict(tree: tree, districts: all).count, csrfToken: request.csrfToken)
        return try await request.renderPage(
            "dialogue/district-list", title: "dialogue.district.title", breadcrumbs: DistrictLoading.breadcrumbs(request),
            content: DistrictListPage.build(input, localizer: request.localizer))
    }

    @Sendable func createFromOrganization(_ request: Request) async throws -> Response {
        let tree = try await request.currentOrganization()
        let created = try await request.db.writeTransaction { database in
            let made = try await DistrictSetup.createMissing(tree: tree, on: database)
            for district in made {
                try await request.audit(.create, subjectType: "district", subjectID: district.key, detail: district.nameJa, on: database)
            }
            return made
        }
        if created.isEmpty {
            request.flash(.info, request.t("dialogue.district.nothingToCreate"))
        } else {
            request.flash(.success, request.t("dialogue.district.created", count: created.count, String(created.count)))
        }
        return request.redirect(to: DistrictRoute.districts.path)
    }

    // MARK: - One district

    @Sendable func show(_ request: Request) async throws -> Response {
        let viewer = try await DistrictViewer.load(request)
        let district = try await DistrictLoading.district(request, viewer: viewer)
        let id = try district.requireID()
        let liaisons = try await DistrictLiaison.query(on: request.db).filter(\.$district.$id == id).all()
        let records = try await DistrictDialogueRecord.query(on: request.db).filter(\.$district.$id == id).with(\.$participants).all()
        let issues = try await LocalIssue.query(on: request.db).filter(\.$district.$id == id).all()
        let categories = try await DistrictLoading.categories(on: request.db)
        let sections = try await DistrictLoading.sectionNames([district.centerSectionCode] + issues.map(\.sectionCode), request: request)
        let names = IssueNames(districts: [id: district.name], categories: Self.categoryNames(categories), sections: sections)
        let input = DistrictPage.Input(
            district: district, centerName: sections[district.centerSectionCode], liaisons: liaisons,
            staff: try await DistrictLoading.staff(liaisons.map(\.staffNumber), on: request.db), records: records, issues: issues, names: names,
            today: request.today, manages: viewer.manages, mayRecord: viewer.mayRecord(in: id))
        return try await request.renderPage(
            "dialogue/district-show", title: "dialogue.district.pageTitle", titleArguments: [request.text(district.name)],
            breadcrumbs: DistrictLoading.breadcrumbs(request, district: district),
            content: DistrictPage.build(input, localizer: request.localizer))
    }

    static func categoryNames(_ categories: [LocalIssueCategory]) -> [UUID: Bilingual] {
        Dictionary(categories.compactMap { category in category.id.map { ($0, category.name) } }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: - Liaisons

    @Sendable func showNewLiaison(_ request: Request) async throws -> Response {
        let viewer = try await DistrictViewer.load(request)
        let district = try await DistrictLoading.district(request, viewer: viewer)
        return try await liaisonPage(request, district: district, liaison: nil, input: ["starts_on": request.today.iso], validation: FormValidation(request: request))
    }

    @Sendable func assignLiaison(_ request: Request) async throws -> Response {
        let viewer = try await DistrictViewer.load(request)
        let district = try await DistrictLoading.district(request, viewer: viewer)
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let typed = validation.text("staff_number", input["staff_number"], labelKey: "dialogue.district.field.staffNumber", maxLength: 20)
        var member: StaffMember?
        if !typed.isEmpty {
            member = try await StaffMember.query(on: request.db).filter(\.$staffNumber == StaffNumber.typed(typed)).first()
            if member == nil { validation.fail("staff_number", "dialogue.district.unknownStaff", typed) }
        }
        let start = validation.date("starts_on", input["starts_on"], labelKey: "dialogue.district.field.startsOn")
        let end = validation.date("ends_on", input["ends_on"], labelKey: "dialogue.district.field.endsOn", required: false)
        var liaison: DistrictLiaison?
        if let member, let start {
            let tier = LiaisonTier.of(grade: member.grade)
            let term = LiaisonTerm(start: start, end: end ?? LiaisonTermRule.standard.standardEnd(start: start, tier: tier))
            let others = try await DistrictLiaison.query(on: request.db).filter(\.$district.$id == district.requireID())
                .filter(\.$staffNumber == member.staffNumber).all().map(\.term)
            if Self.checkTerm(term, others: others, name: member.name, validation: &validation) {
                liaison = DistrictLiaison(districtID: try district.requireID(), staffNumber: member.staffNumber, tier: tier, term: term,
                                          assignedBy: viewer.staffNumber, assignedAt: request.now)
            }
        }
        guard validation.isValid, let liaison, let member else {
            return try await liaisonPage(request, district: district, liaison: nil, input: input, validation: validation)
        }
        try await request.db.writeTransaction { database in
            try await liaison.create(on: database)
            try await request.audit(.create, subjectType: "district_liaison", subjectID: member.staffNumber,
                                    detail: "\(district.nameJa) \(liaison.startsOn.iso)〜\(liaison.endsOn.iso)", on: database)
        }
        request.flash(.success, request.t("dialogue.district.liaisonAssigned", member.name, request.text(district.name),
                                          DistrictText.term(liaison.term, request.localizer)))
        return request.redirect(to: DistrictRoute.district(.id(try district.requireID())).path)
    }

    @Sendable func showLiaison(_ request: Request) async throws -> Response {
        let liaison = try await Self.liaison(request)
        return try await liaisonPage(request, district: liaison.district, liaison: liaison,
                                     input: ["starts_on": liaison.startsOn.iso, "ends_on": liaison.endsOn.iso], validation: FormValidation(request: request))
    }

    @Sendable func changeTerm(_ request: Request) async throws -> Response {
        let liaison = try await Self.liaison(request)
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let start = validation.date("starts_on", input["starts_on"], labelKey: "dialogue.district.field.startsOn")
        let end = validation.date("ends_on", input["ends_on"], labelKey: "dialogue.district.field.endsOn")
        let member = try await StaffMember.query(on: request.db).filter(\.$staffNumber == liaison.staffNumber).first()
        let name = member?.name ?? liaison.staffNumber.rawValue
        var term: LiaisonTerm?
        if let start, let end {
            let others = try await DistrictLiaison.query(on: request.db).filter(\.$district.$id == liaison.$district.id)
                .filter(\.$staffNumber == liaison.staffNumber).filter(\.$id != liaison.requireID()).all().map(\.term)
            let changed = LiaisonTerm(start: start, end: end)
            if Self.checkTerm(changed, others: others, name: name, validation: &validation) { term = changed }
        }
        guard validation.isValid, let term else {
            return try await liaisonPage(request, district: liaison.district, liaison: liaison, input: input, validation: validation)
        }
        liaison.startsOn = term.start
        liaison.endsOn = term.end
        try await request.db.writeTransaction { database in
            try await liaison.save(on: database)
            try await request.audit(.update, subjectType: "district_liaison", subjectID: liaison.staffNumber,
                                    detail: "\(liaison.district.nameJa) \(term.start.iso)〜\(term.end.iso)", on: database)
        }
        request.flash(.success, request.t("dialogue.district.termChanged", name, DistrictText.term(term, request.localizer)))
        return request.redirect(to: DistrictRoute.district(.id(liaison.$district.id)).path)
    }

    /// The liaison assignment the URL names, with its district.
    static func liaison(_ request: Request) async throws -> DistrictLiaison {
        guard let id = request.parameters.get("liaisonID").flatMap(UUID.init(uuidString:)),
              let liaison = try await DistrictLiaison.query(on: request.db).filter(\.$id == id).with(\.$district).first()
        else { throw Abort(.notFound) }
        return liaison
    }

    /// Names the term's problem beside its field; true when the term is fine.
    static func checkTerm(_ term: LiaisonTerm, others: [LiaisonTerm], name: String, validation: inout FormValidation) -> Bool {
        let localizer = validation.request.localizer
        switch term.problem(otherTermsOfTheSamePerson: others) {
        case nil:
            return true
        case .endsBeforeStart:
            validation.fail("ends_on", "dialogue.district.termEndsBeforeStart", localizer.t("dialogue.district.field.endsOn"), localizer.date(term.start))
        case .overlaps(let clash):
            validation.fail("starts_on", "dialogue.district.termOverlaps", name, DistrictText.term(clash, localizer))
        }
        return false
    }

    /// The form that assigns a liaison (`liaison` nil) or changes one's term.
    private func liaisonPage(_ request: Request, district: District, liaison: DistrictLiaison?, input: [String: String],
                             validation: FormValidation) async throws -> Response {
        let districtID = try district.requireID()
        let rule = LiaisonTermRule.standard
        let standardHint = request.t("dialogue.district.field.endsOn.hint", String(rule.length(of: .manager)), String(rule.length(of: .supervisor)),
                                     String(rule.length(of: .junior)))
        var fields: [FormField] = []
        let title: String
        var arguments = [request.text(district.name)]
        let action: String
        if let liaison {
            let member = try await StaffMember.query(on: request.db).filter(\.$staffNumber == liaison.staffNumber).first()
            title = "dialogue.district.changeTermTitle"
            arguments = [member?.name ?? liaison.staffNumber.rawValue, request.text(district.name)]
            action = DistrictRoute.liaison(.id(try liaison.requireID())).path
        } else {
            title = "dialogue.district.assignTitle"
            action = DistrictRoute.newLiaison(.id(districtID)).path
            fields.append(FormField(request: request, name: "staff_number", labelKey: "dialogue.district.field.staffNumber", value: input["staff_number"] ?? "",
                                    hintKey: "dialogue.district.field.staffNumber.hint", isRequired: true, maxLength: 20))
        }
        fields.append(FormField(request: request, name: "starts_on", labelKey: "dialogue.district.field.startsOn", value: input["starts_on"] ?? "",
                                hintKey: "form.dateHint", isRequired: true, maxLength: 20))
        fields.append(FormField(request: request, name: "ends_on", labelKey: "dialogue.district.field.endsOn", value: input["ends_on"] ?? "",
                                hint: liaison == nil ? standardHint : request.t("form.dateHint"), isRequired: liaison != nil, maxLength: 20))
        var form = FormModel(request: request, action: action, submitLabelKey: liaison == nil ? "dialogue.district.assign" : "form.save", fields: fields)
        form.apply(validation, request: request)
        return try await request.renderPage(
            "platform/form-page", title: title, titleArguments: arguments,
            breadcrumbs: DistrictLoading.breadcrumbs(request, district: district, last: request.t(liaison == nil ? "dialogue.district.assignLiaison" : "dialogue.district.changeTerm")),
            content: FormContent(form: form), status: validation.isValid ? .ok : .unprocessableEntity)
    }

    // MARK: - Dialogue records

    @Sendable func showNewRecord(_ request: Request) async throws -> Response {
        let viewer = try await DistrictViewer.load(request)
        let district = try await Self.recordingDistrict(request, viewer: viewer)
        return try await recordPage(request, district: district, input: ["held_on": request.today.iso], validation: FormValidation(request: request))
    }

    @Sendable func createRecord(_ request: Request) async throws -> Response {
        let viewer = try await DistrictViewer.load(request)
        let district = try await Self.recordingDistrict(request, viewer: viewer)
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let heldOn = validation.date("held_on", input["held_on"], labelKey: "dialogue.district.field.heldOn")
        if let heldOn, heldOn > request.today {
            validation.fail("held_on", "dialogue.district.heldInFuture", request.t("dialogue.district.field.heldOn"), request.localizer.date(request.today))
        }
        let place = validation.text("place", input["place"], labelKey: "dialogue.district.field.place", maxLength: Self.placeMaxLength)
        var counts: [ParticipantGroup: Int] = [:]
        for group in ParticipantGroup.allCases {
            let name = Self.countField(group)
            let typed = (input[name] ?? "").trimmingCharacters(in: .whitespaces)
            guard !typed.isEmpty else { continue }
            if let count = validation.integer(name, typed, range: ParticipantCounts.perGroup, messageKey: "dialogue.district.countRange",
                                              labelKey: "dialogue.district.group.\(group.rawValue)") {
                counts[group] = count
            }
        }
        let participants = ParticipantCounts(counts)
        if validation.isValid, participants.problem == .nobody {
            validation.fail(Self.countField(ParticipantGroup.allCases[0]), "dialogue.district.nobody")
        }
        let topics = validation.text("topics", input["topics"], labelKey: "dialogue.district.field.topics", maxLength: Self.topicsMaxLength)
        guard validation.isValid, let heldOn else {
            return try await recordPage(request, district: district, input: input, validation: validation)
        }
        let record = DistrictDialogueRecord(id: UUID(), districtID: try district.requireID(), heldOn: heldOn, place: place, topics: topics,
                                            recordedBy: viewer.staffNumber, recordedAt: request.now)
        let recordID = try record.requireID()
        try await request.db.writeTransaction { database in
            try await record.create(on: database)
            try await participants.groups.map { DistrictDialogueParticipants(recordID: recordID, group: $0.group, headCount: $0.count) }.create(on: database)
            try await request.audit(.create, subjectType: "district_dialogue_record", subjectID: recordID.uuidString.lowercased(),
                                    detail: "\(district.nameJa) \(heldOn.iso) \(participants.total)", on: database)
        }
        request.flash(.success, request.t("dialogue.district.recordSaved", request.localizer.date(heldOn), String(participants.total)))
        return request.redirect(to: DistrictRoute.district(.id(try district.requireID())).path)
    }

    static func countField(_ group: ParticipantGroup) -> String { "count_\(group.rawValue)" }

    /// The district the URL names, when the reader is its liaison today (404 for anyone else: HR
    /// and the promotion team read the records, the liaisons write them).
    static func recordingDistrict(_ request: Request, viewer: DistrictViewer) async throws -> District {
        let district = try await DistrictLoading.district(request, viewer: viewer)
        guard viewer.mayRecord(in: try district.requireID()) else { throw Abort(.notFound) }
        return district
    }

    private func recordPage(_ request: Request, district: District, input: [String: String], validation: FormValidation) async throws -> Response {
        var fields = [
            FormField(request: request, name: "held_on", labelKey: "dialogue.district.field.heldOn", value: input["held_on"] ?? "",
                      hintKey: "form.dateHint", isRequired: true, maxLength: 20),
            FormField(request: request, name: "place", labelKey: "dialogue.district.field.place", value: input["place"] ?? "",
                      hintKey: "dialogue.district.field.place.hint", isRequired: true, maxLength: Self.placeMaxLength),
        ]
        for group in ParticipantGroup.allCases {
            let name = Self.countField(group)
            fields.append(FormField(request: request, name: name, labelKey: "dialogue.district.group.\(group.rawValue)", value: input[name] ?? "",
                                    hintKey: group == ParticipantGroup.allCases[0] ? "dialogue.district.countHint" : nil, maxLength: 4))
        }
        fields.append(FormField(request: request, name: "topics", labelKey: "dialogue.district.field.topics", kind: .textarea, value: input["topics"] ?? "",
                                hintKey: "dialogue.district.field.topics.hint", isRequired: true, maxLength: Self.topicsMaxLength))
        var form = FormModel(request: request, action: DistrictRoute.newRecord(.id(try district.requireID())).path,
                             submitLabelKey: "dialogue.district.saveRecord", fields: fields)
        form.apply(validation, request: request)
        return try await request.renderPage(
            "platform/form-page", title: "dialogue.district.newRecordTitle", titleArguments: [request.text(district.name)],
            breadcrumbs: DistrictLoading.breadcrumbs(request, district: district, last: request.t("dialogue.district.newRecord")),
            content: FormContent(form: form), status: validation.isValid ? .ok : .unprocessableEntity)
    }
}

/// Districts come from the organization: one for each citizen center (a unit of kind center that
/// names the district it serves).
enum DistrictSetup {
    /// This year's centers that have no district yet, by code.
    static func centersWithoutDistrict(tree: OrganizationTree, districts: [District]) -> [SectionRecord] {
        let taken = Set(districts.map(\.centerSectionCode))
        return tree.units.values.filter { $0.kind == .center && $0.district != nil && !taken.contains($0.code) }.sorted { $0.code < $1.code }
    }

    /// Creates the missing districts.
    static func createMissing(tree: OrganizationTree, on database: any Database) async throws -> [District] {
        let created = missing(tree: tree, existing: try await District.query(on: database).all())
        try await created.create(on: database)
        return created
    }

    /// The districts of the centers that have none, after the existing ones in the lists' order (not yet saved).
    static func missing(tree: OrganizationTree, existing: [District]) -> [District] {
        let next = (existing.map(\.position).max() ?? 0) + 1
        return centersWithoutDistrict(tree: tree, districts: existing).enumerated().map { index, center in
            District(id: UUID(), nameJa: center.district ?? center.nameJa, nameEn: englishName(of: center), centerSectionCode: center.code,
                     position: next + index)
        }
    }

    /// 「Chuo District Citizen Center」 serves the Chuo District.
    static func englishName(of center: SectionRecord) -> String {
        let suffix = " Citizen Center"
        return center.nameEn.hasSuffix(suffix) ? String(center.nameEn.dropLast(suffix.count)) : center.nameEn
    }
}

extension DistrictDialogueRecord {
    var facts: DialogueRecordFacts { DialogueRecordFacts(district: $district.id.uuidString.lowercased(), heldOn: heldOn) }
}
