import Foundation
import JibungotoDomain

/// The personal calendar feed: whether one is issued (and since when), the address right after
/// issuing (never again: only its hash is kept), and the buttons to issue, replace or stop it.
enum CalendarFeedPage {
    struct Content: Encodable, Sendable {
        let status: String
        let issuedHref: String?
        let action: String
        let issueLabel: String
        let mayStop: Bool
        let csrfToken: String
    }

    static func build(issuedAt: Date?, issuedHref: String?, action: String, csrfToken: String, localizer: Localizer) -> Content {
        Content(
            status: issuedAt.map { localizer.t("dialogue.session.calendar.issuedOn", localizer.timestamp($0)) } ?? localizer.t("dialogue.session.calendar.none"),
            issuedHref: issuedHref, action: action,
            issueLabel: localizer.t(issuedAt == nil ? "dialogue.session.calendar.issue" : "dialogue.session.calendar.reissue"),
            mayStop: issuedAt != nil, csrfToken: csrfToken)
    }
}
