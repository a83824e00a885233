import RotationSolver
import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

/// Each rule changes the answer the way it should, on hand-made cities.
@Suite("Rotation planner rules")
struct RotationRuleTests {
    /// A1: 5 years in 庶務係 (must move); seats open in 財政係 (same department) and 健康づくり係.
    func wishCity(rank: Int = 1) -> TinyCity {
        var city = TinyCity()
        city.add("A1", hired: "2005-04-01", [("1010", "主事", "2022-04-01")])
        city.open("1020", 1)
        city.open("3010", 1)
        city.wishes["A1"] = [RotationWish(rank: rank, sectionCode: "1020")]
        return city
    }

    @Test("a first wish wins over breadth; with no wish weight, breadth sends them to another department")
    func wishWeight() throws {
        let city = wishCity()
        let (model, result) = try city.solve()
        #expect(result.placements["A1"] == SeatPool(sectionCode: "1020", tier: 0))
        let row = try #require(RotationPlanner.explain(result, model: model).first)
        #expect(row.reasonText.ja == "在課5年・異動希望・第1希望")
        #expect(row.reasonText.en.contains("1st wish"))
        var rules = RotationRules()
        rules.weights.wishes = [0, 0, 0]
        let (_, other) = try city.solve(rules)
        #expect(other.placements["A1"]?.sectionCode == "3010")
    }

    @Test("breadth: a third wish (100) beats another department (60) until breadth weighs more")
    func breadth() throws {
        let city = wishCity(rank: 3)
        let (_, result) = try city.solve()
        #expect(result.placements["A1"]?.sectionCode == "1020")
        var rules = RotationRules()
        rules.weights.breadth = 150
        let (model, wide) = try city.solve(rules)
        #expect(wide.placements["A1"]?.sectionCode == "3010")
        let row = try #require(RotationPlanner.explain(wide, model: model).first)
        #expect(row.placementReasons.contains { $0.ja.hasPrefix("他部へ") })
        // The wish lost on score, not for lack of a seat.
        let answer = try #require(RotationPlanner.whyNotMyWish(staffNumber: "A1", wide, model: model).first)
        guard case .betterPlacement(let points) = answer.status else { Issue.record("\(answer.status)"); return }
        #expect(points == 50)
    }

    /// E8 (採用8年目, last chance) and E5 (採用5年目) without collaboration experience, one
    /// seat in a district center.
    func earlyCareerCity(e5Wish: Bool = false) -> TinyCity {
        var city = TinyCity()
        city.add("E8", hired: "2020-04-01", [("1020", "主事", "2020-04-01"), ("1010", "主事", "2024-04-01")])
        city.add("E5", hired: "2023-04-01", [("1010", "主事", "2023-04-01")])
        city.open("2010", 1)
        if e5Wish { city.wishes["E5"] = [RotationWish(rank: 1, sectionCode: "2010")] }
        return city
    }

    @Test("early-career urgency: the 8th-year staff member gets the only collaboration seat")
    func earlyCareerUrgency() throws {
        let city = earlyCareerCity()
        let movers = MoverSelection.propose(city.input)
        #expect(movers.map(\.staffNumber) == ["E8", "E5"])
        #expect(movers[0].reasons == [.earlyCareerWithoutCollaboration(yearOfService: 8, lastChance: true)])
        #expect(movers[0].reasonText.ja == "採用8年目・市民協働部署未経験（最終機会）")
        #expect(!movers[0].mustMove)
        let (model, result) = try city.solve()
        #expect(result.placements["E8"]?.sectionCode == "2010")
        #expect(result.placements["E5"]?.sectionCode == "1010")  // stays
        let rows = RotationPlanner.explain(result, model: model)
        #expect(rows[1].stays)
        // E5's best alternative is the full center; its seat went to E8.
        let alternative = try #require(rows[1].alternatives.first { $0.pool.sectionCode == "2010" })
        guard case .full(let occupants) = alternative.outcome else { Issue.record("\(alternative.outcome)"); return }
        #expect(occupants == ["E8"])
        #expect(alternative.text.ja.contains("職員E8"))

        // Without the urgency weights nobody takes the seat, and E8's deadline is reported as bent.
        var rules = RotationRules()
        rules.weights.collaborationPerYear = 0
        rules.weights.collaborationLastChance = 0
        let (flatModel, flat) = try city.solve(rules)
        #expect(flat.placements["E8"]?.sectionCode == "1010")
        let e8 = try #require(RotationPlanner.explain(flat, model: flatModel).first { $0.staffNumber == "E8" })
        #expect(e8.bentRules.map(\.kind) == [.earlyCareerDeadline])
        let metrics = RotationPlanner.metrics(flat, model: flatModel)
        #expect(metrics.earlyCareerMovers == 2 && metrics.earlyCareerPlacedInCollaboration == 0 && metrics.lastChanceMissed == 1)
    }

