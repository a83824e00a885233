import RotationSolver

/// One term of a placement's cost (negative points are a bonus).
public struct CostTerm: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case wish(rank: Int)
        case breadth
        case collaboration(yearOfService: Int)
        case lastChance
        case minYearsInPost(years: Int)
        case subordinate(supervisors: [StaffNumber])
        case moveWishUnmet
        case optionalMove
    }

    public var kind: Kind
    public var points: Int
    public var text: Bilingual
}

/// Why a mover may not be placed in a section (a forbidden pair: absent from the problem).
public enum PlacementBlock: Sendable, Hashable {
    case unknownSection
    /// The section does not take the staff member's 職種.
    case jobType(String)
    /// The section has no post of the mover's tier (e.g. no 課長-level seat).
    case noPostOfTier(Int)
    /// Every seat of the mover's tier is held by staff who stay.
    case noOpenSeat
    /// The current section (a mover who must move cannot stay).
    case currentSection
    /// No return to a recently held section.
    case noReturn
    /// HR: must not go to this section.
    case mustNotGoTo
    /// HR pinned the mover to another section.
    case pinnedElsewhere(SectionCode)
    /// Hard rule: would work under a former subordinate.
    case subordinate(supervisors: [StaffNumber])
    /// Hard rule: an early-career mover at the last chance may only go to collaboration posts.
    case earlyCareerDeadline
    /// Not among the candidate seats kept for a large city (``RotationRules/candidateLimit``).
    case candidateLimit
}

/// The assignment problem of a scenario with the maps back to staff numbers and section codes.
public struct PlannerModel: Sendable {
    public let problem: AssignmentProblem
    /// Solver staff index → mover.
    public let movers: [Mover]
    /// Solver section index → seat pool.
    public let pools: [SeatPool]
    public let moverIndex: [StaffNumber: Int]
    public let poolIndex: [SeatPool: Int]
    /// The pool in which an optional mover may stay (their own seat), per solver staff index.
    public let stayPool: [Int?]
    /// Stayers (not movers) by seat pool, including pools with no open seat.
    public let stayers: [SeatPool: [StaffNumber]]
    /// Warnings (e.g. a section over its headcount); errors are thrown by `build`.
    public let warnings: [RotationIssue]
    /// Movers left with no allowed seat at all (the problem is then infeasible).
    public let unplaceable: [StaffNumber]
    /// The base cost every placement carries (so all costs are positive).
    public let baseCost: Int

    let facts: RotationFacts
    /// Per mover: pool index → former subordinates among the stayers above that seat.
    let subordinateConflicts: [Int: [Int: [StaffNumber]]]

    public var rules: RotationRules { facts.rules }
    public var input: RotationInput { facts.input }

    /// Display name of a section (Japanese / English).
    public func sectionName(_ code: SectionCode) -> Bilingual { facts.sectionName(code) }
    public func staffName(_ staffNumber: StaffNumber) -> String { facts.people[staffNumber]?.record.name ?? staffNumber.rawValue }
    /// Current section code (on the day before the transfer).
    public func currentSection(of staffNumber: StaffNumber) -> SectionCode? { facts.people[staffNumber]?.placement?.sectionCode }
    public func currentPost(of staffNumber: StaffNumber) -> String? { facts.people[staffNumber]?.placement?.post }
}

public enum RotationPlanner {
    static let base = 10_000

