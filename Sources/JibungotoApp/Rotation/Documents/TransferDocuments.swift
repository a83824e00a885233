import Fluent
import JibungotoDomain
import Vapor

/// One move of an approved scenario as the documents print it.
struct TransferMove: Sendable {
    let staffNumber: StaffNumber
    let name: String
    /// The post held until the day before the transfer (nil for someone without one).
    let fromSection: SectionCode?
    let fromPost: String
    let toSection: SectionCode
    let toPost: String
}

/// What an approved scenario wrote, read back for the documents: the assignments that start on
/// the transfer date for the scenario's placements and the posts they ended. Read from the
/// assignments rather than the stored solution, so a document shows what was decided.
struct TransferDocuments: Sendable {
    let transferDate: LocalDate
    /// In 部・課・係 order of the new post (the organization's order), then by staff number.
    let moves: [TransferMove]
    /// The organization the moves go to, and the one they leave.
    let toTree: OrganizationTree
    let fromTree: OrganizationTree

    static func load(_ scenario: RotationScenario, on database: any Database) async throws -> TransferDocuments {
        let transfer = scenario.transferDate
        let dayBefore = transfer.adding(days: -1)
        let numbers = Array((StoredSolution.decode(scenario.solution)?.placements ?? [:]).keys)
        var started: [Assignment] = [], ended: [StaffNumber: Assignment] = [:], names: [StaffNumber: String] = [:]
        // The assignments the approval wrote, when it kept their ids (every approval since they
        // are kept): an assignment of the same day from elsewhere (an import) is not this list's.
        let written = ApprovalWrites.decode(scenario.approvalWrites).map { Set($0.added) }
        for chunk in numbers.chunked(into: 500) {
            started += try await Assignment.query(on: database).filter(\.$staffNumber ~~ Array(chunk)).filter(\.$startDate == transfer).all()
                .filter { assignment in written.map { assignment.id.map($0.contains) ?? false } ?? true }
            for assignment in try await Assignment.query(on: database).filter(\.$staffNumber ~~ Array(chunk)).filter(\.$endDate == dayBefore).all() {
                ended[assignment.staffNumber] = assignment
            }
            for member in try await StaffMember.query(on: database).filter(\.$staffNumber ~~ Array(chunk)).all() {
                names[member.staffNumber] = member.name
            }
        }
        let toTree = try await ScenarioPlanning.tree(for: scenario, on: database)
            ?? OrganizationTree(fiscalYear: transfer.fiscalYear.startYear, records: [])
        let fromTree = try await OrganizationTree.load(fiscalYear: dayBefore.fiscalYear.startYear, on: database)
        let order = Dictionary(toTree.flattened().enumerated().map { ($0.element.record.code, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let moves = started.map { assignment in
            TransferMove(
                staffNumber: assignment.staffNumber, name: names[assignment.staffNumber] ?? "",
                fromSection: ended[assignment.staffNumber]?.sectionCode, fromPost: ended[assignment.staffNumber]?.post ?? "",
                toSection: assignment.sectionCode, toPost: assignment.post)
        }.sorted { (order[$0.toSection] ?? Int.max, $0.staffNumber) < (order[$1.toSection] ?? Int.max, $1.staffNumber) }
        return TransferDocuments(transferDate: transfer, moves: moves, toTree: toTree, fromTree: fromTree)
    }

    /// A unit by its full name from the department down (総務部人事課人事係), in the organization
    /// given, else the other one, else its code.
    func sectionName(_ code: SectionCode?, preferring tree: OrganizationTree, localizer: Localizer) -> String {
        guard let code else { return "" }
        let path = tree.units[code] != nil ? tree.path(to: code) : (toTree.units[code] != nil ? toTree.path(to: code) : fromTree.path(to: code))
        guard !path.isEmpty else { return code.rawValue }
        return path.map { localizer.text($0.localizedName) }.joined(separator: localizer.language == .en ? ", " : "")
    }
}
