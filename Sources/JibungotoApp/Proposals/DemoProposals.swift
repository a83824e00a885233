import Fluent
import Foundation
import JibungotoDomain

/// The demo city's staff proposals (職員提案): sixty over this fiscal year and the two before, in
/// every state of the workflow, each with its timeline, submitted versions (a few returned once and
/// revised, so their page shows the changes), reviewers with scores and private notes, comments
/// with the authors' answers, 共感, requests to sections and their implementation, and the
/// participation ledger's lines for submission and adoption. Two years ago fewer were adopted than
/// last year (the paper's §6-2: more staff proposals adopted). Dates follow `today`; this year's
/// proposals end at every step (drafts, one with D0001 asked to co-author; two under review with
/// D0002 and D0003 asked to score; one of D0001's returned for revision; one requested to 市民課,
/// D0002's section; two outcomes recorded but not yet published). Deterministic but for the ids.
enum DemoProposals {
    struct Template: Sendable {
        let title: String
        let category: ProposalCategory
        let measure: String
        let problem: String
        let proposal: String
        let effect: String
        let cost: String
    }

    static let templates: [Template] = [
        Template(title: "窓口の待ち時間をスマートフォンで確認できるようにする", category: .citizenService, measure: "デジタル化推進計画",
                 problem: "市民課の窓口は月末や年度初めに1時間以上待つことがあり、待合スペースが混雑しています。\n待ち時間が分からないため、来庁を諦める方や、何度も職員に尋ねる方がいます。",
                 proposal: "発券機の呼出番号と待ち人数を、市のホームページで確認できるようにします。\n待ち人数が多い時間帯を掲示し、空いている時間帯の来庁を呼びかけます。",
                 effect: "待合スペースの混雑が緩和され、職員への問い合わせが減ります。来庁時間の分散により、ピーク時の待ち時間を3割程度短縮できる見込みです。",
                 cost: "発券機の改修 約80万円（初年度のみ）"),
        Template(title: "庁内会議の資料を紙から画面共有に切り替える", category: .workImprovement, measure: "行財政改革プラン",
                 problem: "庁内会議のたびに大量の資料を印刷・配布しており、印刷と差し替えに多くの時間がかかっています。",
                 proposal: "会議室に大型モニターを設置し、資料は共有フォルダで事前に配布します。\n紙の配布は、希望する方と外部の出席者に限ります。",
                 effect: "年間約30万枚の印刷を削減し、資料準備の時間を会議1回あたり30分程度短縮できます。",
                 cost: "大型モニター5台 約100万円"),
        Template(title: "新規採用職員に先輩職員の相談役をつける", category: .workplace, measure: "人材育成基本方針",
                 problem: "新規採用職員が、所属の上司以外に気軽に相談できる相手がおらず、悩みを一人で抱えてしまう例があります。",
                 proposal: "採用3〜5年目の他部署の職員を相談役（メンター）とし、最初の1年間、月1回程度の面談を行います。\n相談役には事前に研修を行います。",
                 effect: "新規採用職員の不安を早期に把握でき、早期離職の防止と、部署を越えたつながりづくりにつながります。",
                 cost: "相談役研修の講師謝礼 約10万円"),
        Template(title: "公用車の予約をオンラインで一元管理する", category: .workImprovement, measure: "行財政改革プラン",
                 problem: "公用車の予約が課ごとの紙の台帳で管理されており、空いている車を探すのに電話で問い合わせが必要です。",
                 proposal: "庁内グループウェアの施設予約機能を使い、全公用車の予約を一元管理します。",
                 effect: "空き状況がすぐに分かり、車両の稼働率が上がります。将来的な台数の削減も検討できます。",
                 cost: ""),
        Template(title: "地区ごとの「出張市役所」を開く", category: .community, measure: "総合計画 基本目標3",
                 problem: "高齢の方や交通手段のない方にとって、本庁舎まで手続きに来ることが負担になっています。",
                 proposal: "月1回、地区市民センターで住民票の交付や各種相談を受け付ける「出張市役所」を開きます。\n各課の職員が交代で対応します。",
                 effect: "本庁舎に来にくい方の負担が減り、職員が地域の声を直接聞く機会にもなります。",
                 cost: "端末の持ち出し用通信回線 年約12万円"),
        Template(title: "ごみ分別アプリの多言語化", category: .citizenService, measure: "多文化共生推進プラン",
                 problem: "外国人住民の増加に伴い、ごみの分別に関する問い合わせや収集所でのトラブルが増えています。",
                 proposal: "既存のごみ分別アプリに、英語・中国語・ベトナム語・やさしい日本語の表示を追加します。",
                 effect: "分別の誤りと問い合わせが減り、収集所の環境が改善します。",
                 cost: "アプリの改修 約60万円"),
        Template(title: "決裁の電子化を全庁に広げる", category: .workImprovement, measure: "デジタル化推進計画",
                 problem: "一部の課では電子決裁が導入されていますが、多くの決裁は紙で回覧しており、決裁に日数がかかっています。",
                 proposal: "文書管理システムの電子決裁機能を全課で使うことを原則とし、紙の決裁は例外とします。\n操作研修を各課で行います。",
                 effect: "決裁の所要日数が短縮され、文書の保管スペースと検索の手間が減ります。",
                 cost: "追加ライセンス 年約40万円"),
        Template(title: "子育て世帯向けの手続を一度にまとめて案内する", category: .citizenService, measure: "子ども・子育て支援事業計画",
                 problem: "出生届の際、児童手当や医療費助成など複数の手続きで、別々の窓口を回ってもらう必要があります。",
                 proposal: "出生届の際に必要な手続きを一覧にした案内票を作り、一つの窓口でまとめて受け付けます。",
                 effect: "保護者が窓口を回る負担が減り、手続き漏れも防げます。",
                 cost: "案内票の印刷 年約5万円"),
        Template(title: "職員の自主研究グループに活動費を助成する", category: .workplace, measure: "人材育成基本方針",
                 problem: "業務外で市の課題を研究する職員の自主グループがありますが、資料代や視察の費用はすべて自己負担です。",
                 proposal: "登録した自主研究グループに、年間5万円を上限として活動費を助成します。\n成果は年1回の発表会で共有します。",
                 effect: "職員が市の政策課題を自分ごととして考える機会が増え、部署を越えた対話が生まれます。",
                 cost: "助成金 年約50万円（10グループ分）"),
        Template(title: "庁舎の照明をLEDに更新し電気代を削減する", category: .finance, measure: "地球温暖化対策実行計画",
                 problem: "本庁舎の照明の多くが蛍光灯のままで、電気代が高く、交換の手間もかかっています。",
                 proposal: "リース方式で本庁舎の照明をLEDに更新します。",
                 effect: "電気代を年間約400万円削減でき、二酸化炭素の排出も減ります。",
                 cost: "リース料 年約250万円（10年）"),
        Template(title: "市民向けオンライン講座を録画して公開する", category: .citizenService, measure: "生涯学習推進計画",
                 problem: "市が開く講座は平日の昼間が多く、働いている世代が参加しにくくなっています。",
                 proposal: "講座を録画し、講師の了解を得て市の動画チャンネルで公開します。",
                 effect: "時間や場所を問わず学べるようになり、講座の内容がより多くの市民に届きます。",
                 cost: "撮影機材 約20万円"),
        Template(title: "庁内の空きスペースを職員の打合せコーナーにする", category: .workplace, measure: "公共施設等総合管理計画",
                 problem: "会議室の予約が取りにくく、ちょっとした打合せを自席で行うため、周囲の業務の妨げになっています。",
                 proposal: "各階の使われていない書庫や通路の一角を、予約不要の打合せコーナーにします。",
                 effect: "短い打合せがしやすくなり、会議室の予約の競合が減ります。",
                 cost: "机・椅子・パーティション 約60万円"),
        Template(title: "道路の損傷を市民がスマートフォンで通報できるようにする", category: .community, measure: "総合計画 基本目標5",
                 problem: "道路の穴やカーブミラーの破損は、市民からの電話で知ることが多く、場所の特定に時間がかかっています。",
                 proposal: "写真と位置情報を送れる通報フォームを作り、担当課に自動で振り分けます。",
                 effect: "損傷の場所がすぐに分かり、補修までの期間が短くなります。",
                 cost: "フォームの構築 約30万円"),
        Template(title: "ふるさと納税の返礼品に市の体験型プログラムを加える", category: .finance, measure: "シティプロモーション戦略",
                 problem: "返礼品が特産品に偏っており、市の魅力を体験してもらう機会になっていません。",
                 proposal: "農業体験や伝統工芸の制作体験など、市内で過ごす体験型の返礼品を事業者と一緒に開発します。",
                 effect: "寄附額の増加に加え、交流人口の拡大と地域事業者の収入増が見込めます。",
                 cost: ""),
        Template(title: "職員の異動時の引継書を様式統一する", category: .workImprovement, measure: "人材育成基本方針",
                 problem: "異動時の引継書が課ごとにばらばらで、後任者が必要な情報を見つけられないことがあります。",
                 proposal: "全庁共通の引継書の様式と記入例を作り、共有フォルダに保存することを原則とします。",
                 effect: "異動直後の業務の停滞が減り、市民対応の質が保たれます。",
                 cost: ""),
        Template(title: "高齢者の見守りに配達事業者の協力を得る", category: .community, measure: "地域福祉計画",
                 problem: "一人暮らしの高齢者が増え、異変に気づくのが遅れる例があります。",
                 proposal: "新聞・宅配・電気などの事業者と協定を結び、配達時に異変に気づいたら市に連絡してもらいます。",
                 effect: "異変の早期発見につながり、地域で見守る仕組みが広がります。",
                 cost: "協定締結の説明会 約3万円"),
        Template(title: "会議の開始時刻と終了時刻を守るルールを作る", category: .workplace, measure: "働き方改革推進プラン",
                 problem: "庁内会議が予定時刻を過ぎて続くことが多く、後の予定や定時退庁に影響しています。",
                 proposal: "会議は原則45分以内、終了時刻を案内に明記し、議題と資料を前日までに共有するルールを定めます。",
                 effect: "会議の時間が短くなり、時間外勤務の削減につながります。",
                 cost: ""),
        Template(title: "公共施設の予約をオンラインで受け付ける", category: .citizenService, measure: "デジタル化推進計画",
                 problem: "体育館や公民館の予約は窓口か電話に限られ、受付時間内に連絡できない方がいます。",
                 proposal: "施設予約システムを導入し、24時間オンラインで空き状況の確認と予約ができるようにします。",
                 effect: "利用者の利便性が上がり、窓口と電話の対応時間が減ります。",
                 cost: "システム利用料 年約150万円"),
        Template(title: "市の広報紙をやさしい日本語でも発行する", category: .citizenService, measure: "多文化共生推進プラン",
                 problem: "広報紙の内容が難しく、外国人住民や子どもには伝わりにくくなっています。",
                 proposal: "広報紙の主要な記事を、やさしい日本語で要約した版を毎月ホームページに掲載します。",
                 effect: "行政情報がより多くの住民に届き、問い合わせの減少も期待できます。",
                 cost: ""),
        Template(title: "未利用の市有地を貸し出して収入を得る", category: .finance, measure: "公共施設等総合管理計画",
                 problem: "使われていない市有地が点在し、草刈りなどの管理費だけがかかっています。",
                 proposal: "売却や活用の予定がない市有地を一覧にして公開し、駐車場や資材置場として民間に貸し出します。",
                 effect: "貸付収入が得られ、管理費も削減できます。",
                 cost: "測量・公募の事務費 約20万円"),
        Template(title: "職員向けの庁内副業を広く知らせる", category: .workplace, measure: "人材育成基本方針",
                 problem: "庁内副業の制度があることを知らない職員が多く、応募が一部の職員に偏っています。",
                 proposal: "募集中の庁内副業を毎月グループウェアで紹介し、経験した職員の体験談も掲載します。",
                 effect: "応募者が増え、部署を越えた経験を持つ職員が増えます。",
                 cost: ""),
        Template(title: "小中学生が市の仕事を体験する「こども市役所」", category: .community, measure: "総合計画 基本目標1",
                 problem: "子どもたちが市役所の仕事を知る機会が少なく、将来の担い手づくりにつながっていません。",
                 proposal: "夏休みに小中学生が各課の仕事を体験する「こども市役所」を開きます。",
                 effect: "子どもたちが市政に関心を持つきっかけになり、職員にとっても仕事を見直す機会になります。",
                 cost: "記念品・保険 約15万円"),
        Template(title: "電話の自動音声案内で問い合わせ先を振り分ける", category: .workImprovement, measure: "デジタル化推進計画",
                 problem: "代表電話への問い合わせが多く、担当課への転送に時間がかかっています。",
                 proposal: "よくある問い合わせは自動音声で担当課に直接つなぎ、ごみの収集日などは音声で案内します。",
                 effect: "転送の手間が減り、市民の待ち時間も短くなります。",
                 cost: "電話交換機の設定変更 約40万円"),
        Template(title: "市内の空き家を移住体験住宅として活用する", category: .community, measure: "移住・定住促進計画",
                 problem: "空き家が増える一方、移住を考える方が実際の暮らしを試せる場所がありません。",
                 proposal: "所有者の協力を得て空き家を改修し、1週間から1か月滞在できる移住体験住宅にします。",
                 effect: "移住の検討者が増え、空き家の解消にもつながります。",
                 cost: "改修費 1戸あたり約300万円"),
        Template(title: "庁内の申請書類の押印を廃止する", category: .workImprovement, measure: "行財政改革プラン",
                 problem: "庁内の申請や届出に押印が必要なものが多く残り、在宅勤務や電子化の妨げになっています。",
                 proposal: "法令で義務づけられていない庁内手続の押印を一斉に廃止し、様式を改めます。",
                 effect: "手続きが簡単になり、電子申請への移行が進みます。",
                 cost: ""),
        Template(title: "職員が地域活動に参加するための休暇制度", category: .workplace, measure: "働き方改革推進プラン",
                 problem: "地域の行事や自治会活動に参加したい職員がいても、休みが取りにくいと感じています。",
                 proposal: "年2日を上限に、地域活動への参加に使える特別休暇を設けます。",
                 effect: "職員が地域の声に触れる機会が増え、市民との対話の土台になります。",
                 cost: ""),
        Template(title: "観光案内所の開設時間を週末に延ばす", category: .citizenService, measure: "観光振興計画",
                 problem: "観光客が最も多い週末の夕方に、観光案内所が閉まっています。",
                 proposal: "土日祝日の開設時間を2時間延ばし、地元の観光ボランティアの協力を得ます。",
                 effect: "観光客の満足度が上がり、市内での消費の増加が見込めます。",
                 cost: "人件費 年約80万円"),
        Template(title: "庁舎の太陽光発電で災害時の電源を確保する", category: .finance, measure: "地域防災計画",
                 problem: "災害で停電した際、本庁舎の非常用発電機は72時間分の燃料しかありません。",
                 proposal: "本庁舎の屋上に太陽光発電と蓄電池を設置し、平常時は電気代の削減に使います。",
                 effect: "災害時の電源が確保でき、平常時の電気代も年約150万円削減できます。",
                 cost: "設置費 約2,000万円（補助金の活用を想定）"),
        Template(title: "市民と職員の対話カフェを定期的に開く", category: .community, measure: "人材育成基本方針",
                 problem: "市民の声を聞く場が苦情や要望の窓口に限られ、職員と市民が気軽に話す機会がありません。",
                 proposal: "月1回、地区市民センターで市民と職員が市の課題について話す「対話カフェ」を開きます。\n職員は部署や職層を問わず参加を募ります。",
                 effect: "職員が様々な市民と対話する機会が増え、施策づくりに市民の視点が入ります。",
                 cost: "茶菓代 年約6万円"),
        Template(title: "研修の動画を職員がいつでも見られるようにする", category: .workplace, measure: "人材育成基本方針",
                 problem: "集合研修は日程が合わず受講できない職員が多く、特に窓口の職員は参加しにくくなっています。",
                 proposal: "主な研修を録画し、庁内の動画共有サイトで公開します。受講の記録も残せるようにします。",
                 effect: "受講の機会が広がり、研修の内容をいつでも見直せます。",
                 cost: "動画共有サイトの利用料 年約30万円"),
    ]

