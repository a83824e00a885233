/// 職種 of the demo city's staff.
enum DemoJobType {
    static let clerical = "事務"
    static let technical = "技術"
    static let publicHealthNurse = "保健師"
    static let childcareWorker = "保育士"
    static let dietitian = "栄養士"
    static let librarian = "司書"
    static let firefighter = "消防"
    static let manualWorker = "技能労務"

    /// Specialists first: they fit the fewest sections, so they are placed before 事務.
    static let placementOrder = [
        firefighter, childcareWorker, publicHealthNurse, dietitian, librarian, manualWorker, technical, clerical,
    ]
}

/// Which 職種 a section employs, and in what proportions.
enum DemoProfile {
    case clerical, mixedTechnical, technical, health, healthLite, nursery, library, fire, manual, schoolLunch

    /// Member seats by job type, as shares of the section's headcount.
    var memberShares: [(String, Double)] {
        typealias J = DemoJobType
        switch self {
        case .clerical: return [(J.clerical, 1)]
        case .mixedTechnical: return [(J.clerical, 0.5), (J.technical, 0.5)]
        case .technical: return [(J.technical, 0.85), (J.clerical, 0.15)]
        case .health: return [(J.publicHealthNurse, 0.65), (J.clerical, 0.25), (J.dietitian, 0.10)]
        case .healthLite: return [(J.clerical, 0.6), (J.publicHealthNurse, 0.4)]
        case .nursery: return [(J.childcareWorker, 0.9), (J.dietitian, 0.1)]
        case .library: return [(J.librarian, 0.75), (J.clerical, 0.25)]
        case .fire: return [(J.firefighter, 1)]
        case .manual: return [(J.manualWorker, 0.8), (J.clerical, 0.2)]
        case .schoolLunch: return [(J.dietitian, 0.6), (J.clerical, 0.4)]
        }
    }

    /// Job types that may hold the section's head (and deputy) post.
    var headJobTypes: [String] {
        typealias J = DemoJobType
        switch self {
        case .clerical: return [J.clerical]
        case .mixedTechnical, .technical: return [J.clerical, J.technical]
        case .health, .healthLite: return [J.clerical, J.publicHealthNurse]
        case .nursery: return [J.childcareWorker]
        case .library: return [J.clerical, J.librarian]
        case .fire: return [J.firefighter]
        case .manual: return [J.clerical, J.manualWorker]
        case .schoolLunch: return [J.clerical, J.dietitian]
        }
    }

    func admitsMember(_ jobType: String) -> Bool {
        memberShares.contains { $0.0 == jobType }
    }
}

/// A unit of the demo organization with what the staff simulation needs beyond ``SectionRecord``.
struct DemoSection: Sendable {
    var record: SectionRecord
    var profile: DemoProfile
    /// 職名 of the head: 部長, 課長, 室長, 所長, 係長, 園長, 署長 …
    var headTitle: String
    /// 職名 of the deputy (次長, 課長補佐, 副署長), for the larger departments and divisions.
    var deputyTitle: String?

    var code: String { record.code.rawValue }

    /// 職層 of the head post: 7 部長, 5 課長 (also 室長), 4 所長 of a center, 3 係長.
    var headLevel: Int {
        switch record.kind {
        case .department: 7
        case .division, .office: 5
        case .center: 4
        case .unit: 3
        }
    }

    /// 職層 of the deputy post: 6 次長, 4 課長補佐.
    var deputyLevel: Int { record.kind == .department ? 6 : 4 }
}

/// The demo city's organization for each fiscal year and the changes between them.
struct DemoOrganizationPlan: Sendable {
    /// Fiscal year start year → units sorted by code.
    var years: [Int: [DemoSection]]
    var changes: [Int: [DemoOrganizationChange]]

    static func build() -> DemoOrganizationPlan {
        var current = baseOrganization()
        var years: [Int: [DemoSection]] = [DemoCity.firstFiscalYear: current]
        var changes: [Int: [DemoOrganizationChange]] = [DemoCity.firstFiscalYear: []]
        for year in (DemoCity.firstFiscalYear + 1)...DemoCity.lastFiscalYear {
            var log: [DemoOrganizationChange] = []
            for edit in edits(for: year) {
                edit.apply(to: &current, log: &log)
            }
            current.sort { $0.code < $1.code }
            years[year] = current
            changes[year] = log
        }
        return DemoOrganizationPlan(years: years, changes: changes)
    }