    @Test("the last chance outweighs a younger colleague's first wish; the hard mode forbids other posts")
    func lastChanceBeatsWish() throws {
        let city = earlyCareerCity(e5Wish: true)
        let (model, result) = try city.solve()
        #expect(result.placements["E8"]?.sectionCode == "2010")
        let answer = try #require(RotationPlanner.whyNotMyWish(staffNumber: "E5", result, model: model).first)
        guard case .lostToCompetition(let occupants, let extra) = answer.status else { Issue.record("\(answer.status)"); return }
        #expect(occupants == ["E8"] && extra >= 0)
        #expect(answer.text.ja.hasPrefix("第1希望（北地区市民センター）：満席"))

        var city2 = city
        city2.open("3010", 1)
        var hard = RotationRules()
        hard.earlyCareerDeadlineMode = .hard
        hard.weights.collaborationLastChance = 0
        hard.weights.collaborationPerYear = 0
        let (hardModel, _) = try city2.solve(hard)
        let e8 = try #require(hardModel.moverIndex["E8"])
        let allowed = hardModel.problem.pairs(ofStaff: e8).map { hardModel.pools[$0.section].sectionCode }
        #expect(Set(allowed) == ["2010", "1010"])  // the center, or stay
    }

    @Test("minimum years in post: not proposed before 3 years; HR can add them at a cost")
    func minYears() throws {
        var city = TinyCity()
        city.add("W", hired: "2010-04-01", [("1010", "主事", "2025-04-01")])
        city.wantsToMove = ["W"]
        city.open("3010", 1)
        #expect(MoverSelection.propose(city.input).isEmpty)
        var rules = RotationRules()
        rules.minYearsInPost = 2
        #expect(MoverSelection.propose(city.input, rules: rules) == [Mover(staffNumber: "W", reasons: [.wishedToMove])])
        let (model, result) = try city.solve(movers: [.addedByHR("W")])
        #expect(result.placements["W"]?.sectionCode == "3010")
        let row = try #require(RotationPlanner.explain(result, model: model).first)
        #expect(row.bentRules.map(\.kind) == [.minYearsInPost])
        #expect(row.bentRules.first?.cost == 250)
        #expect(row.bentRules.first?.text.ja == "在課3年未満で異動（在課2年）")
    }

    @Test("maximum years in post: 5 years must move, 4 do not (until the maximum is 4)")
    func maxYears() throws {
        var city = TinyCity()
        city.add("P4", hired: "2000-04-01", [("1010", "主事", "2023-04-01")])
        city.add("P5", hired: "2000-04-01", [("1020", "主事", "2022-04-01")])
        let movers = MoverSelection.propose(city.input)
        #expect(movers == [Mover(staffNumber: "P5", reasons: [.maxYearsInPost(years: 5)])])
        #expect(movers[0].mustMove)
        var rules = RotationRules()
        rules.maxYearsInPost = 4
        #expect(MoverSelection.propose(city.input, rules: rules).map(\.staffNumber) == ["P4", "P5"])
        // Each section is "no return" only for its own holder, so the two swap.
        let (_, result) = try city.solve(rules)
        #expect(result.placements["P4"]?.sectionCode == "1020")
        #expect(result.placements["P5"]?.sectionCode == "1010")
    }

