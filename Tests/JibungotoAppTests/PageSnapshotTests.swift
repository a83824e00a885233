import Foundation
@testable import JibungotoApp
import JibungotoDomain
import Testing

/// Page snapshots: a page builder's view model (`Content`, the exact data its template gets:
/// every word and every formatted date) as JSON, built from plain values at `TestClock.today`
/// (2026-11-30) and read in Japanese with 和暦 and in English with the Gregorian calendar. The
/// fixtures put dates on the era change (平成31年4月30日 / 令和元年5月1日), on the fiscal-year
/// boundary (3/31 / 4/1) and on February 29, and use long Japanese names, so a change of layout
/// data or wording is reviewed as a diff of the recorded files.
///
/// The recorded files are `__Snapshots__/PageSnapshotTests/<test>.<reader>.json` beside this file
/// (swift-snapshot-testing; `<reader>` is `ja-wareki` or `en-gregorian`). A missing file is
/// recorded on the first run (that run fails, saying so; run again to compare).
///
/// After an intended change of wording, a date format or a view model:
///
///     SNAPSHOT_TESTING_RECORD=failed swift test --filter PageSnapshotTests   # rewrites what differs
///     git diff Tests/JibungotoAppTests/__Snapshots__                          # review it as the change
///     swift test --filter PageSnapshotTests                                   # passes against the new files
///
/// and commit the files with the change. `SNAPSHOT_TESTING_RECORD` is read by the library:
/// `missing` (the default) records only missing files, `failed` rewrites those that differ, `all`
/// rewrites every file, `never` records nothing (for CI, so a missing file fails instead).
///
/// Builders left out, because their inputs need a request or more than plain values: those that
/// take a `FormModel` or `Pagination` (both built from a `Request`: audit log, staff list, scenario
/// list, account list, login, age-60, organization tree), and those built from survey releases or
/// solved scenarios (response rate, results, scenario pages).
@Suite struct PageSnapshotTests {
    let today = TestClock.today

    // MARK: - Home

    @Test func home() throws {
        for reader in PageSnapshots.Reader.allCases {
            let localizer = try PageSnapshots.localizer(reader)
            let content = HomePage.build(
                displayName: Fixture.longName, today: today, notices: Fixture.homeNotices(localizer),
                figures: Fixture.homeFigures, localizer: localizer)
            assertPageSnapshot(of: content, reader: reader)
        }
    }

    /// Today's date and fiscal year on the last day of 平成 and the first of 令和, and on either
    /// side of a fiscal year's end.
    @Test func homeOnBoundaryDays() throws {
        let days = ["2019-04-30", "2019-05-01", "2027-03-31", "2027-04-01"]
        for reader in PageSnapshots.Reader.allCases {
            let localizer = try PageSnapshots.localizer(reader)
            var pages: [String: HomePage.Content] = [:]
            for iso in days {
                pages[iso] = HomePage.build(displayName: Fixture.longName, today: Fixture.day(iso), notices: [], figures: HomePage.Figures(), localizer: localizer)
            }
            assertPageSnapshot(of: pages, reader: reader)
        }
    }

    // MARK: - Organization

    /// A career that starts on 平成31年4月1日, moves on 令和元年5月1日 to a unit renamed since,
    /// and is now in a collaboration post; a project team through an open call, a support shift in
    /// the own section with hours.
    @Test func staffPage() throws {
        let member = Fixture.staffMember(Fixture.teshigawara, section: "1010", post: "主事", since: "2023-04-01")
        let assignments = Fixture.assignments.filter { $0.staffNumber == member.staffNumber }.sorted { $0.start > $1.start }
        for reader in PageSnapshots.Reader.allCases {
            let localizer = try PageSnapshots.localizer(reader)
            let content = StaffPage.build(
                member: member, assignments: assignments, sectionVersions: Fixture.sectionVersions(),
                selfReports: nil, participation: [
                    ParticipationEntry(staffNumber: member.staffNumber, kind: .supportShift, activityID: "shift-1", activityTitle: "市民まつり 受付",
                                       sectionCode: "1010", departmentCode: "10", hostSectionCode: "1010", route: .allocated, date: Fixture.day("2026-10-12"), hours: 7.5),
                    ParticipationEntry(staffNumber: member.staffNumber, kind: .projectTeam, activityID: "team-1", activityTitle: "窓口DX推進プロジェクトチーム",
                                       sectionCode: "1010", departmentCode: "10", hostSectionCode: "101010", route: .applied, date: Fixture.day("2026-06-01")),
                ], today: today, localizer: localizer)
            assertPageSnapshot(of: content, reader: reader)
        }
    }