    /// Builds the assignment problem: one row per mover with every allowed seat pool and its
    /// cost; forbidden pairs (job type, no return, must-not-go-to, hard rules, no open seat)
    /// are absent. Capacities are the 定数 (or overrides) minus the staff who stay. Movers
    /// pinned to a section by HR but missing from `movers` are added. Throws when the input
    /// has errors (each naming the person or section); nothing is built then.
    public static func build(
        _ input: RotationInput, movers proposed: [Mover], rules: RotationRules = .default
    ) throws(RotationInputError) -> PlannerModel {
        let facts = RotationFacts(input: input, rules: rules)
        var issues: [RotationIssue] = []
        func error(_ staff: StaffNumber? = nil, _ section: SectionCode? = nil, ja: String, en: String) {
            issues.append(RotationIssue(.error, staffNumber: staff, sectionCode: section, Bilingual(ja: ja, en: en)))
        }
        func name(_ number: StaffNumber) -> String { facts.people[number]?.record.name ?? number.rawValue }

        if let last = input.lastApprovedTransferDate, input.transferDate <= last {
            error(ja: "異動日\(input.transferDate.iso)は承認済みの最終異動日\(last.iso)より後でなければなりません",
                  en: "The transfer date \(input.transferDate.iso) must be after the last approved one, \(last.iso)")
        }
        for (code, value) in input.headcountOverrides.sorted(by: { $0.key < $1.key }) where value < 0 {
            error(nil, code, ja: "\(facts.sectionName(code).ja)の定数が負です（\(value)）",
                  en: "\(facts.sectionName(code).en): headcount below zero (\(value))")
        }
        for (pool, value) in input.openSeatOverrides.sorted(by: { $0.key < $1.key }) where value < 0 {
            error(nil, pool.sectionCode, ja: "\(facts.sectionName(pool.sectionCode).ja)の空席数が負です（\(value)）",
                  en: "\(facts.sectionName(pool.sectionCode).en): open seats below zero (\(value))")
        }
        for (code, tiers) in input.postSeatOverrides.sorted(by: { $0.key < $1.key }) where tiers.values.contains(where: { $0 < 0 }) {
            error(nil, code, ja: "\(facts.sectionName(code).ja)の役職ポスト数が負です",
                  en: "\(facts.sectionName(code).en): post seats below zero")
        }

        // Movers: the proposed list plus pinned ones; validate each.
        var moverList: [Mover] = []
        var seen: Set<StaffNumber> = []
        for mover in proposed where !seen.contains(mover.staffNumber) {
            seen.insert(mover.staffNumber)
            moverList.append(mover)
        }
        for number in input.pins.keys.sorted() where !seen.contains(number) {
            if let code = facts.mustGoTo(number) {
                seen.insert(number)
                moverList.append(Mover(staffNumber: number, reasons: [.pinnedByHR(sectionCode: code)]))
            }
        }
        for (number, pins) in input.pins.sorted(by: { $0.key < $1.key }) {
            guard facts.people[number] != nil else {
                error(number, ja: "職員番号\(number)の職員がいません（指定）", en: "Pinned staff number \(number) does not exist")
                continue
            }
            var goTo: Set<SectionCode> = []
            for pin in pins {
                switch pin {
                case .stays: break
                case .mustGoTo(let code), .mustNotGoTo(let code):
                    if facts.sectionByCode[code] == nil {
                        error(number, code, ja: "\(name(number))：指定先の所属\(code)がありません",
                              en: "\(name(number)): pinned section \(code) does not exist")
                    }
                    if case .mustGoTo = pin { goTo.insert(code) }
                }
            }
            if goTo.count > 1 {
                error(number, ja: "\(name(number))：異動先の指定が複数あります", en: "\(name(number)): pinned to more than one section")
            }
            if pins.contains(.stays), !goTo.isEmpty {
                error(number, ja: "\(name(number))：残留と異動先の両方が指定されています", en: "\(name(number)): pinned both to stay and to a section")
            }
            for code in goTo where pins.contains(.mustNotGoTo(code)) {
                error(number, code, ja: "\(name(number))：\(facts.sectionName(code).ja)への異動が指定と禁止の両方です",
                      en: "\(name(number)): both pinned to and forbidden from \(facts.sectionName(code).en)")
            }
        }
        for mover in moverList {
            let number = mover.staffNumber
            guard let person = facts.people[number] else {
                error(number, ja: "職員番号\(number)の職員がいません", en: "Staff number \(number) does not exist")
                continue
            }
            if person.placement == nil {
                error(number, ja: "\(name(number))：異動日の前日に所属がありません", en: "\(name(number)) has no post on the day before the transfer")
            } else if person.retiresBefore {
                error(number, ja: "\(name(number))：異動日前に定年退職します", en: "\(name(number)) retires before the transfer date")
            }
            if facts.pinnedToStay(number) {
                error(number, ja: "\(name(number))：残留指定ですが異動者に含まれています", en: "\(name(number)) is pinned to stay but is on the movers' list")
            }
        }
        if issues.contains(where: { $0.severity == .error }) { throw RotationInputError(issues: issues) }

        let moverSet = Set(moverList.map(\.staffNumber))

        // Seats per pool and stayers.
        let postSeats = facts.postSeats()
        var seats: [SeatPool: Int] = [:]
        var warnings: [RotationIssue] = []
        for section in input.sections {
            let headcount = input.headcountOverrides[section.code] ?? section.authorizedHeadcount
            var posts = 0
            for (tier, count) in postSeats[section.code] ?? [:] where count > 0 {
                seats[SeatPool(sectionCode: section.code, tier: tier)] = count
                posts += count
            }
            seats[SeatPool(sectionCode: section.code, tier: 0)] = max(0, headcount - posts)
        }
        var stayersByPool: [SeatPool: [StaffNumber]] = [:]
        for number in facts.order {
            guard let person = facts.people[number], person.counted, !moverSet.contains(number),
                  let placement = person.placement else { continue }
            let pool = SeatPool(sectionCode: placement.sectionCode, tier: person.tier)
            stayersByPool[pool, default: []].append(number)
        }
        var open: [SeatPool: Int] = [:]
        for (pool, count) in seats {
            let taken = stayersByPool[pool]?.count ?? 0
            if taken > count, facts.sectionByCode[pool.sectionCode] != nil {
                warnings.append(RotationIssue(
                    .warning, sectionCode: pool.sectionCode,
                    Bilingual(
                        ja: "\(facts.sectionName(pool.sectionCode).ja)：残留者\(taken)人が定数\(count)を超えています",
                        en: "\(facts.sectionName(pool.sectionCode).en): \(taken) staying exceed the \(EnglishCount.of(count, "seat"))")))
            }
            open[pool] = max(0, count - taken)
        }
        for (pool, value) in input.openSeatOverrides { open[pool] = value }

        // Pools: open seats, plus the own pool of every optional mover (to stay).
        var poolSet = Set(open.filter { $0.value > 0 }.keys)
        var stayPoolKey: [StaffNumber: SeatPool] = [:]
        for mover in moverList where !mover.mustMove {
            guard let person = facts.people[mover.staffNumber], let placement = person.placement else { continue }
            let pool = SeatPool(sectionCode: placement.sectionCode, tier: person.tier)
            stayPoolKey[mover.staffNumber] = pool
            poolSet.insert(pool)
            // The mover's own seat is open (movers are not stayers) unless overridden.
            if open[pool] == nil { open[pool] = 1 }
        }
        let pools = poolSet.sorted()
        var poolIndex: [SeatPool: Int] = [:]
        for (index, pool) in pools.enumerated() { poolIndex[pool] = index }

        // Pin checks that need seats.
        var pinsToPool: [Int: [StaffNumber]] = [:]
        for mover in moverList {
            let number = mover.staffNumber
            guard let code = facts.mustGoTo(number), let person = facts.people[number] else { continue }
            if !input.jobTypeFit.accepts(jobType: person.record.jobType, section: code) {
                error(number, code, ja: "\(name(number))（\(person.record.jobType)）は職種が\(facts.sectionName(code).ja)に合いません",
                      en: "\(name(number)) (\(person.record.jobType)) does not fit \(facts.sectionName(code).en) by job type")
                continue
            }
            let pool = SeatPool(sectionCode: code, tier: person.tier)
            guard let index = poolIndex[pool], (open[pool] ?? 0) > 0 else {
                error(number, code, ja: "\(name(number))の指定先\(facts.sectionName(code).ja)に空席がありません",
                      en: "\(name(number)): \(facts.sectionName(code).en) has no open seat at that level")
                continue
            }
            pinsToPool[index, default: []].append(number)
        }
        for (index, numbers) in pinsToPool.sorted(by: { $0.key < $1.key }) {
            let pool = pools[index]
            let count = open[pool] ?? 0
            if numbers.count > count {
                error(nil, pool.sectionCode,
                      ja: "\(facts.sectionName(pool.sectionCode).ja)：空席\(count)に\(numbers.count)人が指定されています（\(numbers.map(name).joined(separator: "、"))）",
                      en: "\(facts.sectionName(pool.sectionCode).en): \(numbers.count) pinned to \(count) open seat(s) (\(numbers.map(name).joined(separator: ", ")))")
            }
        }
        if issues.contains(where: { $0.severity == .error }) { throw RotationInputError(issues: issues) }

        // Former-subordinate conflicts for those leaving a managerial post.
        var subordinateConflicts: [Int: [Int: [StaffNumber]]] = [:]
        let leaving = moverList.enumerated().filter { facts.people[$0.element.staffNumber]?.leavesManagerialPost == true }
        if !leaving.isEmpty {
            var index: [SectionCode: [AssignmentRecord]] = [:]
            for record in input.assignments { index[record.sectionCode, default: []].append(record) }
            // Supervisors who stay, by section.
            var supervisorsBySection: [SectionCode: [StaffNumber]] = [:]
            for (pool, numbers) in stayersByPool where pool.tier > 0 {
                supervisorsBySection[pool.sectionCode, default: []].append(contentsOf: numbers)
            }
            for (moverIndex, mover) in leaving {
                guard let person = facts.people[mover.staffNumber] else { continue }
                let former = facts.formerSubordinates(of: person, years: rules.subordinateYears, index: index)
                guard !former.isEmpty else { continue }
                var conflicts: [Int: [StaffNumber]] = [:]
                for (poolIdx, pool) in pools.enumerated() where pool.tier == person.tier {
                    let above = (facts.ancestorsOf[pool.sectionCode] ?? [pool.sectionCode])
                        .flatMap { supervisorsBySection[$0] ?? [] }
                        .filter { former.contains($0) && $0 != mover.staffNumber }
                    if !above.isEmpty { conflicts[poolIdx] = above.sorted() }
                }
                if !conflicts.isEmpty { subordinateConflicts[moverIndex] = conflicts }
            }
        }

        let core = ModelCore(facts: facts, pools: pools, open: open, subordinateConflicts: subordinateConflicts)
        var pairs: [Pair] = []
        var stayPool: [Int?] = []
        var unplaceable: [StaffNumber] = []
        var moverIndex: [StaffNumber: Int] = [:]
        let limit = rules.candidateLimit
        for (m, mover) in moverList.enumerated() {
            moverIndex[mover.staffNumber] = m
            let stay = stayPoolKey[mover.staffNumber].flatMap { poolIndex[$0] }
            stayPool.append(stay)
            let row = core.row(mover: mover, moverIndex: m, stayPool: stay)
            var kept: [(pool: Int, cost: Int)]
            if let limit, row.ordinary.count > limit {
                // Sort packed keys (cost offset, spread, position) as plain integers; fall back
                // to a comparison sort when the costs span more than 20 bits.
                let ordinary = row.ordinary
                let low = ordinary.reduce(Int.max) { min($0, $1.cost) }
                let high = ordinary.reduce(Int.min) { max($0, $1.cost) }
                kept = row.special
                if high - low < 0x10_0000, ordinary.count < 0x100_0000 {
                    var keys = ordinary.enumerated().map { index, item -> UInt64 in
                        (UInt64(item.cost - low) << 44) | ((spread(m, item.pool) & 0xF_FFFF) << 24) | UInt64(index)
                    }
                    RotationPlanner.selectSmallest(&keys, count: limit)
                    for key in keys.prefix(limit) { kept.append(ordinary[Int(key & 0xFF_FFFF)]) }
                } else {
                    let sorted = ordinary.sorted { a, b in
                        a.cost != b.cost ? a.cost < b.cost : (spread(m, a.pool) & 0xF_FFFF) < (spread(m, b.pool) & 0xF_FFFF)
                    }
                    kept += sorted.prefix(limit)
                }
            } else {
                kept = row.special + row.ordinary
            }
            if kept.isEmpty { unplaceable.append(mover.staffNumber) }
            for item in kept { pairs.append(Pair(staff: m, section: item.pool, cost: item.cost)) }
        }
        let capacities = pools.map { open[$0] ?? 0 }
        let problem: AssignmentProblem
        do {
            problem = try AssignmentProblem(staffCount: moverList.count, capacities: capacities, pairs: pairs)
        } catch {
            throw RotationInputError(issues: [RotationIssue(.error, Bilingual(ja: "内部エラー：\(error)", en: "internal error: \(error)"))])
        }
        return PlannerModel(
            problem: problem, movers: moverList, pools: pools, moverIndex: moverIndex, poolIndex: poolIndex,
            stayPool: stayPool, stayers: stayersByPool, warnings: warnings.sorted { ($0.sectionCode ?? "") < ($1.sectionCode ?? "") },
            unplaceable: unplaceable, baseCost: base, facts: facts, subordinateConflicts: subordinateConflicts)
    }