    @Test("no return to the current and previous section; with depth 1 the previous one is allowed")
    func noReturn() throws {
        var city = TinyCity()
        city.add("R", hired: "2005-04-01", [("1020", "主事", "2017-04-01"), ("1010", "主事", "2022-04-01")])
        city.open("1020", 1)
        city.open("3010", 1)
        city.wishes["R"] = [RotationWish(rank: 1, sectionCode: "1020")]
        let (model, result) = try city.solve()
        #expect(result.placements["R"]?.sectionCode == "3010")
        let answer = try #require(RotationPlanner.whyNotMyWish(staffNumber: "R", result, model: model).first)
        guard case .forbidden(let blocks) = answer.status else { Issue.record("\(answer.status)"); return }
        #expect(blocks == [.noReturn])
        #expect(answer.text.ja == "第1希望（財政係）：直近の所属へは戻れない")
        let row = try #require(RotationPlanner.explain(result, model: model).first)
        #expect(row.alternatives.contains { if case .forbidden = $0.outcome { $0.pool.sectionCode == "1020" } else { false } })
        var rules = RotationRules()
        rules.noReturnRecentSections = 1
        let (_, back) = try city.solve(rules)
        #expect(back.placements["R"]?.sectionCode == "1020")
    }

    @Test("job type: a 保健師 cannot take an administrative post")
    func jobType() throws {
        var city = TinyCity()
        city.add("N", hired: "2005-04-01", jobType: "保健師", [("3010", "主事", "2022-04-01")])
        city.open("1020", 1)
        city.open("3020", 1)
        city.wishes["N"] = [RotationWish(rank: 1, sectionCode: "1020")]
        let (model, result) = try city.solve()
        #expect(result.placements["N"]?.sectionCode == "3020")
        let answer = try #require(RotationPlanner.whyNotMyWish(staffNumber: "N", result, model: model).first)
        guard case .forbidden(let blocks) = answer.status else { Issue.record("\(answer.status)"); return }
        #expect(blocks == [.jobType("保健師")])
    }

    @Test("pins: must not go to, must go to, stays")
    func pins() throws {
        var city = wishCity()
        city.open("2010", 1)
        city.pins["A1"] = [.mustNotGoTo("1020")]
        #expect(try city.solve().1.placements["A1"]?.sectionCode != "1020")
        city.pins["A1"] = [.mustGoTo("2010")]
        let (model, result) = try city.solve()
        #expect(result.placements["A1"]?.sectionCode == "2010")
        #expect(model.problem.pairs(ofStaff: 0).count == 1)
        #expect(RotationPlanner.explain(result, model: model)[0].placementReasons.first?.ja == "人事指定")
        city.pins["A1"] = [.stays]
        #expect(MoverSelection.propose(city.input).isEmpty)
        let (stayModel, _) = try city.solve()
        #expect(stayModel.movers.isEmpty)
        #expect(stayModel.stayers[SeatPool(sectionCode: "1010", tier: 0)] == ["A1"])
        // A pin adds the person to the movers even if HR removed them from the list.
        city.pins["A1"] = [.mustGoTo("3010")]
        let (pinned, placed) = try city.solve(movers: [])
        #expect(pinned.movers.map(\.staffNumber) == ["A1"])
        #expect(placed.placements["A1"]?.sectionCode == "3010")
    }

    /// M (課長, reaches 60 in FY2026) leaves the managerial post on 2027-04-01; S, his former
    /// subordinate in 庶務係, is now 係長 of 健康づくり係, which M wished for.
    func subordinateCity() -> TinyCity {
        var city = TinyCity()
        city.add("M", hired: "1990-04-01", born: "1967-03-01", [("100", "課長", "2022-04-01")])
        city.add("S", hired: "2010-04-01", [("1010", "主事", "2020-04-01"), ("3010", "係長", "2025-04-01")])
        city.open("3010", 1)
        city.open("2010", 1)
        city.wishes["M"] = [RotationWish(rank: 1, sectionCode: "3010")]
        return city
    }

    @Test("managerial age limit: proposed with 役職定年, placed in a member seat")
    func managerialLimit() throws {
        let city = subordinateCity()
        let movers = MoverSelection.propose(city.input)
        #expect(movers == [Mover(staffNumber: "M", reasons: [.maxYearsInPost(years: 5), .managerialAgeLimit(date: day("2027-04-01")), .wishedToMove])])
        #expect(movers[0].reasonText.ja == "在課5年・役職定年（2027-04-01）・異動希望")
        let (model, result) = try city.solve()
        #expect(result.placements["M"]?.tier == 0)
        // Default warning weight (500) outweighs the wish: M goes to the center.
        #expect(result.placements["M"]?.sectionCode == "2010")
        _ = model
    }

