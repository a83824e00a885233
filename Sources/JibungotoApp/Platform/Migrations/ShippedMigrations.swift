import Fluent
import Vapor

/// Every migration of every module in the one order they run, as they shipped. Each lives in
/// its module under `Migrations/NNN/`, where NNN is its place in this list. Append only: a shipped
/// migration is never edited or reordered — `ShippedMigrationTests` compares each file with
/// `Tests/shipped-migrations.sha256` and each folder number with its place here.
enum ShippedMigrations {
    static let all: [any Migration] = [
        SessionRecord.migration,  // 001 Fluent's session table (replaced by 010)
        CreateUsers(),            // 002 Platform
        CreateLoginAttempts(),    // 003 Platform
        CreateAuditEvents(),      // 004 Platform
        CreateOrganization(),     // 005 Organization
        CreateCareer(),           // 006 Career
        CreateSurveys(),          // 007 Surveys
        CreateRotation(),         // 008 Rotation
        CreateAgeSixtyRecords(),  // 009 Retirement
        CreateHashedSessions(),   // 010 Platform
        CreateSurveyReleases(),   // 011 Surveys
        CreateKnownDevices(),     // 012 Platform
        CreateSurveyOpenings(),   // 013 Surveys
        CreateParticipationLedger(),  // 014 Opportunities
        CreateProjectTeams(),     // 015 Opportunities
        CreateSideJobs(),        // 016 Opportunities
        CreateSupportDuty(),     // 017 Opportunities
        CreateDialogueSessions(), // 018 Dialogue
        CreateDistricts(),        // 019 Dialogue
        CreateProposals(),        // 020 Proposals
        CreateParticipationTallies(),  // 021 Opportunities
        AddRotationApprovalRecord(),  // 022 Rotation
        AddMustChangePassword(),  // 023 Platform
        CreateSelfReportSituations(),  // 024 Career
        CreateSurveyReminders(),  // 025 Surveys
        CreateSelfReportReminders(),  // 026 Career
        CreateInterviewProposalLinks(),  // 027 Dialogue
        AddSelfReportMatchingTexts(),  // 028 Career
        CreateHealthProbe(),      // 029 Platform
        AddSurveySections(),      // 030 Surveys
        RenameCalendarFeedsToPersonalFeeds(),  // 031 Platform
    ]
}