    /// Moves the `count` smallest keys to the front (in no particular order): quickselect.
    static func selectSmallest(_ keys: inout [UInt64], count: Int) {
        guard count < keys.count else { return }
        var lo = 0, hi = keys.count - 1
        let k = count - 1
        keys.withUnsafeMutableBufferPointer { a in
            while lo < hi {
                // Median of three as the pivot.
                let mid = lo + (hi - lo) / 2
                if a[mid] < a[lo] { a.swapAt(mid, lo) }
                if a[hi] < a[lo] { a.swapAt(hi, lo) }
                if a[hi] < a[mid] { a.swapAt(hi, mid) }
                let pivot = a[mid]
                var i = lo, j = hi
                while i <= j {
                    while a[i] < pivot { i += 1 }
                    while a[j] > pivot { j -= 1 }
                    if i <= j {
                        a.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if k <= j { hi = j } else if k >= i { lo = i } else { return }
            }
        }
    }

    /// A deterministic pseudo-random tie-break, so equal-cost candidates spread over sections.
    static func spread(_ a: Int, _ b: Int) -> UInt64 {
        var x = UInt64(truncatingIfNeeded: a) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: b) &* 0xC2B2_AE3D_27D4_EB4F
        x ^= x >> 31
        x = x &* 0xBF58_476D_1CE4_E5B9
        return x ^ (x >> 29)
    }

    // MARK: - Solve

    /// The result of a solve with placements by staff number.
    public struct PlanResult: Sendable {
        public var solution: Solution
        /// 職員番号 → the seat pool (for a mover who stays, their own pool).
        public var placements: [StaffNumber: SeatPool]
        /// The certificate check: `.success` proves the placement optimal for the model.
        public var verification: Result<Void, CertificateViolation>
        public var totalCost: Int64 { solution.totalCost }
    }

    public enum PlanOutcome: Sendable {
        case optimal(PlanResult)
        case infeasible(InfeasibilityExplanation)
        case stopped
    }

    /// Solves the model exactly (cold) and checks the optimality certificate.
    public static func solve(_ model: PlannerModel, limits: SolveLimits = .none) -> PlanOutcome {
        let solver = AssignmentSolver(model.problem)
        return outcome(solver.solve(limits: limits), model: model, problem: model.problem)
    }

    /// Maps a solver outcome (e.g. of a warm re-solve after `pin`/`removePair` on an
    /// `AssignmentSolver` built from `model.problem`) to placements; `problem` is the
    /// solver's `currentProblem`, against which the certificate is checked.
    public static func outcome(_ outcome: SolveOutcome, model: PlannerModel, problem: AssignmentProblem) -> PlanOutcome {
        switch outcome {
        case .optimal(let solution):
            return .optimal(result(solution, model: model, problem: problem))
        case .infeasible(let violator):
            return .infeasible(explainInfeasibility(violator, model: model))
        case .stopped:
            return .stopped
        }
    }

    public static func result(_ solution: Solution, model: PlannerModel, problem: AssignmentProblem? = nil) -> PlanResult {
        var placements: [StaffNumber: SeatPool] = [:]
        for (m, j) in solution.assignment.enumerated() where j >= 0 {
            placements[model.movers[m].staffNumber] = model.pools[j]
        }
        return PlanResult(
            solution: solution, placements: placements,
            verification: solution.verify(against: problem ?? model.problem))
    }
}

/// The rule logic shared by `build` and the explanations (one source of truth).
struct ModelCore {
    let facts: RotationFacts
    let pools: [SeatPool]
    let open: [SeatPool: Int]
    let subordinateConflicts: [Int: [Int: [StaffNumber]]]
    // Interned per pool.
    let poolDepartment: [Int]
    let poolIsCollaboration: [Bool]
    let poolSectionId: [Int]
    let poolAccepts: [Bool]            // pool * jobTypeCount + job type id → accepted
    let jobTypeCount: Int
    let poolTier: [Int]
    let jobTypeId: [String: Int]
    let sectionId: [SectionCode: Int]
    let departmentId: [SectionCode: Int]
    let poolsByTier: [Int: [Int]]
    let poolOpen: [Int]

