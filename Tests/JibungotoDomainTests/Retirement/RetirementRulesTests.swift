import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Retirement rules (2023 amendment)")
struct RetirementRulesTests {
    let rules = RetirementRules.localPublicService2023

    @Test("age in force by fiscal year: 60 until FY2022, +1 every two years, 65 from FY2031")
    func ageInForce() {
        let expected: [Int: Int] = [
            2020: 60, 2022: 60, 2023: 61, 2024: 61, 2025: 62, 2026: 62, 2027: 63, 2028: 63, 2029: 64, 2030: 64,
            2031: 65, 2032: 65, 2040: 65,
        ]
        for (year, age) in expected {
            #expect(rules.ageInForce(in: FiscalYear(startYear: year)) == age, "FY\(year)")
        }
    }

    @Test(
        "retirement age and date at the April 1 / April 2 / March 31 boundaries of each transition",
        arguments: [
            // birth, age, retirement date
            ("1962-04-02", 60, "2023-03-31"),
            ("1963-03-31", 60, "2023-03-31"),
            ("1963-04-01", 60, "2023-03-31"),  // reaches 60 on 2023-03-31, still FY2022
            ("1963-04-02", 61, "2025-03-31"),  // reaches 60 on 2023-04-01 (FY2023, age 61 in force)
            ("1964-03-31", 61, "2025-03-31"),
            ("1964-04-01", 61, "2025-03-31"),  // reaches 61 on 2025-03-31, FY2024
            ("1964-04-02", 62, "2027-03-31"),  // reaches 61 in FY2025 (62 in force)
            ("1965-03-31", 62, "2027-03-31"),
            ("1965-04-01", 62, "2027-03-31"),
            ("1965-04-02", 63, "2029-03-31"),
            ("1966-03-31", 63, "2029-03-31"),
            ("1966-04-01", 63, "2029-03-31"),
            ("1966-04-02", 64, "2031-03-31"),
            ("1967-04-01", 64, "2031-03-31"),
            ("1967-04-02", 65, "2033-03-31"),  // reaches 64 in FY2031: 65 in force
            ("1968-04-01", 65, "2033-03-31"),
            ("1968-04-02", 65, "2034-03-31"),
            ("1970-01-01", 65, "2035-03-31"),
            ("1964-02-29", 61, "2025-03-31"),  // leap day: reaches 61 on 2025-02-28
        ])
    func retirement(birth: String, age: Int, date: String) {
        #expect(rules.retirementAge(birth: day(birth)) == age, "born \(birth)")
        #expect(rules.retirementDate(birth: day(birth)) == day(date), "born \(birth)")
    }

    @Test("nobody retires at the end of FY2023; retirements come every other year until FY2032")
    func noRetirementsInOddYears() {
        var byYear: [Int: Int] = [:]
        var birth = day("1962-01-01")
        while birth < day("1970-01-01") {
            byYear[FiscalYear.containing(rules.retirementDate(birth: birth)).startYear, default: 0] += 1
            birth = birth.adding(days: 1)
        }
        for year in [2023, 2025, 2027, 2029, 2031] { #expect(byYear[year] == nil, "FY\(year)") }
        for year in [2022, 2024, 2026, 2028, 2030, 2032] { #expect((byYear[year] ?? 0) > 300, "FY\(year)") }
    }

    @Test(
        "managerial-post age limit: the first April 1 after reaching 60",
        arguments: [
            ("1966-03-31", "2026-04-01"),
            ("1966-04-01", "2026-04-01"),  // reaches 60 on 2026-03-31
            ("1966-04-02", "2027-04-01"),  // reaches 60 on 2026-04-01
            ("1963-04-02", "2024-04-01"),
            ("1967-03-01", "2027-04-01"),
        ])
    func managerialLimit(birth: String, date: String) {
        #expect(rules.managerialLimitDate(birth: day(birth)) == day(date), "born \(birth)")
    }

    @Test("no managerial limit for those who retire at 60")
    func noLimitBeforeRaise() {
        #expect(rules.managerialLimitDate(birth: day("1963-04-01")) == nil)
        #expect(rules.managerialLimitDate(birth: day("1962-04-02")) == nil)
    }

    @Test("everyone an outlook names was born in the range the query is narrowed to, in every fiscal year of the transition")
    func birthDatesConcerned() {
        for startYear in 2022...2034 {
            let year = FiscalYear(startYear: startYear)
            let range = rules.birthDatesConcerned(in: year)
            var birth = LocalDate(year: 1940, month: 1, day: 1)!
            var named = 0
            while birth < LocalDate(year: 1990, month: 1, day: 1)! {
                let person = StaffRecord(staffNumber: "X", name: "職員", nameKana: "ショクイン", birthDate: birth, gender: nil,
                                         hireDate: day("1990-04-01"), jobType: "事務", grade: "課長", employmentType: .regular)
                let outlook = rules.outlook(for: year, staff: [person]) { _ in true }
                let entries = outlook.retiring.count + outlook.leavingManagerialPosts.count + outlook.reachingSixty.count + outlook.informationDue.count
                if entries > 0 {
                    named += 1
                    #expect(range.contains(birth), "FY\(startYear): born \(birth.iso) is named but outside \(range.lowerBound.iso)…\(range.upperBound.iso)")
                }
                birth = birth.adding(days: 3)
            }
            #expect(named > 100, "FY\(startYear) names someone born in the years searched")
        }
    }

    @Test("outlook lists who retires, leaves a managerial post, reaches 60 and must be informed")
    func outlook() {
        func staff(_ number: StaffNumber, _ birth: String, _ type: EmploymentType = .regular) -> StaffRecord {
            StaffRecord(staffNumber: number, name: "職員\(number)", nameKana: "ショクイン", birthDate: day(birth), gender: nil,
                        hireDate: day("1990-04-01"), jobType: "事務", grade: "課長", employmentType: type)
        }
        let people = [
            staff("1", "1964-04-02"),  // retires 2027-03-31 (FY2026)
            staff("2", "1965-04-01"),  // retires 2027-03-31 too
            staff("3", "1965-04-02"),  // retires 2029-03-31
            staff("4", "1966-04-01"),  // managerial limit 2026-04-01
            staff("5", "1966-04-02"),  // reaches 60 on 2026-04-01 (FY2026); limit 2027-04-01
            staff("6", "1967-04-01"),  // reaches 59 on 2026-03-31 (FY2025); 60 in FY2026
            staff("7", "1964-04-02", .reappointed),
        ]
        let fy2026 = rules.outlook(for: FiscalYear(startYear: 2026), staff: people) { _ in true }
        #expect(fy2026.retiring.map(\.staffNumber) == ["1", "2"])
        #expect(fy2026.retiring.allSatisfy { $0.date == day("2027-03-31") && $0.age == 62 })
        // 3 (born 1965-04-02) reached 60 on 2025-04-01 and 4 on 2026-03-31: both leave on 2026-04-01.
        #expect(fy2026.leavingManagerialPosts.map(\.staffNumber) == ["3", "4"])
        #expect(fy2026.reachingSixty.map(\.staffNumber) == ["5", "6"])
        let fy2027 = rules.outlook(for: FiscalYear(startYear: 2027), staff: people) { $0.staffNumber != "6" }
        #expect(fy2027.retiring.isEmpty)
        #expect(fy2027.leavingManagerialPosts.map(\.staffNumber) == ["5"])
        #expect(fy2026.informationDue.map(\.staffNumber).contains("7") == false)
    }
}