    @Test("subordinate rule: a warning is paid and reported, a hard rule forbids")
    func subordinateRule() throws {
        let city = subordinateCity()
        var warning = RotationRules()
        warning.weights.subordinate = 200
        let (model, result) = try city.solve(warning)
        #expect(result.placements["M"]?.sectionCode == "3010")
        let row = try #require(RotationPlanner.explain(result, model: model).first)
        #expect(row.bentRules.map(\.kind) == [.subordinate])
        #expect(row.bentRules[0].cost == 200)
        #expect(row.bentRules[0].text.ja == "元部下（職員S）の下に配置")

        var hard = warning
        hard.subordinateMode = .hard
        let (hardModel, hardResult) = try city.solve(hard)
        #expect(hardResult.placements["M"]?.sectionCode == "2010")
        let answer = try #require(RotationPlanner.whyNotMyWish(staffNumber: "M", hardResult, model: hardModel).first)
        guard case .forbidden(let blocks) = answer.status else { Issue.record("\(answer.status)"); return }
        #expect(blocks == [.subordinate(supervisors: ["S"])])
        let metrics = RotationPlanner.metrics(result, model: model)
        #expect(metrics.softRulesBent[.subordinate] == 1 && metrics.wishesMetByRank[1] == 1)
    }

    @Test("managers move to seats of their own tier")
    func managersSwap() throws {
        var city = TinyCity()
        city.add("K", hired: "1995-04-01", born: "1975-05-05", [("300", "課長", "2022-04-01")])
        city.add("L", hired: "1995-04-01", born: "1975-05-05", [("100", "課長", "2022-04-01")])
        city.open("1020", 1)
        let (model, result) = try city.solve()
        #expect(result.placements["K"] == SeatPool(sectionCode: "100", tier: 5))
        #expect(result.placements["L"] == SeatPool(sectionCode: "300", tier: 5))
        #expect(!model.pools.contains(SeatPool(sectionCode: "1020", tier: 5)))
    }

    @Test("staff who retire before the transfer leave their seat open")
    func retirementOpensSeat() throws {
        var city = TinyCity()
        city.add("A1", hired: "2005-04-01", [("1010", "主事", "2022-04-01")])
        city.add("OLD", hired: "1987-04-01", born: "1964-04-02", [("1020", "主事", "2026-04-01")])
        let movers = MoverSelection.propose(city.input)
        #expect(movers.map(\.staffNumber) == ["A1"])
        let (model, result) = try city.solve()
        #expect(result.placements["A1"]?.sectionCode == "1020")
        #expect(!model.stayers.values.contains { $0.contains("OLD") })
    }

    @Test("infeasible: three 保健師 who must move and one 保健師 seat, explained in words")
    func infeasible() throws {
        var city = TinyCity()
        for n in 1...3 { city.add("H\(n)", hired: "2005-04-01", jobType: "保健師", [("3010", "主事", "2022-04-01")]) }
        city.open("3020", 1)
        city.open("1020", 2)
        let input = city.input
        let model = try RotationPlanner.build(input, movers: MoverSelection.propose(input))
        guard case .infeasible(let explanation) = RotationPlanner.solve(model) else { Issue.record("not infeasible"); return }
        // The solver's violator is inclusion-minimal: two of the three already cannot be placed.
        #expect(explanation.people.count == 2)
        #expect(Set(explanation.people.map(\.staffNumber)).isSubset(of: ["H1", "H2", "H3"]))
        #expect(explanation.pools == [SeatPool(sectionCode: "3020", tier: 0)])
        #expect(explanation.seats == 1 && explanation.shortfall == 1)
        #expect(explanation.text.en.hasPrefix("These 2 people can only go to this section with 1 seat: 職員H"))
        #expect(explanation.text.en.contains(" / Preventive Health Unit. Add at least 1 seat, remove movers"))
        #expect(explanation.text.ja.hasPrefix("この2人は1所属（空席計1）にしか配置できません：職員H"))
    }

    @Test("a mover with no allowed seat is reported by rule")
    func unplaceable() throws {
        var city = TinyCity()
        city.add("H1", hired: "2005-04-01", jobType: "保健師", [("3010", "主事", "2022-04-01")])
        city.open("1020", 1)
        let input = city.input
        let model = try RotationPlanner.build(input, movers: MoverSelection.propose(input))
        #expect(model.unplaceable == ["H1"])
        let report = RotationPlanner.unplaceableReport(model)
        #expect(report.first?.text.ja.contains("職種（保健師）が合わない") == true)
        guard case .infeasible(let explanation) = RotationPlanner.solve(model) else { Issue.record("not infeasible"); return }
        #expect(explanation.people.count == 1 && explanation.seats == 0)
    }

