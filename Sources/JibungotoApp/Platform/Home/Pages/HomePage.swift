import Foundation
import JibungotoDomain

/// The home page: a greeting, today's date and fiscal year, the modules' notices and links.
enum HomePage {
    struct Content: Encodable, Sendable {
        let greeting: String
        let today: String
        let fiscalYear: String
        let notices: [HomeNotice]
        let modules: [NavigationLink]
    }

    /// `notices` as the modules gave them; `navigation` the user's entries (home itself is left out).
    static func build(displayName: String, today: LocalDate, notices: [HomeNotice], navigation: [NavigationLink], localizer: Localizer) -> Content {
        Content(
            greeting: localizer.t("home.greeting", displayName),
            today: localizer.date(today),
            fiscalYear: localizer.fiscalYear(today.fiscalYear.startYear),
            notices: notices,
            modules: navigation.filter { $0.href != PlatformRoute.home.path }
        )
    }
}