    // MARK: - Retirement

    /// This fiscal year and the next: born 1965-04-01 retires on 2027-03-31, born a day later
    /// does not; a leap-day birthday; one age-60 record with a choice and one pending.
    @Test func retirementOutlook() throws {
        let members = Fixture.retirementStaff.map { Fixture.staffMember($0.record, section: $0.section, post: $0.post, since: "2024-04-01") }
        let byNumber = Dictionary(uniqueKeysWithValues: members.map { ($0.staffNumber, $0) })
        let rules = RetirementRules.localPublicService2023
        let thisYear = FiscalYear.containing(today)
        let outlooks = [thisYear, thisYear.next].map { year in
            rules.outlook(for: year, staff: members.map(\.record)) { record in
                byNumber[record.staffNumber]?.currentPost.map(PostTiers.standard.isManagerial) ?? false
            }
        }
        let records = Dictionary(uniqueKeysWithValues: Fixture.ageSixtyRecords().map { ($0.staffNumber, $0) })
        for reader in PageSnapshots.Reader.allCases {
            let localizer = try PageSnapshots.localizer(reader)
            let content = RetirementOutlookPage.build(
                outlooks: outlooks, staff: byNumber, tree: Fixture.tree, records: records, canRecord: true, localizer: localizer)
            assertPageSnapshot(of: content, reader: reader)
        }
    }

    // MARK: - Rotation

    /// Cohorts hired on 平成31年4月1日 and 令和元年5月1日, someone whose period ends on a fiscal
    /// year's last day, achieved, missed, pending and at-risk staff, and the six-year trend.
    @Test func compliance() throws {
        let staff = Fixture.complianceStaff
        let posts = CollaborationPosts(versions: Fixture.sectionVersions().map { ($0.fiscalYear, $0.record) })
        func report(asOf: LocalDate) -> CollaborationCompliance.Report {
            CollaborationCompliance.report(staff: staff, assignments: Fixture.assignments, posts: posts, asOf: asOf)
        }
        let now = report(asOf: today)
        let trend = CollaborationTrend.years(today: today) { report(asOf: $0) }
        let currentSection = Dictionary(
            Fixture.assignments.filter { $0.end == nil }.map { ($0.staffNumber, $0.sectionCode) }, uniquingKeysWith: { a, _ in a })
        for reader in PageSnapshots.Reader.allCases {
            let localizer = try PageSnapshots.localizer(reader)
            let atRisk = now.atRisk.map { person in
                CompliancePage.AtRisk(
                    section: currentSection[person.staffNumber].flatMap { Fixture.tree.units[$0] }.map { localizer.text($0.localizedName) } ?? "",
                    person: person)
            }
            let content = CompliancePage.build(today: today, periodYears: 10, report: now, trend: trend, atRisk: atRisk, localizer: localizer)
            assertPageSnapshot(of: content, reader: reader)
        }
    }

    // MARK: - Career

    /// This year's round (its deadline today, so still open), one ending on a fiscal year's last
    /// day, and one whose period spans the era change; the list as a staff member sees it (no form).
    @Test func selfReportRounds() throws {
        let cycles = Fixture.selfReportCycles()
        for reader in PageSnapshots.Reader.allCases {
            let localizer = try PageSnapshots.localizer(reader)
            let content = try SelfReportRoundsPage.build(cycles: cycles, form: nil, today: today, localizer: localizer)
            assertPageSnapshot(of: content, reader: reader)
        }
    }

    // MARK: - Surveys

    /// The surveys to answer (one answered) and, as HR sees them, every survey by status.
    @Test func surveyList() throws {
        let surveys = Fixture.surveys()
        let openSurveys = surveys.filter { $0.status == .open }
        let answered: Set<UUID> = [Fixture.telework]
        for reader in PageSnapshots.Reader.allCases {
            let localizer = try PageSnapshots.localizer(reader)
            let content = try SurveyListPage.build(open: openSurveys, answered: answered, followed: .managed(surveys), today: TestClock.today, localizer: localizer)
            assertPageSnapshot(of: content, reader: reader)
        }
    }

    // MARK: - Opportunities

