import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Layout and search: the header search within scope, section choosers by department, English list values")
struct LayoutAndSearchTests {
    func withCity(_ body: (Application) async throws -> Void) async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            try await body(app)
        }
    }

    func search(_ query: String) -> String { SearchRoute.search.path(query: [("q", query)]) }

    static let searchBox = #"<form class="site-search" method="get" action="/search" role="search""#

    @Test func hrFindsStaffByNumberNameAndKanaHoweverTyped() async throws {
        try await withCity { app in
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let home = try await hr.get(PlatformRoute.home.path).body.string
            #expect(home.contains(Self.searchBox))
            #expect(home.contains(#"placeholder="職員・所属を検索""#))
            for query in ["X0001", "ｘ０００１", "佐藤", "佐藤 一郎", "さとう", "サトウ", "ｻﾄｳ", "いちろう"] {
                let page = try await hr.get(search(query))
                #expect(page.status == .ok, "\(query)")
                let body = page.body.string
                #expect(body.contains(#"<a href="/organization/staff/X0001">佐藤 一郎</a>"#), "\(query) finds 佐藤 一郎")
                #expect(body.contains("<td>市民協働部 中央地区市民センター</td><td>主査</td>"), "\(query): the section by its full path, then the post")
                #expect(!body.contains(#"<a href="/organization/staff/D0001">"#), "\(query) finds no one else")
                #expect(body.contains("<caption>1件</caption>"), "\(query)")
            }
            #expect(try await hr.get(search("佐藤")).body.string.contains(#"value="佐藤""#), "the box keeps the words on the results page")
            let audited = try await AuditEvent.query(on: app.db).filter(\.$subjectType == "staff_search").all().map(\.detail)
            #expect(audited.contains("q=ｻﾄｳ found=1"))
        }
    }

    @Test func aSectionManagerFindsNoOneOutsideTheirSection() async throws {
        try await withCity { app in
            let manager = Browser(app)
            try await manager.logIn(Demo.sectionManager) // 課長 of 人事課 (1010): the 課 and its 人事係
            let inside = try await manager.get(search("えとう"))
            #expect(inside.status == .ok)
            #expect(inside.body.string.contains(#"<a href="/organization/staff/D0004">江藤 美咲</a>"#))
            #expect(inside.body.string.contains("<td>総務部 人事課 人事係</td>"))
            // 佐藤 works in 市民協働部, 上野 is the 部長 above the 課: both outside the section scope.
            for (query, number) in [("佐藤", "X0001"), ("さとう", "X0001"), ("X0001", "X0001"), ("上野", "D0003"), ("D0003", "D0003")] {
                let page = try await manager.get(search(query))
                #expect(page.status == .ok, "\(query)")
                #expect(page.body.string.contains("該当する職員はいません。"), "\(query) is outside the section")
                #expect(!page.body.string.contains("/organization/staff/\(number)"), "\(query)")
            }
        }
    }

    @Test func staffWithoutAStaffScopeSearchSectionsByTheirFullPath() async throws {
        try await withCity { app in
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            let home = try await staff.get(PlatformRoute.home.path).body.string
            #expect(home.contains(Self.searchBox))
            #expect(home.contains(#"placeholder="所属を検索""#))
            let page = try await staff.get(search("じんじ"))
            #expect(page.status == .ok)
            let body = page.body.string
            #expect(!body.contains("<h2>職員</h2>"), "no staff results for a reader who sees only their own record")
            #expect(body.contains("所属名で探せます。"))
            #expect(!body.contains("/organization/staff/D0004"))
            let english = try await staff.get(search("PERSONNEL")).body.string
            for fragment in [#"<a href="/organization/sections/1010">総務部 人事課</a>"#, #"<a href="/organization/sections/101010">総務部 人事課 人事係</a>"#] {
                #expect(english.contains(fragment), "a section found by its English name, shown by its path")
            }
            #expect(!english.contains("/organization/sections/2010"))
            #expect(body.contains("該当する所属はありません。"), "じんじ is not in any section's name (names are not read as kana)")
        }
    }

    @Test func anAccountWithoutRightsHasNoSearchBoxAndIsRefused() async throws {
        try await withCity { app in
            // Every role may view the organization; an account whose roles were all taken away may not.
            let user = try #require(try await User.query(on: app.db).filter(\.$staffNumber == StaffNumber(Demo.staff)).first())
            try await UserRole.query(on: app.db).filter(\.$user.$id == user.requireID()).delete()
            let browser = Browser(app)
            try await browser.logIn(Demo.staff)
            let refused = try await browser.get(search("江藤"))
            #expect(refused.status == .forbidden)
            #expect(refused.body.string.contains("青木 花子"), "the refusal is shown to the signed-in account")
            #expect(!refused.body.string.contains("site-search"))
            #expect(!refused.body.string.contains("江藤 美咲"))
        }
    }

    @Test func sectionChoosersGroupUnitsByDepartmentWithTheirFullPath() async throws {
        try await withCity { app in
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let list = try await hr.get(OrganizationRoute.staffList.path).body.string
            #expect(list.contains(#"<optgroup label="総務部">"#))
            #expect(list.contains(#"<option value="101010">総務部 人事課 人事係</option>"#))
            #expect(list.contains(#"<optgroup label="市民協働部">"#))
            #expect(list.contains(#"<option value="2010">市民協働部 中央地区市民センター</option>"#))
            let chosen = try await hr.get(OrganizationRoute.staffList.path(query: [("section", "1010")])).body.string
            #expect(chosen.contains(#"<option value="1010" selected>総務部 人事課</option>"#))

            let manager = Browser(app)
            try await manager.logIn(Demo.sectionManager)
            let scoped = try await manager.get(OrganizationRoute.staffList.path).body.string
            #expect(scoped.contains(#"<optgroup label="総務部">"#))
            #expect(scoped.contains(#"<option value="101010">総務部 人事課 人事係</option>"#))
            #expect(!scoped.contains(#"<optgroup label="市民協働部">"#), "a department outside the scope has no group")
        }
    }

    @Test func englishReadersSeePostsJobTypesAndSectionsInEnglish() async throws {
        try await withCity { app in
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            try await hr.get(PlatformRoute.home.path)
            try await hr.post(PlatformRoute.language.path, [("language", "en"), ("return_to", PlatformRoute.home.path)])
            let list = try await hr.get(OrganizationRoute.staffList.path).body.string
            #expect(list.contains("<td>General Affairs Department Personnel Division</td><td>Director</td><td>Administrative</td>"))
            #expect(list.contains(#"<option value="事務">Administrative</option>"#))
            #expect(list.contains(#"placeholder="Search staff and sections""#))
            let member = try await hr.get(OrganizationRoute.staff(.staff("D0001")).path).body.string
            #expect(member.contains("<dd>Administrative</dd>"))
            #expect(member.contains("<dd>Staff</dd>"), "the grade 主事")
            let found = try await hr.get(search("えとう")).body.string
            #expect(found.contains("<td>General Affairs Department Personnel Division Personnel Unit</td><td>Chief Staff</td>"), "主任 in English")
            // A post the table does not know stays in Japanese rather than disappearing.
            #expect(StaffListValues.post("特命担当").en == "特命担当")
        }
    }

    @Test func thePhoneMenuFoldsTheSameNavigation() async throws {
        try await withCity { app in
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let home = try await hr.get(PlatformRoute.home.path).body.string
            #expect(home.contains("<details class=\"site-menu\">\n<summary>メニュー</summary>"))
            let staffLink = #"<li><a href="/organization/staff">"#
            #expect(home.components(separatedBy: staffLink).count - 1 == 2, "the bar and the folding menu list the same entries")
        }
    }
}
