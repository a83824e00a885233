/// Whether a rule only costs something when bent (a warning) or forbids the placement.
public enum RuleMode: String, Sendable, Codable, CaseIterable {
    case warning
    case hard
}

/// The weights of the cost model, in points. Lower total cost is better; a bonus lowers the
/// cost of a placement, a penalty raises it. Every mover pays the same base, so only the
/// differences matter: e.g. a first wish (300) beats a department change (60) plus a second
/// wish (200).
public struct RotationWeights: Sendable, Equatable, Codable {
    /// Bonus for the 1st, 2nd, 3rd … wish.
    public var wishes: [Int]
    /// Bonus for a section in a different department from the current one (breadth).
    public var breadth: Int
    /// Bonus per year of service for an early-career staff member without citizen-collaboration
    /// experience placed in a collaboration post (urgency grows as the deadline nears:
    /// 採用8年目 → 8 × this).
    public var collaborationPerYear: Int
    /// Extra bonus when this is the last transfer that can still meet the deadline (a post
    /// held for the minimum years would end after the early-career period).
    public var collaborationLastChance: Int
    /// Penalty for moving someone before the minimum years in post.
    public var minYearsInPost: Int
    /// Penalty for placing a staff member leaving a managerial post under a former
    /// subordinate (when that rule is a warning).
    public var subordinate: Int
    /// Penalty when someone who asked to move stays.
    public var moveWishUnmet: Int
    /// Cost of moving an optional mover (proposed only for the collaboration rule) anywhere
    /// other than where the rule wants them; they may also stay.
    public var optionalMove: Int

    public init(
        wishes: [Int] = [300, 200, 100], breadth: Int = 60, collaborationPerYear: Int = 30,
        collaborationLastChance: Int = 500, minYearsInPost: Int = 250, subordinate: Int = 500,
        moveWishUnmet: Int = 150, optionalMove: Int = 100
    ) {
        self.wishes = wishes
        self.breadth = breadth
        self.collaborationPerYear = collaborationPerYear
        self.collaborationLastChance = collaborationLastChance
        self.minYearsInPost = minYearsInPost
        self.subordinate = subordinate
        self.moveWishUnmet = moveWishUnmet
        self.optionalMove = optionalMove
    }

    /// The bonus for a wish of `rank` (1-based), 0 beyond the listed ranks.
    public func wishBonus(rank: Int) -> Int {
        rank >= 1 && rank <= wishes.count ? wishes[rank - 1] : 0
    }
}

/// Posts (職名) and their tiers. A staff member in a post of tier `t > 0` moves to a seat of
/// the same tier (a 課長 to a 課長-level post); tier 0 is an ordinary member seat. Posts not in
/// the table are tier 0.
public struct PostTiers: Sendable, Equatable, Codable {
    public var tiers: [String: Int]
    /// 管理監督職: posts subject to the managerial-post age limit.
    public var managerialPosts: Set<String>

    public init(tiers: [String: Int], managerialPosts: Set<String>) {
        self.tiers = tiers
        self.managerialPosts = managerialPosts
    }

    /// 部長 7, 次長 6, 課長-level 5, 所長/園長/課長補佐-level 4, 係長 3; 課長級以上 and heads
    /// of centers and nursery schools are managerial.
    public static let standard = PostTiers(
        tiers: [
            "部長": 7, "教育部長": 7, "消防長": 7, "次長": 6, "課長": 5, "室長": 5, "館長": 5, "署長": 5,
            "事務局長": 5, "所長": 4, "園長": 4, "出張所長": 4, "課長補佐": 4, "副署長": 4, "係長": 3,
        ],
        managerialPosts: ["部長", "教育部長", "消防長", "次長", "課長", "室長", "館長", "署長", "事務局長", "所長", "園長", "副署長"])

    public func tier(of post: String) -> Int { tiers[post] ?? 0 }
    public func isManagerial(_ post: String) -> Bool { managerialPosts.contains(post) }
    /// Supervisory posts (tier > 0): heads and deputies a placed member works under.
    public func isSupervisory(_ post: String) -> Bool { tier(of: post) > 0 }
}

/// The rotation rules of one municipality (a settings page edits them), with the defaults of
/// the paper's proposal.
public struct RotationRules: Sendable, Equatable {
    /// The early-career period that must contain a citizen-collaboration post (10 years).
    public var earlyCareerYears: Int
    /// Minimum years in post before a move (3); moving earlier is a soft rule with a penalty.
    public var minYearsInPost: Int
    /// Years in post from which a move is due (5: must move).
    public var maxYearsInPost: Int
    /// No return to the most recent N distinct sections held (2 = the current and the previous one).
    public var noReturnRecentSections: Int
    /// Also no return to any section held within the last N years (nil: off).
    public var noReturnYears: Int?
    /// A staff member leaving a managerial post is not placed under someone who was their
    /// subordinate in the last N years (5), as a warning (penalty) or a hard rule.
    public var subordinateYears: Int
    public var subordinateMode: RuleMode
    /// `.hard`: an early-career mover at their last chance may only go to collaboration posts.
    public var earlyCareerDeadlineMode: RuleMode
    public var weights: RotationWeights
    public var posts: PostTiers
    public var retirement: RetirementRules
    /// Employment types the planner proposes as movers (常勤).
    public var plannedEmploymentTypes: Set<EmploymentType>
    /// Employment types that occupy a seat of the authorized headcount (常勤 and full-time 再任用).
    public var countedEmploymentTypes: Set<EmploymentType>
    /// For very large cities: per mover, keep only this many ordinary candidate seats (the
    /// cheapest, ties spread deterministically) besides wishes, collaboration posts, pins and
    /// staying. `nil` keeps every allowed seat (exact over the full rule set).
    public var candidateLimit: Int?