    init(facts: RotationFacts, pools: [SeatPool], open: [SeatPool: Int], subordinateConflicts: [Int: [Int: [StaffNumber]]]) {
        self.facts = facts
        self.pools = pools
        self.open = open
        self.subordinateConflicts = subordinateConflicts
        var jobTypes: [String: Int] = [:]
        for person in facts.people.values where jobTypes[person.record.jobType] == nil {
            jobTypes[person.record.jobType] = jobTypes.count
        }
        var sections: [SectionCode: Int] = [:]
        var departments: [SectionCode: Int] = [:]
        var poolDepartment: [Int] = []
        var poolSection: [Int] = []
        var poolAccepts: [[Bool]] = []
        var byTier: [Int: [Int]] = [:]
        for code in facts.sectionByCode.keys.sorted() {
            sections[code] = sections.count
            let dept = facts.department(of: code)
            if departments[dept] == nil { departments[dept] = departments.count }
        }
        var acceptedCache: [SectionCode: [Bool]] = [:]
        for (index, pool) in pools.enumerated() {
            let code = pool.sectionCode
            if sections[code] == nil { sections[code] = sections.count }
            let dept = facts.department(of: code)
            if departments[dept] == nil { departments[dept] = departments.count }
            poolDepartment.append(departments[dept]!)
            poolSection.append(sections[code]!)
            if acceptedCache[code] == nil {
                let accepted = facts.input.jobTypeFit.accepted(section: code)
                var row = [Bool](repeating: false, count: jobTypes.count)
                for (type, id) in jobTypes where accepted.contains(type) { row[id] = true }
                acceptedCache[code] = row
            }
            poolAccepts.append(acceptedCache[code]!)
            byTier[pool.tier, default: []].append(index)
        }
        self.poolDepartment = poolDepartment
        self.poolSectionId = poolSection
        self.poolAccepts = poolAccepts.flatMap { $0 }
        self.jobTypeCount = jobTypes.count
        self.poolTier = pools.map(\.tier)
        self.poolIsCollaboration = pools.map { facts.sectionByCode[$0.sectionCode]?.isCollaborationPost ?? false }
        self.jobTypeId = jobTypes
        self.sectionId = sections
        self.departmentId = departments
        self.poolsByTier = byTier
        self.poolOpen = pools.map { open[$0] ?? 0 }
    }

