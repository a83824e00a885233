import RotationSolver

@testable import JibungotoDomain
import JibungotoTestSupport

/// A hand-made city for rule-by-rule tests. Transfer date 2027-04-01.
///
///     10 総務部 ─ 100 総務課 (課長 seat) ─ 1010 庶務係, 1020 財政係
///     20 市民協働部 ─ 2010 北地区市民センター, 2020 南地区市民センター (collaboration posts)
///     30 健康福祉部 ─ 300 健康推進課 (課長 seat) ─ 3010 健康づくり係 (事務, 保健師), 3020 保健予防係 (保健師)
///
/// Headcounts default to the number of people placed there, so a section has open seats only
/// where the test leaves them (`open(_:_:)`) or where movers leave.
struct TinyCity {
    static let transfer = day("2027-04-01")

    var sections: [SectionRecord] = [
        .init(code: "10", nameJa: "総務部", nameEn: "General Affairs Dept", kind: .department, parentCode: nil,
              isCollaborationPost: false, district: nil, authorizedHeadcount: 0, isManagerial: true),
        .init(code: "100", nameJa: "総務課", nameEn: "General Affairs Div", kind: .division, parentCode: "10",
              isCollaborationPost: false, district: nil, authorizedHeadcount: 0, isManagerial: true),
        .init(code: "1010", nameJa: "庶務係", nameEn: "General Unit", kind: .unit, parentCode: "100",
              isCollaborationPost: false, district: nil, authorizedHeadcount: 0, isManagerial: false),
        .init(code: "1020", nameJa: "財政係", nameEn: "Budget Unit", kind: .unit, parentCode: "100",
              isCollaborationPost: false, district: nil, authorizedHeadcount: 0, isManagerial: false),
        .init(code: "20", nameJa: "市民協働部", nameEn: "Citizen Collaboration Dept", kind: .department, parentCode: nil,
              isCollaborationPost: false, district: nil, authorizedHeadcount: 0, isManagerial: true),
        .init(code: "2010", nameJa: "北地区市民センター", nameEn: "Kita Center", kind: .unit, parentCode: "20",
              isCollaborationPost: true, district: "北", authorizedHeadcount: 0, isManagerial: false),
        .init(code: "2020", nameJa: "南地区市民センター", nameEn: "Minami Center", kind: .unit, parentCode: "20",
              isCollaborationPost: true, district: "南", authorizedHeadcount: 0, isManagerial: false),
        .init(code: "30", nameJa: "健康福祉部", nameEn: "Health Dept", kind: .department, parentCode: nil,
              isCollaborationPost: false, district: nil, authorizedHeadcount: 0, isManagerial: true),
        .init(code: "300", nameJa: "健康推進課", nameEn: "Health Div", kind: .division, parentCode: "30",
              isCollaborationPost: false, district: nil, authorizedHeadcount: 0, isManagerial: true),
        .init(code: "3010", nameJa: "健康づくり係", nameEn: "Health Promotion Unit", kind: .unit, parentCode: "300",
              isCollaborationPost: false, district: nil, authorizedHeadcount: 0, isManagerial: false),
        .init(code: "3020", nameJa: "保健予防係", nameEn: "Preventive Health Unit", kind: .unit, parentCode: "300",
              isCollaborationPost: false, district: nil, authorizedHeadcount: 0, isManagerial: false),
    ]
    var staff: [StaffRecord] = []
    var assignments: [AssignmentRecord] = []
    var wishes: [StaffNumber: [RotationWish]] = [:]
    var wantsToMove: Set<StaffNumber> = []
    var pins: [StaffNumber: [RotationPin]] = [:]

    let fit = JobTypeFit(acceptedBySection: [
        "10": ["事務"], "100": ["事務"], "1010": ["事務"], "1020": ["事務"], "20": ["事務"], "2010": ["事務"], "2020": ["事務"],
        "30": ["事務"], "300": ["事務", "保健師"], "3010": ["事務", "保健師"], "3020": ["保健師"],
    ])

    /// Adds a staff member with a history of (section, post, start) steps, the last one open.
    /// Each step raises the section's headcount by one.
    mutating func add(
        _ number: StaffNumber, hired: String, born: String = "1990-06-15", jobType: String = "事務",
        _ steps: [(SectionCode, String, String)], employment: EmploymentType = .regular
    ) {
        staff.append(StaffRecord(
            staffNumber: number, name: "職員\(number)", nameKana: "ショクイン", birthDate: day(born), gender: nil,
            hireDate: day(hired), jobType: jobType, grade: steps.last?.1 ?? "主事", employmentType: employment))
        for (index, step) in steps.enumerated() {
            let end = index + 1 < steps.count ? day(steps[index + 1].2).adding(days: -1) : nil
            assignments.append(AssignmentRecord(staffNumber: number, sectionCode: step.0, post: step.1, start: day(step.2), end: end))
        }
        if let last = steps.last { open(last.0, 1) }
    }

    /// Adds `count` seats to a section's headcount.
    mutating func open(_ code: SectionCode, _ count: Int) {
        if let index = sections.firstIndex(where: { $0.code == code }) { sections[index].authorizedHeadcount += count }
    }

    /// A filler who stays (in post 1 year, no reason to move).
    mutating func filler(_ number: StaffNumber, in code: SectionCode, post: String = "主事", jobType: String = "事務") {
        add(number, hired: "2000-04-01", jobType: jobType, [(code, post, "2026-04-01")])
    }

    var input: RotationInput {
        RotationInput(
            transferDate: Self.transfer, staff: staff, assignments: assignments, sections: sections, wishes: wishes,
            wantsToMove: wantsToMove, pins: pins, jobTypeFit: fit)
    }

    /// Proposes, builds, solves; requires an optimal, verified solution.
    func solve(_ rules: RotationRules = .default, movers: [Mover]? = nil) throws -> (PlannerModel, RotationPlanner.PlanResult) {
        let input = self.input
        let model = try RotationPlanner.build(input, movers: movers ?? MoverSelection.propose(input, rules: rules), rules: rules)
        switch RotationPlanner.solve(model) {
        case .optimal(let result):
            guard case .success = result.verification else { throw TinyCityError.unverified }
            return (model, result)
        case .infeasible(let explanation):
            throw TinyCityError.infeasible(explanation.text.en)
        case .stopped:
            throw TinyCityError.stopped
        }
    }
}

enum TinyCityError: Error {
    case unverified
    case infeasible(String)
    case stopped
}
