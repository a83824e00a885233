/// How far a reader's right to see response rates reaches, as their role grants it: the whole
/// organization (HR, the promotion team), their department (部長), or their own unit (所属長).
public enum SurveyReaderReach: Sendable, Hashable {
    case organization
    case department
    case unit
}

/// What one reader may read of a release: the rows listed for them and, of those, the figures
/// they may see. Always a subset of the one release, so readers who pool their views learn
/// nothing the release does not show (docs/surveys-anonymity.md §2.7).
public struct SurveyReaderView: Sendable, Equatable {
    public var reader: SurveyReader
    /// The rows listed, the reader's whole part first (全体, or their 部); a hidden row is listed
    /// without a figure so the page can say why.
    public var rows: [CellSpec]
    /// Respondents and members of the rows the reader may read; hidden rows are absent.
    public var figures: [CellSpec: CellCount]
    /// A section manager's own unit is hidden: the page says so instead of showing it.
    public var ownUnitHidden: Bool

    /// Whole-survey figures (the daily curve, the trend across cycles) are for readers of the
    /// whole organization only.
    public var showsWholeSurveyFigures: Bool { reader == .organization }
}

/// The disclosure rule for readers of response rates: who reads which cells of a release.
public enum SurveyReaderScope {
    /// The reader a person is, from their reach and their own unit's place in the survey's
    /// organization (`placement`: unit codes from their department down to their unit, empty
    /// when they have no place in it). Nil — nothing to read — without a reach, or with a
    /// department or unit reach but no place. A unit reader placed in the department itself
    /// reads the department.
    public static func reader(reach: SurveyReaderReach?, placement: [String]) -> SurveyReader? {
        guard let reach else { return nil }
        if reach == .organization { return .organization }
        guard let department = placement.first, let unit = placement.last else { return nil }
        return reach == .department || unit == department ? .department(department) : .unit(department: department, unit: unit)
    }

    /// The reader's view of `release`: HR and the promotion team 全体 and every 部; a 部長 the 部,
    /// its 直属 cell and its 課; a 所属長 the 部 and their own unit, only where shown. When none of
    /// the reader's own part is in the release, the row of their part is listed hidden — never
    /// another part's figure in its place.
    public static func view(of release: SurveyRelease, for reader: SurveyReader) -> SurveyReaderView {
        var rows = release.view(reader)
        var ownUnitHidden = false
        if case .unit(let department, let unit) = reader {
            ownUnitHidden = !release.isShown(SurveyReleaseBuilder.unitCell(department: department, unit: unit))
            rows = rows.filter(release.isShown)
        }
        if rows.isEmpty {
            switch reader {
            case .organization: rows = [.all]
            case .department(let department), .unit(let department, _): rows = [.department(department)]
            }
        }
        var figures: [CellSpec: CellCount] = [:]
        for row in rows { figures[row] = release.figures[row] }
        return SurveyReaderView(reader: reader, rows: rows, figures: figures, ownUnitHidden: ownUnitHidden)
    }

    /// The groups whose results — not only rates — a department head or section manager reads
    /// on their rate page: when the survey reports by section (``ReportingAttribute/section``),
    /// the shown rows of their view that have results (their 部 and own 課, a 部長 also the 部's
    /// 課); otherwise none. Readers of the whole organization read results on the results page.
    /// A subset of the one release, like every view.
    public static func resultCells(of release: SurveyRelease, for reader: SurveyReader, reportsBySection: Bool) -> [CellSpec] {
        guard reportsBySection, reader != .organization else { return [] }
        return view(of: release, for: reader).rows.filter { release.isShown($0) && release.summaries[$0] != nil }
    }
}
