/// Creates the demo city's staff and simulates their careers fiscal year by fiscal year:
/// promotions into vacant head posts (部長 ← 次長/課長, 課長 ← 課長補佐/係長 …), moves every
/// three to five years on April 1 (a few in the middle of a year), moves forced by
/// reorganizations, 役職定年 at 60, retirement under the raised retirement age and
/// re-appointment, and placement of young staff in citizen-collaboration posts.
struct DemoStaffSimulation {
    let plan: DemoOrganizationPlan
    var rng: DemoRandom
    var people: [Person] = []
    /// Closed assignments, in the order they closed; the open ones are in `current`.
    private var closed: [AssignmentRecord] = []
    private var current: [Current?] = []
    /// 職層 0 主事 … 7 部長 for regular staff; -1 for others.
    private var level: [Int] = []
    private var lastEmployment: [EmploymentType?] = []
    private var hadCollaboration: [Bool] = []
    private var previousSection: [String?] = []

    /// Chance that a move of a young staff member without collaboration experience goes to a
    /// citizen-collaboration post when one has room.
    static let collaborationChance = 0.25

    init(plan: DemoOrganizationPlan, seed: UInt64) {
        self.plan = plan
        self.rng = DemoRandom(seed: seed)
    }

    enum Role: Equatable {
        case head, deputy, member
    }

    struct Pin {
        var fromYear: Int
        var code: String
        var role: Role
    }

    struct Person {
        var staffNumber: String
        var name: String
        var kana: String
        var birth: LocalDate
        var gender: Gender?
        var hire: LocalDate
        var jobType: String
        var merit: Double
        var fiscalYearAppointed: Bool
        var choosesShortTime: Bool
        /// For the seven demo accounts: where they are from which fiscal year on.
        var pins: [Pin] = []

        var isFixed: Bool { !pins.isEmpty }

        func pin(for year: Int) -> Pin? {
            pins.last { $0.fromYear <= year }
        }
    }

    struct Current {
        var code: String
        var post: String
        var start: LocalDate
        var role: Role
        /// The fiscal year on whose April 1 the staff member is due to move.
        var moveYear: Int
    }

    // MARK: - Output

    func staffRecords() -> [StaffRecord] {
        let final = DemoCity.lastFiscalYear
        return people.indices.map { index in
            let person = people[index]
            return StaffRecord(
                staffNumber: StaffNumber(person.staffNumber), name: person.name, nameKana: person.kana, birthDate: person.birth,
                gender: person.gender, hireDate: person.hire, jobType: person.jobType,
                grade: grade(of: index, employment: employment(of: index, in: final)),
                employmentType: employment(of: index, in: final))
        }
    }

    func assignmentRecords() -> [AssignmentRecord] {
        var all = closed
        for (index, open) in current.enumerated() {
            guard let open else { continue }
            all.append(
                AssignmentRecord(
                    staffNumber: StaffNumber(people[index].staffNumber), sectionCode: SectionCode(open.code), post: open.post, start: open.start,
                    end: nil))
        }
        let order = Dictionary(uniqueKeysWithValues: people.enumerated().map { ($1.staffNumber, $0) })
        return all.sorted {
            let left = order[$0.staffNumber.rawValue] ?? 0
            let right = order[$1.staffNumber.rawValue] ?? 0
            return left != right ? left < right : $0.start < $1.start
        }
    }

    // MARK: - Run

    mutating func run() {
        createPeople()
        current = Array(repeating: nil, count: people.count)
        level = Array(repeating: 0, count: people.count)
        lastEmployment = Array(repeating: nil, count: people.count)
        hadCollaboration = Array(repeating: false, count: people.count)
        previousSection = Array(repeating: nil, count: people.count)
        for year in DemoCity.firstFiscalYear...DemoCity.lastFiscalYear {
            simulateApril(year)
            if year == DemoCity.firstFiscalYear { backdateFirstYear() }
            if year < DemoCity.lastFiscalYear { simulateMidYear(year) }
        }
    }

    // MARK: - Employment and grades

    /// The last fiscal year in which someone born on `birth` is regular staff: retirement at
    /// the end of the fiscal year in which they reach the retirement age, raised from 60 by
    /// one year every two years from FY2023.
    static func lastRegularYear(birth: LocalDate) -> Int {
        let birthYear = FiscalYear.containing(birth).startYear
        var year = birthYear + 60
        while year - birthYear < retirementAge(in: year) { year += 1 }
        return year
    }

