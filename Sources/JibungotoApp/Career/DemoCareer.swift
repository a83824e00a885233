import Fluent
import Foundation
import JibungotoDomain

/// The demo city's section profiles (every section, this fiscal year) and two self-report rounds:
/// last year's, closed, and this year's, open with about 85 % submitted. Deterministic.
enum DemoCareer {
    static func load(on database: any Database, today: LocalDate) async throws {
        guard try await SelfReportCycle.query(on: database).count() == 0 else { return }
        let year = today.fiscalYear.startYear
        let tree = try await OrganizationTree.load(fiscalYear: year, on: database)
        guard !tree.units.isEmpty else { return }
        let staff = try await StaffMember.query(on: database).filter(\.$currentSectionCode != nil).sort(\.$staffNumber).all()
        let assignments = try await Assignment.query(on: database).filter(\.$startDate == FiscalYear(startYear: year).start).all()
        let movedInto = Dictionary(assignments.map { ($0.staffNumber, $0.sectionCode) }, uniquingKeysWith: { a, _ in a })
        try await database.writeTransaction { database in
            try await ChunkedInsert.create(profiles(tree: tree), on: database)
            let previous = cycle(year: year - 1, title: "令和\(year - 2018 - 1)年度 自己申告", opens: LocalDate(year: year - 1, month: 10, day: 1)!, deadline: LocalDate(year: year - 1, month: 11, day: 30)!)
            let current = cycle(year: year, title: "令和\(year - 2018)年度 自己申告", opens: LocalDate(year: year, month: 10, day: 1)!, deadline: LocalDate(year: year, month: 12, day: 11)!)
            try await previous.create(on: database)
            try await current.create(on: database)
            for (cycle, submittedShare, draftShare) in [(previous, 92, 3), (current, 85, 6)] {
                var reports: [SelfReport] = []
                var wishes: [(Int, [(SectionCode, String)])] = []
                for member in staff {
                    let roll = DemoHash.value(member.staffNumber, cycle.fiscalYear, "status") % 100
                    guard roll < submittedShare + draftShare else { continue }
                    let report = SelfReport()
                    report.id = UUID()
                    report.$cycle.id = try cycle.requireID()
                    report.staffNumber = member.staffNumber
                    let submittedOn = cycle.opensOn.adding(days: DemoHash.value(member.staffNumber, "day") % 40)
                    report.submittedAt = roll < submittedShare ? submittedOn.startOfDay(in: .japan).addingTimeInterval(Double(9 + DemoHash.value(member.staffNumber, "hour") % 9) * 3_600) : nil
                    let choices = wishChoices(for: member, tree: tree, year: cycle.fiscalYear, movedInto: cycle.fiscalYear == year - 1 ? movedInto[member.staffNumber] : nil)
                    report.moveWish = choices.isEmpty ? MoveWish.stay.rawValue : MoveWish.allCases[DemoHash.value(member.staffNumber, cycle.fiscalYear, "move") % 3].rawValue
                    report.careerPlan = DemoText.careerPlans[DemoHash.value(member.staffNumber, cycle.fiscalYear, "plan") % DemoText.careerPlans.count]
                    report.projectTeamInterest = DemoHash.value(member.staffNumber, "pt") % 3 == 0
                    report.projectTeamThemes = report.projectTeamInterest ? DemoText.themes[DemoHash.value(member.staffNumber, "ptt") % DemoText.themes.count] : ""
                    report.sideJobInterest = DemoHash.value(member.staffNumber, "sj") % 4 == 0
                    report.sideJobThemes = report.sideJobInterest ? DemoText.themes[DemoHash.value(member.staffNumber, "sjt") % DemoText.themes.count] : ""
                    report.skills = DemoText.skills[DemoHash.value(member.staffNumber, "skills") % DemoText.skills.count]
                    report.circumstances = DemoHash.value(member.staffNumber, "care") % 12 == 0 ? DemoText.circumstances[DemoHash.value(member.staffNumber, "carekind") % DemoText.circumstances.count] : ""
                    reports.append(report)
                    wishes.append((reports.count - 1, choices))
                }
                try await ChunkedInsert.create(reports, on: database)
                let wishRows = try wishes.flatMap { index, choices in
                    try choices.enumerated().map { rank, choice in
                        SelfReportWish(reportID: try reports[index].requireID(), rank: rank + 1, sectionCode: choice.0, reason: choice.1)
                    }
                }
                try await ChunkedInsert.create(wishRows, on: database)
            }
        }
    }

