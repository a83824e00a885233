import Fluent
import JibungotoDomain
import Vapor

/// The fairness figures of the participation ledger for HR and the promotion team: the page for
/// one fiscal year and its CSV. Both show aggregates only, with every group below the minimum
/// group size hidden, so neither shows nor exports anyone's own data.
struct FairnessRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, FairnessRoute.figures, requires: .permission(.viewParticipationFigures), shows: .nothing, use: figures)
        routes.on(.GET, FairnessRoute.export, requires: .permission(.viewParticipationFigures), shows: .nothing, use: export)
    }

    @Sendable func figures(_ request: Request) async throws -> Response {
        let years = try await FairnessData.fiscalYears(today: request.today, on: request.db)
        var validation = FormValidation(request: request)
        guard let year = Self.askedYear(request, available: years, validation: &validation) else {
            return try await page(request, years: years, year: nil, input: nil, validation: validation)
        }
        return try await page(request, years: years, year: year, input: try await Self.input(fiscalYear: year, request: request), validation: validation)
    }

    /// The figures as CSV; an unknown fiscal year gets the page with its message instead.
    @Sendable func export(_ request: Request) async throws -> Response {
        let years = try await FairnessData.fiscalYears(today: request.today, on: request.db)
        var validation = FormValidation(request: request)
        guard let year = Self.askedYear(request, available: years, validation: &validation) else {
            return try await page(request, years: years, year: nil, input: nil, validation: validation)
        }
        let input = try await Self.input(fiscalYear: year, request: request)
        return try CSVResponse.make(filename: "participation-figures-\(year).csv", header: FairnessExport.header(localizer: request.localizer),
                                    rows: FairnessExport.rows(input, localizer: request.localizer), request: request)
    }

    /// The fiscal year of `?fy=`, or this one when none is asked. A year the page does not offer
    /// is refused with a message naming it, never quietly replaced by another year.
    static func askedYear(_ request: Request, available: [Int], validation: inout FormValidation) -> Int? {
        let asked = ((try? request.query.get(String.self, at: "fy")) ?? "").trimmingCharacters(in: .whitespaces)
        guard !asked.isEmpty else { return request.today.fiscalYear.startYear }
        guard let year = Int(asked) else {
            validation.fail("fy", "fairness.badYear", asked)
            return nil
        }
        guard available.contains(year) else {
            validation.fail("fy", "fairness.unknownYear", request.localizer.fiscalYear(year))
            return nil
        }
        return year
    }

    /// Everything the page and the CSV show for `fiscalYear`.
    static func input(fiscalYear: Int, request: Request) async throws -> FairnessPage.Input {
        let loaded = try await FairnessData.load(fiscalYear: fiscalYear, today: request.today, on: request.db)
        let report = FairnessFigures.report(fiscalYear: fiscalYear, people: loaded.people)
        let counts = try await ManagerRefusals.byDepartment(fiscalYear: fiscalYear, tree: loaded.tree, on: request.db)
        let shown = report.byShownDepartment(counts.mapValues(\.total))
        var refusals = shown.departments.map { department, count in
            FairnessPage.RefusalCount(department: loaded.tree.units[department].map { request.text($0.localizedName) } ?? department.rawValue, count: count)
        }
        .sorted { $0.count != $1.count ? $0.count > $1.count : $0.department < $1.department }
        if shown.others > 0 {
            refusals.append(FairnessPage.RefusalCount(department: request.t("fairness.otherDepartments"), count: shown.others))
        }
        return FairnessPage.Input(report: report, tree: loaded.tree, lookBackYears: loaded.lookBackYears, refusals: refusals)
    }

    private func page(_ request: Request, years: [Int], year: Int?, input: FairnessPage.Input?, validation: FormValidation) async throws -> Response {
        var form = FormModel(request: request, action: FairnessRoute.figures.path, method: .GET, submitLabelKey: "fairness.show", fields: [
            FormField(request: request, name: "fy", labelKey: "fairness.fiscalYear", kind: .select, value: year.map(String.init) ?? "",
                      options: years.map { FormOption(value: String($0), label: request.localizer.fiscalYear($0), isSelected: $0 == year, fieldName: "fy") }),
        ])
        form.apply(validation, request: request)
        return try await request.renderPage(
            "opportunities/figures", title: "fairness.title",
            breadcrumbs: [Breadcrumb(label: request.t("opportunities.title"), href: OpportunitiesRoute.overview.path),
                          Breadcrumb(label: request.t("fairness.title"), href: nil)],
            content: FairnessPage.build(yearForm: form, input: input, localizer: request.localizer),
            status: validation.isValid ? .ok : .notFound)
    }
}
