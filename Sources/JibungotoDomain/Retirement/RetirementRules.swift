/// Retirement rules under the 2023 amendment of the Local Public Service Act (定年引上げ,
/// 令和3年法律第63号, in force 2023-04-01), as municipalities adopt them by ordinance.
///
/// ## The retirement age (定年) in force
/// The age in force depends on the fiscal year: 60 up to FY2022, then raised by one year
/// every two fiscal years (附則): 61 in FY2023–24, 62 in FY2025–26, 63 in FY2027–28, 64 in
/// FY2029–30 and 65 from FY2031 (``ageInForce(in:)``).
///
/// ## Who retires when
/// A staff member retires at the end of the fiscal year (March 31) in which they *reach* the
/// retirement age in force at that time. An age is reached on the day *before* the birthday
/// (年齢計算ニ関スル法律 with Civil Code art. 143; ``LocalDate/dayReachingAge(_:)``), so a
/// person born on April 1 reaches every age on March 31, in the fiscal year before the one of
/// their birthday, and belongs with those born in the previous school year.
///
/// Because the age in force rises by one every *two* years while a person's age rises by one
/// every year, the rule is applied year by year: the retirement age is the smallest age
/// `k ≥ 60` such that `k` is at least the age in force in the fiscal year in which `k` is
/// reached. Examples (dates are the day the age is reached → the fiscal year):
///
/// | born       | 60 reached        | then                                                     | retires    | age |
/// |------------|-------------------|----------------------------------------------------------|------------|-----|
/// | 1962-04-02 | 2022-04-01 FY2022 | 60 ≥ 60 (FY2022)                                         | 2023-03-31 | 60  |
/// | 1963-04-01 | 2023-03-31 FY2022 | 60 ≥ 60 (FY2022): the April 1 birthday still retires at 60 | 2023-03-31 | 60  |
/// | 1963-04-02 | 2023-04-01 FY2023 | 60 < 61; 61 reached 2024-04-01 FY2024, 61 ≥ 61           | 2025-03-31 | 61  |
/// | 1964-04-01 | 2024-03-31 FY2023 | 61 reached 2025-03-31 FY2024, 61 ≥ 61                    | 2025-03-31 | 61  |
/// | 1964-04-02 | 2024-04-01 FY2024 | 61 in FY2025 < 62; 62 in FY2026 ≥ 62                      | 2027-03-31 | 62  |
/// | 1965-04-02 | 2025-04-01 FY2025 | 61 FY2026 < 62, 62 FY2027 < 63, 63 FY2028 ≥ 63            | 2029-03-31 | 63  |
/// | 1966-04-02 | 2026-04-01 FY2026 | … 64 reached in FY2030 ≥ 64                              | 2031-03-31 | 64  |
/// | 1967-04-02 | 2027-04-01 FY2027 | 64 reached in FY2031 < 65; 65 in FY2032                   | 2033-03-31 | 65  |
///
/// So nobody reaches the retirement age in FY2023 (no ordinary retirements on 2024-03-31),
/// and from then on regular retirements happen only every other year until FY2032: those
/// reaching 60 in FY2023 retire at 61, in FY2024 at 62, … in FY2027 and later at 65.
///
/// ## Managerial-post age limit (管理監督職勤務上限年齢, 役職定年)
/// Staff in a managerial post leave it in the 異動期間 "from the day after reaching the limit
/// age (60) to the first April 1 on or after that day": in practice on the first April 1 after
/// reaching 60, which is the day after the end of the fiscal year in which 60 is reached.
/// Born 1966-04-01 → 60 reached 2026-03-31 → leaves on 2026-04-01; born 1966-04-02 → 60 reached
/// 2026-04-01 → leaves on 2027-04-01. The limit does not apply to someone who retires at 60
/// (reached 60 in FY2022 or earlier): ``managerialLimitDate(birth:)`` is then `nil`.
public struct RetirementRules: Sendable, Equatable {
    /// Retirement age up to and including ``baseLastFiscalYear``.
    public var baseAge: Int
    /// The last fiscal year with the base age (FY2022).
    public var baseLastFiscalYear: Int
    /// The final retirement age (65).
    public var finalAge: Int
    /// How many fiscal years each step of one year lasts (2).
    public var yearsPerStep: Int
    /// 管理監督職勤務上限年齢 (60).
    public var managerialAgeLimit: Int

