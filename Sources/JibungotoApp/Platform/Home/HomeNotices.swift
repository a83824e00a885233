import Vapor

/// A banner on the home page: something the user should do (answer a survey, submit the self-report).
struct HomeNotice: Encodable, Sendable {
    let message: String
    let href: String
    let linkLabel: String
}

/// Modules add a provider; the home page asks each for the signed-in user's notices.
final class HomeNoticeRegistry: @unchecked Sendable {
    typealias Provider = @Sendable (Request, SignedInUser) async throws -> [HomeNotice]
    private(set) var providers: [Provider] = []

    func add(_ provider: @escaping Provider) { providers.append(provider) }

    func notices(for request: Request, user: SignedInUser) async throws -> [HomeNotice] {
        var result: [HomeNotice] = []
        for provider in providers { result += try await provider(request, user) }
        return result
    }
}

extension Application {
    private struct HomeNoticesKey: StorageKey { typealias Value = HomeNoticeRegistry }

    var homeNotices: HomeNoticeRegistry {
        if let registry = storage[HomeNoticesKey.self] { return registry }
        let registry = HomeNoticeRegistry()
        storage[HomeNoticesKey.self] = registry
        return registry
    }
}
