import Testing

@testable import JibungotoDomain

@Suite("Proposals: the figures per fiscal year, on hand-made proposals")
struct ProposalFiguresTests {
    static func facts(_ year: Int?, _ department: SectionCode?, _ category: ProposalCategory, _ state: ProposalState,
                      outcome: ProposalState? = nil, published: Bool = false) -> ProposalFigureFacts {
        ProposalFigureFacts(fiscalYear: year, departmentCode: department, category: category, state: state, outcome: outcome, answerPublished: published)
    }

    /// Ten proposals of 2026 and two of 2025, and a draft: adopted ones at every later step, one
    /// adoption not yet published (not counted), a 差し戻し, and one with no department.
    static let proposals: [ProposalFigureFacts] = [
        facts(2026, "10", .workImprovement, .implemented, outcome: .adopted, published: true),
        facts(2026, "10", .workImprovement, .implementing, outcome: .partiallyAdopted, published: true),
        facts(2026, "10", .citizenService, .rejected, outcome: .rejected, published: true),
        facts(2026, "20", .citizenService, .implementationRequested, outcome: .adopted, published: true),
        facts(2026, "20", .workplace, .partiallyAdopted, outcome: .partiallyAdopted, published: true),
        facts(2026, "20", .workplace, .adopted, outcome: .adopted, published: false),
        facts(2026, "20", .community, .returned),
        facts(2026, "30", .community, .underReview),
        facts(2026, "30", .finance, .submitted),
        facts(2026, nil, .other, .received),
        facts(2025, "10", .workImprovement, .implemented, outcome: .adopted, published: true),
        facts(2025, "20", .citizenService, .rejected, outcome: .rejected, published: true),
        facts(nil, "10", .workImprovement, .draft),
    ]

    @Test("submitted, adopted (採用 and 一部採用, once published), adoption rate and implemented, per fiscal year")
    func headline() {
        #expect(ProposalFigures.submitted(Self.proposals, fiscalYear: 2026) == 10)
        #expect(ProposalFigures.adopted(Self.proposals, fiscalYear: 2026) == 4)
        #expect(ProposalFigures.adoptionRate(Self.proposals, fiscalYear: 2026) == 0.4)
        #expect(ProposalFigures.implemented(Self.proposals, fiscalYear: 2026) == 1)
        #expect(ProposalFigures.submitted(Self.proposals, fiscalYear: 2025) == 2)
        #expect(ProposalFigures.adopted(Self.proposals, fiscalYear: 2025) == 1)
        #expect(ProposalFigures.adoptionRate(Self.proposals, fiscalYear: 2025) == 0.5)
        #expect(ProposalFigures.implemented(Self.proposals, fiscalYear: 2025) == 1)
        #expect(ProposalFigures.submitted(Self.proposals, fiscalYear: 2024) == 0)
        #expect(ProposalFigures.adoptionRate(Self.proposals, fiscalYear: 2024) == nil, "no rate without proposals")
    }

    @Test("by department, in code order, the proposals without a department last")
    func byDepartment() {
        let rows = ProposalFigures.byDepartment(Self.proposals, fiscalYear: 2026)
        #expect(rows.map(\.key) == ["10", "20", "30", nil])
        #expect(rows.map(\.submitted) == [3, 4, 2, 1])
        #expect(rows.map(\.adopted) == [2, 2, 0, 0])
        #expect(rows.map(\.implemented) == [1, 0, 0, 0])
        #expect(rows.map(\.adoptionRate) == [2.0 / 3.0, 0.5, 0, 0])
        #expect(rows.map(\.submitted).reduce(0, +) == ProposalFigures.submitted(Self.proposals, fiscalYear: 2026), "the rows add up to the year")
    }

    @Test("by category, in the categories' order, those without proposals left out")
    func byCategory() {
        let rows = ProposalFigures.byCategory(Self.proposals, fiscalYear: 2026)
        #expect(rows.map(\.key) == [.workImprovement, .citizenService, .finance, .workplace, .community, .other])
        #expect(rows.map(\.submitted) == [2, 2, 1, 2, 2, 1])
        #expect(rows.map(\.adopted) == [2, 1, 0, 1, 0, 0])
        let lastYear = ProposalFigures.byCategory(Self.proposals, fiscalYear: 2025)
        #expect(lastYear.map(\.key) == [.workImprovement, .citizenService])
    }
}