    public init(
        baseAge: Int = 60, baseLastFiscalYear: Int = 2022, finalAge: Int = 65, yearsPerStep: Int = 2,
        managerialAgeLimit: Int = 60
    ) {
        self.baseAge = baseAge
        self.baseLastFiscalYear = baseLastFiscalYear
        self.finalAge = max(finalAge, baseAge)
        self.yearsPerStep = max(1, yearsPerStep)
        self.managerialAgeLimit = managerialAgeLimit
    }

    /// The national schedule: 60 until FY2022, 61 in FY2023–24 … 65 from FY2031.
    public static let localPublicService2023 = RetirementRules()

    /// The retirement age in force during `fiscalYear`.
    public func ageInForce(in fiscalYear: FiscalYear) -> Int {
        let after = fiscalYear.startYear - baseLastFiscalYear
        guard after > 0 else { return baseAge }
        return min(finalAge, baseAge + 1 + (after - 1) / yearsPerStep)
    }

    /// The age at which someone born on `birth` retires (60…65).
    public func retirementAge(birth: LocalDate) -> Int {
        var age = baseAge
        while age < finalAge {
            let fiscalYear = FiscalYear.containing(birth.dayReachingAge(age))
            if age >= ageInForce(in: fiscalYear) { return age }
            age += 1
        }
        return finalAge
    }

    /// The day on which the retirement age is reached (the day before the birthday).
    public func dayReachingRetirementAge(birth: LocalDate) -> LocalDate {
        birth.dayReachingAge(retirementAge(birth: birth))
    }

    /// 定年退職日: March 31 of the fiscal year in which the retirement age is reached.
    public func retirementDate(birth: LocalDate) -> LocalDate {
        FiscalYear.containing(dayReachingRetirementAge(birth: birth)).end
    }

    /// The fiscal year whose last day is the retirement date.
    public func retirementFiscalYear(birth: LocalDate) -> FiscalYear {
        FiscalYear.containing(dayReachingRetirementAge(birth: birth))
    }

    /// The day the staff member must have left a managerial post: the first April 1 after
    /// reaching ``managerialAgeLimit``. `nil` when they retire before that day.
    public func managerialLimitDate(birth: LocalDate) -> LocalDate? {
        let reached = birth.dayReachingAge(managerialAgeLimit)
        let date = FiscalYear.containing(reached).end.adding(days: 1)
        return date > retirementDate(birth: birth) ? nil : date
    }

    /// Whether someone born on `birth` is still before retirement on `date` (a regular staff
    /// member may serve through the retirement date itself).
    public func isBeforeRetirement(birth: LocalDate, on date: LocalDate) -> Bool {
        date <= retirementDate(birth: birth)
    }

    // MARK: - Lists

    /// One staff member's retirement facts.
    public struct Entry: Sendable, Equatable {
        public var staffNumber: StaffNumber
        public var name: String
        public var birthDate: LocalDate
        /// The retirement age and date, or for ``Outlook/leavingManagerialPosts`` the date the
        /// managerial post must be left.
        public var age: Int
        public var date: LocalDate
    }

