import Fluent
import Foundation
import JibungotoDomain

/// The demo city's internal side jobs (庁内副業): twenty over this fiscal year and the two before,
/// hosted by sections across the city, with applications, the managers' answers (a few refusals
/// with their reasons), members, monthly hours within the cap and closing reports from host and
/// members. A handful of keen staff apply often and are chosen first, so a few take several side
/// jobs, as in a real city. Every member is in the participation ledger. Dates follow `today`:
/// this year's side jobs are one ended and awaiting its closing report, two running (one hosted
/// by 市民課, D0002's section), one being selected and two open for applications (one of them
/// with D0001's application awaiting D0002). Deterministic but for the record ids.
enum DemoSideJobs {
    struct Template {
        let title: String
        let work: String
        let skills: String
        let hours: Double
        let seats: Int
        let report: String
        let outcome: String
    }

    static let templates: [Template] = [
        Template(title: "市ホームページのアクセシビリティ点検", work: "各課のページを点検基準に沿って確認し、画像の代替テキストや表の見出しなどの修正案をまとめます。", skills: "ウェブページの基礎知識\n文書作成", hours: 6, seats: 2,
                 report: "主要120ページを点検し、修正案を各課に送付しました。", outcome: "指摘の8割が年度内に修正され、点検手順書を次年度に引き継ぎました。"),
        Template(title: "広報紙の特集記事の取材・執筆", work: "広報紙の特集ページ（年4回）の企画会議に参加し、取材と記事の執筆を担当します。", skills: "文章を書くこと\n写真撮影", hours: 8, seats: 2,
                 report: "特集2本の取材と執筆を担当しました。", outcome: "読者アンケートで特集の満足度が前年より上がりました。"),
        Template(title: "地区まつりの企画・運営補助", work: "地区市民センターと自治会が開く地区まつりの準備会議、当日の運営、振り返りを担います。", skills: "地域の方との対話\nイベント運営", hours: 10, seats: 3,
                 report: "準備会議4回と当日の運営に参加しました。", outcome: "来場者が前年の1.3倍になり、若い世代の実行委員が加わりました。"),
        Template(title: "子育て応援アプリの利用者アンケート分析", work: "子育て応援アプリの利用者アンケート（約2,000件）を集計・分析し、改善案をまとめます。", skills: "表計算\nデータ分析", hours: 6, seats: 2,
                 report: "アンケートを集計し、自由記述を分類して報告書にまとめました。", outcome: "通知機能の改善が次年度の改修に採用されました。"),
        Template(title: "庁内RPA（業務自動化）のシナリオ作成", work: "定型的な入力作業を自動化するシナリオを、業務担当課と一緒に作成・検証します。", skills: "パソコンの操作に慣れていること\n業務の手順を整理する力", hours: 8, seats: 2,
                 report: "3業務のシナリオを作成し、検証まで行いました。", outcome: "年間約400時間の入力作業が削減される見込みです。"),
        Template(title: "空き家バンクの物件調査と情報発信", work: "登録物件の現地調査に同行し、写真と紹介文を作成して空き家バンクに掲載します。", skills: "写真撮影\n文章を書くこと", hours: 6, seats: 2,
                 report: "12件の物件を調査し、紹介ページを作成しました。", outcome: "掲載物件のうち4件で成約に至りました。"),
        Template(title: "外国人住民向け「やさしい日本語」案内の作成", work: "窓口でよく使う案内文を、やさしい日本語に書き換えて、各課と確認します。", skills: "やさしい日本語\n窓口対応の経験", hours: 4, seats: 3,
                 report: "案内文30種類を書き換えました。", outcome: "窓口での説明時間が短くなったとの声が各課から寄せられました。"),
        Template(title: "公共施設の利用データ分析", work: "公共施設の予約・利用データを分析し、施設の再配置計画の基礎資料を作ります。", skills: "データ分析\n表計算", hours: 8, seats: 1,
                 report: "5年分の利用データを施設別・時間帯別に分析しました。", outcome: "分析結果が再配置計画の検討資料に使われました。"),
        Template(title: "防災訓練の企画と避難所運営マニュアルの改訂", work: "総合防災訓練の企画に参加し、訓練の結果を踏まえて避難所運営マニュアルを改訂します。", skills: "防災の知識\n会議の進行", hours: 6, seats: 3,
                 report: "訓練の企画と当日の運営、マニュアルの改訂案作成を行いました。", outcome: "改訂マニュアルが全避難所に配布されました。"),
        Template(title: "図書館の中高生向けイベント企画", work: "中高生が図書館に来るきっかけになるイベントを、司書と一緒に企画・実施します。", skills: "企画力\n若い世代とのコミュニケーション", hours: 4, seats: 2,
                 report: "ビブリオバトルと読書会を各1回開きました。", outcome: "参加した中高生の半数が図書館の利用登録をしました。"),
        Template(title: "市民活動団体の紹介動画の撮影・編集", work: "市民活動団体の活動を取材し、3分程度の紹介動画を撮影・編集します。", skills: "動画の撮影・編集\n取材", hours: 8, seats: 2,
                 report: "6団体の紹介動画を制作しました。", outcome: "動画公開後、団体への問い合わせが増えました。"),
        Template(title: "新規採用職員研修の講師補助", work: "新規採用職員研修のグループワークで、進行役と講師の補助を務めます。", skills: "ファシリテーション\n人前で話すこと", hours: 4, seats: 3,
                 report: "研修5日間のうち3日間、グループワークの進行を担当しました。", outcome: "研修後アンケートで「先輩職員と話せてよかった」との声が多く寄せられました。"),
        Template(title: "オープンデータの整備と公開", work: "各課が持つ統計データを機械判読できる形式に整え、オープンデータとして公開します。", skills: "表計算\nデータの整理", hours: 6, seats: 2,
                 report: "15データセットを整備して公開しました。", outcome: "民間の地図アプリで市のデータが使われ始めました。"),
        Template(title: "商店街の販路拡大支援（SNS発信）", work: "商店街の店舗を取材し、市の公式SNSで紹介する投稿を作成します。", skills: "SNSの運用\n写真撮影", hours: 6, seats: 2,
                 report: "20店舗を取材し、週1回の紹介投稿を続けました。", outcome: "紹介した店舗の来店者数が増えたとの報告がありました。"),
        Template(title: "ふるさと納税の返礼品開拓と事業者調整", work: "市内事業者を訪問して返礼品の提案を受け、登録までの調整を行います。", skills: "事業者との折衝\n企画力", hours: 8, seats: 2,
                 report: "事業者15社を訪問し、8品目を新たに登録しました。", outcome: "新規返礼品による寄附が前年より増えました。"),
        Template(title: "高齢者の見守りネットワーク会議の記録・まとめ", work: "地域の見守りネットワーク会議に出席し、記録と課題の整理を行います。", skills: "記録の作成\n福祉の基礎知識", hours: 4, seats: 2,
                 report: "会議6回の記録と課題の一覧を作成しました。", outcome: "課題の一覧をもとに、関係課の連絡会が始まりました。"),
        Template(title: "職員提案制度の事務局補助", work: "職員提案の受付、審査会の資料作成、採用提案の進捗確認を手伝います。", skills: "資料作成\n庁内調整", hours: 4, seats: 2,
                 report: "提案42件の受付と審査会資料の作成を担当しました。", outcome: "採用提案の進捗を一覧で確認できるようになりました。"),
        Template(title: "地域公共交通の利用者調査", work: "コミュニティバスの乗降調査と利用者への聞き取りを行い、結果をまとめます。", skills: "調査の設計\n聞き取り", hours: 8, seats: 3,
                 report: "乗降調査4日間と聞き取り120件を行いました。", outcome: "調査結果がダイヤ改正の検討に使われました。"),
        Template(title: "環境学習講座の企画・講師", work: "小学生向けの環境学習講座を企画し、講師を務めます。", skills: "人前で話すこと\n環境の知識", hours: 4, seats: 2,
                 report: "講座を4回開き、延べ160人が参加しました。", outcome: "学校からの講座の依頼が増えました。"),
        Template(title: "庁内手続のオンライン化に向けた業務フロー整理", work: "オンライン化する手続の現在の業務の流れを聞き取り、図にまとめて見直し案を作ります。", skills: "業務の手順を整理する力\n聞き取り", hours: 10, seats: 2,
                 report: "10手続の業務フローを整理しました。", outcome: "うち6手続が次年度にオンライン化されます。"),
    ]

