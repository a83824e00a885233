import Foundation
import JibungotoDomain

/// 参加の公平性: the fairness figures of one fiscal year, overall and by department, age band,
/// gender and employment type, and how people came through each route; every chart followed by
/// its data table, every group below the minimum group size without figures.
enum FairnessPage {
    /// Manager refusals (所属長の不同意) per department, counted from the project-team and
    /// side-job tables by their modules; the section appears only when this is given.
    struct RefusalCount: Sendable {
        let department: String
        let count: Int
    }

    /// What the page shows for a fiscal year that has figures.
    struct Input: Sendable {
        let report: FairnessReport
        /// Today's organization, for the departments' names.
        let tree: OrganizationTree
        /// The fiscal years whose entries mean someone is not a new face.
        let lookBackYears: ClosedRange<Int>
        /// Placeholder hook: nil until the project-team and side-job tables are counted
        /// (`FairnessRoutes.input` is where they are filled in).
        let refusals: [RefusalCount]?
    }

    struct Content: Encodable, Sendable {
        let yearForm: FormModel
        /// False when the asked fiscal year has no figures (the form says why).
        let hasFigures: Bool
        let heading: String
        let populationNote: String
        let smallGroupNote: String
        let overall: [Fact]
        /// Instead of `overall` when the whole population is below the minimum group size.
        let overallHidden: String?
        let exportHref: String
        let dimensions: [DimensionSection]
        let routeChart: ChartSVG?
        let routeChartCaption: String
        let ageBandHeads: [String]
        let routes: [RouteRow]
        let showsRefusals: Bool
        let refusals: [RefusalRow]
        let definitions: [Fact]
    }

    struct Fact: Encodable, Sendable {
        let label: String
        let value: String
    }

    struct DimensionSection: Encodable, Sendable {
        let heading: String
        let groupHead: String
        let note: String?
        let chart: ChartSVG?
        let chartCaption: String
        let rows: [GroupRow]
    }

    struct GroupRow: Encodable, Sendable {
        let label: String
        let isHidden: Bool
        /// Why a hidden group shows nothing.
        let hiddenText: String
        let staff: String
        let withActivity: String
        let share: String
        let topDecile: String
        let gini: String
        let selected: String
        let repeatRate: String
    }

    struct RouteRow: Encodable, Sendable {
        let label: String
        let isHidden: Bool
        let hiddenText: String
        let people: String
        let entries: String
        let newFaces: String
        let newFaceShare: String
        let ageBands: [String]
    }

    struct RefusalRow: Encodable, Sendable {
        let department: String
        let count: String
    }

    /// - Parameter input: nil when the asked fiscal year has no figures; then only the form shows.
    static func build(yearForm: FormModel, input: Input?, localizer: Localizer) -> Content {
        guard let input else {
            return Content(
                yearForm: yearForm, hasFigures: false, heading: "", populationNote: "", smallGroupNote: "", overall: [], overallHidden: nil,
                exportHref: "", dimensions: [], routeChart: nil, routeChartCaption: "", ageBandHeads: [], routes: [], showsRefusals: false,
                refusals: [], definitions: [])
        }
        let report = input.report
        let year = FiscalYear(startYear: report.fiscalYear)
        let minimum = String(report.minimumGroupSize)
        let routes = report.routes.map { profile in
            guard let figures = profile.figures else {
                return RouteRow(label: FairnessText.route(profile.route, localizer: localizer), isHidden: true,
                                hiddenText: FairnessText.hidden(profile.hidden, localizer: localizer),
                                people: "", entries: "", newFaces: "", newFaceShare: "", ageBands: [])
            }
            return RouteRow(
                label: FairnessText.route(profile.route, localizer: localizer), isHidden: false, hiddenText: "",
                people: String(figures.people), entries: String(figures.entries), newFaces: String(figures.newFaces),
                newFaceShare: FairnessText.percent(figures.newFaceShare),
                ageBands: figures.ageBands.map { $0.people.map(String.init) ?? "—" })
        }
        let routePoints = report.routes.map { profile in
            SVGChart.Point(label: FairnessText.route(profile.route, localizer: localizer), value: profile.figures?.newFaceShare.map { $0 * 100 })
        }
        return Content(
            yearForm: yearForm, hasFigures: true,
            heading: localizer.t("fairness.yearHeading", localizer.fiscalYear(report.fiscalYear)),
            populationNote: localizer.t("fairness.population", localizer.date(year.end), localizer.date(year.start)),
            smallGroupNote: localizer.t("fairness.smallGroups", minimum),
            overall: report.overall.map { facts($0, localizer: localizer) } ?? [],
            overallHidden: report.overall == nil ? localizer.t("fairness.overallHidden", minimum) : nil,
            exportHref: FairnessRoute.export.path(query: [("fy", String(report.fiscalYear))]),
            dimensions: FairnessDimension.allCases.compactMap { section($0, input: input, localizer: localizer) },
            routeChart: routePoints.contains { $0.value != nil } ? SVGChart.percentBars(routePoints) : nil,
            routeChartCaption: localizer.t("fairness.routeChartCaption"),
            ageBandHeads: AgeBand.allCases.map { localizer.text($0.label) },
            routes: routes,
            showsRefusals: input.refusals != nil,
            refusals: (input.refusals ?? []).map { RefusalRow(department: $0.department, count: String($0.count)) },
            definitions: [
                Fact(label: localizer.t("fairness.share"), value: localizer.t("fairness.define.share")),
                Fact(label: localizer.t("fairness.topDecile"), value: localizer.t("fairness.define.topDecile")),
                Fact(label: localizer.t("fairness.gini"), value: localizer.t("fairness.define.gini")),
                Fact(label: localizer.t("fairness.repeatRate"), value: localizer.t("fairness.define.repeatRate")),
                Fact(label: localizer.t("fairness.newFaces"), value: localizer.t("fairness.define.newFaces", count: input.lookBackYears.count, String(input.lookBackYears.count))),
            ])
    }