    struct MoverContext {
        var mover: Mover
        var person: RotationFacts.Person
        var wishRank: [SectionCode: Int]
        var currentDepartment: SectionCode
        var noReturn: Set<SectionCode>
        var mustNotGoTo: Set<SectionCode>
        var mustGoTo: SectionCode?
        var earlyCareer: Bool
        var lastChance: Bool
        var wantsToMove: Bool
        // Interned for the fast cost.
        var wishRankById: [Int: Int]
        /// Small arrays (a few entries): a linear scan beats hashing in the inner loop.
        var wishIds: [(section: Int, rank: Int)]
        var noReturnIds: [Int]
        var mustNotGoToIds: [Int]
        var tier: Int
        var mustGoToId: Int?
        var currentSectionId: Int
        var currentDepartmentId: Int
        var jobType: Int
        /// Pool index → former subordinates above that seat (movers leaving a managerial post).
        var conflicts: [Int: [StaffNumber]]?
    }

    func context(_ mover: Mover) -> MoverContext? {
        guard let person = facts.people[mover.staffNumber], let placement = person.placement else { return nil }
        var ranks: [SectionCode: Int] = [:]
        for wish in facts.input.wishes[mover.staffNumber] ?? [] where ranks[wish.sectionCode].map({ wish.rank < $0 }) ?? true {
            ranks[wish.sectionCode] = wish.rank
        }
        let noReturn = facts.noReturnSections(person)
        let mustNot = facts.mustNotGoTo(mover.staffNumber)
        let mustGo = facts.mustGoTo(mover.staffNumber)
        let department = facts.department(of: placement.sectionCode)
        var rankById: [Int: Int] = [:]
        for (code, rank) in ranks { if let id = sectionId[code] { rankById[id] = rank } }
        return MoverContext(
            mover: mover, person: person, wishRank: ranks, currentDepartment: department,
            noReturn: noReturn, mustNotGoTo: mustNot, mustGoTo: mustGo,
            earlyCareer: facts.isEarlyCareerWithoutCollaboration(person),
            lastChance: facts.isLastChance(person), wantsToMove: facts.wantsToMove(mover.staffNumber),
            wishRankById: rankById, wishIds: rankById.map { ($0.key, $0.value) },
            noReturnIds: noReturn.compactMap { sectionId[$0] },
            mustNotGoToIds: mustNot.compactMap { sectionId[$0] }, tier: person.tier, mustGoToId: mustGo.map { sectionId[$0] ?? -2 },
            currentSectionId: sectionId[placement.sectionCode] ?? -1, currentDepartmentId: departmentId[department] ?? -1,
            jobType: jobTypeId[person.record.jobType] ?? -1, conflicts: nil)
    }