    // MARK: - Reorganizations

    enum Edit {
        case create(DemoSection)
        case rename(code: String, ja: String, en: String)
        case merge(code: String, into: String)
        case abolish(code: String)
        case addHeadcount(code: String, by: Int)

        func apply(to sections: inout [DemoSection], log: inout [DemoOrganizationChange]) {
            switch self {
            case .create(let section):
                sections.append(section)
                log.append(.init(kind: .created, code: section.code, detail: section.record.nameJa))
            case .rename(let code, let ja, let en):
                guard let index = sections.firstIndex(where: { $0.code == code }) else { return }
                log.append(.init(kind: .renamed, code: code, detail: "\(sections[index].record.nameJa) → \(ja)"))
                sections[index].record.nameJa = ja
                sections[index].record.nameEn = en
            case .merge(let code, let target):
                guard let index = sections.firstIndex(where: { $0.code == code }) else { return }
                log.append(.init(kind: .merged, code: code, targetCode: target, detail: sections[index].record.nameJa))
                sections.remove(at: index)
            case .abolish(let code):
                guard let index = sections.firstIndex(where: { $0.code == code }) else { return }
                log.append(.init(kind: .abolished, code: code, detail: sections[index].record.nameJa))
                sections.remove(at: index)
            case .addHeadcount(let code, let amount):
                guard let index = sections.firstIndex(where: { $0.code == code }) else { return }
                sections[index].record.authorizedHeadcount += amount
            }
        }
    }

    /// Where the staff of a unit that ceased go first: the unit that absorbed it.
    static func successors(in changes: [DemoOrganizationChange]) -> [String: String] {
        var result: [String: String] = [:]
        for change in changes where change.kind == .merged {
            if let target = change.targetCode { result[change.code] = target }
        }
        return result
    }

    static func edits(for year: Int) -> [Edit] {
        switch year {
        case 2022:
            return [
                .create(unit("172030", parent: "1720", "シティプロモーション係", "City Promotion Unit", 5)),
                .rename(code: "131030", ja: "総合窓口係", en: "One-stop Service Unit"),
            ]
        case 2023:
            return [
                .create(division("1170", parent: "11", "デジタル推進課", "Digital Transformation Division", .mixedTechnical)),
                .create(unit("117010", parent: "1170", "デジタル推進係", "Digital Promotion Unit", 7, .mixedTechnical)),
                .create(unit("117020", parent: "1170", "情報政策係", "Information Policy Unit", 6)),
                .merge(code: "103020", into: "117020"),
                .create(unit("161030", parent: "1610", "ゼロカーボン推進係", "Zero Carbon Unit", 5, .mixedTechnical)),
            ]
        case 2024:
            return [
                .create(unit("144040", parent: "1440", "介護保険係", "Long-term Care Insurance Unit", 8)),
                .create(unit("144050", parent: "1440", "認定係", "Care Needs Certification Unit", 7, .healthLite)),
                .merge(code: "145010", into: "144040"),
                .merge(code: "145020", into: "144050"),
                .merge(code: "1450", into: "1440"),
                .rename(code: "1440", ja: "高齢介護課", en: "Elderly and Long-term Care Division"),
                .merge(code: "173030", into: "173010"),
                .addHeadcount(code: "173010", by: 2),
            ]
        case 2025:
            return [
                .rename(code: "1240", ja: "人権・ダイバーシティ推進課", en: "Human Rights and Diversity Division"),
                .rename(code: "112020", ja: "行財政改革係", en: "Administrative and Fiscal Reform Unit"),
                .abolish(code: "153040"),
                .create(office("1550", parent: "15", "こども家庭相談室", "Children and Families Support Office", 8, .health)),
            ]
        case 2026:
            return [
                .create(unit("105030", parent: "1050", "公共施設マネジメント係", "Public Facilities Management Unit", 5)),
                .merge(code: "111030", into: "111010"),
                .addHeadcount(code: "111010", by: 2),
            ]
        default:
            return []
        }
    }

    // MARK: - FY2021