    private static func facts(_ summary: FairnessSummary, localizer: Localizer) -> [Fact] {
        [
            Fact(label: localizer.t("fairness.staff"), value: String(summary.staff)),
            Fact(label: localizer.t("fairness.withActivity"), value: String(summary.withActivity)),
            Fact(label: localizer.t("fairness.share"), value: FairnessText.percent(summary.shareWithActivity)),
            Fact(label: localizer.t("fairness.entries"), value: String(summary.entries)),
            Fact(label: localizer.t("fairness.topDecile"), value: FairnessText.percent(summary.topDecileShare)),
            Fact(label: localizer.t("fairness.gini"), value: FairnessText.gini(summary.gini)),
            Fact(label: localizer.t("fairness.selected"), value: String(summary.selected)),
            Fact(label: localizer.t("fairness.repeatRate"), value: FairnessText.percent(summary.repeatSelectionRate)),
        ]
    }

    /// One dimension's chart (share with activity per group, the whole's share as the dashed
    /// line) and table; nil when the dimension has no group (no gender recorded at all).
    private static func section(_ dimension: FairnessDimension, input: Input, localizer: Localizer) -> DimensionSection? {
        let groups = input.report.groups(in: dimension)
        guard !groups.isEmpty else { return nil }
        let rows = groups.map { group in
            let label = FairnessText.label(group.key, tree: input.tree, localizer: localizer)
            guard let summary = group.summary else {
                return GroupRow(label: label, isHidden: true, hiddenText: FairnessText.hidden(group.hidden, localizer: localizer),
                                staff: "", withActivity: "", share: "", topDecile: "", gini: "", selected: "", repeatRate: "")
            }
            return GroupRow(
                label: label, isHidden: false, hiddenText: "", staff: String(summary.staff), withActivity: String(summary.withActivity),
                share: FairnessText.percent(summary.shareWithActivity), topDecile: FairnessText.percent(summary.topDecileShare),
                gini: FairnessText.gini(summary.gini), selected: String(summary.selected),
                repeatRate: FairnessText.percent(summary.repeatSelectionRate))
        }
        let points = groups.map { group in
            SVGChart.Point(label: FairnessText.label(group.key, tree: input.tree, localizer: localizer),
                           value: group.summary?.shareWithActivity.map { $0 * 100 })
        }
        let name = FairnessText.dimension(dimension, localizer: localizer)
        return DimensionSection(
            heading: localizer.t("fairness.heading.\(dimension.rawValue)"), groupHead: name,
            note: dimension == .gender ? localizer.t("fairness.genderNote") : nil,
            chart: points.contains { $0.value != nil }
                ? SVGChart.percentBars(points, target: input.report.overall?.shareWithActivity.map { $0 * 100 }) : nil,
            chartCaption: localizer.t(input.report.overall?.shareWithActivity == nil ? "fairness.chartCaption" : "fairness.chartCaptionWithWhole", name),
            rows: rows)
    }
}

/// The figures' words and numbers as both the page and the CSV write them.
enum FairnessText {
    /// "42.5 %", or "—" where the figure does not exist (nobody there, nobody active).
    static func percent(_ value: Double?) -> String { value.map(ResponseRate.percentText) ?? "—" }

    /// "0.412", or "—" where there is no activity to measure.
    static func gini(_ value: Double?) -> String { value.map(giniFigure) ?? "—" }

    /// Three decimals, enough to tell one year from the next.
    static func giniFigure(_ value: Double) -> String { String(format: "%.3f", value) }

