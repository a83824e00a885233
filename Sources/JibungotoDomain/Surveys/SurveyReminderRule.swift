/// 督促 (reminders) for a survey: who a reader may remind and what they learn by it.
///
/// A reminder never names anyone. It goes to every non-respondent in the sender's part (the
/// whole survey for HR, a 部 for its head, a manager's own unit), who then see a banner on their
/// home page; the sender learns only the number of non-respondents, and only where the release
/// already shows that part's figures (members − respondents of a shown cell, which is 0 or at
/// least k). A hidden part's count stays hidden, however often reminders are sent.
public enum SurveyReminderRule {
    /// The part of the organization a reminder reaches.
    public struct Scope: Sendable, Hashable {
        /// The unit whose subtree is reminded (a 部 or a unit), or nil for the whole survey.
        public var unit: String?
        /// The release's cell of that part: its count comes from there or not at all.
        public var cell: CellSpec
    }

    /// The part a reader reminds: the whole for HR and the promotion team, the 部 for a
    /// department head, the own unit for a section manager.
    public static func scope(for reader: SurveyReader) -> Scope {
        switch reader {
        case .organization: Scope(unit: nil, cell: .all)
        case .department(let department): Scope(unit: department, cell: .department(department))
        case .unit(let department, let unit): Scope(unit: unit, cell: SurveyReleaseBuilder.unitCell(department: department, unit: unit))
        }
    }

    /// How many in the part have not answered, as the release shows it; nil when the release
    /// hides the part (the count would single out a few).
    public static func nonRespondents(in scope: Scope, release: SurveyRelease) -> Int? {
        guard let figure = release.figures[scope.cell], let members = figure.members else { return nil }
        return max(0, members - figure.respondents)
    }

    /// Whether a reminder to `unit` (nil: everyone) reaches a target placed at `placement` (the
    /// unit codes from the top of the organization down to the target's own unit, as frozen
    /// when the survey opened).
    public static func reaches(unit: String?, placement: [String]) -> Bool {
        guard let unit else { return true }
        return placement.contains(unit)
    }
}