    /// A running team as its organizer sees it: an applicant awaiting selection, a nominee who
    /// accepted, a member whose manager has until 令和8年12月7日, one past the deadline (silence is
    /// consent), one refused; a meeting on the era change and an activity.
    @Test func projectTeamForItsOrganizer() throws {
        let teamID = UUID(uuidString: "5E1D7C44-0000-4000-8000-000000000001")!
        let team = ProjectTeam(id: teamID, title: "人材育成・働き方改革推進プロジェクトチーム", purpose: "職員アンケートの結果から、\n職場の改善策をつくる。",
                               sponsorSectionCode: "2010", organizerStaffNumber: Fixture.teshigawara.staffNumber,
                               startsOn: Fixture.day("2026-06-01"), endsOn: Fixture.day("2027-03-31"), seats: 4, wantedSkills: "データ分析、広報",
                               themes: "職員の働き方改革", applicationsOpenOn: Fixture.day("2026-04-01"), applicationsCloseOn: Fixture.day("2026-05-15"), audience: ["2000"])
        func candidate(_ n: Int, _ number: StaffNumber, _ route: ParticipationRoute, _ status: TeamCandidateStatus, deadline: String? = nil, answer: Bool? = nil) -> ProjectTeamCandidate {
            let candidate = ProjectTeamCandidate(id: UUID(uuidString: "5E1D7C44-0000-4000-8000-00000000010\(n)")!, teamID: teamID, staffNumber: number, route: route, status: status,
                                                 motivation: route == .applied ? "窓口の経験を生かしたい。" : "", nominatedBy: route == .nominated ? Fixture.teshigawara.staffNumber : nil,
                                                 nominationReason: route == .nominated ? "調整力があります。" : "")
            candidate.sectionCode = "2011"
            candidate.consentDeadline = deadline.map(Fixture.day)
            candidate.consentAnswer = answer
            if status == .refusedByManager { candidate.consentReason = "繁忙期のため。" }
            return candidate
        }
        let candidates = [
            candidate(1, "S20001", .applied, .candidate),
            candidate(2, "S20002", .nominated, .candidate),
            candidate(3, "S20003", .applied, .selected, deadline: "2026-12-07"),
            candidate(4, "S20004", .nominated, .selected, deadline: "2026-06-10"),
            candidate(5, "S20005", .applied, .refusedByManager, deadline: "2026-06-10", answer: false),
        ]
        let log = [
            ProjectTeamLogEntry(teamID: teamID, kind: .meeting, heldOn: Fixture.day("2019-05-01"), place: "本庁舎5階 第3会議室", text: "第1回会議", author: "S20003"),
            ProjectTeamLogEntry(teamID: teamID, kind: .activity, heldOn: Fixture.day("2026-11-20"), text: "聞き取り調査", author: "S20004"),
        ]
        let people = [Fixture.staffMember(Fixture.teshigawara, section: "2011", post: "主事", since: "2023-04-01")]
        for reader in PageSnapshots.Reader.allCases {
            let localizer = try PageSnapshots.localizer(reader)
            let content = TeamPage.build(
                team: team, viewerNumber: Fixture.teshigawara.staffNumber, runs: true, canNominate: true, candidates: candidates, mine: nil,
                people: people, log: log, tree: Fixture.tree, forms: TeamPageForms(), csrfToken: "token", today: today, localizer: localizer)
            assertPageSnapshot(of: content, reader: reader)
        }
    }

    /// The receipt of an anonymous survey (with how answers are kept) and of a named one.
    @Test func surveyReceipt() throws {
        let surveys = try Dictionary(uniqueKeysWithValues: Fixture.surveys().map { (try $0.requireID(), $0) })
        let anonymous = try #require(surveys[Fixture.engagement])
        let named = try #require(surveys[Fixture.telework])
        for reader in PageSnapshots.Reader.allCases {
            let localizer = try PageSnapshots.localizer(reader)
            let pages = [
                "anonymous": SurveyReceiptPage.build(survey: anonymous, localizer: localizer),
                "named": SurveyReceiptPage.build(survey: named, localizer: localizer),
            ]
            assertPageSnapshot(of: pages, reader: reader)
        }
    }
}

/// The city the snapshots show: plain values, and Fluent models built in memory (no database).
private enum Fixture {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    static let longName = "勅使河原 左衛門三郎"

    // MARK: Organization

    static func section(
        _ code: SectionCode, _ nameJa: String, _ nameEn: String, _ kind: SectionKind, parent: SectionCode?,
        collaboration: Bool = false, district: String? = nil, headcount: Int, managerial: Bool
    ) -> SectionRecord {
        SectionRecord(code: code, nameJa: nameJa, nameEn: nameEn, kind: kind, parentCode: parent, isCollaborationPost: collaboration,
                      district: district, authorizedHeadcount: headcount, isManagerial: managerial)
    }

