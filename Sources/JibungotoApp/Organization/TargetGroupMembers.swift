import Fluent
import JibungotoDomain
import SQLKit

/// The staff a `TargetGroup` counts, by today's placement in this organization: the one way the
/// self-report rounds and the surveys find their targets (the rule itself is the domain's).
extension OrganizationTree {
    func member(_ staff: StaffMember) -> TargetGroup.Member {
        TargetGroup.Member(
            employmentType: staff.employmentType,
            sectionCode: staff.currentSectionCode,
            departmentCode: staff.currentSectionCode.flatMap { department(of: $0)?.code })
    }

    /// Everyone in `group`: who, where and on what terms, read as one text (`PackedRows`)
    /// rather than as staff records, since counting a round's or a survey's targets is on the
    /// home page of everyone who follows one. The employment types and departments are narrowed
    /// in the query; the rule that decides is the domain's `TargetGroup.includes`.
    func placements(of group: TargetGroup, on database: any Database) async throws -> [PlacedTarget] {
        var conditions: SQLQueryString = "current_section_code IS NOT NULL"
        if !group.employmentTypes.isEmpty {
            conditions += " AND employment_type IN (\(binds: group.employmentTypes.map(\.rawValue)))"
        }
        if !group.departmentCodes.isEmpty {
            let sections = group.departmentCodes.flatMap { subtree(of: $0) }
            guard !sections.isEmpty else { return [] }
            conditions += " AND current_section_code IN (\(binds: sections.map(\.rawValue)))"
        }
        let rows = try await PackedRows.load(fields: ["staff_number", "current_section_code", "employment_type"],
                                             "FROM \(ident: StaffMember.schema) WHERE \(conditions)", on: try PackedRows.sql(database))
        var placements: [PlacedTarget] = []
        try rows.forEach { row in
            guard let type = EmploymentType(rawValue: row.text(2)) else { throw PackedRows.Unreadable(record: row.description) }
            let placement = PlacedTarget(staffNumber: StaffNumber(row.text(0)), sectionCode: SectionCode(row.text(1)), employmentType: type)
            if group.includes(TargetGroup.Member(employmentType: type, sectionCode: placement.sectionCode,
                                                 departmentCode: department(of: placement.sectionCode)?.code)) {
                placements.append(placement)
            }
        }
        return placements
    }

    /// Everyone in `group` as staff records, for the pages that show or write about each of
    /// them (a survey's opening, the pending list, reminders): the people `placements` finds.
    func targets(of group: TargetGroup, on database: any Database) async throws -> [StaffMember] {
        let included = Set(try await placements(of: group, on: database).map(\.staffNumber))
        return try await StaffMember.query(on: database).filter(\.$currentSectionCode != nil).all()
            .filter { included.contains($0.staffNumber) }
    }
}

/// A target of a round or a survey as counts need them: who, where they are placed today, and
/// on what terms.
struct PlacedTarget: Sendable, Equatable {
    let staffNumber: StaffNumber
    let sectionCode: SectionCode
    let employmentType: EmploymentType
}

extension TargetGroup {
    /// A group as rounds and surveys store it: comma-separated department codes and employment
    /// types (the forms store only known ones).
    init(storedDepartments: String, storedEmploymentTypes: String) {
        self.init(departmentCodes: storedDepartments.split(separator: ",").map { SectionCode(String($0)) },
                  employmentTypes: storedEmploymentTypes.split(separator: ",").compactMap { EmploymentType(rawValue: String($0)) })
    }
}
