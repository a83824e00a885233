import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Testing
import Vapor
import VaporTesting

/// Internal side jobs (庁内副業) through their pages, on the fixture city at 2026-11-30 (令和8年度):
/// posting, applying, the manager's answer, selection, hours within the cap and the closing reports,
/// with every refusal's status and words, and who may see or do what.
@Suite("Opportunities: internal side jobs")
struct SideJobTests {
    /// The fixture city with two more accounts at the district center 2010: X0001 (staff, already
    /// in the fixture) and X0002, the center's manager.
    func withCity(_ body: (Application) async throws -> Void) async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            try await Self.account(app, "X0001", "佐藤 一郎", roles: [.staff])
            let centerManager = StaffMember(record: OrganizationFixture.staff("X0002", "中村 次郎", "ナカムラ ジロウ"))
            centerManager.currentSectionCode = "2010"
            centerManager.currentPost = "所長"
            try await centerManager.create(on: app.db)
            try await Self.account(app, "X0002", "中村 次郎", roles: [.staff, .sectionManager])
            try await body(app)
        }
    }

    static func account(_ app: Application, _ number: String, _ name: String, roles: [Role]) async throws {
        let user = User(staffNumber: StaffNumber(number), displayName: name, passwordHash: try await app.password.async.hash(AppSettings.defaultDemoPassword))
        try await user.create(on: app.db)
        for role in roles {
            try await UserRole(userID: try user.requireID(), role: role).create(on: app.db)
        }
    }

    /// A signed-in browser holding its session's token.
    func browser(_ app: Application, _ number: String) async throws -> Browser {
        let browser = Browser(app)
        try #require(try await browser.logIn(number).status == .seeOther, "\(number) signs in")
        try #require(try await browser.get(SideJobRoute.list.path).status == .ok)
        return browser
    }

    /// A side job stored directly, for the phases a test cannot reach through the posting form (a
    /// window in the past, a period under way or over); hosted by the district center.
    @discardableResult
    static func sideJob(_ app: Application, _ title: String, opens: String, closes: String, start: String, end: String,
                        seats: Int = 2, hours: Double = 8) async throws -> SideJob {
        let job = SideJob(title: title, workDescription: "地区まつりの準備会議と当日の運営", hostSectionCode: "2010", hoursPerMonth: hours,
                          schedule: SideJobSchedule(applicationsOpen: day(opens), applicationsClose: day(closes), start: day(start), end: day(end)),
                          seats: seats, postedBy: "D0004", postedAt: Date())
        try await job.create(on: app.db)
        return job
    }

    /// An application stored directly, as its manager answered it.
    @discardableResult
    static func application(_ app: Application, _ job: SideJob, _ number: String, section: SectionCode, status: SideJobApplicationStatus,
                            decidedBy: String) async throws -> SideJobApplication {
        let application = SideJobApplication(sideJobID: try job.requireID(), staffNumber: StaffNumber(number), sectionCode: section,
                                              motivation: "地域の方と関わりたい", appliedAt: Date(), status: status,
                                              decidedBy: StaffNumber(decidedBy), decidedAt: Date())
        try await application.create(on: app.db)
        return application
    }

    static func applicationID(_ app: Application, _ job: SideJob, _ number: String) async throws -> String {
        let application = try #require(try await SideJobApplication.query(on: app.db).filter(\.$sideJob.$id == job.requireID())
            .filter(\.$staffNumber == StaffNumber(number)).first())
        return try application.requireID().uuidString.lowercased()
    }

    static func ledger(_ app: Application, _ job: SideJob, _ number: String) async throws -> ParticipationRecord? {
        try await ParticipationRecord.query(on: app.db).filter(\.$kind == .sideJob).filter(\.$activityID == job.activityID)
            .filter(\.$staffNumber == StaffNumber(number)).first()
    }

    // MARK: - Posting

    @Test("a manager posts a side job for their own section, HR for any; each bad field is named and nothing is saved")
    func posting() async throws {
        try await withCity { app in
            let form: [(String, String)] = [
                ("title", "新規採用職員研修の資料づくり"), ("work_description", "研修で使うスライドと手引きを作ります。"), ("host_section", "101010"),
                ("hours_per_month", "7.5"), ("starts_on", "2027-01-04"), ("ends_on", "2027-03-31"), ("skills", "資料作成\nプレゼンテーション"),
                ("applications_open_on", "2026-11-30"), ("applications_close_on", "2026-12-20"), ("seats", "2"),
            ]
            func changed(_ changes: [String: String]) -> [(String, String)] { form.map { (name, value) in (name, changes[name] ?? value) } }
            let manager = try await browser(app, Demo.sectionManager)
            #expect(try await manager.get(SideJobRoute.new.path).status == .ok)
            let refusals: [([String: String], String)] = [
                (["title": ""], "件名を入力してください。"),
                (["host_section": "2010"], "受入所属は、あなたが募集できる所属から選んでください。"),
                (["hours_per_month": "20.5"], "月の業務時間は、庁内副業の月間上限 20 時間以内にしてください。"),
                (["hours_per_month": "7.25"], "月の業務時間は0.5時間単位の数で入力してください（例：7.5）。"),
                (["ends_on": "2026-12-31"], "業務の終了日は業務の開始日（令和9年1月4日）以降の日付にしてください。"),
                (["applications_close_on": "2027-01-04"],
                 "応募の締切日は業務の開始日（令和9年1月4日）より前の日付にしてください。締切から開始日までに所属長の承認と選考を行います。"),
                (["applications_open_on": "2026-12-25"], "応募の締切日は応募の受付開始日（令和8年12月25日）以降の日付にしてください。"),
                (["applications_open_on": "2026-11-01", "applications_close_on": "2026-11-29"], "応募の締切日が過ぎています。今日（令和8年11月30日）以降の日付にしてください。"),
                (["seats": "0"], "定員は 1〜50 の整数で入力してください。"),
            ]
            for (changes, message) in refusals {
                let response = try await manager.post(SideJobRoute.new.path, changed(changes))
                #expect(response.status == .unprocessableEntity, "\(changes)")
                #expect(response.body.string.contains(message), "\(changes): \(message)")
            }
            #expect(try await SideJob.query(on: app.db).count() == 0, "nothing is saved from a refused form")

            let posted = try await manager.post(SideJobRoute.new.path, form)
            #expect(posted.status == .seeOther)
            let job = try #require(try await SideJob.query(on: app.db).first())
            #expect(posted.headers.first(name: .location) == SideJobRoute.job(.id(try job.requireID())).path)
            #expect(job.title == "新規採用職員研修の資料づくり" && job.hostSectionCode == "101010" && job.hoursPerMonth == 7.5 && job.seats == 2)
            #expect(job.skillList == ["資料作成", "プレゼンテーション"])
            #expect(job.schedule == SideJobSchedule(applicationsOpen: day("2026-11-30"), applicationsClose: day("2026-12-20"),
                                                   start: day("2027-01-04"), end: day("2027-03-31")))
            #expect(job.postedBy == "D0002" && !job.isClosed)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$subjectType == "side_job").filter(\.$action == "create").count() == 1)

            let page = try await manager.get(SideJobRoute.job(.id(try job.requireID())).path)
            #expect(page.status == .ok && page.body.string.contains("研修で使うスライドと手引きを作ります。") && page.body.string.contains("月7.5時間"))

            let staff = try await browser(app, Demo.staff)
            #expect(try await staff.get(SideJobRoute.new.path).status == .forbidden, "staff do not post side jobs")
            let hr = try await browser(app, Demo.hr)
            try await hr.get(SideJobRoute.new.path)
            #expect(try await hr.post(SideJobRoute.new.path, changed(["host_section": "2010", "title": "地区まつりの運営補助"])).status == .seeOther,
                    "HR posts for any section")
            #expect(try await SideJob.query(on: app.db).filter(\.$hostSectionCode == "2010").count() == 1)
        }
    }

    // MARK: - Applying, answering, selecting

    @Test("staff apply once within the window; their manager answers (a refusal needs its reason); the host selects up to the seats and the ledger records the member")
    func applyAnswerSelect() async throws {
        try await withCity { app in
            let hr = try await browser(app, Demo.hr)
            try await hr.get(SideJobRoute.new.path)
            let posted = try await hr.post(SideJobRoute.new.path, [
                ("title", "地区まつりの運営補助"), ("work_description", "準備会議と当日の運営を担います。"), ("host_section", "2010"),
                ("hours_per_month", "8"), ("starts_on", "2026-12-15"), ("ends_on", "2027-03-31"), ("skills", "イベント運営"),
                ("applications_open_on", "2026-11-20"), ("applications_close_on", "2026-12-10"), ("seats", "1"),
            ])
            #expect(posted.status == .seeOther)
            let jobPath = try #require(posted.headers.first(name: .location))
            let jobID = routeParameter(lastOf: jobPath)
            let job = try #require(try await SideJob.query(on: app.db).first())

            // The staff member finds it open and applies, once.
            let staff = try await browser(app, Demo.staff)
            let list = try await staff.get(SideJobRoute.list.path)
            #expect(list.body.string.contains("地区まつりの運営補助") && list.body.string.contains(jobPath))
            let page = try await staff.get(jobPath)
            #expect(page.status == .ok && page.body.string.contains(SideJobRoute.apply(jobID).path))
            #expect(try await staff.get(SideJobRoute.apply(jobID).path).body.string.contains("name=\"motivation\""))
            let applied = try await staff.post(SideJobRoute.apply(jobID).path, [("motivation", "地域の方と直接関わる経験を積みたい")])
            #expect(applied.status == .seeOther)
            let applicationPath = try #require(applied.headers.first(name: .location))
            #expect(applicationPath == SideJobRoute.application(.value(try await Self.applicationID(app, job, Demo.staff))).path)
            let again = try await staff.post(SideJobRoute.apply(jobID).path, [("motivation", "もう一度")])
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.string.contains("この副業には既に応募しています。"))
            #expect(try await SideJobApplication.query(on: app.db).count() == 1)

            // Not to one's own section's side job.
            let centerStaff = try await browser(app, "X0001")
            let own = try await centerStaff.post(SideJobRoute.apply(jobID).path, [("motivation", "地元のまつりなので")])
            #expect(own.status == .unprocessableEntity)
            #expect(own.body.string.contains("中央地区市民センターの副業には応募できません。ご自身の所属（またはその上の組織）の業務は庁内副業になりません。"))
            // The motivation is required.
            try await hr.get(SideJobRoute.apply(jobID).path)
            let empty = try await hr.post(SideJobRoute.apply(jobID).path, [("motivation", "  ")])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("応募の動機を入力してください。"))
            #expect(try await SideJobApplication.query(on: app.db).count() == 1, "nothing saved from refused applications")
            #expect(try await hr.post(SideJobRoute.apply(jobID).path, [("motivation", "企画の経験を生かしたい")]).status == .seeOther)
            let manager = try await browser(app, Demo.sectionManager)
            #expect(try await manager.post(SideJobRoute.apply(jobID).path, [("motivation", "地域との対話を学びたい")]).status == .seeOther)

            // Who sees an application: the applicant, the host and HR, the applicant's manager; no one else.
            let mine = try await staff.get(applicationPath)
            #expect(mine.status == .ok && mine.body.string.contains("地域の方と直接関わる経験を積みたい") && mine.body.string.contains("所属長の承認待ち"))
            #expect(try await centerStaff.get(applicationPath).status == .notFound, "another staff member")
            #expect(try await browser(app, Demo.promotionTeam).get(applicationPath).status == .notFound, "another staff member without a section")
            #expect(try await hr.get(applicationPath).status == .ok, "HR, the host")
            let managerView = try await manager.get(applicationPath)
            #expect(managerView.status == .ok && managerView.body.string.contains("name=\"decision\""), "the applicant's manager answers here")

            // The center's manager hosts the job and sees the application, but does not answer it.
            let centerManager = try await browser(app, "X0002")
            let hostView = try await centerManager.get(applicationPath)
            #expect(hostView.status == .ok && !hostView.body.string.contains("name=\"decision\""))
            #expect(try await centerManager.post(applicationPath, [("decision", "approve")]).status == .forbidden, "a manager of another section")
            #expect(!(try await centerManager.get(SideJobRoute.approvals.path).body.string.contains("青木 花子")))
            #expect(try await SideJobApplication.query(on: app.db).filter(\.$staffNumber == "D0001").first()?.status == .awaitingManager)

            // The applicant's manager: the pending ones of his section, a refusal with its reason, an approval.
            let approvals = try await manager.get(SideJobRoute.approvals.path)
            #expect(approvals.status == .ok && approvals.body.string.contains("青木 花子") && approvals.body.string.contains("江藤 美咲"))
            let hrApplicationPath = SideJobRoute.application(.value(try await Self.applicationID(app, job, Demo.hr))).path
            let noReason = try await manager.post(hrApplicationPath, [("decision", "refuse"), ("reason", " ")])
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.body.string.contains("承認しない場合は、承認しない理由を入力してください。"))
            let noDecision = try await manager.post(hrApplicationPath, [("reason", "")])
            #expect(noDecision.status == .unprocessableEntity && noDecision.body.string.contains("所属長の回答を入力してください。"))
            #expect(try await SideJobApplication.query(on: app.db).filter(\.$staffNumber == "D0004").first()?.status == .awaitingManager)
            #expect(try await manager.post(hrApplicationPath, [("decision", "refuse"), ("reason", "年末の人事異動の準備と重なるため")]).status == .seeOther)
            let refused = try #require(try await SideJobApplication.query(on: app.db).filter(\.$staffNumber == "D0004").first())
            #expect(refused.status == .refused && refused.refusalReason == "年末の人事異動の準備と重なるため" && refused.decidedBy == "D0002")
            #expect(try await hr.get(hrApplicationPath).body.string.contains("年末の人事異動の準備と重なるため"), "the applicant reads the reason")
            #expect(try await manager.post(applicationPath, [("decision", "approve")]).status == .seeOther)
            let answeredAgain = try await manager.post(applicationPath, [("decision", "refuse"), ("reason", "やはり見送り")])
            #expect(answeredAgain.status == .seeOther)
            #expect(try await manager.get(applicationPath).body.string.contains("この応募には既に回答しています。"))
            #expect(try await SideJobApplication.query(on: app.db).filter(\.$staffNumber == "D0001").first()?.status == .approved)
            // No one answers their own application: the section manager's goes to his department head.
            let managerApplicationPath = SideJobRoute.application(.value(try await Self.applicationID(app, job, Demo.sectionManager))).path
            #expect(try await manager.post(managerApplicationPath, [("decision", "approve")]).status == .forbidden)
            let head = try await browser(app, Demo.departmentHead)
            #expect(try await head.get(SideJobRoute.approvals.path).body.string.contains("石田 誠"))
            #expect(try await head.post(managerApplicationPath, [("decision", "approve")]).status == .seeOther)

            // Selection: by the host only, among the approved, up to the seats.
            let selectionPath = SideJobRoute.selection(jobID).path
            #expect(try await manager.get(selectionPath).status == .notFound, "a manager of another section does not host it")
            #expect(try await manager.post(selectionPath, [("selected[]", try await Self.applicationID(app, job, Demo.staff))]).status == .forbidden)
            let selection = try await hr.get(selectionPath)
            #expect(selection.status == .ok && selection.body.string.contains("青木 花子") && selection.body.string.contains("石田 誠"))
            let staffID = try await Self.applicationID(app, job, Demo.staff)
            let managerID = try await Self.applicationID(app, job, Demo.sectionManager)
            let selectionRefusals: [([(String, String)], String)] = [
                ([], "選考する応募者から1人以上選んでください。"),
                ([("selected[]", try await Self.applicationID(app, job, Demo.hr))],
                 "選ばれた応募者の中に、所属長の承認を受けていない人、または既に選考済みの人がいます。"),
                ([("selected[]", staffID), ("selected[]", managerID)], "定員は1人です（選考済み0人）。あと1人まで選べます。"),
            ]
            for (fields, message) in selectionRefusals {
                let response = try await hr.post(selectionPath, fields)
                #expect(response.status == .unprocessableEntity, "\(message)")
                #expect(response.body.string.contains(message), "\(message)")
            }
            #expect(try await SideJobApplication.query(on: app.db).filter(\.$status == .selected).count() == 0)
            #expect(try await ParticipationRecord.query(on: app.db).count() == 0, "nothing half-saved")
            let selected = try await hr.post(selectionPath, [("selected[]", staffID)])
            #expect(selected.status == .seeOther && selected.headers.first(name: .location) == jobPath)
            #expect(try await SideJobApplication.query(on: app.db).filter(\.$staffNumber == "D0001").first()?.status == .selected)
            let entry = try #require(try await Self.ledger(app, job, Demo.staff))
            #expect(entry.route == .applied && entry.date == day("2026-12-15") && entry.hours == nil && entry.fiscalYear == 2026)
            #expect(entry.sectionCode == "101010" && entry.crossesSections && entry.activityTitle == "地区まつりの運営補助")
            let full = try await hr.post(selectionPath, [("selected[]", managerID)])
            #expect(full.status == .unprocessableEntity && full.body.string.contains("定員は1人です（選考済み1人）。あと0人まで選べます。"))
            #expect(try await Self.ledger(app, job, Demo.sectionManager) == nil)

            // Every staff member sees the member on the job's page; the applicant sees where they stand.
            let shown = try await centerStaff.get(jobPath)
            #expect(shown.status == .ok && shown.body.string.contains("青木 花子") && shown.body.string.contains("定員1人（選考済み1人）"))
            #expect(try await staff.get(jobPath).body.string.contains("あなたの応募：選考済み（メンバー）"))
            // Hours of a month before the period, or not yet come, are refused.
            let hoursPath = SideJobRoute.hours(jobID).path
            try await staff.get(hoursPath)
            let future = try await staff.post(hoursPath, [("member", Demo.staff), ("month", "2026-12"), ("hours", "4")])
            #expect(future.status == .unprocessableEntity && future.body.string.contains("記録する月はまだ来ていない月です。今月（令和8年11月）までの時間を記録できます。"))
            let before = try await staff.post(hoursPath, [("member", Demo.staff), ("month", "2026-11"), ("hours", "4")])
            #expect(before.status == .unprocessableEntity && before.body.string.contains("記録する月は業務期間（令和8年12月〜令和9年3月）の月から選んでください。"))
            #expect(try await SideJobHourLog.query(on: app.db).count() == 0)
        }
    }

    @Test("applying before the window opens or after it closes is refused naming the window; so is applying without a section")
    func applyingOutsideTheWindow() async throws {
        try await withCity { app in
            let closed = try await Self.sideJob(app, "締切済みの副業", opens: "2026-10-01", closes: "2026-10-31", start: "2026-12-01", end: "2027-02-28")
            let later = try await Self.sideJob(app, "これから募集の副業", opens: "2026-12-01", closes: "2026-12-10", start: "2027-01-04", end: "2027-03-31")
            let openJob = try await Self.sideJob(app, "募集中の副業", opens: "2026-11-01", closes: "2026-12-10", start: "2027-01-04", end: "2027-03-31")
            let staff = try await browser(app, Demo.staff)
            let closedApply = SideJobRoute.apply(.id(try closed.requireID())).path
            let shown = try await staff.get(closedApply)
            #expect(shown.status == .ok && shown.body.string.contains("応募の受付期間（令和8年10月1日〜令和8年10月31日）は終了しました。"))
            #expect(!shown.body.string.contains("name=\"motivation\""), "no form while one cannot apply")
            let tooLate = try await staff.post(closedApply, [("motivation", "関わりたい")])
            #expect(tooLate.status == .unprocessableEntity)
            #expect(tooLate.body.string.contains("応募の受付期間（令和8年10月1日〜令和8年10月31日）は終了しました。"))
            let tooEarly = try await staff.post(SideJobRoute.apply(.id(try later.requireID())).path, [("motivation", "関わりたい")])
            #expect(tooEarly.status == .unprocessableEntity)
            #expect(tooEarly.body.string.contains("応募の受付期間（令和8年12月1日〜令和8年12月10日）の前です。令和8年12月1日から応募できます。"))
            let unplaced = try await browser(app, Demo.promotionTeam)
            let noSection = try await unplaced.post(SideJobRoute.apply(.id(try openJob.requireID())).path, [("motivation", "関わりたい")])
            #expect(noSection.status == .unprocessableEntity)
            #expect(noSection.body.string.contains("現在の所属が登録されていないため、所属長の承認を受けられません。人事担当にお問い合わせください。"))
            #expect(try await SideJobApplication.query(on: app.db).count() == 0)
        }
    }

    // MARK: - Hours

    @Test("hours are logged per month of the period up to this month, by the member or the host, and refused past the cap across all of a person's side jobs")
    func hoursAndTheCap() async throws {
        try await withCity { app in
            let festival = try await Self.sideJob(app, "地区まつりの運営補助", opens: "2026-07-01", closes: "2026-07-31", start: "2026-09-01", end: "2027-01-31", seats: 3, hours: 10)
            let survey = try await Self.sideJob(app, "地域公共交通の利用者調査", opens: "2026-08-01", closes: "2026-08-20", start: "2026-10-01", end: "2027-02-28")
            try await Self.application(app, festival, Demo.staff, section: "101010", status: .approved, decidedBy: Demo.sectionManager)
            try await Self.application(app, festival, Demo.sectionManager, section: "1010", status: .approved, decidedBy: Demo.departmentHead)
            try await Self.application(app, survey, Demo.staff, section: "101010", status: .approved, decidedBy: Demo.sectionManager)
            let hr = try await browser(app, Demo.hr)
            #expect(try await hr.post(SideJobRoute.selection(.id(try festival.requireID())).path, [
                ("selected[]", try await Self.applicationID(app, festival, Demo.staff)), ("selected[]", try await Self.applicationID(app, festival, Demo.sectionManager)),
            ]).status == .seeOther, "selected while the work is under way")
            #expect(try await hr.post(SideJobRoute.selection(.id(try survey.requireID())).path, [
                ("selected[]", try await Self.applicationID(app, survey, Demo.staff)),
            ]).status == .seeOther)
            #expect(try await ParticipationRecord.query(on: app.db).count() == 3)

            let staff = try await browser(app, Demo.staff)
            let festivalHours = SideJobRoute.hours(.id(try festival.requireID())).path
            let surveyHours = SideJobRoute.hours(.id(try survey.requireID())).path
            let page = try await staff.get(festivalHours)
            #expect(page.status == .ok && page.body.string.contains("value=\"2026-11\"") && !page.body.string.contains("value=\"2026-12\""),
                    "the months offered end with this month")
            #expect(try await staff.post(festivalHours, [("member", Demo.staff), ("month", "2026-11"), ("hours", "12")]).status == .seeOther)
            #expect(try await staff.post(festivalHours, [("member", Demo.staff), ("month", "2026-10"), ("hours", "6")]).status == .seeOther)
            #expect(try await Self.ledger(app, festival, Demo.staff)?.hours == 18, "the ledger holds the hours so far")

            // Two side jobs in one month share the cap: 12 h logged, 8.5 more is over, exactly 8 is allowed.
            let over = try await staff.post(surveyHours, [("member", Demo.staff), ("month", "2026-11"), ("hours", "8.5")])
            #expect(over.status == .unprocessableEntity)
            #expect(over.body.string.contains("令和8年11月の庁内副業の時間は、すべての副業を合わせて月20時間までです。この月はほかの副業で既に12時間記録されているため、あと8時間まで記録できます。"))
            #expect(try await Self.ledger(app, survey, Demo.staff)?.hours == nil)
            #expect(try await staff.post(surveyHours, [("member", Demo.staff), ("month", "2026-11"), ("hours", "8")]).status == .seeOther, "exactly at the cap")
            #expect(try await Self.ledger(app, survey, Demo.staff)?.hours == 8)

            // Logging a month again replaces it; the other job's hours still count against the cap.
            let relogOver = try await staff.post(festivalHours, [("member", Demo.staff), ("month", "2026-11"), ("hours", "12.5")])
            #expect(relogOver.status == .unprocessableEntity)
            #expect(relogOver.body.string.contains("令和8年11月の庁内副業の時間は、すべての副業を合わせて月20時間までです。この月はほかの副業で既に8時間記録されているため、あと12時間まで記録できます。"))
            #expect(try await staff.post(festivalHours, [("member", Demo.staff), ("month", "2026-11"), ("hours", "11")]).status == .seeOther)
            let november = try await SideJobHourLog.query(on: app.db).filter(\.$sideJob.$id == festival.requireID())
                .filter(\.$staffNumber == "D0001").filter(\.$month == YearMonth(year: 2026, month: 11)!).all()
            #expect(november.map(\.hours) == [11])
            #expect(try await Self.ledger(app, festival, Demo.staff)?.hours == 17)

            // Bad months and hours, each named.
            let refusals: [([(String, String)], String)] = [
                ([("member", Demo.staff), ("month", "2026-12"), ("hours", "2")], "記録する月はまだ来ていない月です。今月（令和8年11月）までの時間を記録できます。"),
                ([("member", Demo.staff), ("month", "2026-08"), ("hours", "2")], "記録する月は業務期間（令和8年9月〜令和9年1月）の月から選んでください。"),
                ([("member", Demo.staff), ("month", "2026-13"), ("hours", "2")], "記録する月は年と月で入力してください（例：2026-11）。"),
                ([("member", Demo.staff), ("month", "2026-09"), ("hours", "abc")], "時間は0.5時間単位の数で入力してください（例：7.5）。"),
                ([("member", Demo.staff), ("month", "2026-09"), ("hours", "7.25")], "時間は0.5時間単位の数で入力してください（例：7.5）。"),
                ([("member", Demo.sectionManager), ("month", "2026-09"), ("hours", "2")], "職員の選択肢が正しくありません。"),
            ]
            for (fields, message) in refusals {
                let response = try await staff.post(festivalHours, fields)
                #expect(response.status == .unprocessableEntity, "\(message)")
                #expect(response.body.string.contains(message), "\(message)")
            }

            // The host logs for a member.
            try await hr.get(festivalHours)
            #expect(try await hr.post(festivalHours, [("member", Demo.sectionManager), ("month", "2026-09"), ("hours", "4")]).status == .seeOther)
            let hostLogged = try #require(try await SideJobHourLog.query(on: app.db).filter(\.$staffNumber == "D0002").first())
            #expect(hostLogged.loggedBy == "D0004" && hostLogged.hours == 4)
            #expect(try await Self.ledger(app, festival, Demo.sectionManager)?.hours == 4)

            // Someone who is neither member nor host neither sees nor logs them.
            let outsider = try await browser(app, "X0001")
            #expect(try await outsider.get(festivalHours).status == .notFound)
            #expect(try await outsider.post(festivalHours, [("member", Demo.staff), ("month", "2026-09"), ("hours", "1")]).status == .forbidden)
            #expect(try await SideJobHourLog.query(on: app.db).count() == 4, "festival: D0001 in October and November, D0002 in September; survey: D0001 in November")
        }
    }

    // MARK: - Closing

    @Test("after the period the host's closing report closes the job to hours; each member writes their own; the job shows both")
    func closingReports() async throws {
        try await withCity { app in
            let ended = try await Self.sideJob(app, "広報紙の特集記事の取材", opens: "2026-04-01", closes: "2026-04-30", start: "2026-06-01", end: "2026-10-31", hours: 6)
            let running = try await Self.sideJob(app, "防災訓練の企画", opens: "2026-07-01", closes: "2026-07-31", start: "2026-09-01", end: "2027-01-31")
            try await Self.application(app, ended, Demo.staff, section: "101010", status: .approved, decidedBy: Demo.sectionManager)
            let hr = try await browser(app, Demo.hr)
            let endedID = RouteParameter.id(try ended.requireID())
            let late = try await hr.post(SideJobRoute.selection(endedID).path, [("selected[]", try await Self.applicationID(app, ended, Demo.staff))])
            #expect(late.status == .unprocessableEntity && late.body.string.contains("業務期間が終了しているため、選考できません。"))
            // The member was selected in time (stored directly); the last month's hours come after the period.
            let membership = try #require(try await SideJobApplication.query(on: app.db).filter(\.$staffNumber == "D0001").first())
            membership.status = .selected
            try await membership.save(on: app.db)
            try await Self.application(app, running, Demo.staff, section: "101010", status: .selected, decidedBy: Demo.sectionManager)
            let staff = try await browser(app, Demo.staff)
            #expect(try await staff.post(SideJobRoute.hours(endedID).path, [("member", Demo.staff), ("month", "2026-10"), ("hours", "6")]).status == .seeOther)
            #expect(try await Self.ledger(app, ended, Demo.staff)?.hours == 6)

            // Before the end of the period, neither report.
            let runningID = RouteParameter.id(try running.requireID())
            let early = try await staff.post(SideJobRoute.memberReport(runningID).path, [("member_report", "学びました")])
            #expect(early.status == .unprocessableEntity && early.body.string.contains("報告は業務期間の終了（令和9年1月31日）後に書けます。"))
            let earlyHost = try await hr.post(SideJobRoute.closingReport(runningID).path, [("report_work", "企画"), ("report_outcome", "成果")])
            #expect(earlyHost.status == .unprocessableEntity && earlyHost.body.string.contains("報告は業務期間の終了（令和9年1月31日）後に書けます。"))

            // The host's closing report; only the host writes it.
            let manager = try await browser(app, Demo.sectionManager)
            #expect(try await manager.get(SideJobRoute.closingReport(endedID).path).status == .notFound)
            #expect(try await manager.post(SideJobRoute.closingReport(endedID).path, [("report_work", "x"), ("report_outcome", "y")]).status == .forbidden)
            try await hr.get(SideJobRoute.closingReport(endedID).path)
            let noOutcome = try await hr.post(SideJobRoute.closingReport(endedID).path, [("report_work", "特集2本の取材と執筆"), ("report_outcome", "")])
            #expect(noOutcome.status == .unprocessableEntity && noOutcome.body.string.contains("成果を入力してください。"))
            #expect(try await SideJob.find(ended.requireID(), on: app.db)?.isClosed == false)
            let reported = try await hr.post(SideJobRoute.closingReport(endedID).path, [("report_work", "特集2本の取材と執筆"), ("report_outcome", "読者の満足度が上がりました")])
            #expect(reported.status == .seeOther)
            let closed = try #require(try await SideJob.find(ended.requireID(), on: app.db))
            #expect(closed.isClosed && closed.closedBy == "D0004" && closed.reportOutcome == "読者の満足度が上がりました")

            // A closed job takes no more hours.
            let afterClosing = try await staff.post(SideJobRoute.hours(endedID).path, [("member", Demo.staff), ("month", "2026-10"), ("hours", "5")])
            #expect(afterClosing.status == .unprocessableEntity)
            #expect(afterClosing.body.string.contains("この副業は終了報告が提出されたため、時間は記録できません。"))
            #expect(try await SideJobHourLog.query(on: app.db).all().map(\.hours) == [6])

            // The member's own report; only members write one.
            let outsider = try await browser(app, "X0001")
            #expect(try await outsider.get(SideJobRoute.memberReport(endedID).path).status == .notFound)
            #expect(try await outsider.post(SideJobRoute.memberReport(endedID).path, [("member_report", "x")]).status == .forbidden)
            try await staff.get(SideJobRoute.memberReport(endedID).path)
            let emptyReport = try await staff.post(SideJobRoute.memberReport(endedID).path, [("member_report", "")])
            #expect(emptyReport.status == .unprocessableEntity && emptyReport.body.string.contains("学んだことを入力してください。"))
            #expect(try await staff.post(SideJobRoute.memberReport(endedID).path, [("member_report", "取材で市民の声を聞く大切さを学びました")]).status == .seeOther)

            let page = try await outsider.get(SideJobRoute.job(endedID).path)
            #expect(page.status == .ok)
            for text in ["特集2本の取材と執筆", "読者の満足度が上がりました", "取材で市民の声を聞く大切さを学びました", "青木 花子", "終了"] {
                #expect(page.body.string.contains(text), "\(text)")
            }
        }
    }

    // MARK: - The list

    @Test("the list shows the side jobs open for applications first, then the others by fiscal year, newest first")
    func listOrder() async throws {
        try await withCity { app in
            try await Self.sideJob(app, "昨年度の空き家調査", opens: "2025-05-01", closes: "2025-05-31", start: "2025-07-01", end: "2025-12-31")
            try await Self.sideJob(app, "今年度の見守り会議記録", opens: "2026-07-01", closes: "2026-07-31", start: "2026-09-01", end: "2027-01-31")
            try await Self.sideJob(app, "受付中の交通調査", opens: "2026-11-20", closes: "2026-12-10", start: "2027-01-04", end: "2027-03-31")
            let body = try await browser(app, Demo.staff).get(SideJobRoute.list.path).body.string
            let marks = ["<h2>募集中・募集予定</h2>", "受付中の交通調査", "<h2>令和8年度</h2>", "今年度の見守り会議記録", "<h2>令和7年度</h2>", "昨年度の空き家調査"]
            let positions = try marks.map { mark in try #require(body.range(of: mark)?.lowerBound, "\(mark) is on the list") }
            #expect(positions == positions.sorted(), "in the order \(marks)")
        }
    }
}
