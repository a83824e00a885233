import Foundation
import JibungotoDomain

/// A reviewer's desk: the proposals assigned to them, pending or evaluated, with due dates and
/// counts (HR's review readers may see everyone's).
enum ProposalDeskPage {
    struct Content: Encodable, Sendable {
        let intro: String
        let counts: [Count]
        let filters: [FilterLink]
        let whoLinks: [FilterLink]
        let showsReviewer: Bool
        let rows: [Row]
        let empty: String
    }

    struct Count: Encodable, Sendable {
        let label: String
        let value: String
    }

    struct FilterLink: Encodable, Sendable {
        let label: String
        let href: String
        let isCurrent: Bool
    }

    struct Row: Encodable, Sendable {
        let number: String
        let title: String
        let href: String
        let state: String
        let reviewer: String?
        let due: String
        let isOverdue: Bool
        let status: String
    }

    /// - Parameter reviews: the assignments with their proposals loaded.
    static func build(reviews: [ProposalReview], filter: ProposalReviewDesk.Filter, everyone: Bool, readsAll: Bool,
                      staff: [StaffNumber: StaffMember], today: LocalDate, localizer: Localizer) -> Content {
        let assignments = reviews.map { ($0, $0.assignment(state: $0.proposal.state)) }
        let counts = ProposalReviewDesk.counts(assignments.map { $0.1 }, today: today)
        func query(show: ProposalReviewDesk.Filter, all: Bool) -> [(String, String)] {
            [("show", show.rawValue), ("who", all ? "all" : "")]
        }
        let shown = assignments.filter { filter.admits($0.1) }
            .sorted { ($0.1.dueOn, $0.0.proposal.number ?? 0) < ($1.1.dueOn, $1.0.proposal.number ?? 0) }
        return Content(
            intro: localizer.t(everyone ? "proposals.desk.introAll" : "proposals.desk.intro"),
            counts: [
                Count(label: localizer.t("proposals.desk.pending"), value: String(counts.pending)),
                Count(label: localizer.t("proposals.desk.overdue"), value: String(counts.overdue)),
                Count(label: localizer.t("proposals.desk.evaluated"), value: String(counts.evaluated)),
                Count(label: localizer.t("proposals.desk.all"), value: String(counts.all)),
            ],
            filters: ProposalReviewDesk.Filter.allCases.map { option in
                FilterLink(label: localizer.t("proposals.desk.\(option.rawValue)"), href: ProposalRoute.desk.path(query: query(show: option, all: everyone)),
                           isCurrent: option == filter)
            },
            whoLinks: readsAll ? [false, true].map { all in
                FilterLink(label: localizer.t(all ? "proposals.desk.everyone" : "proposals.desk.mine"),
                           href: ProposalRoute.desk.path(query: query(show: filter, all: all)), isCurrent: all == everyone)
            } : [],
            showsReviewer: everyone,
            rows: shown.map { review, assignment in
                Row(number: ProposalWords.number(review.proposal, localizer), title: review.proposal.title,
                    href: ProposalRoute.proposal(.id(review.$proposal.id)).path,
                    state: ProposalWords.state(review.proposal.state, localizer),
                    reviewer: everyone ? ProposalWords.person(review.reviewerStaffNumber, staff) : nil,
                    due: localizer.date(assignment.dueOn), isOverdue: assignment.isOverdue(today: today),
                    status: ProposalPage.reviewStatus(review, today: today, localizer))
            },
            empty: localizer.t("proposals.desk.empty.\(filter.rawValue)"))
    }
}