    func context(_ mover: Mover, moverIndex m: Int) -> MoverContext? {
        guard var c = context(mover) else { return nil }
        c.conflicts = subordinateConflicts[m]
        return c
    }

    /// The cost of placing the mover in pool `p`, or nil when a block forbids it: the same
    /// rules as ``blocks`` and ``terms`` without building texts (for large models).
    func fastCost(_ c: MoverContext, moverIndex m: Int, pool p: Int, stayPool: Int?) -> Int? {
        let rules = facts.rules
        let w = rules.weights
        if p == stayPool { return RotationPlanner.base + (c.wantsToMove ? w.moveWishUnmet : 0) }
        let s = poolSectionId[p]
        if c.jobType >= 0, !poolAccepts[p &* jobTypeCount &+ c.jobType] { return nil }
        if poolTier[p] != c.tier { return nil }
        if poolOpen[p] <= 0 { return nil }
        if let target = c.mustGoToId {
            if target != s { return nil }
        } else {
            if s == c.currentSectionId || c.noReturnIds.contains(s) { return nil }
            if !c.mustNotGoToIds.isEmpty, c.mustNotGoToIds.contains(s) { return nil }
            if rules.subordinateMode == .hard, c.conflicts?[p] != nil { return nil }
            if rules.earlyCareerDeadlineMode == .hard, c.lastChance, !poolIsCollaboration[p] { return nil }
        }
        var cost = RotationPlanner.base
        for wish in c.wishIds where wish.section == s { cost -= w.wishBonus(rank: wish.rank) }
        if c.mustGoTo == nil, !c.mover.mustMove, !c.wantsToMove { cost += w.optionalMove }
        if poolDepartment[p] != c.currentDepartmentId { cost -= w.breadth }
        if c.earlyCareer, poolIsCollaboration[p] {
            cost -= w.collaborationPerYear * c.person.yearOfService
            if c.lastChance { cost -= w.collaborationLastChance }
        }
        if c.person.yearsInPost < rules.minYearsInPost { cost += w.minYearsInPost }
        if rules.subordinateMode == .warning, c.conflicts?[p] != nil { cost += w.subordinate }
        return cost
    }

