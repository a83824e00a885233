import JibungotoDomain

/// The 定数 of every section of the scenario's organization, editable for the scenario.
enum ScenarioCapacitiesPage {
    struct Content: Encodable, Sendable {
        let action: String?
        let csrfToken: String
        let rows: [CapacityRow]
        let errors: [String]
    }

    struct CapacityRow: Encodable, Sendable {
        let code: SectionCode
        let name: String
        let depth: Int
        let fieldName: String
        let fieldID: String
        let headcount: Int
        let value: String
        let error: String?
    }

    /// - Parameter errors: the planner's errors; each row's own error is listed after them.
    static func build(action: String?, rows: [CapacityRow], errors: [String], csrfToken: String) -> Content {
        Content(action: action, csrfToken: csrfToken, rows: rows, errors: errors + rows.compactMap(\.error))
    }
}