    static func retirementAge(in year: Int) -> Int {
        year <= 2022 ? 60 : min(65, 61 + (year - 2023) / 2)
    }

    func employment(of index: Int, in year: Int) -> EmploymentType {
        let person = people[index]
        if person.fiscalYearAppointed { return .fiscalYearAppointed }
        if year > Self.lastRegularYear(birth: person.birth) { return .reappointed }
        if person.choosesShortTime, year >= 2023,
           person.birth.age(on: LocalDate(unchecked: year, 4, 1)) >= 60 {
            return .shortTimeReappointed
        }
        return .regular
    }

    static let gradeNames = ["主事", "主任", "主査", "係長", "課長補佐", "課長", "次長", "部長"]

    static func gradeName(level: Int, jobType: String) -> String {
        if level == 0, jobType == DemoJobType.technical { return "技師" }
        return gradeNames[max(0, min(level, gradeNames.count - 1))]
    }

    func grade(of index: Int, employment: EmploymentType) -> String {
        switch employment {
        case .regular: Self.gradeName(level: level[index], jobType: people[index].jobType)
        case .reappointed, .shortTimeReappointed: "主査"
        case .fiscalYearAppointed: "会計年度任用職員"
        }
    }

    static func baseLevel(yearsOfService: Int) -> Int {
        yearsOfService < 8 ? 0 : yearsOfService < 16 ? 1 : 2
    }

    static func minimumAge(forLevel level: Int) -> Int {
        switch level {
        case 7: 53
        case 6: 50
        case 5: 46
        case 4: 42
        default: 36
        }
    }

    // MARK: - One fiscal year's April 1

    /// The sections of one fiscal year with their head posts and member seats.
    final class Year {
        let year: Int
        let sections: [DemoSection]
        let index: [String: Int]
        /// Member seats per section and job type (see ``DemoJobType/placementOrder``).
        var seats: [[Int]]
        var memberSeats: [Int]
        var members: [Int]
        var head: [Int?]
        var deputy: [Int?]
        /// Whether a section takes members of a job type, by ``DemoJobType/placementOrder`` index.
        let admits: [[Bool]]
        let headFits: [[Bool]]
        let isCollaboration: [Bool]
        let codes: [String]
        /// The sections that take members of each job type.
        let admitting: [[Int]]

        init(year: Int, sections: [DemoSection]) {
            self.year = year
            self.sections = sections
            index = Dictionary(uniqueKeysWithValues: sections.enumerated().map { ($1.code, $0) })
            seats = []
            memberSeats = []
            for section in sections {
                let total = max(0, section.record.authorizedHeadcount - 1 - (section.deputyTitle == nil ? 0 : 1))
                memberSeats.append(total)
                seats.append(Self.distribute(total, over: section.profile.memberShares))
            }
            let jobs = DemoJobType.placementOrder
            admits = sections.map { section in jobs.map { section.profile.admitsMember($0) } }
            headFits = sections.map { section in jobs.map { section.profile.headJobTypes.contains($0) } }
            isCollaboration = sections.map(\.record.isCollaborationPost)
            codes = sections.map(\.code)
            admitting = jobs.map { job in sections.indices.filter { sections[$0].profile.admitsMember(job) } }
            members = Array(repeating: 0, count: sections.count)
            head = Array(repeating: nil, count: sections.count)
            deputy = Array(repeating: nil, count: sections.count)
        }

        /// Largest-remainder split of `total` seats by job type.
        static func distribute(_ total: Int, over shares: [(String, Double)]) -> [Int] {
            var result = Array(repeating: 0, count: DemoJobType.placementOrder.count)
            var remainders: [(Int, Double)] = []
            var assigned = 0
            for (jobType, share) in shares {
                let slot = DemoJobType.placementOrder.firstIndex(of: jobType) ?? 0
                let exact = Double(total) * share
                result[slot] = Int(exact)
                assigned += Int(exact)
                remainders.append((slot, exact - Double(Int(exact))))
            }
            remainders.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            for position in 0..<(total - assigned) {
                result[remainders[position % remainders.count].0] += 1
            }
            return result
        }

        func free(_ section: Int) -> Int {
            seats[section].reduce(0) { $0 + max(0, $1) }
        }

