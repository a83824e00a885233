// Rotation planner benchmark: a generated 50,000-staff city, one scenario for 2027-04-01.
//
// Usage: PlannerBench [staff=50000] [candidateLimit|all=all] [seed=1]
// Prints the time to generate the city, propose movers, build the cost model, solve and check
// the certificate, explain every move, and the model's counts.
//
// The city is synthetic and deterministic (a SplitMix64 stream from the seed): departments of
// five profiles (clerical, engineering, health, nursery, fire) with 12 divisions of 6 units,
// one department of district citizen centers (the collaboration posts), a 部長 per department,
// a 課長 per division, a 係長 per unit, members by the profile's job types; each staff member
// has a hire date, a current post since 2022–2026 and a previous one; a third have three wishes.

import Foundation
import JibungotoDomain
import RotationSolver

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
}

func date(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

let arguments = CommandLine.arguments
let targetStaff = arguments.count > 1 ? Int(arguments[1]) ?? 50_000 : 50_000
let candidateLimit: Int? = arguments.count > 2 ? Int(arguments[2]) : nil
let seed = arguments.count > 3 ? UInt64(arguments[3]) ?? 1 : 1
let clock = ContinuousClock()

func seconds(_ d: Duration) -> String {
    let c = d.components
    return String(format: "%.3f s", Double(c.seconds) + Double(c.attoseconds) / 1e18)
}

// MARK: - Generate

enum Profile: CaseIterable { case clerical, engineering, health, nursery, fire }
func memberTypes(_ p: Profile) -> [(String, Double)] {
    switch p {
    case .clerical: [("事務", 1)]
    case .engineering: [("技術", 0.6), ("事務", 0.4)]
    case .health: [("保健師", 0.6), ("事務", 0.4)]
    case .nursery: [("保育士", 1)]
    case .fire: [("消防", 1)]
    }
}

var rng = SplitMix64(state: seed)
let generateStart = clock.now
// Scale: about 11 staff per unit, 6 units per division, 12 divisions per department.
let unitsWanted = max(12, targetStaff * 10 / 110)
let departmentsWanted = max(2, unitsWanted / 72)
var sections: [SectionRecord] = []
var accepted: [SectionCode: Set<String>] = [:]
var unitsByType: [String: [SectionCode]] = [:]
var unitCodes: [SectionCode] = []
var headcountOf: [SectionCode: Int] = [:]
var profileOf: [SectionCode: Profile] = [:]
let profileCycle: [Profile] = [.clerical, .clerical, .clerical, .engineering, .engineering, .health, .clerical, .nursery, .clerical, .fire]
for d in 0..<departmentsWanted {
    let dept = SectionCode(String(format: "D%03d", d))
    let profile = d == 0 ? Profile.clerical : profileCycle[d % profileCycle.count]
    let collaboration = d == 0  // department 0: district citizen centers
    sections.append(SectionRecord(code: dept, nameJa: "第\(d)部", nameEn: "Department \(d)", kind: .department, parentCode: nil,
                                  isCollaborationPost: false, district: nil, authorizedHeadcount: 1, isManagerial: true))
    accepted[dept] = Set(memberTypes(profile).map(\.0)).union(profile == .fire ? [] : ["事務"])
    for v in 0..<12 {
        let division: SectionCode = "\(dept)V\(String(format: "%02d", v))"
        sections.append(SectionRecord(code: division, nameJa: "第\(d)部第\(v)課", nameEn: "Division \(d)-\(v)", kind: .division,
                                      parentCode: dept, isCollaborationPost: false, district: nil, authorizedHeadcount: 1, isManagerial: true))
        accepted[division] = accepted[dept]
        for u in 0..<6 {
            let unit: SectionCode = "\(division)U\(u)"
            let size = 6 + rng.int(0..<12)
            sections.append(SectionRecord(code: unit, nameJa: collaboration ? "第\(v * 6 + u)地区センター" : "第\(d)部第\(v)課第\(u)係",
                                          nameEn: "Unit \(d)-\(v)-\(u)", kind: .unit, parentCode: division,
                                          isCollaborationPost: collaboration, district: nil, authorizedHeadcount: size, isManagerial: false))
            let types = Set(memberTypes(profile).map(\.0))
            accepted[unit] = types
            for type in types { unitsByType[type, default: []].append(unit) }
            unitCodes.append(unit)
            headcountOf[unit] = size
            profileOf[unit] = profile
        }
    }
}

var staff: [StaffRecord] = []
var assignments: [AssignmentRecord] = []
var wishes: [StaffNumber: [RotationWish]] = [:]
var serial = 0
@MainActor func person(jobType: String, post: String, in code: SectionCode, senior: Bool) {
    serial += 1
    let number = StaffNumber(String(format: "S%06d", serial))
    let hireYear = senior ? 1988 + rng.int(0..<18) : 1990 + rng.int(0..<37)
    let age = 22 + rng.int(0..<6)
    let birth = date(hireYear - age, 1 + rng.int(0..<12), 1 + rng.int(0..<28))
    let hire = date(hireYear, 4, 1)
    staff.append(StaffRecord(staffNumber: number, name: "職員\(serial)", nameKana: "ショクイン", birthDate: birth, gender: nil,
                             hireDate: hire, jobType: jobType, grade: post, employmentType: .regular))
    let since = date(max(hireYear, 2022 + rng.int(0..<5)), 4, 1)
    if since > hire {
        // One previous post, in a unit that takes the job type (a quarter in a collaboration post).
        let pool = unitsByType[jobType] ?? [code]
        let previous = (jobType == "事務" && rng.chance(0.25)) ? unitCodes[rng.int(0..<min(72, unitCodes.count))] : pool[rng.int(0..<pool.count)]
        assignments.append(AssignmentRecord(staffNumber: number, sectionCode: previous, post: "主事", start: hire, end: since.adding(days: -1)))
    }
    assignments.append(AssignmentRecord(staffNumber: number, sectionCode: code, post: post, start: since, end: nil))
    if serial % 3 == 0 {
        let pool = unitsByType[jobType] ?? [code]
        var picks: [SectionCode] = []
        while picks.count < min(3, pool.count) {
            let pick = pool[rng.int(0..<pool.count)]
            if !picks.contains(pick) { picks.append(pick) }
        }
        wishes[number] = picks.enumerated().map { RotationWish(rank: $0.offset + 1, sectionCode: $0.element) }
    }
}
for section in sections {
    switch section.kind {
    case .department:
        person(jobType: section.code == "D000" ? "事務" : (accepted[section.code]!.contains("事務") ? "事務" : "消防"), post: "部長", in: section.code, senior: true)
    case .division:
        person(jobType: accepted[section.code]!.contains("事務") ? "事務" : "消防", post: "課長", in: section.code, senior: true)
    default:
        let types = memberTypes(profileOf[section.code]!)
        person(jobType: types[0].0, post: "係長", in: section.code, senior: true)
        // Leave about one seat in twelve vacant.
        let members = max(0, section.authorizedHeadcount - 1 - (rng.chance(0.5) ? 1 : 0))
        for _ in 0..<members {
            var x = Double(rng.next() >> 11) / Double(1 << 53)
            var type = types[0].0
            for (t, share) in types { if x < share { type = t; break }; x -= share }
            person(jobType: type, post: "主事", in: section.code, senior: false)
        }
    }
}
let generateTime = clock.now - generateStart

// MARK: - Plan

var rules = RotationRules()
rules.candidateLimit = candidateLimit
let input = RotationInput(
    transferDate: date(2027, 4, 1), staff: staff, assignments: assignments, sections: sections, wishes: wishes,
    jobTypeFit: JobTypeFit(acceptedBySection: accepted))
let proposeStart = clock.now
let movers = MoverSelection.propose(input, rules: rules)
let proposeTime = clock.now - proposeStart
let buildStart = clock.now
let model = try RotationPlanner.build(input, movers: movers, rules: rules)
let buildTime = clock.now - buildStart
// The share of the build spent in AssignmentProblem.init (CSR from the pair list, rows sorted).
let pairList = model.problem.allPairs
let initStart = clock.now
let rebuilt = try AssignmentProblem(staffCount: model.problem.staffCount, capacities: model.problem.capacities, pairs: pairList)
let initTime = clock.now - initStart
precondition(rebuilt == model.problem)
let solveStart = clock.now
let outcome = AssignmentSolver.solve(model.problem)
let solveTime = clock.now - solveStart

print("city: \(staff.count) staff, \(sections.count) sections, \(assignments.count) assignment records, generated in \(seconds(generateTime))")
print("scenario 2027-04-01: \(movers.count) movers (\(movers.filter(\.mustMove).count) must move), \(model.pools.count) seat pools, "
      + "\(model.problem.pairCount) allowed pairs" + (candidateLimit.map { " (candidate limit \($0))" } ?? " (no candidate limit)"))
print("propose movers: \(seconds(proposeTime))")
print("build cost model: \(seconds(buildTime)) (of which AssignmentProblem.init from the pair list: \(seconds(initTime)))")
print("solve: \(seconds(solveTime))")
switch outcome {
case .optimal(let solution):
    let verifyStart = clock.now
    let verified = solution.verify(against: model.problem)
    let verifyTime = clock.now - verifyStart
    print("optimal: total cost \(solution.totalCost), certificate \(verified.isSuccess ? "verified" : "FAILED") in \(seconds(verifyTime))")
    let result = RotationPlanner.result(solution, model: model)
    let explainStart = clock.now
    let metrics = RotationPlanner.metrics(result, model: model)
    let explainTime = clock.now - explainStart
    print("explain + metrics (all movers, no alternatives): \(seconds(explainTime))")
    print("moved \(metrics.moved), stayed \(metrics.stayed), wishes met \(metrics.wishesMetByRank.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " ")) "
          + "of \(metrics.moversWithWishes), early-career in collaboration posts \(metrics.earlyCareerPlacedInCollaboration)/\(metrics.earlyCareerMovers), "
          + "soft rules bent \(metrics.softRulesBentCount)")
case .infeasible(let violator):
    print("infeasible: \(RotationPlanner.explainInfeasibility(violator, model: model).text.en)")
case .stopped:
    print("stopped")
}

extension Result {
    var isSuccess: Bool { if case .success = self { true } else { false } }
}
