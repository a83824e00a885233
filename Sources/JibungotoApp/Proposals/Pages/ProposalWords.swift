import Foundation
import JibungotoDomain

/// The words the proposal pages share: states, categories, numbers, section names, and every
/// refusal of the domain's rules as the sentence a page shows.
enum ProposalWords {
    static func state(_ state: ProposalState, _ localizer: Localizer) -> String {
        localizer.t("proposals.state.\(state.rawValue)")
    }

    static func category(_ category: ProposalCategory, _ localizer: Localizer) -> String {
        localizer.t("proposals.category.\(category.rawValue)")
    }

    static func actor(_ actor: ProposalActor, _ localizer: Localizer) -> String {
        localizer.t("proposals.actor.\(actor.rawValue)")
    }

    /// 「令和8年度 第12号」; a draft has no number yet.
    static func number(_ proposal: Proposal, _ localizer: Localizer) -> String {
        guard let year = proposal.fiscalYear, let number = proposal.number else { return localizer.t("proposals.noNumber") }
        return localizer.t("proposals.numberValue", localizer.fiscalYear(year), String(number))
    }

    /// A section by its full path in `tree` (部 課 係), or its code when the tree lacks it.
    static func section(_ code: SectionCode?, tree: OrganizationTree, _ localizer: Localizer) -> String {
        guard let code else { return localizer.t("proposals.noSection") }
        let path = tree.path(to: code)
        return path.isEmpty ? code.rawValue : path.map { localizer.text($0.localizedName) }.joined(separator: " ")
    }

    static func person(_ number: StaffNumber, _ staff: [StaffNumber: StaffMember]) -> String {
        staff[number]?.name ?? number.rawValue
    }

    /// A rate between 0 and 1 as a percentage with one decimal; a dash when there is none.
    static func rate(_ rate: Double?, _ localizer: Localizer) -> String {
        guard let rate else { return localizer.t("proposals.figures.noRate") }
        return localizer.t("proposals.figures.percent", String(format: "%.1f", rate * 100))
    }

    static func call(_ call: ProposalCall, _ localizer: Localizer) -> String {
        call.kind == .themed ? localizer.t("proposals.call.themedLabel", call.title) : localizer.t("proposals.call.yearRoundLabel", call.title)
    }

    static func window(_ call: ProposalCall, _ localizer: Localizer) -> String {
        localizer.t("proposals.dateRange", localizer.date(call.opensOn), localizer.date(call.closesOn))
    }

    /// - Parameter names: the names of the co-authors a refusal names.
    static func refusal(_ refusal: ProposalRefusal, names: [StaffNumber: StaffMember], _ localizer: Localizer) -> String {
        switch refusal {
        case .notAllowed(let from, let to, let next):
            guard !next.isEmpty else { return localizer.t("proposals.refusal.final", state(from, localizer), state(to, localizer)) }
            return localizer.t("proposals.refusal.notAllowed", state(from, localizer), state(to, localizer),
                               next.map { localizer.t("proposals.quoted", state($0, localizer)) }.joined(separator: localizer.t("proposals.listSeparator")))
        case .notYours(let required): return localizer.t("proposals.refusal.notYours", actor(required, localizer))
        case .coAuthorsUnconfirmed(let numbers):
            return localizer.t("proposals.refusal.coAuthorsUnconfirmed", numbers.map { person($0, names) }.joined(separator: localizer.t("proposals.listSeparator")))
        case .callClosed: return localizer.t("proposals.refusal.callClosed")
        case .revisionUnchanged: return localizer.t("proposals.refusal.revisionUnchanged")
        case .noReviewers: return localizer.t("proposals.refusal.noReviewers")
        case .answerMissing: return localizer.t("proposals.refusal.answerMissing")
        case .returnReasonMissing: return localizer.t("proposals.refusal.returnReasonMissing")
        case .answerNotPublished: return localizer.t("proposals.refusal.answerNotPublished")
        case .sectionMissing: return localizer.t("proposals.refusal.sectionMissing")
        case .dateMissing: return localizer.t("proposals.refusal.dateMissing")
        case .dateInFuture(let today): return localizer.t("proposals.refusal.dateInFuture", localizer.date(today))
        case .dateBeforeStart(let start): return localizer.t("proposals.refusal.dateBeforeStart", localizer.date(start))
        }
    }

    static func publicationRefusal(_ refusal: ProposalPublication.Refusal, _ localizer: Localizer) -> String {
        switch refusal {
        case .noOutcome: localizer.t("proposals.publish.noOutcome")
        case .alreadyPublished: localizer.t("proposals.publish.already")
        }
    }

    static func reviewRefusal(_ refusal: ProposalReviewRefusal, _ localizer: Localizer) -> String {
        switch refusal {
        case .ownProposal: localizer.t("proposals.review.refusal.ownProposal")
        case .alreadyAssigned: localizer.t("proposals.review.refusal.alreadyAssigned")
        case .notInReview(let state): localizer.t("proposals.review.refusal.notInReview", ProposalWords.state(state, localizer))
        case .notAssigned: localizer.t("proposals.review.refusal.notAssigned")
        }
    }

    static func reactionRefusal(_ refusal: ProposalReactionRefusal, _ localizer: Localizer) -> String {
        switch refusal {
        case .ownProposal: localizer.t("proposals.reaction.ownProposal")
        case .alreadyMarked: localizer.t("proposals.reaction.alreadyMarked")
        case .notMarked: localizer.t("proposals.reaction.notMarked")
        case .notAuthor: localizer.t("proposals.reaction.notAuthor")
        case .alreadyAnswered: localizer.t("proposals.reaction.alreadyAnswered")
        case .draft: localizer.t("proposals.reaction.draft")
        }
    }
}
