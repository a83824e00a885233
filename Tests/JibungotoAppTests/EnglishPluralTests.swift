import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import Testing
import Vapor
import VaporTesting

/// English says "1 selection" and "2 selections": a message about a number of things has a
/// `.one` variant chosen when the number is 1 (`Localizer.t(_:count:_:)`); Japanese reads the same.
@Suite("English plurals")
struct EnglishPluralTests {
    static func localizer(_ language: Language) throws -> Localizer {
        Localizer(catalogs: try CatalogTests.catalogs(), preferences: DisplayPreferences(language: language, dateDisplay: .gregorian))
    }

    /// The keys the app's Swift code words by a count, `t("key", count: …)`.
    static func countedKeys() throws -> Set<String> {
        let sources = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/JibungotoApp")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
        var keys = Set<String>()
        for file in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /[.\s]t\("([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)", count:/) { keys.insert(String(match.output.1)) }
        }
        // And the templates' `#tn("key", count, …)`.
        for file in files where file.pathExtension == "leaf" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /#tn\("([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)",/) { keys.insert(String(match.output.1)) }
        }
        return keys
    }

    @Test("one takes the key's .one variant, any other number the key; Japanese is the same sentence either way")
    func oneAndOther() throws {
        let en = try Self.localizer(.en), ja = try Self.localizer(.ja)
        #expect(en.t("teams.consentsWaiting", count: 1, "1") == "1 selection of your staff for a project team awaits your consent.")
        #expect(en.t("teams.consentsWaiting", count: 2, "2") == "2 selections of your staff for project teams await your consent.")
        #expect(en.t("teams.consentsWaiting", count: 0, "0") == "0 selections of your staff for project teams await your consent.")
        #expect(en.t("dialogue.studyGroup.notice.requests", count: 1, "読書会", "1") == "“読書会” has 1 request to join.")
        #expect(en.t("dialogue.issue.notice.awaiting", count: 1, "1", "0") == "1 local issue awaits your section's answer (0 overdue).")
        #expect(en.t("dialogue.issue.notice.awaiting", count: 3, "3", "1") == "3 local issues await your section's answer (1 overdue).")
        #expect(en.t("reminder.send", count: 1, "1") == "Remind the 1 person who has not submitted")
        #expect(en.t("reminder.send", count: 4, "4") == "Remind the 4 who have not submitted")
        #expect(ja.t("teams.consentsWaiting", count: 1, "1") == "あなたの所属の職員のプロジェクトチームへの参加 1 件が、同意の回答を待っています。")
        #expect(ja.t("reminder.send", count: 1, "1") == "未提出の1人に督促する")
        #expect(ja.t("reminder.send", count: 4, "4") == "未提出の4人に督促する")
    }

    @Test("every key the code words by a count has its .one variant in both catalogs; the Japanese variant is the key's text")
    func everyCountedKeyHasItsVariant() throws {
        let keys = try Self.countedKeys()
        #expect(keys.isSuperset(of: ["teams.consentsWaiting", "reminder.send", "reminder.sent", "dialogue.issue.notice.awaiting",
                                     "proposals.notice.reviews", "admin.accounts.printed.summary", "staff.years", "support.signUp.full",
                                     "rotation.approveMovesCaption", "import.issuesTitle", "staff.yearsOfService"]))
        let catalogs = try CatalogTests.catalogs()
        let ja = catalogs.messages[.ja]!, en = catalogs.messages[.en]!
        for key in keys {
            #expect(en[key + ".one"] != nil, "en lacks \(key).one")
            #expect(ja[key + ".one"] != nil && ja[key + ".one"] == ja[key], "ja \(key).one must read as \(key)")
            #expect(en[key + ".one"] != en[key], "en \(key).one says the same as \(key)")
        }
        // No English "(s)" left.
        let undecided = en.filter { $0.value.contains("(s)") }.keys.sorted()
        #expect(undecided.isEmpty, "\(undecided)")
    }

    @Test("a template's count (#tn) says \"1 error found\" and \"2 errors found\" on the English import report")
    func templateCounts() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            _ = try await hr.get(PlatformRoute.home.path)
            #expect(try await hr.post(PlatformRoute.language.path, [("language", "en"), ("return_to", PlatformRoute.home.path)]).status == .seeOther)
            let header = ImportKind.staff.templateHeader.joined(separator: ",") + "\r\n"
            let good = "S0301,正しい 行,タダシイ　ギョウ,1990-05-10,,2015-04-01,事務,主事,常勤\r\n"
            let noName = "S0302,,ナマエ　ナシ,1990-05-10,,2015-04-01,事務,主事,常勤\r\n"
            let badType = "S0303,区分 誤り,クブン　アヤマリ,1990-05-10,,2015-04-01,事務,主事,正社員\r\n"
            let one = try await DocumentsAndImportTests().dryRun(hr, Data((header + good + noName).utf8)).body.string
            #expect(one.contains("<h2>1 error found</h2>"))
            let two = try await DocumentsAndImportTests().dryRun(hr, Data((header + good + noName + badType).utf8)).body.string
            #expect(two.contains("<h2>2 errors found</h2>"))
        }
    }

    @Test("a manager's English home (and completion page) names the one person left to submit, and the reminder sent to them")
    func homeForOnePerson() async throws {
        let home = HomeTasksTests()
        try await home.withRound { app, cycleID in
            let manager = try await home.browser(app, Demo.sectionManager)
            let switched = try await manager.post(PlatformRoute.language.path, [("language", "en"), ("return_to", PlatformRoute.home.path)])
            #expect(switched.status == .seeOther)
            var page = try await manager.get(PlatformRoute.home.path).body.string
            #expect(page.contains("1 of 3 submitted (33.3 %)"))
            #expect(page.contains("Remind the 2 who have not submitted"))

            // D0004 submits too: one person is left.
            let hr = try await home.browser(app, Demo.hr)
            try await hr.get(CareerRoute.selfReport.path)
            #expect(try await hr.post(CareerRoute.selfReport.path, CareerTests().form()).status == .seeOther)
            page = try await manager.get(PlatformRoute.home.path).body.string
            #expect(page.contains("2 of 3 submitted (66.7 %)"))
            #expect(page.contains("Remind the 1 person who has not submitted"))
            #expect(!page.contains("Remind the 1 who have"))
            let completion = try await manager.get(CareerRoute.cycle(.id(cycleID)).path).body.string
            #expect(completion.contains("Remind the 1 person who has not submitted</button>"), "the completion page's button says the same")

            let sent = try await manager.post(CareerRoute.cycle(.id(cycleID)).path, [("return_to", PlatformRoute.home.path)])
            #expect(sent.status == .seeOther)
            #expect(sent.headers.first(name: .location) == PlatformRoute.home.path)
            page = try await manager.get(PlatformRoute.home.path).body.string
            #expect(page.contains("A reminder for &quot;自己申告テスト&quot; was sent to the 1 person who has not submitted."))
            #expect(try await SelfReportReminder.query(on: app.db).all().map(\.staffNumber.rawValue) == [Demo.sectionManager])
        }
    }
}
