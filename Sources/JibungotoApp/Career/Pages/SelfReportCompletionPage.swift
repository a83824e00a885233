import Foundation
import JibungotoDomain

/// A round's completion: the reader's whole scope, one row per department (HR) or section, and
/// who has not submitted in the section in focus (names, never anyone's circumstances).
enum SelfReportCompletionPage {
    struct Content: Encodable, Sendable {
        let title: String
        let period: String
        /// Who the targets are and that they are counted on today's placement.
        let targetsNote: String
        let overall: Row
        let groups: [Row]
        let groupHeading: String
        let pending: [PendingRow]?
        let pendingHeading: String?
        /// The reminder button's words, with the number of people it reaches.
        let reminderLabel: String?
        let exportHref: String?
    }

    struct Row: Encodable, Sendable {
        let label: String
        let href: String?
        let targets: Int
        let submitted: Int
        let drafts: Int
        let rate: String
    }

    struct PendingRow: Encodable, Sendable {
        let staffNumber: StaffNumber
        let name: String
        let section: String
        let status: String
    }

    /// One group's figures; `statuses` as `SelfReportRounds.statuses` gives them.
    static func row(label: String, href: String?, staffNumbers: [StaffNumber], statuses: [StaffNumber: Bool]) -> Row {
        let tally = SelfReportTally(staffNumbers: staffNumbers, statuses: statuses)
        let rate = tally.submittedPercent.map { ResponseRate.percentText($0 / 100) } ?? "—"
        return Row(label: label, href: href, targets: tally.targets, submitted: tally.submitted, drafts: tally.drafts, rate: rate)
    }

    /// - Parameters:
    ///   - targets: everyone the round is for within the reader's reach, placed today.
    ///   - byDepartment: HR's view (one row per department); others get one row per unit, and a
    ///     unit with units below it is labelled as its direct members only.
    ///   - focus: the unit whose pending staff are listed.
    static func build(
        cycle: SelfReportCycle, targets: [StaffMember], statuses: [StaffNumber: Bool], tree: OrganizationTree,
        byDepartment: Bool, focus: SectionCode?, exportHref: String?, today: LocalDate, localizer: Localizer
    ) throws -> Content {
        let cycleHref = CareerRoute.cycle(.id(try cycle.requireID())).path
        func name(_ code: SectionCode) -> String { tree.units[code].map { localizer.text($0.localizedName) } ?? code.rawValue }
        let grouping: (StaffMember) -> SectionCode? = byDepartment
            ? { $0.currentSectionCode.flatMap { tree.department(of: $0)?.code } }
            : { $0.currentSectionCode }
        let groups = Dictionary(grouping: targets, by: { grouping($0) ?? "" })
            .sorted { $0.key < $1.key }
            .compactMap { code, members -> Row? in
                guard tree.units[code] != nil else { return nil }
                let hasUnitsBelow = !byDepartment && !(tree.children[code] ?? []).isEmpty
                let label = hasUnitsBelow ? localizer.t("organization.directMembers", name(code)) : name(code)
                return row(label: label, href: cycleHref + "?section=" + code.rawValue, staffNumbers: members.map(\.staffNumber), statuses: statuses)
            }
        let pending = focus.map { focus in
            let codes = tree.subtree(of: focus)
            return targets.filter { $0.currentSectionCode.map(codes.contains) == true && statuses[$0.staffNumber] != true }
                .sorted { $0.kanaSearch < $1.kanaSearch }
                .map { member in
                    PendingRow(staffNumber: member.staffNumber, name: member.name,
                               section: member.currentSectionCode.map(name) ?? "",
                               status: localizer.t(statuses[member.staffNumber] == false ? "selfReport.status.draft" : "selfReport.status.notStarted"))
                }
        }
        return Content(
            title: cycle.title,
            period: cycle.periodText(localizer),
            targetsNote: localizer.t("cycle.targetsNote", TargetGroupFields.employmentTypesText(cycle.group, localizer: localizer), localizer.date(today)),
            overall: row(label: localizer.t(byDepartment ? "cycle.overall" : "cycle.yourScope"), href: nil, staffNumbers: targets.map(\.staffNumber), statuses: statuses),
            groups: groups,
            groupHeading: localizer.t(byDepartment ? "cycle.byDepartment" : "cycle.bySection"),
            pending: pending,
            pendingHeading: focus.map { localizer.t("cycle.pendingIn", name($0)) },
            reminderLabel: pending.map { localizer.t("reminder.send", count: $0.count, String($0.count)) },
            exportHref: exportHref
        )
    }
}
