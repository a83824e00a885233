import Foundation
import Testing

@testable import JibungotoDomain

/// The demo city, generated once for all tests in this file.
private let demoCity = DemoCityGenerator.generate()

private func demoDate(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
    guard let date = LocalDate(year: year, month: month, day: day) else { fatalError("bad date") }
    return date
}

private let demoFirstDay = demoDate(2021, 4, 1)
private let demoReferenceDay = demoDate(2026, 4, 1)
private let demoDepartmentHeadPosts: Set<String> = ["部長", "教育部長", "消防長"]
private let demoDivisionHeadPosts: Set<String> = ["課長", "室長", "館長", "署長", "事務局長", "所長"]
private let demoHeadPosts: Set<String> = demoDepartmentHeadPosts.union(demoDivisionHeadPosts).union(["係長", "園長", "出張所長"])

private func demoSections(_ year: Int) -> [SectionCode: SectionRecord] {
    Dictionary(uniqueKeysWithValues: (demoCity.organizations[year] ?? []).map { ($0.code, $0) })
}

private func demoAssignmentsByStaff() -> [StaffNumber: [AssignmentRecord]] {
    Dictionary(grouping: demoCity.assignments, by: \.staffNumber).mapValues { $0.sorted { $0.start < $1.start } }
}

/// The fiscal years 2021…2026 an assignment spans (time before FY2021 counts as FY2021).
private func demoFiscalYears(of assignment: AssignmentRecord) -> ClosedRange<Int> {
    let first = max(2021, FiscalYear.containing(assignment.start).startYear)
    let last = min(2026, FiscalYear.containing(assignment.end ?? demoReferenceDay).startYear)
    return first...max(first, last)
}

private func demoOpenAssignment(_ staffNumber: StaffNumber) -> AssignmentRecord? {
    demoCity.assignments.first { $0.staffNumber == staffNumber && $0.end == nil }
}

@Suite struct DemoCityGeneratorTests {
    @Test func sameSeedGivesTheSameCityAndAnotherSeedAnotherStaff() {
        let again = DemoCityGenerator.generate()
        #expect(again.organizations == demoCity.organizations)
        #expect(again.changes == demoCity.changes)
        #expect(again.staff == demoCity.staff)
        #expect(again.assignments == demoCity.assignments)
        let other = DemoCityGenerator.generate(seed: 7)
        #expect(other.staff != demoCity.staff)
        #expect(other.assignments != demoCity.assignments)
        #expect(other.organizations == demoCity.organizations)
    }

    // MARK: - Organization

    @Test func everyFiscalYearHasAboutTwoHundredFiftyUnitsInTwelveDepartments() {
        #expect(demoCity.organizations.keys.sorted() == Array(2021...2026))
        #expect(demoCity.changes.keys.sorted() == Array(2021...2026))
        for (year, units) in demoCity.organizations {
            #expect((240...260).contains(units.count), "FY\(year): \(units.count) units")
            #expect(units.filter { $0.kind == .department }.count == 12, "FY\(year)")
            #expect(Set(units.map(\.code)).count == units.count, "FY\(year): duplicate codes")
            #expect(units.map(\.code) == units.map(\.code).sorted(), "FY\(year): not sorted by code")
        }
    }

    @Test func sixteenDistrictCentersAreCollaborationPostsUnderOneDepartment() {
        for (year, units) in demoCity.organizations {
            let centers = units.filter { $0.kind == .center }
            #expect(centers.count == 16, "FY\(year)")
            #expect(centers.allSatisfy { $0.isCollaborationPost && $0.isManagerial && (4...6).contains($0.authorizedHeadcount) })
            #expect(Set(centers.compactMap(\.district)).count == 16)
            #expect(centers.allSatisfy { $0.district?.hasSuffix("地区") == true && $0.nameJa.hasSuffix("地区市民センター") })
            #expect(centers.allSatisfy { $0.nameEn.hasSuffix("District Citizen Center") })
            let parents = Set(centers.compactMap(\.parentCode))
            #expect(parents.count == 1)
            #expect(units.first { $0.code == parents.first }?.nameJa == "市民協働部")
            // Other collaboration posts besides the centers.
            #expect(units.filter { $0.isCollaborationPost && $0.kind != .center }.count >= 3)
            #expect(units.filter { $0.district != nil }.count == 16)
        }
    }

