import JibungotoDomain

/// The multi-year outlook: per fiscal year the retirement age in force, how many retire at its
/// end and how many leave a managerial post on its first day, as a chart with its data table
/// and as CSV.
enum RetirementYearsPage {
    struct Content: Encodable, Sendable {
        let intro: String
        let rows: [Row]
        /// Retirements per fiscal year (the table below carries the same numbers for screen readers).
        let trendChart: ChartSVG
        let chartCaption: String
        let exportHref: String
        let outlookHref: String
    }

    struct Row: Encodable, Sendable {
        let fiscalYear: String
        let ageInForce: String
        let retiring: Int
        let leavingManagerialPosts: Int
    }

    static func build(figures: [RetirementRules.YearFigures], localizer: Localizer) -> Content {
        let rows = figures.map { figure in
            Row(fiscalYear: localizer.fiscalYear(figure.fiscalYear.startYear),
                ageInForce: localizer.t("retirement.years.age", String(figure.ageInForce)),
                retiring: figure.retiring, leavingManagerialPosts: figure.leavingManagerialPosts)
        }
        let last = figures.last.map { localizer.fiscalYear($0.fiscalYear.startYear) } ?? ""
        return Content(
            intro: localizer.t("retirement.years.intro", last),
            rows: rows,
            trendChart: SVGChart.countBars(rows.map { SVGChart.Point(label: $0.fiscalYear, value: Double($0.retiring)) }),
            chartCaption: localizer.t("retirement.years.chartCaption"),
            exportHref: RetirementRoute.yearsExport.path,
            outlookHref: RetirementRoute.outlook.path)
    }

    /// The same table for a spreadsheet: the fiscal year as its start year, so it sorts.
    static func csv(figures: [RetirementRules.YearFigures], localizer: Localizer) -> (header: [String], rows: [[String]]) {
        (header: [localizer.t("retirement.years.csv.fiscalYear"), localizer.t("retirement.years.csv.fiscalYearName"),
                  localizer.t("retirement.years.ageInForce"), localizer.t("retirement.years.retiring"),
                  localizer.t("retirement.years.leavingManagerial")],
         rows: figures.map { figure in
             [String(figure.fiscalYear.startYear), localizer.fiscalYear(figure.fiscalYear.startYear), String(figure.ageInForce),
              String(figure.retiring), String(figure.leavingManagerialPosts)]
         })
    }
}