    /// 16 districts of Midori City, each with a district citizen center (定数 4–6).
    static let districts: [(ja: String, en: String, headcount: Int)] = [
        ("中央", "Chuo", 6), ("北", "Kita", 5), ("南", "Minami", 5), ("東", "Higashi", 5),
        ("西", "Nishi", 4), ("桜台", "Sakuradai", 5), ("緑ヶ丘", "Midorigaoka", 4), ("若葉", "Wakaba", 5),
        ("青葉", "Aoba", 6), ("川辺", "Kawabe", 4), ("山手", "Yamate", 5), ("港", "Minato", 4),
        ("旭", "Asahi", 5), ("本町", "Honmachi", 6), ("松原", "Matsubara", 4), ("清水", "Shimizu", 5),
    ]

    /// The FY2021 organization: 12 departments, about 250 units.
    static func baseOrganization() -> [DemoSection] {
        var sections: [DemoSection] = []
        func dept(
            _ code: String, _ ja: String, _ en: String, _ profile: DemoProfile = .clerical, deputy: Bool,
            head: String = "部長", _ children: [DivisionPlan]
        ) {
            sections.append(department(code, ja, en, profile, deputy: deputy, head: head))
            for child in children {
                sections.append(contentsOf: child.sections(parent: code))
            }
        }
        typealias D = DivisionPlan
        typealias U = UnitPlan

        dept("10", "総務部", "General Affairs Department", deputy: true, [
            D("10", "総務課", "General Affairs Division", deputy: true, [
                U("10", "庶務係", "General Affairs Unit", 7),
                U("20", "文書法制係", "Documents and Legal Affairs Unit", 6),
                U("30", "情報公開係", "Information Disclosure Unit", 5),
            ]),
            D("20", "人事課", "Personnel Division", deputy: true, [
                U("10", "人事係", "Personnel Unit", 8),
                U("20", "給与係", "Payroll Unit", 6),
                U("30", "研修厚生係", "Training and Welfare Unit", 6),
                U("40", "労務係", "Labor Relations Unit", 5),
            ]),
            D("30", "情報システム課", "Information Systems Division", .mixedTechnical, [
                U("10", "システム管理係", "System Management Unit", 7, .mixedTechnical),
                U("20", "情報政策係", "Information Policy Unit", 5),
            ]),
            D("40", "危機管理課", "Crisis Management Division", [
                U("10", "防災係", "Disaster Prevention Unit", 6),
                U("20", "危機管理係", "Crisis Management Unit", 5),
            ]),
            D("50", "管財課", "Property Management Division", [
                U("10", "管財係", "Property Unit", 6),
                U("20", "契約係", "Contracts Unit", 6),
                U("40", "検査係", "Works Inspection Unit", 5, .technical),
            ]),
            D.office("60", "秘書室", "Secretariat Office", 5),
            D.office("70", "議会事務局", "Secretariat of the City Council", 7, head: "事務局長"),
            D.office("80", "選挙管理委員会事務局", "Election Administration Commission Office", 4, head: "事務局長"),
            D.office("90", "監査委員事務局", "Audit Commissioners' Office", 4, head: "事務局長"),
        ])
        dept("11", "企画財政部", "Planning and Finance Department", deputy: true, [
            D("10", "企画政策課", "Planning and Policy Division", deputy: true, [
                U("10", "企画係", "Planning Unit", 7),
                U("20", "政策調整係", "Policy Coordination Unit", 6),
                U("30", "統計係", "Statistics Unit", 5),
            ]),
            D("20", "財政課", "Finance Division", deputy: true, [
                U("10", "財政係", "Budget Unit", 8),
                U("20", "行政改革係", "Administrative Reform Unit", 5),
            ]),
            D("30", "広報広聴課", "Public Relations Division", [
                U("10", "広報係", "Public Relations Unit", 6),
                U("20", "広聴係", "Public Hearing Unit", 5),
            ]),
            D("40", "市民税課", "Municipal Tax Division", deputy: true, [
                U("10", "市民税係", "Municipal Tax Unit", 8),
                U("20", "諸税係", "Other Taxes Unit", 6),
                U("30", "課税管理係", "Tax Records Unit", 6),
            ]),
            D("50", "資産税課", "Property Tax Division", [
                U("10", "土地係", "Land Unit", 7),
                U("20", "家屋係", "Buildings Unit", 7, .mixedTechnical),
                U("30", "償却資産係", "Depreciable Assets Unit", 5),
            ]),
            D("60", "納税課", "Tax Collection Division", deputy: true, [
                U("10", "納税管理係", "Collection Management Unit", 7),
                U("20", "収納係", "Receipts Unit", 7),
                U("30", "滞納整理係", "Delinquent Accounts Unit", 8),
            ]),
            D.office("80", "会計室", "Accounting Office", 6),
        ])
        var centers: [DivisionPlan] = []
        for (index, district) in districts.enumerated() {
            centers.append(.center(String(51 + index), district.ja, district.en, district.headcount))
        }
        dept("12", "市民協働部", "Citizen Collaboration Department", deputy: true, [
            D("10", "市民協働課", "Citizen Collaboration Division", collaboration: true, [
                U("10", "協働推進係", "Collaboration Promotion Unit", 6, collaboration: true),
                U("20", "市民活動支援係", "Civic Activity Support Unit", 6, collaboration: true),
            ]),
            D.office("20", "地域づくり支援室", "Community Development Support Office", 6, collaboration: true),
            D("30", "文化スポーツ課", "Culture and Sports Division", [
                U("10", "文化振興係", "Culture Promotion Unit", 6),
                U("20", "スポーツ振興係", "Sports Promotion Unit", 6),
                U("30", "スポーツ施設係", "Sports Facilities Unit", 5),
            ]),
            D("40", "人権・男女共同参画課", "Human Rights and Gender Equality Division", [
                U("10", "人権啓発係", "Human Rights Unit", 5),
                U("20", "男女共同参画係", "Gender Equality Unit", 5),
            ]),
        ] + centers + [
            D.office("70", "国際交流室", "International Exchange Office", 4),
        ])
        dept("13", "市民生活部", "Citizens' Life Department", deputy: false, [
            D("10", "市民課", "Citizens Division", deputy: true, [
                U("10", "住民記録係", "Resident Registry Unit", 8),
                U("20", "戸籍係", "Family Registry Unit", 7),
                U("30", "窓口サービス係", "Counter Services Unit", 8),
            ]),
            D("20", "保険年金課", "Health Insurance and Pension Division", deputy: true, [
                U("10", "国民健康保険係", "National Health Insurance Unit", 8),
                U("20", "国民年金係", "National Pension Unit", 5),
                U("30", "後期高齢者医療係", "Elderly Medical Care Unit", 6),
            ]),
            D("30", "生活安全課", "Community Safety Division", [
                U("10", "交通安全係", "Traffic Safety Unit", 5),
                U("20", "防犯係", "Crime Prevention Unit", 4),
                U("30", "消費生活係", "Consumer Affairs Unit", 5),
            ]),
            D("40", "環境衛生課", "Environmental Sanitation Division", [
                U("10", "衛生係", "Sanitation Unit", 5),
                U("20", "斎場係", "Crematorium Unit", 5),
            ]),
            D.office("50", "市民相談室", "Citizen Consultation Office", 4),
        ])
        dept("14", "健康福祉部", "Health and Welfare Department", deputy: true, [
            D("10", "福祉総務課", "Welfare Administration Division", [
                U("10", "福祉総務係", "Welfare Administration Unit", 6),
                U("20", "地域福祉係", "Community Welfare Unit", 6),
                U("30", "援護係", "Relief Unit", 5),
            ]),
            D("20", "生活支援課", "Livelihood Support Division", deputy: true, [
                U("10", "保護第一係", "Public Assistance Unit 1", 9),
                U("20", "保護第二係", "Public Assistance Unit 2", 9),
                U("30", "自立支援係", "Self-reliance Support Unit", 6),
                U("40", "相談係", "Consultation Unit", 6, .healthLite),
            ]),
            D("30", "障害福祉課", "Disability Welfare Division", .healthLite, [
                U("10", "障害福祉係", "Disability Welfare Unit", 7),
                U("20", "障害支援係", "Disability Support Unit", 7, .healthLite),
                U("30", "障害給付係", "Disability Benefits Unit", 6),
            ]),
            D("40", "高齢福祉課", "Elderly Welfare Division", .healthLite, [
                U("10", "高齢福祉係", "Elderly Welfare Unit", 6),
                U("20", "地域包括ケア係", "Community-based Care Unit", 7, .health),
                U("30", "介護予防係", "Care Prevention Unit", 6, .healthLite),
            ]),
            D("50", "介護保険課", "Long-term Care Insurance Division", [
                U("10", "介護保険係", "Long-term Care Insurance Unit", 8),
                U("20", "認定係", "Care Needs Certification Unit", 7, .healthLite),
            ]),
            D("60", "健康推進課", "Health Promotion Division", .health, deputy: true, [
                U("10", "健康づくり係", "Health Promotion Unit", 8, .health),
                U("20", "保健予防係", "Preventive Health Unit", 8, .health),
                U("30", "成人保健係", "Adult Health Unit", 7, .health),
            ]),
        ])
        dept("15", "こども未来部", "Children's Future Department", deputy: true, [
            D("10", "こども政策課", "Children's Policy Division", [
                U("10", "こども政策係", "Children's Policy Unit", 6),
                U("20", "子育て給付係", "Child Benefits Unit", 7),
            ]),
            D("20", "子育て支援課", "Child-rearing Support Division", .healthLite, [
                U("10", "子育て支援係", "Child-rearing Support Unit", 6),
                U("20", "母子保健係", "Maternal and Child Health Unit", 8, .health),
                U("30", "家庭児童相談係", "Family and Child Counseling Unit", 6, .healthLite),
            ]),
            D("30", "保育課", "Childcare Division", deputy: true, [
                U("10", "保育係", "Childcare Unit", 6),
                U("20", "入所係", "Admissions Unit", 5),
                U("30", "中央保育園", "Chuo Nursery School", 10, .nursery, head: "園長"),
                U("40", "北保育園", "Kita Nursery School", 10, .nursery, head: "園長"),
                U("50", "南保育園", "Minami Nursery School", 9, .nursery, head: "園長"),
                U("60", "東保育園", "Higashi Nursery School", 9, .nursery, head: "園長"),
                U("70", "西保育園", "Nishi Nursery School", 9, .nursery, head: "園長"),
            ]),
            D("40", "放課後児童課", "After-school Children Division", [
                U("10", "放課後児童係", "After-school Care Unit", 7, .nursery),
                U("20", "児童館係", "Children's Hall Unit", 6),
            ]),
        ])
        dept("16", "環境部", "Environment Department", .mixedTechnical, deputy: false, [
            D("10", "環境政策課", "Environmental Policy Division", .mixedTechnical, [
                U("10", "環境企画係", "Environmental Planning Unit", 6),
                U("20", "環境保全係", "Environmental Conservation Unit", 6, .mixedTechnical),
            ]),
            D("20", "ごみ減量推進課", "Waste Reduction Division", [
                U("10", "ごみ減量係", "Waste Reduction Unit", 6),
                U("20", "収集業務係", "Waste Collection Unit", 10, .manual),
                U("30", "不法投棄対策係", "Illegal Dumping Unit", 5),
            ]),
            D("30", "清掃施設課", "Waste Facilities Division", .technical, [
                U("10", "施設管理係", "Facilities Management Unit", 7, .technical),
                U("20", "処理業務係", "Waste Processing Unit", 8, .manual),
            ]),
        ])
        dept("17", "経済観光部", "Economy and Tourism Department", deputy: false, [
            D("10", "商工振興課", "Commerce and Industry Division", [
                U("10", "商業振興係", "Commerce Promotion Unit", 6),
                U("20", "工業振興係", "Industry Promotion Unit", 5),
                U("30", "雇用労政係", "Employment Unit", 5),
                U("40", "創業支援係", "Startup Support Unit", 5),
            ]),
            D("20", "観光課", "Tourism Division", [
                U("10", "観光振興係", "Tourism Promotion Unit", 6),
                U("20", "観光施設係", "Tourist Facilities Unit", 5),
            ]),
            D("30", "農林課", "Agriculture and Forestry Division", .mixedTechnical, [
                U("10", "農政係", "Agricultural Policy Unit", 6),
                U("20", "農地整備係", "Farmland Improvement Unit", 6, .technical),
                U("30", "林業係", "Forestry Unit", 4, .mixedTechnical),
            ]),
            D.office("40", "農業委員会事務局", "Agricultural Committee Office", 4, head: "事務局長"),
            D.office("50", "企業立地推進室", "Business Attraction Office", 4),
        ])
        dept("18", "都市整備部", "Urban Development Department", .mixedTechnical, deputy: true, [
            D("10", "都市計画課", "Urban Planning Division", .mixedTechnical, [
                U("10", "都市計画係", "Urban Planning Unit", 7, .mixedTechnical),
                U("20", "開発指導係", "Development Guidance Unit", 6, .technical),
                U("30", "景観係", "Townscape Unit", 5, .mixedTechnical),
            ]),
            D("20", "建築指導課", "Building Guidance Division", .technical, [
                U("10", "建築審査係", "Building Review Unit", 6, .technical),
                U("20", "建築指導係", "Building Inspection Unit", 6, .technical),
            ]),
            D("30", "道路課", "Roads Division", .technical, deputy: true, [
                U("10", "道路管理係", "Road Administration Unit", 8, .mixedTechnical),
                U("20", "道路建設係", "Road Construction Unit", 8, .technical),
                U("30", "道路維持係", "Road Maintenance Unit", 8, .technical),
                U("40", "用地係", "Land Acquisition Unit", 6),
            ]),
            D("40", "公園緑地課", "Parks and Green Spaces Division", .mixedTechnical, [
                U("10", "公園管理係", "Parks Management Unit", 6, .mixedTechnical),
                U("20", "緑化推進係", "Greening Unit", 5, .technical),
            ]),
            D("50", "住宅課", "Housing Division", .mixedTechnical, [
                U("10", "市営住宅係", "Municipal Housing Unit", 6),
                U("20", "住宅政策係", "Housing Policy Unit", 5, .mixedTechnical),
            ]),
            D("60", "建築営繕課", "Public Buildings Division", .technical, [
                U("10", "営繕係", "Building Works Unit", 7, .technical),
                U("20", "設備係", "Building Services Unit", 6, .technical),
            ]),
            D("70", "交通政策課", "Transport Policy Division", .mixedTechnical, [
                U("10", "公共交通係", "Public Transport Unit", 5),
                U("20", "交通計画係", "Transport Planning Unit", 5, .mixedTechnical),
            ]),
            D.office("80", "駅周辺整備室", "Station Area Development Office", 5, .technical),
        ])
        dept("19", "上下水道部", "Water and Sewerage Department", .mixedTechnical, deputy: true, [
            D("10", "上下水道総務課", "Water Administration Division", [
                U("10", "経営企画係", "Business Planning Unit", 6),
                U("20", "料金係", "Water Charges Unit", 8),
            ]),
            D("20", "水道課", "Water Supply Division", .technical, deputy: true, [
                U("10", "水道計画係", "Water Planning Unit", 6, .technical),
                U("20", "水道維持係", "Water Maintenance Unit", 8, .technical),
                U("30", "浄水係", "Water Treatment Unit", 8, .technical),
            ]),
            D("30", "下水道課", "Sewerage Division", .technical, [
                U("10", "下水道計画係", "Sewer Planning Unit", 6, .technical),
                U("20", "下水道維持係", "Sewer Maintenance Unit", 7, .technical),
                U("30", "処理場係", "Treatment Plant Unit", 7, .technical),
            ]),
            D("40", "給排水課", "Plumbing Division", .technical, [
                U("10", "給水装置係", "Water Service Installations Unit", 6, .technical),
                U("20", "排水設備係", "Drainage Installations Unit", 6, .technical),
            ]),
        ])
        dept("20", "教育委員会事務局", "Board of Education Secretariat", deputy: true, head: "教育部長", [
            D("10", "教育総務課", "Education Administration Division", [
                U("10", "総務係", "Administration Unit", 7),
                U("20", "施設係", "School Facilities Unit", 6, .mixedTechnical),
            ]),
            D("20", "学校教育課", "School Education Division", [
                U("10", "学事係", "School Affairs Unit", 6),
                U("20", "教育支援係", "Education Support Unit", 5),
                U("30", "学校給食係", "School Lunch Unit", 7, .schoolLunch),
                U("40", "就学支援係", "School Attendance Support Unit", 5),
            ]),
            D("30", "生涯学習課", "Lifelong Learning Division", [
                U("10", "生涯学習係", "Lifelong Learning Unit", 6),
                U("20", "文化財係", "Cultural Properties Unit", 5, .mixedTechnical),
                U("30", "公民館係", "Community Halls Unit", 5),
            ]),
            D("40", "中央図書館", "Central Library", .library, head: "館長", [
                U("10", "管理係", "Library Administration Unit", 5),
                U("20", "奉仕係", "Library Services Unit", 8, .library),
            ]),
            D.office("50", "青少年育成室", "Youth Development Office", 4),
            D.office("60", "教育研究所", "Education Research Institute", 4, head: "所長"),
        ])
        dept("21", "消防本部", "Fire Department", .fire, deputy: true, head: "消防長", [
            D("10", "消防総務課", "Fire Administration Division", .fire, [
                U("10", "総務係", "Administration Unit", 6, .fire),
                U("20", "企画係", "Planning Unit", 5, .fire),
            ]),
            D("20", "予防課", "Fire Prevention Division", .fire, [
                U("10", "予防係", "Fire Prevention Unit", 6, .fire),
                U("20", "危険物係", "Hazardous Materials Unit", 5, .fire),
            ]),
            D("30", "警防課", "Fire Fighting Division", .fire, [
                U("10", "警防係", "Fire Fighting Unit", 6, .fire),
                U("20", "救急係", "Emergency Medical Unit", 6, .fire),
                U("30", "指令係", "Dispatch Unit", 8, .fire),
            ]),
            D("40", "中央消防署", "Central Fire Station", .fire, deputy: true, head: "署長", deputyTitle: "副署長", [
                U("10", "消防第一係", "Fire Unit 1", 10, .fire),
                U("20", "消防第二係", "Fire Unit 2", 10, .fire),
                U("30", "救急第一係", "Ambulance Unit 1", 8, .fire),
                U("40", "救急第二係", "Ambulance Unit 2", 8, .fire),
            ]),
            D("50", "北消防署", "Kita Fire Station", .fire, head: "署長", [
                U("10", "消防第一係", "Fire Unit 1", 10, .fire),
                U("20", "消防第二係", "Fire Unit 2", 10, .fire),
                U("30", "救助係", "Rescue Unit", 8, .fire),
                U("40", "東出張所", "Higashi Branch Station", 8, .fire, head: "出張所長"),
            ]),
            D("60", "南消防署", "Minami Fire Station", .fire, head: "署長", [
                U("10", "消防第一係", "Fire Unit 1", 10, .fire),
                U("20", "消防第二係", "Fire Unit 2", 10, .fire),
                U("30", "救急係", "Ambulance Unit", 8, .fire),
            ]),
        ])
        return sections.sorted { $0.code < $1.code }
    }

