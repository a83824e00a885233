import Fluent
import Foundation
import JibungotoDomain

/// The demo city's project teams: five a fiscal year over three years — the two earlier years'
/// closed with their reports, this year's recruiting, running (with consents pending) and
/// upcoming. As in many cities, a small circle of willing staff turns up again and again through
/// open calls, while nominations bring in new faces; the fairness figures show both.
enum DemoProjectTeams {
    struct Plan {
        let title: String
        let purpose: String
        let themes: String
        let skills: String
        let sponsor: SectionCode
        let seats: Int
    }

    static let plans: [[Plan]] = [
        [
            Plan(title: "窓口サービス向上プロジェクトチーム", purpose: "来庁者アンケートをもとに、案内表示と待ち時間を改善する。", themes: "行政のデジタル化、窓口", skills: "データ分析、窓口対応", sponsor: "1310", seats: 8),
            Plan(title: "子育て応援ガイド改訂チーム", purpose: "子育て世帯向けガイドを当事者の目線で作り直す。", themes: "子育て支援、情報発信", skills: "文書作成、プレゼンテーション", sponsor: "1110", seats: 6),
            Plan(title: "公共施設マネジメント勉強会", purpose: "施設の老朽化と利用実態を学び、再配置の論点を整理する。", themes: "公共施設の再配置", skills: "データ分析、事業の企画立案", sponsor: "1120", seats: 8),
            Plan(title: "若手職員政策提案チーム", purpose: "採用10年目までの職員が市長に政策を提案する。", themes: "職員の働き方改革、行政のデジタル化", skills: "事業の企画立案、プレゼンテーション", sponsor: "1110", seats: 10),
            Plan(title: "防災訓練見直しチーム", purpose: "総合防災訓練を地域参加型に改める。", themes: "地域の防災力向上", skills: "庁内調整、現場での折衝", sponsor: "1020", seats: 7),
        ],
        [
            Plan(title: "オープンデータ推進チーム", purpose: "公開データの種類を増やし、活用事例をつくる。", themes: "行政のデジタル化", skills: "データ分析", sponsor: "1170", seats: 8),
            Plan(title: "市民協働ポスト経験共有チーム", purpose: "地区市民センター経験者の学びを庁内に広める。", themes: "地域の防災力向上、情報発信", skills: "相談援助の技術、多職種連携", sponsor: "1210", seats: 6),
            Plan(title: "働き方改革推進チーム", purpose: "時間外勤務の多い職場の業務を見直す。", themes: "職員の働き方改革", skills: "庁内調整、工程管理", sponsor: "1020", seats: 8),
            Plan(title: "子育て支援情報発信チーム", purpose: "SNSと広報紙で子育て支援策を届ける。", themes: "子育て支援の情報発信", skills: "文書作成、プレゼンテーション", sponsor: "1110", seats: 6),
            Plan(title: "公共施設再配置計画チーム", purpose: "再配置計画の素案を地区ごとの意見とともにまとめる。", themes: "公共施設の再配置", skills: "事業の企画立案、予算・会計の実務", sponsor: "1120", seats: 8),
        ],
        [
            Plan(title: "窓口DX推進プロジェクトチーム", purpose: "来庁者の手続を一か所で終えられる「書かない窓口」を設計する。", themes: "行政のデジタル化、窓口", skills: "データ分析、窓口対応、庁内調整", sponsor: "1170", seats: 8),
            Plan(title: "子育て世帯の声を聴くチーム", purpose: "子育て世帯との対話会を企画し、施策に生かす。", themes: "子育て支援の情報発信", skills: "相談援助の技術、プレゼンテーション", sponsor: "1110", seats: 6),
            Plan(title: "職員エンゲージメント向上チーム", purpose: "職員アンケートの結果から職場の改善策をつくる。", themes: "職員の働き方改革", skills: "データ分析、事業の企画立案", sponsor: "1020", seats: 8),
            Plan(title: "地域防災リーダー育成チーム", purpose: "地区ごとの防災リーダー研修を市民と共につくる。", themes: "地域の防災力向上", skills: "現場での折衝、多職種連携", sponsor: "1210", seats: 7),
            Plan(title: "公共施設の複合化検討チーム", purpose: "老朽化した施設の複合化案を地区と検討する。", themes: "公共施設の再配置", skills: "事業の企画立案、関係法令の知識", sponsor: "1120", seats: 8),
        ],
    ]