    /// The blocks on placing the mover in pool `p` (empty: allowed, before the candidate limit).
    func blocks(_ c: MoverContext, moverIndex m: Int, pool p: Int, stayPool: Int?) -> [PlacementBlock] {
        if p == stayPool { return [] }
        let pool = pools[p]
        let code = pool.sectionCode
        var result: [PlacementBlock] = []
        if facts.sectionByCode[code] == nil { return [.unknownSection] }
        if let id = jobTypeId[c.person.record.jobType], !poolAccepts[p * jobTypeCount + id] { result.append(.jobType(c.person.record.jobType)) }
        if pool.tier != c.person.tier { result.append(.noPostOfTier(c.person.tier)) }
        if (open[pool] ?? 0) <= 0 { result.append(.noOpenSeat) }
        if let target = c.mustGoTo {
            if target != code { result.append(.pinnedElsewhere(target)) }
            return result
        }
        if code == c.person.placement?.sectionCode { result.append(.currentSection) }
        else if c.noReturn.contains(code) { result.append(.noReturn) }
        if c.mustNotGoTo.contains(code) { result.append(.mustNotGoTo) }
        if facts.rules.subordinateMode == .hard, let above = subordinateConflicts[m]?[p] {
            result.append(.subordinate(supervisors: above))
        }
        if facts.rules.earlyCareerDeadlineMode == .hard, c.lastChance, !poolIsCollaboration[p] {
            result.append(.earlyCareerDeadline)
        }
        return result
    }

