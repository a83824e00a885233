/// What the planner derives from the input once: placements on the day before the transfer,
/// years in post and of service, collaboration experience, retirement, the section tree.
struct RotationFacts: Sendable {
    struct Person: Sendable {
        var record: StaffRecord
        var history: [AssignmentRecord]      // by start
        var placement: CurrentPlacement?     // on the day before the transfer
        var yearsInPost: Int
        /// 採用N年目 on the transfer date (completed years + 1).
        var yearOfService: Int
        var hadCollaboration: Bool
        var retiresBefore: Bool              // retirement date before the transfer date
        /// Holds a managerial post and must leave it on or before the transfer date.
        var leavesManagerialPost: Bool
        var managerialLimitDate: LocalDate?
        /// Tier of the seat the person needs after the transfer (0 when leaving a managerial post).
        var tier: Int
        /// Distinct sections held, most recent first (the current one first).
        var recentSections: [SectionCode]
        /// Sections held within `noReturnYears` (when set).
        var sectionsWithinYears: Set<SectionCode>
        var counted: Bool                    // occupies a seat of the headcount
        var planned: Bool                    // may be proposed as a mover
    }

    let input: RotationInput
    let rules: RotationRules
    let dayBefore: LocalDate
    var people: [StaffNumber: Person] = [:]
    var order: [StaffNumber] = []                 // staff numbers in input order
    var sectionByCode: [SectionCode: SectionRecord] = [:]
    var departmentOf: [SectionCode: SectionCode] = [:]
    var ancestorsOf: [SectionCode: [SectionCode]] = [:]   // self first, then parents up to the department
    var collaborationCodes: Set<SectionCode> = []

    init(input: RotationInput, rules: RotationRules) {
        self.input = input
        self.rules = rules
        dayBefore = input.transferDate.adding(days: -1)
        for section in input.sections where sectionByCode[section.code] == nil {
            sectionByCode[section.code] = section
        }
        for code in sectionByCode.keys {
            var chain = [code]
            var cursor = sectionByCode[code]?.parentCode
            while let parent = cursor, let record = sectionByCode[parent], !chain.contains(parent), chain.count < 32 {
                chain.append(parent)
                cursor = record.parentCode
            }
            ancestorsOf[code] = chain
            departmentOf[code] = chain.last(where: { sectionByCode[$0]?.kind == .department }) ?? chain.last ?? code
        }
        collaborationCodes = Set(input.sections.filter(\.isCollaborationPost).map(\.code))
        let collaborationHistory = input.collaborationHistory
            ?? CollaborationPosts(codes: collaborationCodes, fiscalYear: FiscalYear.containing(input.transferDate).startYear)

        var historyByStaff: [StaffNumber: [AssignmentRecord]] = [:]
        for record in input.assignments { historyByStaff[record.staffNumber, default: []].append(record) }
        let transfer = input.transferDate
        for record in input.staff where people[record.staffNumber] == nil {
            let history = (historyByStaff[record.staffNumber] ?? []).sorted { $0.start < $1.start }
            let placement = CurrentPlacement.on(dayBefore, from: history)
            let yearsInPost = placement.map { LocalDate.completedYears(from: $0.since, to: transfer) } ?? 0
            let yearOfService = LocalDate.completedYears(from: record.hireDate, to: transfer) + 1
            let deadline = record.hireDate.adding(years: rules.earlyCareerYears)
            let hadCollaboration = history.contains { collaborationHistory.contains($0) && $0.start < deadline && $0.start < transfer }
            let retiresBefore = rules.retirement.retirementDate(birth: record.birthDate) < transfer
                && record.employmentType == .regular
            let limit = rules.retirement.managerialLimitDate(birth: record.birthDate)
            let holdsManagerial = placement.map { rules.posts.isManagerial($0.post) } ?? false
            let leaves = holdsManagerial && record.employmentType == .regular && (limit.map { $0 <= transfer } ?? false)
            let tier = leaves ? 0 : placement.map { rules.posts.tier(of: $0.post) } ?? 0
            var recent: [SectionCode] = []
            for item in history.reversed() where item.start < transfer && !recent.contains(item.sectionCode) {
                recent.append(item.sectionCode)
            }
            var withinYears: Set<SectionCode> = []
            if let years = rules.noReturnYears {
                let from = transfer.adding(years: -years)
                for item in history where item.start < transfer && (item.end.map { $0 >= from } ?? true) {
                    withinYears.insert(item.sectionCode)
                }
            }
            let counted = placement != nil && !retiresBefore && rules.countedEmploymentTypes.contains(record.employmentType)
            let planned = placement != nil && !retiresBefore && rules.plannedEmploymentTypes.contains(record.employmentType)
            people[record.staffNumber] = Person(
                record: record, history: history, placement: placement, yearsInPost: yearsInPost,
                yearOfService: yearOfService, hadCollaboration: hadCollaboration, retiresBefore: retiresBefore,
                leavesManagerialPost: leaves, managerialLimitDate: limit, tier: tier, recentSections: recent,
                sectionsWithinYears: withinYears, counted: counted, planned: planned)
            order.append(record.staffNumber)
        }
    }