    private static func cycle(year: Int, title: String, opens: LocalDate, deadline: LocalDate) -> SelfReportCycle {
        let cycle = SelfReportCycle()
        cycle.id = UUID()
        cycle.fiscalYear = year
        cycle.title = title
        cycle.opensOn = opens
        cycle.deadline = deadline
        cycle.targetDepartments = ""
        cycle.targetEmploymentTypes = EmploymentType.regular.rawValue
        cycle.createdBy = "D0004"
        return cycle
    }

    /// Up to three sections; last year's first wish is often where the person actually moved.
    private static func wishChoices(for member: StaffMember, tree: OrganizationTree, year: Int, movedInto: SectionCode?) -> [(SectionCode, String)] {
        let candidates = tree.flattened().map(\.record).filter { $0.kind != .department && $0.code != member.currentSectionCode }
        guard !candidates.isEmpty else { return [] }
        let count = DemoHash.value(member.staffNumber.rawValue, year, "count") % 4
        var chosen: [SectionCode] = []
        if let movedInto, DemoHash.value(member.staffNumber.rawValue, "met") % 5 < 2, tree.units[movedInto] != nil { chosen.append(movedInto) }
        var salt = 0
        while chosen.count < count && salt < 20 {
            let code = candidates[DemoHash.value(member.staffNumber.rawValue, year, "wish\(salt)") % candidates.count].code
            if !chosen.contains(code) { chosen.append(code) }
            salt += 1
        }
        return chosen.map { code in
            let unit = tree.units[code]
            let reasons = unit?.isCollaborationPost == true ? DemoText.collaborationReasons : DemoText.reasons
            return (code, reasons[DemoHash.value(member.staffNumber.rawValue, code.rawValue) % reasons.count])
        }
    }

    private static func profiles(tree: OrganizationTree) -> [SectionProfile] {
        tree.flattened().map(\.record).filter { $0.kind != .department }.map { unit in
            let department = tree.department(of: unit.code)?.nameJa ?? ""
            let pick = { (list: [String], salt: String) in list[DemoHash.value(unit.code, salt) % list.count] }
            let profile = SectionProfile()
            profile.fiscalYear = tree.fiscalYear
            profile.sectionCode = unit.code
            if unit.kind == .center {
                profile.mission = "\(unit.district ?? "地区")の住民の皆さんにいちばん近い市役所として、各種証明書の発行、公民館事業、自治会・まちづくり協議会の活動支援を担っています。"
                profile.mainWork = "窓口での証明書発行と届出の受付\n公民館講座・地区行事の企画運営\n自治会・地区社協との連絡調整、地域課題の聞き取りと関係課への橋渡し"
                profile.skills = "地域の方との対話\n会議の進行・ファシリテーション\n窓口対応\n関係課との調整"
                profile.careerMeaning = "市民協働部署です。地域の方と直接対話し、地域課題を行政の課題解決につなげる経験は、どの部署に異動しても生きる財産になります。採用後おおむね10年以内に市民協働部署を経験することが、人材育成基本方針の目標です。"
            } else {
                profile.mission = "\(department)の\(unit.nameJa)として、\(unit.nameJa.replacingOccurrences(of: "係", with: "").replacingOccurrences(of: "課", with: ""))に関する施策の企画・実施と、市民や事業者からの相談・手続きを担っています。"
                profile.mainWork = pick(DemoText.mainWork, "work")
                profile.skills = pick(DemoText.skills, "skills")
                profile.careerMeaning = unit.isCollaborationPost ? "市民協働部署です。" + pick(DemoText.careerMeanings, "meaning") : pick(DemoText.careerMeanings, "meaning")
            }
            profile.busySeasons = pick(DemoText.busySeasons, "busy")
            profile.staffVoices = pick(DemoText.voices, "voice")
            profile.updatedBy = "D0004"
            return profile
        }
    }
}

