import Vapor

/// The fictional demo city. Each module adds its part here; all of it loads in one call.
public enum DemoCity {
    public static func load(on app: Application) async throws {
        try await DemoAccounts.load(on: app)
    }
}
