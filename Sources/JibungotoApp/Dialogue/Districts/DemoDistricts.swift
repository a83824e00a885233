import Fluent
import Foundation
import JibungotoDomain

/// The demo city's 16 districts, one per citizen center (1251 中央 … 1266 清水): liaison staff with
/// their terms (a manager for three years, a supervisor for two, a young member of staff for one,
/// last year's young liaison already gone), two fiscal years of citizen dialogues (head counts per
/// group) and the local issues raised at them in every status, some answered late and some still
/// open past their expected date. D0006 is 中央地区's liaison; 市民課 (D0002) has issues waiting,
/// one of them overdue, so D0003 (部長 of 市民生活部) sees it escalated; one issue's routing was
/// corrected. One category still names a section merged away in FY2024 (介護保険課), as the
/// categories page warns. Deterministic but for the record ids.
enum DemoDistricts {
    struct Category {
        let code: String
        let ja: String
        let en: String
        let section: SectionCode
        let days: Int
    }

    static let categories: [Category] = [
        Category(code: "road", ja: "道路・側溝", en: "Roads and gutters", section: "183030", days: 14),
        Category(code: "park", ja: "公園・緑地", en: "Parks and green spaces", section: "184010", days: 14),
        Category(code: "waste", ja: "ごみ・不法投棄", en: "Waste and illegal dumping", section: "162030", days: 10),
        Category(code: "traffic-safety", ja: "交通安全（カーブミラー・横断歩道）", en: "Traffic safety", section: "133010", days: 21),
        Category(code: "street-lights", ja: "防犯灯・防犯", en: "Street lights and crime prevention", section: "133020", days: 21),
        Category(code: "bus", ja: "公共交通・コミュニティバス", en: "Public transport", section: "187010", days: 30),
        Category(code: "elderly", ja: "高齢者の見守り・地域福祉", en: "Looking after older residents", section: "141020", days: 14),
        Category(code: "children", ja: "子育て・子どもの居場所", en: "Children and families", section: "152010", days: 21),
        Category(code: "disaster", ja: "防災・避難所", en: "Disaster preparedness", section: "104010", days: 21),
        Category(code: "counter", ja: "窓口・証明書", en: "Counter services and certificates", section: "1310", days: 10),
        Category(code: "community", ja: "集会所・地域活動", en: "Community halls and activities", section: "1220", days: 14),
        Category(code: "long-term-care", ja: "介護保険の手続き", en: "Long-term care insurance", section: "1450", days: 14),
    ]

    struct IssueText {
        let category: String
        let title: String
        let details: String
        let place: String
        let response: String
        let difficulty: String
    }