    // MARK: - Building blocks

    struct UnitPlan {
        var suffix: String
        var ja: String
        var en: String
        var headcount: Int
        var profile: DemoProfile
        var head: String
        var collaboration: Bool

        init(
            _ suffix: String, _ ja: String, _ en: String, _ headcount: Int, _ profile: DemoProfile = .clerical,
            head: String = "係長", collaboration: Bool = false
        ) {
            self.suffix = suffix
            self.ja = ja
            self.en = en
            self.headcount = headcount
            self.profile = profile
            self.head = head
            self.collaboration = collaboration
        }
    }

    struct DivisionPlan {
        var suffix: String
        var kind: SectionKind
        var ja: String
        var en: String
        var profile: DemoProfile
        var deputy: Bool
        var head: String
        var deputyTitle: String
        var collaboration: Bool
        var district: String?
        /// For offices and centers, which have no units: the whole headcount.
        var headcount: Int
        var units: [UnitPlan]

        init(
            _ suffix: String, _ ja: String, _ en: String, deputy: Bool = false, head: String = "課長",
            deputyTitle: String = "課長補佐", collaboration: Bool = false, _ units: [UnitPlan]
        ) {
            self.init(
                suffix, ja, en, .clerical, deputy: deputy, head: head, deputyTitle: deputyTitle,
                collaboration: collaboration, units)
        }

