import Fluent
import JibungotoDomain
import Vapor

/// Calls for proposals (募集): the list for everyone, and a new call for the office — year-round or
/// themed for a period, who may submit, whether staff read proposals before review, whether answers
/// are published to all, and the reviewers' criteria.
struct ProposalCallRoutes {
    static let titleMaxLength = 100
    static let themeMaxLength = 2_000
    static let defaultCriteria = ["効果", "実現可能性", "独創性", "費用対効果"]

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, ProposalRoute.calls, requires: .permission(.submitProposals), shows: .nothing, use: list)
        routes.on(.GET, ProposalRoute.newCall, requires: .permission(.manageProposals), shows: .nothing, use: showNew)
        routes.on(.POST, ProposalRoute.newCall, requires: .permission(.manageProposals), shows: .nothing, use: create)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let since = FiscalYear(startYear: request.today.fiscalYear.startYear - 2).start
        let calls = try await ProposalCall.query(on: request.db).filter(\.$closesOn >= since).sort(\.$opensOn, .descending).all()
        return try await request.renderPage(
            "proposals/calls", title: "proposals.calls.title",
            breadcrumbs: ProposalLoading.breadcrumbs(request, last: request.t("proposals.calls.title")),
            content: ProposalCallsPage.build(calls: calls, reader: reader, tree: try await request.currentOrganization(), today: request.today,
                                             localizer: request.localizer))
    }

    struct CallForm: Content {
        var title: String?, kind: String?, theme: String?, opens_on: String?, closes_on: String?, criteria: String?
        var audience: [String]?
        var settings: [String]?

        var values: [String: String] {
            let pairs: [(String, String?)] = [("title", title), ("kind", kind), ("theme", theme), ("opens_on", opens_on), ("closes_on", closes_on), ("criteria", criteria)]
            return Dictionary(uniqueKeysWithValues: pairs.compactMap { key, value in value.map { (key, $0) } })
        }
    }

    @Sendable func showNew(_ request: Request) async throws -> Response {
        let window = ProposalCallRules.yearRoundWindow(today: request.today)
        return try await formPage(request, form: CallForm(kind: ProposalCallKind.yearRound.rawValue, opens_on: window.opens.iso, closes_on: window.closes.iso,
                                                          criteria: Self.defaultCriteria.joined(separator: "\n"), settings: ["open_before_review", "answers_to_all"]),
                                  validation: FormValidation(request: request))
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let form = try request.content.decode(CallForm.self)
        let input = form.values
        var validation = FormValidation(request: request)
        let tree = try await request.currentOrganization()
        let title = validation.text("title", input["title"], labelKey: "proposals.call.field.title", maxLength: Self.titleMaxLength)
        let kind = ProposalCallKind(rawValue: input["kind"] ?? "")
        if kind == nil { validation.fail("kind", "form.required", request.t("proposals.call.field.kind")) }
        let theme = validation.text("theme", input["theme"], labelKey: "proposals.call.field.theme", required: kind == .themed, maxLength: Self.themeMaxLength)
        var opens: LocalDate?, closes: LocalDate?
        if kind == .yearRound {
            let window = ProposalCallRules.yearRoundWindow(today: request.today)
            opens = window.opens
            closes = window.closes
        } else {
            opens = validation.date("opens_on", input["opens_on"], labelKey: "proposals.call.field.opensOn")
            closes = validation.date("closes_on", input["closes_on"], labelKey: "proposals.call.field.closesOn")
        }
        if let opens, let closes {
            for problem in ProposalCallRules.problems(opens: opens, closes: closes, today: request.today) {
                switch problem {
                case .closesBeforeOpening: validation.fail("closes_on", "proposals.call.closesBeforeOpening", request.localizer.date(opens))
                case .alreadyClosed: validation.fail("closes_on", "proposals.call.alreadyClosed", request.localizer.date(request.today))
                }
            }
        }
        let criteriaText = validation.text("criteria", input["criteria"], labelKey: "proposals.call.field.criteria", maxLength: 1_000)
        let criteria = ProposalReviewRules.criteria(from: criteriaText)
        if criteria.count > ProposalReviewRules.criteriaLimit {
            validation.fail("criteria", "proposals.call.tooManyCriteria", String(ProposalReviewRules.criteriaLimit))
        }
        let audience = (form.audience ?? []).map { SectionCode($0) }
        if audience.contains(where: { tree.units[$0]?.kind != .department }) {
            validation.fail("audience", "form.invalidChoice", request.t("proposals.call.field.audience"))
        }
        let settings = Set(form.settings ?? [])
        guard validation.isValid, let kind, let opens, let closes else {
            return try await formPage(request, form: form, validation: validation)
        }
        let call = ProposalCall(
            title: title, kind: kind, theme: kind == .themed ? theme : "", opensOn: opens, closesOn: closes, audience: audience.sorted(),
            openToStaffBeforeReview: settings.contains("open_before_review"), answersPublishedToAll: settings.contains("answers_to_all"),
            criteria: criteria, createdBy: try request.requireUser().staffNumber, createdAt: request.now)
        try await request.db.writeTransaction { database in
            try await call.create(on: database)
            try await request.audit(.create, subjectType: "proposal_call", subjectID: try call.requireID().uuidString.lowercased(), detail: title, on: database)
        }
        request.flash(.success, request.t("proposals.call.created", title))
        return request.redirect(to: ProposalRoute.calls.path)
    }

    private func formPage(_ request: Request, form input: CallForm, validation: FormValidation) async throws -> Response {
        let values = input.values
        let tree = try await request.currentOrganization()
        let kind = values["kind"] ?? ""
        let audience = input.audience ?? []
        let settings = input.settings ?? []
        func field(_ name: String, _ labelKey: String, kind: FormField.Kind = .text, hintKey: String? = nil, required: Bool = false, max: Int) -> FormField {
            FormField(request: request, name: name, labelKey: labelKey, kind: kind, value: values[name] ?? "", hintKey: hintKey, isRequired: required, maxLength: max)
        }
        var form = FormModel(request: request, action: ProposalRoute.newCall.path, submitLabelKey: "proposals.call.create", fields: [
            field("title", "proposals.call.field.title", hintKey: "proposals.call.field.title.hint", required: true, max: Self.titleMaxLength),
            FormField(request: request, name: "kind", labelKey: "proposals.call.field.kind", kind: .radios, options: ProposalCallKind.allCases.map {
                FormOption(value: $0.rawValue, label: request.t("proposals.call.kind.\($0.rawValue)"), isSelected: kind == $0.rawValue, fieldName: "kind")
            }, hintKey: "proposals.call.field.kind.hint", isRequired: true),
            field("theme", "proposals.call.field.theme", kind: .textarea, hintKey: "proposals.call.field.theme.hint", max: Self.themeMaxLength),
            field("opens_on", "proposals.call.field.opensOn", hintKey: "proposals.call.field.window.hint", max: 20),
            field("closes_on", "proposals.call.field.closesOn", hintKey: "form.dateHint", max: 20),
            FormField(request: request, name: "audience", labelKey: "proposals.call.field.audience", kind: .checkboxes,
                      options: tree.roots.compactMap { tree.units[$0] }.filter { $0.kind == .department }.map { unit in
                          FormOption(value: unit.code.rawValue, label: request.text(unit.localizedName), isSelected: audience.contains(unit.code.rawValue), fieldName: "audience")
                      }, hintKey: "proposals.call.field.audience.hint"),
            FormField(request: request, name: "settings", labelKey: "proposals.call.field.settings", kind: .checkboxes,
                      options: ["open_before_review", "answers_to_all"].map {
                          FormOption(value: $0, label: request.t("proposals.call.setting.\($0)"), isSelected: settings.contains($0), fieldName: "settings")
                      }),
            field("criteria", "proposals.call.field.criteria", kind: .textarea, hintKey: "proposals.call.field.criteria.hint", required: true, max: 1_000),
        ])
        form.apply(validation, request: request)
        return try await request.renderPage(
            "platform/form-page", title: "proposals.calls.new",
            breadcrumbs: [Breadcrumb(label: request.t("proposals.title"), href: ProposalRoute.list.path),
                          Breadcrumb(label: request.t("proposals.calls.title"), href: ProposalRoute.calls.path),
                          Breadcrumb(label: request.t("proposals.calls.new"), href: nil)],
            content: FormOnlyContent(form: form), status: validation.isValid ? .ok : .unprocessableEntity)
    }
}

