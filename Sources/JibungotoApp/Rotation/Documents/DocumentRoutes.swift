import Fluent
import JibungotoDomain
import Vapor

/// The printable documents of an approved scenario: the transfer list, the 内示書 and the
/// 辞令, on the print layout (no navigation). A draft's pages say that nothing is printed
/// before approval; a person who does not move has no letter (404).
struct DocumentRoutes {
    func register(on routes: any RoutesBuilder) {
        let access = Access.permission(.planRotation)
        routes.on(.GET, DocumentRoute.index(.pattern), requires: access, shows: .viewed(subject: "rotation_documents"), use: index)
        routes.on(.GET, DocumentRoute.transferList(.pattern), requires: access, shows: .viewed(subject: "rotation_transfer_list"), use: transferList)
        routes.on(.GET, DocumentRoute.notices(.pattern), requires: access, shows: .viewed(subject: "rotation_notice"), use: notices)
        routes.on(.GET, DocumentRoute.notice(.pattern, .pattern), requires: access, shows: .viewed(subject: "rotation_notice"), use: notice)
        routes.on(.GET, DocumentRoute.appointments(.pattern), requires: access, shows: .viewed(subject: "rotation_appointment"), use: appointments)
        routes.on(.GET, DocumentRoute.appointment(.pattern, .pattern), requires: access, shows: .viewed(subject: "rotation_appointment"), use: appointment)
    }

    @Sendable func index(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        var documents: TransferDocuments?
        if scenario.isApproved { documents = try await TransferDocuments.load(scenario, on: request.db) }
        return try await request.renderPage(
            "rotation/documents/index", title: "documents.title", titleArguments: [scenario.name],
            breadcrumbs: ScenarioRoutes.breadcrumbs(request, scenario: scenario) + [Breadcrumb(label: request.t("documents.link"), href: nil)],
            content: try TransferDocumentsIndexPage.build(scenario: scenario, documents: documents, localizer: request.localizer))
    }

    @Sendable func transferList(_ request: Request) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        guard scenario.isApproved else { return try await index(request) }
        let documents = try await TransferDocuments.load(scenario, on: request.db)
        try await request.audit(.view, subjectType: "rotation_transfer_list", subjectID: scenario.name, detail: "rows=\(documents.moves.count)")
        return try await request.renderPage(
            "rotation/documents/transfer-list", title: "documents.transferListTitle", titleArguments: [request.localizer.date(scenario.transferDate)],
            content: TransferListPage.build(
                documents: documents, municipality: request.application.jibungotoSettings.municipalityName,
                backHref: DocumentRoute.index(.id(try scenario.requireID())).path, today: request.today, localizer: request.localizer))
    }

    @Sendable func notices(_ request: Request) async throws -> Response {
        try await letters(request, kind: .notice, only: nil)
    }

    @Sendable func notice(_ request: Request) async throws -> Response {
        try await letters(request, kind: .notice, only: try staffNumber(request))
    }

    @Sendable func appointments(_ request: Request) async throws -> Response {
        try await letters(request, kind: .appointment, only: nil)
    }

    @Sendable func appointment(_ request: Request) async throws -> Response {
        try await letters(request, kind: .appointment, only: try staffNumber(request))
    }

    private func staffNumber(_ request: Request) throws -> StaffNumber {
        StaffNumber.typed(try request.parameters.require("staffNumber"))
    }

    /// Every mover's letter, or one person's (`only`).
    private func letters(_ request: Request, kind: TransferLetterPage.Kind, only: StaffNumber?) async throws -> Response {
        let scenario = try await ScenarioRoutes.find(request)
        guard scenario.isApproved else { return try await index(request) }
        let documents = try await TransferDocuments.load(scenario, on: request.db)
        let moves = only.map { number in documents.moves.filter { $0.staffNumber == number } } ?? documents.moves
        if only != nil && moves.isEmpty { throw Abort(.notFound) }
        let subject = kind == .notice ? "rotation_notice" : "rotation_appointment"
        if let only {
            try await request.audit(.view, subjectType: subject, subjectID: only)
        } else {
            try await request.audit(.view, subjectType: subject, subjectID: scenario.name, detail: "rows=\(moves.count)")
        }
        let settings = request.application.jibungotoSettings
        return try await request.renderPage(
            "rotation/documents/letters", title: kind == .notice ? "documents.noticesTitle" : "documents.appointmentsTitle",
            titleArguments: [only == nil ? scenario.name : (moves.first?.name ?? "")],
            content: TransferLetterPage.build(
                kind: kind, moves: moves, documents: documents, municipality: settings.municipalityName, mayorTitle: settings.mayorTitle,
                backHref: DocumentRoute.index(.id(try scenario.requireID())).path, today: request.today, localizer: request.localizer))
    }
}
