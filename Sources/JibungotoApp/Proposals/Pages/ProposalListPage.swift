import Foundation
import JibungotoDomain

/// The proposals home: the reader's own proposals (drafts and invitations among them), the fiscal
/// year's proposals they may read, and the module's other pages they may use.
enum ProposalListPage {
    struct Content: Encodable, Sendable {
        let intro: String
        let newHref: String?
        let mine: [Row]
        let yearTitle: String
        let years: [YearLink]
        let rows: [Row]
        let links: [Link]
    }

    struct Row: Encodable, Sendable {
        let number: String
        let title: String
        let href: String
        let category: String
        let state: String
        let lead: String?
        let empathies: String
        let comments: String
    }

    struct YearLink: Encodable, Sendable {
        let label: String
        let href: String
        let isCurrent: Bool
    }

    struct Link: Encodable, Sendable {
        let label: String
        let description: String
        let href: String
    }

    /// A proposal with what the row shows of it.
    struct Item: Sendable {
        let proposal: Proposal
        let viewer: ProposalViewer
        /// The lead author, in the year's list; nil in the reader's own.
        let lead: StaffMember?
        let empathies: Int
        let comments: Int
    }

    static func build(
        mine: [Item], ofYear: [Item], year: Int, years: [Int], canPropose: Bool, reportsImplementation: Bool, viewsFigures: Bool,
        managesCalls: Bool, localizer: Localizer
    ) -> Content {
        func row(_ item: Item) -> Row {
            let proposal = item.proposal
            let shown = ProposalVisibility.shownState(item.viewer, proposal.disclosure(in: proposal.call))
            return Row(
                number: ProposalWords.number(proposal, localizer), title: proposal.title,
                href: ProposalRoute.proposal(.id(proposal.id ?? UUID())).path,
                category: ProposalWords.category(proposal.category, localizer),
                state: item.viewer.isInvitedCoAuthor ? localizer.t("proposals.list.invited") : ProposalWords.state(shown, localizer),
                lead: item.lead.map(\.name), empathies: String(item.empathies), comments: String(item.comments))
        }
        var links = [
            Link(label: localizer.t("proposals.calls.title"), description: localizer.t("proposals.link.calls"), href: ProposalRoute.calls.path),
            Link(label: localizer.t("proposals.desk.title"), description: localizer.t("proposals.link.desk"), href: ProposalRoute.desk.path),
        ]
        if reportsImplementation {
            links.append(Link(label: localizer.t("proposals.requests.title"), description: localizer.t("proposals.link.requests"), href: ProposalRoute.requests.path))
        }
        if viewsFigures {
            links.append(Link(label: localizer.t("proposals.figures.title"), description: localizer.t("proposals.link.figures"), href: ProposalRoute.figures.path))
            links.append(Link(label: localizer.t("proposals.collection.title"), description: localizer.t("proposals.link.collection"), href: ProposalRoute.collection.path))
        }
        if managesCalls {
            links.append(Link(label: localizer.t("proposals.calls.new"), description: localizer.t("proposals.link.newCall"), href: ProposalRoute.newCall.path))
        }
        return Content(
            intro: localizer.t("proposals.list.intro"),
            newHref: canPropose ? ProposalRoute.new.path : nil,
            mine: mine.map(row),
            yearTitle: localizer.t("proposals.list.year", localizer.fiscalYear(year)),
            years: years.map { YearLink(label: localizer.fiscalYear($0), href: ProposalRoute.list.path(query: [("fy", String($0))]), isCurrent: $0 == year) },
            rows: ofYear.map(row),
            links: links)
    }
}