    /// The state each year's twenty proposals end in, oldest year first.
    static let finalStates: [[ProposalState]] = [
        // Two years ago: fewer than half adopted, most of those carried out.
        [.implemented, .rejected, .rejected, .implemented, .rejected, .partiallyAdopted, .rejected, .considerationRequested, .rejected, .implemented,
         .rejected, .rejected, .adopted, .rejected, .implementing, .rejected, .partiallyAdopted, .rejected, .implemented, .rejected],
        // Last year: more adopted, several still being carried out.
        [.implemented, .rejected, .implementing, .implementationRequested, .rejected, .adopted, .implemented, .rejected, .implementing, .considerationRequested,
         .rejected, .partiallyAdopted, .rejected, .implementationRequested, .implemented, .rejected, .implementing, .rejected, .adopted, .rejected],
        // This year: every step of the way.
        [.rejected, .implementationRequested, .adopted, .rejected, .underReview, .returned, .underReview, .partiallyAdopted, .received, .underReview,
         .adopted, .submitted, .returned, .underReview, .received, .submitted, .submitted, .draft, .draft, .draft],
    ]

    /// This year's outcomes recorded but not yet published (the office publishes them later).
    static let unpublished: Set<Int> = [7, 10]
    /// Proposals returned once and resubmitted as a second version, as year offset × 100 + index.
    static let revised: Set<Int> = [3, 106, 206]
    /// The demo accounts' parts, as year offset × 100 + index.
    static let leads: [Int: StaffNumber] = [100: "D0001", 205: "D0001"]
    static let pinnedReviewers: [Int: StaffNumber] = [204: "D0002", 209: "D0003"]
    static let pinnedRequests: Set<Int> = [102, 201]
    /// The draft on which D0001 is asked to co-author.
    static let invitationOfDemoStaff = 217
    static let office: StaffNumber = "D0004"

