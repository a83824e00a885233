import Fluent
import JibungotoDomain
import Vapor

/// HR uploads a payroll-system CSV, reads the dry run, then applies it (all or nothing).
struct ImportRoutes {
    static let maximumFileSize: ByteCount = "32mb"

    func register(on routes: any RoutesBuilder) {
        let access = Access.permission(.manageOrganization)
        routes.on(.GET, OrganizationRoute.importUpload, requires: access, shows: .nothing, use: showUpload)
        routes.on(.POST, OrganizationRoute.importUpload, requires: access, shows: .nothing, maxBodySize: Self.maximumFileSize, use: upload)
        routes.on(.GET, OrganizationRoute.importBatch(.pattern), requires: access, shows: .viewed(subject: "import_batch"), use: showBatch)
        routes.on(.POST, OrganizationRoute.importApply(.pattern), requires: access, shows: .nothing, use: apply)
        routes.on(.GET, OrganizationRoute.importIssues(.pattern), requires: access, shows: .exported(subject: "import_batch"), use: downloadIssues)
        for kind in ImportKind.allCases {
            routes.on(.GET, OrganizationRoute.importTemplate(kind), requires: access, shows: .nothing, use: { request in
                try CSVResponse.make(filename: "\(kind.rawValue)-template.csv", header: kind.templateHeader, rows: [], request: request)
            })
        }
        routes.on(.GET, OrganizationRoute.importMapping, requires: access, shows: .nothing, use: showMapping)
        routes.on(.POST, OrganizationRoute.importMapping, requires: access, shows: .nothing, use: saveMapping)
    }

    private func breadcrumbs(_ request: Request, _ extra: [Breadcrumb] = []) -> [Breadcrumb] {
        [Breadcrumb(label: request.t("staff.title"), href: OrganizationRoute.staffList.path),
         Breadcrumb(label: request.t("import.title"), href: extra.isEmpty ? nil : OrganizationRoute.importUpload.path)] + extra
    }

    // MARK: - Upload

    struct UploadContent: Encodable, Sendable {
        let form: FormModel
        let mappingHref: String
        let templates: [TemplateLink]
    }

    /// An empty file with the header row the importer reads, per kind of file.
    struct TemplateLink: Encodable, Sendable {
        let label: String
        let columns: String
        let href: String
    }

    struct UploadForm: Content {
        var kind: String?
        var encoding: String?
        var file: File?
    }

    @Sendable func showUpload(_ request: Request) async throws -> Response {
        try await uploadPage(request, input: UploadForm(kind: ImportKind.staff.rawValue, encoding: CSVTextEncoding.auto.rawValue), validation: FormValidation(request: request))
    }

    @Sendable func upload(_ request: Request) async throws -> Response {
        let input = try request.content.decode(UploadForm.self)
        var validation = FormValidation(request: request)
        let kind = ImportKind(rawValue: input.kind ?? "")
        let encoding = CSVTextEncoding(rawValue: input.encoding ?? "")
        if kind == nil { validation.fail("kind", "form.invalidChoice", request.t("import.kind")) }
        if encoding == nil { validation.fail("encoding", "form.invalidChoice", request.t("import.encoding")) }
        let file = input.file.flatMap { $0.data.readableBytes > 0 ? $0 : nil }
        if file == nil { validation.fail("file", "import.fileRequired") }
        guard validation.isValid, let kind, let encoding, let file else {
            return try await uploadPage(request, input: input, validation: validation)
        }
        let batch = ImportBatch()
        batch.kind = kind
        batch.filename = String(file.filename.prefix(200))
        batch.encoding = encoding.rawValue
        batch.content = Data(buffer: file.data)
        batch.uploadedBy = try request.requireUser().staffNumber.rawValue
        batch.uploadedAt = Date()
        try await batch.create(on: request.db)
        return request.redirect(to: OrganizationRoute.importBatch(.id(try batch.requireID())).path)
    }

