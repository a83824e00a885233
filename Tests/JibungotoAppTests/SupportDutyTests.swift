import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Support duty: events, sign-up, allocation by unit, the roster and swaps")
struct SupportDutyTests {
    static let sunday = day("2026-12-06")

    /// A signed-in browser that has opened a page, so it holds its session's CSRF token.
    func signedIn(_ app: Application, _ number: String) async throws -> Browser {
        let browser = Browser(app)
        try #require(try await browser.logIn(number).status == .seeOther, "\(number) signs in")
        try #require(try await browser.get(SupportDutyRoute.events.path).status == .ok)
        return browser
    }

    /// An event open for volunteers with its shifts on Sunday (start, end, place, headcount), stored directly.
    @discardableResult
    static func event(_ title: String, kind: SupportEventKind = .event, shifts: [(String, String, String, Int)],
                      on database: any Database) async throws -> (SupportEvent, [SupportShift]) {
        let event = SupportEvent(title: title, kind: kind, details: "", createdBy: StaffNumber(Demo.hr), createdAt: Date())
        try await event.create(on: database)
        var created: [SupportShift] = []
        for (start, end, place, headcount) in shifts {
            let startMinute = try #require(SupportShiftTime.minutes(from: start)), endMinute = try #require(SupportShiftTime.minutes(from: end))
            let time = try #require(SupportShiftTime(date: sunday, start: startMinute, end: endMinute))
            let shift = SupportShift(eventID: try event.requireID(), time: time, place: place, headcount: headcount)
            try await shift.create(on: database)
            created.append(shift)
        }
        return (event, created)
    }

    /// A staff member placed in `section` (support duty reads only the current placement).
    static func addStaff(_ number: String, _ name: String, section: SectionCode, type: EmploymentType = .regular, on database: any Database) async throws {
        let member = StaffMember(record: .fixture(StaffNumber(number), name: name, nameKana: "テスト", employmentType: type))
        member.currentSectionCode = section
        try await member.create(on: database)
    }

    /// A staff account for a fixture person who has none, with the demo password.
    static func addAccount(_ number: String, name: String, app: Application) async throws {
        let user = User(staffNumber: StaffNumber(number), displayName: name, passwordHash: try await app.password.async.hash(AppSettings.defaultDemoPassword))
        try await user.create(on: app.db)
        try await UserRole(userID: try user.requireID(), role: .staff).create(on: app.db)
    }

    /// A volunteer's seat, held elsewhere, stored directly.
    static func hold(_ number: String, _ shift: SupportShift, on database: any Database) async throws {
        try await SupportAssignment(shiftID: try shift.requireID(), eventID: shift.eventID, staffNumber: StaffNumber(number), unitCode: nil,
                                    route: .volunteered, assignedAt: Date()).create(on: database)
    }