    /// This fiscal year's organization.
    static let sections2026: [SectionRecord] = [
        section("1000", "市民協働推進部", "Citizen Collaboration Department", .department, parent: nil, headcount: 2, managerial: true),
        section("1010", "北部地区市民センター", "Northern District Citizen Center", .center, parent: "1000", collaboration: true, district: "北部", headcount: 8, managerial: true),
        section("1020", "南部地区市民センター", "Southern District Citizen Center", .center, parent: "1000", collaboration: true, district: "南部", headcount: 7, managerial: true),
        section("2000", "総務部", "General Affairs Department", .department, parent: nil, headcount: 2, managerial: true),
        section("2010", "人事課", "Personnel Division", .division, parent: "2000", headcount: 12, managerial: true),
        section("2011", "人材育成・働き方改革推進係", "Talent Development and Workstyle Reform Unit", .unit, parent: "2010", headcount: 5, managerial: false),
    ]

    /// 平成31年度 (2019): the unit had its old name, and one center had no English name yet.
    static let sections2019: [SectionRecord] = sections2026.map { record in
        var old = record
        if record.code == "2011" { old.nameJa = "人材育成係"; old.nameEn = "Talent Development Unit" }
        if record.code == "1020" { old.nameEn = "" }
        return old
    }

    static let tree = OrganizationTree(fiscalYear: 2026, records: sections2026)

    static func sectionVersions() -> [OrganizationUnit] {
        sections2019.map { OrganizationUnit(fiscalYear: 2019, record: $0) } + sections2026.map { OrganizationUnit(fiscalYear: 2026, record: $0) }
    }

    // MARK: Staff

    static func staff(
        _ number: StaffNumber, _ name: String, _ kana: String, born: String, _ gender: Gender?, hired: String,
        job: String = "事務", grade: String, _ type: EmploymentType = .regular
    ) -> StaffRecord {
        StaffRecord(staffNumber: number, name: name, nameKana: kana, birthDate: day(born), gender: gender, hireDate: day(hired),
                    jobType: job, grade: grade, employmentType: type)
    }

    static func staffMember(_ record: StaffRecord, section: SectionCode?, post: String?, since: String?) -> StaffMember {
        let member = StaffMember(record: record)
        member.currentSectionCode = section
        member.currentPost = post
        member.currentSince = since.map(day)
        return member
    }

    /// Hired on the last April 1 of 平成; moved on the first day of 令和.
    static let teshigawara = staff("S19001", longName, "テシガワラ サエモンサブロウ", born: "1996-05-01", .male, hired: "2019-04-01", grade: "主事")

    static let complianceStaff: [StaffRecord] = [
        teshigawara,
        staff("S19051", "西園寺 さくら", "サイオンジ サクラ", born: "1996-07-07", .female, hired: "2019-05-01", grade: "主事"),
        staff("S17001", "長谷川 一之輔", "ハセガワ イチノスケ", born: "1994-11-30", .male, hired: "2017-04-01", grade: "主任"),
        staff("S16002", "五十嵐 ひかり", "イガラシ ヒカリ", born: "1993-10-01", .female, hired: "2016-10-01", job: "保健師", grade: "主任"),
        staff("S16001", "武者小路 実篤", "ムシャノコウジ サネアツ", born: "1993-04-02", .male, hired: "2016-04-01", job: "技術", grade: "主任"),
        staff("S15001", "鈴木 花子", "スズキ ハナコ", born: "1992-06-15", .female, hired: "2015-04-01", grade: "係長"),
        staff("S22001", "田中 陽翔", "タナカ ハルト", born: "1999-12-24", nil, hired: "2022-04-01", grade: "主事"),
        // Re-appointed staff are not counted.
        staff("S86001", "山田 太郎", "ヤマダ タロウ", born: "1963-05-05", .male, hired: "1986-04-01", grade: "主査", .reappointed),
    ]