    static let revisionLine = "まず1つの課で3か月間試行し、効果と課題を検証してから全庁に広げます。"
    static let adoptedAnswers = [
        "提案の趣旨は、市の方針と合致しており、効果も大きいと判断しました。担当課で実施に向けた準備を進めます。",
        "費用対効果が高く、早期に実施できる提案として採用します。実施の時期と方法は担当課と調整します。",
    ]
    static let partialAnswers = [
        "提案のうち、費用をかけずにできる部分から実施します。残りは来年度の予算編成の中で検討します。",
        "全庁での実施は難しいものの、一部の課での試行として採用します。",
    ]
    static let rejectedAnswers = [
        "同様の取組が既に計画されているため、今回は不採用とします。計画の中で提案の視点を生かします。",
        "費用に見合う効果を見込みにくいため、不採用とします。ご提案いただいた課題認識は関係課と共有します。",
        "法令上の制約があり、現時点では実施が難しいため不採用とします。制度の改正があれば改めて検討します。",
    ]
    static let returnNotes = [
        "効果の見込みを数字で示してください。また、試行の進め方を具体的に書き加えてください。",
        "必要な経費の内訳と、関係する課との役割分担を書き加えてください。",
    ]
    static let requestNotes = ["来年度当初から実施できるよう、準備をお願いします。", "実施の方法と時期を検討し、結果を報告してください。"]
    static let implementationNotes = ["関係課と調整し、準備が整ったため実施を始めました。", "予定どおり実施し、効果を確認しました。"]
    static let reviewNotes = [
        "課題の捉え方が的確。費用の見積りはやや楽観的。",
        "他市の事例もあり実現性は高い。担当課の負担に配慮が必要。",
        "効果は大きいが、全庁展開の前に試行が望ましい。",
        "既存の計画と重なる部分が多い。",
    ]
    static let comments = [
        "私の課でも同じ課題を感じていました。ぜひ実現してほしいです。",
        "窓口の職員の負担が増えないか心配です。運用の体制はどう考えていますか。",
        "他市で同じ取組をしている例があります。参考になると思います。",
        "費用はどの予算から出す想定でしょうか。",
    ]
    static let commentAnswers = [
        "ありがとうございます。試行の段階から一緒に検討していただけると心強いです。",
        "ご指摘のとおりです。担当課と相談し、無理のない体制を考えます。",
    ]

