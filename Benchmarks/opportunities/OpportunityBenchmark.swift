import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import SQLKit

/// A city of N staff in 20 departments (12 divisions of 6 units each), with M participation
/// ledger entries over the last three fiscal years, skewed so that a few staff hold many
/// activities; then, after a warm-up, the median time of the fairness figures for this fiscal
/// year end to end (the page's queries and the whole computation) against a plain
/// `SELECT staff_number, COUNT(*) … GROUP BY staff_number` over the same ledger, in the same run.
enum OpportunityBenchmark {
    struct Figures: Sendable {
        let staff: Int
        let entries: Int
        let fiscalYear: Int
        let setupSeconds: Double
        let referenceSeconds: Double
        let fairnessSeconds: Double
        let suggestionsSeconds: Double?
        /// The overall figures, to see the skew is realistic.
        let summary: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ settings: AppSettings, staff: Int, entries: Int, repeats: Int) async throws -> Figures {
        var figures: Figures?
        try await Launcher.withApplication(settings) { app in
            let database = app.db
            guard let sql = database as? any SQLDatabase else { throw Failure(description: "the benchmark needs an SQL database") }
            let today = AppClock.system.today
            let fiscalYear = today.fiscalYear.startYear
            let started = ContinuousClock.now
            try await makeCity(staff: staff, entries: entries, fiscalYear: fiscalYear, on: database)
            if sql.dialect.name == "postgresql" {
                // A bulk load leaves PostgreSQL without planner statistics until autovacuum comes
                // by (within a minute on a city's server); the benchmark does what it would.
                let tables = [StaffMember.schema, OrganizationUnit.schema, ParticipationRecord.schema, ParticipationTallies.schema,
                              SelfReport.schema, SelfReportCycle.schema]
                try await sql.raw("VACUUM ANALYZE \(idents: tables, joinedBy: ", ")").run()
            }
            let setupSeconds = seconds(since: started)

            var summary = ""
            var reference: [Double] = [], fairness: [Double] = [], suggestions: [Double] = []
            for attempt in 0...repeats {
                // Run 0 is the warm-up: the database's pages and the code paths, not measured.
                let referenceTime = try await timeReference(fiscalYear: fiscalYear, on: sql)
                let (fairnessTime, report) = try await timeFigures(fiscalYear: fiscalYear, today: today, on: database)
                let suggestionsTime = try await timeSuggestions(fiscalYear: fiscalYear, today: today, on: database)
                guard report.overall?.staff == staff else {
                    throw Failure(description: "the figures counted \(report.overall?.staff ?? 0) staff, not \(staff)")
                }
                if attempt == 0 {
                    summary = describe(report)
                    continue
                }
                reference.append(referenceTime)
                fairness.append(fairnessTime)
                if let suggestionsTime { suggestions.append(suggestionsTime) }
            }
            figures = Figures(
                staff: staff, entries: entries, fiscalYear: fiscalYear, setupSeconds: setupSeconds,
                referenceSeconds: median(reference), fairnessSeconds: median(fairness),
                suggestionsSeconds: suggestions.isEmpty ? nil : median(suggestions), summary: summary)
        }
        guard let figures else { throw Failure(description: "no figures") }
        return figures
    }

    // MARK: - What is timed

    /// The plain aggregate the figures are built on, rows read as the figures read theirs.
    static func timeReference(fiscalYear: Int, on sql: any SQLDatabase) async throws -> Double {
        let start = ContinuousClock.now
        let rows = try await sql.raw("""
            SELECT staff_number, COUNT(*) AS n FROM \(ident: ParticipationRecord.schema)
            WHERE fiscal_year = \(bind: fiscalYear) GROUP BY staff_number
            """).all()
        var counted = 0
        for row in rows {
            _ = try row.decode(column: "staff_number", as: String.self)
            counted += try row.decode(column: "n", as: Int.self)
        }
        let elapsed = seconds(since: start)
        guard counted > 0 else { throw Failure(description: "the ledger has no entries in \(fiscalYear)") }
        return elapsed
    }