    @Test("bad input: each error names the person or section and nothing is built")
    func validation() throws {
        var city = wishCity()
        city.add("B", hired: "2005-04-01", [("1020", "主事", "2022-04-01")])
        city.open("2010", 1)
        city.pins["A1"] = [.mustGoTo("3020")]          // wrong job type
        city.pins["B"] = [.mustGoTo("2020")]           // no open seat
        var input = city.input
        input.headcountOverrides["1010"] = -1
        input.lastApprovedTransferDate = day("2027-04-01")
        do {
            _ = try RotationPlanner.build(input, movers: MoverSelection.propose(input))
            Issue.record("expected errors")
        } catch {
            let messages = error.issues.map(\.message.ja)
            #expect(messages.contains { $0.contains("承認済み") })
            #expect(messages.contains { $0.contains("定数が負") })
            #expect(error.issues.contains { $0.staffNumber == nil && $0.sectionCode == "1010" })
        }
        input.headcountOverrides = [:]
        input.lastApprovedTransferDate = nil
        do {
            _ = try RotationPlanner.build(input, movers: MoverSelection.propose(input))
            Issue.record("expected errors")
        } catch {
            #expect(error.issues.contains { $0.staffNumber == "A1" && $0.message.ja.contains("職種") })
            #expect(error.issues.contains { $0.staffNumber == "B" && $0.message.ja.contains("空席がありません") })
        }
        // Two pins to the last seat.
        city.pins = ["A1": [.mustGoTo("2010")], "B": [.mustGoTo("2010")]]
        do {
            _ = try RotationPlanner.build(city.input, movers: [])
            Issue.record("expected errors")
        } catch {
            let issue = try #require(error.issues.first)
            #expect(issue.sectionCode == "2010")
            #expect(issue.message.ja == "北地区市民センター：空席1に2人が指定されています（職員A1、職員B）")
        }
    }

    @Test("alternatives carry non-negative reduced costs, best first; pins re-solve warm with a diff")
    func alternativesAndWarmResolve() throws {
        var city = wishCity()
        city.open("2010", 1)
        city.add("B", hired: "2005-04-01", [("2020", "主事", "2022-04-01")])
        city.wishes["B"] = [RotationWish(rank: 1, sectionCode: "1020")]
        let (model, result) = try city.solve()
        for row in RotationPlanner.explain(result, model: model, alternatives: 5) {
            let costs = row.alternatives.compactMap(\.reducedCost)
            #expect(costs.allSatisfy { $0 >= 0 })
            #expect(costs == costs.sorted())
        }
        let solver = AssignmentSolver(model.problem)
        _ = solver.solve()
        let a1 = try #require(model.moverIndex["A1"])
        let targetCode: SectionCode = result.placements["A1"]?.sectionCode == "2010" ? "3010" : "2010"
        let target = try #require(model.poolIndex[SeatPool(sectionCode: targetCode, tier: 0)])
        try solver.pin(staff: a1, section: target)
        guard case .optimal(let again) = RotationPlanner.outcome(solver.solve(), model: model, problem: solver.currentProblem) else {
            Issue.record("not optimal"); return
        }
        #expect(throws: Never.self) { try again.verification.get() }
        let changes = RotationPlanner.changes(from: result, to: again)
        #expect(changes.contains { $0.staffNumber == "A1" && $0.after?.sectionCode == targetCode })
    }

    @Test("the fast cost used to build equals the sum of the explained terms")
    func fastCostMatchesTerms() throws {
        let city = subordinateCity()
        let (model, _) = try city.solve()
        let core = ModelCore(facts: model.facts, pools: model.pools, open: RotationPlanner.openSeats(model),
                             subordinateConflicts: model.subordinateConflicts)
        for (m, mover) in model.movers.enumerated() {
            let c = try #require(core.context(mover))
            for pair in model.problem.pairs(ofStaff: m) {
                let terms = core.terms(c, moverIndex: m, pool: pair.section, stayPool: model.stayPool[m])
                #expect(core.cost(terms) == pair.cost)
                #expect(core.blocks(c, moverIndex: m, pool: pair.section, stayPool: model.stayPool[m]).isEmpty)
            }
        }
    }
}
