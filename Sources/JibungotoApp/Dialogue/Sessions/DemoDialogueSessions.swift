import Fluent
import Foundation
import JibungotoDomain

/// The demo city's dialogue: the paper's self-study group (§7-1) with its year of six meetings as
/// a series (the research group's days and programme of §2-1: meetings 1, 2 and 6 on site, 3 to
/// 5 online), a year of workshops, 1on1s, interview sessions and dialogues with citizens at the
/// district centers — past ones with attendance, closing reports and findings, coming ones open
/// for registration, one full with a waiting list from which D0001 has just moved up — the
/// paper's three interview studies of §2-2 with their findings, and two more study groups (one
/// with a request to join waiting for its leader). Every attendance is in the participation
/// ledger. Dates follow `today`; deterministic but for the record ids.
enum DemoDialogueSessions {
    /// One of the six meetings: month and day in the fiscal year, hours, on site or online, programme.
    struct Meeting {
        let month: Int
        let day: Int
        let start: Int
        let end: Int
        let online: Bool
        let title: String
        let about: String
    }

    static let meetings: [Meeting] = [
        Meeting(month: 4, day: 26, start: 600, end: 1020, online: false, title: "第1回 ワークショップ：事前課題からの気づき",
                about: "事前課題（自治体戦略2040構想研究会報告、Society5.0）から得た気づきを共有し、持続可能な地域をつくる人・組織づくりのストーリーを描きます。"),
        Meeting(month: 5, day: 24, start: 600, end: 1020, online: false, title: "第2回 ワークショップ：計画の策定・浸透・実行・振り返り",
                about: "各市の総合計画、総合戦略、人材育成基本方針からの気づきをもとに、計画の各プロセスでの課題と対策を話し合います。"),
        Meeting(month: 7, day: 21, start: 780, end: 1035, online: true, title: "第3回 変革ストーリーシートの個別質疑と事例紹介",
                about: "変革ストーリーシートについての個別質疑、幹事による事例紹介、講演。翌日はワークショップ「自治体組織の変革をどう進めるか」と対話自治体との対話。"),
        Meeting(month: 8, day: 29, start: 540, end: 690, online: true, title: "第4回 変革ストーリーシートへのフィードバック",
                about: "変革ストーリーシートへのフィードバックを受け、対話自治体と対話します。午後は13:30〜15:00に続きを行います。"),
        Meeting(month: 10, day: 20, start: 540, end: 990, online: true, title: "第5回 フィードバックと対話自治体との対話",
                about: "変革ストーリーシートへの2回目のフィードバックと、対話自治体との対話、総括。"),
        Meeting(month: 1, day: 26, start: 780, end: 1020, online: false, title: "第6回 1年間の振り返りと発表",
                about: "1年間の活動を振り返っての気づきを語り合うワークショップと講演。翌日は変革ストーリーシート上位自治体の発表と今後に向けた対話。"),
    ]

    /// Sessions across the year: month offset from April, day, hours, kind, host, seats, title, about.
    struct Plan {
        let month: Int
        let day: Int
        let start: Int
        let end: Int
        let kind: DialogueSessionKind
        let host: Host
        let capacity: Int
        let title: String
        let about: String
    }

    enum Host: Equatable {
        case personnel, planning, citizenAffairs
        /// The n-th district citizen center of the city.
        case center(Int)
    }

