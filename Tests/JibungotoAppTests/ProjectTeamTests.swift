import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Project teams: open call and nomination, selection, the manager's consent, suggestions, log and closing")
struct ProjectTeamTests {
    static let today = TestClock.today
    static let motivation = "窓口の待ち時間を短くしたいと考えています。人事係で三年間、申請書の様式を見直してきた経験を生かし、市民の方が迷わない手続の流れを一緒に考えたいです。"
        + String(repeating: "前例にとらわれず、現場の声を集めて提案につなげます。", count: 8)

    /// Posts a team through the form as `organizer`; returns its path.
    static func postTeam(
        _ organizer: Browser, title: String = "窓口DX推進プロジェクトチーム", seats: Int = 2, opens: LocalDate = today.adding(days: -3),
        closes: LocalDate = today.adding(days: 10), starts: LocalDate = today.adding(days: 20), audience: [String] = [],
        themes: String = "窓口改善、防災", skills: String = "データ分析、広報"
    ) async throws -> String {
        try await organizer.get(ProjectTeamRoute.newTeam.path)
        let response = try await organizer.post(ProjectTeamRoute.newTeam.path, [
            ("title", title), ("purpose", "来庁者の手続を一か所で終えられる窓口を、所属を越えて設計します。"), ("sponsor", "1010"),
            ("starts_on", starts.iso), ("ends_on", starts.adding(days: 180).iso), ("seats", String(seats)),
            ("themes", themes), ("wanted_skills", skills), ("applications_open_on", opens.iso), ("applications_close_on", closes.iso),
        ] + audience.map { ("audience[]", $0) })
        #expect(response.status == .seeOther, "the team was not posted: \(response.body.string.prefix(400))")
        return try #require(response.headers.first(name: .location))
    }

    static func candidate(_ number: String, team path: String, on db: any Database) async throws -> ProjectTeamCandidate {
        let id = try #require(UUID(uuidString: String(path.split(separator: "/").last!)))
        return try #require(try await ProjectTeamCandidate.query(on: db).filter(\.$team.$id == id).filter(\.$staffNumber == StaffNumber(number)).first())
    }

    @Test("apply, nominate, accept, select within the seats, manager refuses with a reason, HR sees it; the ledger follows")
    func applicationNominationSelectionAndRefusal() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let hr = Browser(app), staff = Browser(app), manager = Browser(app), head = Browser(app)
            try await hr.logIn(Demo.hr)
            try await staff.logIn(Demo.staff)
            try await manager.logIn(Demo.sectionManager)
            try await head.logIn(Demo.departmentHead)
            let team = try await Self.postTeam(hr, seats: 1)

            // Staff apply with a few sentences of motivation.
            #expect(try await staff.get(team).body.string.contains("応募の動機"))
            #expect(try await staff.post(team + "/apply", [("motivation", Self.motivation)]).status == .seeOther)
            #expect(try await staff.get(team).body.string.contains("選考を待っています"))
            let again = try await staff.post(team + "/apply", [("motivation", "もう一度")])
            #expect(again.status == .seeOther)
            #expect(try await staff.get(team).body.string.contains("この職員はすでに候補者です。"))

            // The applicant's manager does not see the application before selection.
            let managerView = try await manager.get(team)
            #expect(managerView.status == .ok)
            #expect(!managerView.body.string.contains("窓口の待ち時間を短くしたい"))
            #expect(!managerView.body.string.contains("応募者と推薦された職員"))

