import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Testing
import Vapor
import VaporTesting

/// Dialogue sessions through their pages on the fixture city at 2026-11-30 12:00 in Japan (令和8年度):
/// posting, registering with the waiting list moving up by itself (also under concurrent
/// registrations and cancellations), invitations, attendance by the organizer and by code into the
/// participation ledger, the closing report and findings with their search, the iCalendar file and
/// the personal feed read by a real parser, interview notes kept to the interviewers, study groups.
@Suite("Dialogue: sessions, waiting list, attendance, findings, calendar, interviews, study groups")
struct DialogueSessionTests {
    func withCity(_ body: (Application) async throws -> Void) async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            try await SideJobTests.account(app, "X0001", "佐藤 一郎", roles: [.staff])
            try await body(app)
        }
    }

    /// A signed-in browser holding its session's token.
    func browser(_ app: Application, _ number: String) async throws -> Browser {
        let browser = Browser(app)
        try #require(try await browser.logIn(number).status == .seeOther, "\(number) signs in")
        try #require(try await browser.get(SessionRoute.list.path).status == .ok)
        return browser
    }

    /// A session stored directly, for days and hours the posting form cannot reach (today, the
    /// past); held by 人事係 and created by HR.
    @discardableResult
    static func session(
        _ app: Application, _ title: String, date: String, start: String = "13:30", end: String = "16:00", capacity: Int = 2,
        opens: String = "2026-11-20", closes: String? = nil, openCall: Bool = true, mode: DialogueSessionMode = .onSite,
        about: String = "若手職員と先輩職員が仕事のやりがいを語り合います。", link: String? = nil
    ) async throws -> DialogueSession {
        let time = try #require(DialogueSessionTime(date: day(date), start: DialogueSessionTime.minutes(from: start)!, end: DialogueSessionTime.minutes(from: end)!))
        let session = DialogueSession(
            title: title, kind: .workshop, about: about, time: time, mode: mode, place: mode == .onSite ? "本庁舎 4階 大会議室" : nil,
            onlineLink: mode == .online ? link : nil, capacity: capacity, window: DialogueRegistrationWindow(opens: day(opens), closes: day(closes ?? date)),
            isOpenCall: openCall, hostSectionCode: "101010", attendanceCode: "K7P2QX", createdBy: "D0004", createdAt: Date())
        try await session.create(on: app.db)
        return session
    }

    /// A registration stored directly, next in the queue.
    @discardableResult
    static func register(_ app: Application, _ session: DialogueSession, _ number: String, _ status: DialogueSeatStatus = .registered,
                         invited: Bool = false) async throws -> DialogueRegistration {
        let queue = try await DialogueRegistration.query(on: app.db).filter(\.$session.$id == session.requireID()).count() + 1
        let registration = DialogueRegistration(sessionID: try session.requireID(), staffNumber: StaffNumber(number), status: status, queueNumber: queue,
                                                isInvited: invited, registeredAt: Date())
        try await registration.create(on: app.db)
        return registration
    }

    static func rows(_ app: Application, _ session: DialogueSession) async throws -> [DialogueRegistration] {
        try await DialogueRegistration.query(on: app.db).filter(\.$session.$id == session.requireID()).sort(\.$queueNumber).all()
    }

    static func row(_ app: Application, _ session: DialogueSession, _ number: String) async throws -> DialogueRegistration? {
        try await DialogueRegistration.query(on: app.db).filter(\.$session.$id == session.requireID()).filter(\.$staffNumber == StaffNumber(number)).first()
    }

    static func ledger(_ app: Application, _ session: DialogueSession, _ number: String) async throws -> ParticipationRecord? {
        try await ParticipationRecord.query(on: app.db).filter(\.$kind == .dialogueSession).filter(\.$activityID == session.activityID)
            .filter(\.$staffNumber == StaffNumber(number)).first()
    }


    /// The page a 303 leads to, as the browser shows it (with the flash).
    static func followed(_ browser: Browser, _ response: PageResponse) async throws -> String {
        #expect(response.status == .seeOther)
        return try await browser.get(try #require(response.headers.first(name: .location))).body.string
    }

    // MARK: - Posting

    @Test("an organizer posts a session for a section they reach (HR for any); each bad field is named and nothing is saved")
    func posting() async throws {
        try await withCity { app in
            let form: [(String, String)] = [
                ("title", "若手職員と語る会"), ("kind", "workshop"), ("host_section", "101010"), ("about", "仕事のやりがいと悩みを語り合います。"),
                ("date", "2026-12-10"), ("starts_at", "13:30"), ("ends_at", "16:00"), ("mode", "on_site"), ("place", "本庁舎 4階 大会議室"),
                ("online_link", ""), ("capacity", "20"), ("registration_opens_on", "2026-11-30"), ("registration_closes_on", "2026-12-09"), ("call", "open"),
            ]
            func changed(_ changes: [String: String]) -> [(String, String)] { form.map { (name, value) in (name, changes[name] ?? value) } }
            let manager = try await browser(app, Demo.sectionManager)
            #expect(try await manager.get(SessionRoute.new.path).status == .ok)
            let refusals: [([String: String], String)] = [
                (["title": ""], "名称を入力してください。"),
                (["host_section": "2010"], "開催する所属は、あなたが対話の場を開ける所属から選んでください。"),
                (["starts_at": "13時"], "開始時刻は「13:30」のように時と分で入力してください。"),
                (["ends_at": "13:00"], "終了時刻は開始時刻より後の時刻にしてください（同じ日のうちに終わる時刻）。"),
                (["mode": "online", "place": ""], "オンラインの接続先を入力してください。"),
                (["mode": "online", "online_link": "meet.example.jp/x"], "オンラインの接続先は「https://」で始まるアドレスを、空白を入れずに入力してください。"),
                (["place": ""], "会場を入力してください。"),
                (["capacity": "0"], "定員は 1〜500 の整数で入力してください。"),
                (["registration_closes_on": "2026-12-11"], "申込みの締切日は開催日（令和8年12月10日）までの日付にしてください。"),
                (["registration_opens_on": "2026-12-05", "registration_closes_on": "2026-12-01"], "申込みの締切日は受付開始日（令和8年12月5日）以降の日付にしてください。"),
            ]
            for (changes, message) in refusals {
                let response = try await manager.post(SessionRoute.new.path, changed(changes))
                #expect(response.status == .unprocessableEntity, "\(changes)")
                #expect(response.body.string.contains(message), "\(changes): \(message)")
            }
            #expect(try await DialogueSession.query(on: app.db).count() == 0, "nothing is saved from a refused form")

            let posted = try await manager.post(SessionRoute.new.path, form)
            #expect(posted.status == .seeOther)
            let session = try #require(try await DialogueSession.query(on: app.db).first())
            #expect(posted.headers.first(name: .location) == SessionRoute.session(.value(session.activityID)).path)
            #expect(session.title == "若手職員と語る会" && session.kind == .workshop && session.hostSectionCode == "101010" && session.capacity == 20)
            #expect(session.time == DialogueSessionTime(date: day("2026-12-10"), start: 810, end: 960) && session.fiscalYear == 2026)
            #expect(session.window == DialogueRegistrationWindow(opens: day("2026-11-30"), closes: day("2026-12-09")))
            #expect(session.isOpenCall && session.place == "本庁舎 4階 大会議室" && session.onlineLink == nil && session.createdBy == "D0002")
            #expect(session.attendanceCode.count == 6 && session.attendanceCode.allSatisfy { DialogueAttendanceRule.codeAlphabet.contains($0) })
            #expect(try await AuditEvent.query(on: app.db).filter(\.$subjectType == "dialogue_session").filter(\.$action == "create").count() == 1)
            let page = try await manager.get(SessionRoute.session(.value(session.activityID)).path)
            #expect(page.status == .ok && page.body.string.contains("仕事のやりがいと悩みを語り合います。") && page.body.string.contains(session.attendanceCode))

            let staff = try await browser(app, Demo.staff)
            #expect(try await staff.get(SessionRoute.new.path).status == .forbidden, "staff do not post sessions")
            #expect(!(try await staff.get(SessionRoute.session(.value(session.activityID)).path).body.string.contains(session.attendanceCode)), "the code is the organizer's")
            let hr = try await browser(app, Demo.hr)
            try await hr.get(SessionRoute.new.path)
            #expect(try await hr.post(SessionRoute.new.path, changed(["host_section": "2010", "title": "中央地区 まちづくり対話", "kind": "citizen_dialogue"])).status == .seeOther,
                    "HR holds sessions for any section")
            #expect(try await DialogueSession.query(on: app.db).filter(\.$hostSectionCode == "2010").filter(\.$kind == .citizenDialogue).count() == 1)
        }
    }

    // MARK: - Registering and the waiting list

    @Test("seats go first come, first served; a full session puts people on the waiting list and says so; a cancellation moves the longest waiting up, who is told on their home page")
    func waitingList() async throws {
        try await withCity { app in
            let session = try await Self.session(app, "若手職員と語る会", date: "2026-12-10")
            let page = SessionRoute.session(.value(session.activityID)).path
            let register = SessionRoute.register(.value(session.activityID)).path
            let cancel = SessionRoute.cancel(.value(session.activityID)).path
            let staff = try await browser(app, Demo.staff)
            let center = try await browser(app, "X0001")
            let hr = try await browser(app, Demo.hr)
            let manager = try await browser(app, Demo.sectionManager)
            let head = try await browser(app, Demo.departmentHead)

            #expect(try await Self.followed(staff, try await staff.post(register, [])).contains("「若手職員と語る会」への参加が決まりました。"))
            #expect(try await Self.followed(center, try await center.post(register, [])).contains("「若手職員と語る会」への参加が決まりました。"))
            let full = try await head.get(page).body.string
            #expect(full.contains("定員2人（参加2人・キャンセル待ち0人）") && full.contains("キャンセル待ちに申し込む"))
            #expect(full.contains("満席です。いま申し込むとキャンセル待ち（0人が待っています）の後ろに並び"))
            #expect(try await Self.followed(hr, try await hr.post(register, [])).contains(
                "「若手職員と語る会」は満席のため、キャンセル待ちの1番目に登録しました。空きが出ると自動で参加が決まり、ホーム画面でお知らせします。"))
            #expect(try await Self.followed(manager, try await manager.post(register, [])).contains("キャンセル待ちの2番目に登録しました。"))
            #expect(try await Self.rows(app, session).map { "\($0.staffNumber.rawValue):\($0.status.rawValue):\($0.queueNumber)" }
                    == ["D0001:registered:1", "X0001:registered:2", "D0004:waiting:3", "D0002:waiting:4"])
            #expect(try await manager.get(page).body.string.contains("キャンセル待ち（2番目）"))

            // Registering twice is refused with what the person already has; nothing changes.
            #expect(try await Self.followed(staff, try await staff.post(register, [])).contains("この対話の場にはすでに申し込んでいて、参加が決まっています。"))
            #expect(try await Self.followed(hr, try await hr.post(register, [])).contains("この対話の場にはすでに申し込んでいて、キャンセル待ちに並んでいます。"))
            #expect(try await Self.rows(app, session).count == 4)

            // The staff member cancels: HR, first on the waiting list, moves up by itself.
            #expect(try await Self.followed(staff, try await staff.post(cancel, [])).contains("「若手職員と語る会」への申込みを取り消しました。"))
            let afterCancel = try await Self.rows(app, session)
            #expect(afterCancel.map { "\($0.staffNumber.rawValue):\($0.status.rawValue)" } == ["D0001:cancelled", "X0001:registered", "D0004:registered", "D0002:waiting"])
            #expect(try await Self.row(app, session, Demo.hr)?.promotedAt != nil)
            let hrHome = try await hr.get(PlatformRoute.home.path).body.string
            #expect(hrHome.contains("キャンセルが出たため、「若手職員と語る会」（令和8年12月10日 13:30〜16:00）への参加が決まりました。"))
            #expect(hrHome.contains(page))
            #expect(try await hr.get(page).body.string.contains("キャンセルが出たため、キャンセル待ちから参加が決まりました。"))
            #expect(!(try await manager.get(PlatformRoute.home.path).body.string.contains("キャンセルが出たため")), "only the one moved up is told")
            #expect(try await manager.get(page).body.string.contains("キャンセル待ち（1番目）"))

            // One who cancelled may register again, at the end of the queue; the next cancellation moves up the longest waiting.
            #expect(try await Self.followed(staff, try await staff.post(register, [])).contains("キャンセル待ちの2番目に登録しました。"))
            #expect(try await Self.row(app, session, Demo.staff)?.queueNumber == 5)
            #expect(try await center.post(cancel, []).status == .seeOther)
            #expect(try await Self.rows(app, session).map { "\($0.staffNumber.rawValue):\($0.status.rawValue)" }
                    == ["X0001:cancelled", "D0004:registered", "D0002:registered", "D0001:waiting"])
            // Cancelling what one does not hold.
            #expect(try await Self.followed(center, try await center.post(cancel, [])).contains("この対話の場には申し込んでいません。"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$subjectType == "dialogue_registration").count() == 7)

            // The organizer sees the list with the waiting order and who moved up.
            let organizer = try await hr.get(page).body.string
            #expect(organizer.contains("江藤 美咲（総務部 人事課 人事係）") && organizer.contains("キャンセル待ちから繰上げ"))
            #expect(organizer.contains("青木 花子（総務部 人事課 人事係）") && organizer.contains("1番目"))
        }
    }

    @Test("registration is refused outside the window, after the start and for an invitation-only session; cancelling after the start too; nothing is saved")
    func registrationRefusals() async throws {
        try await withCity { app in
            let staff = try await browser(app, Demo.staff)
            let closed = try await Self.session(app, "締切済みの会", date: "2026-12-10", opens: "2026-11-01", closes: "2026-11-20")
            #expect(try await Self.followed(staff, try await staff.post(SessionRoute.register(.value(closed.activityID)).path, [])).contains("申込みは令和8年11月20日で締め切りました。"))
            let later = try await Self.session(app, "受付前の会", date: "2026-12-10", opens: "2026-12-01")
            #expect(try await Self.followed(staff, try await staff.post(SessionRoute.register(.value(later.activityID)).path, [])).contains("申込みの受付は令和8年12月1日からです。"))
            let started = try await Self.session(app, "始まった会", date: "2026-11-30", start: "9:00", end: "11:00", opens: "2026-11-20")
            #expect(try await Self.followed(staff, try await staff.post(SessionRoute.register(.value(started.activityID)).path, [])).contains("この対話の場はすでに始まっているため、申し込めません。"))
            let running = try await Self.session(app, "開催中の会", date: "2026-11-30", start: "11:30", end: "13:00")
            try await Self.register(app, running, Demo.staff)
            #expect(try await Self.followed(staff, try await staff.post(SessionRoute.cancel(.value(running.activityID)).path, [])).contains(
                "この対話の場はすでに始まっているため、取り消せません。欠席するときは主催者に連絡してください。"))
            #expect(try await Self.row(app, running, Demo.staff)?.status == .registered)

            // An invitation-only session does not exist for others: no page, no registration, no calendar file.
            let invited = try await Self.session(app, "所属長との1on1", date: "2026-12-10", openCall: false)
            #expect(try await staff.get(SessionRoute.session(.value(invited.activityID)).path).status == .notFound)
            #expect(try await staff.post(SessionRoute.register(.value(invited.activityID)).path, []).status == .notFound)
            let calendar = try await staff.get(SessionRoute.calendarFile(.value(invited.activityID)).path)
            #expect(calendar.status == .notFound)
            #expect(calendar.body.string.contains("この対話の場は見つからないか、招待された方だけが見られる場です。"))
            #expect(!calendar.body.string.contains("所属長との1on1"))
            #expect(!(try await staff.get(SessionRoute.list.path).body.string.contains("所属長との1on1")))
            #expect(try await DialogueRegistration.query(on: app.db).count() == 1, "only the stored registration")
            // Those invited see it and may register again after cancelling.
            try await Self.register(app, invited, "X0001", invited: true)
            let center = try await browser(app, "X0001")
            #expect(try await center.get(SessionRoute.session(.value(invited.activityID)).path).status == .ok)
            #expect(try await center.post(SessionRoute.cancel(.value(invited.activityID)).path, []).headers.first(name: .location) == SessionRoute.list.path)
            #expect(try await Self.followed(center, try await center.post(SessionRoute.register(.value(invited.activityID)).path, [])).contains("「所属長との1on1」への参加が決まりました。"))
        }
    }

    // MARK: - Concurrency

    /// Staff of the district center with accounts (one password hash for all), for many browsers at once.
    static func crowd(_ app: Application, count: Int) async throws -> [String] {
        let hash = try await app.password.async.hash(AppSettings.defaultDemoPassword)
        var numbers: [String] = []
        for index in 1...count {
            let number = String(format: "Z%04d", index)
            let member = StaffMember(record: OrganizationFixture.staff(number, "職員 \(index)号", "ショクイン"))
            member.currentSectionCode = "2010"
            member.currentPost = "主事"
            try await member.create(on: app.db)
            let user = User(staffNumber: StaffNumber(number), displayName: "職員 \(index)号", passwordHash: hash)
            try await user.create(on: app.db)
            try await UserRole(userID: try user.requireID(), role: .staff).create(on: app.db)
            numbers.append(number)
        }
        return numbers
    }

    /// Sends the posts at once, each from its own browser; their statuses.
    static func atOnce(_ requests: [(Browser, String)]) async throws -> [HTTPResponseStatus] {
        try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
            for (browser, path) in requests {
                group.addTask { try await browser.post(path, []).status }
            }
            var statuses: [HTTPResponseStatus] = []
            for try await status in group { statuses.append(status) }
            return statuses
        }
    }

    @Test("many registrations and cancellations at once (SQLite and PostgreSQL): no seat is given twice, the queue keeps its order, seats go to the longest waiting")
    func concurrentRegistrationsAndCancellations() async throws {
        try await withCity { app in
            let numbers = try await Self.crowd(app, count: 14)
            let session = try await Self.session(app, "人気のワークショップ", date: "2026-12-20", capacity: 4)
            let register = SessionRoute.register(.value(session.activityID)).path
            let cancel = SessionRoute.cancel(.value(session.activityID)).path
            var browsers: [String: Browser] = [:]
            for number in numbers {
                let signedIn = try await browser(app, number)
                try #require(try await signedIn.get(SessionRoute.session(.value(session.activityID)).path).status == .ok)
                browsers[number] = signedIn
            }

            // Twelve register at once.
            let first = try await Self.atOnce(numbers.prefix(12).map { (browsers[$0]!, register) })
            #expect(first.count == 12 && first.allSatisfy { $0 == .seeOther }, "\(first)")
            let listed = try await Self.rows(app, session)
            #expect(listed.count == 12)
            #expect(listed.map(\.queueNumber) == Array(1...12), "every registration has its own place in the queue")
            #expect(listed.filter { $0.status == .registered }.map(\.queueNumber) == [1, 2, 3, 4], "the first four took the four seats")
            #expect(listed.filter { $0.status == .waiting }.count == 8)

            // Three seat holders and two waiting cancel while two more register, all at once.
            let seated = listed.prefix(4).map(\.staffNumber.rawValue)
            let waiting = listed.dropFirst(4).map(\.staffNumber.rawValue)
            let leaving = Array(seated.prefix(3)) + [waiting[1], waiting[4]]
            let second = try await Self.atOnce(leaving.map { (browsers[$0]!, cancel) } + numbers.suffix(2).map { (browsers[$0]!, register) })
            #expect(second.count == 7 && second.allSatisfy { $0 == .seeOther }, "\(second)")
            let after = try await Self.rows(app, session)
            #expect(after.count == 14)
            #expect(Set(after.map(\.queueNumber)).count == 14, "no two share a place in the queue")
            let seats = after.filter { $0.status == .registered }
            #expect(seats.count == 4, "never more seats than the capacity")
            // The seats are the first four still on the list, in queue order: the one seat holder who
            // stayed and the three who waited longest (the second waiting left).
            #expect(seats.map(\.staffNumber.rawValue) == [seated[3], waiting[0], waiting[2], waiting[3]])
            #expect(Set(after.filter { $0.promotedAt != nil }.map(\.staffNumber.rawValue)) == [waiting[0], waiting[2], waiting[3]])
            #expect(after.filter { $0.status == .waiting }.map(\.staffNumber.rawValue).prefix(3) == [waiting[5], waiting[6], waiting[7]],
                    "the waiting keep their order")
            #expect(Set(after.filter { $0.status == .waiting }.suffix(2).map(\.staffNumber.rawValue)) == Set(numbers.suffix(2)),
                    "newcomers wait behind everyone already waiting")
            #expect(after.filter { $0.status == .cancelled }.count == 5)
        }
    }

    // MARK: - Invitations and attendance

    @Test("the organizer invites staff (ledger route: nominated), records attendance from the session's day, and the ledger follows each change")
    func invitationsAndAttendance() async throws {
        try await withCity { app in
            let hr = try await browser(app, Demo.hr)
            let staff = try await browser(app, Demo.staff)
            let coming = try await Self.session(app, "来月のワークショップ", date: "2026-12-10", capacity: 1)
            let invite = SessionRoute.invite(.value(coming.activityID)).path
            try await hr.get(SessionRoute.session(.value(coming.activityID)).path)
            let unknown = try await hr.post(invite, [("staff_number", "Z9999")])
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("職員番号「Z9999」の職員は見つかりません。"))
            #expect(try await Self.followed(hr, try await hr.post(invite, [("staff_number", "x0001")])).contains("佐藤 一郎さんを招待し、参加が決まりました。"))
            #expect(try await Self.followed(hr, try await hr.post(invite, [("staff_number", "D0001")])).contains(
                "青木 花子さんを招待しました。満席のため、キャンセル待ちの1番目です。"))
            let twice = try await hr.post(invite, [("staff_number", "D0001")])
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains("青木 花子さんはすでにこの対話の場の参加者（またはキャンセル待ち）です。"))
            #expect(try await Self.row(app, coming, "X0001")?.isInvited == true)
            #expect(try await staff.post(invite, [("staff_number", "D0003")]).status == .forbidden, "only those running the session invite")
            // Attendance waits for the session's day.
            let invitedRow = try #require(try await Self.row(app, coming, "X0001"))
            let early = try await hr.post(SessionRoute.attendance(.value(coming.activityID)).path, [("attended[]", invitedRow.entry.id)])
            #expect(try await Self.followed(hr, early).contains("出席は開催日（令和8年12月10日）から記録できます。"))
            #expect(try await Self.row(app, coming, "X0001")?.attended == false)

            let held = try await Self.session(app, "今朝のワークショップ", date: "2026-11-30", start: "9:00", end: "11:00", capacity: 2)
            let staffRow = try await Self.register(app, held, Demo.staff)
            let centerRow = try await Self.register(app, held, "X0001", invited: true)
            let managerRow = try await Self.register(app, held, Demo.sectionManager, .waiting)
            let attendance = SessionRoute.attendance(.value(held.activityID)).path
            let page = try await hr.get(SessionRoute.session(.value(held.activityID)).path).body.string
            #expect(page.contains("name=\"attended[]\"") && page.contains("石田 誠（キャンセル待ち）"))
            #expect(try await staff.post(attendance, [("attended[]", staffRow.entry.id)]).status == .forbidden)
            let saved = try await hr.post(attendance, [("attended[]", staffRow.entry.id), ("attended[]", managerRow.entry.id)])
            #expect(try await Self.followed(hr, saved).contains("出席を保存しました（出席2人）。"))
            let staffEntry = try #require(try await Self.ledger(app, held, Demo.staff))
            #expect(staffEntry.route == .volunteered && staffEntry.hours == 2 && staffEntry.fiscalYear == 2026 && staffEntry.date == day("2026-11-30"))
            #expect(staffEntry.activityTitle == "今朝のワークショップ" && staffEntry.sectionCode == "101010" && staffEntry.departmentCode == "10")
            #expect(!staffEntry.crossesSections, "held by the staff member's own unit")
            #expect(try await Self.ledger(app, held, Demo.sectionManager)?.crossesSections == true, "one who came from the waiting list is recorded too")
            // Unticking takes the entry out; the invited person's entry says so.
            #expect(try await hr.post(attendance, [("attended[]", centerRow.entry.id)]).status == .seeOther)
            #expect(try await Self.ledger(app, held, Demo.staff) == nil)
            #expect(try await Self.ledger(app, held, Demo.sectionManager) == nil)
            #expect(try await Self.ledger(app, held, "X0001")?.route == .nominated)
            let stale = try await hr.post(attendance, [("attended[]", UUID().uuidString.lowercased())])
            #expect(try await Self.followed(hr, stale).contains("申込みの状況が変わっています。"))
            #expect(try await Self.ledger(app, held, "X0001") != nil, "a stale form changes nothing")
            // Invitations stop once the session has begun.
            let late = try await hr.post(SessionRoute.invite(.value(held.activityID)).path, [("staff_number", "D0003")])
            #expect(late.status == .unprocessableEntity && late.body.string.contains("この対話の場はすでに始まっているため、申し込めません。"))

            // The participation shows on the person's own staff page, by fiscal year.
            #expect(try await hr.post(attendance, [("attended[]", staffRow.entry.id), ("attended[]", centerRow.entry.id)]).status == .seeOther)
            let staffPage = try await staff.get(OrganizationRoute.staff(.staff("D0001")).path).body.string
            #expect(staffPage.contains("対話の場") && staffPage.contains("今朝のワークショップ") && staffPage.contains("令和8年度"))
        }
    }

    @Test("the attendee enters the code on the day from half an hour before; wrong codes, no seat and twice are refused with the reason")
    func attendanceCode() async throws {
        try await withCity { app in
            let staff = try await browser(app, Demo.staff)
            let center = try await browser(app, "X0001")
            let soon = try await Self.session(app, "昼のワークショップ", date: "2026-11-30", start: "12:15", end: "13:00", capacity: 1)
            try await Self.register(app, soon, Demo.staff)
            try await Self.register(app, soon, "X0001", .waiting)
            let checkIn = SessionRoute.checkIn(.value(soon.activityID)).path
            #expect(try await staff.get(SessionRoute.session(.value(soon.activityID)).path).body.string.contains("name=\"code\""))
            let wrong = try await staff.post(checkIn, [("code", "AAAAAA")])
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("出席コードが違います。主催者が伝えたコードを確かめてください。"))
            #expect(try await Self.row(app, soon, Demo.staff)?.attended == false)
            #expect(try await Self.followed(staff, try await staff.post(checkIn, [("code", "ｋ７ｐ２ｑｘ")])).contains("「昼のワークショップ」への出席を記録しました。"))
            let row = try #require(try await Self.row(app, soon, Demo.staff))
            #expect(row.attended && row.attendanceRecordedBy == "D0001")
            #expect(try await Self.ledger(app, soon, Demo.staff)?.route == .volunteered)
            let twice = try await staff.post(checkIn, [("code", "K7P2QX")])
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains("出席はすでに記録されています。"))
            try await center.get(SessionRoute.session(.value(soon.activityID)).path)
            let noSeat = try await center.post(checkIn, [("code", "K7P2QX")])
            #expect(noSeat.status == .unprocessableEntity && noSeat.body.string.contains("出席コードを入力できるのは、参加が決まっている方です。"))
            #expect(try await Self.ledger(app, soon, "X0001") == nil)

            let afternoon = try await Self.session(app, "午後のワークショップ", date: "2026-11-30", start: "13:00", end: "14:00")
            try await Self.register(app, afternoon, Demo.staff)
            let early = try await staff.post(SessionRoute.checkIn(.value(afternoon.activityID)).path, [("code", "K7P2QX")])
            #expect(early.status == .unprocessableEntity && early.body.string.contains("出席コードは令和8年11月30日 12:30から入力できます。"))
        }
    }

    // MARK: - Report and findings

    @Test("the closing report after the session, counting at least those recorded; findings with tags, searchable by tag, kind and fiscal year; the figures for the Policy module")
    func reportAndFindings() async throws {
        try await withCity { app in
            let hr = try await browser(app, Demo.hr)
            let staff = try await browser(app, Demo.staff)
            let held = try await Self.session(app, "今朝のワークショップ", date: "2026-11-30", start: "9:00", end: "11:00")
            let attended = try await Self.register(app, held, Demo.staff)
            #expect(try await hr.post(SessionRoute.attendance(.value(held.activityID)).path, [("attended[]", attended.entry.id)]).status == .seeOther)
            let report = SessionRoute.report(.value(held.activityID)).path
            #expect(try await staff.get(report).status == .notFound, "the report is written by those running the session")
            #expect(try await hr.get(report).body.string.contains("出席を記録した職員（1人）以上の数にします。"))
            let tooFew = try await hr.post(report, [("minutes", "グループで話し合った。"), ("attendee_count", "0")])
            #expect(tooFew.status == .unprocessableEntity && tooFew.body.string.contains("参加人数は、出席を記録した職員の数（1人）以上にしてください。"))
            let noMinutes = try await hr.post(report, [("minutes", " "), ("attendee_count", "12")])
            #expect(noMinutes.status == .unprocessableEntity && noMinutes.body.string.contains("議事の要旨を入力してください。"))
            #expect(try await DialogueSession.find(held.requireID(), on: app.db)?.isReported == false)
            #expect(try await Self.followed(hr, try await hr.post(report, [("minutes", "グループで話し合った。"), ("attendee_count", "12")]))
                    .contains("「今朝のワークショップ」の開催報告を保存しました。"))
            let stored = try #require(try await DialogueSession.find(held.requireID(), on: app.db))
            #expect(stored.reportMinutes == "グループで話し合った。" && stored.reportAttendeeCount == 12 && stored.reportedBy == "D0004")
            let shown = try await staff.get(SessionRoute.session(.value(held.activityID)).path).body.string
            #expect(shown.contains("グループで話し合った。") && shown.contains("12人"))
            let center = try await browser(app, "X0001")
            #expect(try await Self.followed(center, try await center.post(SessionRoute.register(.value(held.activityID)).path, [])).contains(
                "この対話の場は開催報告が済んでいるため、申し込めません。"))

            let coming = try await Self.session(app, "来月のワークショップ", date: "2026-12-10")
            #expect(try await hr.get(SessionRoute.report(.value(coming.activityID)).path).body.string.contains("開催報告は、対話の場が終わった後（令和8年12月10日 16:00以降）に書けます。"))
            let notYet = try await hr.post(SessionRoute.report(.value(coming.activityID)).path, [("minutes", "まだ"), ("attendee_count", "3")])
            #expect(notYet.status == .unprocessableEntity && notYet.body.string.contains("開催報告は、対話の場が終わった後（令和8年12月10日 16:00以降）に書けます。"))

            // Findings.
            let findings = SessionRoute.findings(.value(held.activityID)).path
            try await hr.get(SessionRoute.session(.value(held.activityID)).path)
            let noTags = try await hr.post(findings, [("body", "他部署の仕事を知る機会が少ない。"), ("tags", "")])
            #expect(noTags.status == .unprocessableEntity && noTags.body.string.contains("タグを入力してください。"))
            let tooMany = try await hr.post(findings, [("body", "他部署の仕事を知る機会が少ない。"), ("tags", (1...9).map { "タグ\($0)" }.joined(separator: "、"))])
            #expect(tooMany.status == .unprocessableEntity && tooMany.body.string.contains("タグは8個までにしてください。"))
            let early = try await hr.post(SessionRoute.findings(.value(coming.activityID)).path, [("body", "まだ"), ("tags", "キャリア")])
            #expect(early.status == .unprocessableEntity && early.body.string.contains("気づきは、対話の場が終わった後（令和8年12月10日 16:00以降）に追加できます。"))
            #expect(try await staff.post(findings, [("body", "職員の気づき"), ("tags", "キャリア")]).status == .forbidden)
            #expect(try await DialogueFinding.query(on: app.db).count() == 0)
            #expect(try await Self.followed(hr, try await hr.post(findings, [("body", "他部署の仕事を知る機会が少ない。"), ("tags", "キャリア、＃ＤＸ, キャリア")]))
                    .contains("気づきを追加しました。"))
            let finding = try #require(try await DialogueFinding.query(on: app.db).with(\.$tags).first())
            #expect(Set(finding.tags.map(\.tag)) == ["キャリア", "DX"] && finding.kind == .workshop && finding.fiscalYear == 2026)

            func search(_ query: [(String, String)]) async throws -> String {
                try await staff.get(SessionRoute.findingSearch.path(query: query)).body.string
            }
            let text = "他部署の仕事を知る機会が少ない。"
            #expect(try await search([("tag", "ＤＸ")]).contains(text))
            #expect(try await search([("tag", "キャリア"), ("fy", "2026"), ("kind", "workshop")]).contains(text))
            #expect(try await search([]).contains("今朝のワークショップ"), "each finding names where it came from")
            #expect(!(try await search([("tag", "防災")]).contains(text)))
            #expect(!(try await search([("kind", "citizen_dialogue")]).contains(text)))
            #expect(!(try await search([("fy", "2025")]).contains(text)))

            // The Policy module's figures: one reported session, one participant among five placed staff.
            #expect(try await DialogueFigureQueries.sessionsHeld(fiscalYear: 2026, on: app.db) == 1)
            #expect(try await DialogueFigureQueries.sessionsHeld(fiscalYear: 2025, on: app.db) == 0)
            #expect(try await DialogueFigureQueries.participants(fiscalYear: 2026, on: app.db) == 1)
            #expect(try await DialogueFigureQueries.shareOfStaffTakingPart(fiscalYear: 2026, on: app.db) == 0.2)
        }
    }

    // MARK: - iCalendar

    @Test("a session's .ics and the personal feed parse with Python's icalendar: local times in Asia/Tokyo, escaped text, the link only with a seat; the feed's token is kept as a hash and can be replaced or stopped")
    func calendar() async throws {
        try await withCity { app in
            let title = #"対話, 問い; そして\気づき"#
            let online = try await Self.session(app, title, date: "2026-12-10", mode: .online, about: "一行目\n二行目、三行目",
                                                link: "https://meet.example.jp/j/123?pwd=a,b")
            try await Self.register(app, online, Demo.staff)
            let staff = try await browser(app, Demo.staff)
            let file = try await staff.get(SessionRoute.calendarFile(.value(online.activityID)).path)
            #expect(file.status == .ok && file.headers.first(name: .contentType) == "text/calendar; charset=utf-8")
            let bytes = Array(file.body.readableBytesView)
            #expect(bytes.enumerated().allSatisfy { index, byte in byte != 10 || (index > 0 && bytes[index - 1] == 13) }, "every line ends in CRLF")
            let parsed = try ICalendarParser.parse(file.body.string)
            #expect(parsed.timezones == ["Asia/Tokyo"])
            let event = try #require(parsed.events.first)
            #expect(parsed.events.count == 1)
            #expect(event.uid == online.activityID + "@jibungoto")
            #expect(event.summary == title)
            #expect(event.description == "ワークショップ\n一行目\n二行目、三行目")
            #expect(event.start == "2026-12-10T13:30:00+09:00" && event.end == "2026-12-10T16:00:00+09:00" && event.tzid == "Asia/Tokyo")
            #expect(event.url == "https://meet.example.jp/j/123?pwd=a,b" && event.location == "https://meet.example.jp/j/123?pwd=a,b")
            #expect(event.status == "CONFIRMED" && event.stamp == "2026-11-30T03:00:00+00:00")
            // X0001 neither holds a seat nor runs the session (the manager of 人事課 would: it is held by 人事係).
            let center = try await browser(app, "X0001")
            let outsider = try ICalendarParser.parse(try await center.get(SessionRoute.calendarFile(.value(online.activityID)).path).body.string)
            #expect(outsider.events.first?.url == "" && outsider.events.first?.location == "オンライン", "no link without a seat")
            #expect(!(try await center.get(SessionRoute.session(.value(online.activityID)).path).body.string.contains("meet.example.jp")))
            #expect(try await staff.get(SessionRoute.session(.value(online.activityID)).path).body.string.contains("https://meet.example.jp/j/123?pwd=a,b"))

            // The personal feed: issued once, shown once, kept as a hash.
            let waitingFor = try await Self.session(app, "キャンセル待ちの会", date: "2026-12-12", start: "10:00", end: "12:00", mode: .online,
                                                    link: "https://meet.example.jp/j/456")
            try await Self.register(app, waitingFor, Demo.staff, .waiting)
            let left = try await Self.session(app, "取り消した会", date: "2026-12-14")
            try await Self.register(app, left, Demo.staff, .cancelled)
            try await Self.session(app, "申し込んでいない会", date: "2026-12-15")
            #expect(try await staff.get(AccountRoute.feeds.path).body.string.contains("まだアドレスを発行していません。"))
            let issued = try await staff.post(AccountRoute.feeds.path, [("action", "issue")])
            #expect(issued.status == .ok)
            let token = String(try #require(issued.body.string.firstMatch(of: /\/dialogue\/calendar\/([A-Za-z0-9_-]{20,})\.ics/)).output.1)
            let stored = try #require(try await PersonalFeed.query(on: app.db).filter(\.$staffNumber == "D0001").first())
            #expect(stored.tokenHash == TokenHash.hex(token) && stored.tokenHash != token)
            #expect(!(try await staff.get(AccountRoute.feeds.path).body.string.contains(token)), "the address is shown once")
            let calendarProgram = Browser(app)
            let feed = try await calendarProgram.get(SessionRoute.feed(token: token).path)
            #expect(feed.status == .ok && feed.headers.first(name: .contentType) == "text/calendar; charset=utf-8")
            let events = try ICalendarParser.parse(feed.body.string)
            #expect(events.name == "対話の場（自分ごと）")
            #expect(events.events.map(\.summary) == [title, "キャンセル待ちの会"])
            #expect(events.events.map(\.status) == ["CONFIRMED", "TENTATIVE"])
            #expect(events.events.map(\.url) == ["https://meet.example.jp/j/123?pwd=a,b", ""], "a waiting place shows no link")
            #expect(events.events[1].start == "2026-12-12T10:00:00+09:00")

            // Replaced: the old address stops working; stopped: none works.
            #expect(try await staff.post(AccountRoute.feeds.path, [("action", "issue")]).status == .ok)
            #expect(try await calendarProgram.get(SessionRoute.feed(token: token).path).status == .notFound)
            let renewed = try #require(try await PersonalFeed.query(on: app.db).filter(\.$staffNumber == "D0001").first())
            #expect(renewed.tokenHash != stored.tokenHash)
            #expect(try await PersonalFeed.query(on: app.db).count() == 1)
            #expect(try await Self.followed(staff, try await staff.post(AccountRoute.feeds.path, [("action", "stop")]))
                    .contains("グループウェア用のアドレスを無効にしました。"))
            #expect(try await PersonalFeed.query(on: app.db).count() == 0)
            #expect(try await calendarProgram.get(SessionRoute.calendarFeed(.value("unknown-token.ics")).path).status == .notFound)
            #expect(try await calendarProgram.get(SessionRoute.calendarFeed(.value(token)).path).status == .notFound, "the address ends in .ics")
        }
    }

    // MARK: - Interviews

    @Test("an interview study like §2-2: organizers start it with interviewers; only the interviewers edit it and read the individual notes, not HR; its findings join the search")
    func interviews() async throws {
        try await withCity { app in
            let manager = try await browser(app, Demo.sectionManager)
            let staff = try await browser(app, Demo.staff)
            let hr = try await browser(app, Demo.hr)
            #expect(try await staff.get(SessionRoute.newInterview.path).status == .forbidden)
            let form: [(String, String)] = [
                ("title", "若手職員インタビュー"), ("target_group", "入庁1〜10年目の職員"), ("period_start", "2022-06-01"), ("period_end", "2022-06-30"),
                ("questions", "入庁前に思い描いていた仕事との違いは\nなりたい職員像は"), ("summary", ""), ("informs", "人材育成基本方針 改定 施策2-1"),
                ("interviewers", "d0001"),
            ]
            func changed(_ changes: [String: String]) -> [(String, String)] { form.map { (name, value) in (name, changes[name] ?? value) } }
            try await manager.get(SessionRoute.newInterview.path)
            let backwards = try await manager.post(SessionRoute.newInterview.path, changed(["period_end": "2022-05-31"]))
            #expect(backwards.status == .unprocessableEntity && backwards.body.string.contains("期間の末日は初日（令和4年6月1日）以降の日付にしてください。"))
            let unknown = try await manager.post(SessionRoute.newInterview.path, changed(["interviewers": "D0001, Z9999"]))
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("職員番号「Z9999」の職員は見つかりません。"))
            #expect(try await DialogueInterview.query(on: app.db).count() == 0)
            let created = try await manager.post(SessionRoute.newInterview.path, form)
            #expect(created.status == .seeOther)
            let interview = try #require(try await DialogueInterview.query(on: app.db).first())
            let id = try interview.requireID()
            #expect(Set(try await DialogueInterviewer.query(on: app.db).all().map(\.staffNumber)) == ["D0001", "D0002"], "the one who starts it is an interviewer")
            let page = SessionRoute.interview(.id(id)).path

            // The interviewer writes a note; it stays with the interviewers.
            try await staff.get(page)
            let note = "異動の意味を知りたいと話した（聞き手のメモ）"
            let missing = try await staff.post(SessionRoute.interviewNotes(.id(id)).path, [("interviewee", "入庁3年目・事務職"), ("held_on", "2022-06-10"), ("note", "")])
            #expect(missing.status == .unprocessableEntity && missing.body.string.contains("メモを入力してください。"))
            #expect(try await staff.post(SessionRoute.interviewNotes(.id(id)).path, [("interviewee", "入庁3年目・事務職"), ("held_on", "2022-06-10"), ("note", note)])
                    .status == .seeOther)
            #expect(try await staff.get(page).body.string.contains(note))
            #expect(try await manager.get(page).body.string.contains(note))
            let hrPage = try await hr.get(page)
            #expect(hrPage.status == .ok && hrPage.body.string.contains("入庁前に思い描いていた仕事との違いは") && hrPage.body.string.contains("人材育成基本方針 改定 施策2-1"))
            #expect(!hrPage.body.string.contains(note) && !hrPage.body.string.contains("個別の聞き取りメモ"), "HR does not read the notes")
            #expect(!(try await browser(app, Demo.departmentHead).get(page).body.string.contains(note)))
            #expect(try await hr.post(SessionRoute.interviewNotes(.id(id)).path, [("interviewee", "x"), ("held_on", "2022-06-10"), ("note", "y")]).status == .forbidden)
            #expect(try await hr.get(SessionRoute.editInterview(.id(id)).path).status == .notFound)
            #expect(try await hr.post(SessionRoute.editInterview(.id(id)).path, form).status == .forbidden)
            #expect(try await DialogueInterviewNote.query(on: app.db).count() == 1)

            // The interviewer writes the summary (and stays an interviewer though the field leaves them out).
            try await staff.get(SessionRoute.editInterview(.id(id)).path)
            #expect(try await staff.post(SessionRoute.editInterview(.id(id)).path, changed(["summary": "キャリアプランを描けていない。", "interviewers": "D0002"]))
                    .status == .seeOther)
            #expect(try await DialogueInterview.find(id, on: app.db)?.summary == "キャリアプランを描けていない。")
            #expect(Set(try await DialogueInterviewer.query(on: app.db).all().map(\.staffNumber)) == ["D0001", "D0002"])

            // Its findings are of kind interview and found by the search.
            #expect(try await staff.post(SessionRoute.interviewFindings(.id(id)).path, [("body", "目の前の仕事で精一杯で、広い視野を持てていない。"), ("tags", "若手職員")])
                    .status == .seeOther)
            let found = try await hr.get(SessionRoute.findingSearch.path(query: [("kind", "interview"), ("tag", "若手職員")])).body.string
            #expect(found.contains("目の前の仕事で精一杯で、広い視野を持てていない。") && found.contains("若手職員インタビュー"))
            #expect(try await DialogueFinding.query(on: app.db).first()?.fiscalYear == 2022)
        }
    }

    // MARK: - Study groups

    @Test("anyone starts a study group and leads it; others find it and ask to join, the leader is told and answers; members add outputs and hold meetings, members-only ones unseen by others")
    func studyGroups() async throws {
        try await withCity { app in
            let staff = try await browser(app, Demo.staff)
            let center = try await browser(app, "X0001")
            let manager = try await browser(app, Demo.sectionManager)
            try await staff.get(SessionRoute.newStudyGroup.path)
            let form = [("title", "若手の学び合いの会"), ("purpose", "月1回、互いの仕事を紹介し合います。"), ("accepts_members", "yes")]
            let created = try await staff.post(SessionRoute.newStudyGroup.path, form)
            #expect(created.status == .seeOther)
            let group = try #require(try await StudyGroup.query(on: app.db).first())
            let id = try group.requireID()
            let taken = try await manager.post(SessionRoute.newStudyGroup.path, form)
            #expect(taken.status == .unprocessableEntity && taken.body.string.contains("「若手の学び合いの会」という名前のグループはすでにあります。"))
            #expect(try await StudyGroupMember.query(on: app.db).filter(\.$isLeader == true).first()?.staffNumber == "D0001")

            #expect(try await center.get(SessionRoute.studyGroups.path).body.string.contains("若手の学び合いの会"))
            try await center.get(SessionRoute.studyGroup(.id(id)).path)
            #expect(try await Self.followed(center, try await center.post(SessionRoute.joinStudyGroup(.id(id)).path, [("message", "参加したいです")]))
                    .contains("「若手の学び合いの会」に参加を申し込みました。"))
            #expect(try await Self.followed(center, try await center.post(SessionRoute.joinStudyGroup(.id(id)).path, [("message", "もう一度")]))
                    .contains("参加を申し込んでいます。リーダーが答えるまでお待ちください。"))
            #expect(try await staff.get(PlatformRoute.home.path).body.string.contains("自主研究グループ「若手の学び合いの会」に参加の申込みが1件あります。"))
            let request = try #require(try await StudyGroupMember.query(on: app.db).filter(\.$staffNumber == "X0001").first())
            let requestID = try request.requireID().uuidString.lowercased()
            #expect(try await center.post(SessionRoute.studyGroupMembers(.id(id)).path, [("member", requestID), ("decision", "accept")]).status == .forbidden)
            #expect(try await Self.followed(staff, try await staff.post(SessionRoute.studyGroupMembers(.id(id)).path,
                                                                         [("member", requestID), ("decision", "accept")])).contains("佐藤 一郎さんをメンバーに迎えました。"))
            #expect(try await StudyGroupMember.query(on: app.db).filter(\.$staffNumber == "X0001").first()?.status == .member)

            // Outputs: text or a link, by members only.
            try await center.get(SessionRoute.studyGroup(.id(id)).path)
            let empty = try await center.post(SessionRoute.studyGroupOutputs(.id(id)).path, [("title", "活動報告"), ("body", ""), ("link", "")])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("本文か文書へのリンクのどちらかを入力してください。"))
            let badLink = try await center.post(SessionRoute.studyGroupOutputs(.id(id)).path, [("title", "活動報告"), ("body", ""), ("link", "ftp://files/report")])
            #expect(badLink.status == .unprocessableEntity && badLink.body.string.contains("文書へのリンクは「https://」で始まるアドレスを"))
            #expect(try await center.post(SessionRoute.studyGroupOutputs(.id(id)).path, [("title", "活動報告"), ("body", "4回の会合で学んだこと"), ("link", "")]).status == .seeOther)
            #expect(try await manager.post(SessionRoute.studyGroupOutputs(.id(id)).path, [("title", "x"), ("body", "y"), ("link", "")]).status == .forbidden)
            #expect(try await StudyGroupOutput.query(on: app.db).count() == 1)

            // A members-only meeting, held by a member.
            #expect(try await manager.get(SessionRoute.newStudyGroupMeeting(.id(id)).path).status == .notFound)
            try await center.get(SessionRoute.newStudyGroupMeeting(.id(id)).path)
            let meeting = try await center.post(SessionRoute.newStudyGroupMeeting(.id(id)).path, [
                ("title", "第1回 学び合い"), ("about", "互いの仕事の紹介"), ("date", "2026-12-15"), ("starts_at", "18:00"), ("ends_at", "19:00"),
                ("mode", "on_site"), ("place", "本庁舎 5階 研修室"), ("online_link", ""), ("capacity", "10"),
                ("registration_opens_on", "2026-11-30"), ("registration_closes_on", "2026-12-14"), ("call", "invited"),
            ])
            #expect(meeting.status == .seeOther)
            let session = try #require(try await DialogueSession.query(on: app.db).first())
            #expect(session.kind == .studyGroup && session.$studyGroup.id == id && session.hostSectionCode == nil && !session.isOpenCall && session.createdBy == "X0001")
            #expect(try await manager.get(SessionRoute.session(.value(session.activityID)).path).status == .notFound, "not a member")
            #expect(try await Self.followed(staff, try await staff.post(SessionRoute.register(.value(session.activityID)).path, [])).contains("「第1回 学び合い」への参加が決まりました。"))
            let groupPage = try await staff.get(SessionRoute.studyGroup(.id(id)).path).body.string
            #expect(groupPage.contains("第1回 学び合い") && groupPage.contains("4回の会合で学んだこと") && groupPage.contains("佐藤 一郎"))
            #expect(!(try await manager.get(SessionRoute.studyGroup(.id(id)).path).body.string.contains("第1回 学び合い")), "members-only meetings are not listed to others")
        }
    }
}