    static func dimension(_ dimension: FairnessDimension, localizer: Localizer) -> String {
        localizer.t("fairness.dimension.\(dimension.rawValue)")
    }

    /// Why a group shows nothing: too few people, or a smaller group would be given away.
    static func hidden(_ hiding: FairnessHiding?, localizer: Localizer) -> String {
        localizer.t(hiding == .protectsSmallerGroup ? "fairness.hiddenToProtect" : "fairness.hiddenGroup")
    }

    static func route(_ route: ParticipationRoute, localizer: Localizer) -> String {
        localizer.t("participation.route.\(route.rawValue)")
    }

    static func label(_ key: FairnessGroupKey, tree: OrganizationTree, localizer: Localizer) -> String {
        switch key {
        case .department(let code): tree.units[code].map { localizer.text($0.localizedName) } ?? code.rawValue
        case .ageBand(let band): localizer.text(band.label)
        case .gender(let gender): localizer.t("gender.\(gender.rawValue)")
        case .employmentType(let type): localizer.t("employment.\(type.rawValue)")
        }
    }
}

/// The CSV of the figures: one row per figure (fiscal year, what is split, the group, the
/// figure, its value), so every group and route fits one header and a spreadsheet can pivot it.
/// Hidden groups are rows with the page's words, never a number.
enum FairnessExport {
    static func header(localizer: Localizer) -> [String] {
        ["fairness.csv.fiscalYear", "fairness.csv.split", "fairness.csv.group", "fairness.csv.figure", "fairness.csv.value"].map { localizer.t($0) }
    }

    static func rows(_ input: FairnessPage.Input, localizer: Localizer) -> [[String]] {
        let report = input.report
        let year = localizer.fiscalYear(report.fiscalYear)
        func hidden(_ hiding: FairnessHiding?) -> [String] { [FairnessText.hidden(hiding, localizer: localizer), ""] }
        func percentName(_ key: String) -> String { localizer.t("fairness.csv.percent", localizer.t(key)) }
        /// A figure's number, or an empty cell where it does not exist.
        func number(_ value: Double?, _ format: (Double) -> String) -> String { value.map(format) ?? "" }
        func summaryRows(_ summary: FairnessSummary?, hiding: FairnessHiding?, split: String, group: String) -> [[String]] {
            guard let summary else { return [[year, split, group] + hidden(hiding)] }
            let figures: [[String]] = [
                [localizer.t("fairness.staff"), String(summary.staff)],
                [localizer.t("fairness.withActivity"), String(summary.withActivity)],
                [percentName("fairness.share"), number(summary.shareWithActivity, ResponseRate.percentFigure)],
                [localizer.t("fairness.entries"), String(summary.entries)],
                [percentName("fairness.topDecile"), number(summary.topDecileShare, ResponseRate.percentFigure)],
                [localizer.t("fairness.gini"), number(summary.gini, FairnessText.giniFigure)],
                [localizer.t("fairness.selected"), String(summary.selected)],
                [localizer.t("fairness.selectedAgain"), String(summary.selectedAgain)],
                [percentName("fairness.repeatRate"), number(summary.repeatSelectionRate, ResponseRate.percentFigure)],
            ]
            return figures.map { [year, split, group] + $0 }
        }

        var rows = summaryRows(report.overall, hiding: .fewerThanMinimum, split: localizer.t("fairness.csv.whole"), group: localizer.t("fairness.csv.allStaff"))
        for group in report.groups {
            rows += summaryRows(group.summary, hiding: group.hidden, split: FairnessText.dimension(group.key.dimension, localizer: localizer),
                                group: FairnessText.label(group.key, tree: input.tree, localizer: localizer))
        }
        let routeSplit = localizer.t("participation.route")
        for profile in report.routes {
            let group = FairnessText.route(profile.route, localizer: localizer)
            guard let figures = profile.figures else {
                rows.append([year, routeSplit, group] + hidden(profile.hidden))
                continue
            }
            var figureRows: [[String]] = [
                [localizer.t("fairness.people"), String(figures.people)],
                [localizer.t("fairness.entries"), String(figures.entries)],
                [localizer.t("fairness.newFaces"), String(figures.newFaces)],
                [percentName("fairness.newFaceShare"), number(figures.newFaceShare, ResponseRate.percentFigure)],
            ]
            for band in figures.ageBands {
                let people: String = band.people.map { String($0) } ?? localizer.t("fairness.hiddenBand")
                figureRows.append([localizer.t("fairness.csv.ageBandPeople", localizer.text(band.band.label)), people])
            }
            rows += figureRows.map { [year, routeSplit, group] + $0 }
        }
        for refusal in input.refusals ?? [] {
            rows.append([year, localizer.t("fairness.refusals"), refusal.department, localizer.t("fairness.refusalCount"), String(refusal.count)])
        }
        return rows
    }
}