    /// One step of a proposal's way, `days` after the one before.
    enum Step {
        case move(ProposalState, days: Int)
        case publish(days: Int)

        var days: Int {
            switch self {
            case .move(_, let days), .publish(let days): days
            }
        }
    }

    /// The steps from submission to `final`.
    /// - Parameters:
    ///   - outcome: the review's result for a proposal that gets one.
    ///   - request: 実施要請 or 検討要請 for an adopted proposal handed to a section.
    static func steps(to final: ProposalState, outcome: ProposalState, request: ProposalState, revised: Bool, published: Bool) -> [Step] {
        var steps: [Step] = [.move(.submitted, days: 0)]
        if final == .submitted { return steps }
        steps.append(.move(.received, days: 4))
        if final == .received { return steps }
        steps.append(.move(.underReview, days: 7))
        if revised {
            steps += [.move(.returned, days: 21), .move(.submitted, days: 14), .move(.received, days: 3), .move(.underReview, days: 5)]
        }
        if final == .underReview { return steps }
        if final == .returned { return steps + [.move(.returned, days: 25)] }
        steps.append(.move(outcome, days: 28))
        guard published else { return steps }
        steps.append(.publish(days: 5))
        if final.isOutcome { return steps }
        steps.append(.move(request, days: 7))
        if final.isRequestToSection { return steps }
        steps.append(.move(.implementing, days: 21))
        if final == .implementing { return steps }
        return steps + [.move(.implemented, days: 90)]
    }

