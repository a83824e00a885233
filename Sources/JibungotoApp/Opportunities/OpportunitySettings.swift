import Fluent
import Foundation
import JibungotoDomain

/// What the municipality sets for Opportunities on HR's settings page: the weights of the
/// candidate suggestions, the caps on internal side jobs, the consent deadline and the support
/// duty's look-back and exemptions.
struct OpportunitySettings: Codable, Equatable, Sendable {
    /// Weights of a candidate suggestion's parts (each part scores 0–1 before weighting).
    var interestWeight = 3
    var skillsWeight = 2
    var sectionVarietyWeight = 2
    var newFacesWeight = 3
    /// Staff with no cross-section ledger entry in this many fiscal years (this one included) are "new faces".
    var newFacesYears = 2
    /// Days the selected person's manager has to refuse; no answer by then is consent.
    var consentDays = 7
    /// Side-job hours: at most this share of the regular monthly working hours, and never more than the maximum.
    var sideJobSharePercent = 20
    var regularMonthlyHours = 155
    var sideJobMonthlyMaximumHours = 20
    /// Support duty goes within a section to those with the least duty over this many fiscal years.
    var supportLookbackYears = 3
    /// Employment types exempt from allocated support duty (they may still volunteer).
    var supportExemptEmploymentTypes: [EmploymentType] = [.shortTimeReappointed, .fiscalYearAppointed]

    /// The monthly cap on one person's side-job hours (the domain's rule: the smaller of the share
    /// of working hours and the maximum).
    var sideJobHourCap: SideJobHourCap {
        SideJobHourCap(sharePercent: sideJobSharePercent, regularMonthlyHours: regularMonthlyHours, maximumHours: sideJobMonthlyMaximumHours)
    }

    var sideJobMonthlyCapHours: Double { sideJobHourCap.hours }

    func encoded() -> String { JSONText.encode(self, fallback: "{}") }

    static func decode(_ text: String) -> OpportunitySettings { JSONText.decode(OpportunitySettings.self, from: text) ?? OpportunitySettings() }

    /// The saved settings, or the defaults above.
    static func load(on database: any Database) async throws -> OpportunitySettings {
        try await OpportunitySettingsRecord.query(on: database).first().map { decode($0.settings) } ?? OpportunitySettings()
    }
}