    public init(
        earlyCareerYears: Int = 10, minYearsInPost: Int = 3, maxYearsInPost: Int = 5,
        noReturnRecentSections: Int = 2, noReturnYears: Int? = nil, subordinateYears: Int = 5,
        subordinateMode: RuleMode = .warning, earlyCareerDeadlineMode: RuleMode = .warning,
        weights: RotationWeights = RotationWeights(), posts: PostTiers = .standard,
        retirement: RetirementRules = .localPublicService2023,
        plannedEmploymentTypes: Set<EmploymentType> = [.regular],
        countedEmploymentTypes: Set<EmploymentType> = [.regular, .reappointed], candidateLimit: Int? = nil
    ) {
        self.earlyCareerYears = earlyCareerYears
        self.minYearsInPost = minYearsInPost
        self.maxYearsInPost = maxYearsInPost
        self.noReturnRecentSections = noReturnRecentSections
        self.noReturnYears = noReturnYears
        self.subordinateYears = subordinateYears
        self.subordinateMode = subordinateMode
        self.earlyCareerDeadlineMode = earlyCareerDeadlineMode
        self.weights = weights
        self.posts = posts
        self.retirement = retirement
        self.plannedEmploymentTypes = plannedEmploymentTypes
        self.countedEmploymentTypes = countedEmploymentTypes
        self.candidateLimit = candidateLimit
    }

    public static let `default` = RotationRules()
}

/// Which 職種 each section accepts. The caller passes explicit sets per section code (a
/// settings page); sections without one fall back to a default inferred from the names of the
/// section and its department (``inferred(sections:)``), or from who has worked there
/// (``observed(sections:staff:assignments:)``).
public struct JobTypeFit: Sendable, Equatable {
    public var acceptedBySection: [SectionCode: Set<String>]
    /// Used for a section with no entry.
    public var fallback: Set<String>

    public init(acceptedBySection: [SectionCode: Set<String>], fallback: Set<String> = ["事務"]) {
        self.acceptedBySection = acceptedBySection
        self.fallback = fallback
    }

    public func accepted(section code: SectionCode) -> Set<String> {
        acceptedBySection[code] ?? fallback
    }

    public func accepts(jobType: String, section code: SectionCode) -> Bool {
        accepted(section: code).contains(jobType)
    }

    /// The default mapping from names: 事務 everywhere except the fire department and nursery
    /// schools; 消防 → fire department (消防); 保育士 → nursery schools and after-school care;
    /// 保健師 → health units (健康, 保健, 母子, 地域包括, 介護予防, 障害, 相談, 認定); 技術 →
    /// engineering and facilities (土木, 建設, 建築, 都市, 道路, 下水, 水道, 公園, 施設, 検査,
    /// システム, デジタル, 環境, 農, 家屋); 栄養士 → 給食, 保健, 保育園; 司書 → 図書;
    /// 技能労務 → 収集, 処理業務, 給食.
    public static func inferred(sections: [SectionRecord]) -> JobTypeFit {
        let byCode = Dictionary(sections.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [SectionCode: Set<String>] = [:]
        for section in sections {
            var names = [section.nameJa]
            var cursor = section.parentCode
            var guardCount = 0
            while let code = cursor, let parent = byCode[code], guardCount < 16 {
                names.append(parent.nameJa)
                cursor = parent.parentCode
                guardCount += 1
            }
            let own = section.nameJa
            let all = names.joined(separator: " ")
            func has(_ words: [String], in text: String) -> Bool { words.contains { text.contains($0) } }
            if has(["消防"], in: all) {
                result[section.code] = ["消防"]
                continue
            }
            var accepted: Set<String> = []
            if has(["保育園", "保育所"], in: own) {
                accepted = ["保育士", "栄養士"]
            } else {
                accepted.insert("事務")
                if has(["放課後", "児童クラブ", "保育"], in: own) { accepted.insert("保育士") }
            }
            if has(["健康", "保健", "母子", "地域包括", "介護予防", "障害", "相談", "認定"], in: own) {
                accepted.insert("保健師")
            }
            if has(["土木", "建設", "建築", "都市", "道路", "下水", "水道", "公園", "施設", "検査", "システム", "デジタル",
                    "環境", "農", "家屋", "整備", "工事"], in: all) {
                accepted.insert("技術")
            }
            if has(["給食", "保健", "健康"], in: own) { accepted.insert("栄養士") }
            if has(["図書"], in: all) { accepted.insert("司書") }
            if has(["収集", "処理業務", "給食"], in: own) { accepted.insert("技能労務") }
            result[section.code] = accepted
        }
        return JobTypeFit(acceptedBySection: result)
    }

    /// The inferred mapping widened by every job type that has held an ordinary post in the
    /// section since `since` (nil: all history): what the section has in fact employed.
    public static func observed(
        sections: [SectionRecord], staff: [StaffRecord], assignments: [AssignmentRecord], since: LocalDate? = nil
    ) -> JobTypeFit {
        var fit = inferred(sections: sections)
        let jobType = Dictionary(staff.map { ($0.staffNumber, $0.jobType) }, uniquingKeysWith: { a, _ in a })
        let known = Set(sections.map(\.code))
        for record in assignments where known.contains(record.sectionCode) {
            if let since, let end = record.end, end < since { continue }
            guard let type = jobType[record.staffNumber] else { continue }
            fit.acceptedBySection[record.sectionCode, default: fit.fallback].insert(type)
        }
        return fit
    }
}