    /// Who is affected in one fiscal year.
    public struct Outlook: Sendable, Equatable {
        public var fiscalYear: FiscalYear
        /// Regular staff whose retirement date is the last day of the fiscal year.
        public var retiring: [Entry]
        /// Staff holding a managerial post who must leave it on the fiscal year's first day
        /// (the April 1 that starts `fiscalYear`).
        public var leavingManagerialPosts: [Entry]
        /// Staff who reach 60 during the fiscal year (some local rules, and the law's
        /// information duty, concern this group): they must be told their options
        /// (continue / 定年前再任用短時間勤務 / retire) by the fiscal year before.
        public var reachingSixty: [Entry]
        /// Staff who reach 59 during the fiscal year, to whom the information on the raised
        /// retirement age and the choices at 60 is due during this fiscal year.
        public var informationDue: [Entry]
    }

    /// Everyone the outlook of `fiscalYear` can name was born in this range: it names people
    /// from 58 (reaching 59) to the final retirement age, so a margin of a year on each side is
    /// safe. A city's staff list is narrowed with it before the rule reads each person; the rule
    /// alone decides.
    public func birthDatesConcerned(in fiscalYear: FiscalYear) -> ClosedRange<LocalDate> {
        fiscalYear.start.adding(years: -(finalAge + 2))...fiscalYear.end.adding(years: -(managerialAgeLimit - 2))
    }

    /// The outlook for `fiscalYear`. `holdsManagerialPost` says whether a staff member holds a
    /// managerial post on the day before the fiscal year starts (the caller knows the posts);
    /// only `.regular` staff are considered.
    public func outlook(
        for fiscalYear: FiscalYear, staff: [StaffRecord], holdsManagerialPost: (StaffRecord) -> Bool
    ) -> Outlook {
        var retiring: [Entry] = []
        var leaving: [Entry] = []
        var sixty: [Entry] = []
        var information: [Entry] = []
        for person in staff where person.employmentType == .regular {
            let birth = person.birthDate
            let retireDate = retirementDate(birth: birth)
            if retireDate == fiscalYear.end {
                retiring.append(Entry(
                    staffNumber: person.staffNumber, name: person.name, birthDate: birth,
                    age: retirementAge(birth: birth), date: retireDate))
            }
            if let limit = managerialLimitDate(birth: birth), limit == fiscalYear.start, holdsManagerialPost(person) {
                leaving.append(Entry(
                    staffNumber: person.staffNumber, name: person.name, birthDate: birth,
                    age: managerialAgeLimit, date: limit))
            }
            let reachedSixty = birth.dayReachingAge(managerialAgeLimit)
            if fiscalYear.contains(reachedSixty), reachedSixty <= retireDate {
                sixty.append(Entry(
                    staffNumber: person.staffNumber, name: person.name, birthDate: birth,
                    age: managerialAgeLimit, date: reachedSixty))
            }
            let reachedFiftyNine = birth.dayReachingAge(managerialAgeLimit - 1)
            if fiscalYear.contains(reachedFiftyNine), retirementAge(birth: birth) > baseAge {
                information.append(Entry(
                    staffNumber: person.staffNumber, name: person.name, birthDate: birth,
                    age: managerialAgeLimit - 1, date: reachedFiftyNine))
            }
        }
        let order: (Entry, Entry) -> Bool = { ($0.date, $0.staffNumber) < ($1.date, $1.staffNumber) }
        return Outlook(
            fiscalYear: fiscalYear, retiring: retiring.sorted(by: order),
            leavingManagerialPosts: leaving.sorted(by: order), reachingSixty: sixty.sorted(by: order),
            informationDue: information.sorted(by: order))
    }
}

/// The staff member's choice after the age-60 information (recorded by the app).
public enum AgeSixtyChoice: String, CaseIterable, Codable, Sendable {
    /// Continue as regular staff until the retirement age.
    case continueWorking
    /// 定年前再任用短時間勤務.
    case shortTimeReappointment
    /// Retire (early).
    case retire

    public var label: Bilingual {
        switch self {
        case .continueWorking: Bilingual(ja: "引き続き勤務", en: "continue working")
        case .shortTimeReappointment: Bilingual(ja: "定年前再任用短時間勤務", en: "short-time re-appointment before retirement age")
        case .retire: Bilingual(ja: "退職", en: "retire")
        }
    }
}
