import RotationSolver

/// A soft rule the proposal bends, with the cost it paid in the model.
public struct BentRule: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// Moved before the minimum years in post.
        case minYearsInPost
        /// An early-career staff member at the last chance is not placed in a collaboration post.
        case earlyCareerDeadline
        /// Placed under a former subordinate (priced, warning mode).
        case subordinate
        /// Placed under a former subordinate who is himself a mover into a post above (not
        /// priced in the model: found after solving).
        case subordinateAfterMoves
        /// Asked to move but stays.
        case moveWishUnmet
        /// HR pinned the person to a section the no-return rule would exclude.
        case noReturnOverriddenByPin
    }

    public var kind: Kind
    /// Points the model paid for it (for an unmet bonus: the bonus forgone).
    public var cost: Int
    public var text: Bilingual
}

/// A seat pool the solver considered for a mover, and why it lost.
public struct Alternative: Sendable {
    public enum Outcome: Sendable {
        /// Full: its seats went to these movers (staff numbers) for a lower total cost.
        case full(occupants: [StaffNumber])
        /// A seat was free but the placement scores worse by `points` for this mover.
        case worseScore(points: Int)
        /// Forbidden by rules.
        case forbidden([PlacementBlock])
    }

    public var pool: SeatPool
    public var sectionName: Bilingual
    /// cost + section price − staff price (≥ 0): forcing the mover there raises the total by at least this.
    public var reducedCost: Int64?
    public var outcome: Outcome
    public var text: Bilingual
}

/// One row of the result list with everything the detail page shows.
public struct MoveExplanation: Sendable {
    public var staffNumber: StaffNumber
    public var name: String
    public var fromSection: SectionCode?
    public var fromPost: String?
    public var to: SeatPool
    public var fromName: Bilingual
    public var toName: Bilingual
    /// An optional mover who stays in their own seat.
    public var stays: Bool
    public var moverReasons: [MoverReason]
    /// Why this seat: the bonuses it earned (第1希望, 市民協働部署へ, 他部へ, 人事指定 …).
    public var placementReasons: [Bilingual]
    public var bentRules: [BentRule]
    /// The cost terms of the placement (the base excluded).
    public var terms: [CostTerm]
    public var alternatives: [Alternative]

    /// The row's reason text, e.g. 「在課5年・第1希望」.
    public var reasonText: Bilingual { .joined(moverReasons.map(\.text) + placementReasons) }
    /// Sum of the terms (negative: bonuses won).
    public var points: Int { terms.reduce(0) { $0 + $1.points } }
}

/// The answer to "why not my wish?" for one wish.
public struct WishAnswer: Sendable {
    public enum Status: Sendable {
        case met
        /// The person is not on the movers' list (reason given).
        case notAMover
        case forbidden([PlacementBlock])
        /// The wished seats went to others (staff numbers); the total would rise by at least `extraCost`.
        case lostToCompetition(occupants: [StaffNumber], extraCost: Int64)
        /// A seat was free, but the person's placement scores better by `points`.
        case betterPlacement(points: Int)
        /// The section is not in the scenario (no open seat and not a candidate).
        case notConsidered
    }

    public var wish: RotationWish
    public var sectionName: Bilingual
    public var status: Status
    public var text: Bilingual
}

/// Why a scenario has no solution, in words.
public struct InfeasibilityExplanation: Sendable {
    public struct Person: Sendable {
        public var staffNumber: StaffNumber
        public var name: String
        public var jobType: String
        public var post: String?
        public var allowed: [SeatPool]
    }

    public var people: [Person]
    public var pools: [SeatPool]
    public var seats: Int
    public var text: Bilingual
    /// Seats missing: people − seats.
    public var shortfall: Int { people.count - seats }
}

/// A change of placement between two solutions of the same scenario.
public struct PlacementChange: Sendable, Hashable {
    public var staffNumber: StaffNumber
    public var before: SeatPool?
    public var after: SeatPool?
}

extension RotationPlanner {
    // MARK: - Explain

    /// Per mover: from → to, the reasons, the soft rules bent with their cost, and the top
    /// `alternatives` allowed seats by reduced cost (cost + section price − staff price) with
    /// why each lost; the wished seats that were forbidden are appended with their rules.
    public static func explain(_ result: PlanResult, model: PlannerModel, alternatives: Int = 3) -> [MoveExplanation] {
        let context = ExplainContext(result: result, model: model)
        return model.movers.indices.compactMap { context.explain(mover: $0, alternatives: alternatives) }
    }

