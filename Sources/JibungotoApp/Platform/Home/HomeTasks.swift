import Fluent
import JibungotoDomain
import Vapor

/// Loads what the signed-in user has to look after, each figure from the module that defines it:
/// self-report completion as the completion page counts it, survey rates as the rate page shows
/// them to this reader, scenarios awaiting approval, this year's retirements and age-60
/// information, and the liaison's districts with their open and overdue issues.
enum HomeTasks {
    static func load(_ request: Request) async throws -> HomePage.Figures {
        let user = try request.requireUser()
        var figures = HomePage.Figures()
        if let scope = user.scope(of: .viewSelfReportCompletion), scope != .own {
            figures.rounds = try await rounds(request, scope: scope)
        }
        figures.surveys = try await SurveyHomeFigures.openSurveys(request).map { figure in
            HomePage.SurveyFigure(surveyID: try figure.survey.requireID(), title: figure.survey.title(request.language),
                                  closesOn: figure.survey.closesOn, count: figure.count, ownUnitHidden: figure.ownUnitHidden,
                                  k: figure.survey.k, target: figure.survey.targetRate)
        }
        if user.scope(of: .planRotation) != nil {
            figures.scenarios = try await RotationScenario.query(on: request.db).filter(\.$status == .draft).sort(\.$transferDate).all()
                .map { HomePage.ScenarioFigure(scenarioID: try $0.requireID(), name: $0.name, transferDate: $0.transferDate) }
        }
        if user.scope(of: .viewRetirement) != nil {
            figures.retirement = try await RetirementHomeFigures.thisYear(on: request.db, today: request.today)
        }
        if user.scope(of: .viewDistricts) != nil {
            figures.districts = try await districts(request)
        }
        return figures
    }

    /// Open rounds with the reader's completion (HR the whole city, others their part).
    private static func rounds(_ request: Request, scope: Scope) async throws -> [HomePage.RoundFigure] {
        let today = request.today
        let cycles = try await SelfReportCycle.query(on: request.db).filter(\.$opensOn <= today).filter(\.$deadline >= today)
            .sort(\.$deadline).all()
        guard !cycles.isEmpty else { return [] }
        let units = try await SelfReportReach.units(request, scope: scope)
        if let units, units.isEmpty { return [] }
        let tree = try await request.currentOrganization()
        var rounds: [HomePage.RoundFigure] = []
        for cycle in cycles {
            let targets = try await SelfReportReach.placements(of: cycle, in: units, tree: tree, on: request.db).map(\.staffNumber)
            guard !targets.isEmpty else { continue }
            let statuses = try await SelfReportRounds.statuses(of: cycle, on: request.db)
            let tally = SelfReportTally(staffNumbers: targets, statuses: statuses)
            rounds.append(HomePage.RoundFigure(
                cycleID: try cycle.requireID(), title: cycle.title, deadline: cycle.deadline,
                completion: SelfReportCompletionPage.row(label: cycle.title, href: nil, staffNumbers: targets, statuses: statuses),
                notSubmitted: tally.targets - tally.submitted, isWholeCity: units == nil))
        }
        return rounds
    }

    /// The districts the user serves as liaison today, counted as the district page counts them.
    private static func districts(_ request: Request) async throws -> [HomePage.DistrictFigure] {
        let viewer = try await DistrictViewer.load(request)
        guard !viewer.liaisonOf.isEmpty else { return [] }
        let districts = try await District.query(on: request.db).filter(\.$id ~~ Array(viewer.liaisonOf)).sort(\.$position).all()
        var figures: [HomePage.DistrictFigure] = []
        for district in districts {
            let issues = try await LocalIssue.query(on: request.db).filter(\.$district.$id == district.requireID()).all()
            figures.append(HomePage.DistrictFigure(
                districtID: try district.requireID(), name: district.name,
                open: issues.filter { $0.status.isOpen }.count,
                overdue: issues.filter { $0.isOverdue(today: request.today) }.count))
        }
        return figures
    }
}
