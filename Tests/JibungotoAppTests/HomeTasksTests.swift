import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Home: what to do next per role, and self-report reminders (督促)")
struct HomeTasksTests {
    /// The fixture city (targets: D0001, D0002, D0004 in 人事課 and 人事係, D0003 in 総務部, X0001 at
    /// the district center) with an open round closing on 2026-12-10, in which D0001 has submitted.
    func withRound(_ body: (Application, UUID) async throws -> Void) async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            try await SideJobTests.account(app, "X0001", "佐藤 一郎", roles: [.staff])
            let cycle = SelfReportCycle(fiscalYear: TestClock.thisYear, title: "自己申告テスト", opensOn: TestClock.today.adding(days: -10),
                                        deadline: TestClock.today.adding(days: 10), createdBy: Demo.hr)
            try await cycle.create(on: app.db)
            let staff = try await browser(app, Demo.staff)
            try await staff.get(CareerRoute.selfReport.path)
            try #require(try await staff.post(CareerRoute.selfReport.path, CareerTests().form()).status == .seeOther)
            try await body(app, try cycle.requireID())
        }
    }

    func browser(_ app: Application, _ number: String) async throws -> Browser {
        let browser = Browser(app)
        try #require(try await browser.logIn(number).status == .seeOther, "\(number) signs in")
        try #require(try await browser.get(PlatformRoute.home.path).status == .ok)
        return browser
    }

    @Test("HR's home shows the open round's completion exactly as the completion page counts it, with a reminder for everyone")
    func hrSeesTheRoundAsTheCompletionPageCountsIt() async throws {
        try await withRound { app, cycleID in
            let hr = try await browser(app, Demo.hr)
            let page = try await hr.get(CareerRoute.cycle(.id(cycleID)).path).body.string
            let overall = try #require(page.firstMatch(of: /<tr class="total">.*<td class="numeric">([^<]+)<\/td><\/tr>/)?.output.1)
            #expect(overall == "20.0 %")
            let home = try await hr.get(PlatformRoute.home.path).body.string
            #expect(home.contains("自己申告「自己申告テスト」の提出状況（全庁）"))
            #expect(home.contains("提出 1人／対象 5人（提出率 \(overall)）"))
            #expect(home.contains("全員の提出まで、あと 4人です。"))
            #expect(home.contains("未提出の4人に督促する"))
            #expect(home.contains("href=\"\(CareerRoute.cycle(.id(cycleID)).path)\""))
            #expect(!home.contains("今日お願いすることはありません。"))
        }
    }

    @Test("a manager's home shows their section's completion, the gap to everyone submitting, and the reminder button")
    func managerSeesTheirSection() async throws {
        try await withRound { app, cycleID in
            let manager = try await browser(app, Demo.sectionManager)
            let home = try await manager.get(PlatformRoute.home.path).body.string
            #expect(home.contains("自己申告「自己申告テスト」の提出状況（所属）"))
            #expect(home.contains("提出 1人／対象 3人（提出率 33.3 %）"))
            #expect(home.contains("全員の提出まで、あと 2人です。"))
            #expect(home.contains("期限：令和8年12月10日"))
            #expect(home.contains("未提出の2人に督促する"))
            #expect(try await manager.get(CareerRoute.cycle(.id(cycleID)).path).body.string.contains("未提出の2人に督促する"),
                    "the completion page has the same button")
        }
    }

    @Test("staff with nothing to do see the friendly line and no tasks; with an open round they see its deadline")
    func staffWithNothingToDo() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let staff = try await browser(app, Demo.staff)
            let idle = try await staff.get(PlatformRoute.home.path).body.string
            #expect(idle.contains("今日お願いすることはありません。よい一日をお過ごしください。"))
            #expect(!idle.contains("<h2>やること</h2>"))
            try await SelfReportCycle(fiscalYear: TestClock.thisYear, title: "自己申告テスト", opensOn: TestClock.today.adding(days: -10),
                                      deadline: TestClock.today.adding(days: 10), createdBy: Demo.hr).create(on: app.db)
            let due = try await staff.get(PlatformRoute.home.path).body.string
            #expect(due.contains("「自己申告テスト」の提出期限は令和8年12月10日です。まだ提出されていません。"), "the deadline without any reminder")
            #expect(!due.contains("【督促】"))
            #expect(!due.contains("今日お願いすることはありません。"))
        }
    }

    @Test("a manager's reminder reaches only the non-submitters of their section, is recorded and audited, and shows the deadline")
    func managerRemindsTheirSection() async throws {
        try await withRound { app, cycleID in
            let manager = try await browser(app, Demo.sectionManager)
            let sent = try await manager.post(CareerRoute.cycle(.id(cycleID)).path, [("return_to", PlatformRoute.home.path)])
            #expect(sent.status == .seeOther)
            #expect(sent.headers.first(name: .location) == PlatformRoute.home.path)
            #expect(try await manager.get(PlatformRoute.home.path).body.string.contains("未提出の2人に「自己申告テスト」の督促を送りました。"))

            let reminders = try await SelfReportReminder.query(on: app.db).all()
            #expect(Set(reminders.map(\.staffNumber.rawValue)) == [Demo.sectionManager, Demo.hr])
            #expect(reminders.allSatisfy { $0.sentBy.rawValue == Demo.sectionManager && $0.cycleID == cycleID })
            let audit = try await AuditEvent.query(on: app.db).filter(\.$subjectType == "self_report_reminder").all()
            #expect(audit.count == 1)
            #expect(audit.first?.detail == "D0002,D0004")

            let reminded = try await browser(app, Demo.hr).get(PlatformRoute.home.path).body.string
            #expect(reminded.contains("【督促】自己申告「自己申告テスト」の提出の督促が届きました（"))
            #expect(reminded.contains("）。提出期限は令和8年12月10日です。"))
            #expect(!(try await browser(app, Demo.staff).get(PlatformRoute.home.path).body.string.contains("【督促】")), "D0001 has submitted")
            let elsewhere = try await browser(app, "X0001").get(PlatformRoute.home.path).body.string
            #expect(!elsewhere.contains("【督促】"), "another section is not reminded")
            #expect(elsewhere.contains("「自己申告テスト」の提出期限は令和8年12月10日です。"), "but sees the deadline")

            // From the completion page the sender comes back to it.
            let again = try await manager.post(CareerRoute.cycle(.id(cycleID)).path, [])
            #expect(again.headers.first(name: .location) == CareerRoute.cycle(.id(cycleID)).path)
        }
    }

    @Test("a manager cannot remind another section or an unknown round; staff cannot remind at all; nothing is recorded")
    func remindersAreRefusedOutsideTheScope() async throws {
        try await withRound { app, cycleID in
            let manager = try await browser(app, Demo.sectionManager)
            let other = try await manager.post(CareerRoute.cycle(.id(cycleID)).path(query: [("section", "2010")]), [])
            #expect(other.status == .forbidden)
            #expect(try await manager.post(CareerRoute.cycle(.id(UUID())).path, []).status == .notFound)
            let staff = try await browser(app, Demo.staff)
            #expect(try await staff.post(CareerRoute.cycle(.id(cycleID)).path, []).status == .forbidden)
            #expect(try await SelfReportReminder.query(on: app.db).count() == 0)
            #expect(!(try await browser(app, "X0001").get(PlatformRoute.home.path).body.string.contains("【督促】")))
        }
    }
}