        init(
            _ suffix: String, _ ja: String, _ en: String, _ profile: DemoProfile, deputy: Bool = false,
            head: String = "課長", deputyTitle: String = "課長補佐", collaboration: Bool = false, _ units: [UnitPlan]
        ) {
            self.suffix = suffix
            self.kind = .division
            self.ja = ja
            self.en = en
            self.profile = profile
            self.deputy = deputy
            self.head = head
            self.deputyTitle = deputyTitle
            self.collaboration = collaboration
            self.district = nil
            self.headcount = 0
            self.units = units
        }

        static func office(
            _ suffix: String, _ ja: String, _ en: String, _ headcount: Int, _ profile: DemoProfile = .clerical,
            head: String = "室長", collaboration: Bool = false
        ) -> DivisionPlan {
            var plan = DivisionPlan(suffix, ja, en, profile, head: head, collaboration: collaboration, [])
            plan.kind = .office
            plan.headcount = headcount
            return plan
        }

        static func center(_ suffix: String, _ district: String, _ districtEn: String, _ headcount: Int) -> DivisionPlan {
            var plan = DivisionPlan(
                suffix, "\(district)地区市民センター", "\(districtEn) District Citizen Center", head: "所長",
                collaboration: true, [])
            plan.kind = .center
            plan.district = "\(district)地区"
            plan.headcount = headcount
            return plan
        }

