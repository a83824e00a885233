import JibungotoDomain

/// What changed between the previous optimal solution and the current one: people and figures.
enum ScenarioChangesPage {
    struct Content: Encodable, Sendable {
        let hasPrevious: Bool
        let rows: [ChangeRow]
        let figures: [FigureRow]
    }

    struct ChangeRow: Encodable, Sendable {
        let staffNumber: StaffNumber
        let name: String
        let href: String
        let before: String
        let after: String
    }

    struct FigureRow: Encodable, Sendable {
        let label: String
        let before: String
        let after: String
    }

    /// The people whose placement differs between the two solutions, by staff number.
    static func changedStaffNumbers(previous: StoredSolution, current: StoredSolution) -> [StaffNumber] {
        ScenarioComparison.differingStaff(previous.placements, current.placements)
    }

    /// - Parameters:
    ///   - numbers: the people who changed (`changedStaffNumbers`).
    ///   - names: 職員番号 → name of those people.
    ///   - label: a placement for people (nil: not on the movers' list).
    static func build(
        parameter: RouteParameter, previous: StoredSolution, current: StoredSolution, numbers: [StaffNumber], names: [StaffNumber: String],
        label: (SeatPool?) -> String, localizer: Localizer
    ) -> Content {
        let rows = numbers.map { number in
            ChangeRow(staffNumber: number, name: names[number] ?? number.rawValue, href: RotationRoute.person(parameter, .staff(number)).path,
                      before: label(previous.placements[number]), after: label(current.placements[number]))
        }
        var figures: [FigureRow] = []
        if let a = previous.metrics.map(ScenarioListPage.MetricsView.init), let b = current.metrics.map(ScenarioListPage.MetricsView.init) {
            figures = zip(a.lines, b.lines).map { FigureRow(label: localizer.t($0.key), before: $0.value, after: $1.value) }
        }
        return Content(hasPrevious: true, rows: rows, figures: figures)
    }
}
