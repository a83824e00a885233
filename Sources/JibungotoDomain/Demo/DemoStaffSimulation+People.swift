extension DemoStaffSimulation {
    /// The seven demo login accounts, with where each is from which fiscal year on.
    static func fixedStaff() -> [Person] {
        func person(
            _ number: String, _ name: String, _ kana: String, _ gender: Gender, born: String, hired: String, _ pins: [Pin]
        ) -> Person {
            Person(
                staffNumber: number, name: name, kana: kana, birth: LocalDate(iso: born) ?? DemoCity.referenceDate,
                gender: gender, hire: LocalDate(iso: hired) ?? DemoCity.referenceDate, jobType: DemoJobType.clerical,
                merit: 0.5, fiscalYearAppointed: false, choosesShortTime: false, pins: pins)
        }
        return [
            // 主事 in 市民課 住民記録係; her first post was the 南地区市民センター.
            person("D0001", "青木 花子", "アオキ ハナコ", .female, born: "1996-08-21", hired: "2019-04-01", [
                Pin(fromYear: 2021, code: "1253", role: .member), Pin(fromYear: 2023, code: "131010", role: .member),
            ]),
            // 課長 of 市民課 (section manager), formerly 課長補佐 of 財政課.
            person("D0002", "石田 誠", "イシダ マコト", .male, born: "1972-07-14", hired: "1995-04-01", [
                Pin(fromYear: 2021, code: "1120", role: .deputy), Pin(fromYear: 2024, code: "1310", role: .head),
            ]),
            // 部長 of 市民生活部 (department head), which contains 市民課.
            person("D0003", "上野 浩二", "ウエノ コウジ", .male, born: "1967-09-03", hired: "1990-04-01", [
                Pin(fromYear: 2021, code: "1330", role: .head), Pin(fromYear: 2023, code: "14", role: .deputy),
                Pin(fromYear: 2025, code: "13", role: .head),
            ]),
            // HR: 人事課 人事係.
            person("D0004", "江藤 美咲", "エトウ ミサキ", .female, born: "1988-11-20", hired: "2011-04-01", [
                Pin(fromYear: 2024, code: "102010", role: .member),
            ]),
            // Promotion team: 主任 in 企画政策課 企画係.
            person("D0005", "大野 翔太", "オオノ ショウタ", .male, born: "1992-05-08", hired: "2015-04-01", [
                Pin(fromYear: 2025, code: "111010", role: .member),
            ]),
            // District liaison: 主査 at the 中央地区市民センター.
            person("D0006", "加藤 由美", "カトウ ユミ", .female, born: "1980-02-15", hired: "2002-04-01", [
                Pin(fromYear: 2024, code: "1251", role: .member),
            ]),
            // Administrator: 情報システム課, then デジタル推進課 デジタル推進係.
            person("D0007", "木村 健", "キムラ ケン", .male, born: "1985-06-30", hired: "2008-04-01", [
                Pin(fromYear: 2021, code: "103010", role: .member), Pin(fromYear: 2023, code: "117010", role: .member),
            ]),
        ]
    }

    /// Relative number of regular and re-appointed staff of each age on 2026-04-01 (22…65): many
    /// young staff, a thin cohort hired in the 2000s hiring freeze, many in their fifties, and
    /// fewer re-appointed staff after the retirement age.
    static func ageWeight(_ age: Int) -> Double {
        switch age {
        case ..<31: 32
        case ..<41: 26
        case ..<49: 19
        case ..<60: 30
        case ..<62: 24
        default: 14
        }
    }

    static func hireAges(for jobType: String) -> [(Int, Double)] {
        typealias J = DemoJobType
        switch jobType {
        case J.firefighter: return [(18, 0.4), (20, 0.15), (22, 0.35), (23, 0.05), (25, 0.05)]
        case J.technical: return [(18, 0.15), (20, 0.05), (22, 0.35), (23, 0.1), (24, 0.25), (26, 0.05), (28, 0.05)]
        case J.childcareWorker: return [(20, 0.5), (22, 0.35), (24, 0.1), (26, 0.05)]
        case J.publicHealthNurse, J.dietitian, J.librarian: return [(22, 0.6), (23, 0.15), (24, 0.1), (26, 0.1), (28, 0.05)]
        case J.manualWorker: return [(18, 0.3), (20, 0.2), (22, 0.2), (25, 0.15), (28, 0.15)]
        default:
            return [
                (18, 0.08), (20, 0.05), (22, 0.5), (23, 0.15), (24, 0.06), (25, 0.05), (26, 0.04), (27, 0.03),
                (28, 0.02), (29, 0.01), (30, 0.01),
            ]
        }
    }

    static func femaleShare(_ jobType: String, birthYear: Int) -> Double {
        typealias J = DemoJobType
        switch jobType {
        case J.clerical: return birthYear < 1976 ? 0.35 : 0.5
        case J.technical: return 0.15
        case J.publicHealthNurse: return 0.97
        case J.childcareWorker, J.dietitian: return 0.9
        case J.librarian: return 0.75
        case J.firefighter: return 0.04
        default: return 0.1
        }
    }

    /// About 1,200 staff: the seven demo accounts, regular and re-appointed staff whose job
    /// types follow the sections' needs, and some 会計年度任用 staff; numbered 100001… by hire date.
    mutating func createPeople() {
        let organization = plan.years[DemoCity.lastFiscalYear] ?? []
        let totalSeats = organization.reduce(0) { $0 + $1.record.authorizedHeadcount }
        let fixed = Self.fixedStaff()
        let total = Int((Double(totalSeats) * 0.975).rounded())
        let fiscalYearCount = Int((Double(total) * 0.045).rounded())
        let regularCount = total - fixed.count - fiscalYearCount
        let jobs = DemoJobType.placementOrder

        var fiscalYearJobs: [String] = []
        for _ in 0..<fiscalYearCount {
            fiscalYearJobs.append(rng.weighted([
                (DemoJobType.clerical, 0.55), (DemoJobType.childcareWorker, 0.25), (DemoJobType.librarian, 0.1),
                (DemoJobType.dietitian, 0.1),
            ]))
        }
        // Seats by job type in the final year, shared among everyone but the demo accounts.
        var seats = Array(repeating: 0.0, count: jobs.count)
        for section in organization {
            for (job, share) in section.profile.memberShares {
                seats[jobs.firstIndex(of: job) ?? 0] += share * Double(section.record.authorizedHeadcount)
            }
        }
        var quotas: [Int] = []
        var remainders: [(Int, Double)] = []
        for (slot, job) in jobs.enumerated() {
            let exact = max(0, seats[slot] / Double(totalSeats) * Double(total - fixed.count)
                - Double(fiscalYearJobs.filter { $0 == job }.count))
            quotas.append(Int(exact))
            remainders.append((slot, exact - Double(Int(exact))))
        }
        remainders.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var missing = regularCount - quotas.reduce(0, +)
        var position = 0
        while missing > 0 {
            quotas[remainders[position % remainders.count].0] += 1
            missing -= 1
            position += 1
        }
        while missing < 0, let largest = quotas.indices.max(by: { quotas[$0] < quotas[$1] }) {
            quotas[largest] -= 1
            missing += 1
        }
        var regularJobs: [String] = []
        for (slot, quota) in quotas.enumerated() {
            regularJobs.append(contentsOf: Array(repeating: jobs[slot], count: quota))
        }
        rng.shuffle(&regularJobs)

        var usedNames = Set(fixed.map(\.name))
        var generated: [Person] = []
        let reference = DemoCity.referenceDate
        let ages = Array(22...65)
        let ageWeights = ages.map(Self.ageWeight)
        for job in regularJobs {
            let age = ages[rng.weightedIndex(ageWeights)]
            let options = Self.hireAges(for: job).filter { $0.0 <= age }
            let hireAge = options.isEmpty ? 22 : rng.weighted(options)
            let hireYear = reference.year - (age - hireAge)
            let birth = randomBirth(age: hireAge, on: LocalDate(unchecked: hireYear, 4, 1))
            var hire = LocalDate(unchecked: hireYear, 4, 1)
            if hireAge >= 24, hireYear < reference.year, job == DemoJobType.technical || job == DemoJobType.clerical,
               rng.chance(0.06) {
                hire = LocalDate(unchecked: hireYear, 10, 1)
            }
            let choosesShortTime = age >= 60 && age <= 61 && rng.chance(0.2)
            generated.append(makePerson(
                job: job, birth: birth, hire: hire, fiscalYearAppointed: false, choosesShortTime: choosesShortTime,
                usedNames: &usedNames))
        }
        for job in fiscalYearJobs {
            let age = rng.int(28...64)
            let hireYear = rng.weighted([(2020, 0.2), (2021, 0.12), (2022, 0.12), (2023, 0.14), (2024, 0.14), (2025, 0.14), (2026, 0.14)])
            let birth = randomBirth(age: age, on: reference)
            generated.append(makePerson(
                job: job, birth: birth, hire: LocalDate(unchecked: hireYear, 4, 1), fiscalYearAppointed: true,
                choosesShortTime: false, usedNames: &usedNames))
        }
        generated.sort {
            ($0.hire, $0.birth, $0.merit) < ($1.hire, $1.birth, $1.merit)
        }
        for index in generated.indices {
            generated[index].staffNumber = String(100_001 + index)
        }
        people = fixed + generated
    }

    /// A birth date on which someone is exactly `age` on `date`, uniformly over that year.
    private mutating func randomBirth(age: Int, on date: LocalDate) -> LocalDate {
        let latest = date.adding(years: -age)
        let earliest = date.adding(years: -(age + 1)).adding(days: 1)
        return LocalDate(dayNumber: earliest.dayNumber + rng.int(0...(latest.dayNumber - earliest.dayNumber)))
    }

    private mutating func makePerson(
        job: String, birth: LocalDate, hire: LocalDate, fiscalYearAppointed: Bool, choosesShortTime: Bool,
        usedNames: inout Set<String>
    ) -> Person {
        let female = rng.chance(fiscalYearAppointed ? 0.8 : Self.femaleShare(job, birthYear: birth.year))
        let sex: Gender = female ? .female : .male
        var family = rng.element(DemoNames.family)
        var given = rng.element(DemoNames.given(gender: sex, birthYear: birth.year))
        for _ in 0..<20 where usedNames.contains("\(family.kanji) \(given.kanji)") {
            family = rng.element(DemoNames.family)
            given = rng.element(DemoNames.given(gender: sex, birthYear: birth.year))
        }
        usedNames.insert("\(family.kanji) \(given.kanji)")
        return Person(
            staffNumber: "", name: "\(family.kanji) \(given.kanji)", kana: "\(family.kana) \(given.kana)", birth: birth,
            gender: rng.chance(0.01) ? nil : sex, hire: hire, jobType: job, merit: rng.unit(),
            fiscalYearAppointed: fiscalYearAppointed, choosesShortTime: choosesShortTime)
    }
}
