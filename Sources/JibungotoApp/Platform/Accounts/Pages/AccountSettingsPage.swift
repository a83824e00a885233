import Foundation

/// The user's own settings: the language and calendar form, and the ways to the password form
/// and to the groupware feeds.
enum AccountSettingsPage {
    struct Content: Encodable, Sendable {
        let form: FormModel
        let passwordHref: String
        let feedsHref: String
    }

    static func build(form: FormModel) -> Content {
        Content(form: form, passwordHref: AccountRoute.password.path, feedsHref: AccountRoute.feeds.path)
    }
}
