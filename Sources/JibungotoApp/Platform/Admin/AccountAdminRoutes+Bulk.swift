import Fluent
import Foundation
import JibungotoDomain
import Vapor

/// Accounts for many staff at once, with initial passwords printed once, and the closing of
/// leavers' accounts.
extension AccountAdminRoutes {
    static let maximumListSize: ByteCount = "2mb"

    /// Whom a bulk creation is for.
    enum BulkSource: String, CaseIterable {
        /// Everyone in the staff master who has no account and has not left.
        case master
        /// The staff numbers typed, pasted or uploaded.
        case list
    }

    struct BulkForm: Content {
        var source: String?
        var staff_numbers: String?
        var file: File?
    }

    struct BulkContent: Encodable, Sendable {
        let form: FormModel
    }

    @Sendable func showBulk(_ request: Request) async throws -> Response {
        try await bulkPage(request, input: BulkForm(source: BulkSource.master.rawValue), validation: FormValidation(request: request))
    }

    /// Creates the accounts and answers with the printable list of initial passwords. The list
    /// is this response only: the passwords are stored nowhere but as hashes, so no later page
    /// can show them again.
    @Sendable func createBulk(_ request: Request) async throws -> Response {
        let input = try request.content.decode(BulkForm.self)
        var validation = FormValidation(request: request)
        let source = BulkSource(rawValue: input.source ?? "")
        if source == nil { validation.fail("source", "form.invalidChoice", request.t("admin.accounts.bulk.source")) }
        var listed: [StaffNumber] = []
        if source == .list {
            var text = input.staff_numbers ?? ""
            if let file = input.file, file.data.readableBytes > 0 {
                switch CSVText.decode(Data(buffer: file.data), encoding: .auto) {
                case .success(let decoded): text += "\n" + decoded.text
                case .failure: validation.fail("file", "admin.accounts.bulk.fileUnreadable")
                }
            }
            listed = StaffNumberList.parse(text, normalise: StaffNumber.normalise).map { StaffNumber($0) }
            if listed.isEmpty && validation.isValid { validation.fail("staff_numbers", "admin.accounts.bulk.listRequired") }
        }
        guard validation.isValid, let source else {
            return try await bulkPage(request, input: input, validation: validation)
        }
        let entries = try await AccountLifecycle.masterEntries(for: source == .list ? listed : nil, today: request.today, on: request.db)
        let unknown = listed.filter { entries[$0] == nil }
        if !unknown.isEmpty {
            validation.fail("staff_numbers", "admin.accounts.bulk.unknown",
                            String(unknown.count), unknown.prefix(20).map(\.rawValue).joined(separator: "、"))
            return try await bulkPage(request, input: input, validation: validation)
        }
        // Everything the printed list needs is read first: once the accounts are made, this
        // response is the only place their passwords ever appear.
        let organization = try await request.currentOrganization()
        let outcome = try await AccountLifecycle.createAccounts(for: entries, request: request)
        let response = try await request.renderPage(
            "platform/admin-accounts-printed",
            title: "admin.accounts.printed.title",
            breadcrumbs: breadcrumbs(request) + [Breadcrumb(label: request.t("admin.accounts.printed.title"), href: nil)],
            content: PrintedPasswordsPage.build(
                outcome: outcome,
                organization: organization,
                madeOn: request.today,
                localizer: request.localizer
            )
        )
        // Nothing may keep a copy of the passwords: not the browser's cache, not a proxy.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func deactivateLeavers(_ request: Request) async throws -> Response {
        let today = request.today
        let outcome = try await request.db.writeTransaction { database in
            try await AccountLifecycle.followStaffMaster(on: database, today: today, request: request)
        }
        if outcome.deactivated.isEmpty {
            request.flash(.info, request.t("admin.accounts.leavers.none"))
        } else {
            request.flash(.success, request.t("admin.accounts.leavers.done", count: outcome.deactivated.count, String(outcome.deactivated.count),
                                              outcome.deactivated.map(\.rawValue).joined(separator: "、")))
        }
        return request.redirect(to: AdminRoute.accounts.path)
    }

    private func bulkPage(_ request: Request, input: BulkForm, validation: FormValidation) async throws -> Response {
        var form = FormModel(request: request, action: AdminRoute.bulkAccounts.path, submitLabelKey: "admin.accounts.bulk.submit", fields: [
            FormField(request: request, name: "source", labelKey: "admin.accounts.bulk.source", kind: .radios,
                      options: BulkSource.allCases.map {
                          FormOption(value: $0.rawValue, label: request.t("admin.accounts.bulk.source.\($0.rawValue)"),
                                     isSelected: $0.rawValue == input.source, fieldName: "source")
                      }, isRequired: true),
            FormField(request: request, name: "staff_numbers", labelKey: "admin.accounts.bulk.staffNumbers", kind: .textarea,
                      value: input.staff_numbers ?? "", hintKey: "admin.accounts.bulk.staffNumbersHint"),
            FormField(request: request, name: "file", labelKey: "admin.accounts.bulk.file", kind: .file, hintKey: "admin.accounts.bulk.fileHint"),
        ])
        form.apply(validation, request: request)
        return try await request.renderPage(
            "platform/admin-accounts-bulk",
            title: "admin.accounts.bulk.title",
            breadcrumbs: breadcrumbs(request) + [Breadcrumb(label: request.t("admin.accounts.bulk.title"), href: nil)],
            content: BulkContent(form: form),
            status: validation.isValid ? .ok : .unprocessableEntity
        )
    }
}
