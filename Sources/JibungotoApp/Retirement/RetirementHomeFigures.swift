import Fluent
import JibungotoDomain
import Vapor

/// This fiscal year's retirement work for HR's home page, from the same rules and inputs as the
/// outlook page (regular staff, managerial posts by the standard tiers, the age-60 records).
enum RetirementHomeFigures {
    struct Due: Sendable {
        /// Regular staff retiring at the end of this fiscal year.
        let retiring: Int
        /// Staff owed the age-60 information this fiscal year with no record of it yet.
        let informationOwed: Int
    }

    static func thisYear(on database: any Database, today: LocalDate) async throws -> Due {
        let staff = try await StaffMember.query(on: database).filter(\.$employmentType == .regular).all()
        let byNumber = Dictionary(staff.map { ($0.staffNumber, $0) }, uniquingKeysWith: { a, _ in a })
        let outlook = RetirementRules.localPublicService2023.outlook(for: today.fiscalYear, staff: staff.map(\.record)) { record in
            byNumber[record.staffNumber]?.currentPost.map(PostTiers.standard.isManagerial) ?? false
        }
        let recorded = Set(try await AgeSixtyRecord.query(on: database).all().map(\.staffNumber))
        return Due(retiring: outlook.retiring.count,
                   informationOwed: outlook.informationDue.filter { !recorded.contains($0.staffNumber) }.count)
    }
}