    /// The cost terms of placing the mover in pool `p` (assumed allowed).
    func terms(_ c: MoverContext, moverIndex m: Int, pool p: Int, stayPool: Int?) -> [CostTerm] {
        let w = facts.rules.weights
        var result: [CostTerm] = []
        if p == stayPool {
            if c.wantsToMove {
                result.append(CostTerm(kind: .moveWishUnmet, points: w.moveWishUnmet,
                                       text: Bilingual(ja: "異動希望が叶わず残留", en: "stays although they asked to move")))
            }
            return result
        }
        let code = pools[p].sectionCode
        if let rank = c.wishRank[code], w.wishBonus(rank: rank) != 0 {
            result.append(CostTerm(kind: .wish(rank: rank), points: -w.wishBonus(rank: rank),
                                   text: Bilingual(ja: "第\(rank)希望", en: Self.ordinal(rank) + " wish")))
        }
        if c.mustGoTo == nil, !c.mover.mustMove, !c.wantsToMove, w.optionalMove != 0 {
            result.append(CostTerm(kind: .optionalMove, points: w.optionalMove,
                                   text: Bilingual(ja: "任意の異動", en: "optional move")))
        }
        if facts.department(of: code) != c.currentDepartment, w.breadth != 0 {
            let from = facts.sectionName(c.currentDepartment), to = facts.sectionName(facts.department(of: code))
            result.append(CostTerm(kind: .breadth, points: -w.breadth,
                                   text: Bilingual(ja: "他部へ（\(from.ja)→\(to.ja)）", en: "another department (\(from.en) → \(to.en))")))
        }
        if c.earlyCareer, poolIsCollaboration[p] {
            let year = c.person.yearOfService
            result.append(CostTerm(kind: .collaboration(yearOfService: year), points: -w.collaborationPerYear * year,
                                   text: Bilingual(ja: "市民協働部署へ（採用\(year)年目）", en: "citizen-collaboration post (year \(year))")))
            if c.lastChance, w.collaborationLastChance != 0 {
                result.append(CostTerm(kind: .lastChance, points: -w.collaborationLastChance,
                                       text: Bilingual(ja: "10年以内の最終機会", en: "last chance within the early-career period")))
            }
        }
        if c.person.yearsInPost < facts.rules.minYearsInPost, w.minYearsInPost != 0 {
            let years = c.person.yearsInPost
            result.append(CostTerm(kind: .minYearsInPost(years: years), points: w.minYearsInPost,
                                   text: Bilingual(ja: "在課\(facts.rules.minYearsInPost)年未満で異動（在課\(years)年）",
                                                   en: "moved before \(EnglishCount.of(facts.rules.minYearsInPost, "year")) in post (\(years))")))
        }
        if facts.rules.subordinateMode == .warning, let above = subordinateConflicts[m]?[p], w.subordinate != 0 {
            let names = above.map { facts.people[$0]?.record.name ?? $0.rawValue }
            result.append(CostTerm(kind: .subordinate(supervisors: above), points: w.subordinate,
                                   text: Bilingual(ja: "元部下（\(names.joined(separator: "、"))）の下に配置",
                                                   en: "placed under a former subordinate (\(names.joined(separator: ", ")))")))
        }
        return result
    }

    func cost(_ terms: [CostTerm]) -> Int { RotationPlanner.base + terms.reduce(0) { $0 + $1.points } }

    /// The allowed pools of a mover with costs: `special` ones (stay, pin, wish, collaboration)
    /// are always kept; `ordinary` ones are subject to the candidate limit.
    func row(mover: Mover, moverIndex m: Int, stayPool: Int?) -> (special: [(pool: Int, cost: Int)], ordinary: [(pool: Int, cost: Int)]) {
        guard let c = context(mover, moverIndex: m) else { return ([], []) }
        var special: [(pool: Int, cost: Int)] = []
        var ordinary: [(pool: Int, cost: Int)] = []
        if let stay = stayPool { special.append((stay, cost(terms(c, moverIndex: m, pool: stay, stayPool: stayPool)))) }
        for p in poolsByTier[c.person.tier] ?? [] where p != stayPool {
            guard let value = fastCost(c, moverIndex: m, pool: p, stayPool: stayPool) else { continue }
            let section = poolSectionId[p]
            let isSpecial = c.mustGoToId != nil || c.wishIds.contains { $0.section == section } || (c.earlyCareer && poolIsCollaboration[p])
            if isSpecial { special.append((p, value)) } else { ordinary.append((p, value)) }
        }
        return (special, ordinary)
    }

    static func ordinal(_ n: Int) -> String {
        switch n {
        case 1: "1st"
        case 2: "2nd"
        case 3: "3rd"
        default: "\(n)th"
        }
    }
}