    func department(of code: SectionCode) -> SectionCode { departmentOf[code] ?? code }

    func sectionName(_ code: SectionCode) -> Bilingual {
        guard let section = sectionByCode[code] else { return Bilingual(code.rawValue) }
        return Bilingual(ja: section.nameJa, en: section.nameEn)
    }

    func isEarlyCareerWithoutCollaboration(_ person: Person) -> Bool {
        person.yearOfService <= rules.earlyCareerYears && !person.hadCollaboration
    }

    /// The last transfer that can still meet the deadline: a post held for the minimum years
    /// from now would end after the early-career period.
    func isLastChance(_ person: Person) -> Bool {
        isEarlyCareerWithoutCollaboration(person) && person.yearOfService + rules.minYearsInPost > rules.earlyCareerYears
    }

    /// Whether the staff member asked to move (explicitly, or by wishing for another section).
    func wantsToMove(_ staffNumber: StaffNumber) -> Bool {
        if input.wantsToMove.contains(staffNumber) { return true }
        let current = people[staffNumber]?.placement?.sectionCode
        return (input.wishes[staffNumber] ?? []).contains { $0.sectionCode != current }
    }

    func pins(of staffNumber: StaffNumber) -> [RotationPin] { input.pins[staffNumber] ?? [] }

    func pinnedToStay(_ staffNumber: StaffNumber) -> Bool { pins(of: staffNumber).contains(.stays) }

    func mustGoTo(_ staffNumber: StaffNumber) -> SectionCode? {
        for pin in pins(of: staffNumber) { if case .mustGoTo(let code) = pin { return code } }
        return nil
    }

    func mustNotGoTo(_ staffNumber: StaffNumber) -> Set<SectionCode> {
        var result: Set<SectionCode> = []
        for pin in pins(of: staffNumber) { if case .mustNotGoTo(let code) = pin { result.insert(code) } }
        return result
    }

    /// Sections the no-return rule excludes for the person.
    func noReturnSections(_ person: Person) -> Set<SectionCode> {
        Set(person.recentSections.prefix(max(0, rules.noReturnRecentSections))).union(person.sectionsWithinYears)
    }

    // MARK: - Seats

    /// Post seats (tier > 0) of each section: overrides, else current holders by tier.
    func postSeats() -> [SectionCode: [Int: Int]] {
        var seats: [SectionCode: [Int: Int]] = [:]
        for code in order {
            guard let person = people[code], let placement = person.placement, person.counted || person.retiresBefore,
                  rules.countedEmploymentTypes.contains(person.record.employmentType) else { continue }
            let tier = rules.posts.tier(of: placement.post)
            if tier > 0 { seats[placement.sectionCode, default: [:]][tier, default: 0] += 1 }
        }
        for (code, override) in input.postSeatOverrides { seats[code] = override }
        return seats
    }

    // MARK: - Subordinates

    /// Staff who were subordinates of `person` in the last `years` years: assigned to a section
    /// at or under one where `person` held a supervisory post, at an overlapping time.
    func formerSubordinates(of person: Person, years: Int, index: [SectionCode: [AssignmentRecord]]) -> Set<StaffNumber> {
        let from = input.transferDate.adding(years: -years)
        var result: Set<StaffNumber> = []
        for held in person.history where rules.posts.isSupervisory(held.post) {
            let heldEnd = held.end ?? dayBefore
            guard heldEnd >= from else { continue }
            let heldStart = max(held.start, from)
            for (code, chain) in ancestorsOf where chain.contains(held.sectionCode) {
                for other in index[code] ?? [] where other.staffNumber != person.record.staffNumber {
                    let otherEnd = other.end ?? dayBefore
                    if other.start <= heldEnd && otherEnd >= heldStart
                        && rules.posts.tier(of: other.post) < rules.posts.tier(of: held.post) {
                        result.insert(other.staffNumber)
                    }
                }
            }
        }
        return result
    }
}