    private func uploadPage(_ request: Request, input: UploadForm, validation: FormValidation) async throws -> Response {
        var form = FormModel(request: request, action: OrganizationRoute.importUpload.path, submitLabelKey: "import.dryRun", fields: [
            FormField(request: request, name: "kind", labelKey: "import.kind", kind: .radios, options: ImportKind.allCases.map {
                FormOption(value: $0.rawValue, label: request.t("import.kind.\($0.rawValue)"), isSelected: $0.rawValue == input.kind, fieldName: "kind")
            }, isRequired: true),
            FormField(request: request, name: "file", labelKey: "import.file", kind: .file, hintKey: "import.fileHint", isRequired: true),
            FormField(request: request, name: "encoding", labelKey: "import.encoding", kind: .select, value: input.encoding ?? "", options: CSVTextEncoding.allCases.map {
                FormOption(value: $0.rawValue, label: request.t("import.encoding.\($0.rawValue)"), isSelected: $0.rawValue == input.encoding, fieldName: "encoding")
            }),
        ])
        form.apply(validation, request: request)
        return try await request.renderPage("organization/import-upload", title: "import.title", breadcrumbs: breadcrumbs(request),
                                            content: UploadContent(form: form, mappingHref: OrganizationRoute.importMapping.path, templates: ImportKind.allCases.map {
                                                TemplateLink(label: request.t("import.template", request.t("import.kind.\($0.rawValue)")),
                                                             columns: $0.templateHeader.joined(separator: "、"),
                                                             href: OrganizationRoute.importTemplate($0).path)
                                            }),
                                            status: validation.isValid ? .ok : .unprocessableEntity)
    }

    // MARK: - Dry run and apply

    @Sendable func showBatch(_ request: Request) async throws -> Response {
        let batch = try await findBatch(request)
        let report = try await OrganizationImporter.dryRun(kind: batch.kind, data: batch.content, encoding: encoding(of: batch), on: request.db)
        return try await reportPage(request, batch: batch, report: report)
    }

    @Sendable func apply(_ request: Request) async throws -> Response {
        let batch = try await findBatch(request)
        guard batch.appliedAt == nil else { return request.redirect(to: OrganizationRoute.importBatch(.id(try batch.requireID())).path) }
        do {
            let report = try await OrganizationImporter.apply(kind: batch.kind, data: batch.content, encoding: encoding(of: batch), today: request.today, on: request.db)
            batch.appliedAt = Date()
            try await batch.save(on: request.db)
            try await request.audit(.update, subjectType: "import_\(batch.kind)", subjectID: batch.filename,
                                    detail: "add=\(report.toAdd) change=\(report.toChange) unchanged=\(report.unchanged)")
            request.flash(.success, request.t("import.applied", String(report.toAdd), String(report.toChange), String(report.unchanged)))
            return request.redirect(to: OrganizationRoute.staffList.path)
        } catch OrganizationImporter.Failure.hasErrors(let report) {
            return try await reportPage(request, batch: batch, report: report, status: .unprocessableEntity)
        }
    }

    /// Every issue of the dry run as CSV (line, column, reason), for fixing the file in a spreadsheet.
    @Sendable func downloadIssues(_ request: Request) async throws -> Response {
        let batch = try await findBatch(request)
        let report = try await OrganizationImporter.dryRun(kind: batch.kind, data: batch.content, encoding: encoding(of: batch), on: request.db)
        try await request.audit(.export, subjectType: "import_batch", subjectID: batch.filename, detail: "issues=\(report.issues.count)")
        let table = ImportReportPage.issuesCSV(report, localizer: request.localizer)
        return try CSVResponse.make(filename: "import-errors.csv", header: table.header, rows: table.rows, request: request)
    }

    private func reportPage(_ request: Request, batch: ImportBatch, report: OrganizationImporter.Report, status: HTTPResponseStatus = .ok) async throws -> Response {
        try await request.renderPage(
            "organization/import-report", title: "import.reportTitle", titleArguments: [batch.filename],
            breadcrumbs: breadcrumbs(request, [Breadcrumb(label: batch.filename, href: nil)]),
            content: ImportReportPage.build(batch: batch, batchID: try batch.requireID(), report: report, csrfToken: request.csrfToken, localizer: request.localizer),
            status: status
        )
    }

