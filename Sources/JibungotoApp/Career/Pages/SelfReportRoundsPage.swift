import Fluent
import Foundation
import JibungotoDomain

/// The list of self-report rounds, newest first, with HR's form to open one.
enum SelfReportRoundsPage {
    struct Content: Encodable, Sendable {
        let rounds: [Row]
        let form: FormModel?
    }

    struct Row: Encodable, Sendable {
        let title: String
        let period: String
        let href: String
        let isOpen: Bool
    }

    /// `form` is given to those who may open a round (the handler builds and validates it).
    static func build(cycles: [SelfReportCycle], form: FormModel?, today: LocalDate, localizer: Localizer) throws -> Content {
        let rounds = try cycles.map { cycle in
            Row(title: cycle.title, period: cycle.periodText(localizer),
                href: CareerRoute.cycle(.id(try cycle.requireID())).path, isOpen: cycle.round.isOpen(today: today))
        }
        return Content(rounds: rounds, form: form)
    }
}
