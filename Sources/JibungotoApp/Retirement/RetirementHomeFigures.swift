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
        // Only those the rule can name this year are loaded: a tenth of the staff, on every HR home page.
        let rules = RetirementRules.localPublicService2023
        let born = rules.birthDatesConcerned(in: today.fiscalYear)
        let staff = try await StaffMember.query(on: database).filter(\.$employmentType == .regular)
            .filter(\.$birthDate >= born.lowerBound).filter(\.$birthDate <= born.upperBound).all()
        let byNumber = Dictionary(staff.map { ($0.staffNumber, $0) }, uniquingKeysWith: { a, _ in a })
        let outlook = rules.outlook(for: today.fiscalYear, staff: staff.map(\.record)) { record in
            byNumber[record.staffNumber]?.currentPost.map(PostTiers.standard.isManagerial) ?? false
        }
        let recorded = Set(try await AgeSixtyRecord.query(on: database).all().map(\.staffNumber))
        return Due(retiring: outlook.retiring.count,
                   informationOwed: outlook.informationDue.filter { !recorded.contains($0.staffNumber) }.count)
    }
}
