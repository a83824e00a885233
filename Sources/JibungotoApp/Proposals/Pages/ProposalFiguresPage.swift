import Foundation
import JibungotoDomain

/// The proposal figures: the chosen fiscal year's headline (submitted, adopted, adoption rate,
/// implemented), the same across the years, and the year by department and by category.
enum ProposalFiguresPage {
    struct Content: Encodable, Sendable {
        let intro: String
        let year: String
        let years: [ProposalListPage.YearLink]
        let headline: [Figure]
        let trend: [Row]
        let byDepartment: [Row]
        let byCategory: [Row]
        let collectionHref: String
    }

    struct Figure: Encodable, Sendable {
        let label: String
        let value: String
    }

    struct Row: Encodable, Sendable {
        let label: String
        let submitted: String
        let adopted: String
        let rate: String
        let implemented: String
        let isCurrent: Bool
    }

    static func build(facts: [ProposalFigureFacts], year: Int, years: [Int], tree: OrganizationTree, localizer: Localizer) -> Content {
        let rate = ProposalWords.rate(ProposalFigures.adoptionRate(facts, fiscalYear: year), localizer)
        func row<Key: Hashable & Sendable>(_ label: String, _ figures: ProposalFigureRow<Key>) -> Row {
            Row(label: label, submitted: String(figures.submitted), adopted: String(figures.adopted),
                rate: ProposalWords.rate(figures.adoptionRate, localizer), implemented: String(figures.implemented), isCurrent: false)
        }
        return Content(
            intro: localizer.t("proposals.figures.intro"),
            year: localizer.fiscalYear(year),
            years: years.map { ProposalListPage.YearLink(label: localizer.fiscalYear($0), href: ProposalRoute.figures.path(query: [("fy", String($0))]), isCurrent: $0 == year) },
            headline: [
                Figure(label: localizer.t("proposals.figures.submitted"), value: String(ProposalFigures.submitted(facts, fiscalYear: year))),
                Figure(label: localizer.t("proposals.figures.adopted"), value: String(ProposalFigures.adopted(facts, fiscalYear: year))),
                Figure(label: localizer.t("proposals.figures.rate"), value: rate),
                Figure(label: localizer.t("proposals.figures.implemented"), value: String(ProposalFigures.implemented(facts, fiscalYear: year))),
            ],
            trend: years.map { other in
                Row(label: localizer.fiscalYear(other), submitted: String(ProposalFigures.submitted(facts, fiscalYear: other)),
                    adopted: String(ProposalFigures.adopted(facts, fiscalYear: other)),
                    rate: ProposalWords.rate(ProposalFigures.adoptionRate(facts, fiscalYear: other), localizer),
                    implemented: String(ProposalFigures.implemented(facts, fiscalYear: other)), isCurrent: other == year)
            },
            byDepartment: ProposalFigures.byDepartment(facts, fiscalYear: year).map { row(ProposalWords.section($0.key, tree: tree, localizer), $0) },
            byCategory: ProposalFigures.byCategory(facts, fiscalYear: year).map { row(ProposalWords.category($0.key, localizer), $0) },
            collectionHref: ProposalRoute.collection.path(query: [("fy", String(year))]))
    }
}
