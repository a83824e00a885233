import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import Testing
import Vapor
import VaporTesting

@Suite("Organization: CSV import through the pages and the command line")
struct ImportTests {
    static let header = "職員番号,氏名,氏名カナ,生年月日,性別,採用年月日,職種,職位,雇用区分"

    static func csv(_ lines: [String], bom: Bool = false) -> Data {
        Data(((bom ? "\u{FEFF}" : "") + ([header] + lines).joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func cp932(_ lines: [String]) -> Data {
        (([header] + lines).joined(separator: "\r\n") + "\r\n").data(using: .shiftJIS)!
    }

    func withCity(_ body: (Application, Browser) async throws -> Void) async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            try await hr.get(OrganizationRoute.importUpload.path)
            try await body(app, hr)
        }
    }

    /// Uploads, follows the redirect to the dry-run report, returns it.
    func dryRun(_ hr: Browser, kind: String = "staff", _ file: Data, encoding: String = "auto") async throws -> PageResponse {
        let uploaded = try await hr.upload(OrganizationRoute.importUpload.path, fields: [("kind", kind), ("encoding", encoding)], fileField: "file", filename: "staff.csv", file: file)
        #expect(uploaded.status == .seeOther)
        return try await hr.get(try #require(uploaded.headers.first(name: .location)))
    }

    @Test(arguments: ["utf8", "cp932"])
    func everyBadRowIsListedWithItsLineAndNothingIsWritten(encoding: String) async throws {
        let lines = [
            "S0001,髙橋 一郎,ﾀｶﾊｼ ｲﾁﾛｳ,S63.1.9,男,2010/4/1,事務,主事,常勤",
            "S0002,,ヤマダ ハナコ,2025-02-30,女,2010/4/1,事務,主事,常勤",
            "S0001,山﨑 次郎,ヤマザキ ジロウ,H31.5.1,男,R7.13.1,事務,主事,正社員",
        ]
        let file = encoding == "cp932" ? Self.cp932(lines) : Self.csv(lines, bom: true)
        try await withCity { app, hr in
            let before = try await StaffMember.query(on: app.db).count()
            let report = try await dryRun(hr, file)
            let body = report.body.string
            #expect(body.contains("<td class=\"numeric\">3</td>"), "line 3 holds the missing name and the impossible date")
            #expect(body.contains("<td class=\"numeric\">4</td>"))
            #expect(body.contains("2025-02-30"))
            #expect(body.contains("H31.5.1"))
            #expect(body.contains("R7.13.1"))
            #expect(body.contains("正社員"))
            #expect(!body.contains("/apply\""), "no apply button while the file has errors")
            let batchPath = try #require(body.firstMatch(of: /\/organization\/import\/[0-9a-f-]{36}/)).output
            let forced = try await hr.post(OrganizationRoute.importApply(routeParameter(lastOf: String(batchPath))).path, [])
            #expect(forced.status == .unprocessableEntity)
            #expect(try await StaffMember.query(on: app.db).count() == before)
        }
    }

    @Test func aCleanFileIsCountedThenAppliedAllAtOnce() async throws {
        try await withCity { app, hr in
            let file = Self.cp932([
                "S0101,髙橋 一郎,ﾀｶﾊｼ ｲﾁﾛｳ,昭和63年1月9日,男,2010/4/1,事務,主事,常勤",
                "\"S0102\",\"山﨑, 花子\",やまざき はなこ,平成2年5月1日,,令和元年5月1日,保健師,主任,会計年度任用",
                "D0001,青木 花子,アオキ ハナコ,1990-05-10,,2019-04-01,事務,主任,常勤",
            ])
            let report = try await dryRun(hr, file)
            #expect(report.status == .ok)
            let body = report.body.string
            #expect(body.contains("Shift_JIS（CP932）"))
            #expect(body.contains("<dt>追加</dt><dd>2</dd>"))
            #expect(body.contains("<dt>変更</dt><dd>1</dd>"))
            let batchPath = try #require(body.firstMatch(of: /\/organization\/import\/[0-9a-f-]{36}\/apply/)).output
            let applied = try await hr.post(String(batchPath), [])
            #expect(applied.status == .seeOther)
            let added = try #require(try await StaffMember.query(on: app.db).filter(\.$staffNumber == "S0102").first())
            #expect(added.name == "山﨑, 花子")
            #expect(added.nameKana == "ヤマザキ　ハナコ")
            #expect(added.employmentType == EmploymentType.fiscalYearAppointed)
            #expect(try await StaffMember.query(on: app.db).filter(\.$staffNumber == "D0001").first()?.grade == "主任")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$subjectType == "import_staff").count() == 1)
            #expect(try await hr.post(String(batchPath), []).status == .seeOther, "applying twice does nothing")
        }
    }

    @Test func assignmentsThatOverlapAreRefusedAndGoodOnesMoveStaff() async throws {
        try await withCity { app, hr in
            let today = TestClock.today
            let start = today.fiscalYear.start.iso
            let overlapping = Data(("職員番号,所属コード,職名,発令日,終了日\r\n"
                + "D0001,2010,主事,2019-04-01,\r\n"
                + "D0001,101010,主事,\(start),\r\n"
                + "D0001,9999,主事,2015-04-01,2016-03-31\r\n").utf8)
            let report = try await dryRun(hr, kind: "assignments", overlapping)
            #expect(report.body.string.contains("9999"))
            #expect(report.body.string.contains("<td class=\"numeric\">3</td>"), "line 3 overlaps line 2")

            let good = Data(("職員番号,所属コード,職名,発令日,終了日\r\n"
                + "D0001,101010,主事,2019-04-01,\(today.fiscalYear.start.adding(days: -1).iso)\r\n"
                + "D0001,2010,主任,\(start),\r\n").utf8)
            let clean = try await dryRun(hr, kind: "assignments", good)
            let apply = try #require(clean.body.string.firstMatch(of: /\/organization\/import\/[0-9a-f-]{36}\/apply/)).output
            #expect(try await hr.post(String(apply), []).status == .seeOther)
            let member = try #require(try await StaffMember.query(on: app.db).filter(\.$staffNumber == "D0001").first())
            #expect(member.currentSectionCode == "2010")
            #expect(member.currentPost == "主任")
            #expect(try await Assignment.query(on: app.db).filter(\.$staffNumber == "D0001").count() == 2)
        }
    }

    @Test func aSavedHeaderMappingIsUsed() async throws {
        try await withCity { app, hr in
            try await hr.get(OrganizationRoute.importMapping.path)
            let saved = try await hr.post(OrganizationRoute.importMapping.path, [("staff.staffNumber", "個人番号コード"), ("staff.name", "")])
            #expect(saved.status == .seeOther)
            let file = Data(("個人番号コード,氏名,氏名カナ,生年月日,性別,採用年月日,職種,職位,雇用区分\r\n"
                + "S0201,木下 茜,キノシタ アカネ,H2.3.3,女,2012/4/1,事務,主事,常勤\r\n").utf8)
            let report = try await dryRun(hr, file)
            #expect(report.body.string.contains("<dt>追加</dt><dd>1</dd>"))
            let clash = try await hr.post(OrganizationRoute.importMapping.path, [("staff.staffNumber", "番号"), ("staff.name", "番号")])
            #expect(clash.status == .unprocessableEntity)
            #expect(clash.body.string.contains("見出し「番号」が複数の項目に登録されています。"))
        }
    }

    @Test func theUploadFormNamesMissingInput() async throws {
        try await withCity { _, hr in
            let response = try await hr.upload(OrganizationRoute.importUpload.path, fields: [("kind", "staff"), ("encoding", "auto")], fileField: "file", filename: "", file: Data())
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("CSVファイルを選んでください。"))
        }
    }

    @Test func theCommandLineReportsLinesAndFailsOnErrors() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jibungoto-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.csv")
        try Self.cp932(["S0301,,アオキ,S64.1.8,男,2010/4/1,事務,主事,常勤"]).write(to: bad)
        let database = DatabaseLocation.sqliteFile(path: directory.appendingPathComponent("cli.sqlite").path)
        let settings = AppSettings(database: database)
        let outcome = try await Launcher.importFile(settings, kind: .staff, path: bad.path, dryRun: false, encoding: .auto, language: "ja")
        #expect(!outcome.succeeded)
        #expect(outcome.issues.contains { $0.contains("2行目") && $0.contains("S64.1.8") })
        #expect(outcome.summary.contains { $0.contains("何も書き込んでいません") })
        let good = directory.appendingPathComponent("good.csv")
        try Self.csv(["S0302,青山 光,アオヤマ ヒカル,S60.2.1,男,2010/4/1,事務,主事,常勤"]).write(to: good)
        let applied = try await Launcher.importFile(settings, kind: .staff, path: good.path, dryRun: false, encoding: .utf8, language: "en")
        #expect(applied.succeeded)
        #expect(applied.summary.contains("applied"))
    }
}
