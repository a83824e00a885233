import Foundation
import JibungotoDomain

/// The printable list of initial passwords, marked 取扱注意 and dated, one row per account with
/// the section it is to be handed to: from a bulk creation, or the one-person slip of a
/// re-issued password (the same sheet with one row).
enum PrintedPasswordsPage {
    struct Content: Encodable, Sendable {
        let summary: String
        let madeOn: String
        /// What the holder must do with the password, and the slip after it.
        let handOver: String
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
            summary: localizer.t("admin.accounts.printed.summary", count: outcome.created.count, String(outcome.created.count),
                                 String(outcome.skippedExisting), String(outcome.skippedLeavers)),
            madeOn: localizer.t("admin.accounts.printed.madeOn", localizer.date(madeOn)),
            handOver: localizer.t("admin.accounts.printed.firstLogin"),
            rows: outcome.created.map { row($0, organization: organization, localizer: localizer) },
            accountsHref: AdminRoute.accounts.path
        )
    }

    /// The slip of one re-issued password.
    static func reissued(account: AccountLifecycle.CreatedAccount, organization: OrganizationTree, madeOn: LocalDate, localizer: Localizer) -> Content {
        Content(
            summary: localizer.t("admin.accounts.reissue.summary", account.name, account.staffNumber.rawValue),
            madeOn: localizer.t("admin.accounts.printed.madeOn", localizer.date(madeOn)),
            handOver: localizer.t("admin.accounts.reissue.nextLogin"),
            rows: [row(account, organization: organization, localizer: localizer)],
            accountsHref: AdminRoute.accounts.path
        )
    }

    private static func row(_ account: AccountLifecycle.CreatedAccount, organization: OrganizationTree, localizer: Localizer) -> Row {
        Row(
            staffNumber: account.staffNumber,
            name: account.name,
            section: account.sectionCode.flatMap { organization.units[$0] }.map { localizer.text($0.localizedName) } ?? "-",
            password: account.password
        )
    }
}