    static let logNotes = [
        "第1回会議。目的と進め方を確認し、担当を決めた。",
        "先進自治体の事例を共有し、本市で取り入れたい点を話し合った。",
        "関係課への聞き取りの結果を共有した。",
        "市民アンケートの設問案を検討した。",
        "中間報告の構成を決めた。",
    ]

    static func load(on database: any Database, today: LocalDate) async throws {
        guard try await ProjectTeam.query(on: database).count() == 0 else { return }
        let year = today.fiscalYear.startYear
        let tree = try await OrganizationTree.load(fiscalYear: year, on: database)
        guard !tree.units.isEmpty else { return }
        let staff = try await StaffMember.query(on: database).filter(\.$currentSectionCode != nil).filter(\.$employmentType == .regular)
            .sort(\.$staffNumber).all()
        guard staff.count > 60 else { return }
        let demoAccounts: Set<StaffNumber> = ["D0001", "D0002", "D0003", "D0004", "D0005", "D0006", "D0007"]
        let pool = staff.filter { !demoAccounts.contains($0.staffNumber) }
        // The usual faces: a dozen willing staff who apply to almost everything.
        let regulars = (0..<12).map { pool[DemoHash.value("regular", $0) % pool.count] }
        let pick: @Sendable (String, Int) -> StaffMember = { salt, index in pool[DemoHash.value(salt, index) % pool.count] }

        try await database.writeTransaction { database in
            for (offset, plans) in plans.enumerated() {
                let fiscalYear = year - 2 + offset
                for (index, plan) in plans.enumerated() {
                    let isThisYear = fiscalYear == year
                    let start: LocalDate, opens: LocalDate, closes: LocalDate
                    if isThisYear {
                        // This year: one recruiting now, three running, one starting in spring.
                        switch index {
                        case 0: (opens, closes, start) = (today.adding(days: -14), today.adding(days: 14), today.adding(days: 36))
                        case 4: (opens, closes, start) = (today.adding(days: 7), today.adding(days: 30), LocalDate(year: year + 1, month: 4, day: 15)!)
                        default: start = LocalDate(year: fiscalYear, month: 5 + index, day: 1)!; (opens, closes) = (start.adding(days: -45), start.adding(days: -15))
                        }
                    } else {
                        start = LocalDate(year: fiscalYear, month: 5 + index, day: 1)!
                        (opens, closes) = (start.adding(days: -45), start.adding(days: -15))
                    }
                    let organizer: StaffNumber = index % 2 == 0 ? "D0004" : "D0002"
                    let team = ProjectTeam(id: UUID(), title: plan.title, purpose: plan.purpose, sponsorSectionCode: plan.sponsor, organizerStaffNumber: organizer,
                                           startsOn: start, endsOn: start.adding(days: 240), seats: plan.seats, wantedSkills: plan.skills, themes: plan.themes,
                                           applicationsOpenOn: opens, applicationsCloseOn: closes)
                    let finished = !isThisYear
                    if finished {
                        team.closedOn = start.adding(days: 250)
                        team.closingReport = "\(plan.purpose)\nメンバー\(plan.seats)人で計\(8 + index)回の会議を重ね、報告書を市長に提出した。所属を越えて話し合ったことで、各課の事情への理解が深まったとの声が多かった。"
                    }
                    try await team.create(on: database)
                    let teamID = try team.requireID()
                    let recruitingNow = isThisYear && index == 0
                    let notStarted = isThisYear && index == 4

                    // Applicants: mostly the usual faces, a few others; nominations bring new people.
                    var involved: Set<StaffNumber> = []
                    var candidates: [ProjectTeamCandidate] = []
                    func add(_ member: StaffMember, route: ParticipationRoute, status: TeamCandidateStatus, nominator: StaffNumber? = nil) {
                        guard involved.insert(member.staffNumber).inserted, member.staffNumber != organizer else { return }
                        let candidate = ProjectTeamCandidate(id: UUID(), teamID: teamID, staffNumber: member.staffNumber, route: route, status: status,
                                                             motivation: route == .applied ? DemoText.reasons[DemoHash.value(member.staffNumber, teamID) % DemoText.reasons.count] : "",
                                                             nominatedBy: nominator, nominationReason: nominator == nil ? "" : "日頃の仕事ぶりから、このテーマに力を発揮してくれると考え推薦します。")
                        candidate.sectionCode = member.currentSectionCode
                        candidates.append(candidate)
                    }
                    guard !notStarted else { continue }
                    for (slot, regular) in regulars.enumerated() where DemoHash.value(plan.title, slot) % 10 < 6 {
                        add(regular, route: .applied, status: .candidate)
                    }
                    for slot in 0..<3 { add(pick(plan.title + "applicant", slot), route: .applied, status: .candidate) }
                    for slot in 0..<3 {
                        add(pick(plan.title + "nominee", slot), route: .nominated, status: recruitingNow && slot == 0 ? .awaitingNominee : (slot == 2 ? .declined : .candidate),
                            nominator: "D0002")
                    }
                    if recruitingNow, let staffAccount = staff.first(where: { $0.staffNumber == "D0001" }) {
                        add(staffAccount, route: .nominated, status: .awaitingNominee, nominator: "D0002")
                    }
                    // Selection: nominees who accepted first, then applicants in order, up to the seats.
                    if !recruitingNow {
                        let order = candidates.filter { $0.status == .candidate && $0.route == .nominated } + candidates.filter { $0.status == .candidate && $0.route == .applied }
                        // The running team with a consent pending keeps a seat for 市民課's applicant added below.
                        let seats = isThisYear && index == 1 ? plan.seats - 1 : plan.seats
                        for (rank, candidate) in order.prefix(seats).enumerated() {
                            candidate.status = .selected
                            candidate.selectedOn = closes.adding(days: 3)
                            let pendingHere = isThisYear && index == 1 && rank < 2
                            candidate.consentDeadline = pendingHere ? today.adding(days: 5) : closes.adding(days: 10)
                            candidate.consentAnswer = pendingHere ? nil : (rank % 3 == 0 ? nil : true)
                            if !pendingHere, DemoHash.value(plan.title, rank, "refuse") % 9 == 0 {
                                candidate.status = .refusedByManager
                                candidate.consentAnswer = false
                                candidate.consentReason = ["繁忙期と重なり、係の業務が回らなくなるため。", "係員の欠員が続いており、当面は本来業務に専念させたいため。"][rank % 2]
                            }
                        }
                    }
                    // One of 市民課's staff (the demo section manager's) awaits consent, so the manager has something to answer.
                    if isThisYear && index == 1, let own = pool.first(where: { $0.currentSectionCode.map { tree.subtree(of: "1310").contains($0) } == true && !involved.contains($0.staffNumber) }) {
                        add(own, route: .applied, status: .selected)
                        candidates.last?.selectedOn = today.adding(days: -2)
                        candidates.last?.consentDeadline = today.adding(days: 5)
                    }
                    try await ChunkedInsert.create(candidates, on: database)
                    for candidate in candidates where candidate.status == .selected {
                        guard let member = staff.first(where: { $0.staffNumber == candidate.staffNumber }) else { continue }
                        try await ParticipationLedger.record(
                            ParticipationLedger.entry(for: member, kind: .projectTeam, activityID: teamID.uuidString, title: plan.title,
                                                      hostSection: plan.sponsor, route: candidate.route, date: start, tree: tree), on: database)
                    }
                    if start <= today {
                        let members = candidates.filter { $0.status == .selected }.map(\.staffNumber)
                        let meetings = finished ? 5 : max(1, start.days(until: today) / 30)
                        for meeting in 0..<min(meetings, logNotes.count) {
                            try await ProjectTeamLogEntry(teamID: teamID, kind: .meeting, heldOn: start.adding(days: 7 + meeting * 28), place: "本庁舎5階 第\(1 + meeting % 3)会議室",
                                                          text: logNotes[meeting], author: members.first ?? organizer).create(on: database)
                        }
                    }
                }
            }
        }
    }
}