    /// The explanation of one mover (nil when not a mover).
    public static func explain(staffNumber: StaffNumber, _ result: PlanResult, model: PlannerModel, alternatives: Int = 5) -> MoveExplanation? {
        guard let m = model.moverIndex[staffNumber] else { return nil }
        return ExplainContext(result: result, model: model).explain(mover: m, alternatives: alternatives)
    }

    /// "Why not my wish?" for anyone: for each wish, the constraint or the competing placement
    /// that blocked it (or that it was met).
    public static func whyNotMyWish(staffNumber: StaffNumber, _ result: PlanResult, model: PlannerModel) -> [WishAnswer] {
        let facts = model.facts
        let wishes = (facts.input.wishes[staffNumber] ?? []).sorted { $0.rank < $1.rank }
        guard !wishes.isEmpty else { return [] }
        let context = ExplainContext(result: result, model: model)
        guard let m = model.moverIndex[staffNumber], let c = context.core.context(model.movers[m]) else {
            let reason = notAMoverReason(staffNumber, model: model)
            return wishes.map { wish in
                WishAnswer(wish: wish, sectionName: facts.sectionName(wish.sectionCode), status: .notAMover,
                           text: Bilingual(ja: "異動対象外：" + reason.ja, en: "not on the movers' list: " + reason.en))
            }
        }
        return wishes.map { context.answer(wish: $0, mover: m, context: c) }
    }

    /// Why someone is not on the movers' list.
    public static func notAMoverReason(_ staffNumber: StaffNumber, model: PlannerModel) -> Bilingual {
        let facts = model.facts
        guard let person = facts.people[staffNumber] else { return Bilingual(ja: "職員が見つかりません", en: "unknown staff member") }
        if facts.pinnedToStay(staffNumber) { return Bilingual(ja: "人事が残留を指定", en: "HR pinned them to stay") }
        if person.retiresBefore { return Bilingual(ja: "異動日前に定年退職", en: "retires before the transfer date") }
        if person.placement == nil { return Bilingual(ja: "現在の所属なし", en: "no current post") }
        if !facts.rules.plannedEmploymentTypes.contains(person.record.employmentType) {
            return Bilingual(ja: "雇用区分（\(person.record.employmentType.japaneseLabel)）は対象外",
                             en: "employment type \(person.record.employmentType.rawValue) is not planned")
        }
        if person.yearsInPost < facts.rules.minYearsInPost {
            return Bilingual(ja: "在課\(person.yearsInPost)年（最低\(facts.rules.minYearsInPost)年）",
                             en: "\(EnglishCount.of(person.yearsInPost, "year")) in post (minimum \(facts.rules.minYearsInPost))")
        }
        return Bilingual(ja: "異動の理由となる規則・希望がないか、人事が対象から外した",
                         en: "no rule or wish requires a move, or HR removed them from the list")
    }

    // MARK: - Infeasibility

    public static func explainInfeasibility(_ violator: HallViolator, model: PlannerModel) -> InfeasibilityExplanation {
        let facts = model.facts
        let problem = model.problem
        let pools = violator.sections.map { model.pools[$0] }
        let people: [InfeasibilityExplanation.Person] = violator.staff.map { s in
            let number = model.movers[s].staffNumber
            let person = facts.people[number]
            let allowed = problem.pairs(ofStaff: s).map { model.pools[$0.section] }
            return .init(staffNumber: number, name: person?.record.name ?? number.rawValue, jobType: person?.record.jobType ?? "",
                         post: person?.placement?.post, allowed: allowed)
        }
        let names = people.map(\.name)
        let sectionNames = pools.map { facts.sectionName($0.sectionCode) }
        let list = { (items: [String], sep: String) in
            items.count > 15 ? items.prefix(15).joined(separator: sep) + sep + "…" : items.joined(separator: sep)
        }
        let ja = "この\(people.count)人は\(pools.count)所属（空席計\(violator.seats)）にしか配置できません："
            + list(names, "、") + "／" + (pools.isEmpty ? "配置可能な所属なし" : list(sectionNames.map(\.ja), "、"))
            + "。空席を\(people.count - violator.seats)以上増やすか、異動者を外すか、規則・指定を緩めてください。"
        let en = (people.count == 1 ? "This person" : "These \(people.count) people") + " can only go to "
            + (pools.count == 1 ? "this section" : "these \(pools.count) sections") + " with \(EnglishCount.of(violator.seats, "seat")): "
            + list(names, ", ") + " / " + (pools.isEmpty ? "no allowed section" : list(sectionNames.map(\.en), ", "))
            + ". Add at least \(EnglishCount.of(people.count - violator.seats, "seat")), remove movers, or relax rules or pins."
        return InfeasibilityExplanation(people: people, pools: pools, seats: violator.seats, text: Bilingual(ja: ja, en: en))
    }

