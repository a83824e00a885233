import Vapor

/// Writes the audit row a route promised when it was registered (`shows: .viewed/.exported`):
/// every successful response of such a route leaves one, whether or not its handler remembered.
/// A handler that records its own, richer row (with counts or filters) is not recorded twice.
struct PersonalDataAuditMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        guard let declared = request.route?.userInfo[PersonalData.userInfoKey] as? PersonalData,
              (200..<300).contains(response.status.code),
              !request.recordedPersonalDataAudit
        else { return response }
        let parameters = request.route?.path.compactMap { component -> String? in
            guard case .parameter(let name) = component else { return nil }
            return request.parameters.get(name)
        } ?? []
        let subjectID = parameters.isEmpty ? nil : parameters.joined(separator: "/")
        let detail = request.url.query ?? ""
        switch declared {
        case .nothing:
            break
        case .viewed(let subject):
            try await request.audit(.view, subjectType: subject, subjectID: subjectID, detail: detail)
        case .exported(let subject):
            try await request.audit(.export, subjectType: subject, subjectID: subjectID, detail: detail)
        }
        return response
    }
}

extension Request {
    private struct PersonalDataAuditKey: StorageKey { typealias Value = Bool }

    /// True once this request wrote a view or export audit row.
    var recordedPersonalDataAudit: Bool {
        get { storage[PersonalDataAuditKey.self] ?? false }
        set { storage[PersonalDataAuditKey.self] = newValue }
    }
}