    static let plans: [Plan] = [
        Plan(month: 0, day: 18, start: 900, end: 1020, kind: .workshop, host: .personnel, capacity: 24, title: "新規採用職員と先輩職員の対話ワークショップ",
             about: "入庁1年目の職員と、入庁3〜10年目の先輩職員が、仕事のやりがいと悩みを語り合います。"),
        Plan(month: 1, day: 12, start: 720, end: 780, kind: .studyGroup, host: .planning, capacity: 20, title: "部署紹介ランチ勉強会（財政課）",
             about: "昼休みに、財政課の職員が予算編成の流れと仕事の魅力を紹介します。"),
        Plan(month: 2, day: 9, start: 840, end: 960, kind: .interview, host: .planning, capacity: 8, title: "若手職員の声を聴く会",
             about: "入庁1〜10年目の職員から、キャリアや職場について聞き取ります。話した内容は個人が特定されない形でまとめます。"),
        Plan(month: 3, day: 6, start: 1080, end: 1200, kind: .citizenDialogue, host: .center(0), capacity: 30, title: "まちづくり対話（夏）",
             about: "地区の皆さんと、地域の困りごとと、これからのまちの姿を話し合います。"),
        Plan(month: 4, day: 14, start: 900, end: 960, kind: .oneOnOne, host: .citizenAffairs, capacity: 2, title: "所属長との1on1（市民課・上期）",
             about: "上期の振り返りと、これからのキャリアについて所属長と話します。"),
        Plan(month: 5, day: 17, start: 840, end: 1020, kind: .workshop, host: .personnel, capacity: 30, title: "10年後の自分を描くキャリアワークショップ",
             about: "異動の意味や、なりたい職員像を、ほかの部署の職員と一緒に考えます。"),
        Plan(month: 6, day: 21, start: 1080, end: 1200, kind: .citizenDialogue, host: .center(1), capacity: 25, title: "子育て世代との対話",
             about: "子育て中の皆さんと、地区の子育て環境について話し合います。"),
        Plan(month: 7, day: 11, start: 900, end: 1050, kind: .workshop, host: .personnel, capacity: 30, title: "職員アンケートの結果を語り合う会",
             about: "職員アンケートの結果から、職場で取り組めることを話し合います。"),
        Plan(month: 8, day: 16, start: 720, end: 780, kind: .studyGroup, host: .planning, capacity: 20, title: "部署紹介ランチ勉強会（地区市民センター）",
             about: "地区市民センターの職員が、市民と一緒に進める仕事を紹介します。"),
        Plan(month: 9, day: 20, start: 900, end: 1080, kind: .workshop, host: .personnel, capacity: 4, title: "人材育成基本方針の改定ワークショップ",
             about: "改定中の人材育成基本方針について、職員の目線で意見を出し合います。少人数で深く話し合うため定員は4人です。"),
        Plan(month: 10, day: 14, start: 1080, end: 1200, kind: .citizenDialogue, host: .center(2), capacity: 30, title: "防災を語る会",
             about: "地区の防災について、自主防災組織の皆さんと話し合います。"),
        Plan(month: 11, day: 3, start: 900, end: 960, kind: .oneOnOne, host: .citizenAffairs, capacity: 2, title: "所属長との1on1（市民課・下期）",
             about: "1年間の振り返りと来年度の希望について所属長と話します。"),
    ]

    static let minutes = [
        "参加者が4〜5人のグループに分かれて話し合い、各グループの気づきを全体で共有した。次回は今回の論点を深める。",
        "冒頭に趣旨を説明し、テーマごとに意見を出し合った。出された意見は主催所属で整理し、関係課に共有する。",
        "事前に集めた質問をもとに対話した。時間内に扱えなかった論点は次回に持ち越す。",
    ]

    static let findings: [(String, String)] = [
        ("他部署の仕事を知る機会が少なく、異動希望を書けない若手職員が多い。", "キャリア、若手職員、部署紹介"),
        ("地域の方との対話から、行政の説明が届いていないことに気づいた。", "市民協働、情報発信"),
        ("先輩職員の経験談が、仕事の意味を考えるきっかけになった。", "キャリア、対話"),
        ("業務が多く、通常業務以外に目を向ける余裕がないという声が多かった。", "働き方、業務改善"),
        ("参加者の半数が、所属を越えて話すのは初めてだった。", "対話、所属を越えた交流"),
        ("市民の困りごとの多くが、複数の課にまたがっていた。", "市民協働、庁内連携"),
    ]

    static let interviews: [(title: String, target: String, month: Int, questions: String, summary: String, informs: String, findings: [(String, String)])] = [
        ("若手職員インタビュー", "入庁1〜10年目の職員", 6,
         "入庁前に思い描いていた仕事と、今の仕事はどう違いますか\nなりたい職員像はありますか\n総合計画などの事業の進行管理をどう受け止めていますか",
         "キャリアプランを描けていない（他部署の情報がなく、希望する部署が分からない）。なりたい職員像のイメージが薄い。業務が多く余裕がない。総合計画等の進行管理は、目的をあまり意識できていない。",
         "人材育成基本方針 改定（キャリア形成の支援）",
         [("採用後数年間は目の前の仕事をこなすことで精一杯で、広い視野を持てていない。", "若手職員、キャリア"),
          ("市の施策を自分ごととして捉えきれていない。一方で、仕事で挑戦したい気持ちは持っている。", "若手職員、自分ごと")]),
        ("地区市民センター職員インタビュー", "地区市民センターの職員", 10,
         "地域で求められる人材とは\n市民との対話で感じること\nキャリアパスのロールモデルはいますか\n配属される意味は示されていますか",
         "地域課題の解決には行政経験を積んだ職員の方が地域と向き合える。市民と直接関わる仕事にやりがいを感じている。配属の意味が示されない異動はモチベーションを下げる。",
         "ジョブローテーション（市民協働部署の経験）",
         [("市民と直接関わる職場で求められる対話の力は、市の人材育成として重要である。", "市民協働、対話"),
          ("市民との対話や協働事業が多いことが、仕事のやりがいにつながっている。", "市民協働、やりがい")]),
        ("総合計画及び人材育成方針所管課職員インタビュー", "総合計画・人材育成基本方針の所管課の職員", 6,
         "計画はどのように策定されましたか\n計画の進行管理で大切にしていることは\n人材育成基本方針の見直しに何が必要ですか",
         "多くの市民との対話で将来都市像を描いた。人材育成基本方針は平成27年の策定で、現状に即した見直しが必要。",
         "人材育成基本方針 改定",
         [("計画は市民との対話でつくられているが、職員への浸透が課題である。", "計画、対話")]),
    ]

