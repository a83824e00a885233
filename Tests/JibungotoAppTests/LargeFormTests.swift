import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import Testing
import Vapor
import VaporTesting

/// Forms of the size people really send, through a real socket, where a body arrives in
/// several reads (the in-memory tester hands over the whole body at once and hid the defect).
@Suite("Forms of real size: long Japanese text, CSV uploads, the size limit")
struct LargeFormTests {
    /// 2,000 characters of ordinary self-report Japanese (about 6 KB, 18 KB URL-encoded).
    static let longText: String = {
        let sentence = "市民センターで地域の方と一緒に防災訓練の企画を担当し、町内会や学校との調整を通じて、行政の仕事が暮らしにどうつながるのかを学びました。"
        return String(String(repeating: sentence, count: 40).prefix(2_000))
    }()

    static func payrollCSV(rows: Int) -> Data {
        let family = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"]
        let familyKana = ["サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ"]
        let given = ["一郎", "花子", "健太", "美咲", "翔", "陽菜", "大輔", "さくら"]
        let givenKana = ["イチロウ", "ハナコ", "ケンタ", "ミサキ", "ショウ", "ヒナ", "ダイスケ", "サクラ"]
        var lines = [ImportTests.header]
        for index in 0..<rows {
            let f = index % family.count, g = (index / family.count) % given.count
            let born = 1965 + index % 38, hired = born + 22 + index % 5
            lines.append("T\(String(format: "%05d", index + 1)),\(family[f]) \(given[g]),\(familyKana[f]) \(givenKana[g]),\(born)/\(index % 12 + 1)/\(index % 28 + 1),\(index % 2 == 0 ? "男" : "女"),\(hired)/4/1,事務,主事,常勤")
        }
        return Data(("\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    @Test func aSelfReportOfTwoThousandCharactersIsSavedOverARealConnection() async throws {
        try await CareerTests().withRound { app, cycleID in
            let staff = Browser(app, overNetwork: true)
            try await staff.logIn(Demo.staff)
            try await staff.get(CareerRoute.selfReport.path)
            let saved = try await staff.post(CareerRoute.selfReport.path, CareerTests().form([
                ("career_plan", Self.longText), ("skills", Self.longText), ("project_team_themes", Self.longText),
            ]))
            #expect(saved.status == .seeOther, "a 54 KB form is an ordinary self-report")
            let report = try #require(try await SelfReport.query(on: app.db).filter(\.$cycle.$id == cycleID).first())
            #expect(report.careerPlan == Self.longText)
            #expect(report.skills == Self.longText)
        }
    }

    @Test func aSectionProfileWithLongTextIsSavedOverARealConnection() async throws {
        try await CareerTests().withRound { app, _ in
            let manager = Browser(app, overNetwork: true)
            try await manager.logIn(Demo.sectionManager)
            try await manager.get(CareerRoute.editProfile(.value("101010")).path)
            let saved = try await manager.post(CareerRoute.editProfile(.value("101010")).path, [
                ("mission", Self.longText), ("main_work", Self.longText), ("skills", "面談の技術\n労務の知識"),
                ("busy_seasons", "2〜3月"), ("staff_voices", Self.longText), ("career_meaning", ""),
            ])
            #expect(saved.status == .seeOther)
            let page = try await Browser(app).logIn(Demo.staff)
            #expect(page.status == .seeOther)
            let reader = Browser(app)
            try await reader.logIn(Demo.staff)
            #expect(try await reader.get(CareerRoute.profile(.value("101010")).path).body.string.contains(String(Self.longText.prefix(200))))
        }
    }

    @Test(arguments: [120, 50_000])
    func aPayrollCSVUploadsThroughTheWebForm(rows: Int) async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let hr = Browser(app, overNetwork: true)
            try await hr.logIn(Demo.hr)
            try await hr.get(OrganizationRoute.importUpload.path)
            let file = Self.payrollCSV(rows: rows)
            let uploaded = try await hr.upload(OrganizationRoute.importUpload.path, fields: [("kind", "staff"), ("encoding", "auto")],
                                               fileField: "file", filename: "給与システム職員.csv", file: file)
            #expect(uploaded.status == .seeOther, "\(rows) rows (\(file.count) bytes) are an ordinary file")
            let report = try await hr.get(try #require(uploaded.headers.first(name: .location)))
            #expect(report.status == .ok)
            #expect(report.body.string.contains("\(rows)"), "the dry-run report counts every row")
            #expect(!report.body.string.contains("画面の有効期限が切れた"))
        }
    }

    @Test func aBodyJustUnderTheLimitIsTakenAndJustOverIsA413PageInTheUsersLanguage() async throws {
        let limit = 64 << 10
        try await withTestApp(adjust: { $0.maxFormBytes = limit }) { app in
            let browser = Browser(app, overNetwork: true)
            try await browser.logIn(Demo.staff)
            try await browser.get(AccountRoute.settings.path)
            // The form body is "date_display=…&language=ja&padding=…&_csrf=…"; fill it to the byte.
            func body(padding: Int) -> [(String, String)] {
                [("language", "ja"), ("date_display", "wareki"), ("padding", String(repeating: "a", count: padding))]
            }
            let fixed = browser.formBody(body(padding: 0)).utf8.count
            let under = try await browser.post(AccountRoute.settings.path, body(padding: limit - fixed))
            #expect(under.status == .seeOther, "exactly at the limit")
            try await browser.get(AccountRoute.settings.path)
            let over = try await browser.post(AccountRoute.settings.path, body(padding: limit - fixed + 1))
            #expect(over.status == .payloadTooLarge)
            #expect(over.body.string.contains("送信された内容が大きすぎます（上限 64 KB）"))
            let english = Browser(app, overNetwork: true)
            english.extraHeaders = ["Accept-Language": "en"]
            try await english.get(PlatformRoute.login.path)
            let huge = try await english.post(PlatformRoute.login.path, [("staff_number", "x"), ("password", String(repeating: "b", count: 1 << 20))])
            #expect(huge.status == .payloadTooLarge)
            #expect(huge.body.string.contains("What you sent is too large (limit 64 KB)"))
        }
    }

    @Test func anExpiredFormComesBackWithWhatTheUserTyped() async throws {
        try await CareerTests().withRound { app, _ in
            let staff = Browser(app, overNetwork: true)
            try await staff.logIn(Demo.staff)
            try await staff.get(CareerRoute.selfReport.path)
            staff.csrfToken = "expired-token"
            let refused = try await staff.post(CareerRoute.selfReport.path, [("career_plan", Self.longText), ("action", "submit")])
            #expect(refused.status == .forbidden)
            let body = refused.body.string
            #expect(body.contains("画面の有効期限が切れたか"))
            #expect(body.contains("入力した内容は消えていません"))
            #expect(body.contains(Self.longText), "the whole text is there to copy")
            #expect(!body.contains("expired-token"), "never the token")
            #expect(try await SelfReport.query(on: app.db).count() == 0)
        }
    }

    @Test func aFormSentAfterTheSignInExpiredComesBackWithWhatTheUserTyped() async throws {
        try await CareerTests().withRound { app, _ in
            let staff = Browser(app, overNetwork: true)
            try await staff.logIn(Demo.staff)
            try await staff.get(CareerRoute.selfReport.path)
            // Two hours of writing: the sign-in has timed out, the page's token is still valid.
            try await StoredSession.query(on: app.db).set(\.$data, to: try #require(try await StoredSession.query(on: app.db).first()).data
                .replacing(/"seen":"[0-9]+"/, with: "\"seen\":\"1\"")).update()
            let refused = try await staff.post(CareerRoute.selfReport.path, [("career_plan", Self.longText), ("action", "submit")])
            #expect(refused.status == .unauthorized)
            #expect(refused.body.string.contains("入力した内容は消えていません"))
            #expect(refused.body.string.contains(Self.longText))
            #expect(try await SelfReport.query(on: app.db).count() == 0)
        }
    }
}