        func sections(parent: String) -> [DemoSection] {
            let code = parent + suffix
            let ownHeadcount = units.isEmpty ? headcount : 1 + (deputy ? 1 : 0)
            var result = [
                DemoSection(
                    record: SectionRecord(
                        code: SectionCode(code), nameJa: ja, nameEn: en, kind: kind, parentCode: SectionCode(parent),
                        isCollaborationPost: collaboration, district: district,
                        authorizedHeadcount: ownHeadcount, isManagerial: true),
                    profile: profile, headTitle: head, deputyTitle: deputy ? deputyTitle : nil),
            ]
            for unit in units {
                result.append(
                    DemoOrganizationPlan.unit(
                        code + unit.suffix, parent: code, unit.ja, unit.en, unit.headcount, unit.profile,
                        head: unit.head, collaboration: unit.collaboration))
            }
            return result
        }
    }

    static func department(
        _ code: String, _ ja: String, _ en: String, _ profile: DemoProfile, deputy: Bool, head: String
    ) -> DemoSection {
        DemoSection(
            record: SectionRecord(
                code: SectionCode(code), nameJa: ja, nameEn: en, kind: .department, parentCode: nil, isCollaborationPost: false,
                district: nil, authorizedHeadcount: deputy ? 2 : 1, isManagerial: true),
            profile: profile, headTitle: head, deputyTitle: deputy ? "次長" : nil)
    }

