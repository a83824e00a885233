import JibungotoDomain

/// A scenario's movers' list with the reasons each is on it, and the forms that edit it.
enum ScenarioMoversPage {
    struct Content: Encodable, Sendable {
        let rows: [MoverRow]
        let pagination: Pagination
        let filter: FormModel
        let addForm: FormModel?
        let proposeAction: String?
        let removeAction: String?
        let csrfToken: String
        let errors: [String]
    }

    struct MoverRow: Encodable, Sendable {
        let staffNumber: StaffNumber
        let name: String
        let href: String
        let section: String
        let post: String
        let reasons: String
        let mustMove: Bool
    }

    /// One mover as loaded: the list's entry with the person's name, section and post today.
    struct Entry: Sendable {
        let mover: Mover
        let name: String
        let section: String
        let post: String
    }

    /// - Parameter addForm: the form that adds a mover (nil for an approved scenario).
    static func build(
        scenario: RotationScenario, parameter: RouteParameter, entries: [Entry], pagination: Pagination, filter: FormModel, addForm: FormModel?,
        errors: [String], csrfToken: String, localizer: Localizer
    ) -> Content {
        let draft = !scenario.isApproved
        return Content(
            rows: entries.map { entry in
                MoverRow(staffNumber: entry.mover.staffNumber, name: entry.name,
                         href: RotationRoute.person(parameter, .staff(entry.mover.staffNumber)).path,
                         section: entry.section, post: localizer.text(StaffListValues.post(entry.post)), reasons: MoverReasonWords.text(entry.mover.reasons, localizer: localizer), mustMove: entry.mover.mustMove)
            },
            pagination: pagination, filter: filter, addForm: addForm,
            proposeAction: draft ? RotationRoute.moversPropose(parameter).path : nil,
            removeAction: draft ? RotationRoute.moverRemove(parameter).path : nil,
            csrfToken: csrfToken, errors: errors)
    }
}