    @Test func codesEncodeTheHierarchyAndParentsExistInTheSameYear() {
        for (year, units) in demoCity.organizations {
            let byCode = demoSections(year)
            for unit in units {
                #expect(!unit.code.rawValue.isEmpty && unit.code.rawValue.allSatisfy(\.isASCII) && Int(unit.code.rawValue) != nil, "\(unit.code)")
                #expect(!unit.nameJa.isEmpty && !unit.nameEn.isEmpty)
                switch unit.kind {
                case .department:
                    #expect(unit.parentCode == nil && unit.code.rawValue.count == 2)
                case .division, .office, .center:
                    #expect(byCode[unit.parentCode ?? ""]?.kind == .department, "FY\(year) \(unit.code)")
                    #expect(unit.code.rawValue.count == 4)
                case .unit:
                    #expect(
                        [.division, .office].contains(byCode[unit.parentCode ?? ""]?.kind), "FY\(year) \(unit.code)")
                    #expect(unit.code.rawValue.count == 6)
                }
                if let parent = unit.parentCode { #expect(unit.code.rawValue.hasPrefix(parent.rawValue)) }
            }
        }
    }

    @Test func headcountsAndManagerialFlagsAreRealistic() {
        for units in demoCity.organizations.values {
            for unit in units {
                #expect(unit.isManagerial == (unit.kind != .unit), "\(unit.code)")
                if unit.kind == .unit { #expect((3...10).contains(unit.authorizedHeadcount), "\(unit.code)") }
                #expect(unit.authorizedHeadcount >= 1)
            }
        }
    }

    @Test func codesAreStableAndChangesExplainEveryDifference() {
        for year in 2022...2026 {
            let before = demoSections(year - 1)
            let after = demoSections(year)
            let changes = demoCity.changes[year] ?? []
            #expect(!changes.isEmpty, "FY\(year)")
            let created = Set(changes.filter { $0.kind == .created }.map { SectionCode($0.code) })
            let ended = Set(changes.filter { $0.kind == .merged || $0.kind == .abolished }.map { SectionCode($0.code) })
            #expect(created == Set(after.keys).subtracting(before.keys), "FY\(year)")
            #expect(ended == Set(before.keys).subtracting(after.keys), "FY\(year)")
            for change in changes {
                switch change.kind {
                case .created:
                    #expect(change.detail == after[SectionCode(change.code)]?.nameJa)
                case .renamed:
                    let old = before[SectionCode(change.code)]?.nameJa ?? ""
                    let new = after[SectionCode(change.code)]?.nameJa ?? ""
                    #expect(old != new && change.detail == "\(old) → \(new)")
                case .merged:
                    #expect(after[SectionCode(change.targetCode ?? "")] != nil, "\(change)")
                    #expect(change.detail == before[SectionCode(change.code)]?.nameJa)
                case .abolished:
                    #expect(change.detail == before[SectionCode(change.code)]?.nameJa)
                }
            }
            // Units that continue keep their kind and parent.
            for (code, unit) in after {
                guard let old = before[code] else { continue }
                #expect(old.kind == unit.kind && old.parentCode == unit.parentCode)
                if old.nameJa != unit.nameJa {
                    #expect(changes.contains { $0.kind == .renamed && $0.code == code.rawValue })
                }
            }
        }
        let all = demoCity.changes.values.flatMap { $0 }
        #expect(all.contains { $0.kind == .created && $0.detail == "デジタル推進課" })
        #expect(all.contains { $0.kind == .merged && $0.detail == "介護保険課" })
        #expect(all.contains { $0.kind == .abolished })
        #expect(all.contains { $0.kind == .renamed })
    }

    // MARK: - Staff

    @Test func aboutTwelveHundredStaffWithValidMasterData() {
        let staff = demoCity.staff
        #expect((1080...1320).contains(staff.count))
        #expect(Set(staff.map(\.staffNumber)).count == staff.count)
        #expect(Set(staff.map(\.name)).count == staff.count)
        let katakana = CharacterSet(charactersIn: "\u{30A1}"..."\u{30FC}").union(CharacterSet(charactersIn: " "))
        for person in staff {
            if !person.staffNumber.rawValue.hasPrefix("D") {
                #expect(person.staffNumber.rawValue.count == 6 && Int(person.staffNumber.rawValue) != nil)
            }
            #expect(person.nameKana.unicodeScalars.allSatisfy(katakana.contains), "\(person.nameKana)")
            #expect(person.name.split(separator: " ").count == 2 && person.nameKana.split(separator: " ").count == 2)
            let age = person.birthDate.age(on: demoReferenceDay)
            #expect((22...65).contains(age), "\(person.staffNumber) is \(age)")
            #expect(person.hireDate <= demoReferenceDay)
            let hireAge = person.birthDate.age(on: person.hireDate)
            if person.employmentType == .fiscalYearAppointed {
                #expect(hireAge >= 18 && person.hireDate.year >= 2020)
            } else {
                #expect((18...30).contains(hireAge), "\(person.staffNumber) hired at \(hireAge)")
            }
            switch person.employmentType {
            case .reappointed: #expect((61...65).contains(age))
            case .shortTimeReappointed: #expect((60...64).contains(age))
            case .regular: #expect(age <= 62)
            case .fiscalYearAppointed: #expect(person.grade == "会計年度任用職員")
            }
        }
        let byType = Dictionary(grouping: staff, by: \.employmentType)
        #expect(Double(byType[.regular]?.count ?? 0) > Double(staff.count) * 0.8)
        for type in EmploymentType.allCases { #expect((byType[type]?.count ?? 0) > 0, "\(type)") }
        let jobTypes = Set(staff.map(\.jobType))
        #expect(jobTypes.isSuperset(of: ["事務", "技術", "保健師", "保育士", "栄養士", "司書", "消防"]))
        #expect(staff.filter { $0.jobType == "事務" }.count > staff.count / 2)
        let grades = Set(staff.map(\.grade))
        #expect(grades.isSuperset(of: ["主事", "技師", "主任", "主査", "係長", "課長補佐", "課長", "次長", "部長"]))
        #expect(staff.contains { $0.gender == .female } && staff.contains { $0.gender == .male })
    }

    @Test func theSevenDemoAccountsHoldTheirRoles() throws {
        let byNumber = Dictionary(uniqueKeysWithValues: demoCity.staff.map { ($0.staffNumber, $0) })
        let expected = [
            ("D0001", "青木 花子", "アオキ ハナコ"), ("D0002", "石田 誠", "イシダ マコト"), ("D0003", "上野 浩二", "ウエノ コウジ"),
            ("D0004", "江藤 美咲", "エトウ ミサキ"), ("D0005", "大野 翔太", "オオノ ショウタ"), ("D0006", "加藤 由美", "カトウ ユミ"),
            ("D0007", "木村 健", "キムラ ケン"),
        ]
        #expect(demoCity.staff.prefix(7).map(\.staffNumber.rawValue) == expected.map(\.0))
        for (number, name, kana) in expected {
            let person = try #require(byNumber[StaffNumber(number)])
            #expect(person.name == name && person.nameKana == kana && person.employmentType == .regular)
        }
        let now = demoSections(2026)
        func place(_ number: StaffNumber) throws -> (AssignmentRecord, SectionRecord) {
            let assignment = try #require(demoOpenAssignment(number))
            return (assignment, try #require(now[assignment.sectionCode]))
        }

        let hanako = try #require(byNumber["D0001"])
        #expect(hanako.jobType == "事務" && hanako.grade == "主事" && hanako.hireDate.year == 2019)
        let (a1, s1) = try place("D0001")
        #expect(a1.post == "主事" && !s1.isCollaborationPost && s1.kind == .unit)
        #expect(now[s1.parentCode ?? ""]?.kind == .division)

        let (a2, s2) = try place("D0002")
        #expect(byNumber["D0002"]?.grade == "課長" && a2.post == "課長" && s2.kind == .division)

        let (a3, s3) = try place("D0003")
        #expect(byNumber["D0003"]?.grade == "部長" && a3.post == "部長" && s3.kind == .department)
        #expect(s2.parentCode == s3.code, "D0002's division lies in D0003's department")
        #expect(s1.parentCode == s2.code, "D0001 works in D0002's division")

        let (_, s4) = try place("D0004")
        #expect(now[s4.parentCode ?? ""]?.nameJa == "人事課")

        let (a5, s5) = try place("D0005")
        #expect(a5.post == "主任" && byNumber["D0005"]?.grade == "主任")
        #expect(now[s5.parentCode ?? ""]?.nameJa.contains("企画") == true)

        let (a6, s6) = try place("D0006")
        #expect(a6.post == "主査" && byNumber["D0006"]?.grade == "主査")
        #expect(s6.kind == .center && s6.isCollaborationPost && s6.district != nil)

        let (_, s7) = try place("D0007")
        #expect(now[s7.parentCode ?? ""]?.nameJa == "デジタル推進課")
    }

    // MARK: - Assignment history

    @Test func everyStaffMemberHasOneContiguousHistoryEndingInOneOpenAssignment() throws {
        let byStaff = demoAssignmentsByStaff()
        #expect(byStaff.count == demoCity.staff.count)
        for person in demoCity.staff {
            let history = try #require(byStaff[person.staffNumber])
            #expect(history.filter { $0.end == nil }.count == 1, "\(person.staffNumber)")
            #expect(history.last?.end == nil)
            #expect(history.first.map { $0.start >= person.hireDate } == true)
            let from = max(person.hireDate, demoFirstDay)
            #expect(history.contains { $0.start <= from && ($0.end ?? demoReferenceDay) >= from }, "\(person.staffNumber)")
            for (earlier, later) in zip(history, history.dropFirst()) {
                let end = try #require(earlier.end)
                #expect(earlier.start <= end)
                #expect(later.start == end.adding(days: 1), "\(person.staffNumber): gap or overlap at \(later.start)")
                #expect(later.sectionCode != earlier.sectionCode || later.post != earlier.post)
            }
            #expect(history.filter { ($0.end ?? demoReferenceDay) < demoFirstDay }.count <= 1)
            if person.hireDate < demoDate(2019, 4, 1), person.employmentType != .fiscalYearAppointed {
                #expect(history.first.map { $0.start < demoFirstDay } == true)
            }
            #expect(history.allSatisfy { $0.start <= demoReferenceDay })
        }
    }

    @Test func assignmentsUseOnlySectionsThatExistInTheYearsTheySpan() {
        for assignment in demoCity.assignments {
            for year in demoFiscalYears(of: assignment) {
                #expect(demoSections(year)[assignment.sectionCode] != nil, "\(assignment) in FY\(year)")
            }
        }
    }

    @Test func mostMovesHappenOnAprilFirstEveryFewYears() {
        let recent = demoCity.assignments.filter { $0.start >= demoFirstDay }
        let onApril1 = recent.filter { $0.start.month == 4 && $0.start.day == 1 }
        #expect(Double(onApril1.count) > Double(recent.count) * 0.95)
        #expect(onApril1.count < recent.count, "some moves in the middle of a year")
        // Time in one section, for stays that began and ended within FY2021–FY2025.
        var lengths: [Int] = []
        for history in demoAssignmentsByStaff().values {
            var stays: [(code: SectionCode, start: LocalDate, end: LocalDate?)] = []
            for assignment in history {
                if stays.last?.code == assignment.sectionCode {
                    stays[stays.count - 1].end = assignment.end
                } else {
                    stays.append((assignment.sectionCode, assignment.start, assignment.end))
                }
            }
            for stay in stays where stay.start >= demoFirstDay {
                if let end = stay.end { lengths.append(LocalDate.completedYears(from: stay.start, to: end.adding(days: 1))) }
            }
        }
        let threeToFive = lengths.filter { (3...5).contains($0) }.count
        #expect(Double(threeToFive) > Double(lengths.count) * 0.6)
    }

    @Test func eachHeadPostHasAtMostOneHolderAtATime() {
        for year in 2021...2026 {
            for day in [demoDate(year, 4, 1), demoDate(year, 10, 1)] where day <= demoReferenceDay {
                let holding = demoCity.assignments.filter {
                    demoHeadPosts.contains($0.post) && $0.start <= day && ($0.end ?? demoReferenceDay) >= day
                }
                let keys = holding.map { "\($0.sectionCode)/\($0.post)" }
                #expect(Set(keys).count == keys.count, "two holders of one head post on \(day)")
            }
        }
    }

    @Test func managersHoldHeadPostsOfTheirRank() throws {
        let now = demoSections(2026)
        let byNumber = Dictionary(uniqueKeysWithValues: demoCity.staff.map { ($0.staffNumber, $0) })
        let open = demoCity.assignments.filter { $0.end == nil }
        for assignment in open {
            let person = try #require(byNumber[assignment.staffNumber])
            let section = try #require(now[assignment.sectionCode])
            switch person.grade {
            case "部長":
                #expect(section.kind == .department && demoDepartmentHeadPosts.contains(assignment.post))
            case "課長":
                #expect([.division, .office].contains(section.kind) && demoDivisionHeadPosts.contains(assignment.post),
                        "\(person.staffNumber) \(assignment)")
            default:
                break
            }
            if demoDepartmentHeadPosts.contains(assignment.post) { #expect(person.grade == "部長") }
            if assignment.post == "課長" { #expect(person.grade == "課長" && section.kind == .division) }
            if assignment.post == "係長" { #expect(person.grade == "係長" && section.kind == .unit) }
        }
        // Every department is headed; nearly every division and unit too.
        let heads = Set(open.filter { demoHeadPosts.contains($0.post) }.map(\.sectionCode))
        #expect(now.values.filter { $0.kind == .department }.allSatisfy { heads.contains($0.code) })
        let others = now.values.filter { $0.kind != .department }
        #expect(Double(others.filter { heads.contains($0.code) }.count) > Double(others.count) * 0.95)
    }

    @Test func headcountsStayNearTheAuthorizedHeadcount() {
        let now = demoSections(2026)
        let open = demoCity.assignments.filter { $0.end == nil }
        let seats = now.values.reduce(0) { $0 + $1.authorizedHeadcount }
        #expect(Double(open.count) > Double(seats) * 0.9 && Double(open.count) < Double(seats) * 1.05)
        let members = Dictionary(grouping: open, by: \.sectionCode).mapValues(\.count)
        for section in now.values {
            #expect(members[section.code, default: 0] <= section.authorizedHeadcount + 2, "\(section.code)")
            #expect(members[section.code, default: 0] >= section.authorizedHeadcount - 3, "\(section.code)")
        }
    }

    @Test func jobTypesWorkInFittingDepartments() throws {
        let byNumber = Dictionary(uniqueKeysWithValues: demoCity.staff.map { ($0.staffNumber, $0) })
        for assignment in demoCity.assignments {
            let jobType = try #require(byNumber[assignment.staffNumber]).jobType
            let department = String(assignment.sectionCode.rawValue.prefix(2))
            switch jobType {
            case "消防": #expect(department == "21", "\(assignment)")
            case "保育士": #expect(department == "15", "\(assignment)")
            case "保健師": #expect(["14", "15"].contains(department), "\(assignment)")
            case "司書": #expect(department == "20", "\(assignment)")
            default: #expect(department != "21", "\(assignment)")
            }
        }
    }

    @Test func aboutOneThirdOfRecentHiresHaveServedInACollaborationPost() throws {
        let collaboration = Set(demoCity.organizations.values.flatMap { $0.filter(\.isCollaborationPost).map(\.code) })
        let byStaff = demoAssignmentsByStaff()
        let recent = demoCity.staff.filter {
            $0.hireDate > demoDate(2016, 4, 1) && $0.employmentType == .regular
        }
        let experienced = try recent.filter { person in
            try #require(byStaff[person.staffNumber]).contains { collaboration.contains($0.sectionCode) }
        }
        let share = Double(experienced.count) / Double(recent.count)
        #expect((0.25...0.42).contains(share), "\(share)")
    }
}