    static let motivations = [
        "これまでの業務で身につけた経験を、ほかの部署の課題解決に生かしたいと考えました。",
        "自分の所属ではできない仕事に関わり、市の仕事の幅を知りたいと思い応募しました。",
        "地域の方と直接関わる経験を積みたいと考えています。",
        "趣味で続けてきたことが役に立つと思い、挑戦してみたいと思いました。",
        "将来の異動希望先の仕事を実際に経験してみたいと考えました。",
    ]

    static let refusalReasons = [
        "応募期間が係の繁忙期（議会対応）と重なるため、今回は見送ってください。",
        "係内に欠員があり、本来業務への影響が大きいため承認できません。",
        "年度末の決算事務と重なるため、次の機会に応募してください。",
    ]

    static let learnings = [
        "ほかの部署の仕事の進め方を知り、自分の業務の見直しにもつながりました。",
        "地域の方と直接話すことで、施策が現場でどう受け止められているかが分かりました。",
        "限られた時間で成果を出すために、段取りを工夫する力がつきました。",
        "庁内に相談できる人が増え、自分の所属での仕事もしやすくなりました。",
    ]

    /// The side jobs hosted by the demo accounts' sections: 市民課 (D0002), 企画係, 人事係.
    static let pinnedHosts: [Int: SectionCode] = [15: "1310", 18: "111010", 19: "102010"]
    /// The side job D0001 has applied to, awaiting D0002's answer.
    static let demoApplicationIndex = 18
    static let keenCount = 8