    /// Movers with no allowed seat, each with the count of sections excluded per rule.
    public static func unplaceableReport(_ model: PlannerModel) -> [(staffNumber: StaffNumber, text: Bilingual)] {
        let core = ModelCore(facts: model.facts, pools: model.pools, open: openSeats(model), subordinateConflicts: model.subordinateConflicts)
        return model.unplaceable.compactMap { number in
            guard let m = model.moverIndex[number], let c = core.context(model.movers[m]) else { return nil }
            var counts: [String: (Bilingual, Int)] = [:]
            for p in model.pools.indices {
                for block in core.blocks(c, moverIndex: m, pool: p, stayPool: model.stayPool[m]) {
                    let text = blockText(block, model: model)
                    counts[text.en, default: (text, 0)].1 += 1
                }
            }
            let parts = counts.values.sorted { $0.1 > $1.1 }.map {
                Bilingual(ja: "\($0.0.ja)（\($0.1)席区分）", en: "\($0.0.en) (\(EnglishCount.of($0.1, "seat pool")))")
            }
            let name = model.staffName(number)
            return (number, Bilingual(ja: "\(name)：配置できる所属がありません（" + parts.map(\.ja).joined(separator: "、") + "）",
                                      en: "\(name): no allowed section (" + parts.map(\.en).joined(separator: "; ") + ")"))
        }
    }

    static func openSeats(_ model: PlannerModel) -> [SeatPool: Int] {
        var open: [SeatPool: Int] = [:]
        for (index, pool) in model.pools.enumerated() { open[pool] = model.problem.capacities[index] }
        return open
    }

    /// Words for a block.
    public static func blockText(_ block: PlacementBlock, model: PlannerModel) -> Bilingual {
        switch block {
        case .unknownSection: return Bilingual(ja: "所属が存在しない", en: "no such section")
        case .jobType(let type): return Bilingual(ja: "職種（\(type)）が合わない", en: "job type (\(type)) does not fit")
        case .noPostOfTier: return Bilingual(ja: "同じ職層のポストがない", en: "no post at this level")
        case .noOpenSeat: return Bilingual(ja: "空席がない（全員残留）", en: "no open seat (all stay)")
        case .currentSection: return Bilingual(ja: "現所属（異動必須）", en: "current section (must move)")
        case .noReturn: return Bilingual(ja: "直近の所属へは戻れない", en: "no return to a recent section")
        case .mustNotGoTo: return Bilingual(ja: "人事が異動不可を指定", en: "HR: must not go there")
        case .pinnedElsewhere(let code):
            let name = model.sectionName(code)
            return Bilingual(ja: "人事が\(name.ja)を指定", en: "HR pinned them to \(name.en)")
        case .subordinate(let numbers):
            let names = numbers.map(model.staffName)
            return Bilingual(ja: "元部下（\(names.joined(separator: "、"))）の下になる", en: "would work under a former subordinate (\(names.joined(separator: ", ")))")
        case .earlyCareerDeadline:
            return Bilingual(ja: "最終機会のため市民協働部署のみ", en: "last chance: collaboration posts only")
        case .candidateLimit:
            return Bilingual(ja: "候補数の上限により検討外", en: "not among the candidates kept (candidate limit)")
        }
    }

    // MARK: - Metrics and changes

