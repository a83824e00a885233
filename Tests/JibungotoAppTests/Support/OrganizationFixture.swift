import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Vapor

/// A tiny city for the Organization tests: two departments, a division with a unit, a district
/// center; this fiscal year and the previous one.
enum OrganizationFixture {
    static let thisYear = TestClock.today.fiscalYear.startYear

    static let units: [SectionRecord] = [
        .fixture("10", nameJa: "総務部", nameEn: "General Affairs Department", kind: .department, headcount: 1, isManagerial: true),
        .fixture("1010", nameJa: "人事課", nameEn: "Personnel Division", kind: .division, parent: "10", headcount: 3, isManagerial: true),
        .fixture("101010", nameJa: "人事係", nameEn: "Personnel Unit", kind: .unit, parent: "1010", headcount: 4),
        .fixture("20", nameJa: "市民協働部", nameEn: "Citizen Collaboration Department", kind: .department, headcount: 1, isManagerial: true),
        .fixture("2010", nameJa: "中央地区市民センター", nameEn: "Chuo District Citizen Center", kind: .center, parent: "20",
                 isCollaborationPost: true, district: "中央地区", headcount: 5, isManagerial: true),
    ]

    static func staff(_ number: String, _ name: String, _ kana: String, hired: String = "2015-04-01") -> StaffRecord {
        .fixture(StaffNumber(number), name: name, nameKana: kana, born: day("1990-05-10"), hired: day(hired))
    }

    static let people: [(StaffRecord, section: SectionCode, post: String)] = [
        (staff("D0001", "青木 花子", "アオキ ハナコ", hired: "2019-04-01"), "101010", "主事"),
        (staff("D0002", "石田 誠", "イシダ マコト"), "1010", "課長"),
        (staff("D0003", "上野 浩二", "ウエノ コウジ"), "10", "部長"),
        (staff("D0004", "江藤 美咲", "エトウ ミサキ"), "101010", "主任"),
        (staff("X0001", "佐藤 一郎", "サトウ イチロウ"), "2010", "主査"),
    ]

    static func load(on database: any Database) async throws {
        for year in [thisYear - 1, thisYear] {
            try await units.map { OrganizationUnit(fiscalYear: year, record: $0) }.create(on: database)
        }
        try await people.map { StaffMember(record: $0.0) }.create(on: database)
        let start = FiscalYear(startYear: thisYear - 1).start
        let histories = Dictionary(uniqueKeysWithValues: people.map { person in
            (person.0.staffNumber, [
                AssignmentRecord.fixture(person.0.staffNumber, "2010", start: person.0.hireDate, end: start.adding(days: -1)),
                AssignmentRecord.fixture(person.0.staffNumber, person.section, post: person.post, start: start),
            ])
        })
        try await histories.values.flatMap { $0 }.map(Assignment.init(record:)).create(on: database)
        try await OrganizationImporter.refreshCurrentPlacement(of: histories, today: TestClock.today, on: database)
    }
}