            // Nominations: not oneself, not someone already involved; the department head is nominated.
            try await manager.get(team + "/nominate")
            let selfNomination = try await manager.post(team + "/nominate", [("staff_number", Demo.sectionManager), ("reason", "自分で")])
            #expect(selfNomination.status == .unprocessableEntity)
            #expect(selfNomination.body.string.contains("自分自身は推薦できません。参加したい場合は応募してください。"))
            let twice = try await manager.post(team + "/nominate", [("staff_number", Demo.staff), ("reason", "適任です")])
            #expect(twice.body.string.contains("この職員はすでに候補者です。"))
            let noReason = try await manager.post(team + "/nominate", [("staff_number", Demo.departmentHead), ("reason", "")])
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.body.string.contains("推薦の理由を入力してください"))
            #expect(try await manager.post(team + "/nominate", [("staff_number", Demo.departmentHead), ("reason", "庁内の調整に長けています。")]).status == .seeOther)

            // The nominee is told on their home page and accepts on the team page.
            #expect(try await head.get("/").body.string.contains("「窓口DX推進プロジェクトチーム」への推薦が届いています。"))
            let nomineeView = try await head.get(team).body.string
            #expect(nomineeView.contains("石田 誠さんがあなたをこのチームに推薦しました。"))
            #expect(nomineeView.contains("庁内の調整に長けています。"))
            #expect(try await head.post(team + "/respond", [("answer", "accept"), ("note", "お役に立てれば")]).status == .seeOther)
            #expect(try await head.post(team + "/respond", [("answer", "accept")]).status == .seeOther)
            #expect(try await head.get(team).body.string.contains("回答を待っている推薦はありません。"))

            // HR sees applicants and nominees side by side and may not select over the seats.
            let hrView = try await hr.get(team).body.string
            #expect(hrView.contains("窓口の待ち時間を短くしたい"))
            #expect(hrView.contains("石田 誠さんの推薦"))
            let applicant = try await Self.candidate(Demo.staff, team: team, on: app.db)
            let nominee = try await Self.candidate(Demo.departmentHead, team: team, on: app.db)
            let tooMany = try await hr.post(team + "/select", [("candidates[]", applicant.id!.uuidString), ("candidates[]", nominee.id!.uuidString)])
            #expect(tooMany.status == .unprocessableEntity)
            #expect(tooMany.body.string.contains("定員は 1 人で、選べるのはあと 1 人です。選ぶ人数を減らしてください。"))
            #expect(try await ParticipationRecord.query(on: app.db).count() == 0, "nothing is written when the selection is refused")
            #expect(try await hr.post(team + "/select", [("candidates[]", applicant.id!.uuidString)]).status == .seeOther)
            let entry = try #require(try await ParticipationRecord.query(on: app.db).first())
            #expect(entry.staffNumber == StaffNumber(Demo.staff) && entry.kind == .projectTeam && entry.route == .applied && entry.crossesSections)
            #expect(entry.sectionCode == "101010" && entry.departmentCode == "10")

            // Now the manager is asked; a refusal needs a reason, then the ledger entry goes.
            let queue = try await manager.get(ProjectTeamRoute.consents.path).body.string
            #expect(queue.contains("青木 花子"))
            #expect(queue.contains("「窓口DX推進プロジェクトチーム」"))
            #expect(try await manager.get("/").body.string.contains("1 件が、同意の回答を待っています。"))
            let consentPath = ProjectTeamRoute.consent(.id(applicant.id!)).path
            let bare = try await manager.post(consentPath, [("answer", "refuse"), ("reason", "  ")])
            #expect(bare.status == .unprocessableEntity)
            #expect(bare.body.string.contains("同意しない場合は理由を書いてください。"))
            #expect(try await ParticipationRecord.query(on: app.db).count() == 1)
            #expect(try await manager.post(consentPath, [("answer", "refuse"), ("reason", "年度末の繁忙期と重なり、係の人員が不足するため。")]).status == .seeOther)
            #expect(try await ParticipationRecord.query(on: app.db).count() == 0)
            #expect(try await manager.post(consentPath, [("answer", "consent")]).status == .notFound, "an answered selection is no longer open")

            // HR sees refusals by section with the reason; a manager may not.
            let refusals = try await hr.get(ProjectTeamRoute.refusals.path).body.string
            #expect(refusals.contains("年度末の繁忙期と重なり、係の人員が不足するため。"))
            #expect(refusals.contains("総務部 人事課 人事係"))
            #expect(try await manager.get(ProjectTeamRoute.refusals.path).status == .forbidden)
            #expect(try await staff.get(team).body.string.contains("所属長が不同意"))
        }
    }

    @Test("silence until the deadline is consent; the staff page lists the ledger entry")
    func deemedConsent() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let hr = Browser(app), staff = Browser(app), manager = Browser(app)
            try await hr.logIn(Demo.hr)
            try await staff.logIn(Demo.staff)
            try await manager.logIn(Demo.sectionManager)
            let team = try await Self.postTeam(hr)
            try await staff.get(team)
            #expect(try await staff.post(team + "/apply", [("motivation", "地域の防災に関わりたいです。")]).status == .seeOther)
            let applicant = try await Self.candidate(Demo.staff, team: team, on: app.db)
            #expect(try await hr.post(team + "/select", [("candidates[]", applicant.id!.uuidString)]).status == .seeOther)
            #expect(try await hr.get(team).body.string.contains("回答待ち（期限 令和8年12月7日、期限までに回答がなければ同意）"))
            let selected = try await Self.candidate(Demo.staff, team: team, on: app.db)
            selected.consentDeadline = Self.today.adding(days: -1)
            try await selected.save(on: app.db)
            #expect(try await hr.get(team).body.string.contains("期限までに回答がなく同意とみなしました"))
            #expect(!(try await manager.get(ProjectTeamRoute.consents.path).body.string.contains("青木 花子")), "past the deadline the manager is no longer asked")
            let page = try await staff.get(OrganizationRoute.staff(.staff(StaffNumber(Demo.staff))).path).body.string
            #expect(page.contains("所属を越えた活動の記録"))
            #expect(page.contains("窓口DX推進プロジェクトチーム"))
        }
    }

    @Test("the call's window, the audience and the organizer's pages are enforced with clear messages")
    func refusals() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let hr = Browser(app), staff = Browser(app), manager = Browser(app)
            try await hr.logIn(Demo.hr)
            try await staff.logIn(Demo.staff)
            try await manager.logIn(Demo.sectionManager)

            let later = try await Self.postTeam(hr, title: "来年度の防災訓練チーム", opens: Self.today.adding(days: 1), closes: Self.today.adding(days: 5))
            try await staff.get(later)
            #expect(try await staff.post(later + "/apply", [("motivation", "参加したいです")]).status == .seeOther)
            #expect(try await staff.get(later).body.string.contains("応募の受付は 令和8年12月1日 からです。"))
            #expect(try await ProjectTeamCandidate.query(on: app.db).count() == 0)

            // A team for 市民協働部 only: invisible to 総務部 staff and managers, and its staff cannot be nominated.
            let forDepartment20 = try await Self.postTeam(hr, title: "地区センター連携チーム", audience: ["20"])
            #expect(try await staff.get(forDepartment20).status == .notFound)
            #expect(try await manager.get(forDepartment20 + "/nominate").status == .notFound)
            #expect(!(try await staff.get(ProjectTeamRoute.teams.path).body.string.contains("地区センター連携チーム")))
            try await hr.get(forDepartment20 + "/nominate")
            let outside = try await hr.post(forDepartment20 + "/nominate", [("staff_number", Demo.staff), ("reason", "適任です")])
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.body.string.contains("この職員はこのチームの募集の対象ではありません"))
            let unknown = try await hr.post(forDepartment20 + "/nominate", [("staff_number", "Z9999"), ("reason", "適任です")])
            #expect(unknown.body.string.contains("この職員はこのチームの募集の対象ではありません"))
            #expect(try await hr.post(forDepartment20 + "/nominate", [("staff_number", "X0001"), ("reason", "地区の事情に詳しい方です。")]).status == .seeOther)

            // Organizer-only pages; a plain staff member cannot post a team.
            let open = try await Self.postTeam(hr, title: "職員研修改革チーム")
            #expect(try await staff.get(open + "/suggestions").status == .forbidden)
            #expect(try await staff.post(open + "/select", []).status == .forbidden)
            #expect(try await staff.get(ProjectTeamRoute.newTeam.path).status == .forbidden)

            // Bad dates name their fields and save nothing.
            try await hr.get(ProjectTeamRoute.newTeam.path)
            let bad = try await hr.post(ProjectTeamRoute.newTeam.path, [
                ("title", "日付の誤ったチーム"), ("purpose", "試験"), ("sponsor", "1010"), ("starts_on", "R8.12.20"), ("ends_on", "R8.12.1"),
                ("seats", "0"), ("applications_open_on", "2026-12-01"), ("applications_close_on", "2026-12-31"),
            ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("活動終了日が活動開始日より前です。"))
            #expect(bad.body.string.contains("定員は 1〜100 の整数で入力してください。"))
            #expect(bad.body.string.contains("応募受付の締切日は活動開始日までにしてください。"))
            #expect(try await ProjectTeam.query(on: app.db).filter(\.$title == "日付の誤ったチーム").count() == 0)
        }
    }

    /// This fiscal year's self-report round, closed yesterday.
    static func closedRound(on database: any Database) async throws -> SelfReportCycle {
        let cycle = SelfReportCycle(fiscalYear: today.fiscalYear.startYear, title: "令和8年度 自己申告", opensOn: today.adding(days: -30),
                                    deadline: today.adding(days: -1), createdBy: Demo.hr)
        try await cycle.create(on: database)
        return cycle
    }

    @Test("suggestions rank self-reported interest and skills with the new-faces boost, with reasons; nominating from the list")
    func suggestions() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let cycle = try await Self.closedRound(on: app.db)
            for (number, wants, themes, skills) in [(Demo.staff, true, "防災と地域の見守り", "データ分析"), ("X0001", false, "観光", ""), (Demo.sectionManager, true, "防災", "")] {
                try await SelfReport(cycleID: cycle.requireID(), staffNumber: StaffNumber(number), submittedAt: Date(), moveWish: "either", careerPlan: "",
                                     projectTeamInterest: wants, projectTeamThemes: themes, skills: skills).create(on: app.db)
            }
            // The section manager took part last year: not a new face.
            try await ParticipationLedger.record(ParticipationEntry(
                staffNumber: StaffNumber(Demo.sectionManager), kind: .supportShift, activityID: "shift-1", activityTitle: "市長選挙 期日前投票所",
                sectionCode: "1010", departmentCode: "10", hostSectionCode: nil, route: .allocated, date: Self.today.adding(days: -200), hours: 8), on: app.db)
            let hr = Browser(app), staff = Browser(app)
            try await hr.logIn(Demo.hr)
            try await staff.logIn(Demo.staff)
            let team = try await Self.postTeam(hr, themes: "防災", skills: "データ分析")
            let page = try await hr.get(team + "/suggestions")
            #expect(page.status == .ok)
            let body = page.body.string
            let first = try #require(body.range(of: "青木 花子"))
            let second = try #require(body.range(of: "石田 誠"))
            #expect(first.lowerBound < second.lowerBound, "the new face with matching skills ranks first")
            #expect(body.contains("関心のあるテーマが一致：「防災」"))
            #expect(body.contains("スキルが一致：「データ分析」"))
            #expect(body.contains("最近2年度、所属を越えた活動の記録がない（新しい顔ぶれ）"))
            #expect(!body.contains("佐藤 一郎"), "an interest that matches no theme, no skill and no wish to join teams is not a fit")
            #expect(try await hr.post(team + "/nominate", [("staff_number", Demo.staff), ("reason", "防災の知識とデータ分析の経験があります。")]).status == .seeOther)
            #expect(try await hr.get(team).body.string.contains("青木 花子さんを「窓口DX推進プロジェクトチーム」に推薦しました。"))
            #expect(try await staff.get("/").body.string.contains("への推薦が届いています。"))
            #expect(!(try await hr.get(team + "/suggestions").body.string.contains("青木 花子")), "someone nominated is no longer suggested")
        }
    }

    @Test("suggestions match words whatever their width or case, in the stored self-report, also after it is edited")
    func suggestionsIgnoreWidthAndCase() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let cycle = try await Self.closedRound(on: app.db)
            var reports: [String: SelfReport] = [:]
            for (number, skills) in [(Demo.staff, "ＤＸ推進、ﾃﾞｰﾀ分析"), ("X0001", "dx 推進"), (Demo.sectionManager, "広報")] {
                let report = SelfReport(cycleID: try cycle.requireID(), staffNumber: StaffNumber(number), submittedAt: Date(), moveWish: "either", skills: skills)
                try await report.create(on: app.db)
                reports[number] = report
            }
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let team = try await Self.postTeam(hr, themes: "窓口改善", skills: "DX推進、データ分析")
            var body = try await hr.get(team + "/suggestions").body.string
            #expect(body.contains("青木 花子"))
            #expect(body.contains("スキルが一致：「DX推進」「データ分析」"), "full-width ＤＸ and half-width ﾃﾞｰﾀ match the team's words")
            #expect(!body.contains("佐藤 一郎"), "a space inside the word is another word")
            #expect(!body.contains("石田 誠"))

            let edited = try #require(reports[Demo.sectionManager])
            edited.skills = "広報、ｄｘ推進"
            try await edited.save(on: app.db)
            body = try await hr.get(team + "/suggestions").body.string
            #expect(body.contains("石田 誠"), "an edited report is searched in its new words")
        }
    }

    @Test("members and the organizer keep the log; the final report closes the team")
    func logAndClosing() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let hr = Browser(app), staff = Browser(app), other = Browser(app)
            try await hr.logIn(Demo.hr)
            try await staff.logIn(Demo.staff)
            try await other.logIn(Demo.departmentHead)
            // A team that started a month ago (its call is over, so it is stored directly).
            let started = ProjectTeam(title: "窓口DX推進プロジェクトチーム", purpose: "窓口の改善", sponsorSectionCode: "1010", organizerStaffNumber: StaffNumber(Demo.hr),
                                      startsOn: Self.today.adding(days: -30), endsOn: Self.today.adding(days: 150), seats: 3,
                                      applicationsOpenOn: Self.today.adding(days: -60), applicationsCloseOn: Self.today.adding(days: -31))
            try await started.create(on: app.db)
            let teamID = try started.requireID()
            let team = ProjectTeamRoute.team(.id(teamID)).path
            try await hr.get(team)
            try await ProjectTeamCandidate(teamID: teamID, staffNumber: StaffNumber(Demo.staff), route: .applied, status: .candidate, motivation: "参加します").create(on: app.db)
            let applicant = try await Self.candidate(Demo.staff, team: team, on: app.db)
            #expect(try await hr.post(team + "/select", [("candidates[]", applicant.id!.uuidString)]).status == .seeOther)

            let minutes = "第1回会議。窓口の現状を共有し、待ち時間の計測方法を決めた。" + String(repeating: "次回までに各課の申請件数を集計する。", count: 20)
            try await staff.get(team)
            #expect(try await staff.post(team + "/log", [("kind", "meeting"), ("held_on", "R8.11.20"), ("place", "本庁舎5階 第3会議室"), ("text", minutes)]).status == .seeOther)
            let page = try await staff.get(team).body.string
            #expect(page.contains("本庁舎5階 第3会議室"))
            #expect(page.contains("令和8年11月20日"))
            #expect(try await other.post(team + "/log", [("kind", "activity"), ("held_on", "2026-11-20"), ("text", "部外者の記録")]).status == .forbidden)
            let future = try await staff.post(team + "/log", [("kind", "activity"), ("held_on", "2026-12-24"), ("text", "先の活動")])
            #expect(future.status == .unprocessableEntity)
            #expect(future.body.string.contains("活動の記録は今日までの日付にしてください"))

            #expect(try await staff.post(team + "/close", [("closing_report", "報告")]).status == .forbidden)
            let empty = try await hr.post(team + "/close", [("closing_report", "")])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("活動の報告を入力してください"))
            #expect(try await hr.post(team + "/close", [("closing_report", "待ち時間を平均12分短縮した。")]).status == .seeOther)
            let closed = try await staff.get(team).body.string
            #expect(closed.contains("待ち時間を平均12分短縮した。"))
            #expect(try await staff.post(team + "/log", [("kind", "activity"), ("held_on", "2026-11-29"), ("text", "追加")]).status == .seeOther)
            #expect(try await staff.get(team).body.string.contains("このチームは活動を終えています。"))
        }
    }
}