        func takeSeat(_ section: Int, jobType: Int) {
            members[section] += 1
            if seats[section][jobType] > 0 {
                seats[section][jobType] -= 1
            } else if let other = seats[section].indices.max(by: { seats[section][$0] < seats[section][$1] }),
                      seats[section][other] > 0 {
                seats[section][other] -= 1
            }
        }

        func releaseSeat(_ section: Int, jobType: Int) {
            members[section] -= 1
            seats[section][jobType] += 1
        }

        func slotLevel(_ section: Int, _ role: Role) -> Int {
            role == .deputy ? sections[section].deputyLevel : sections[section].headLevel
        }

        func fitsHead(_ section: Int, _ jobType: String) -> Bool {
            headFits[section][DemoJobType.placementOrder.firstIndex(of: jobType) ?? 0]
        }
    }

    private struct Target {
        var section: Int
        var role: Role
    }

    private mutating func simulateApril(_ year: Int) {
        let date = LocalDate(unchecked: year, 4, 1)
        guard let sections = plan.years[year] else { return }
        let org = Year(year: year, sections: sections)
        let successors = DemoOrganizationPlan.successors(in: plan.changes[year] ?? [])
        let count = people.count
        var active = [Bool](repeating: false, count: count)
        var age = [Int](repeating: 0, count: count)
        var service = [Int](repeating: 0, count: count)
        var employmentNow = [EmploymentType](repeating: .regular, count: count)
        var target = [Target?](repeating: nil, count: count)
        let jobIndex = people.map { DemoJobType.placementOrder.firstIndex(of: $0.jobType) ?? 0 }

        for index in 0..<count where people[index].hire <= date {
            active[index] = true
            age[index] = people[index].birth.age(on: date)
            service[index] = LocalDate.completedYears(from: people[index].hire, to: date)
            employmentNow[index] = employment(of: index, in: year)
            if employmentNow[index] == .regular {
                var newLevel = max(level[index], Self.baseLevel(yearsOfService: service[index]))
                if newLevel >= 3, age[index] >= 60 { newLevel = 2 }  // 役職定年
                level[index] = newLevel
            } else {
                level[index] = -1
            }
            if let pin = people[index].pin(for: year), pin.role != .member, let section = org.index[pin.code] {
                level[index] = org.slotLevel(section, pin.role)
            }
        }

        // Who stays where they are.
        for index in 0..<count where active[index] {
            guard let now = current[index], let section = org.index[now.code] else { continue }
            let person = people[index]
            if let pin = person.pin(for: year) {
                guard pin.code == now.code, pin.role == now.role else { continue }
            } else {
                if !person.isFixed, year >= now.moveYear { continue }
                if now.role != .member, level[index] != org.slotLevel(section, now.role) { continue }
                if now.role != .member, !org.fitsHead(section, person.jobType) { continue }
                if lastEmployment[index] != employmentNow[index], rng.chance(0.5) { continue }
                if now.role == .member, !org.sections[section].profile.admitsMember(person.jobType) { continue }
            }
            switch now.role {
            case .head: org.head[section] = index
            case .deputy: org.deputy[section] = index
            case .member: org.takeSeat(section, jobType: jobIndex[index])
            }
            target[index] = Target(section: section, role: now.role)
        }

        // The demo accounts' head posts, displacing whoever held them.
        for index in 0..<count where active[index] {
            guard let pin = people[index].pin(for: year), pin.role != .member,
                  let section = org.index[pin.code], target[index]?.section != section || target[index]?.role != pin.role
            else { continue }
            let holder = pin.role == .head ? org.head[section] : org.deputy[section]
            if let holder { target[holder] = nil }
            if pin.role == .head { org.head[section] = index } else { org.deputy[section] = index }
            target[index] = Target(section: section, role: pin.role)
        }

        // Who could be promoted this year: regular staff other than the demo accounts, with their
        // rating (merit and seniority, less if they took up their post only a year ago).
        var pool: [Candidate] = []
        for index in 0..<count where active[index] && !people[index].isFixed && employmentNow[index] == .regular
            && age[index] < 60 && service[index] >= 12 {
            var score = people[index].merit + 0.02 * Double(service[index])
            if let now = current[index], now.start > date.adding(years: -2), now.moveYear > year {
                score -= 0.6  // promoted out of a post taken up only a year ago: rarely
            }
            pool.append(Candidate(index: index, age: age[index], jobType: people[index].jobType, score: score))
        }
        pool.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }

