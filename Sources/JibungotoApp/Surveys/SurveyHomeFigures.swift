import Fluent
import JibungotoDomain
import Vapor

/// The response rate of each open survey as the rate page shows it to the signed-in reader: the
/// same live release and the same `SurveyReaderScope` view, so the home page never shows a figure
/// the rate page hides (a section under the survey's minimum group size stays hidden).
enum SurveyHomeFigures {
    struct Figure: Sendable {
        let survey: Survey
        /// Respondents and targets of the reader's own part (全体, their 部, or their unit; their 部
        /// when the unit is hidden, as on the rate page); nil when that too is hidden.
        let count: CellCount?
        /// The reader's own unit is too small to show (the rate page says the same).
        let ownUnitHidden: Bool
    }

    /// Open surveys (until HR closes them) with the reader's own figure; empty for someone without `viewSurveyRates`.
    static func openSurveys(_ request: Request) async throws -> [Figure] {
        guard let scope = request.currentUser?.scope(of: .viewSurveyRates) else { return [] }
        let reach: SurveyReaderReach? = switch scope {
        case .all: .organization
        case .department: .department
        case .section: .unit
        case .own: nil
        }
        guard let reach else { return [] }
        let surveys = try await Survey.query(on: request.db).filter(\.$status == .open).sort(\.$closesOn).all()
        var figures: [Figure] = []
        for survey in surveys {
            let tree = try await OrganizationTree.load(fiscalYear: survey.organizationFiscalYear ?? request.today.fiscalYear.startYear, on: request.db)
            var placement: [String] = []
            if reach != .organization, let root = try await OrganizationScope.root(for: request, scope: scope, tree: tree) {
                placement = tree.path(to: root).map(\.code.rawValue)
            }
            guard let reader = SurveyReaderScope.reader(reach: reach, placement: placement) else { continue }
            let view = SurveyReaderScope.view(of: try await SurveyReleases.current(survey, today: request.today, on: request.db), for: reader)
            let own: CellSpec
            switch reader {
            case .unit(let department, let unit): own = SurveyReleaseBuilder.unitCell(department: department, unit: unit)
            case .organization, .department: own = view.rows[0]
            }
            figures.append(Figure(survey: survey, count: view.figures[own] ?? view.figures[view.rows[0]], ownUnitHidden: view.ownUnitHidden))
        }
        return figures
    }
}
