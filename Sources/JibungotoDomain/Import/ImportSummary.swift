/// What applying an import would do, for the dry-run page.
public struct ImportSummary: Sendable, Hashable {
    public var toAdd: Int
    public var toChange: Int
    public var unchanged: Int
    /// Keys of the records that would be added, in file order (staff numbers; for assignments
    /// "staffNumber@start").
    public var addedKeys: [String]
    /// Keys of the records that would change, in file order.
    public var changedKeys: [String]

    public init(toAdd: Int, toChange: Int, unchanged: Int, addedKeys: [String], changedKeys: [String]) {
        self.toAdd = toAdd
        self.toChange = toChange
        self.unchanged = unchanged
        self.addedKeys = addedKeys
        self.changedKeys = changedKeys
    }

    /// Compares incoming staff with the stored master, keyed by staff number (stored in the
    /// normalised form of ``ImportNormalization/code(_:)``). Staff missing from the file are
    /// not counted: an import adds and updates, it does not delete.
    public static func staff(incoming: [StaffRecord], existing: [StaffNumber: StaffRecord]) -> ImportSummary {
        compare(incoming.map { ($0.staffNumber.rawValue, $0) }, existing: Dictionary(uniqueKeysWithValues: existing.map { ($0.key.rawValue, $0.value) }))
    }

    /// Compares incoming assignments with stored ones, an assignment being identified by staff
    /// number and start date (one person cannot start two posts on the same day once overlaps
    /// are refused).
    public static func assignments(incoming: [AssignmentRecord], existing: [AssignmentRecord]) -> ImportSummary {
        var stored: [String: AssignmentRecord] = [:]
        stored.reserveCapacity(existing.count)
        for record in existing { stored[key(record)] = record }
        return compare(incoming.map { (key($0), $0) }, existing: stored)
    }

    /// The columns in which an incoming staff record differs from the stored one, in file
    /// column order, so the dry run says what a changed row changes.
    public static func changedFields(from stored: StaffRecord, to incoming: StaffRecord) -> [StaffField] {
        StaffField.allCases.filter { field in
            switch field {
            case .staffNumber: stored.staffNumber != incoming.staffNumber
            case .name: stored.name != incoming.name
            case .nameKana: stored.nameKana != incoming.nameKana
            case .birthDate: stored.birthDate != incoming.birthDate
            case .gender: stored.gender != incoming.gender
            case .hireDate: stored.hireDate != incoming.hireDate
            case .jobType: stored.jobType != incoming.jobType
            case .grade: stored.grade != incoming.grade
            case .employmentType: stored.employmentType != incoming.employmentType
            }
        }
    }

    /// The columns in which an incoming assignment differs from the stored one with the same
    /// staff number and start date.
    public static func changedFields(from stored: AssignmentRecord, to incoming: AssignmentRecord) -> [AssignmentField] {
        AssignmentField.allCases.filter { field in
            switch field {
            case .staffNumber: stored.staffNumber != incoming.staffNumber
            case .sectionCode: stored.sectionCode != incoming.sectionCode
            case .post: stored.post != incoming.post
            case .startDate: stored.start != incoming.start
            case .endDate: stored.end != incoming.end
            }
        }
    }

    /// The key under which ``assignments(incoming:existing:)`` lists an assignment.
    public static func key(_ record: AssignmentRecord) -> String {
        "\(record.staffNumber)@\(record.start.iso)"
    }

    private static func compare<Record: Equatable>(
        _ incoming: [(String, Record)], existing: [String: Record]
    ) -> ImportSummary {
        var summary = ImportSummary(toAdd: 0, toChange: 0, unchanged: 0, addedKeys: [], changedKeys: [])
        for (key, record) in incoming {
            switch existing[key] {
            case nil:
                summary.toAdd += 1
                summary.addedKeys.append(key)
            case let stored? where stored == record:
                summary.unchanged += 1
            case _?:
                summary.toChange += 1
                summary.changedKeys.append(key)
            }
        }
        return summary
    }
}
