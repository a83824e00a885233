import Fluent
import JibungotoDomain
import Vapor

/// Two scenarios of one transfer date side by side: their figures, and person by person who is
/// placed differently, with where and why in each.
struct ScenarioComparisonRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, RotationRoute.compare, requires: .permission(.planRotation), shows: .viewed(subject: "rotation_comparison"), use: compare)
    }

    @Sendable func compare(_ request: Request) async throws -> Response {
        let first = try await Self.scenario(request, query: "a")
        let second = try await Self.scenario(request, query: "b")
        let localizer = request.localizer
        var content = ScenarioComparisonPage.Content(listHref: RotationRoute.scenarios.path)
        var status: HTTPStatus = .ok
        if let first, let second {
            content.firstName = first.name
            content.secondName = second.name
            if first.id == second.id {
                content.message = request.t("rotation.compareSame")
                status = .unprocessableEntity
            } else if first.transferDate != second.transferDate {
                content.message = request.t("rotation.compareDifferentDates", localizer.date(first.transferDate), localizer.date(second.transferDate))
                status = .unprocessableEntity
            } else if let a = try await ScenarioPlanning.planned(first, request: request), let resultA = a.result,
                      let b = try await ScenarioPlanning.planned(second, request: request), let resultB = b.result {
                let numbers = ScenarioComparison.differingStaff(resultA.placements, resultB.placements)
                let staff = try await StaffMember.query(on: request.db).filter(\.$staffNumber ~~ numbers).all()
                let names = Dictionary(staff.map { ($0.staffNumber, $0.name) }, uniquingKeysWith: { x, _ in x })
                func side(_ planned: PlannedScenario, _ result: RotationPlanner.PlanResult, _ number: StaffNumber) -> ScenarioComparisonPage.Side {
                    guard let row = RotationPlanner.explain(staffNumber: number, result, model: planned.model, alternatives: 0) else {
                        return ScenarioComparisonPage.Side(placement: localizer.t("rotation.notOnList"), reasons: "")
                    }
                    let placement = row.stays ? localizer.t("rotation.stays") : SeatPoolLabel.text(row.to, name: row.toName, localizer: localizer)
                    return ScenarioComparisonPage.Side(placement: placement, reasons: MoverReasonWords.text(row.moverReasons, extra: row.placementReasons, localizer: localizer))
                }
                let firstID = RouteParameter.id(try first.requireID())
                content.rows = numbers.map { number in
                    ScenarioComparisonPage.Row(
                        staffNumber: number, name: names[number] ?? number.rawValue,
                        href: RotationRoute.person(firstID, .staff(number)).path,
                        first: side(a, resultA, number), second: side(b, resultB, number))
                }
                content.isCompared = true
                content.transferDate = localizer.date(first.transferDate)
                if let figuresA = StoredSolution.decode(first.solution)?.metrics.map(ScenarioListPage.MetricsView.init),
                   let figuresB = StoredSolution.decode(second.solution)?.metrics.map(ScenarioListPage.MetricsView.init) {
                    content.figures = zip(figuresA.lines, figuresB.lines).map {
                        ScenarioComparisonPage.FigureRow(label: localizer.t($0.key), first: $0.value, second: $1.value)
                    }
                }
            } else {
                content.message = request.t("rotation.compareNeedsSolutions")
                status = .conflict
            }
        } else {
            content.message = request.t("rotation.compareChoose")
        }
        return try await request.renderPage(
            "rotation/compare", title: "rotation.compareTitle",
            breadcrumbs: [Breadcrumb(label: request.t("rotation.title"), href: RotationRoute.scenarios.path),
                          Breadcrumb(label: request.t("rotation.compareTitle"), href: nil)],
            content: content, status: status)
    }

    /// The scenario a query parameter names (nil when absent or unknown).
    private static func scenario(_ request: Request, query name: String) async throws -> RotationScenario? {
        guard let text = try? request.query.get(String.self, at: name), let id = UUID(uuidString: text) else { return nil }
        return try await RotationScenario.find(id, on: request.db)
    }
}
