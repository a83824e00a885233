import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Testing
import Vapor
import VaporTesting

/// Printed documents (the transfer list, 内示書 and 辞令 of an approved scenario, the filtered
/// staff list) and the import and export around the staff master (templates, the dry run's rows
/// by name, the error list as CSV, the filtered export in CP932).
@Suite("Documents, CSV import and export")
struct DocumentsAndImportTests {
    static let municipality = "みらい野市"

    private func withSettings(_ body: (Application) async throws -> Void) async throws {
        try await withTestApp(adjust: { $0.municipalityName = Self.municipality; $0.mayorTitle = "市長" }, body)
    }

    // MARK: - Rotation documents

    /// The rotation city with its scenario approved for next April; returns the scenario and the
    /// moves written, in 部・課・係 order of the new post.
    private func approvedScenario(_ app: Application, _ hr: Browser) async throws -> (RouteParameter, [Assignment]) {
        let path = try await RotationFixture.createScenario(hr)
        let scenarioID = RotationFixture.scenarioID(path)
        try await hr.get(path)
        _ = try await OrganizationEditing.clone(from: RotationFixture.thisYear, on: app.db)
        let approved = try await hr.post(RotationRoute.approve(scenarioID).path, [])
        #expect(approved.status == .seeOther)
        let order = OrganizationTree(fiscalYear: RotationFixture.thisYear + 1, records: RotationFixture.units).flattened().map(\.record.code)
        let moves = try await Assignment.query(on: app.db).filter(\.$startDate == RotationFixture.transfer).all()
            .sorted { (order.firstIndex(of: $0.sectionCode) ?? -1, $0.staffNumber) < (order.firstIndex(of: $1.sectionCode) ?? -1, $1.staffNumber) }
        return (scenarioID, moves)
    }

    private func name(_ number: StaffNumber) -> String {
        RotationFixture.people.first { $0.0 == number }?.1 ?? ""
    }

    /// 総務部人事係: the unit's path from its department, as a 辞令 names it.
    private func fullName(_ code: SectionCode) -> String {
        OrganizationTree(fiscalYear: RotationFixture.thisYear + 1, records: RotationFixture.units).path(to: code).map(\.nameJa).joined()
    }

