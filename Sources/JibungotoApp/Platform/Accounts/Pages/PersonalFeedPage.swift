import Foundation
import JibungotoDomain

/// One's groupware address: whether it is issued (and since when), each feed's address right
/// after issuing (never again: only the token's hash is kept), and the buttons to issue, replace
/// or stop it.
enum PersonalFeedPage {
    struct Content: Encodable, Sendable {
        let status: String
        let feeds: [Feed]
        let showsAddresses: Bool
        let action: String
        let issueLabel: String
        let mayStop: Bool
        let csrfToken: String
    }

    struct Feed: Encodable, Sendable {
        let title: String
        let description: String
        let href: String?
    }

    static func build(issuedAt: Date?, issuedToken: String?, kinds: [PersonalFeedKind], action: String, csrfToken: String, localizer: Localizer) -> Content {
        Content(
            status: issuedAt.map { localizer.t("account.feeds.issuedOn", localizer.timestamp($0)) } ?? localizer.t("account.feeds.none"),
            feeds: kinds.map { kind in
                Feed(title: localizer.t(kind.titleKey), description: localizer.t(kind.descriptionKey), href: issuedToken.map(kind.address))
            },
            showsAddresses: issuedToken != nil, action: action,
            issueLabel: localizer.t(issuedAt == nil ? "account.feeds.issue" : "account.feeds.reissue"),
            mayStop: issuedAt != nil, csrfToken: csrfToken)
    }
}