/// The calls for proposals of this and the two fiscal years before: their theme, window, who may
/// submit, what staff see, the criteria, and the way to propose to those open to the reader.
enum ProposalCallsPage {
    struct Content: Encodable, Sendable {
        let intro: String
        let newCallHref: String?
        let calls: [Call]
    }

    struct Call: Encodable, Sendable {
        let title: String
        let kind: String
        let theme: String?
        let window: String
        let isOpen: Bool
        let audience: String
        let settings: [String]
        let criteria: String
        let proposeHref: String?
    }

    static func build(calls: [ProposalCall], reader: ProposalReader, tree: OrganizationTree, today: LocalDate, localizer: Localizer) -> Content {
        Content(
            intro: localizer.t("proposals.calls.intro"),
            newCallHref: reader.isSecretariat ? ProposalRoute.newCall.path : nil,
            calls: calls.map { call in
                let audience = call.audience.map { ProposalWords.section($0, tree: tree, localizer) }
                return Call(
                    title: call.title, kind: localizer.t("proposals.call.kind.\(call.kind.rawValue)"), theme: call.theme.isEmpty ? nil : call.theme,
                    window: ProposalWords.window(call, localizer), isOpen: call.accepts(today: today),
                    audience: audience.isEmpty ? localizer.t("proposals.call.allStaff") : audience.joined(separator: localizer.t("proposals.listSeparator")),
                    settings: [
                        localizer.t(call.openToStaffBeforeReview ? "proposals.call.openBeforeReview" : "proposals.call.closedBeforeReview"),
                        localizer.t(call.answersPublishedToAll ? "proposals.call.answersToAll" : "proposals.call.answersToAuthors"),
                    ],
                    criteria: call.criteriaList.joined(separator: localizer.t("proposals.listSeparator")),
                    proposeHref: reader.maySubmit(to: call, today: today)
                        ? ProposalRoute.new.path(query: [("call", call.id?.uuidString.lowercased() ?? "")]) : nil)
            })
    }
}
