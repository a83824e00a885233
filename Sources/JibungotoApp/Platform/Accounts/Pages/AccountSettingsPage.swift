import Foundation

/// The user's own settings: the language and calendar form, and the way to the password form.
enum AccountSettingsPage {
    struct Content: Encodable, Sendable {
        let form: FormModel
        let passwordHref: String
    }

    static func build(form: FormModel) -> Content {
        Content(form: form, passwordHref: AccountRoute.password.path)
    }
}