    static func load(on database: any Database, today: LocalDate) async throws {
        guard try await ProposalCall.query(on: database).count() == 0 else { return }
        let year = today.fiscalYear.startYear
        let tree = try await OrganizationTree.load(fiscalYear: year, on: database)
        guard !tree.units.isEmpty else { return }
        let everyone = try await StaffMember.query(on: database).filter(\.$currentSectionCode != nil).sort(\.$staffNumber).all()
        let byNumber = Dictionary(everyone.map { ($0.staffNumber, $0) }, uniquingKeysWith: { first, _ in first })
        let demoAccounts = Set(DemoAccounts.all.map(\.staffNumber))
        let pool = everyone.filter { $0.employmentType == .regular && !demoAccounts.contains($0.staffNumber) }
        guard pool.count > 40 else { return }
        var managers: [SectionCode: StaffNumber] = [:]
        for member in everyone where PostTiers.standard.isManagerial(member.currentPost ?? "") {
            if let section = member.currentSectionCode, managers[section] == nil { managers[section] = member.staffNumber }
        }
        let requestTargets = tree.flattened().map(\.record).filter { $0.kind != .department }.map(\.code)
        guard !requestTargets.isEmpty else { return }
        // 市民課, D0002's section, when the city has it.
        let citizenSection: SectionCode = tree.units["1310"] != nil ? "1310" : requestTargets[0]
        func moment(_ date: LocalDate, hour: Int) -> Date { date.startOfDay(in: .japan).addingTimeInterval(Double(hour) * 3_600) }
        func pick(_ salt: String, _ key: Int, _ k: Int, excluding: Set<StaffNumber>) -> StaffNumber {
            var attempt = 0
            while true {
                let candidate = pool[DemoHash.value(salt, key, k, attempt) % pool.count].staffNumber
                if !excluding.contains(candidate) || attempt > 20 { return candidate }
                attempt += 1
            }
        }

        // Each year a year-round call (open to all, answers to all) and a themed call.
        let themes = ["窓口手続のデジタル化", "職員の働き方と職場の魅力", "市民との対話の機会を増やす"]
        var calls: [ProposalCall] = []
        for offset in 0..<3 {
            let fiscalYear = FiscalYear(startYear: year - 2 + offset)
            let label = fiscalYear.label(language: "ja", display: .wareki)
            calls.append(ProposalCall(
                id: UUID(), title: "\(label) 職員提案", kind: .yearRound, opensOn: fiscalYear.start, closesOn: fiscalYear.end,
                openToStaffBeforeReview: true, answersPublishedToAll: true, criteria: ProposalCallRoutes.defaultCriteria, createdBy: office,
                createdAt: moment(fiscalYear.start, hour: 9)))
            let opens = offset == 2 ? today.adding(days: -150) : fiscalYear.start.adding(days: 30)
            calls.append(ProposalCall(
                id: UUID(), title: "\(label) テーマ募集「\(themes[offset])」", kind: .themed,
                theme: "「\(themes[offset])」をテーマに、明日からの仕事や市民サービスを変える提案を募集します。",
                opensOn: opens, closesOn: offset == 2 ? today.adding(days: 30) : fiscalYear.start.adding(days: 270),
                openToStaffBeforeReview: false, answersPublishedToAll: offset != 1, criteria: ["テーマへの適合", "効果", "実現可能性"],
                createdBy: office, createdAt: moment(opens.adding(days: -7), hour: 9)))
        }

        var proposals: [Proposal] = [], authors: [ProposalAuthor] = [], versions: [ProposalVersion] = [], events: [ProposalEvent] = []
        var reviews: [ProposalReview] = [], commentRows: [ProposalComment] = [], empathies: [ProposalEmpathy] = []
        var ledger: [ParticipationEntry] = []
        for (offset, finals) in finalStates.enumerated() {
            let fiscalYear = FiscalYear(startYear: year - 2 + offset)
            for (index, final) in finals.enumerated() {
                let key = offset * 100 + index
                let template = templates[(offset * 10 + index) % templates.count]
                let call = calls[offset * 2 + (index % 4 == 3 ? 1 : 0)]
                let callID = try call.requireID()
                let hash = DemoHash.value("proposal", key)
                let outcome: ProposalState = final.isOutcome ? final : hash % 3 == 0 ? .partiallyAdopted : .adopted
                let request: ProposalState = final.isRequestToSection ? final : hash % 4 == 0 ? .considerationRequested : .implementationRequested
                let published = !(offset == 2 && unpublished.contains(index))
                let plan = final == .draft ? [] : steps(to: final, outcome: outcome, request: request, revised: revised.contains(key), published: published)
                let length = plan.reduce(0) { $0 + $1.days }
                // Past years spread over the year; this year's end by today.
                let submittedOn = offset < 2 ? fiscalYear.start.adding(days: 20 + index * 12) : today.adding(days: -(length + 3 + index))

                let lead = leads[key] ?? pick("lead", key, 0, excluding: [])
                var coAuthors: [StaffNumber] = []
                for k in 0..<(hash % 4 == 0 ? 1 : hash % 7 == 0 ? 2 : 0) { coAuthors.append(pick("co-author", key, k, excluding: Set([lead] + coAuthors))) }
                if key == invitationOfDemoStaff { coAuthors = ["D0001"] }
                let authorNumbers = Set([lead] + coAuthors)

                let text = ProposalText(title: template.title, relatedMeasure: template.measure, problem: template.problem,
                                        proposal: template.proposal, expectedEffect: template.effect, estimatedCost: template.cost)
                let proposal = Proposal(id: UUID(), callID: callID, category: template.category, text: text, lead: lead,
                                        createdAt: moment(final == .draft ? today.adding(days: -(index - 15)) : submittedOn.adding(days: -3), hour: 10))
                let id = try proposal.requireID()
                proposals.append(proposal)
                authors.append(ProposalAuthor(id: UUID(), proposalID: id, staffNumber: lead, isLead: true, status: .confirmed, answeredAt: proposal.createdAt))
                for number in coAuthors {
                    authors.append(ProposalAuthor(id: UUID(), proposalID: id, staffNumber: number, status: final == .draft ? .invited : .confirmed,
                                                  answeredAt: final == .draft ? nil : moment(submittedOn.adding(days: -1), hour: 12)))
                }
                guard final != .draft else { continue }

                // The way through review, one timeline line per step.
                let section = pinnedRequests.contains(key) ? citizenSection : requestTargets[hash % requestTargets.count]
                var date = submittedOn
                var state = ProposalState.draft
                var sequence = 0
                var underReviewOn = submittedOn
                for step in plan {
                    date = date.adding(days: step.days)
                    sequence += 1
                    let at = moment(date, hour: 10 + sequence % 6)
                    switch step {
                    case .publish:
                        proposal.answerPublishedAt = at
                        events.append(ProposalEvent(id: UUID(), proposalID: id, sequence: sequence, kind: .answerPublished, to: proposal.outcome, actor: office,
                                                    occurredAt: at, shownToAuthors: true))
                        if outcome.isAdoption {
                            for number in [lead] + coAuthors {
                                guard let member = byNumber[number] else { continue }
                                ledger.append(ParticipationLedger.entry(for: member, kind: .proposalAdopted, activityID: proposal.activityID, title: template.title,
                                                                        hostSection: nil, route: .volunteered, date: date, tree: tree))
                            }
                        }
                    case .move(let to, _):
                        var note = ""
                        var actor = office
                        switch to {
                        case .submitted:
                            actor = lead
                            if proposal.submittedOn == nil {
                                proposal.submittedOn = date
                                proposal.sectionCode = byNumber[lead]?.currentSectionCode
                                proposal.departmentCode = proposal.sectionCode.flatMap { tree.department(of: $0)?.code }
                                for number in [lead] + coAuthors {
                                    guard let member = byNumber[number] else { continue }
                                    ledger.append(ParticipationLedger.entry(for: member, kind: .proposal, activityID: proposal.activityID, title: template.title,
                                                                            hostSection: nil, route: .volunteered, date: date, tree: tree))
                                }
                            } else {
                                // The revision: the office's points worked in.
                                proposal.proposalText = template.proposal + "\n" + revisionLine
                                proposal.estimatedCost = template.cost.isEmpty ? "試行期間中は既存の予算の範囲で対応します。" : template.cost + "（試行期間は約3割）"
                            }
                            proposal.versionCount += 1
                            versions.append(ProposalVersion(id: UUID(), proposalID: id, number: proposal.versionCount, text: proposal.text, submittedAt: at))
                        case .underReview:
                            underReviewOn = date
                        case .adopted, .partiallyAdopted, .rejected:
                            let answers = to == .adopted ? adoptedAnswers : to == .partiallyAdopted ? partialAnswers : rejectedAnswers
                            note = answers[hash % answers.count]
                            proposal.outcome = to
                            proposal.answer = note
                            proposal.answeredOn = date
                        case .returned:
                            note = returnNotes[hash % returnNotes.count]
                            proposal.returnNote = note
                        case .implementationRequested, .considerationRequested:
                            note = requestNotes[hash % requestNotes.count]
                            proposal.requestedSectionCode = section
                            proposal.requestKind = to
                            proposal.requestNote = note
                            proposal.requestedOn = date
                        case .implementing, .implemented:
                            actor = managers[section] ?? office
                            note = implementationNotes[to == .implementing ? 0 : 1]
                            if to == .implementing { proposal.implementationStartedOn = date } else { proposal.implementedOn = date }
                            proposal.implementationNote = note
                        case .draft, .received:
                            break
                        }
                        events.append(ProposalEvent(id: UUID(), proposalID: id, sequence: sequence, from: state, to: to, note: note, actor: actor,
                                                    occurredAt: at, shownToAuthors: !to.isOutcome))
                        state = to
                    }
                }
                proposal.state = state

                // Two reviewers once review began: both scored when the review is over, the first still to score while it runs.
                if final != .submitted && final != .received {
                    let criteria = call.criteriaList
                    var assigned: [StaffNumber] = []
                    for k in 0..<2 {
                        let reviewer = (k == 0 ? pinnedReviewers[key] : nil) ?? pick("reviewer", key, k, excluding: authorNumbers.union(assigned))
                        assigned.append(reviewer)
                        let scored = state != .underReview || k == 1
                        let base = proposal.outcome?.isAdoption == true ? 3 : 1
                        let scores = criteria.indices.map { base + DemoHash.value(key, k, $0) % 3 }
                        reviews.append(ProposalReview(
                            id: UUID(), proposalID: id, reviewer: reviewer, assignedBy: office, assignedAt: moment(underReviewOn.adding(days: -1), hour: 15),
                            dueOn: underReviewOn.adding(days: 14), scores: scored ? scores : [], note: scored ? reviewNotes[(hash + k) % reviewNotes.count] : "",
                            evaluatedAt: scored ? moment(min(today, underReviewOn.adding(days: 5 + k * 3)), hour: 17) : nil))
                    }
                }

                // Comments and 共感 from staff who may read it.
                guard call.openToStaffBeforeReview || proposal.answerPublished && call.answersPublishedToAll else { continue }
                for k in 0..<(hash % 4) {
                    let commenter = pick("commenter", key, k, excluding: authorNumbers)
                    let answered = DemoHash.value(key, k, "answered") % 2 == 0
                    let on = min(today, submittedOn.adding(days: 2 + k * 3))
                    commentRows.append(ProposalComment(
                        id: UUID(), proposalID: id, author: commenter, body: comments[(hash + k) % comments.count], createdAt: moment(on, hour: 12 + k),
                        answer: answered ? commentAnswers[(hash + k) % commentAnswers.count] : nil, answeredBy: answered ? lead : nil,
                        answeredAt: answered ? moment(min(today, on.adding(days: 1)), hour: 9) : nil))
                }
                var marked: Set<StaffNumber> = []
                for k in 0..<(DemoHash.value(key, "empathy") % 13 + (proposal.outcome?.isAdoption == true ? 4 : 0)) {
                    let person = pick("empathy", key, k, excluding: authorNumbers)
                    guard marked.insert(person).inserted else { continue }
                    empathies.append(ProposalEmpathy(id: UUID(), proposalID: id, staffNumber: person,
                                                     createdAt: moment(min(today, submittedOn.adding(days: 1 + k)), hour: 13)))
                }
            }
        }

        // Numbers in the order of first submission within each fiscal year.
        let submitted = proposals.filter { $0.submittedOn != nil }.sorted { ($0.submittedOn!, $0.title) < ($1.submittedOn!, $1.title) }
        var counters: [Int: Int] = [:]
        for proposal in submitted {
            let fiscalYear = proposal.submittedOn!.fiscalYear.startYear
            counters[fiscalYear, default: 0] += 1
            proposal.fiscalYear = fiscalYear
            proposal.number = counters[fiscalYear]
        }

        let (callRows, proposalRows, authorRows, versionRows, eventRows) = (calls, proposals, authors, versions, events)
        let (reviewRows, commentList, empathyRows, entries) = (reviews, commentRows, empathies, ledger)
        try await database.writeTransaction { database in
            try await ChunkedInsert.create(callRows, on: database)
            try await ChunkedInsert.create(proposalRows, on: database)
            try await ChunkedInsert.create(authorRows, on: database)
            try await ChunkedInsert.create(versionRows, on: database)
            try await ChunkedInsert.create(eventRows, on: database)
            try await ChunkedInsert.create(reviewRows, on: database)
            try await ChunkedInsert.create(commentList, on: database)
            try await ChunkedInsert.create(empathyRows, on: database)
            for entry in entries { try await ParticipationLedger.record(entry, on: database) }
        }
    }
}