        // Head posts, from the top: first those already at the level who must move, then promotions.
        for slotLevel in stride(from: 7, through: 3, by: -1) {
            var movers = (0..<count).filter {
                active[$0] && target[$0] == nil && employmentNow[$0] == .regular && level[$0] == slotLevel
            }
            rng.shuffle(&movers)
            // Those who fit the fewest posts (specialists) choose first.
            let openSlots = vacantSlots(org, level: slotLevel)
            let fitting = movers.map { index in openSlots.filter { org.fitsHead($0.0, people[index].jobType) }.count }
            let order = movers.indices.sorted { fitting[$0] != fitting[$1] ? fitting[$0] < fitting[$1] : $0 < $1 }
            for index in order.map({ movers[$0] }) {
                let vacancies = vacantSlots(org, level: slotLevel).filter {
                    org.fitsHead($0.0, people[index].jobType) && org.codes[$0.0] != current[index]?.code
                }
                guard !vacancies.isEmpty else {
                    // No other post of this level is free: stay another year where they are.
                    if let now = current[index], now.role != .member, let section = org.index[now.code],
                       org.slotLevel(section, now.role) == slotLevel, org.fitsHead(section, people[index].jobType),
                       (now.role == .head ? org.head[section] : org.deputy[section]) == nil {
                        occupy(org, (section, now.role), by: index)
                        target[index] = Target(section: section, role: now.role)
                    }
                    continue
                }
                // Leave the posts that specialists can hold to them where possible.
                var choice = vacancies[rng.weightedIndex(vacancies.map {
                    org.sections[$0.0].profile.headJobTypes.count == 1 ? 1.0 : 0.25
                })]
                if let old = current[index]?.code, let successor = successors[old],
                   let preferred = vacancies.first(where: { org.codes[$0.0] == successor }) {
                    choice = preferred
                }
                occupy(org, choice, by: index)
                target[index] = Target(section: choice.0, role: choice.1)
            }
            for vacancy in vacantSlots(org, level: slotLevel) {
                guard let chosen = promotionCandidate(
                    for: vacancy, level: slotLevel, org: org, pool: pool, target: target)
                else { continue }
                if let old = target[chosen] {
                    switch old.role {
                    case .head: org.head[old.section] = nil
                    case .deputy: org.deputy[old.section] = nil
                    case .member: org.releaseSeat(old.section, jobType: jobIndex[chosen])
                    }
                }
                level[chosen] = slotLevel
                occupy(org, vacancy, by: chosen)
                target[chosen] = Target(section: vacancy.0, role: vacancy.1)
            }
        }

        // Everyone else who moves (new hires included) to a member seat.
        var movers = (0..<count).filter { active[$0] && target[$0] == nil }
        rng.shuffle(&movers)
        movers.sort {
            let left = (people[$0].isFixed ? 0 : 1, jobIndex[$0])
            let right = (people[$1].isFixed ? 0 : 1, jobIndex[$1])
            return left < right
        }
        for index in movers {
            let section: Int
            if let pin = people[index].pin(for: year), let pinned = org.index[pin.code] {
                section = pinned
            } else {
                section = chooseMemberSection(
                    for: index, org: org, young: employmentNow[index] == .regular && service[index] < 10,
                    successor: current[index].flatMap { successors[$0.code] }.flatMap { org.index[$0] })
            }
            org.takeSeat(section, jobType: jobIndex[index])
            target[index] = Target(section: section, role: .member)
        }