/// A stable small hash for demo choices (not Swift's seeded Hasher, so every run is the same).
enum DemoHash {
    static func value(_ parts: any CustomStringConvertible...) -> Int {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in parts.map(\.description).joined(separator: "|").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100000001b3
        }
        return Int(hash % 1_000_003)
    }
}

/// Phrases for the demo city's profiles and self-reports.
enum DemoText {
    static let mainWork = [
        "計画の策定と進行管理\n関係団体・庁内関係課との調整\n市民からの問い合わせ対応",
        "申請・届出の審査と受付\n補助金の交付事務\n制度改正への対応と周知",
        "予算の要求と執行管理\n契約・発注事務\n議会対応資料の作成",
        "施設の維持管理と利用調整\n事業者との協議\n現場の点検と記録",
        "相談窓口での対応\n関係機関とのケース会議\n支援計画の作成と見直し",
    ]
    static let busySeasons = [
        "4月（年度当初の窓口）、1〜2月（予算編成）",
        "6月・9月・12月・2月（議会対応）",
        "7〜8月（夏の行事）、3月（年度末の精算）",
        "10〜11月（イベント・申請の集中）",
        "通年でおおむね平準化しています（3月のみ繁忙）",
    ]
    static let skills = [
        "予算・会計の実務\n文書作成\n庁内調整",
        "法令の読み解き\n窓口対応\n個人情報の適正な取扱い",
        "事業の企画立案\nデータ分析\nプレゼンテーション",
        "現場での折衝\n工程管理\n関係法令の知識",
        "相談援助の技術\n多職種連携\n記録の書き方",
    ]
    static let voices = [
        "市民の方から「ありがとう」と言われることが多く、やりがいを感じます。",
        "先輩が丁寧に教えてくれるので、異動してきてもすぐに慣れました。",
        "繁忙期は大変ですが、チームで声をかけ合って乗り切っています。",
        "市全体の動きが見える部署です。ほかの課の仕事にも詳しくなりました。",
        "専門的な知識が身につき、自分の成長を実感できます。",
    ]
    static let careerMeanings = [
        "市の施策全体を見渡す視点が身につきます。企画・調整系の部署へのステップになります。",
        "制度を正確に運用する力が身につきます。どの部署でも求められる基礎力です。",
        "市民や事業者と直接向き合う経験は、政策を考えるときの確かな土台になります。",
        "専門性を深めながら、関係機関と連携して課題を解決する経験が積めます。",
    ]
    static let careerPlans = [
        "今後3年は窓口業務で市民対応の基礎を固め、その後は企画部門で施策づくりに関わりたい。",
        "地域の方と直接関わる仕事を経験し、地域課題を施策につなげられる職員になりたい。",
        "財務や契約の知識を深め、事業を効率よく進められる職員を目指したい。",
        "デジタル化の取組に関わり、業務改善を通じて市民サービスを向上させたい。",
        "専門職として経験を積み、後輩の育成にも力を入れたい。",
    ]
    static let themes = ["子育て支援の情報発信", "公共施設の再配置", "行政のデジタル化", "地域の防災力向上", "職員の働き方改革"]
    static let reasons = [
        "これまでの経験を生かし、より専門的な業務に挑戦したいため。",
        "市の施策全体に関わる仕事を経験したいため。",
        "市民と直接関わる仕事を通じて視野を広げたいため。",
    ]
    static let collaborationReasons = [
        "採用後、まだ市民協働部署を経験していないため。地域の方と直接関わりたい。",
        "地域の課題を現場で知り、今後の仕事に生かしたいため。",
    ]
    static let circumstances = [
        "親の介護のため、通勤時間の短い部署を希望します。",
        "子が小学校低学年のため、当面は時間外勤務の少ない部署を希望します。",
        "通院の必要があるため、定期的な休暇の取得に配慮を希望します。",
    ]
}
