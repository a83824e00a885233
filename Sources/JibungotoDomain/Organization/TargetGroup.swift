/// Who a self-report round or a survey is for: the one rule both use to decide, and so to count,
/// their targets. A staff member is in the group when they are placed (in a unit of the
/// organization that is read), of one of the named employment types (none named: every type),
/// and in one of the named departments (none named: every department). The date the placement is
/// taken is the caller's: a round reads today's, a survey the day its targets were fixed.
public struct TargetGroup: Sendable, Hashable {
    /// Department codes; empty means every department.
    public var departmentCodes: [SectionCode]
    /// Employment types; empty means every type.
    public var employmentTypes: [EmploymentType]

    public init(departmentCodes: [SectionCode] = [], employmentTypes: [EmploymentType] = []) {
        self.departmentCodes = departmentCodes
        self.employmentTypes = employmentTypes
    }

    /// A staff member as the rule sees them: employment type and placement on the caller's date.
    public struct Member: Sendable, Hashable {
        public var employmentType: EmploymentType
        /// The unit they are placed in; nil when not placed.
        public var sectionCode: SectionCode?
        /// That unit's department; nil when not placed or the unit is not in the organization read.
        public var departmentCode: SectionCode?

        public init(employmentType: EmploymentType, sectionCode: SectionCode?, departmentCode: SectionCode?) {
            self.employmentType = employmentType
            self.sectionCode = sectionCode
            self.departmentCode = departmentCode
        }
    }

    public func includes(_ member: Member) -> Bool {
        if !employmentTypes.isEmpty && !employmentTypes.contains(member.employmentType) { return false }
        guard member.sectionCode != nil, let department = member.departmentCode else { return false }
        return departmentCodes.isEmpty || departmentCodes.contains(department)
    }

    /// The employment types the group counts, in their standard order (every type when none is named).
    public var countedEmploymentTypes: [EmploymentType] {
        employmentTypes.isEmpty ? EmploymentType.allCases : EmploymentType.allCases.filter(employmentTypes.contains)
    }
}