        // Record the year's assignments.
        for index in 0..<count where active[index] {
            guard let placed = target[index] else { continue }
            let section = org.sections[placed.section]
            let post: String
            switch placed.role {
            case .head: post = section.headTitle
            case .deputy: post = section.deputyTitle ?? "次長"
            case .member: post = level[index] >= 3 ? (level[index] >= 5 ? "参事" : "主幹") : grade(of: index, employment: employmentNow[index])
            }
            let tenure: Int
            if people[index].fiscalYearAppointed {
                tenure = 99
            } else if current[index] == nil {
                tenure = rng.weighted([(3, 0.5), (4, 0.5)])
            } else if placed.role != .member {
                tenure = rng.weighted([(2, 0.2), (3, 0.5), (4, 0.3)])
            } else if employmentNow[index] != .regular {
                tenure = rng.weighted([(2, 0.3), (3, 0.4), (5, 0.3)])
            } else {
                tenure = rng.weighted([(3, 0.35), (4, 0.4), (5, 0.25)])
            }
            start(index, code: section.code, post: post, role: placed.role, on: date, moveYear: year + tenure)
            if section.record.isCollaborationPost { hadCollaboration[index] = true }
            lastEmployment[index] = employmentNow[index]
        }
    }

    private func vacantSlots(_ org: Year, level slotLevel: Int) -> [(Int, Role)] {
        var result: [(Int, Role)] = []
        for section in org.sections.indices {
            if org.sections[section].headLevel == slotLevel, org.head[section] == nil { result.append((section, .head)) }
            if org.sections[section].deputyTitle != nil, org.sections[section].deputyLevel == slotLevel,
               org.deputy[section] == nil {
                result.append((section, .deputy))
            }
        }
        return result
    }

    private func occupy(_ org: Year, _ slot: (Int, Role), by index: Int) {
        if slot.1 == .head { org.head[slot.0] = index } else { org.deputy[slot.0] = index }
    }

    private struct Candidate {
        var index: Int
        var age: Int
        var jobType: String
        var score: Double
    }

    /// The best-rated eligible staff member one level below (failing that, two; failing that,
    /// any 主査 or above) whose job type fits the post. `pool` is sorted best first.
    private func promotionCandidate(
        for slot: (Int, Role), level slotLevel: Int, org: Year, pool: [Candidate], target: [Target?]
    ) -> Int? {
        let minimumAge = Self.minimumAge(forLevel: slotLevel)
        let headJobTypes = org.sections[slot.0].profile.headJobTypes
        // Only job types with several posts at this level are promoted into it (so that the
        // holder can later move to another post of the same level), unless the post is one
        // only a single job type holds (消防長, 園長).
        var postsFitting: [String: Int] = [:]
        if headJobTypes.count > 1 {
            for section in org.sections.indices {
                let posts = (org.sections[section].headLevel == slotLevel ? 1 : 0)
                    + (org.sections[section].deputyTitle != nil && org.sections[section].deputyLevel == slotLevel ? 1 : 0)
                guard posts > 0 else { continue }
                for jobType in org.sections[section].profile.headJobTypes { postsFitting[jobType, default: 0] += posts }
            }
        }
        let passes: [ClosedRange<Int>] = [
            (slotLevel - 1)...(slotLevel - 1), max(2, slotLevel - 2)...max(2, slotLevel - 2), 2...(slotLevel - 1),
        ]
        for levels in passes {
            for candidate in pool {
                guard levels.contains(level[candidate.index]), candidate.age >= minimumAge,
                      headJobTypes.contains(candidate.jobType),
                      headJobTypes.count == 1 || postsFitting[candidate.jobType, default: 0] >= 4
                else { continue }
                if let placed = target[candidate.index], placed.role != .member,
                   org.slotLevel(placed.section, placed.role) >= slotLevel {
                    continue
                }
                return candidate.index
            }
        }
        return nil
    }

    private mutating func chooseMemberSection(for index: Int, org: Year, young: Bool, successor: Int?) -> Int {
        let person = people[index]
        let job = DemoJobType.placementOrder.firstIndex(of: person.jobType) ?? 0
        let here = current[index].flatMap { org.index[$0.code] } ?? -1
        let before = previousSection[index].flatMap { org.index[$0] } ?? -1
        let admitting = org.admitting[job]
        if let successor, org.admits[successor][job], org.free(successor) > 0, rng.chance(0.85) {
            return successor
        }
        var open: [Int] = []
        var collaboration: [Int] = []
        for section in admitting where org.seats[section][job] > 0 && section != here && section != before {
            open.append(section)
            if org.isCollaboration[section] { collaboration.append(section) }
        }
        let wantsCollaboration = young && !hadCollaboration[index]
        if wantsCollaboration, !collaboration.isEmpty, rng.chance(Self.collaborationChance) {
            return collaboration[rng.weightedIndex(collaboration.map { Double(org.seats[$0][job]) })]
        }
        if !open.isEmpty {
            let weights = open.map { section -> Double in
                let seats = Double(org.seats[section][job])
                return org.isCollaboration[section] && !wantsCollaboration ? seats * 0.3 : seats
            }
            return open[rng.weightedIndex(weights)]
        }
        let anyRoom = admitting.filter { org.free($0) > 0 && $0 != here }
        if !anyRoom.isEmpty {
            return anyRoom[rng.weightedIndex(anyRoom.map { Double(org.free($0)) })]
        }
        // Every fitting section is full: the least crowded one.
        return admitting.min {
            Double(org.members[$0] + 1) / Double(max(1, org.memberSeats[$0]))
                < Double(org.members[$1] + 1) / Double(max(1, org.memberSeats[$1]))
        } ?? 0
    }

    private mutating func start(_ index: Int, code: String, post: String, role: Role, on date: LocalDate, moveYear: Int) {
        if let now = current[index] {
            if now.code == code, now.post == post, now.role == role { return }
            closed.append(
                AssignmentRecord(
                    staffNumber: StaffNumber(people[index].staffNumber), sectionCode: SectionCode(now.code), post: now.post, start: now.start,
                    end: date.adding(days: -1)))
            if now.code != code { previousSection[index] = now.code }
            if now.code == code {
                // A promotion or new employment in the same section keeps the move schedule.
                current[index] = Current(code: code, post: post, start: date, role: role, moveYear: now.moveYear)
                return
            }
        }
        current[index] = Current(code: code, post: post, start: date, role: role, moveYear: moveYear)
    }

    // MARK: - Before FY2021

    /// On the first April 1 everyone was placed afresh; most had in fact been in that post for
    /// a while, and before it somewhere else. Moves the start back by up to three years and
    /// adds the one assignment before it (with FY2021 codes), avoiding two holders of one head
    /// post at once.
    private mutating func backdateFirstYear() {
        let first = DemoCity.firstFiscalYear
        let date = LocalDate(unchecked: first, 4, 1)
        guard let sections = plan.years[first] else { return }
        let org = Year(year: first, sections: sections)
        var headHistory: [String: [(LocalDate, LocalDate)]] = [:]
        func key(_ code: String, _ role: Role) -> String { "\(code)/\(role == .head ? "H" : "D")" }

        var earlierStarts: [Int: LocalDate] = [:]
        for index in people.indices {
            guard var now = current[index], people[index].hire < date else { continue }
            let person = people[index]
            let service = LocalDate.completedYears(from: person.hire, to: date)
            var back: Int
            if person.fiscalYearAppointed {
                back = service + 1
            } else if person.isFixed {
                back = min(service, 2)
            } else if employment(of: index, in: first) != .regular, Self.lastRegularYear(birth: person.birth) == first - 1 {
                back = 0
            } else if now.role == .member {
                back = rng.weighted([(0, 0.25), (1, 0.25), (2, 0.25), (3, 0.25)])
            } else {
                back = rng.weighted([(0, 0.35), (1, 0.35), (2, 0.3)])
            }
            back = min(back, service + 1)
            var since = date.adding(years: -back)
            if since < person.hire { since = person.hire }
            now.start = since
            if !person.isFixed, !person.fiscalYearAppointed {
                let tenure = now.role == .member ? rng.int(3...5) : rng.int(2...4)
                now.moveYear = max(first + 1, FiscalYear.containing(since).startYear + tenure)
            }
            current[index] = now
            if now.role != .member { headHistory[key(now.code, now.role), default: []].append((since, date)) }
            if since > person.hire { earlierStarts[index] = since }
        }

        for index in people.indices {
            guard let since = earlierStarts[index], let now = current[index] else { continue }
            let person = people[index]
            var from = since.adding(years: -rng.int(2...5))
            if from.adding(years: -1) < person.hire { from = person.hire }
            let until = since.adding(days: -1)
            let serviceThen = LocalDate.completedYears(from: person.hire, to: from)
            var post = Self.gradeName(level: min(2, Self.baseLevel(yearsOfService: serviceThen)), jobType: person.jobType)
            var code: String?
            let levelNow = now.role == .member ? min(2, max(0, level[index])) : org.slotLevel(org.index[now.code] ?? 0, now.role)
            if now.role != .member, levelNow - 1 >= 3 {
                var slots: [(Int, Role)] = []
                for section in org.sections.indices where org.fitsHead(section, person.jobType) && org.codes[section] != now.code {
                    if org.sections[section].headLevel == levelNow - 1 { slots.append((section, .head)) }
                    if org.sections[section].deputyTitle != nil, org.sections[section].deputyLevel == levelNow - 1 {
                        slots.append((section, .deputy))
                    }
                }
                let free = slots.filter { slot in
                    (headHistory[key(org.codes[slot.0], slot.1)] ?? []).allSatisfy { $0.1 < from || $0.0 > until }
                }
                if !free.isEmpty {
                    let slot = rng.element(free)
                    let section = org.sections[slot.0]
                    code = section.code
                    post = slot.1 == .head ? section.headTitle : (section.deputyTitle ?? "次長")
                    headHistory[key(section.code, slot.1), default: []].append((from, until))
                }
            } else if now.role != .member {
                post = Self.gradeName(level: 2, jobType: person.jobType)
            }
            if code == nil {
                let job = DemoJobType.placementOrder.firstIndex(of: person.jobType) ?? 0
                let admitting = org.admitting[job].filter { org.codes[$0] != now.code && org.memberSeats[$0] > 0 }
                let young = LocalDate.completedYears(from: person.hire, to: date) < 10
                let collaboration = admitting.filter { org.isCollaboration[$0] }
                if young, !hadCollaboration[index], !collaboration.isEmpty, rng.chance(Self.collaborationChance) {
                    code = org.codes[rng.element(collaboration)]
                } else if !admitting.isEmpty {
                    code = org.sections[admitting[rng.weightedIndex(admitting.map { Double(org.memberSeats[$0]) })]].code
                }
            }
            guard let code else { continue }
            if let section = org.index[code], org.sections[section].record.isCollaborationPost { hadCollaboration[index] = true }
            closed.append(AssignmentRecord(staffNumber: StaffNumber(person.staffNumber), sectionCode: SectionCode(code), post: post, start: from, end: until))
            previousSection[index] = code
        }
    }

    // MARK: - During a fiscal year

    /// Staff hired after April 1 join on their hire date; a few others move on July 1 or October 1.
    private mutating func simulateMidYear(_ year: Int) {
        guard let sections = plan.years[year] else { return }
        let org = Year(year: year, sections: sections)
        for index in people.indices {
            guard let now = current[index], now.role == .member, let section = org.index[now.code] else { continue }
            org.takeSeat(section, jobType: DemoJobType.placementOrder.firstIndex(of: people[index].jobType) ?? 0)
        }
        let april = LocalDate(unchecked: year, 4, 1)
        let nextApril = LocalDate(unchecked: year + 1, 4, 1)
        for index in people.indices where people[index].hire > april && people[index].hire < nextApril {
            let section = chooseMemberSection(for: index, org: org, young: true, successor: nil)
            org.takeSeat(section, jobType: DemoJobType.placementOrder.firstIndex(of: people[index].jobType) ?? 0)
            let post = grade(of: index, employment: employment(of: index, in: year))
            start(index, code: org.codes[section], post: post, role: .member, on: people[index].hire,
                  moveYear: year + 1 + rng.int(2...3))
            if org.sections[section].record.isCollaborationPost { hadCollaboration[index] = true }
            lastEmployment[index] = employment(of: index, in: year)
        }
        for index in people.indices {
            guard let now = current[index], now.role == .member, !people[index].isFixed,
                  employment(of: index, in: year) == .regular, now.start <= april.adding(years: -1), rng.chance(0.012),
                  let from = org.index[now.code]
            else { continue }
            let date = rng.chance(0.7) ? LocalDate(unchecked: year, 10, 1) : LocalDate(unchecked: year, 7, 1)
            let job = DemoJobType.placementOrder.firstIndex(of: people[index].jobType) ?? 0
            let options = org.sections.indices.filter {
                $0 != from && org.admits[$0][job] && org.seats[$0][job] > 0
            }
            guard !options.isEmpty else { continue }
            let section = options[rng.weightedIndex(options.map { Double(org.seats[$0][job]) })]
            org.releaseSeat(from, jobType: job)
            org.takeSeat(section, jobType: job)
            start(index, code: org.codes[section], post: now.post, role: .member, on: date,
                  moveYear: year + 1 + rng.int(2...3))
            if org.sections[section].record.isCollaborationPost { hadCollaboration[index] = true }
        }
    }
}
