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
        return try await query.all().filter { group.includes(member($0)) }
    }
}
