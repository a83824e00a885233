import JibungotoDomain

/// Two scenarios of one transfer date: the figures side by side and the people placed
/// differently, each with the placement and its reasons in both.
enum ScenarioComparisonPage {
    struct Content: Encodable, Sendable {
        let listHref: String
        var firstName: String?
        var secondName: String?
        var transferDate: String?
        /// Why there is no comparison (none chosen, different dates, not solved).
        var message: String?
        var isCompared = false
        var figures: [FigureRow] = []
        var rows: [Row] = []

        init(listHref: String) { self.listHref = listHref }
    }

    struct FigureRow: Encodable, Sendable {
        let label: String
        let first: String
        let second: String
    }

    /// One person's placement in one scenario, with the reasons for it.
    struct Side: Encodable, Sendable {
        let placement: String
        let reasons: String
    }

    struct Row: Encodable, Sendable {
        let staffNumber: StaffNumber
        let name: String
        let href: String
        let first: Side
        let second: Side
    }
}