    /// Figures to compare scenarios: wishes met by rank, long-tenure staff moved, sections left
    /// below their headcount, early-career placements in collaboration posts, soft rules bent,
    /// total cost.
    public static func metrics(_ result: PlanResult, model: PlannerModel) -> ScenarioMetrics {
        let rows = explain(result, model: model, alternatives: 0)
        var metrics = ScenarioMetrics()
        metrics.movers = model.movers.count
        metrics.score = result.totalCost - Int64(model.baseCost) * Int64(model.movers.count)
        let facts = model.facts
        var longTenureMoved = 0
        for row in rows {
            if row.stays { metrics.stayed += 1 } else { metrics.moved += 1 }
            if !row.stays, row.moverReasons.contains(where: { reason in
                if case .maxYearsInPost = reason { return true } else { return false }
            }) {
                longTenureMoved += 1
            }
            if !(facts.input.wishes[row.staffNumber] ?? []).isEmpty { metrics.moversWithWishes += 1 }
            for term in row.terms { if case .wish(let rank) = term.kind { metrics.countWishMet(rank: rank) } }
            if let person = facts.people[row.staffNumber], facts.isEarlyCareerWithoutCollaboration(person) {
                metrics.earlyCareerMovers += 1
                if !row.stays, facts.sectionByCode[row.to.sectionCode]?.isCollaborationPost == true {
                    metrics.earlyCareerPlacedInCollaboration += 1
                }
            }
            if let from = row.fromSection, !row.stays, facts.department(of: from) != facts.department(of: row.to.sectionCode) {
                metrics.departmentChanges += 1
            }
            for bent in row.bentRules {
                metrics.countBentRule(bent.kind, cost: bent.cost)
                if bent.kind == .earlyCareerDeadline { metrics.lastChanceMissed += 1 }
            }
        }
        metrics.longTenureMoved = longTenureMoved
        // A seat pool's capacity is its open seats after those who stay; what the movers leave
        // of it is a section below its headcount.
        var placed = [Int](repeating: 0, count: model.pools.count)
        for pool in result.placements.values { if let index = model.poolIndex[pool] { placed[index] += 1 } }
        let capacities = model.problem.capacities
        metrics.sectionsBelowHeadcount = Set(model.pools.indices.filter { placed[$0] < capacities[$0] }.map { model.pools[$0].sectionCode }).count
        return metrics
    }

    /// Who changed placement between two solutions (e.g. before and after a pin).
    public static func changes(from old: PlanResult, to new: PlanResult) -> [PlacementChange] {
        let keys = Set(old.placements.keys).union(new.placements.keys).sorted()
        return keys.compactMap { key in
            let a = old.placements[key], b = new.placements[key]
            return a == b ? nil : PlacementChange(staffNumber: key, before: a, after: b)
        }
    }
}

/// Shared state of the explanations of one solution.
struct ExplainContext {
    let result: RotationPlanner.PlanResult
    let model: PlannerModel
    let core: ModelCore
    let occupants: [Int: [Int]]        // pool → movers assigned
    let capacities: [Int]
    let solution: Solution
    /// Movers placed in supervisory seats, by section (for the after-the-fact subordinate check).
    let movedSupervisors: [SectionCode: [StaffNumber]]
    /// Assignments by section, built only when a mover leaves a managerial post.
    let assignmentsBySection: [SectionCode: [AssignmentRecord]]

    init(result: RotationPlanner.PlanResult, model: PlannerModel) {
        self.result = result
        self.model = model
        self.solution = result.solution
        self.capacities = model.problem.capacities
        self.core = ModelCore(
            facts: model.facts, pools: model.pools, open: RotationPlanner.openSeats(model),
            subordinateConflicts: model.subordinateConflicts)
        var occupants: [Int: [Int]] = [:]
        var supervisors: [SectionCode: [StaffNumber]] = [:]
        for (m, j) in result.solution.assignment.enumerated() where j >= 0 {
            occupants[j, default: []].append(m)
            if model.pools[j].tier > 0 { supervisors[model.pools[j].sectionCode, default: []].append(model.movers[m].staffNumber) }
        }
        self.occupants = occupants
        self.movedSupervisors = supervisors
        var index: [SectionCode: [AssignmentRecord]] = [:]
        if model.movers.contains(where: { model.facts.people[$0.staffNumber]?.leavesManagerialPost == true }) {
            for record in model.input.assignments { index[record.sectionCode, default: []].append(record) }
        }
        self.assignmentsBySection = index
    }

    func pairCost(_ m: Int, _ j: Int) -> Int? {
        model.problem.pairs(ofStaff: m).first { $0.section == j }?.cost
    }