    static func load(on database: any Database, today: LocalDate) async throws {
        guard try await SideJob.query(on: database).count() == 0 else { return }
        let tree = try await OrganizationTree.load(fiscalYear: today.fiscalYear.startYear, on: database)
        let hosts = tree.flattened().map(\.record).filter { $0.kind != .department }
        guard !hosts.isEmpty else { return }
        let cap = try await OpportunitySettings.load(on: database).sideJobHourCap
        let everyone = try await StaffMember.query(on: database).filter(\.$currentSectionCode != nil).sort(\.$staffNumber).all()
        let demoAccounts = Set(DemoAccounts.all.map(\.staffNumber))
        let pool = everyone.filter { $0.employmentType == .regular && !demoAccounts.contains($0.staffNumber) }
        guard pool.count > keenCount else { return }
        let keen = Array(pool.sorted { DemoHash.value($0.staffNumber, "side-job-keen") < DemoHash.value($1.staffNumber, "side-job-keen") }.prefix(keenCount))
        let keenNumbers = Set(keen.map(\.staffNumber))
        var managers: [SectionCode: StaffNumber] = [:]
        for member in everyone where PostTiers.standard.isManagerial(member.currentPost ?? "") {
            if let section = member.currentSectionCode, managers[section] == nil { managers[section] = member.staffNumber }
        }
        func units(_ member: StaffMember) -> [SectionCode] { SideJobLoading.units(of: member, tree: tree) }
        /// The manager who answers: the nearest managerial post above the applicant (never themselves).
        func approver(of member: StaffMember) -> StaffNumber? {
            units(member).reversed().compactMap { managers[$0] }.first(where: { $0 != member.staffNumber })
        }
        func moment(_ date: LocalDate, hour: Int) -> Date { date.startOfDay(in: .japan).addingTimeInterval(Double(hour) * 3_600) }

        var jobs: [SideJob] = []
        var applications: [SideJobApplication] = []
        var logs: [SideJobHourLog] = []
        var memberships: [(member: StaffMember, job: SideJob)] = []
        var used: [String: Double] = [:]
        for (index, template) in templates.enumerated() {
            let schedule = dates(index: index, today: today)
            let host = pinnedHosts[index].flatMap { tree.units[$0]?.code } ?? hosts[DemoHash.value("side-job-host", index) % hosts.count].code
            let phase = schedule.phase(today: today, isClosed: false)
            let closedOn = schedule.end.adding(days: 10 + DemoHash.value(index, "closed") % 20)
            let isClosed = index != 14 && phase == .ended && closedOn <= today
            let job = SideJob(
                id: UUID(), title: template.title, workDescription: template.work, hostSectionCode: host, hoursPerMonth: template.hours,
                schedule: schedule, skills: template.skills, seats: template.seats, postedBy: managers[host] ?? "D0004",
                postedAt: moment(schedule.applicationsOpen.adding(days: -7), hour: 10),
                reportWork: isClosed ? template.report : nil, reportOutcome: isClosed ? template.outcome : nil,
                closedBy: isClosed ? managers[host] ?? "D0004" : nil, closedAt: isClosed ? moment(closedOn, hour: 16) : nil)
            jobs.append(job)
            let jobID = try job.requireID()

            // Applicants: half of the draws from the keen few, none from the host's own section.
            var applicants: [StaffMember] = []
            if index == demoApplicationIndex, let demoStaff = everyone.first(where: { $0.staffNumber == "D0001" }) { applicants.append(demoStaff) }
            let wanted = template.seats + 1 + DemoHash.value(index, "applicants") % 4
            var salt = 0
            while applicants.count < wanted && salt < 80 {
                let list = DemoHash.value(index, salt, "from-keen") % 2 == 0 ? keen : pool
                let candidate = list[DemoHash.value(index, salt, "who") % list.count]
                salt += 1
                guard !applicants.contains(where: { $0.staffNumber == candidate.staffNumber }),
                      SideJobApplicationRule.refusal(hostSection: host, applicantUnits: units(candidate), schedule: schedule,
                                                     today: schedule.applicationsOpen, hasApplied: false) == nil
                else { continue }
                applicants.append(candidate)
            }

            let windowDays = max(1, schedule.applicationsOpen.days(until: min(schedule.applicationsClose, today)) + 1)
            var approved: [SideJobApplication] = []
            for applicant in applicants {
                let number = applicant.staffNumber
                let appliedOn = schedule.applicationsOpen.adding(days: DemoHash.value(number, index, "applied") % windowDays)
                let application = SideJobApplication(
                    id: UUID(), sideJobID: jobID, staffNumber: number, sectionCode: applicant.currentSectionCode,
                    motivation: motivations[DemoHash.value(number, index, "motivation") % motivations.count],
                    appliedAt: moment(appliedOn, hour: 9 + DemoHash.value(number, index, "hour") % 8))
                let decidedOn = appliedOn.adding(days: 1 + DemoHash.value(number, index, "decided") % 4)
                let stillOpen = phase == .accepting && (number == "D0001" || DemoHash.value(number, index, "waiting") % 2 == 0)
                if let manager = approver(of: applicant), decidedOn <= today, !stillOpen {
                    application.decidedBy = manager
                    application.decidedAt = moment(decidedOn, hour: 15)
                    if DemoHash.value(number, index, "refused") % 9 == 0 {
                        application.status = .refused
                        application.refusalReason = refusalReasons[DemoHash.value(number, index, "reason") % refusalReasons.count]
                    } else {
                        application.status = .approved
                        approved.append(application)
                    }
                }
                applications.append(application)
            }

            // Selection once the work has begun: the keen first, then by lot.
            guard phase == .running || phase == .ended else { continue }
            let selected = approved.sorted {
                (keenNumbers.contains($0.staffNumber) ? 0 : 1, DemoHash.value($0.staffNumber, index, "lot"))
                    < (keenNumbers.contains($1.staffNumber) ? 0 : 1, DemoHash.value($1.staffNumber, index, "lot"))
            }.prefix(template.seats)
            let months = SideJobHours.loggableMonths(start: schedule.start, end: schedule.end, today: today).filter { $0 < YearMonth(today) }
            for application in selected {
                guard let member = applicants.first(where: { $0.staffNumber == application.staffNumber }) else { continue }
                application.status = .selected
                application.selectedAt = moment(schedule.applicationsClose.adding(days: 3), hour: 11)
                if isClosed && DemoHash.value(member.staffNumber, index, "reflection") % 4 != 0 {
                    application.memberReport = learnings[DemoHash.value(member.staffNumber, index, "learning") % learnings.count]
                    application.memberReportAt = moment(closedOn.adding(days: -(DemoHash.value(member.staffNumber, index, "wrote") % 5)), hour: 17)
                }
                memberships.append((member, job))
                // Monthly hours around the planned ones, never past what the cap leaves that month.
                for month in months {
                    let key = member.staffNumber.rawValue + "|" + month.iso
                    let planned = max(SideJobHours.step, template.hours + Double(DemoHash.value(key, index, "hours") % 5 - 2) * SideJobHours.step)
                    let hours = (min(planned, cap.hoursLeft(afterLogged: used[key] ?? 0)) / SideJobHours.step).rounded(.down) * SideJobHours.step
                    guard hours >= SideJobHours.step, cap.refusal(logging: hours, loggedElsewhere: used[key] ?? 0) == nil else { continue }
                    used[key, default: 0] += hours
                    let loggedBy = DemoHash.value(key, index, "by") % 3 == 0 ? job.postedBy : member.staffNumber
                    logs.append(SideJobHourLog(sideJobID: jobID, staffNumber: member.staffNumber, month: month, hours: hours, loggedBy: loggedBy,
                                               loggedAt: moment(min(today, month.lastDay.adding(days: 1 + DemoHash.value(key, index, "when") % 5)), hour: 17)))
                }
            }
        }

        var hoursByMember: [String: Double] = [:]
        for log in logs { hoursByMember[log.staffNumber.rawValue + "|" + log.$sideJob.id.uuidString, default: 0] += log.hours }
        let (jobRows, applicationRows, logRows, members, totals) = (jobs, applications, logs, memberships, hoursByMember)
        try await database.writeTransaction { database in
            try await ChunkedInsert.create(jobRows, on: database)
            try await ChunkedInsert.create(applicationRows, on: database)
            try await ChunkedInsert.create(logRows, on: database)
            for (member, job) in members {
                let total = totals[member.staffNumber.rawValue + "|" + (job.id?.uuidString ?? "")]
                try await SideJobLedger.recordMember(member, job: job, tree: tree, hours: total, on: database)
            }
        }
    }