    static let issueTexts: [IssueText] = [
        IssueText(category: "road", title: "通学路の側溝の蓋が割れている", details: "通学路の側溝の蓋が割れており、子どもがつまずく危険があるとの声が自治会からありました。",
                  place: "小学校北側の通学路", response: "現地を確認し、割れていた側溝の蓋3枚を交換しました。",
                  difficulty: "当該の水路は県の管理のため、市では直接補修できません。県土木事務所に補修を要望しました。"),
        IssueText(category: "road", title: "生活道路の舗装のひび割れ", details: "車の通行でひび割れが広がり、雨の日に水たまりができるとの意見がありました。",
                  place: "二丁目の生活道路", response: "ひび割れ部分を補修し、排水の勾配を直しました。",
                  difficulty: "道路全体の打ち替えが必要で、今年度の予算では対応できません。次年度の舗装計画に入れて検討します。"),
        IssueText(category: "park", title: "公園の遊具が古くなっている", details: "ブランコの支柱がさびていて心配だと、子育て中の保護者から声がありました。",
                  place: "地区の児童公園", response: "点検の結果、ブランコの支柱を交換し、ほかの遊具も塗装しました。",
                  difficulty: "遊具の全面更新には予算措置が必要なため、公園再整備計画の中で検討します。当面は月1回の点検を続けます。"),
        IssueText(category: "park", title: "公園の樹木の枝が道路にはみ出している", details: "公園の樹木の枝が歩道に張り出し、見通しが悪いとの声がありました。",
                  place: "地区の近隣公園の東側", response: "張り出していた枝を剪定しました。", difficulty: "保存樹木に指定されているため大きな剪定はできません。注意喚起の看板を設置しました。"),
        IssueText(category: "waste", title: "ごみ集積所がカラスに荒らされる", details: "集積所のごみがカラスに荒らされ、道路に散らかっているとの声がありました。",
                  place: "三丁目のごみ集積所", response: "防鳥ネットを貸し出し、自治会に正しい掛け方をご案内しました。",
                  difficulty: "集積所の移設には利用者全員の合意が必要です。自治会で話し合っていただくようお願いしました。"),
        IssueText(category: "waste", title: "空き地に家電が捨てられている", details: "空き地に古いテレビや冷蔵庫が捨てられているとの情報がありました。",
                  place: "川沿いの空き地", response: "回収し、不法投棄防止の看板を設置しました。警察とも情報を共有しました。",
                  difficulty: "私有地のため市が回収できません。土地の所有者に適正な管理をお願いしました。"),
        IssueText(category: "traffic-safety", title: "交差点にカーブミラーがほしい", details: "見通しの悪い交差点で出会い頭の事故が起きそうになったとの声がありました。",
                  place: "四丁目の交差点", response: "現地を確認し、カーブミラーを1基設置しました。",
                  difficulty: "設置場所が私有地で、所有者の同意が得られなかったため設置できません。路面標示で注意を促しました。"),
        IssueText(category: "street-lights", title: "防犯灯が切れている", details: "夜道が暗く、帰宅する中高生が不安だとの声がありました。",
                  place: "駅へ向かう市道", response: "LEDの防犯灯に交換しました。", difficulty: "電柱の管理者の許可が得られず、新たな設置はできません。"),
        IssueText(category: "bus", title: "コミュニティバスの朝の便を増やしてほしい", details: "通勤・通学の時間帯の便が少ないとの意見が複数ありました。",
                  place: "地区内のバス停", response: "次回のダイヤ改正で朝の便を1本増やすことにしました。",
                  difficulty: "利用者数と運行経費の制約から、現時点では増便できません。乗降調査の結果を踏まえて引き続き検討します。"),
        IssueText(category: "elderly", title: "一人暮らしの高齢者の見守りを強めたい", details: "一人暮らしの高齢者が増え、自治会だけでは見守りが難しいとの声がありました。",
                  place: "地区全体", response: "民生委員と地域包括支援センターとの連絡会を地区で開くことにしました。",
                  difficulty: "個別の訪問を市職員が定期的に行う体制は取れません。見守り協定を結ぶ事業者を増やして対応します。"),
        IssueText(category: "children", title: "放課後の子どもの居場所がほしい", details: "放課後に子どもが安心して過ごせる場所が地区に少ないとの声がPTAからありました。",
                  place: "地区市民センター", response: "地区市民センターの学習室を平日の放課後に開放しました。",
                  difficulty: "児童館の新設は計画にありません。既存施設の開放時間の延長を検討します。"),
        IssueText(category: "disaster", title: "避難所の備蓄品を知りたい", details: "地区の避難所に何がどれだけ備蓄されているのか分からないとの声がありました。",
                  place: "指定避難所（小学校）", response: "地区の避難所の備蓄品一覧を自治会に配布し、防災訓練で説明しました。",
                  difficulty: "備蓄品の内訳は防犯上すべては公開できません。主な品目と数量をお知らせしました。"),
        IssueText(category: "counter", title: "証明書のコンビニ交付の案内がほしい", details: "マイナンバーカードでコンビニから証明書が取れることを知らない方が多いとの声がありました。",
                  place: "地区市民センター", response: "広報紙と地区センターの掲示でコンビニ交付の案内を行い、出前講座も開きました。",
                  difficulty: "コンビニのない地区のため、近隣地区の店舗をご案内しました。"),
        IssueText(category: "counter", title: "市役所の窓口の待ち時間が長い", details: "年度初めの窓口の待ち時間が長く、高齢者には負担だとの声がありました。",
                  place: "市役所本庁舎", response: "繁忙期に予約制の窓口を試行し、待ち時間をホームページで表示するようにしました。",
                  difficulty: "窓口の増設は庁舎の構造上できません。オンライン申請の利用をご案内しています。"),
        IssueText(category: "community", title: "集会所を建て替えたい", details: "集会所が古く、耐震性が心配だとの声が自治会からありました。",
                  place: "町内の集会所", response: "集会所改修の補助制度をご案内し、申請を受け付けました。",
                  difficulty: "集会所は自治会の所有のため、市が建て替えることはできません。補助制度をご案内しました。"),
    ]