    static let assignments: [AssignmentRecord] = [
        AssignmentRecord(staffNumber: "S19001", sectionCode: "2010", post: "主事", start: day("2019-04-01"), end: day("2019-04-30")),
        AssignmentRecord(staffNumber: "S19001", sectionCode: "2011", post: "主事", start: day("2019-05-01"), end: day("2023-03-31")),
        AssignmentRecord(staffNumber: "S19001", sectionCode: "1010", post: "主事", start: day("2023-04-01"), end: nil),
        AssignmentRecord(staffNumber: "S19051", sectionCode: "2011", post: "主事", start: day("2019-05-01"), end: nil),
        AssignmentRecord(staffNumber: "S17001", sectionCode: "2010", post: "主任", start: day("2017-04-01"), end: nil),
        AssignmentRecord(staffNumber: "S16002", sectionCode: "2011", post: "主事", start: day("2016-10-01"), end: day("2020-03-31")),
        AssignmentRecord(staffNumber: "S16002", sectionCode: "1020", post: "主任", start: day("2020-04-01"), end: nil),
        AssignmentRecord(staffNumber: "S16001", sectionCode: "2010", post: "主任", start: day("2016-04-01"), end: nil),
        AssignmentRecord(staffNumber: "S15001", sectionCode: "2010", post: "主事", start: day("2015-04-01"), end: day("2018-03-31")),
        AssignmentRecord(staffNumber: "S15001", sectionCode: "1020", post: "主任", start: day("2018-04-01"), end: day("2022-03-31")),
        AssignmentRecord(staffNumber: "S15001", sectionCode: "2011", post: "係長", start: day("2022-04-01"), end: nil),
        AssignmentRecord(staffNumber: "S22001", sectionCode: "2011", post: "主事", start: day("2022-04-01"), end: nil),
        AssignmentRecord(staffNumber: "S86001", sectionCode: "1010", post: "主査", start: day("2023-04-01"), end: nil),
    ]

    /// Who appears in this year's and next year's retirement outlook, with where they work today.
    static let retirementStaff: [(record: StaffRecord, section: SectionCode, post: String)] = [
        // Reaches 62 on 2027-03-31: retires at the end of FY2026.
        (staff("S88001", "五百旗頭 真理恵", "イオキベ マリエ", born: "1965-04-01", .female, hired: "1988-04-01", grade: "参事"), "2000", "参事"),
        // Born a day later: reaches 62 in FY2027, when the age is 63. Reached 60 on 2025-04-01, so her
        // managerial post ends on 2026-04-01, this fiscal year's first day.
        (staff("S89001", "東海林 わかな", "ショウジ ワカナ", born: "1965-04-02", .female, hired: "1989-04-01", job: "保健師", grade: "課長"), "2010", "課長"),
        // Reaches 60 on 2026-04-30; leaves the managerial post on 2027-04-01.
        (staff("S90001", "佐々木 健太郎", "ササキ ケンタロウ", born: "1966-05-01", .male, hired: "1990-04-01", job: "技術", grade: "所長"), "1020", "所長"),
        // Reaches 59 on 2026-04-01 (the information is due this year) and 60 on 2027-04-01.
        (staff("S91001", "一 二三", "ニノマエ ヒフミ", born: "1967-04-02", .female, hired: "1991-04-01", grade: "係長"), "2011", "係長"),
        // Born on February 29.
        (staff("S92001", "小鳥遊 美千代", "タカナシ ミチヨ", born: "1968-02-29", .female, hired: "1992-04-01", grade: "課長補佐"), "2010", "課長補佐"),
    ]

    static func ageSixtyRecords() -> [AgeSixtyRecord] {
        func record(_ number: StaffNumber, informedOn: String, choice: AgeSixtyChoice?) -> AgeSixtyRecord {
            AgeSixtyRecord(staffNumber: number, informedOn: day(informedOn), choice: choice, recordedBy: "D0004")
        }
        return [
            record("S90001", informedOn: "2025-05-01", choice: .continueWorking),
            record("S91001", informedOn: "2026-04-01", choice: nil),
        ]
    }

    // MARK: Career

    static func selfReportCycles() -> [SelfReportCycle] {
        func cycle(_ id: String, year: Int, _ title: String, opens: String, deadline: String) -> SelfReportCycle {
            SelfReportCycle(id: UUID(uuidString: id)!, fiscalYear: year, title: title, opensOn: day(opens), deadline: day(deadline), createdBy: "D0004")
        }
        return [
            cycle("00000000-0000-0000-0000-00000000c026", year: 2026, "令和8年度 自己申告（キャリア形成・異動希望・家庭の事情等）", opens: "2026-11-02", deadline: "2026-11-30"),
            cycle("00000000-0000-0000-0000-00000000c025", year: 2025, "令和7年度 自己申告", opens: "2026-03-02", deadline: "2026-03-31"),
            cycle("00000000-0000-0000-0000-00000000c019", year: 2019, "平成31年度・令和元年度 自己申告", opens: "2019-04-22", deadline: "2019-05-10"),
        ]
    }

