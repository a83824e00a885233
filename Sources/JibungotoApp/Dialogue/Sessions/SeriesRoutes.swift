import Fluent
import JibungotoDomain
import Vapor

/// Series grouping sessions (e.g. the six meetings of a year's study group): creating one
/// (organizers) and its page, its sessions numbered in order of their days.
struct SeriesRoutes {
    static let titleMaxLength = 100
    static let aboutMaxLength = 2_000

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, SessionRoute.newSeries, requires: .permission(.organizeDialogue), shows: .nothing, use: showNew)
        routes.on(.POST, SessionRoute.newSeries, requires: .permission(.organizeDialogue), shows: .nothing, use: create)
        routes.on(.GET, SessionRoute.series(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: show)
    }

    @Sendable func showNew(_ request: Request) async throws -> Response {
        try await newPage(request, input: [:], validation: nil)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let title = validation.text("title", input["title"], labelKey: "dialogue.session.series.field.title", maxLength: Self.titleMaxLength)
        let about = validation.text("about", input["about"], labelKey: "dialogue.session.series.field.about", required: false, maxLength: Self.aboutMaxLength)
        guard validation.isValid else { return try await newPage(request, input: input, validation: validation) }
        let series = DialogueSeries(title: title, about: about, createdBy: try request.requireUser().staffNumber, createdAt: request.now)
        try await request.db.writeTransaction { database in
            try await series.create(on: database)
            try await request.audit(.create, subjectType: "dialogue_series", subjectID: try series.requireID().uuidString.lowercased(), detail: title, on: database)
        }
        request.flash(.success, request.t("dialogue.session.series.created", title))
        return request.redirect(to: SessionRoute.series(.id(try series.requireID())).path)
    }

    private func newPage(_ request: Request, input: [String: String], validation: FormValidation?) async throws -> Response {
        var form = FormModel(request: request, action: SessionRoute.newSeries.path, submitLabelKey: "dialogue.session.series.create", fields: [
            FormField(request: request, name: "title", labelKey: "dialogue.session.series.field.title", value: input["title"] ?? "",
                      isRequired: true, maxLength: Self.titleMaxLength),
            FormField(request: request, name: "about", labelKey: "dialogue.session.series.field.about", kind: .textarea, value: input["about"] ?? "",
                      hintKey: "dialogue.session.series.field.about.hint", maxLength: Self.aboutMaxLength),
        ])
        if let validation { form.apply(validation, request: request) }
        return try await request.renderPage(
            "dialogue/session-form", title: "dialogue.session.series.new",
            breadcrumbs: DialogueLoading.breadcrumbs(request, [(request.t("dialogue.session.series.new"), nil)]),
            content: SessionFormPage.Content(intro: request.t("dialogue.session.series.newIntro"), facts: [], notes: [], form: form),
            status: validation?.isValid == false ? .unprocessableEntity : .ok)
    }

    /// The series with the sessions the reader may see, numbered among all of the series' sessions.
    @Sendable func show(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("seriesID").flatMap(UUID.init(uuidString:)),
              let series = try await DialogueSeries.find(id, on: request.db)
        else { throw Abort(.notFound) }
        let sessions = try await DialogueSession.query(on: request.db).filter(\.$series.$id == id).sort(\.$date).sort(\.$startMinute).all()
        var shown: [(number: Int, session: DialogueSession)] = []
        for (index, session) in sessions.enumerated() {
            if try await SessionContext.of(session, request: request).sees { shown.append((index + 1, session)) }
        }
        return try await request.renderPage(
            "dialogue/session-series", title: "dialogue.session.series.pageTitle", titleArguments: [series.title],
            breadcrumbs: DialogueLoading.breadcrumbs(request, [(series.title, nil)]),
            content: SeriesPage.build(series: series, sessions: shown, today: request.today, localizer: request.localizer))
    }
}