    /// Two past years of seven side jobs each, spread over each year; this year's six relative to today.
    static func dates(index: Int, today: LocalDate) -> SideJobSchedule {
        let thisMonth = YearMonth(today)
        func announced(_ start: LocalDate, end: LocalDate) -> SideJobSchedule {
            SideJobSchedule(applicationsOpen: start.adding(days: -45), applicationsClose: start.adding(days: -15), start: start, end: end)
        }
        func accepting(opens: LocalDate, closes: LocalDate, months: Int) -> SideJobSchedule {
            let start = YearMonth(closes).adding(months: 1).firstDay
            return SideJobSchedule(applicationsOpen: opens, applicationsClose: closes, start: start, end: start.adding(months: months).adding(days: -1))
        }
        switch index {
        case 0..<14:
            let start = FiscalYear(startYear: today.fiscalYear.startYear - 2 + index / 7).start.adding(months: 1 + index % 6)
            return announced(start, end: start.adding(months: 3 + index % 4).adding(days: -1))
        case 14:
            // Ended last month; the host has not written the closing report yet.
            return announced(thisMonth.adding(months: -4).firstDay, end: thisMonth.adding(months: -1).lastDay)
        case 15:
            return announced(thisMonth.adding(months: -3).firstDay, end: thisMonth.adding(months: 2).lastDay)
        case 16:
            return announced(thisMonth.adding(months: -1).firstDay, end: thisMonth.adding(months: 4).lastDay)
        case 17:
            // Applications closed three days ago; the host is selecting.
            return SideJobSchedule(applicationsOpen: today.adding(days: -30), applicationsClose: today.adding(days: -3),
                                   start: thisMonth.adding(months: 1).firstDay, end: thisMonth.adding(months: 5).lastDay)
        case 18:
            return accepting(opens: today.adding(days: -10), closes: today.adding(days: 14), months: 6)
        default:
            return accepting(opens: today.adding(days: -2), closes: today.adding(days: 20), months: 4)
        }
    }
}
