import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Testing
import Vapor
import VaporTesting

/// The fairness figures page and its CSV on a hand-made ledger: the exact figures, groups below
/// the minimum size hidden with the note, the CSV's rows, who may open it, and an unknown year.
@Suite("Opportunities: the fairness figures")
struct FairnessFigureTests {
    static let thisYear = TestClock.thisYear

    /// The fixture city (D0001–D0004 in 総務部, X0001 in 市民協働部, all born 1990, no gender
    /// recorded) with X0002–X0006 in 市民協働部, and this ledger (T = team, S = support shift):
    ///
    /// | staff | this year (令和8年度)                 | last year       |
    /// |-------|--------------------------------------|-----------------|
    /// | D0001 | T1 applied                           | P1 applied      |
    /// | D0002 | T1 applied                           |                 |
    /// | D0003 | a side job in its own section (not counted) |          |
    /// | D0004 | T1 applied, T2 nominated             |                 |
    /// | X0001 | T1 applied, S1–S3 allocated          | P2 nominated    |
    /// | X0002 | T1 applied                           | S9 allocated    |
    ///
    /// So entries per person 1,1,0,2,4,1,0,0,0,0: 5 of 10 took part (50.0 %), the top person
    /// holds 4 of 9 (44.4 %), Gini (2·79 − 11·9) / (10·9) = 0.656, 5 selected of whom D0001 and
    /// X0001 were selected last year (40.0 %).
    func withLedger(_ body: (Application) async throws -> Void) async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let more: [(String, String, Gender, EmploymentType)] = [
                ("X0002", "1960-01-01", .male, .regular),
                ("X0003", "1998-06-01", .female, .regular),
                ("X0004", "1998-07-01", .male, .regular),
                ("X0005", "1980-01-01", .female, .regular),
                ("X0006", "1970-01-01", .female, .fiscalYearAppointed),
            ]
            for (number, born, gender, type) in more {
                let member = StaffMember(record: .fixture(StaffNumber(number), name: "職員 \(number)", nameKana: "ショクイン", born: day(born), gender: gender, employmentType: type))
                member.currentSectionCode = "2010"
                try await member.create(on: app.db)
            }
            let thisYearsTree = try await OrganizationTree.load(fiscalYear: Self.thisYear, on: app.db)
            let lastYearsTree = try await OrganizationTree.load(fiscalYear: Self.thisYear - 1, on: app.db)
            let trees = [Self.thisYear: thisYearsTree, Self.thisYear - 1: lastYearsTree]
            let staff = try await StaffMember.query(on: app.db).all()
            func record(_ number: String, _ activity: String, _ route: ParticipationRoute, on date: String,
                        kind: ParticipationKind = .projectTeam, host: SectionCode? = nil) async throws {
                let member = try #require(staff.first { $0.staffNumber.rawValue == number })
                let tree = try #require(trees[FiscalYear.containing(day(date)).startYear])
                try await ParticipationLedger.record(ParticipationLedger.entry(
                    for: member, kind: kind, activityID: activity, title: "活動 \(activity)", hostSection: host, route: route,
                    date: day(date), tree: tree), on: app.db)
            }
            for number in ["D0001", "D0002", "D0004", "X0001", "X0002"] {
                try await record(number, "T1", .applied, on: "2026-06-01")
            }
            try await record("D0004", "T2", .nominated, on: "2026-07-01")
            for shift in ["S1", "S2", "S3"] {
                try await record("X0001", shift, .allocated, on: "2026-10-04", kind: .supportShift)
            }
            try await record("D0003", "J1", .applied, on: "2026-05-01", kind: .sideJob, host: "10")
            try await record("D0001", "P1", .applied, on: "2025-10-01")
            try await record("X0001", "P2", .nominated, on: "2025-10-01")
            try await record("X0002", "S9", .allocated, on: "2025-11-03", kind: .supportShift)
            try await body(app)
        }
    }

    static let hiddenRow = #"<td colspan="7" class="muted">人数が少ないため表示しません</td></tr>"#
    static let protectingRow = #"<td colspan="7" class="muted">人数の少ない別の集団が差し引きで分からないよう表示しません</td></tr>"#

    static func row(_ label: String, _ cells: [String]) -> String {
        #"<tr><th scope="row">\#(label)</th>"# + cells.map { #"<td class="numeric">\#($0)</td>"# }.joined() + "</tr>"
    }

    @Test("managers' refusals of team selections and side-job applications are counted by the person's department")
    func refusals() async throws {
        try await withLedger { app in
            let team = ProjectTeam(title: "窓口DX推進プロジェクトチーム", purpose: "窓口の改善", sponsorSectionCode: "1010", organizerStaffNumber: "D0004",
                                   startsOn: day("2026-06-01"), endsOn: day("2027-03-31"), seats: 3, applicationsOpenOn: day("2026-04-01"), applicationsCloseOn: day("2026-05-15"))
            try await team.create(on: app.db)
            // Five more in 総務部, so that both departments (9 and 6 of 15) show their figures.
            for index in 1...5 {
                let member = StaffMember(record: .fixture(StaffNumber("Y000\(index)"), name: "職員 Y000\(index)", nameKana: "ショクイン", born: day("1990-01-01")))
                member.currentSectionCode = "101010"
                try await member.create(on: app.db)
            }
            for (number, section) in [("X0001", "2010"), ("D0001", "101010")] {
                let refused = ProjectTeamCandidate(teamID: try team.requireID(), staffNumber: StaffNumber(number), route: .applied, status: .refusedByManager)
                refused.sectionCode = SectionCode(section)
                refused.consentReason = "繁忙期のため。"
                try await refused.create(on: app.db)
            }
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let body = try await hr.get(FairnessRoute.figures.path).body.string
            #expect(body.contains(#"<tr><th scope="row">市民協働部</th><td class="numeric">1</td></tr>"#))
            #expect(body.contains(#"<tr><th scope="row">総務部</th><td class="numeric">1</td></tr>"#))
            #expect(!(try await hr.get(FairnessRoute.figures.path(query: [("fy", "2025")])).body.string.contains(#"<tr><th scope="row">総務部</th><td class="numeric">1</td></tr>"#)),
                    "last year's page counts last year's refusals only")
        }
    }

    @Test("refusals of departments whose figures are hidden are one total, never a department's own small count")
    func refusalsOfHiddenDepartments() async throws {
        try await withLedger { app in
            let team = ProjectTeam(title: "窓口DX推進プロジェクトチーム", purpose: "窓口の改善", sponsorSectionCode: "1010", organizerStaffNumber: "D0004",
                                   startsOn: day("2026-06-01"), endsOn: day("2027-03-31"), seats: 3, applicationsOpenOn: day("2026-04-01"), applicationsCloseOn: day("2026-05-15"))
            try await team.create(on: app.db)
            let refused = ProjectTeamCandidate(teamID: try team.requireID(), staffNumber: "D0001", route: .applied, status: .refusedByManager)
            refused.sectionCode = "101010"
            refused.consentReason = "繁忙期のため。"
            try await refused.create(on: app.db)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let body = try await hr.get(FairnessRoute.figures.path).body.string
            // 総務部 has 4 staff (hidden) and 市民協働部 6 (hidden with it, or 10 − 6 would give 総務部 away).
            #expect(body.contains(#"<tr><th scope="row">その他の部（数値を表示しない部と所属のない職員の合計）</th><td class="numeric">1</td></tr>"#))
            #expect(!body.contains(#"<tr><th scope="row">総務部</th><td class="numeric">"#))
        }
    }

    @Test("the page shows the exact figures overall and by group, and hides groups under five with the note")
    func exactFigures() async throws {
        try await withLedger { app in
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let page = try await hr.get(FairnessRoute.figures.path)
            #expect(page.status == .ok)
            let body = page.body.string
            #expect(body.contains("令和8年度の指標"), "this fiscal year when none is asked")
            #expect(body.contains("<dt>職員数</dt><dd>10</dd>"))
            #expect(body.contains("<dt>活動した職員</dt><dd>5</dd>"))
            #expect(body.contains("<dt>活動した職員の割合</dt><dd>50.0 %</dd>"))
            #expect(body.contains("<dt>活動の件数</dt><dd>9</dd>"), "the side job in D0003's own section is not cross-section")
            #expect(body.contains("<dt>上位10%の職員が占める割合</dt><dd>44.4 %</dd>"))
            #expect(body.contains("<dt>ジニ係数</dt><dd>0.656</dd>"))
            #expect(body.contains("<dt>応募・推薦で選ばれた職員</dt><dd>5</dd>"))
            #expect(body.contains("<dt>再選出率</dt><dd>40.0 %</dd>"))

            #expect(body.contains("職員が5人未満の集団（部・年齢・性別・雇用区分・参加の経緯ごと）は、個人が分からないよう数値を表示していません。"))
            #expect(body.contains(#"<tr><th scope="row">総務部</th>"# + Self.hiddenRow), "4 staff")
            #expect(body.contains(#"<tr><th scope="row">市民協働部</th>"# + Self.protectingRow), "6 staff, but the whole (10) minus 6 is 総務部's 4")
            // 30代: D0001–D0004 and X0001, 1,1,0,2,4 — Gini 18/40.
            #expect(body.contains(Self.row("30代", ["5", "4", "80.0 %", "25.0 %", "0.450", "4", "50.0 %"])))
            #expect(body.contains(#"<tr><th scope="row">29歳以下</th>"# + Self.hiddenRow), "X0003 and X0004")
            #expect(body.contains(#"<tr><th scope="row">60歳以上</th>"# + Self.hiddenRow), "X0002 alone")
            #expect(body.contains("性別が記録されていない職員は、この表に含めていません。"))
            #expect(body.contains(#"<tr><th scope="row">女性</th>"# + Self.hiddenRow))
            #expect(body.contains(#"<tr><th scope="row">男性</th>"# + Self.hiddenRow))
            #expect(body.contains(#"<tr><th scope="row">常勤</th>"# + Self.protectingRow), "9 staff, but 10 − 9 is X0006 alone")
            #expect(body.contains(#"<tr><th scope="row">会計年度任用</th>"# + Self.hiddenRow))

            // Routes: five applied, two of them (D0002, D0004) with nothing last year; their ages all in cells under five.
            #expect(body.contains(Self.row("応募", ["5", "5", "2", "40.0 %", "0", "—", "0", "0", "—"])))
            #expect(body.contains(#"<tr><th scope="row">推薦</th><td colspan="9" class="muted">人数が少ないため表示しません</td></tr>"#))
            #expect(body.contains(Self.row("志願", ["0", "0", "0", "—", "0", "0", "0", "0", "0"])), "nobody is no one to hide")
            #expect(body.contains("<svg class=\"chart\""), "charts with their tables")
            #expect(body.contains("所属長の不同意"))
            #expect(body.contains("この年度の不同意はありません。"))
            #expect(!body.contains("青木 花子"), "aggregates only, no names")
            #expect(body.contains(#"<option value="2025">令和7年度</option>"#))

            let lastYear = try await hr.get(FairnessRoute.figures.path(query: [("fy", String(Self.thisYear - 1))]))
            #expect(lastYear.status == .ok)
            #expect(lastYear.body.string.contains("令和7年度の指標"))
            #expect(lastYear.body.string.contains("<dt>活動した職員の割合</dt><dd>30.0 %</dd>"), "D0001, X0001 and X0002 of 10")
        }
    }

    @Test("the CSV has one row per figure, hidden groups in words and no number")
    func csvExport() async throws {
        try await withLedger { app in
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let export = try await hr.get(FairnessRoute.export.path(query: [("fy", String(Self.thisYear))]))
            #expect(export.status == .ok)
            #expect(export.headers.contentType?.subType == "csv")
            #expect(Array(export.body.readableBytesView).starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with BOM for Excel")
            let lines = export.body.string.dropFirst().components(separatedBy: "\r\n")
            #expect(lines.first == "年度,区分,集団,指標,値")
            for line in [
                "令和8年度,全体,対象の職員全体,職員数,10",
                "令和8年度,全体,対象の職員全体,活動した職員の割合（%）,50.0",
                "令和8年度,全体,対象の職員全体,上位10%の職員が占める割合（%）,44.4",
                "令和8年度,全体,対象の職員全体,ジニ係数,0.656",
                "令和8年度,全体,対象の職員全体,うち前年度も選ばれた職員,2",
                "令和8年度,全体,対象の職員全体,再選出率（%）,40.0",
                "令和8年度,部,市民協働部,人数の少ない別の集団が差し引きで分からないよう表示しません,",
                "令和8年度,部,総務部,人数が少ないため表示しません,",
                "令和8年度,年齢,30代,活動した職員の割合（%）,80.0",
                "令和8年度,参加の経緯,応募,新しい顔ぶれ,2",
                "令和8年度,参加の経緯,応募,新しい顔ぶれの割合（%）,40.0",
                "令和8年度,参加の経緯,応募,30代の人数,非表示",
                "令和8年度,参加の経緯,推薦,人数が少ないため表示しません,",
            ] {
                #expect(lines.contains(line), "\(line)")
            }
            #expect(!lines.contains { $0.hasPrefix("令和8年度,部,総務部,職員数") }, "a hidden group has no count")
        }
    }

    @Test("a plain staff member and a section manager are refused; the promotion team may read")
    func access() async throws {
        try await withLedger { app in
            for login in [Demo.staff, Demo.sectionManager] {
                let browser = Browser(app)
                try await browser.logIn(login)
                #expect(try await browser.get(FairnessRoute.figures.path).status == .forbidden, "\(login)")
                #expect(try await browser.get(FairnessRoute.export.path).status == .forbidden, "\(login)")
            }
            let team = Browser(app)
            try await team.logIn(Demo.promotionTeam)
            #expect(try await team.get(FairnessRoute.figures.path).status == .ok)
        }
    }

    @Test("a fiscal year without records, or one that is not a year, is named in a message, never another year's figures")
    func unknownYear() async throws {
        try await withLedger { app in
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let unknown = try await hr.get(FairnessRoute.figures.path(query: [("fy", "2020")]))
            #expect(unknown.status == .notFound)
            #expect(unknown.body.string.contains("令和2年度の参加記録はありません。一覧から年度を選んでください。"))
            #expect(!unknown.body.string.contains("の指標</h2>"), "no figures of another year")
            let garbled = try await hr.get(FairnessRoute.figures.path(query: [("fy", "R8")]))
            #expect(garbled.status == .notFound)
            #expect(garbled.body.string.contains("年度「R8」を読み取れません。一覧から年度を選んでください。"))
            let export = try await hr.get(FairnessRoute.export.path(query: [("fy", "2020")]))
            #expect(export.status == .notFound)
            #expect(export.headers.contentType?.subType != "csv")
            #expect(export.body.string.contains("令和2年度の参加記録はありません。一覧から年度を選んでください。"))
        }
    }
}