    /// The fairness figures page's work for one fiscal year: the years it offers, the loading
    /// and every figure of every group and route.
    static func timeFigures(fiscalYear: Int, today: LocalDate, on database: any Database) async throws -> (Double, FairnessReport) {
        let start = ContinuousClock.now
        let years = try await FairnessData.fiscalYears(today: today, on: database)
        let loaded = try await FairnessData.load(fiscalYear: fiscalYear, today: today, on: database)
        let report = FairnessFigures.report(fiscalYear: fiscalYear, people: loaded.people)
        let elapsed = seconds(since: start)
        guard years.contains(fiscalYear) else { throw Failure(description: "\(fiscalYear) is not offered") }
        return (elapsed, report)
    }

    /// The candidate suggestions for a city-wide project team, end to end as the page does them:
    /// this year's organization, the settings, then `TeamSuggestions.rank` (every placed staff
    /// member, their last self-report, the ledger's recent participants, scored and sorted).
    static func timeSuggestions(fiscalYear: Int, today: LocalDate, on database: any Database) async throws -> Double? {
        var existing = try await ProjectTeam.query(on: database).first()
        if existing == nil {
            let team = ProjectTeam(title: "窓口DX推進プロジェクトチーム", purpose: "書かない窓口の設計", sponsorSectionCode: "1101", organizerStaffNumber: "B000000",
                                   startsOn: today.adding(days: 30), endsOn: today.adding(days: 210), seats: 8, wantedSkills: "データ分析、庁内調整、広報",
                                   themes: "行政のデジタル化、窓口", applicationsOpenOn: today, applicationsCloseOn: today.adding(days: 14))
            try await team.create(on: database)
            existing = team
        }
        guard let team = existing else { return nil }
        let started = DispatchTime.now().uptimeNanoseconds
        let tree = try await OrganizationTree.load(fiscalYear: fiscalYear, on: database)
        let settings = try await OpportunitySettings.load(on: database)
        let ranked = try await TeamSuggestions.rank(for: team, tree: tree, settings: settings, limit: TeamCandidacyRoutes.suggestionCount, today: today, on: database)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        guard ranked.count == TeamCandidacyRoutes.suggestionCount else {
            throw Failure(description: "the suggestions found \(ranked.count) people, not \(TeamCandidacyRoutes.suggestionCount)")
        }
        return seconds
    }

    // MARK: - The city

    static let departments = 20, divisionsPerDepartment = 12, unitsPerDivision = 6

