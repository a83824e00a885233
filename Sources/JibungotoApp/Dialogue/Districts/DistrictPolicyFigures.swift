import Fluent
import JibungotoDomain

/// The districts' figures for the Policy module's indicators, one function per figure, read from
/// the database and counted by the domain's `DistrictFigures` (as the issues page counts them).
enum DistrictPolicyFigures {
    /// Local issues answered in the fiscal year, and how many by their expected date.
    static func issuesAnsweredOnTime(fiscalYear: Int, on database: any Database) async throws -> AnsweredOnTime {
        DistrictFigures.issuesAnsweredOnTime(try await answered(in: fiscalYear, on: database), fiscalYear: fiscalYear)
    }

    /// The median days from receiving a local issue to answering it, over those answered in the
    /// fiscal year; nil when none was.
    static func medianDaysToResponse(fiscalYear: Int, on database: any Database) async throws -> Double? {
        DistrictFigures.medianDaysToResponse(try await answered(in: fiscalYear, on: database), fiscalYear: fiscalYear)
    }

    /// Citizen dialogue records held in the fiscal year per district, by the district's name
    /// (every district listed, those without a record with 0).
    static func recordsPerDistrict(fiscalYear: Int, on database: any Database) async throws -> [(district: Bilingual, records: Int)] {
        let year = FiscalYear(startYear: fiscalYear)
        let records = try await DistrictDialogueRecord.query(on: database).filter(\.$heldOn >= year.start).filter(\.$heldOn <= year.end).all()
        let counts = DistrictFigures.recordsPerDistrict(records.map(\.facts), fiscalYear: fiscalYear)
        return try await DistrictLoading.districts(on: database).map { (district: $0.name, records: counts[$0.key] ?? 0) }
    }

    private static func answered(in fiscalYear: Int, on database: any Database) async throws -> [LocalIssueFacts] {
        let year = FiscalYear(startYear: fiscalYear)
        return try await LocalIssue.query(on: database).filter(\.$respondedOn >= year.start).filter(\.$respondedOn <= year.end).all().map(\.facts)
    }
}