    func reducedCost(_ m: Int, _ j: Int, cost: Int) -> Int64 {
        Int64(cost) + solution.certificate.sectionPrice[j] - solution.certificate.staffPrice[m]
    }

    func explain(mover m: Int, alternatives count: Int) -> MoveExplanation? {
        let mover = model.movers[m]
        guard let c = core.context(mover), m < solution.assignment.count else { return nil }
        let j = solution.assignment[m]
        guard j >= 0 else { return nil }
        let facts = model.facts
        let pool = model.pools[j]
        let stays = j == model.stayPool[m]
        let terms = core.terms(c, moverIndex: m, pool: j, stayPool: model.stayPool[m])

        var reasons: [Bilingual] = []
        if stays { reasons.append(Bilingual(ja: "残留", en: "stays")) }
        if c.mustGoTo != nil { reasons.append(Bilingual(ja: "人事指定", en: "pinned by HR")) }
        for term in terms where term.points < 0 { reasons.append(term.text) }
        if reasons.isEmpty { reasons.append(Bilingual(ja: "規則上配置可能な所属", en: "an allowed section")) }

        var bent: [BentRule] = []
        for term in terms {
            switch term.kind {
            case .minYearsInPost: bent.append(BentRule(kind: .minYearsInPost, cost: term.points, text: term.text))
            case .subordinate: bent.append(BentRule(kind: .subordinate, cost: term.points, text: term.text))
            case .moveWishUnmet: bent.append(BentRule(kind: .moveWishUnmet, cost: term.points, text: term.text))
            default: break
            }
        }
        if c.lastChance, stays || !core.poolIsCollaboration[j] {
            let w = facts.rules.weights
            let forgone = w.collaborationPerYear * c.person.yearOfService + w.collaborationLastChance
            bent.append(BentRule(
                kind: .earlyCareerDeadline, cost: forgone,
                text: Bilingual(ja: "採用\(facts.rules.earlyCareerYears)年以内の市民協働部署経験を満たせない見込み",
                                en: "will miss a collaboration post within \(EnglishCount.of(facts.rules.earlyCareerYears, "year"))")))
        }
        if c.mustGoTo != nil, c.noReturn.contains(pool.sectionCode) {
            bent.append(BentRule(kind: .noReturnOverriddenByPin, cost: 0,
                                 text: Bilingual(ja: "人事指定により直近の所属へ復帰", en: "returns to a recent section by HR pin")))
        }
        if c.person.leavesManagerialPost, !stays {
            let former = formerSubordinates(of: c.person)
            let above = (facts.ancestorsOf[pool.sectionCode] ?? [pool.sectionCode])
                .flatMap { movedSupervisors[$0] ?? [] }.filter { former.contains($0) }
            if !above.isEmpty {
                let names = above.map(model.staffName)
                bent.append(BentRule(
                    kind: .subordinateAfterMoves, cost: 0,
                    text: Bilingual(ja: "異動してくる元部下（\(names.joined(separator: "、"))）の下になる（未評価）",
                                    en: "will work under a former subordinate moving in (\(names.joined(separator: ", "))), not priced")))
            }
        }

        var alternatives: [Alternative] = []
        if count > 0 {
            var candidates: [(pool: Int, cost: Int, rc: Int64)] = []
            for pair in model.problem.pairs(ofStaff: m) where pair.section != j {
                candidates.append((pair.section, pair.cost, reducedCost(m, pair.section, cost: pair.cost)))
            }
            candidates.sort { $0.rc != $1.rc ? $0.rc < $1.rc : model.pools[$0.pool] < model.pools[$1.pool] }
            for candidate in candidates.prefix(count) {
                alternatives.append(alternative(m, c, assigned: j, pool: candidate.pool, cost: candidate.cost, rc: candidate.rc, terms: terms))
            }
            // Wished sections that were forbidden.
            let shown = Set(alternatives.map(\.pool.sectionCode))
            for (code, _) in c.wishRank.sorted(by: { $0.value < $1.value }) where code != pool.sectionCode && !shown.contains(code) {
                let blocks = blocksFor(m, c, sectionCode: code)
                guard !blocks.isEmpty else { continue }
                let texts = blocks.map { RotationPlanner.blockText($0, model: model) }
                alternatives.append(Alternative(
                    pool: SeatPool(sectionCode: code, tier: c.person.tier), sectionName: facts.sectionName(code),
                    reducedCost: nil, outcome: .forbidden(blocks),
                    text: Bilingual(ja: "不可：" + texts.map(\.ja).joined(separator: "、"), en: "forbidden: " + texts.map(\.en).joined(separator: "; "))))
            }
        }
        let placement = c.person.placement
        return MoveExplanation(
            staffNumber: mover.staffNumber, name: c.person.record.name, fromSection: placement?.sectionCode,
            fromPost: placement?.post, to: pool, fromName: placement.map { facts.sectionName($0.sectionCode) } ?? Bilingual(ja: "", en: ""),
            toName: facts.sectionName(pool.sectionCode), stays: stays, moverReasons: mover.reasons,
            placementReasons: reasons, bentRules: bent, terms: terms, alternatives: alternatives)
    }

