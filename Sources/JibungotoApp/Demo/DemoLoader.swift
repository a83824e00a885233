import Vapor

/// The fictional demo city. Each module adds its part here; all of it loads in one call.
public enum DemoLoader {
    public static func load(on app: Application) async throws {
        try await DemoOrganization.load(on: app.db, today: app.clock.today)
        try await DemoCareer.load(on: app.db, today: app.clock.today)
        try await DemoSurveys.load(on: app.db, today: app.clock.today)
        try await DemoRotation.load(on: app.db, today: app.clock.today)
        try await DemoProjectTeams.load(on: app.db, today: app.clock.today)
        try await DemoSideJobs.load(on: app.db, today: app.clock.today)
        try await DemoSupportDuty.load(on: app.db, today: app.clock.today)
        try await DemoDialogueSessions.load(on: app.db, today: app.clock.today)
        try await DemoDistricts.load(on: app.db, today: app.clock.today)
        try await DemoProposals.load(on: app.db, today: app.clock.today)
        try await DemoAccounts.load(on: app)
    }
}