/// Parses iCalendar text with Python's `icalendar` package (an RFC 5545 parser), so the files are
/// checked by a real calendar library rather than by patterns. CI installs it (`.ci/run`).
enum ICalendarParser {
    struct Parsed: Decodable {
        let name: String
        let timezones: [String]
        let events: [Event]
    }

    struct Event: Decodable {
        let uid: String
        let summary: String
        let description: String
        let location: String
        let url: String
        let status: String
        let tzid: String
        let start: String
        let end: String
        let stamp: String
    }

    static let script = """
    import json, sys
    from icalendar import Calendar
    calendar = Calendar.from_ical(open(sys.argv[1], "rb").read())
    events = []
    for event in calendar.walk("VEVENT"):
        events.append({
            "uid": str(event.get("UID")), "summary": str(event.get("SUMMARY")),
            "description": str(event.get("DESCRIPTION", "")), "location": str(event.get("LOCATION", "")),
            "url": str(event.get("URL", "")), "status": str(event.get("STATUS", "")),
            "tzid": str(event["DTSTART"].params.get("TZID", "")),
            "start": event.decoded("DTSTART").isoformat(), "end": event.decoded("DTEND").isoformat(),
            "stamp": event.decoded("DTSTAMP").isoformat(),
        })
    print(json.dumps({"name": str(calendar.get("X-WR-CALNAME", "")),
                      "timezones": [str(zone.get("TZID")) for zone in calendar.walk("VTIMEZONE")], "events": events}, ensure_ascii=False))
    """

    static func parse(_ text: String) throws -> Parsed {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jibungoto-ics-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let scriptFile = directory.appendingPathComponent("parse.py")
        let calendarFile = directory.appendingPathComponent("calendar.ics")
        try script.write(to: scriptFile, atomically: true, encoding: .utf8)
        try Data(text.utf8).write(to: calendarFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptFile.path, calendarFile.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0,
                     "python3 with the icalendar package parses the file (python3 -m pip install icalendar): \(message)")
        return try JSONDecoder().decode(Parsed.self, from: data)
    }
}