    // MARK: Surveys

    static let engagement = UUID(uuidString: "00000000-0000-0000-0000-00000000a001")!
    static let telework = UUID(uuidString: "00000000-0000-0000-0000-00000000a002")!
    static let attitudes2019 = UUID(uuidString: "00000000-0000-0000-0000-00000000a003")!
    static let engagement2027 = UUID(uuidString: "00000000-0000-0000-0000-00000000a004")!

    static func surveys() -> [Survey] {
        func survey(
            _ id: UUID, year: Int, _ titleJa: String, _ titleEn: String, opens: String, closes: String, _ status: Survey.Status, anonymous: Bool
        ) -> Survey {
            Survey(
                id: id, fiscalYear: year, titleJa: titleJa, titleEn: titleEn, opensOn: day(opens), closesOn: day(closes), isAnonymous: anonymous,
                status: status, organizationFiscalYear: status == .draft ? nil : year, createdBy: "D0005"
            )
        }
        return [
            survey(engagement2027, year: 2027, "令和9年度 職員エンゲージメント調査", "FY2027 Staff Engagement Survey",
                   opens: "2027-04-01", closes: "2027-04-30", .draft, anonymous: true),
            survey(engagement, year: 2026, "令和8年度 職員エンゲージメント調査（ワーク・ライフ・バランスと職場の心理的安全性）",
                   "FY2026 Staff Engagement Survey (work-life balance and psychological safety)",
                   opens: "2026-11-16", closes: "2026-12-11", .open, anonymous: true),
            // No English title: English readers see the Japanese one.
            survey(telework, year: 2026, "テレワーク・時差出勤の利用状況調査", "", opens: "2026-11-01", closes: "2026-11-30", .open, anonymous: false),
            survey(attitudes2019, year: 2019, "令和元年度 職員意識調査", "FY2019 Staff Attitude Survey",
                   opens: "2019-04-26", closes: "2019-05-10", .closed, anonymous: true),
        ]
    }

    // MARK: Home

    static func homeNotices(_ localizer: Localizer) -> [HomeNotice] {
        [
            HomeNotice(message: localizer.t("selfReport.reminder", "令和8年度 自己申告（キャリア形成・異動希望・家庭の事情等）", localizer.date(day("2026-11-30"))),
                       href: CareerRoute.selfReport.path, linkLabel: localizer.t("selfReport.open")),
            HomeNotice(message: localizer.t("survey.reminder", "令和8年度 職員エンゲージメント調査", localizer.date(day("2026-12-11"))),
                       href: SurveysRoute.answer(.id(engagement)).path, linkLabel: localizer.t("survey.answerNow")),
        ]
    }

    /// HR's tasks on a busy day: an open round, a survey below its target, a scenario awaiting
    /// approval, this year's retirements, and a district served as liaison.
    static let homeFigures = HomePage.Figures(
        rounds: [HomePage.RoundFigure(
            cycleID: UUID(uuidString: "00000000-0000-0000-0000-00000000c001")!, title: "令和8年度 自己申告（キャリア形成・異動希望・家庭の事情等）",
            deadline: day("2026-12-11"),
            completion: SelfReportCompletionPage.Row(label: "令和8年度 自己申告", href: nil, targets: 1_204, submitted: 917, drafts: 58, rate: "76.2 %"),
            notSubmitted: 287, isWholeCity: true)],
        surveys: [HomePage.SurveyFigure(surveyID: engagement, title: "令和8年度 職員エンゲージメント調査", closesOn: day("2026-12-11"),
                                        count: CellCount(respondents: 812, members: 1_204), ownUnitHidden: false, k: 5, target: 0.8)],
        scenarios: [HomePage.ScenarioFigure(scenarioID: UUID(uuidString: "00000000-0000-0000-0000-00000000c002")!, name: "令和9年4月1日 定期異動（案）",
                                            transferDate: day("2027-04-01"))],
        retirement: RetirementHomeFigures.Due(retiring: 31, informationOwed: 12),
        districts: [HomePage.DistrictFigure(districtID: UUID(uuidString: "00000000-0000-0000-0000-00000000c003")!,
                                            name: Bilingual(ja: "中央地区", en: "Chuo District"), open: 4, overdue: 1)])
}