    static func seat(_ number: String, on shift: SupportShift, _ database: any Database) async throws -> SupportAssignment {
        try #require(try await SupportAssignment.query(on: database).filter(\.$staffNumber == StaffNumber(number))
            .filter(\.$shiftID == shift.requireID()).first(), "\(number) holds \(shift.place)")
    }

    static func holders(of shift: SupportShift, _ database: any Database) async throws -> Set<String> {
        Set(try await SupportAssignment.query(on: database).filter(\.$shiftID == shift.requireID()).all().map(\.staffNumber.rawValue))
    }

    struct Festival {
        let event: SupportEvent
        /// 8:30–12:00 受付, 4 seats.
        let reception: SupportShift
        /// 13:00–16:00 案内, 2 seats.
        let guidance: SupportShift
        let eventID: UUID
    }

    /// The fixture city with three more staff in the district center (P0002 short-time re-appointed,
    /// so exempt by the settings), an hour of last year's support duty for D0001, and 市民まつり with
    /// two shifts; X0001 volunteers for the reception and HR exempts D0002 (childcare leave), both
    /// through the pages. Headcounts: 総務部 1 (D0003), 人事課 2 (D0001, D0004), センター 3 (X0001, P0001, P0003).
    func festival(_ app: Application) async throws -> Festival {
        try await OrganizationFixture.load(on: app.db)
        try await Self.addStaff("P0001", "中村 一郎", section: "2010", on: app.db)
        try await Self.addStaff("P0002", "小林 二郎", section: "2010", type: .shortTimeReappointed, on: app.db)
        try await Self.addStaff("P0003", "山本 三郎", section: "2010", on: app.db)
        try await Self.addAccount("X0001", name: "佐藤 一郎", app: app)
        let tree = try await OrganizationTree.load(fiscalYear: TestClock.thisYear, on: app.db)
        let aoki = try #require(try await StaffMember.query(on: app.db).filter(\.$staffNumber == StaffNumber(Demo.staff)).first())
        try await ParticipationLedger.record(
            ParticipationLedger.entry(for: aoki, kind: .supportShift, activityID: "last-year", title: "前年度の行事（受付）", hostSection: nil,
                                      route: .allocated, date: day("2025-10-12"), hours: 1, tree: tree),
            on: app.db)
        let (event, shifts) = try await Self.event("市民まつり", shifts: [("8:30", "12:00", "受付", 4), ("13:00", "16:00", "案内", 2)], on: app.db)
        let festival = Festival(event: event, reception: shifts[0], guidance: shifts[1], eventID: try event.requireID())

        let sato = try await signedIn(app, "X0001")
        #expect(try await sato.post(SupportDutyRoute.signUp(.id(try festival.reception.requireID())).path, []).status == .seeOther)
        let hr = try await signedIn(app, Demo.hr)
        try await hr.get(SupportDutyRoute.exemptions(.id(festival.eventID)).path)
        #expect(try await hr.post(SupportDutyRoute.exemptions(.id(festival.eventID)).path,
                                  [("staff_number", Demo.sectionManager), ("reason", "childcareLeave"), ("note", "")]).status == .seeOther)
        return festival
    }

    /// HR allocates the festival through the button.
    func allocate(_ app: Application, _ festival: Festival) async throws {
        let hr = try await signedIn(app, Demo.hr)
        try await hr.get(SupportDutyRoute.allocation(.id(festival.eventID)).path)
        let made = try await hr.post(SupportDutyRoute.allocation(.id(festival.eventID)).path, [])
        try #require(made.status == .seeOther)
        #expect(made.headers.first(name: .location) == SupportDutyRoute.roster(.id(festival.eventID)).path)
    }

    // MARK: - Events and shifts

    @Test("HR creates an event and its shifts, each bad field named and nothing saved; every staff member sees it")
    func creatingAnEvent() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let staff = try await signedIn(app, Demo.staff)
            #expect(try await staff.get(SupportDutyRoute.newEvent.path).status == .forbidden)
            #expect(try await staff.post(SupportDutyRoute.newEvent.path, [("title", "x"), ("kind", "event")]).status == .forbidden)

            let hr = try await signedIn(app, Demo.hr)
            try await hr.get(SupportDutyRoute.newEvent.path)
            let bad = try await hr.post(SupportDutyRoute.newEvent.path, [("title", " "), ("kind", "party"), ("description", "")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("行事名を入力してください。"))
            #expect(bad.body.string.contains("種類の選択肢が正しくありません。"))
            #expect(try await SupportEvent.query(on: app.db).count() == 0)

            let created = try await hr.post(SupportDutyRoute.newEvent.path, [("title", "市長選挙"), ("kind", "election"), ("description", "期日前投票所の事務です。")])
            #expect(created.status == .seeOther)
            let event = try #require(try await SupportEvent.query(on: app.db).first())
            let eventID = try event.requireID()
            #expect(event.kind == .election && event.status == .signUp && event.details == "期日前投票所の事務です。")
            #expect(created.headers.first(name: .location) == SupportDutyRoute.shifts(.id(eventID)).path)

            let shiftsPath = SupportDutyRoute.shifts(.id(eventID)).path
            try await hr.get(shiftsPath)
            let badShift = try await hr.post(shiftsPath, [("date", "2026-12-06"), ("start", "8時半"), ("end", "12:00"), ("place", ""), ("headcount", "0")])
            #expect(badShift.status == .unprocessableEntity)
            #expect(badShift.body.string.contains("開始時刻は 8:30 のように時:分で入力してください。"))
            #expect(badShift.body.string.contains("場所を入力してください。"))
            #expect(badShift.body.string.contains("必要人数は 1〜500 の整数で入力してください。"))
            let backwards = try await hr.post(shiftsPath, [("date", "2026-12-06"), ("start", "13:00"), ("end", "9:00"), ("place", "本庁舎"), ("headcount", "2")])
            #expect(backwards.status == .unprocessableEntity)
            #expect(backwards.body.string.contains("終了時刻は開始時刻より後にしてください（日をまたぐシフトは2つに分けてください）。"))
            #expect(try await SupportShift.query(on: app.db).count() == 0)

            for (start, end) in [("8:30", "13:00"), ("１３：００", "20:00")] {
                let added = try await hr.post(shiftsPath, [("date", "R8.12.6"), ("start", start), ("end", end), ("place", "期日前投票所（本庁舎）"), ("headcount", "3")])
                #expect(added.status == .seeOther)
            }
            let shifts = try await SupportShift.query(on: app.db).sort(\.$startMinute).all()
            #expect(shifts.map(\.startMinute) == [510, 780])
            #expect(shifts.map(\.endMinute) == [780, 1_200])
            #expect(shifts.allSatisfy { $0.date == Self.sunday && $0.headcount == 3 })

            #expect(try await staff.post(shiftsPath, [("date", "2026-12-06"), ("start", "8:00"), ("end", "9:00"), ("place", "x"), ("headcount", "1")]).status == .forbidden)
            let list = try await staff.get(SupportDutyRoute.events.path)
            #expect(list.body.string.contains("市長選挙") && list.body.string.contains("選挙事務"))
            #expect(list.body.string.contains("0 / 6"))
            let page = try await staff.get(SupportDutyRoute.event(.id(eventID)).path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("令和8年12月6日"))
            #expect(page.body.string.contains("13:00〜20:00"))
            #expect(page.body.string.contains("期日前投票所（本庁舎）"))
            #expect(page.body.string.contains(SupportDutyRoute.signUp(.id(try shifts[0].requireID())).path))
        }
    }

    @Test("a shift with volunteers cannot be removed; an empty one can")
    func removingShifts() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let (_, shifts) = try await Self.event("市民まつり", shifts: [("9:00", "12:00", "受付", 2), ("13:00", "15:00", "案内", 2)], on: app.db)
            try await Self.hold(Demo.staff, shifts[0], on: app.db)
            let hr = try await signedIn(app, Demo.hr)
            let refused = try await hr.post(SupportDutyRoute.removeShift(.id(try shifts[0].requireID())).path, [])
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains("シフト「令和8年12月6日 9:00〜12:00 受付」には志願者がいるため削除できません。"))
            #expect(try await hr.post(SupportDutyRoute.removeShift(.id(try shifts[1].requireID())).path, []).status == .seeOther)
            #expect(try await SupportShift.query(on: app.db).count() == 1)
        }
    }

    // MARK: - Signing up

    @Test("signing up is refused for a shift that clashes with one held in another event, a full shift or a second time; withdrawing frees it")
    func signingUp() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let (festival, festivalShifts) = try await Self.event("市民まつり", shifts: [("8:30", "12:00", "中央公園受付", 1), ("13:00", "17:00", "中央公園受付", 2)], on: app.db)
            let (_, drillShifts) = try await Self.event("防災訓練", shifts: [("11:00", "14:00", "南中学校", 3)], on: app.db)
            let morning = try festivalShifts[0].requireID(), afternoon = try festivalShifts[1].requireID(), training = try drillShifts[0].requireID()
            let aoki = try await signedIn(app, Demo.staff)

            let signed = try await aoki.post(SupportDutyRoute.signUp(.id(morning)).path, [])
            #expect(signed.status == .seeOther)
            #expect(signed.headers.first(name: .location) == SupportDutyRoute.event(.id(try festival.requireID())).path)
            let seat = try await Self.seat(Demo.staff, on: festivalShifts[0], app.db)
            #expect(seat.route == .volunteered && seat.unitCode == "1010")
            #expect(try await aoki.get(SupportDutyRoute.event(.id(try festival.requireID())).path).body.string.contains("令和8年12月6日 8:30〜12:00 中央公園受付 に志願しました。"))

            let clash = try await aoki.post(SupportDutyRoute.signUp(.id(training)).path, [])
            #expect(clash.status == .conflict)
            #expect(clash.body.string.contains("シフト「令和8年12月6日 11:00〜14:00 南中学校」：同じ日に時間が重なる 市民まつり（令和8年12月6日 8:30〜12:00 中央公園受付） に入っているため志願できません。"))
            let again = try await aoki.post(SupportDutyRoute.signUp(.id(morning)).path, [])
            #expect(again.status == .conflict)
            #expect(again.body.string.contains("シフト「令和8年12月6日 8:30〜12:00 中央公園受付」：すでに志願しています。"))

            let hr = try await signedIn(app, Demo.hr)
            let full = try await hr.post(SupportDutyRoute.signUp(.id(morning)).path, [])
            #expect(full.status == .conflict)
            #expect(full.body.string.contains("シフト「令和8年12月6日 8:30〜12:00 中央公園受付」：必要人数 1 人の席がすべて埋まっています。"))
            #expect(try await SupportAssignment.query(on: app.db).count() == 1, "nothing saved by a refused sign-up")

            let notMine = try await hr.post(SupportDutyRoute.withdraw(.id(afternoon)).path, [])
            #expect(notMine.status == .conflict)
            #expect(notMine.body.string.contains("シフト「令和8年12月6日 13:00〜17:00 中央公園受付」：志願していません。"))
            #expect(try await aoki.post(SupportDutyRoute.withdraw(.id(morning)).path, []).status == .seeOther)
            #expect(try await aoki.post(SupportDutyRoute.signUp(.id(training)).path, []).status == .seeOther, "no clash once withdrawn")
            #expect(try await Self.holders(of: drillShifts[0], app.db) == [Demo.staff])
            #expect(try await Self.holders(of: festivalShifts[0], app.db).isEmpty)
            #expect(try await ParticipationRecord.query(on: app.db).count() == 0, "volunteers enter the ledger with the allocation")
        }
    }

    // MARK: - Exemptions

    @Test("HR's exemptions name the bad field; a duplicate is refused; one can be removed")
    func exemptions() async throws {
        try await withTestApp { app in
            let festival = try await self.festival(app)
            let path = SupportDutyRoute.exemptions(.id(festival.eventID)).path
            let staff = try await signedIn(app, Demo.staff)
            #expect(try await staff.get(path).status == .forbidden)
            let hr = try await signedIn(app, Demo.hr)
            let page = try await hr.get(path)
            #expect(page.status == .ok && page.body.string.contains("石田 誠") && page.body.string.contains("育児休業"))
            let cases: [([(String, String)], String)] = [
                ([("staff_number", "Z9999"), ("reason", "sickLeave"), ("note", "")], "職員番号「Z9999」の職員は、現在の職員名簿にいません。"),
                ([("staff_number", Demo.sectionManager), ("reason", "sickLeave"), ("note", "")], "石田 誠さんはこの行事ですでに免除されています。"),
                ([("staff_number", Demo.staff), ("reason", "other"), ("note", "")], "備考を入力してください。"),
                ([("staff_number", Demo.staff), ("reason", "holiday"), ("note", "")], "理由の選択肢が正しくありません。"),
            ]
            for (form, message) in cases {
                let refused = try await hr.post(path, form)
                #expect(refused.status == .unprocessableEntity, "\(message)")
                #expect(refused.body.string.contains(message))
            }
            #expect(try await SupportExemption.query(on: app.db).count() == 1)
            let removed = try await hr.post(SupportDutyRoute.removeExemption(.id(festival.eventID), staff: .value(Demo.sectionManager)).path, [])
            #expect(removed.status == .seeOther)
            #expect(try await SupportExemption.query(on: app.db).count() == 0)
        }
    }

    // MARK: - The allocation and the roster

    @Test("the allocation gives the seats left by volunteers to units by Webster, within a unit to the least duty, and writes the ledger in one go")
    func allocationAndRoster() async throws {
        try await withTestApp { app in
            let festival = try await self.festival(app)
            let aoki = try await signedIn(app, Demo.staff)
            #expect(try await aoki.get(SupportDutyRoute.allocation(.id(festival.eventID)).path).status == .forbidden)
            #expect(try await aoki.post(SupportDutyRoute.allocation(.id(festival.eventID)).path, []).status == .forbidden)
            let before = try await aoki.get(SupportDutyRoute.roster(.id(festival.eventID)).path)
            #expect(before.status == .ok)
            #expect(before.body.string.contains("名簿はまだ公開されていません。"))
            #expect(!before.body.string.contains("佐藤 一郎"), "volunteers are not named before the roster is published")

            // 6 seats, 1 volunteered: 5 to share among 総務部 1, 人事課 2, センター 3. By Webster the seats go
            // センター (3 ÷ 0.5 = 6), 人事課 (4), センター (2 ÷ … 3 ÷ 1.5 = 2, beating 総務部's 2 by size), 総務部 (2), 人事課 (1.33):
            // 1, 2, 2. Any divisor above 1.2 and below 1.33 reproduces it; 1.3 gives 0.77 → 1, 1.54 → 2, 2.31 → 2.
            let hr = try await signedIn(app, Demo.hr)
            let preview = try await hr.get(SupportDutyRoute.allocation(.id(festival.eventID)).path)
            #expect(preview.status == .ok)
            #expect(preview.body.string.contains("割る数：1.3"))
            #expect(preview.body.string.contains("割り当てて名簿を公開する"))
            #expect(try await SupportAssignment.query(on: app.db).count() == 1, "the preview saves nothing")

            try await allocate(app, festival)
            // Within units: センター P0001 and P0003 (0 h) before X0001 (a volunteer, 3.5 h); 人事課 D0004 (0 h) first,
            // then D0001 (1 h last year) before D0004 again (3.5 h now); the reception is full by the 4th seat.
            #expect(try await Self.holders(of: festival.reception, app.db) == ["X0001", "P0001", Demo.hr, "P0003"])
            #expect(try await Self.holders(of: festival.guidance, app.db) == [Demo.departmentHead, Demo.staff])
            let aokiSeat = try await Self.seat(Demo.staff, on: festival.guidance, app.db)
            #expect(aokiSeat.route == .allocated && aokiSeat.unitCode == "1010" && aokiSeat.dutyHours == 1)
            #expect(try await Self.seat(Demo.departmentHead, on: festival.guidance, app.db).unitCode == "10")
            let event = try #require(try await SupportEvent.find(festival.eventID, on: app.db))
            #expect(event.status == .allocated)
            #expect(SupportDutyStore.quotas(of: event) == ["10": 1, "1010": 2, "2010": 2])

            let shiftIDs = [festival.reception.activityID, festival.guidance.activityID]
            let ledger = try await ParticipationRecord.query(on: app.db).filter(\.$activityID ~~ shiftIDs).all()
            #expect(ledger.count == 6)
            #expect(ledger.allSatisfy { $0.kind == .supportShift && $0.crossesSections && $0.fiscalYear == 2026 && $0.date == Self.sunday })
            let aokiEntry = try #require(ledger.first { $0.staffNumber == StaffNumber(Demo.staff) })
            #expect(aokiEntry.route == .allocated && aokiEntry.hours == 3 && aokiEntry.activityTitle == "市民まつり（案内）")
            let satoEntry = try #require(ledger.first { $0.staffNumber == "X0001" })
            #expect(satoEntry.route == .volunteered && satoEntry.hours == 3.5)

            let roster = try await aoki.get(SupportDutyRoute.roster(.id(festival.eventID)).path)
            #expect(roster.status == .ok)
            let body = roster.body.string
            #expect(body.contains("全シフトの定員 6 人のうち、志願者が 1 人分を埋めました。残る 5 人分を各所属に配分します。"))
            #expect(body.contains("割る数：1.3"))
            #expect(body.contains("例：中央地区市民センターは 3 人 ÷ 1.3 = 2.31、四捨五入して 2 席です。"))
            for figure in ["0.77", "1.54", "2.31"] { #expect(body.contains("<td class=\"numeric\">\(figure)</td>"), "\(figure)") }
            #expect(body.contains("アラバマのパラドックス"))
            #expect(body.contains("青木 花子（人事係）"))
            #expect(body.contains("佐藤 一郎（中央地区市民センター）"))
            #expect(body.contains("選ばれた時点の応援業務 1 時間"))
            let mine = try await aoki.get(SupportDutyRoute.event(.id(festival.eventID)).path)
            #expect(mine.body.string.contains("令和8年12月6日 13:00〜16:00 案内（割当て）"))

            // After the allocation: no more sign-ups, withdrawals, shifts, exemptions or a second allocation.
            let late = try await aoki.post(SupportDutyRoute.signUp(.id(try festival.reception.requireID())).path, [])
            #expect(late.status == .conflict)
            #expect(late.body.string.contains("シフト「令和8年12月6日 8:30〜12:00 受付」：志願の受付は終了しました（名簿が公開されています）。"))
            let sato = try await signedIn(app, "X0001")
            let withdrawal = try await sato.post(SupportDutyRoute.withdraw(.id(try festival.reception.requireID())).path, [])
            #expect(withdrawal.status == .conflict)
            #expect(withdrawal.body.string.contains("シフト「令和8年12月6日 8:30〜12:00 受付」：名簿が公開された後は志願を取り消せません。交換を申し出てください。"))
            let exemption = try await hr.post(SupportDutyRoute.exemptions(.id(festival.eventID)).path, [("staff_number", Demo.staff), ("reason", "sickLeave"), ("note", "")])
            #expect(exemption.status == .conflict && exemption.body.string.contains("名簿を公開した後は免除を変更できません。"))
            let shift = try await hr.post(SupportDutyRoute.shifts(.id(festival.eventID)).path, [("date", "2026-12-06"), ("start", "8:00"), ("end", "9:00"), ("place", "x"), ("headcount", "1")])
            #expect(shift.status == .conflict && shift.body.string.contains("名簿を公開した後はシフトを変更できません。"))
            #expect(try await hr.post(SupportDutyRoute.allocation(.id(festival.eventID)).path, []).status == .seeOther)
            #expect(try await hr.get(SupportDutyRoute.roster(.id(festival.eventID)).path).body.string.contains("この行事はすでに割り当て済みで、名簿が公開されています。"))
            #expect(try await SupportAssignment.query(on: app.db).count() == 6)
            #expect(try await ParticipationRecord.query(on: app.db).filter(\.$activityID ~~ shiftIDs).count() == 6)
        }
    }

    // MARK: - Swaps

    @Test("a swap is refused with the field named when it leaves a unit under quota or makes a clash; agreed and approved on both sides it moves seats and ledger lines")
    func swaps() async throws {
        try await withTestApp { app in
            let festival = try await self.festival(app)
            try await allocate(app, festival)
            let eventID = festival.eventID
            let path = SupportDutyRoute.swaps(.id(eventID)).path
            let aoki = try await signedIn(app, Demo.staff)
            let form = try await aoki.get(path)
            #expect(form.status == .ok && form.body.string.contains("交換に出すあなたのシフト"))
            let mine = try await Self.seat(Demo.staff, on: festival.guidance, app.db).requireID().uuidString.lowercased()
            let satos = try await Self.seat("X0001", on: festival.reception, app.db).requireID().uuidString.lowercased()

            let cases: [([(String, String)], String)] = [
                ([("my_shift", mine), ("counterpart_shift", ""), ("colleague", "X0001")],
                 "引き継ぐ相手の職員番号：人事課の割り当てられた席が 1 席になり、割当て数 2 席を下回ります。同じ所属の同僚に引き継いでください。"),
                ([("my_shift", mine), ("counterpart_shift", ""), ("colleague", Demo.sectionManager)], "石田 誠さんはこの行事の割当てを免除されているため、引き継げません。"),
                ([("my_shift", mine), ("counterpart_shift", ""), ("colleague", "Z9999")], "引き継ぐ相手の職員番号「Z9999」の職員は、現在の職員名簿にいません。"),
                ([("my_shift", mine), ("counterpart_shift", ""), ("colleague", "")], "交換相手のシフトを選ぶか、引き継ぐ相手の職員番号を入力してください。"),
                ([("my_shift", mine), ("counterpart_shift", satos), ("colleague", "P0001")], "交換相手のシフトを選んだときは、引き継ぐ相手の職員番号は空欄にしてください。"),
                ([("my_shift", satos), ("counterpart_shift", mine), ("colleague", "")], "交換に出すあなたのシフトを選んでください。"),
            ]
            for (fields, message) in cases {
                let refused = try await aoki.post(path, fields)
                #expect(refused.status == .unprocessableEntity, "\(message)")
                #expect(refused.body.string.contains(message))
            }

            // D0001 volunteers 8:00–9:00 elsewhere: taking the 8:30 reception would clash.
            let (_, early) = try await Self.event("早朝清掃", shifts: [("8:00", "9:00", "駅前", 2), ("15:00", "17:00", "公園", 2)], on: app.db)
            try await Self.hold(Demo.staff, early[0], on: app.db)
            let clash = try await aoki.post(path, [("my_shift", mine), ("counterpart_shift", satos), ("colleague", "")])
            #expect(clash.status == .unprocessableEntity)
            #expect(clash.body.string.contains("交換相手のシフト：青木 花子さんは同じ日の時間が重なる 早朝清掃（令和8年12月6日 8:00〜9:00 駅前） に入っているため、このシフトを持てません。"))
            #expect(try await SupportSwapProposal.query(on: app.db).count() == 0)
            try await SupportAssignment.query(on: app.db).filter(\.$shiftID == early[0].requireID()).delete()

            // D0001's afternoon guidance for X0001's morning reception.
            let proposed = try await aoki.post(path, [("my_shift", mine), ("counterpart_shift", satos), ("colleague", "")])
            #expect(proposed.status == .seeOther)
            let swap = try #require(try await SupportSwapProposal.query(on: app.db).first())
            let swapID = try swap.requireID()
            #expect(swap.proposer == StaffNumber(Demo.staff) && swap.counterpart == "X0001" && swap.status == .proposed)

            #expect(try await aoki.post(SupportDutyRoute.agreeToSwap(.id(swapID)).path, []).status == .forbidden, "only the colleague agrees")
            let sato = try await signedIn(app, "X0001")
            #expect(try await sato.post(SupportDutyRoute.approveSwap(.id(swapID)).path, []).status == .forbidden, "a party approves nothing")
            #expect(try await sato.post(SupportDutyRoute.agreeToSwap(.id(swapID)).path, []).status == .seeOther)

            // The 人事課 manager approves D0001's side only; the centre's side is outside his section.
            let manager = try await signedIn(app, Demo.sectionManager)
            let managerPage = try await manager.get(SupportDutyRoute.event(.id(eventID)).path)
            #expect(managerPage.body.string.contains(SupportDutyRoute.approveSwap(.id(swapID)).path))
            #expect(try await manager.post(SupportDutyRoute.approveSwap(.id(swapID)).path, []).status == .seeOther)
            var stored = try #require(try await SupportSwapProposal.find(swapID, on: app.db))
            #expect(stored.proposerSideApprovedBy == StaffNumber(Demo.sectionManager) && stored.counterpartSideApprovedBy == nil && stored.status == .proposed)
            let twice = try await manager.post(SupportDutyRoute.approveSwap(.id(swapID)).path, [])
            #expect(twice.status == .conflict && twice.body.string.contains("この交換はすでに承認しています。"))

            // Meanwhile X0001 took 15:00–17:00 elsewhere: the last approval is refused and nothing changes.
            try await Self.hold("X0001", early[1], on: app.db)
            let hr = try await signedIn(app, Demo.hr)
            let refused = try await hr.post(SupportDutyRoute.approveSwap(.id(swapID)).path, [])
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains("佐藤 一郎さんは同じ日の時間が重なる 早朝清掃（令和8年12月6日 15:00〜17:00 公園） に入っているため、このシフトを持てません。"))
            stored = try #require(try await SupportSwapProposal.find(swapID, on: app.db))
            #expect(stored.counterpartSideApprovedBy == nil && stored.status == .proposed)
            #expect(try await Self.holders(of: festival.guidance, app.db).contains(Demo.staff))

            try await SupportAssignment.query(on: app.db).filter(\.$shiftID == early[1].requireID()).delete()
            let made = try await hr.post(SupportDutyRoute.approveSwap(.id(swapID)).path, [])
            #expect(made.status == .seeOther)
            #expect(try await hr.get(SupportDutyRoute.event(.id(eventID)).path).body.string.contains("すべての同意と承認がそろい、交換が成立しました。"))
            stored = try #require(try await SupportSwapProposal.find(swapID, on: app.db))
            #expect(stored.status == .approved && stored.counterpartSideApprovedBy == StaffNumber(Demo.hr))
            #expect(try await Self.seat(Demo.staff, on: festival.reception, app.db).route == .allocated)
            #expect(try await Self.seat("X0001", on: festival.guidance, app.db).route == .volunteered)
            let entries = try await ParticipationRecord.query(on: app.db).filter(\.$staffNumber ~~ [StaffNumber(Demo.staff), "X0001"])
                .filter(\.$activityID ~~ [festival.reception.activityID, festival.guidance.activityID]).all()
            #expect(Set(entries.map { "\($0.staffNumber.rawValue) \($0.activityID) \($0.route.rawValue) \($0.hours ?? 0)" }) == [
                "\(Demo.staff) \(festival.reception.activityID) allocated 3.5", "X0001 \(festival.guidance.activityID) volunteered 3.0",
            ])

            // The colleague declines a second proposal; acting on it again is refused; the proposer withdraws a third.
            let nowMine = try await Self.seat(Demo.staff, on: festival.reception, app.db).requireID().uuidString.lowercased()
            let uenos = try await Self.seat(Demo.departmentHead, on: festival.guidance, app.db).requireID().uuidString.lowercased()
            #expect(try await aoki.post(path, [("my_shift", nowMine), ("counterpart_shift", uenos), ("colleague", "")]).status == .seeOther)
            let second = try #require(try await SupportSwapProposal.query(on: app.db).filter(\.$status == .proposed).first())
            let ueno = try await signedIn(app, Demo.departmentHead)
            #expect(try await sato.post(SupportDutyRoute.refuseSwap(.id(try second.requireID())).path, []).status == .forbidden, "neither party nor manager")
            #expect(try await ueno.post(SupportDutyRoute.refuseSwap(.id(try second.requireID())).path, []).status == .seeOther)
            let closed = try await ueno.post(SupportDutyRoute.agreeToSwap(.id(try second.requireID())).path, [])
            #expect(closed.status == .conflict && closed.body.string.contains("この交換はすでに終わっています（不成立（取下げ・辞退・不承認））。"))
            #expect(try await aoki.post(path, [("my_shift", nowMine), ("counterpart_shift", uenos), ("colleague", "")]).status == .seeOther)
            let duplicate = try await aoki.post(path, [("my_shift", nowMine), ("counterpart_shift", uenos), ("colleague", "")])
            #expect(duplicate.status == .unprocessableEntity && duplicate.body.string.contains("このシフトについては、すでに交換を申し出ています。"))
            let third = try #require(try await SupportSwapProposal.query(on: app.db).filter(\.$status == .proposed).first())
            #expect(try await aoki.post(SupportDutyRoute.refuseSwap(.id(try third.requireID())).path, []).status == .seeOther)
            #expect(try await SupportSwapProposal.query(on: app.db).filter(\.$status == .refused).count() == 2)
            #expect(try await Self.holders(of: festival.guidance, app.db) == [Demo.departmentHead, "X0001"], "refused swaps move nobody")
        }
    }
}