    static func division(
        _ code: String, parent: String, _ ja: String, _ en: String, _ profile: DemoProfile = .clerical
    ) -> DemoSection {
        DemoSection(
            record: SectionRecord(
                code: SectionCode(code), nameJa: ja, nameEn: en, kind: .division, parentCode: SectionCode(parent), isCollaborationPost: false,
                district: nil, authorizedHeadcount: 1, isManagerial: true),
            profile: profile, headTitle: "課長", deputyTitle: nil)
    }

    static func office(
        _ code: String, parent: String, _ ja: String, _ en: String, _ headcount: Int, _ profile: DemoProfile = .clerical
    ) -> DemoSection {
        DemoSection(
            record: SectionRecord(
                code: SectionCode(code), nameJa: ja, nameEn: en, kind: .office, parentCode: SectionCode(parent), isCollaborationPost: false,
                district: nil, authorizedHeadcount: headcount, isManagerial: true),
            profile: profile, headTitle: "室長", deputyTitle: nil)
    }

    static func unit(
        _ code: String, parent: String, _ ja: String, _ en: String, _ headcount: Int, _ profile: DemoProfile = .clerical,
        head: String = "係長", collaboration: Bool = false
    ) -> DemoSection {
        DemoSection(
            record: SectionRecord(
                code: SectionCode(code), nameJa: ja, nameEn: en, kind: .unit, parentCode: SectionCode(parent), isCollaborationPost: collaboration,
                district: nil, authorizedHeadcount: headcount, isManagerial: false),
            profile: profile, headTitle: head, deputyTitle: nil)
    }
}