    static let topics = [
        "地区の防災訓練の進め方", "通学路の安全", "高齢者の見守り活動", "地区まつりの企画", "空き家の増加", "公園の使い方のルール",
        "ごみ出しのマナー", "コミュニティバスの利用", "子どもの居場所づくり", "自治会の担い手不足", "商店街のにぎわい", "地区のまちづくり計画",
    ]

    /// The months (of a fiscal year, April = 0) in which each district holds its dialogues.
    static let dialogueMonths = [1, 3, 6, 8, 10]

    static func load(on database: any Database, today: LocalDate) async throws {
        guard try await District.query(on: database).count() == 0 else { return }
        let tree = try await OrganizationTree.load(fiscalYear: today.fiscalYear.startYear, on: database)
        let districts = DistrictSetup.missing(tree: tree, existing: [])
        guard !districts.isEmpty else { return }
        let everyone = try await StaffMember.query(on: database).filter(\.$currentSectionCode != nil).sort(\.$staffNumber).all()
        let demoAccounts = Set(DemoAccounts.all.map(\.staffNumber))
        let pool = everyone.filter { $0.employmentType == .regular && !demoAccounts.contains($0.staffNumber) }
        func moment(_ date: LocalDate, hour: Int) -> Date { date.startOfDay(in: .japan).addingTimeInterval(Double(hour) * 3_600) }
        let thisYear = today.fiscalYear, lastYear = today.fiscalYear.previous
        let rule = LiaisonTermRule.standard

        // Liaisons: a manager, a supervisor (D0006 in 中央地区) and a young member of staff this
        // year, last year's young liaison gone; nobody serves two districts.
        var used = demoAccounts
        func pick(_ tier: LiaisonTier, _ salt: String) -> StaffMember? {
            let candidates = pool.filter { LiaisonTier.of(grade: $0.grade) == tier && !used.contains($0.staffNumber) }
            guard !candidates.isEmpty else { return nil }
            let chosen = candidates[DemoHash.value(salt, tier.rawValue) % candidates.count]
            used.insert(chosen.staffNumber)
            return chosen
        }
        var liaisons: [DistrictLiaison] = []
        var recorders: [UUID: StaffNumber] = [:]
        for (index, district) in districts.enumerated() {
            let id = try district.requireID()
            func assign(_ number: StaffNumber, _ tier: LiaisonTier, from start: LocalDate) {
                liaisons.append(DistrictLiaison(districtID: id, staffNumber: number, tier: tier,
                                                term: LiaisonTerm(start: start, end: rule.standardEnd(start: start, tier: tier)),
                                                assignedBy: "D0004", assignedAt: moment(start.adding(days: -20), hour: 10)))
            }
            if let manager = pick(.manager, "liaison-manager-\(index)") {
                assign(manager.staffNumber, .manager, from: index % 2 == 0 ? lastYear.previous.start : lastYear.start)
            }
            let supervisor: StaffNumber? = district.centerSectionCode == "1251" ? "D0006" : pick(.supervisor, "liaison-supervisor-\(index)")?.staffNumber
            if let supervisor {
                assign(supervisor, .supervisor, from: lastYear.start)
                recorders[id] = supervisor
            }
            if let young = pick(.junior, "liaison-junior-last-\(index)") { assign(young.staffNumber, .junior, from: lastYear.start) }
            if let young = pick(.junior, "liaison-junior-\(index)") { assign(young.staffNumber, .junior, from: thisYear.start) }
        }

        // Who answers for a section: the nearest managerial post at or above it.
        var heads: [SectionCode: StaffNumber] = [:]
        for member in everyone where PostTiers.standard.isManagerial(member.currentPost ?? "") {
            if let section = member.currentSectionCode, heads[section] == nil { heads[section] = member.staffNumber }
        }
        func head(of section: SectionCode) -> StaffNumber {
            tree.path(to: section).reversed().compactMap { heads[$0.code] }.first ?? "D0004"
        }

        let categoryRows = categories.map { category in
            LocalIssueCategory(id: UUID(), code: category.code, nameJa: category.ja, nameEn: category.en, sectionCode: category.section,
                               expectedDays: category.days, updatedBy: "D0004", updatedAt: moment(lastYear.start.adding(days: -10), hour: 10))
        }
        var categoryByCode: [String: LocalIssueCategory] = [:]
        for row in categoryRows { categoryByCode[row.code] = row }
        // Issues are routed only by the categories whose section is in this year's organization.
        let routable = issueTexts.filter { text in categoryByCode[text.category].map { tree.units[$0.sectionCode] != nil } ?? false }

        var records: [DistrictDialogueRecord] = []
        var participants: [DistrictDialogueParticipants] = []
        var issues: [LocalIssue] = []
        var events: [LocalIssueEvent] = []

        /// An issue with its history, its status following from its age.
        func addIssue(_ text: IssueText, district: District, record: DistrictDialogueRecord?, receivedOn: LocalDate, salt: String,
                      status forced: LocalIssueStatus? = nil, routedAfter: Int? = nil) throws {
            guard let category = categoryByCode[text.category], let districtID = district.id else { return }
            let routedOn = min(today, receivedOn.adding(days: routedAfter ?? DemoHash.value(salt, "routed") % 3))
            let routing = IssueRouting(section: category.sectionCode, routedOn: routedOn, expectedOn: routedOn.adding(days: category.expectedDays))
            let recorder = recorders[districtID] ?? "D0006"
            let answerer = head(of: category.sectionCode)
            let age = routedOn.days(until: today)
            let roll = DemoHash.value(salt, "status") % 20
            var status: LocalIssueStatus
            if let forced {
                status = forced
            } else if age > 45 {
                status = roll < 13 ? .resolved : roll < 17 ? .difficult : roll < 19 ? .inProgress : .received
            } else if age > category.expectedDays {
                status = roll < 8 ? .resolved : roll < 10 ? .difficult : .inProgress
            } else {
                status = roll < 10 ? .received : roll < 16 ? .inProgress : .resolved
            }
            // Most answers come within the expected days, a few late.
            let late = DemoHash.value(salt, "late") % 5 == 0
            let took = late ? category.expectedDays + 1 + DemoHash.value(salt, "overrun") % 20 : 1 + DemoHash.value(salt, "took") % category.expectedDays
            let startedOn = min(today, routedOn.adding(days: 1 + DemoHash.value(salt, "started") % 3))
            let respondedOn = max(startedOn, min(today, routedOn.adding(days: took)))
            if !status.isOpen && respondedOn <= routedOn { status = .inProgress }
            let issue = LocalIssue(
                id: UUID(), districtID: districtID, dialogueRecordID: record?.id, title: text.title, details: text.details, place: text.place,
                categoryID: try category.requireID(), routing: routing, receivedOn: receivedOn, status: status,
                response: status == .resolved ? text.response : "", difficultyReason: status == .difficult ? text.difficulty : "",
                respondedOn: status.isOpen ? nil : respondedOn, recordedBy: recorder, updatedAt: moment(routedOn, hour: 10))
            // Its status as recorded, then each step the section took.
            let recordedStatus = issue.status
            issue.status = .received
            events.append(try LocalIssueEvent(.recorded, issue: issue, actor: recorder, at: moment(routedOn, hour: 10)))
            if recordedStatus != .received {
                issue.status = .inProgress
                issue.updatedAt = moment(startedOn, hour: 11)
                events.append(try LocalIssueEvent(.statusChanged, issue: issue, actor: answerer, at: issue.updatedAt))
            }
            if !recordedStatus.isOpen {
                issue.status = recordedStatus
                issue.updatedAt = moment(respondedOn, hour: 16)
                events.append(try LocalIssueEvent(.statusChanged, issue: issue, note: recordedStatus == .difficult ? text.difficulty : "",
                                                  actor: answerer, at: issue.updatedAt))
            }
            issues.append(issue)
        }

        for (index, district) in districts.enumerated() {
            let districtID = try district.requireID()
            let short = district.nameJa.replacingOccurrences(of: "地区", with: "")
            let places = ["\(district.nameJa)市民センター 会議室", "\(short)公民館", "\(short)小学校 多目的室", "\(short)集会所"]
            for year in [lastYear, thisYear] {
                for (round, month) in dialogueMonths.enumerated() {
                    let salt = "\(index)-\(year.startYear)-\(round)"
                    let heldOn = year.start.adding(months: month).adding(days: 4 + DemoHash.value(salt, "day") % 20)
                    guard heldOn <= today, let recorder = recorders[districtID] else { continue }
                    let first = DemoHash.value(salt, "topic") % topics.count
                    let topicList = [topics[first], topics[(first + 1 + DemoHash.value(salt, "topic2") % 5) % topics.count]]
                    let record = DistrictDialogueRecord(
                        id: UUID(), districtID: districtID, heldOn: heldOn, place: places[DemoHash.value(salt, "place") % places.count],
                        topics: topicList.joined(separator: "\n"), recordedBy: recorder, recordedAt: moment(min(today, heldOn.adding(days: 1)), hour: 17))
                    records.append(record)
                    let recordID = try record.requireID()
                    let counts: [ParticipantGroup: Int] = [
                        .neighborhoodAssociation: 6 + DemoHash.value(salt, "neighborhood") % 15,
                        .pta: DemoHash.value(salt, "pta") % 7,
                        .merchantsAssociation: DemoHash.value(salt, "merchants") % 3 == 0 ? 2 + DemoHash.value(salt, "merchants-n") % 4 : 0,
                        .seniorsClub: DemoHash.value(salt, "seniors") % 6,
                        .childrensAssociation: DemoHash.value(salt, "children") % 4 == 0 ? 1 + DemoHash.value(salt, "children-n") % 3 : 0,
                        .welfareCommissioners: DemoHash.value(salt, "welfare") % 4,
                        .residents: DemoHash.value(salt, "residents") % 12,
                    ]
                    for (group, count) in ParticipantCounts(counts).groups {
                        participants.append(DistrictDialogueParticipants(recordID: recordID, group: group, headCount: count))
                    }
                    // Each dialogue raises up to two local issues.
                    for raised in 0..<(DemoHash.value(salt, "issues") % 3) where !routable.isEmpty {
                        let text = routable[DemoHash.value(salt, raised, "issue") % routable.count]
                        try addIssue(text, district: district, record: record, receivedOn: heldOn, salt: "\(salt)-\(raised)")
                    }
                }
            }
        }

        // The issues the demo accounts find waiting: 市民課's queue (D0002), one of them overdue
        // and so escalated to 市民生活部's head (D0003).
        let counter = routable.filter { $0.category == "counter" }
        if let chuo = districts.first(where: { $0.centerSectionCode == "1251" }), counter.count >= 2 {
            try addIssue(counter[0], district: chuo, record: nil, receivedOn: today.adding(days: -40), salt: "pinned-overdue", status: .inProgress, routedAfter: 0)
            try addIssue(counter[1], district: chuo, record: nil, receivedOn: today.adding(days: -3), salt: "pinned-new", status: .received, routedAfter: 0)
            if let kita = districts.first(where: { $0.centerSectionCode == "1252" }) {
                try addIssue(counter[1], district: kita, record: nil, receivedOn: today.adding(days: -6), salt: "pinned-kita", status: .inProgress, routedAfter: 1)
            }
        }
        // A gutter first sent to the parks section, whose manager corrected the routing to roads.
        if let minami = districts.first(where: { $0.centerSectionCode == "1253" }), let park = categoryByCode["park"], let road = categoryByCode["road"],
           let text = routable.first(where: { $0.category == "road" }), tree.units[park.sectionCode] != nil, tree.units[road.sectionCode] != nil {
            let receivedOn = today.adding(days: -12)
            let correctedOn = today.adding(days: -9)
            let minamiID = try minami.requireID()
            let issue = LocalIssue(
                id: UUID(), districtID: minamiID, title: text.title, details: text.details, place: "\(minami.nameJa)の児童公園の前の道路",
                categoryID: try park.requireID(), routing: IssueRouting(section: park.sectionCode, routedOn: receivedOn, expectedOn: receivedOn.adding(days: park.expectedDays)),
                receivedOn: receivedOn, recordedBy: recorders[minamiID] ?? "D0006", updatedAt: moment(receivedOn, hour: 10))
            events.append(try LocalIssueEvent(.recorded, issue: issue, actor: issue.recordedBy, at: moment(receivedOn, hour: 10)))
            issue.$category.id = try road.requireID()
            issue.sectionCode = road.sectionCode
            issue.routedOn = correctedOn
            issue.expectedOn = correctedOn.adding(days: road.expectedDays)
            issue.updatedAt = moment(correctedOn, hour: 14)
            events.append(try LocalIssueEvent(.rerouted, issue: issue, previousCategoryID: try park.requireID(), previousSectionCode: park.sectionCode,
                                              note: "公園の外の市道の側溝のため、道路維持係の担当です。", actor: head(of: park.sectionCode), at: issue.updatedAt))
            issues.append(issue)
        }

        let templates = [
            LocalIssueResponseTemplate(sectionCode: "1310", title: "コンビニ交付のご案内",
                                       body: "マイナンバーカードをお持ちの方は、全国のコンビニエンスストアで住民票の写しや印鑑登録証明書を取得できます（毎日6時30分〜23時）。地区市民センターでも使い方をご案内しています。",
                                       updatedBy: head(of: "1310"), updatedAt: moment(lastYear.start.adding(days: 30), hour: 10)),
            LocalIssueResponseTemplate(sectionCode: "1310", title: "窓口の混雑状況のご案内",
                                       body: "窓口の混雑状況は市ホームページで確認できます。年度初めと月曜日は混み合いますので、時間に余裕をもってお越しください。",
                                       updatedBy: head(of: "1310"), updatedAt: moment(lastYear.start.adding(days: 30), hour: 11)),
            LocalIssueResponseTemplate(sectionCode: "183030", title: "道路補修の予定について",
                                       body: "現地を確認しました。補修は緊急性の高い箇所から順に行っており、この箇所は今年度中に補修する予定です。",
                                       updatedBy: head(of: "183030"), updatedAt: moment(lastYear.start.adding(days: 40), hour: 10)),
        ].filter { tree.units[$0.sectionCode] != nil }

        let (liaisonRows, recordRows, participantRows, issueRows, eventRows) = (liaisons, records, participants, issues, events)
        try await database.writeTransaction { database in
            try await ChunkedInsert.create(districts, on: database)
            try await ChunkedInsert.create(liaisonRows, on: database)
            try await ChunkedInsert.create(categoryRows, on: database)
            try await ChunkedInsert.create(recordRows, on: database)
            try await ChunkedInsert.create(participantRows, on: database)
            try await ChunkedInsert.create(issueRows, on: database)
            try await ChunkedInsert.create(eventRows, on: database)
            try await ChunkedInsert.create(templates, on: database)
        }
    }
}
