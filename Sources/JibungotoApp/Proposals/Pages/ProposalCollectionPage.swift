import Foundation
import JibungotoDomain

/// The year's collection of proposals (提案集), one proposal per printed A4 page: its text as last
/// submitted, its authors, and its answer once published (an outcome not yet published shows as 審査中).
enum ProposalCollectionPage {
    struct Content: Encodable, Sendable {
        let heading: String
        let printHint: String
        let summary: [ProposalFiguresPage.Figure]
        let proposals: [Entry]
        let empty: String
    }

    struct Entry: Encodable, Sendable {
        let number: String
        let title: String
        let facts: [ProposalPage.Fact]
        let sections: [ProposalPage.Fact]
        let answer: ProposalPage.Fact?
    }

    static func build(
        proposals: [Proposal], latest: [UUID: ProposalVersion], authors: [UUID: [StaffNumber]], staff: [StaffNumber: StaffMember],
        year: Int, facts: [ProposalFigureFacts], tree: OrganizationTree, localizer: Localizer
    ) -> Content {
        Content(
            heading: localizer.t("proposals.collection.heading", localizer.fiscalYear(year)),
            printHint: localizer.t("proposals.collection.printHint"),
            summary: [
                .init(label: localizer.t("proposals.figures.submitted"), value: String(ProposalFigures.submitted(facts, fiscalYear: year))),
                .init(label: localizer.t("proposals.figures.adopted"), value: String(ProposalFigures.adopted(facts, fiscalYear: year))),
                .init(label: localizer.t("proposals.figures.rate"), value: ProposalWords.rate(ProposalFigures.adoptionRate(facts, fiscalYear: year), localizer)),
                .init(label: localizer.t("proposals.figures.implemented"), value: String(ProposalFigures.implemented(facts, fiscalYear: year))),
            ],
            proposals: proposals.map { proposal in
                let id = proposal.id ?? UUID()
                let text = latest[id]?.text ?? proposal.text
                // What all staff would see were the answer published to them: the collection shows published outcomes only.
                let shown = ProposalVisibility.shownState(ProposalViewer(), ProposalDisclosure(
                    state: proposal.state, answerPublished: proposal.answerPublished, openToStaffBeforeReview: true, answersPublishedToAll: true))
                var entryFacts = [
                    ProposalPage.Fact(label: localizer.t("proposals.field.authors"),
                                      value: (authors[id] ?? [proposal.leadStaffNumber]).map { ProposalWords.person($0, staff) }.joined(separator: localizer.t("proposals.listSeparator"))),
                    ProposalPage.Fact(label: localizer.t("proposals.field.section"), value: ProposalWords.section(proposal.sectionCode, tree: tree, localizer)),
                    ProposalPage.Fact(label: localizer.t("proposals.field.category"), value: ProposalWords.category(proposal.category, localizer)),
                    ProposalPage.Fact(label: localizer.t("proposals.field.submittedOn"), value: proposal.submittedOn.map(localizer.date) ?? ""),
                    ProposalPage.Fact(label: localizer.t("proposals.field.state"), value: ProposalWords.state(shown, localizer)),
                ]
                if !text.relatedMeasure.isEmpty {
                    entryFacts.append(ProposalPage.Fact(label: localizer.t("proposals.field.relatedMeasure"), value: text.relatedMeasure))
                }
                return Entry(
                    number: ProposalWords.number(proposal, localizer), title: text.title, facts: entryFacts,
                    sections: [
                        ProposalPage.Fact(label: localizer.t("proposals.field.problem"), value: text.problem),
                        ProposalPage.Fact(label: localizer.t("proposals.field.proposal"), value: text.proposal),
                        ProposalPage.Fact(label: localizer.t("proposals.field.expectedEffect"), value: text.expectedEffect),
                        ProposalPage.Fact(label: localizer.t("proposals.field.estimatedCost"),
                                          value: text.estimatedCost.isEmpty ? localizer.t("proposals.notStated") : text.estimatedCost),
                    ],
                    answer: proposal.answerPublished ? ProposalPage.Fact(
                        label: localizer.t("proposals.collection.answer", ProposalWords.state(proposal.outcome ?? proposal.state, localizer)),
                        value: proposal.answer ?? "") : nil)
            },
            empty: localizer.t("proposals.collection.empty"))
    }
}
