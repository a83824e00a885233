import Fluent
import Foundation
import JibungotoDomain

/// The demo city's planning for 令和9年4月1日: next year's organization prepared (a copy of
/// this year's, as HR does before the transfers), two scenarios to compare, and the age-60
/// information recorded for part of those owed it.
enum DemoRotation {
    static let transferDate = LocalDate(year: 2027, month: 4, day: 1)!
    /// The demo HR account.
    static let hrStaffNumber = DemoAccounts.all.first { $0.roles.contains(.hr) }?.staffNumber.rawValue ?? ""

    static func load(on database: any Database, today: LocalDate) async throws {
        guard try await RotationScenario.query(on: database).count() == 0 else { return }
        let year = transferDate.fiscalYear.startYear
        _ = try await OrganizationEditing.clone(from: year - 1, on: database)
        let base = RotationRuleSettings()
        for (name, preset) in [("令和9年4月 市民協働優先", RotationRuleSettings.Preset.collaborationFirst), ("令和9年4月 希望優先", .wishesFirst)] {
            _ = try await ScenarioRoutes.create(name: name, transferDate: transferDate, settings: preset.apply(to: base), createdBy: Self.hrStaffNumber, on: database)
        }
        try await loadAgeSixtyRecords(on: database, today: today)
    }

    /// Two thirds of those owed the information this fiscal year have had it; of those, most
    /// continue, some choose short-time re-appointment, a few retire, some have not decided.
    static func loadAgeSixtyRecords(on database: any Database, today: LocalDate) async throws {
        let staff = try await StaffMember.query(on: database).filter(\.$employmentType == .regular).all()
        let outlook = RetirementRules.localPublicService2023.outlook(for: today.fiscalYear, staff: staff.map(\.record)) { _ in false }
        var records: [AgeSixtyRecord] = []
        for entry in outlook.informationDue {
            let hash = DemoHash.value(entry.staffNumber, today.fiscalYear.startYear, "age60")
            guard hash % 3 != 0 else { continue }
            let record = AgeSixtyRecord()
            record.staffNumber = entry.staffNumber
            record.informedOn = min(today, today.fiscalYear.start.adding(days: 30 + hash % 150))
            let choices: [AgeSixtyChoice?] = [.continueWorking, .continueWorking, .continueWorking, .shortTimeReappointment, .retire, nil]
            record.choice = choices[hash % choices.count]
            record.note = ""
            record.recordedBy = Self.hrStaffNumber
            records.append(record)
        }
        try await records.create(on: database)
    }
}