    static func load(on database: any Database, today: LocalDate) async throws {
        guard try await DialogueSession.query(on: database).count() == 0 else { return }
        let year = today.fiscalYear.startYear
        let tree = try await OrganizationTree.load(fiscalYear: year, on: database)
        guard !tree.units.isEmpty else { return }
        let staff = try await StaffMember.query(on: database).filter(\.$currentSectionCode != nil).filter(\.$employmentType == .regular)
            .sort(\.$staffNumber).all()
        guard staff.count > 60 else { return }
        let byNumber = Dictionary(staff.map { ($0.staffNumber, $0) }, uniquingKeysWith: { first, _ in first })
        let demoAccounts = Set(DemoAccounts.all.map(\.staffNumber))
        let pool = staff.filter { !demoAccounts.contains($0.staffNumber) }
        let centers = tree.flattened().map(\.record).filter { $0.district != nil }.map(\.code)
        func unit(_ code: SectionCode) -> SectionCode { tree.units[code] != nil ? code : pool[0].currentSectionCode ?? code }
        func host(_ host: Host) -> SectionCode {
            switch host {
            case .personnel: unit("102010")
            case .planning: unit("111010")
            case .citizenAffairs: unit("1310")
            case .center(let index): centers.isEmpty ? unit("1251") : centers[index % centers.count]
            }
        }
        func moment(_ date: LocalDate, minute: Int) -> Date { date.startOfDay(in: .japan).addingTimeInterval(Double(minute) * 60) }
        func pick(_ count: Int, _ salt: any CustomStringConvertible) -> [StaffMember] {
            Array(pool.sorted { DemoHash.value($0.staffNumber, salt) < DemoHash.value($1.staffNumber, salt) }.prefix(count))
        }
        func code(_ salt: any CustomStringConvertible) -> String {
            DialogueAttendanceRule.code(from: (0..<DialogueAttendanceRule.codeLength).map { UInt8(DemoHash.value(salt, $0, "code") % 256) })
        }
        let founded = moment(FiscalYear(startYear: year).start.adding(days: -60), minute: 600)

        // The study groups, the paper's first.
        var groups: [StudyGroup] = []
        var members: [StudyGroupMember] = []
        var outputs: [StudyGroupOutput] = []
        let groupPlans: [(title: String, purpose: String, leader: StaffNumber, others: [StaffMember], output: (String, String))] = [
            ("人材マネジメント自主研究グループ",
             "人材マネジメント部会での学びと研究成果を引き継ぎ、より多くの職員を巻き込んで、本市の人材マネジメントを「自分ごと」として考えます。月1回程度、研究会と対話の場を開きます。",
             "D0005", [byNumber["D0001"], byNumber["D0004"]].compactMap { $0 } + pick(6, "hr-study-members"),
             ("人材育成基本方針の改定に向けた提言（素案）", "研究会での対話とインタビューから、キャリア形成の支援、対話の機会の創出、市民協働部署の経験の意味づけの3点を提言します。")),
            ("庁内DX勉強会", "業務のデジタル化の事例を持ち寄り、自分の職場で試せることを話し合います。", "D0007", pick(4, "dx-members"),
             ("RPA導入事例集", "各課で試したRPAの事例を、効果と注意点とともにまとめました。")),
            ("地域と歩む職員の会", "地区市民センターで働く職員と経験者が、地域との関わり方を学び合います。", "D0006", pick(3, "community-members"),
             ("地区活動の記録の付け方", "地区の会議や行事の記録を、後任に引き継げる形で残す工夫をまとめました。")),
        ]
        for (index, plan) in groupPlans.enumerated() where byNumber[plan.leader] != nil {
            let group = StudyGroup(id: UUID(), title: plan.title, purpose: plan.purpose, createdBy: plan.leader, createdAt: founded)
            let id = try group.requireID()
            groups.append(group)
            members.append(StudyGroupMember(groupID: id, staffNumber: plan.leader, status: .member, isLeader: true, requestedAt: founded,
                                            answeredBy: plan.leader, answeredAt: founded))
            for (offset, member) in plan.others.enumerated() where member.staffNumber != plan.leader {
                let joined = founded.addingTimeInterval(Double(offset + 1) * 86_400 * 7)
                members.append(StudyGroupMember(groupID: id, staffNumber: member.staffNumber, status: .member, message: "関心があり参加したいです。",
                                                requestedAt: joined, answeredBy: plan.leader, answeredAt: joined))
            }
            outputs.append(StudyGroupOutput(groupID: id, title: plan.output.0, body: plan.output.1, link: nil, addedBy: plan.leader,
                                            addedAt: moment(today.adding(days: -20 - index * 15), minute: 1020)))
        }
        // A request to join the paper's group, waiting for its leader (D0005's home page says so).
        if let first = groups.first, let id = first.id, let asking = pick(1, "hr-study-request").first,
           !members.contains(where: { $0.$group.id == id && $0.staffNumber == asking.staffNumber }) {
            members.append(StudyGroupMember(groupID: id, staffNumber: asking.staffNumber, status: .requested,
                                            message: "部署紹介ランチ勉強会に参加して関心を持ちました。", requestedAt: moment(today.adding(days: -2), minute: 720)))
        }

        // The six meetings as a series of the paper's group, then the year's other sessions.
        let series = DialogueSeries(id: UUID(), title: "人材マネジメント研究会（全6回）",
                                    about: "人材マネジメント部会の1年間の研究会を、自主研究グループの会合として開きます。第1・2・6回は会場で、第3〜5回はオンラインで開催します。",
                                    createdBy: "D0005", createdAt: founded)
        var sessions: [DialogueSession] = []
        for (index, meeting) in meetings.enumerated() {
            let date = LocalDate(year: meeting.month >= 4 ? year : year + 1, month: meeting.month, day: meeting.day) ?? today
            let time = DialogueSessionTime(date: date, clampingStart: meeting.start, end: meeting.end)
            sessions.append(DialogueSession(
                id: UUID(), title: meeting.title, kind: .studyGroup, about: meeting.about, time: time, mode: meeting.online ? .online : .onSite,
                place: meeting.online ? nil : "本庁舎 4階 大会議室", onlineLink: meeting.online ? "https://meet.example.jp/jibungoto/hr-study-\(index + 1)" : nil,
                capacity: 30, window: DialogueRegistrationWindow(opens: date.adding(days: -30), closes: date), hostSectionCode: nil,
                seriesID: series.id, studyGroupID: groups.first?.id, attendanceCode: code("meeting\(index)"), createdBy: "D0005", createdAt: founded))
        }
        for (index, plan) in plans.enumerated() {
            let date = FiscalYear(startYear: year).start.adding(months: plan.month).adding(days: plan.day - 1)
            let time = DialogueSessionTime(date: date, clampingStart: plan.start, end: plan.end)
            let place = plan.kind == .citizenDialogue ? "地区市民センター 多目的室" : "本庁舎 5階 研修室"
            sessions.append(DialogueSession(
                id: UUID(), title: plan.title, kind: plan.kind, about: plan.about, time: time, mode: .onSite, place: place, onlineLink: nil,
                capacity: plan.capacity, window: DialogueRegistrationWindow(opens: date.adding(days: -28), closes: date.adding(days: -1)),
                isOpenCall: plan.kind != .oneOnOne, hostSectionCode: host(plan.host), attendanceCode: code("plan\(index)"),
                createdBy: plan.kind == .oneOnOne ? "D0002" : plan.host == .personnel ? "D0004" : "D0005", createdAt: moment(date.adding(days: -35), minute: 600)))
        }
        // Two coming sessions whatever the day: one full with a waiting list (D0001 moved up
        // yesterday), one open now with D0001 registered.
        let soon = today.adding(days: 9)
        let full = DialogueSession(
            id: UUID(), title: "対話の場づくり入門ワークショップ", kind: .workshop, about: "職場で対話の場を開くための進め方と問いの立て方を、実際に体験しながら学びます。",
            time: DialogueSessionTime(date: soon, clampingStart: 840, end: 1020), mode: .onSite, place: "本庁舎 5階 研修室", onlineLink: nil, capacity: 12,
            window: DialogueRegistrationWindow(opens: today.adding(days: -20), closes: soon.adding(days: -1)), hostSectionCode: host(.personnel),
            attendanceCode: code("full"), createdBy: "D0004", createdAt: moment(today.adding(days: -22), minute: 600))
        let open = DialogueSession(
            id: UUID(), title: "オンライン対話：テレワークと職場のつながり", kind: .workshop, about: "テレワークが増えた職場で、どのようにつながりを保つかを話し合います。",
            time: DialogueSessionTime(date: today.adding(days: 16), clampingStart: 720, end: 780), mode: .online, place: nil,
            onlineLink: "https://meet.example.jp/jibungoto/telework", capacity: 40,
            window: DialogueRegistrationWindow(opens: today.adding(days: -5), closes: today.adding(days: 15)), hostSectionCode: host(.planning),
            attendanceCode: code("open"), createdBy: "D0005", createdAt: moment(today.adding(days: -6), minute: 600))
        sessions += [full, open]

        // Registrations: past sessions with attendance, coming ones with registrations so far.
        var registrations: [DialogueRegistration] = []
        var reported: Set<UUID> = []
        var sessionFindings: [(DialogueFinding, [String])] = []
        for (index, session) in sessions.enumerated() {
            guard let id = session.id else { continue }
            let isPast = session.date < today
            var people: [StaffMember]
            if session.registrationOpensOn > today {
                people = []
            } else if let groupID = session.$studyGroup.id {
                people = members.filter { $0.$group.id == groupID && $0.status == .member }.compactMap { byNumber[$0.staffNumber] }
            } else if session.kind == .oneOnOne {
                // D0001 and a colleague of 市民課, invited by their manager D0002.
                let units = session.hostSectionCode.map(tree.subtree(of:)) ?? []
                people = [byNumber["D0001"]].compactMap { $0 }
                    + pool.filter { $0.currentSectionCode.map(units.contains) == true }.prefix(1)
            } else {
                let wanted = session === full ? session.capacity + 3 : session === open ? 9 : max(2, session.capacity * (55 + DemoHash.value(index, "fill") % 40) / 100)
                people = pick(wanted, "session\(index)")
            }
            // D0001 takes part now and then; in the full session she is first on the waiting list.
            if session === full || session === open || (isPast && index % 3 == 0 && session.$studyGroup.id == nil && session.kind != .oneOnOne),
               let demo = byNumber["D0001"], !people.contains(where: { $0.staffNumber == demo.staffNumber }) {
                people.insert(demo, at: session === full ? min(people.count, session.capacity) : 0)
            }
            for (queue, person) in people.enumerated() {
                let seat = queue < session.capacity
                let registration = DialogueRegistration(
                    id: UUID(), sessionID: id, staffNumber: person.staffNumber, status: seat ? .registered : .waiting, queueNumber: queue + 1,
                    isInvited: session.kind == .oneOnOne, registeredAt: moment(min(today, session.registrationOpensOn.adding(days: queue % 20)), minute: 540 + queue))
                if isPast && seat && DemoHash.value(person.staffNumber, index, "came") % 10 != 0 {
                    registration.attended = true
                    registration.attendanceRecordedBy = DemoHash.value(person.staffNumber, index, "how") % 2 == 0 ? person.staffNumber : session.createdBy
                    registration.attendanceRecordedAt = moment(session.date, minute: session.startMinute)
                }
                registrations.append(registration)
            }
            // The full session: one who held a seat cancelled yesterday, and D0001 moved up.
            if session === full, let leaving = registrations.first(where: { $0.$session.id == id && $0.status == .registered && $0.staffNumber != "D0001" }),
               let movedUp = registrations.first(where: { $0.$session.id == id && $0.staffNumber == "D0001" }) {
                leaving.status = .cancelled
                leaving.cancelledAt = moment(today.adding(days: -1), minute: 1000)
                movedUp.status = .registered
                movedUp.promotedAt = leaving.cancelledAt
            }
            if isPast && session.date.adding(days: 7) < today {
                let attended = registrations.filter { $0.$session.id == id && $0.attended }.count
                session.reportMinutes = minutes[index % minutes.count]
                session.reportAttendeeCount = attended + (session.kind == .citizenDialogue ? 12 + DemoHash.value(index, "citizens") % 15 : 0)
                session.reportedBy = session.createdBy
                session.reportedAt = moment(session.date.adding(days: 3), minute: 1020)
                reported.insert(id)
                for offset in 0..<(1 + index % 2) {
                    let (text, tags) = findings[(index + offset) % findings.count]
                    let finding = DialogueFinding(id: UUID(), sessionID: id, kind: session.kind, fiscalYear: session.fiscalYear, body: text,
                                                  writtenBy: session.createdBy, writtenAt: moment(session.date.adding(days: 3), minute: 1030 + offset))
                    sessionFindings.append((finding, tags.components(separatedBy: "、")))
                }
            }
        }

        // The paper's three interview studies, in the previous fiscal year.
        var interviewRecords: [DialogueInterview] = []
        var interviewers: [DialogueInterviewer] = []
        var notes: [DialogueInterviewNote] = []
        var interviewFindings: [(DialogueFinding, [String])] = []
        let askers = ["D0005"] + pick(2, "interviewers").map(\.staffNumber)
        for (index, plan) in interviews.enumerated() {
            let start = LocalDate(year: plan.month >= 4 ? year - 1 : year, month: plan.month, day: 1) ?? today
            let end = start.adding(months: 1).adding(days: -1)
            let interview = DialogueInterview(id: UUID(), title: plan.title, targetGroup: plan.target, periodStart: start, periodEnd: end,
                                              questions: plan.questions, summary: plan.summary, informs: plan.informs, createdBy: "D0005",
                                              createdAt: moment(start, minute: 600))
            let id = try interview.requireID()
            interviewRecords.append(interview)
            interviewers += askers.map { DialogueInterviewer(interviewID: id, staffNumber: $0) }
            notes.append(DialogueInterviewNote(interviewID: id, author: "D0005", interviewee: index == 1 ? "地区市民センター 主査" : "入庁3年目・事務職",
                                               heldOn: start.adding(days: 9), body: "（聞き手だけが読むメモ）話してくれた具体的な場面と、その時の気持ちを記録。",
                                               createdAt: moment(start.adding(days: 9), minute: 1020)))
            for (offset, finding) in plan.findings.enumerated() {
                interviewFindings.append((DialogueFinding(id: UUID(), interviewID: id, kind: .interview, fiscalYear: end.fiscalYear.startYear, body: finding.0,
                                                          writtenBy: "D0005", writtenAt: moment(end.adding(days: 5), minute: 1020 + offset)),
                                          finding.1.components(separatedBy: "、")))
            }
        }

        let (groupRows, memberRows, outputRows, sessionRows, registrationRows, interviewRows, interviewerRows, noteRows) =
            (groups, members, outputs, sessions, registrations, interviewRecords, interviewers, notes)
        let allFindings = sessionFindings + interviewFindings
        try await database.writeTransaction { database in
            try await ChunkedInsert.create(groupRows, on: database)
            try await ChunkedInsert.create(memberRows, on: database)
            try await ChunkedInsert.create(outputRows, on: database)
            try await series.create(on: database)
            try await ChunkedInsert.create(sessionRows, on: database)
            try await ChunkedInsert.create(registrationRows, on: database)
            try await ChunkedInsert.create(interviewRows, on: database)
            try await ChunkedInsert.create(interviewerRows, on: database)
            try await ChunkedInsert.create(noteRows, on: database)
            try await ChunkedInsert.create(allFindings.map { $0.0 }, on: database)
            var tags: [DialogueFindingTag] = []
            for (finding, words) in allFindings {
                guard let id = finding.id else { continue }
                for word in words where !word.isEmpty {
                    tags.append(DialogueFindingTag(findingID: id, tag: DialogueFindingTags.normalize(word), fiscalYear: finding.fiscalYear))
                }
            }
            try await ChunkedInsert.create(tags, on: database)
            let sessionsByID = Dictionary(sessionRows.compactMap { session in session.id.map { ($0, session) } }, uniquingKeysWith: { first, _ in first })
            for registration in registrationRows where registration.attended {
                guard let session = sessionsByID[registration.$session.id], let member = byNumber[registration.staffNumber] else { continue }
                try await DialogueLedger.recordAttendance(of: registration, member: member, session: session, tree: tree, on: database)
            }
        }
    }
}