    /// The organization of this fiscal year, the staff placed in its units, and the ledger.
    static func makeCity(staff: Int, entries: Int, fiscalYear: Int, on database: any Database) async throws {
        var units: [SectionRecord] = [], placements: [(unit: String, department: String)] = []
        func unit(_ code: String, _ name: String, _ kind: SectionKind, parent: String?) -> SectionRecord {
            SectionRecord(code: SectionCode(code), nameJa: name, nameEn: name, kind: kind, parentCode: parent.map { SectionCode($0) },
                          isCollaborationPost: false, district: nil, authorizedHeadcount: 0, isManagerial: kind != .unit)
        }
        for department in 0..<departments {
            let departmentCode = String(11 + department)
            units.append(unit(departmentCode, "部\(departmentCode)", .department, parent: nil))
            for division in 1...divisionsPerDepartment {
                let divisionCode = departmentCode + padded(division, to: 2)
                units.append(unit(divisionCode, "課\(divisionCode)", .division, parent: departmentCode))
                for member in 1...unitsPerDivision {
                    let unitCode = divisionCode + padded(member, to: 2)
                    units.append(unit(unitCode, "係\(unitCode)", .unit, parent: divisionCode))
                    placements.append((unitCode, departmentCode))
                }
            }
        }
        var generator = SeededGenerator(seed: 2026)
        let yearStart = FiscalYear(startYear: fiscalYear).start
        var members: [StaffMember] = [], numbers: [String] = [], homes: [(unit: String, department: String)] = []
        for index in 0..<staff {
            let number = "B" + padded(index, to: 6)
            let age = Int.random(in: 20...64, using: &generator)
            let birth = yearStart.adding(days: -(age * 365 + Int.random(in: 0..<365, using: &generator)))
            let hireYear = min(fiscalYear, birth.year + 22 + Int.random(in: 0...8, using: &generator))
            let type: EmploymentType = switch Int.random(in: 0..<100, using: &generator) {
            case 0..<80: .regular
            case 80..<85: .reappointed
            case 85..<88: .shortTimeReappointed
            default: .fiscalYearAppointed
            }
            let gender: Gender? = switch Int.random(in: 0..<100, using: &generator) {
            case 0..<48: .female
            case 48..<96: .male
            case 96..<97: .other
            default: nil
            }
            let home = placements[Int.random(in: 0..<placements.count, using: &generator)]
            let member = StaffMember(record: StaffRecord(
                staffNumber: StaffNumber(number), name: "職員 \(index)", nameKana: "ショクイン", birthDate: birth, gender: gender,
                hireDate: LocalDate(year: hireYear, month: 4, day: 1)!, jobType: "事務", grade: "主事", employmentType: type))
            member.currentSectionCode = SectionCode(home.unit)
            member.currentPost = "主事"
            member.currentSince = yearStart
            members.append(member)
            numbers.append(number)
            homes.append(home)
        }
        // Who holds the many activities: a fixed shuffle of the staff, so the busiest are spread over departments.
        var busiestFirst = Array(0..<staff)
        busiestFirst.shuffle(using: &generator)
        let organization = units, staffMembers = members, staffNumbers = numbers, staffHomes = homes, ranking = busiestFirst
        try await database.transaction { database in
            try await ChunkedInsert.create(organization.map { OrganizationUnit(fiscalYear: fiscalYear, record: $0) }, on: database)
            try await ChunkedInsert.create(staffMembers, on: database)
            try await insertLedger(entries: entries, fiscalYear: fiscalYear, numbers: staffNumbers, homes: staffHomes, ranking: ranking, on: database)
            // The ledger was filled in bulk, not through ParticipationLedger: count it afresh.
            guard let sql = database as? any SQLDatabase else { throw Failure(description: "the benchmark needs an SQL database") }
            try await ParticipationTallies.rebuild(on: sql)
            try await insertSelfReports(fiscalYear: fiscalYear, numbers: staffNumbers, on: database)
        }
    }

    /// This year's self-report round with 85 % submitted, as in the demo city: a third ask to join
    /// project teams with one of five themes, and everyone names skills from five sets, each text
    /// made the person's own with a last line (so that no text is shared and the suggestions read
    /// 42,500 different texts, as a real city's are).
    static func insertSelfReports(fiscalYear: Int, numbers: [String], on database: any Database) async throws {
        let cycle = SelfReportCycle(fiscalYear: fiscalYear, title: "自己申告", opensOn: FiscalYear(startYear: fiscalYear).start.adding(days: 183),
                                    deadline: FiscalYear(startYear: fiscalYear).start.adding(days: 253), createdBy: "B000000")
        try await cycle.create(on: database)
        let themes = ["子育て支援の情報発信", "公共施設の再配置", "行政のデジタル化", "地域の防災力向上", "職員の働き方改革"]
        let skills = ["予算・会計の実務\n文書作成\n庁内調整", "法令の読み解き\n窓口対応", "事業の企画立案\nデータ分析\nプレゼンテーション",
                      "現場での折衝\n工程管理", "相談援助の技術\n多職種連携"]
        var generator = SeededGenerator(seed: 85)
        var reports: [SelfReport] = []
        for number in numbers where Int.random(in: 0..<100, using: &generator) < 85 {
            let wants = Int.random(in: 0..<3, using: &generator) == 0
            reports.append(SelfReport(cycleID: try cycle.requireID(), staffNumber: StaffNumber(number), submittedAt: Date(), moveWish: "either",
                                      careerPlan: "窓口で基礎を固め、企画に関わりたい。", projectTeamInterest: wants,
                                      projectTeamThemes: wants ? themes[Int.random(in: 0..<themes.count, using: &generator)] + "（\(number)）" : "",
                                      skills: skills[Int.random(in: 0..<skills.count, using: &generator)] + "\n業務経験 \(number)"))
        }
        try await ChunkedInsert.create(reports, on: database)
    }

