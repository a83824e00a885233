/// How far a group has come with a self-report round: everyone the round is for, counted as
/// submitted, draft (saved, not submitted) or not started.
public struct SelfReportTally: Sendable, Hashable {
    public let targets: Int
    public let submitted: Int
    public let drafts: Int

    /// `statuses`: staff number → submitted (true) or draft (false); a staff number without a
    /// status has not started. Only `staffNumbers` are counted.
    public init(staffNumbers: [StaffNumber], statuses: [StaffNumber: Bool]) {
        targets = staffNumbers.count
        submitted = staffNumbers.filter { statuses[$0] == true }.count
        drafts = staffNumbers.filter { statuses[$0] == false }.count
    }

    /// The share submitted in percent; nil for a group without targets.
    public var submittedPercent: Double? {
        targets == 0 ? nil : Double(submitted) * 100 / Double(targets)
    }
}
