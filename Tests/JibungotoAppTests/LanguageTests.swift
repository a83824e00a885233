import Foundation
@testable import JibungotoApp
import JibungotoDomain
import Testing
import Vapor
import VaporTesting

@Suite("Languages, catalogs, dates")
struct LanguageTests {
    @Test func acceptLanguageDecidesForVisitors() async throws {
        try await withTestApp { app in
            let english = try await Browser(app).get(PlatformRoute.login.path, headers: ["Accept-Language": "en"])
            #expect(english.body.string.contains("<title>Log in | Jibungoto</title>"))
            let japanese = try await Browser(app).get(PlatformRoute.login.path, headers: ["Accept-Language": "fr, ja;q=0.8"])
            #expect(japanese.body.string.contains("<title>ログイン | 自分ごと</title>"))
        }
        #expect(Language.preferred(byAcceptLanguage: "de, en-GB;q=0.7, ja;q=0.9") == .ja)
        #expect(Language.preferred(byAcceptLanguage: nil) == .ja)
    }

    @Test func theSwitchIsRememberedPerUser() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.logIn(Demo.staff)
            try await browser.get(PlatformRoute.home.path)
            let switched = try await browser.post(PlatformRoute.language.path, [("language", "en"), ("return_to", AccountRoute.settings.path)])
            #expect(switched.headers.first(name: .location) == AccountRoute.settings.path)
            #expect(try await browser.get(PlatformRoute.home.path).body.string.contains("Hello, 青木 花子."))
            // A new sign-in from another browser keeps the choice.
            let elsewhere = Browser(app)
            try await elsewhere.logIn(Demo.staff)
            #expect(try await elsewhere.get(PlatformRoute.home.path, headers: ["Accept-Language": "ja"]).body.string.contains("Hello, 青木 花子."))
        }
    }

    @Test func datesFollowTheUsersCalendarSetting() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.logIn(Demo.staff)
            try await browser.get(AccountRoute.settings.path)
            let today = TestClock.today
            #expect(try await browser.get(PlatformRoute.home.path).body.string.contains(today.formatted(language: "ja", display: .wareki)))
            let saved = try await browser.post(AccountRoute.settings.path, [("language", "ja"), ("date_display", "gregorian")])
            #expect(saved.status == .seeOther)
            #expect(try await browser.get(PlatformRoute.home.path).body.string.contains(today.formatted(language: "ja", display: .gregorian)))
            let bad = try await browser.post(AccountRoute.settings.path, [("language", "xx"), ("date_display", "gregorian")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("表示言語の選択肢が正しくありません。"))
        }
    }

    @Test func warekiAcrossTheEraBoundaryAndFiscalYearEdges() {
        let ja = DisplayPreferences(language: .ja, dateDisplay: .wareki)
        #expect(DateFormatting.format(iso: "2019-04-30", preferences: ja) == "平成31年4月30日")
        #expect(DateFormatting.format(iso: "2019-05-01", preferences: ja) == "令和元年5月1日")
        #expect(DateFormatting.format(iso: "2026-04-01", preferences: ja) == "令和8年4月1日")
        #expect(LocalDate(iso: "2026-03-31")!.fiscalYear.startYear == 2025)
        #expect(LocalDate(iso: "2026-04-01")!.fiscalYear.startYear == 2026)
        #expect(DateFormatting.format(fiscalYear: 2026, preferences: ja) == "令和8年度")
        #expect(DateFormatting.format(fiscalYear: 2026, preferences: DisplayPreferences(language: .en, dateDisplay: .gregorian)) == "FY2026")
        // A timestamp just before midnight UTC is already the next day in Japan.
        let lateUTC = ISO8601DateFormatter().date(from: "2026-03-31T15:30:00Z")!
        #expect(DateFormatting.format(timestamp: lateUTC, preferences: ja) == "令和8年4月1日 00:30:00")
    }
}

@Suite("Message catalogs")
struct CatalogTests {
    static let resources = AppResources.directory

    static func catalogs() throws -> MessageCatalogs { try MessageCatalogs.load(from: resources) }

    /// Every key a template uses through `#t("…")`.
    static func templateKeys() throws -> Set<String> {
        let views = resources.appendingPathComponent("Views")
        let files = FileManager.default.enumerator(at: views, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "leaf" }
        #expect(!files.isEmpty)
        var keys = Set<String>()
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /#t\("([^"]+)"/) { keys.insert(String(match.output.1)) }
        }
        return keys
    }

    /// Literal keys the app's Swift code passes to `t(…)`, `…Key:` parameters, `title:` and `fail(…)`.
    static func swiftSourceKeys() throws -> [String] {
        let sources = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/JibungotoApp")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        var keys: [String] = []
        let pattern = /(?:\bt\(|[kK]ey: |title: |fail\([^,()]+, )"([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)"/
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            keys += text.matches(of: pattern).map { String($0.output.1) }
        }
        #expect(keys.count > 50)
        return keys
    }

    @Test("placeholders are replaced in one pass: an argument's own {1} stays as typed")
    func placeholdersInOnePass() {
        let substitute = MessageCatalogs.substitute
        #expect(substitute(["総務部", "3"], "{0}の回答（{1}件）") == "総務部の回答（3件）")
        #expect(substitute(["「{1}について」", "X"], "{0}／{1}") == "「{1}について」／X", "the first argument's text is not replaced again")
        #expect(substitute(["a"], "{0}{0}・{1}・{}・{x}・{") == "aa・{1}・{}・{x}・{", "a placeholder without its argument stays")
        #expect(substitute([], "{0}") == "{0}")
        #expect(substitute(Array(repeating: "-", count: 10) + ["十一"], "{10}件") == "十一件", "two digits")
        #expect(substitute(["👩‍💼"], "前{0}後🎌") == "前👩‍💼後🎌")
    }

    @Test func everyTemplateKeyIsInBothCatalogs() throws {
        let catalogs = try Self.catalogs()
        let keys = try Self.templateKeys()
        #expect(keys.count > 20)
        for language in Language.allCases {
            let missing = keys.subtracting(catalogs.messages[language]!.keys)
            #expect(missing.isEmpty, "\(language) catalog lacks \(missing.sorted())")
        }
    }

    @Test func bothCatalogsHaveTheSameKeysAndNoEmptyText() throws {
        let catalogs = try Self.catalogs()
        let ja = catalogs.messages[.ja]!, en = catalogs.messages[.en]!
        #expect(Set(ja.keys) == Set(en.keys), "only ja: \(Set(ja.keys).subtracting(en.keys).sorted()), only en: \(Set(en.keys).subtracting(ja.keys).sorted())")
        #expect(ja.filter { $0.value.isEmpty }.isEmpty)
        #expect(en.filter { $0.value.isEmpty }.isEmpty)
    }

    @Test func keysBuiltInCodeExist() throws {
        let catalogs = try Self.catalogs()
        var keys = Role.allCases.map(\.messageKey) + AuditAction.allCases.map(\.messageKey)
        keys += Language.allCases.map { "language.\($0.rawValue)" } + DateDisplay.allCases.map { "dateDisplay.\($0.rawValue)" }
        keys += [400, 401, 403, 404, 413, 500].map { ErrorPageMiddleware.messageKey(for: HTTPResponseStatus(statusCode: $0)) }
        keys += try Self.swiftSourceKeys()
        for language in Language.allCases {
            let missing = Set(keys).subtracting(catalogs.messages[language]!.keys)
            #expect(missing.isEmpty, "\(language) catalog lacks \(missing.sorted())")
        }
    }
}