    /// The blocks for a section at the mover's tier; `.noOpenSeat`/.candidateLimit when not a pair.
    func blocksFor(_ m: Int, _ c: ModelCore.MoverContext, sectionCode code: SectionCode) -> [PlacementBlock] {
        let pool = SeatPool(sectionCode: code, tier: c.person.tier)
        guard model.facts.sectionByCode[code] != nil else { return [.unknownSection] }
        guard let p = model.poolIndex[pool] else {
            // No open seat of this tier in the scenario: say which rules would also apply.
            var blocks: [PlacementBlock] = []
            if !model.input.jobTypeFit.accepts(jobType: c.person.record.jobType, section: code) {
                blocks.append(.jobType(c.person.record.jobType))
            }
            if code == c.person.placement?.sectionCode { blocks.append(.currentSection) }
            else if c.noReturn.contains(code) { blocks.append(.noReturn) }
            if c.mustNotGoTo.contains(code) { blocks.append(.mustNotGoTo) }
            let hasTier = model.pools.contains { $0.sectionCode == code && $0.tier == c.person.tier }
            blocks.append(hasTier ? .noOpenSeat : (c.person.tier > 0 ? .noPostOfTier(c.person.tier) : .noOpenSeat))
            return blocks
        }
        let blocks = core.blocks(c, moverIndex: m, pool: p, stayPool: model.stayPool[m])
        if blocks.isEmpty && pairCostOf(m, p) == nil { return [.candidateLimit] }
        return blocks
    }

    func pairCostOf(_ m: Int, _ p: Int) -> Int? { pairCost(m, p) }

    func alternative(
        _ m: Int, _ c: ModelCore.MoverContext, assigned j: Int, pool p: Int, cost: Int, rc: Int64, terms assignedTerms: [CostTerm]
    ) -> Alternative {
        let facts = model.facts
        let pool = model.pools[p]
        let name = facts.sectionName(pool.sectionCode)
        let load = occupants[p]?.count ?? 0
        if load >= capacities[p], load > 0 {
            let others = (occupants[p] ?? []).map { model.movers[$0].staffNumber }
            do {
                let names = others.map { number -> (String, String) in
                    let reasons = occupantReasons(number)
                    return ("\(model.staffName(number))（\(reasons.ja)）", "\(model.staffName(number)) (\(reasons.en))")
                }
                if rc == 0 {
                    return Alternative(
                        pool: pool, sectionName: name, reducedCost: rc, outcome: .full(occupants: others),
                        text: Bilingual(
                            ja: "満席：\(names.map(\.0).joined(separator: "、"))を配置（同点の選択肢）",
                            en: "full: its seats went to \(names.map(\.1).joined(separator: ", ")) (an equally good option)"))
                }
                return Alternative(
                    pool: pool, sectionName: name, reducedCost: rc, outcome: .full(occupants: others),
                    text: Bilingual(
                        ja: "満席：\(names.map(\.0).joined(separator: "、"))に配置した方が全体の費用が低い（ここへ配置すると+\(rc)以上）",
                        en: "full: its seats went to \(names.map(\.1).joined(separator: ", ")) at a lower total cost (placing you there costs at least +\(rc))"))
            }
        }
        let otherTerms = core.terms(c, moverIndex: m, pool: p, stayPool: model.stayPool[m])
        let points = Int(rc)
        let lost = assignedTerms.filter { t in t.points < 0 && !otherTerms.contains { $0.kind == t.kind } }
        let extra = otherTerms.filter { t in t.points > 0 && !assignedTerms.contains { $0.kind == t.kind } }
        var why = lost.map { Bilingual(ja: "「\($0.text.ja)」がない", en: "no \"\($0.text.en)\"") }
        why += extra.map { Bilingual(ja: $0.text.ja, en: $0.text.en) }
        let detail = why.isEmpty ? Bilingual(ja: "", en: "") : Bilingual(ja: "（" + why.map(\.ja).joined(separator: "、") + "）", en: " (" + why.map(\.en).joined(separator: "; ") + ")")
        return Alternative(
            pool: pool, sectionName: name, reducedCost: rc, outcome: .worseScore(points: points),
            text: Bilingual(ja: "空席あり、ただし評価が\(points)点劣る" + detail.ja,
                            en: "a seat was free but it scores \(EnglishCount.of(points, "point")) worse" + detail.en))
    }

