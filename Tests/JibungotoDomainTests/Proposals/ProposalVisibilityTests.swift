import Testing

@testable import JibungotoDomain

@Suite("Proposals: who sees a proposal, its answer and its reviews")
struct ProposalVisibilityTests {
    static let lead = ProposalViewer(isLead: true)
    static let coAuthor = ProposalViewer(isCoAuthor: true)
    static let invited = ProposalViewer(isInvitedCoAuthor: true)
    static let staff = ProposalViewer()
    static let office = ProposalViewer(isSecretariat: true, readsAllReviews: true, isResponsibleSection: true)
    static let reviewer = ProposalViewer(isReviewer: true)
    static let section = ProposalViewer(isResponsibleSection: true)
    /// HR who co-wrote the proposal: an author first.
    static let officeCoAuthor = ProposalViewer(isCoAuthor: true, isSecretariat: true, readsAllReviews: true)

    static func proposal(_ state: ProposalState, published: Bool = false, openBeforeReview: Bool = true, toAll: Bool = true) -> ProposalDisclosure {
        ProposalDisclosure(state: state, answerPublished: published, openToStaffBeforeReview: openBeforeReview, answersPublishedToAll: toAll)
    }

    @Test("a draft is its authors' only, even for the office")
    func drafts() {
        let draft = Self.proposal(.draft)
        #expect(ProposalVisibility.sees(Self.lead, draft) && ProposalVisibility.sees(Self.invited, draft) && ProposalVisibility.sees(Self.coAuthor, draft))
        #expect(!ProposalVisibility.sees(Self.staff, draft) && !ProposalVisibility.sees(Self.office, draft) && !ProposalVisibility.sees(Self.reviewer, draft))
    }

    @Test("the call decides whether staff read proposals before review and whether answers reach them")
    func callSettings() {
        #expect(ProposalVisibility.sees(Self.staff, Self.proposal(.submitted, openBeforeReview: true)))
        #expect(!ProposalVisibility.sees(Self.staff, Self.proposal(.underReview, openBeforeReview: false)))
        #expect(!ProposalVisibility.sees(Self.staff, Self.proposal(.adopted, published: false, openBeforeReview: false)), "an unpublished outcome")
        #expect(ProposalVisibility.sees(Self.staff, Self.proposal(.adopted, published: true, openBeforeReview: false, toAll: true)))
        #expect(!ProposalVisibility.sees(Self.staff, Self.proposal(.adopted, published: true, openBeforeReview: false, toAll: false)),
                "answers to the authors only")
        for viewer in [Self.office, Self.reviewer, Self.section] {
            #expect(ProposalVisibility.sees(viewer, Self.proposal(.underReview, openBeforeReview: false)))
        }
    }

    @Test("an unpublished outcome shows as 審査中 to authors and staff; the office and the reviewers read it")
    func unpublishedAnswers() {
        for state in [ProposalState.adopted, .partiallyAdopted, .rejected] {
            let unpublished = Self.proposal(state)
            for viewer in [Self.lead, Self.coAuthor, Self.staff, Self.officeCoAuthor] {
                #expect(!ProposalVisibility.seesAnswer(viewer, unpublished), "\(state.rawValue) as \(viewer)")
                #expect(ProposalVisibility.shownState(viewer, unpublished) == .underReview, "\(state.rawValue) as \(viewer)")
            }
            for viewer in [Self.office, Self.reviewer] {
                #expect(ProposalVisibility.seesAnswer(viewer, unpublished) && ProposalVisibility.shownState(viewer, unpublished) == state)
            }
            let published = Self.proposal(state, published: true)
            #expect(ProposalVisibility.shownState(Self.lead, published) == state && ProposalVisibility.seesAnswer(Self.coAuthor, published))
            #expect(ProposalVisibility.shownState(Self.staff, published) == state)
            let toAuthors = Self.proposal(state, published: true, toAll: false)
            #expect(ProposalVisibility.seesAnswer(Self.lead, toAuthors))
            #expect(!ProposalVisibility.seesAnswer(Self.staff, toAuthors) && ProposalVisibility.shownState(Self.staff, toAuthors) == .underReview)
        }
        // A 差し戻し is not an outcome: the authors see it at once, with what to change.
        #expect(ProposalVisibility.shownState(Self.lead, Self.proposal(.returned)) == .returned)
        // Later steps follow the published answer; to staff kept from it they stay 審査中.
        #expect(ProposalVisibility.shownState(Self.staff, Self.proposal(.implemented, published: true, toAll: false)) == .underReview)
        #expect(ProposalVisibility.shownState(Self.section, Self.proposal(.implementationRequested, published: true, toAll: false)) == .implementationRequested)
    }

    @Test("reviewers' scores and private notes never reach authors or other staff")
    func reviews() {
        #expect(ProposalVisibility.seesReviews(Self.office))
        #expect(ProposalVisibility.seesReviews(Self.reviewer))
        #expect(ProposalVisibility.seesReviews(ProposalViewer(readsAllReviews: true)))
        for viewer in [Self.lead, Self.coAuthor, Self.invited, Self.staff, Self.section, Self.officeCoAuthor] {
            #expect(!ProposalVisibility.seesReviews(viewer), "\(viewer)")
        }
    }

    @Test("capacities: the lead writes, the office acts unless it wrote the proposal, the section asked reports")
    func capacities() {
        #expect(Self.lead.actors == [.author])
        #expect(Self.coAuthor.actors.isEmpty, "co-authors confirm; the lead submits")
        #expect(Self.office.actors == [.secretariat, .responsibleSection])
        #expect(Self.officeCoAuthor.actors.isEmpty, "the office does not decide on its own proposal")
        #expect(Self.section.actors == [.responsibleSection])
        #expect(Self.staff.actors.isEmpty)
    }
}