    /// `entries` ledger rows, a third in each of the last three fiscal years, in date order as a
    /// city records them. The person of an entry is the one at rank ⌊u^2.5 · N⌋ of the ranking
    /// (u uniform): the top 1 % of staff hold about 16 % of the entries, the top 10 % about 40 %,
    /// and many have none. Routes and kinds in the proportions of a year of teams, side jobs and
    /// support duty; one entry in ten stays within the person's own section.
    static func insertLedger(
        entries: Int, fiscalYear: Int, numbers: [String], homes: [(unit: String, department: String)], ranking: [Int], on database: any Database
    ) async throws {
        guard let sql = database as? any SQLDatabase else { throw Failure(description: "the benchmark needs an SQL database") }
        var generator = SeededGenerator(seed: 401)
        let years = [fiscalYear - 2, fiscalYear - 1, fiscalYear]
        for (yearIndex, year) in years.enumerated() {
            let first = entries * yearIndex / years.count, last = entries * (yearIndex + 1) / years.count
            let start = FiscalYear(startYear: year).start
            let days = (first..<last).map { _ in Int.random(in: 0..<365, using: &generator) }.sorted()
            for chunk in stride(from: first, to: last, by: 400) {
                let insert = sql.insert(into: ParticipationRecord.schema).columns(
                    "id", "staff_number", "kind", "activity_id", "activity_title", "section_code", "department_code",
                    "crosses_sections", "route", "fiscal_year", "activity_date")
                for index in chunk..<min(chunk + 400, last) {
                    let rank = Int(pow(Double.random(in: 0..<1, using: &generator), 2.5) * Double(ranking.count))
                    let person = ranking[min(rank, ranking.count - 1)]
                    let (kind, route): (ParticipationKind, ParticipationRoute) = switch Int.random(in: 0..<100, using: &generator) {
                    case 0..<15: (.projectTeam, .applied)
                    case 15..<25: (.projectTeam, .nominated)
                    case 25..<35: (.sideJob, .applied)
                    case 35..<80: (.supportShift, .allocated)
                    default: (.supportShift, .volunteered)
                    }
                    let crosses = Int.random(in: 0..<10, using: &generator) > 0
                    insert.values([
                        UUID(), numbers[person], kind.rawValue, "bench-\(index)", "ベンチマーク活動 \(index)",
                        homes[person].unit, homes[person].department, crosses, route.rawValue, year,
                        start.adding(days: days[index - first]).iso,
                    ])
                }
                try await insert.run()
            }
        }
    }

    // MARK: - Reporting

    static func describe(_ report: FairnessReport) -> String {
        guard let overall = report.overall else { return "hidden" }
        return "active=\(overall.withActivity) of \(overall.staff) share=\(FairnessText.percent(overall.shareWithActivity))"
            + " top10=\(FairnessText.percent(overall.topDecileShare)) gini=\(FairnessText.gini(overall.gini))"
            + " repeat=\(FairnessText.percent(overall.repeatSelectionRate)) groups=\(report.groups.count)"
    }

    /// `number` with leading zeros to `width` digits, as unit codes and staff numbers are written.
    static func padded(_ number: Int, to width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