    /// Short reasons of a mover's placement, for naming competitors.
    func occupantReasons(_ number: StaffNumber) -> Bilingual {
        guard let m = model.moverIndex[number], let c = core.context(model.movers[m]) else { return Bilingual(ja: "", en: "") }
        let j = solution.assignment[m]
        let terms = core.terms(c, moverIndex: m, pool: j, stayPool: model.stayPool[m]).filter { $0.points < 0 }
        var parts = model.movers[m].reasons.map(\.text)
        parts += terms.map(\.text)
        if c.mustGoTo != nil { parts.append(Bilingual(ja: "人事指定", en: "pinned by HR")) }
        return .joined(parts)
    }

    func answer(wish: RotationWish, mover m: Int, context c: ModelCore.MoverContext) -> WishAnswer {
        let facts = model.facts
        let name = facts.sectionName(wish.sectionCode)
        let j = solution.assignment[m]
        let assignedPool = model.pools[j]
        let label = Bilingual(ja: "第\(wish.rank)希望（\(name.ja)）", en: "\(ModelCore.ordinal(wish.rank)) wish (\(name.en))")
        if assignedPool.sectionCode == wish.sectionCode {
            return WishAnswer(wish: wish, sectionName: name, status: .met,
                              text: Bilingual(ja: label.ja + "：かないました", en: label.en + ": met"))
        }
        let blocks = blocksFor(m, c, sectionCode: wish.sectionCode)
        if !blocks.isEmpty {
            let texts = blocks.map { RotationPlanner.blockText($0, model: model) }
            let status: WishAnswer.Status = blocks == [.candidateLimit] ? .notConsidered : .forbidden(blocks)
            return WishAnswer(wish: wish, sectionName: name, status: status,
                              text: Bilingual(ja: label.ja + "：" + texts.map(\.ja).joined(separator: "、"),
                                              en: label.en + ": " + texts.map(\.en).joined(separator: "; ")))
        }
        let p = model.poolIndex[SeatPool(sectionCode: wish.sectionCode, tier: c.person.tier)]!
        let cost = pairCost(m, p) ?? 0
        let rc = reducedCost(m, p, cost: cost)
        let assignedTerms = core.terms(c, moverIndex: m, pool: j, stayPool: model.stayPool[m])
        let alt = alternative(m, c, assigned: j, pool: p, cost: cost, rc: rc, terms: assignedTerms)
        switch alt.outcome {
        case .full(let others):
            return WishAnswer(wish: wish, sectionName: name, status: .lostToCompetition(occupants: others, extraCost: rc),
                              text: Bilingual(ja: label.ja + "：" + alt.text.ja, en: label.en + ": " + alt.text.en))
        default:
            let placed = facts.sectionName(assignedPool.sectionCode)
            return WishAnswer(wish: wish, sectionName: name, status: .betterPlacement(points: Int(rc)),
                              text: Bilingual(ja: label.ja + "：\(placed.ja)への配置の方が評価が高い。" + alt.text.ja,
                                              en: label.en + ": the placement in \(placed.en) scores better; " + alt.text.en))
        }
    }

    func formerSubordinates(of person: RotationFacts.Person) -> Set<StaffNumber> {
        model.facts.formerSubordinates(of: person, years: model.rules.subordinateYears, index: assignmentsBySection)
    }
}