    @Test("a draft prints nothing; the approved transfer list carries 取扱注意, the municipality and every mover in 部・課・係 order")
    func transferList() async throws {
        try await withSettings { app in
            try await RotationFixture.load(on: app.db)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let draftPath = try await RotationFixture.createScenario(hr, name: "下書きの案")
            let draft = try await hr.get(DocumentRoute.transferList(RotationFixture.scenarioID(draftPath)).path)
            #expect(draft.status == .ok)
            #expect(draft.body.string.contains("異動一覧・内示書・辞令は、この案を承認してから印刷できます。"))
            #expect(!draft.body.string.contains("相田 一郎"))
            let draftOverview = try await hr.get(draftPath)
            #expect(!draftOverview.body.string.contains(DocumentRoute.index(RotationFixture.scenarioID(draftPath)).path), "a draft's page offers no documents")

            let (scenarioID, moves) = try await approvedScenario(app, hr)
            #expect(moves.count >= 2, "the fixture moves at least two people")
            let overview = try await hr.get(RotationRoute.scenario(scenarioID).path)
            #expect(overview.body.string.contains("href=\"\(DocumentRoute.index(scenarioID).path)\""))
            let index = try await hr.get(DocumentRoute.index(scenarioID).path)
            #expect(index.status == .ok)
            for move in moves { #expect(index.body.string.contains(DocumentRoute.appointment(scenarioID, .staff(move.staffNumber)).path)) }

            let list = try await hr.get(DocumentRoute.transferList(scenarioID).path)
            #expect(list.status == .ok)
            let body = list.body.string
            #expect(body.contains("<span class=\"handling-mark\">取扱注意</span>"))
            #expect(body.contains(Self.municipality))
            #expect(body.contains("作成日：令和8年11月30日"))
            #expect(body.contains("人事異動一覧（令和9年4月1日付）"))
            #expect(!body.contains("site-nav"), "the print layout has no navigation")
            let positions = try moves.map { move in try #require(body.range(of: name(move.staffNumber))?.lowerBound, "\(move.staffNumber) is on the list") }
            #expect(positions == positions.sorted(), "movers in the order of their new units")
            let stayed = RotationFixture.people.filter { person in !moves.contains { $0.staffNumber == person.0 } }
            for person in stayed { #expect(!body.contains(person.1), "\(person.1) does not move") }
            let printedAudit = try await AuditEvent.query(on: app.db).filter(\.$subjectType == "rotation_transfer_list").filter(\.$subjectID == "案A").all()
            #expect(printedAudit.count == 1 && printedAudit.first?.detail == "rows=\(moves.count)")

            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            #expect(try await staff.get(DocumentRoute.transferList(scenarioID).path).status == .forbidden)
        }
    }

    @Test("a 辞令 and a 内示書 for one person: the post by name, the date in the reader's calendar, the mayor's title; no letter for someone who stays")
    func lettersForOnePerson() async throws {
        try await withSettings { app in
            try await RotationFixture.load(on: app.db)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let (scenarioID, moves) = try await approvedScenario(app, hr)
            let move = try #require(moves.first)
            let others = moves.dropFirst().map { name($0.staffNumber) }

            let appointment = try await hr.get(DocumentRoute.appointment(scenarioID, .staff(move.staffNumber)).path)
            #expect(appointment.status == .ok)
            let letter = appointment.body.string
            #expect(letter.contains("<h2 class=\"letter__title\">辞令</h2>"))
            #expect(letter.contains(name(move.staffNumber)))
            #expect(letter.contains("\(fullName(move.sectionCode))勤務を命ずる"))
            #expect(letter.contains("<p class=\"letter__date\">令和9年4月1日</p>"))
            #expect(letter.contains("\(Self.municipality)　市長"))
            for other in others { #expect(!letter.contains(other), "one person's 辞令 names no one else") }

            let notice = try await hr.get(DocumentRoute.notice(scenarioID, .staff(move.staffNumber)).path)
            #expect(notice.status == .ok)
            #expect(notice.body.string.contains("<p class=\"letter__mark\">内示</p>"))
            #expect(notice.body.string.contains("取扱注意"))
            #expect(notice.body.string.contains("令和9年4月1日付けの人事異動について、次のとおり内示します。"))
            #expect(notice.body.string.contains("<dt>新所属</dt><dd>\(fullName(move.sectionCode))</dd>"))

            let all = try await hr.get(DocumentRoute.appointments(scenarioID).path)
            #expect(all.body.string.components(separatedBy: "class=\"print-sheet letter\"").count - 1 == moves.count, "one sheet per mover")

            let stays = try #require(RotationFixture.people.first { person in !moves.contains { $0.staffNumber == person.0 } })
            #expect(try await hr.get(DocumentRoute.appointment(scenarioID, .staff(stays.0)).path).status == .notFound)
        }
    }

    // MARK: - Staff list: print and export

    /// Sixty more staff in 人事係 than one page holds, with the small city around them.
    private func crowdedCity(_ app: Application) async throws -> [String] {
        try await OrganizationFixture.load(on: app.db)
        var names: [String] = []
        for index in 1...(Pagination.perPage + 10) {
            let number = String(format: "P%04d", index)
            let name = "印刷 太郎\(index)"
            let member = StaffMember(record: .fixture(StaffNumber(number), name: name, nameKana: "インサツ　タロウ"))
            member.currentSectionCode = "101010"
            member.currentPost = "主事"
            member.currentSince = day("2024-04-01")
            try await member.create(on: app.db)
            names.append(name)
        }
        return names
    }

    @Test("the printed staff list holds every row the filters select, beyond one page, with 取扱注意 and the filters in words")
    func staffPrint() async throws {
        try await withSettings { app in
            let names = try await crowdedCity(app)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let listPage = try await hr.get(OrganizationRoute.staffList.path(query: [("section", "101010")]))
            #expect(!listPage.body.string.contains(">印刷 太郎\(names.count)<"), "the list shows one page")
            let printHref = OrganizationRoute.staffPrint.path(query: [("section", "101010")])
            #expect(listPage.body.string.contains("href=\"\(printHref)\""))

            let printed = try await hr.get(printHref)
            #expect(printed.status == .ok)
            let body = printed.body.string
            for name in names { #expect(body.contains(">\(name)<br>"), "\(name) is printed") }
            #expect(body.contains("青木 花子") && body.contains("江藤 美咲"), "the fixture's 人事係 staff too")
            #expect(!body.contains("佐藤 一郎"), "the center's staff are outside the filter")
            #expect(body.contains("<caption>\(names.count + 2)人</caption>"))
            #expect(body.contains("所属：人事係"))
            #expect(body.contains("取扱注意") && body.contains(Self.municipality))
            #expect(!body.contains("site-nav"))

            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            let own = try await staff.get(OrganizationRoute.staffPrint.path)
            #expect(own.status == .seeOther && own.headers.first(name: .location) == OrganizationRoute.staff(.value(Demo.staff)).path,
                    "someone who sees only themselves gets their own page")
        }
    }

    @Test("the staff export says what it holds, follows the list's filters and comes in CP932 byte for byte; the history export is linked")
    func staffExport() async throws {
        try await withSettings { app in
            try await OrganizationFixture.load(on: app.db)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let filters = [("section", "2010")]
            let list = try await hr.get(OrganizationRoute.staffList.path(query: filters)).body.string
            #expect(list.contains("職員番号、氏名、氏名カナ、生年月日、性別、採用年月日、職種、職位、雇用区分の列で、いまの絞り込みに合う1人を出力します。"))
            #expect(list.contains("href=\"\(OrganizationRoute.staffExport.path(query: filters))\""))
            let cp932Href = OrganizationRoute.staffExport.path(query: filters + [("encoding", "cp932")]).replacingOccurrences(of: "&", with: "&amp;")
            #expect(list.contains("href=\"\(cp932Href)\""), "the page escapes the & between the query items")
            #expect(list.contains("href=\"\(OrganizationRoute.assignmentsExport.path)\""))

            let filtered = try await hr.get(OrganizationRoute.staffExport.path(query: filters))
            #expect(filtered.status == .ok)
            let text = String(decoding: Data(filtered.body.readableBytesView).dropFirst(3), as: UTF8.self)
            let lines = text.split(separator: "\r\n").map(String.init)
            #expect(lines.count == 2)
            #expect(lines.first == ImportKind.staff.templateHeader.joined(separator: ","))
            #expect(lines.last?.hasPrefix("X0001,佐藤 一郎,") == true)

            let cp932 = try await hr.get(OrganizationRoute.staffExport.path(query: [("encoding", "cp932")]))
            #expect(cp932.status == .ok)
            #expect(cp932.headers.contentType?.parameters["charset"] == "Shift_JIS")
            let bytes = Array(cp932.body.readableBytesView)
            #expect(Array(bytes.prefix(4)) == [0x90, 0x45, 0x88, 0xF5], "「職員」 in CP932")
            #expect(String(data: Data(bytes), encoding: .shiftJIS)?.contains("青木 花子") == true)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$subjectType == "staff").filter(\.$action == AuditAction.export.rawValue).count() == 2)
        }
    }

    // MARK: - Import

    func dryRun(_ hr: Browser, kind: String = "staff", _ file: Data) async throws -> PageResponse {
        _ = try await hr.get(OrganizationRoute.importUpload.path)  // the form's CSRF token
        let uploaded = try await hr.upload(OrganizationRoute.importUpload.path, fields: [("kind", kind), ("encoding", "auto")], fileField: "file", filename: "staff.csv", file: file)
        #expect(uploaded.status == .seeOther)
        return try await hr.get(try #require(uploaded.headers.first(name: .location)))
    }

    @Test("each template's header row is the importer's columns, and a filled-in template imports")
    func templates() async throws {
        try await withSettings { app in
            try await OrganizationFixture.load(on: app.db)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let upload = try await hr.get(OrganizationRoute.importUpload.path)
            for kind in ImportKind.allCases {
                #expect(upload.body.string.contains("href=\"\(OrganizationRoute.importTemplate(kind).path)\""))
                let template = try await hr.get(OrganizationRoute.importTemplate(kind).path)
                #expect(template.status == .ok)
                let bytes = Array(template.body.readableBytesView)
                #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
                #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == kind.templateHeader.joined(separator: ","), "the header row and nothing else")
            }
            let template = try await hr.get(OrganizationRoute.importTemplate(.staff).path)
            var filled = Data(template.body.readableBytesView)
            filled.append(Data("\r\nT0001,記入 例子,キニュウ　レイコ,1990-01-01,女,2012-04-01,事務,主事,常勤\r\n".utf8))
            let report = try await dryRun(hr, filled)
            #expect(report.status == .ok)
            #expect(report.body.string.contains("<dt>追加</dt><dd>1</dd>"))
            #expect(report.body.string.contains("/apply\""))
        }
    }

    @Test("the dry run lists the rows to add and to change by name, with the changed columns; half-width katakana is stored full-width")
    func dryRunRowsByName() async throws {
        try await withSettings { app in
            try await OrganizationFixture.load(on: app.db)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let file = Data(("\u{FEFF}" + ImportKind.staff.templateHeader.joined(separator: ",") + "\r\n"
                + "S0201,ｽﾐｽ 花子,ｼｮｸｲﾝ,1990-05-10,女,2015-04-01,事務,主事,常勤\r\n"
                + "D0001,青木 花子,アオキ ハナコ,1990-05-10,,2019-04-01,事務,主任,常勤\r\n").utf8)
            let report = try await dryRun(hr, file)
            #expect(report.status == .ok)
            let body = report.body.string
            let added = try #require(body.range(of: "<caption>追加される行</caption>"))
            let changed = try #require(body.range(of: "<caption>変更される行</caption>"))
            #expect(added.upperBound < changed.lowerBound)
            let addedPart = String(body[added.upperBound..<changed.lowerBound])
            let changedPart = String(body[changed.upperBound...])
            #expect(addedPart.contains("<td>S0201</td><td>スミス 花子</td>"))
            #expect(!addedPart.contains("青木 花子"))
            #expect(changedPart.contains("<td>D0001</td><td>青木 花子</td>"))
            #expect(changedPart.contains("変更する項目：") && changedPart.contains("職位"))

            let apply = try #require(body.firstMatch(of: /\/organization\/import\/[0-9a-f-]{36}\/apply/)).output
            #expect(try await hr.post(String(apply), []).status == .seeOther)
            let member = try #require(try await StaffMember.query(on: app.db).filter(\.$staffNumber == "S0201").first())
            #expect(member.name == "スミス 花子")
            #expect(member.nameKana == "ショクイン")
        }
    }

    @Test("the error list downloads as CSV with every line number and message")
    func errorCSV() async throws {
        try await withSettings { app in
            try await OrganizationFixture.load(on: app.db)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let file = Data((ImportKind.staff.templateHeader.joined(separator: ",") + "\r\n"
                + "S0301,正しい 行,タダシイ　ギョウ,1990-05-10,,2015-04-01,事務,主事,常勤\r\n"
                + "S0302,,ナマエ　ナシ,1990-05-10,,2015-04-01,事務,主事,常勤\r\n"
                + "S0303,日付 誤り,ヒヅケ　アヤマリ,1990-05-10,,2015-04-01,事務,主事,正社員\r\n").utf8)
            let report = try await dryRun(hr, file)
            let href = try #require(report.body.string.firstMatch(of: /\/organization\/import\/[0-9a-f-]{36}\/issues\.csv/)).output
            let download = try await hr.get(String(href))
            #expect(download.status == .ok)
            #expect(download.headers.contentType?.subType == "csv")
            let text = String(decoding: Data(download.body.readableBytesView).dropFirst(3), as: UTF8.self)
            let lines = text.split(separator: "\r\n").map(String.init)
            #expect(lines == [
                "行,列,内容",
                "3,氏名,3行目「氏名」：必須項目が入力されていません。",
                "4,雇用区分,4行目「雇用区分」：「正社員」は使用できない値です。使用できる値：常勤、再任用、定年前再任用短時間、会計年度任用。",
            ])
            #expect(try await AuditEvent.query(on: app.db).filter(\.$subjectType == "import_batch").filter(\.$action == AuditAction.export.rawValue).count() == 1)
        }
    }
}
