import Foundation
import JibungotoDomain

/// The printable list of initial passwords from a bulk creation: marked 取扱注意, dated, one
/// row per new account with the section it is to be handed to.
enum PrintedPasswordsPage {
    struct Content: Encodable, Sendable {
        let summary: String
        let madeOn: String
        let rows: [Row]
        let accountsHref: String
    }

    struct Row: Encodable, Sendable {
        let staffNumber: StaffNumber
        let name: String
        let section: String
        let password: String
    }

    static func build(outcome: AccountLifecycle.BulkOutcome, organization: OrganizationTree, madeOn: LocalDate, localizer: Localizer) -> Content {
        Content(
            summary: localizer.t("admin.accounts.printed.summary", String(outcome.created.count),
                                 String(outcome.skippedExisting), String(outcome.skippedLeavers)),
            madeOn: localizer.t("admin.accounts.printed.madeOn", localizer.date(madeOn)),
            rows: outcome.created.map { account in
                Row(
                    staffNumber: account.staffNumber,
                    name: account.name,
                    section: account.sectionCode.flatMap { organization.units[$0] }.map { localizer.text($0.localizedName) } ?? "-",
                    password: account.password
                )
            },
            accountsHref: AdminRoute.accounts.path
        )
    }
}
