import Fluent
import JibungotoDomain

/// The staff a `TargetGroup` counts, by today's placement in this organization: the one way the
/// self-report rounds and the surveys find their targets (the rule itself is the domain's).
extension OrganizationTree {
    func member(_ staff: StaffMember) -> TargetGroup.Member {
        TargetGroup.Member(
            employmentType: staff.employmentType,
            sectionCode: staff.currentSectionCode,
            departmentCode: staff.currentSectionCode.flatMap { department(of: $0)?.code })
    }

    /// Everyone in `group`, loaded with the group's employment types already narrowed in the query.
    func targets(of group: TargetGroup, on database: any Database) async throws -> [StaffMember] {
        var query = StaffMember.query(on: database).filter(\.$currentSectionCode != nil)
        if !group.employmentTypes.isEmpty { query = query.filter(\.$employmentType ~~ group.employmentTypes) }
        if !group.departmentCodes.isEmpty {
            query = query.filter(\.$currentSectionCode ~~ group.departmentCodes.flatMap { subtree(of: $0) })
        }
        return try await query.all().filter { group.includes(member($0)) }
    }
}

extension TargetGroup {
    /// A group as rounds and surveys store it: comma-separated department codes and employment
    /// types (the forms store only known ones).
    init(storedDepartments: String, storedEmploymentTypes: String) {
        self.init(departmentCodes: storedDepartments.split(separator: ",").map { SectionCode(String($0)) },
                  employmentTypes: storedEmploymentTypes.split(separator: ",").compactMap { EmploymentType(rawValue: String($0)) })
    }
}
