import JibungotoDomain

/// The staff master's list values (職位・職級 and 職種) in both languages. The master holds them
/// as the city's Japanese words; the usual ones have an English name here, and a value the
/// table does not know is shown in Japanese to English readers too rather than not at all.
enum StaffListValues {
    /// 職位 and 職級: the posts held (部長, 係長 …) and the grades (主事, 主任 …) share one vocabulary.
    static func post(_ japanese: String) -> Bilingual {
        Bilingual(ja: japanese, en: posts[japanese] ?? japanese)
    }

    /// 職種.
    static func jobType(_ japanese: String) -> Bilingual {
        Bilingual(ja: japanese, en: jobTypes[japanese] ?? japanese)
    }

    private static let posts: [String: String] = [
        "部長": "Director-General", "教育部長": "Director-General of Education", "消防長": "Fire Chief",
        "次長": "Deputy Director-General", "事務局長": "Secretary-General", "参事": "Senior Counsellor",
        "課長": "Director", "室長": "Office Director", "館長": "Director of the Facility", "署長": "Fire Station Chief",
        "主幹": "Senior Manager", "課長補佐": "Deputy Director", "副署長": "Deputy Fire Station Chief",
        "所長": "Center Director", "出張所長": "Branch Office Director", "園長": "Nursery School Principal",
        "係長": "Unit Chief", "専門員": "Specialist", "主査": "Senior Staff", "主任": "Chief Staff",
        "主事": "Staff", "主事補": "Assistant Staff", "技師": "Engineer", "技師補": "Assistant Engineer",
        "主任技師": "Chief Engineer", "会計年度任用職員": "Fiscal-Year Appointed Staff", "再任用": "Reappointed Staff",
    ]

    private static let jobTypes: [String: String] = [
        "事務": "Administrative", "一般事務": "Administrative", "行政": "Administrative",
        "技術": "Engineering", "土木": "Civil Engineering", "建築": "Architecture", "電気": "Electrical Engineering",
        "機械": "Mechanical Engineering", "化学": "Chemistry",
        "保健師": "Public Health Nurse", "看護師": "Nurse", "保育士": "Childcare Worker", "栄養士": "Dietitian",
        "管理栄養士": "Registered Dietitian", "司書": "Librarian", "学芸員": "Curator", "社会福祉": "Social Work",
        "消防": "Firefighter", "技能労務": "Skilled Labor", "獣医師": "Veterinarian", "薬剤師": "Pharmacist",
    ]
}