    private func findBatch(_ request: Request) async throws -> ImportBatch {
        guard let id = request.parameters.get("batchID", as: UUID.self), let batch = try await ImportBatch.find(id, on: request.db) else {
            throw Abort(.notFound)
        }
        return batch
    }


    private func encoding(of batch: ImportBatch) -> CSVTextEncoding { CSVTextEncoding(rawValue: batch.encoding) ?? .auto }

    // MARK: - Header mapping

    struct MappingContent: Encodable, Sendable {
        let form: FormModel
    }

    @Sendable func showMapping(_ request: Request) async throws -> Response {
        var values: [String: String] = [:]
        for row in try await ImportHeaderMapping.query(on: request.db).all() {
            let key = "\(row.kind).\(row.field)"
            values[key] = values[key].map { $0 + "," + row.header } ?? row.header
        }
        return try await mappingPage(request, values: values, validation: FormValidation(request: request))
    }

    @Sendable func saveMapping(_ request: Request) async throws -> Response {
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        var rows: [ImportHeaderMapping] = []
        var seen: [String: String] = [:]
        for (kind, field) in Self.mappableFields {
            let name = "\(kind.rawValue).\(field.key)"
            let text = validation.text(name, input[name], labelKey: field.labelKey, required: false, maxLength: 300)
            for header in text.split(whereSeparator: { $0 == "," || $0 == "、" }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !header.isEmpty {
                let seenKey = "\(kind.rawValue)|\(header)"
                if let other = seen[seenKey], other != field.key {
                    validation.fail(name, "import.mappingDuplicate", header)
                }
                seen[seenKey] = field.key
                rows.append(ImportHeaderMapping(kind: kind, header: header, field: field.key))
            }
        }
        guard validation.isValid else {
            return try await mappingPage(request, values: input, validation: validation)
        }
        let replacement = rows
        try await request.db.writeTransaction { database in
            try await ImportHeaderMapping.query(on: database).delete()
            try await replacement.create(on: database)
        }
        try await request.audit(.update, subjectType: "import_mapping", detail: "rows=\(rows.count)")
        request.flash(.success, request.t("import.mappingSaved"))
        return request.redirect(to: OrganizationRoute.importMapping.path)
    }

    /// Every field a header can map to, with the catalog key of its label.
    static var mappableFields: [(ImportKind, (key: String, labelKey: String, defaults: [String]))] {
        StaffField.allCases.map { (ImportKind.staff, ($0.rawValue, "import.field.staff.\($0.rawValue)", $0.defaultHeaders)) }
            + AssignmentField.allCases.map { (ImportKind.assignments, ($0.rawValue, "import.field.assignments.\($0.rawValue)", $0.defaultHeaders)) }
    }

    private func mappingPage(_ request: Request, values: [String: String], validation: FormValidation) async throws -> Response {
        let fields = Self.mappableFields.map { kind, field in
            FormField(request: request, name: "\(kind.rawValue).\(field.key)", labelKey: field.labelKey,
                      value: values["\(kind.rawValue).\(field.key)"] ?? "",
                      hint: request.t("import.mappingDefaults", request.t("import.kind.\(kind.rawValue)"), field.defaults.joined(separator: "、")),
                      maxLength: 300)
        }
        var form = FormModel(request: request, action: OrganizationRoute.importMapping.path, submitLabelKey: "form.save", fields: fields)
        form.apply(validation, request: request)
        return try await request.renderPage("organization/import-mapping", title: "import.mappingTitle",
                                            breadcrumbs: breadcrumbs(request, [Breadcrumb(label: request.t("import.mappingTitle"), href: nil)]),
                                            content: MappingContent(form: form),
                                            status: validation.isValid ? .ok : .unprocessableEntity)
    }
}
