import Fluent
import JibungotoDomain
import Vapor

/// Loads the rounds and who has submitted, for the form, the completion pages, the home banner and
/// the export; which round applies and whether it is open are the domain's `SelfReportRound`.
enum SelfReportRounds {
    /// The round a staff member should answer now (the domain's rule over every round).
    static func current(for staff: StaffMember, tree: OrganizationTree, on database: any Database, today: LocalDate) async throws -> SelfReportCycle? {
        let cycles = try await SelfReportCycle.query(on: database).filter(\.$opensOn <= today).sort(\.$opensOn, .descending).all()
        return SelfReportRound.current(of: cycles, round: { $0.round }, for: tree.member(staff), today: today)
    }

    /// Staff number → submitted (true) or draft (false); absent means not started.
    /// Read as one text (`PackedRows`): a round's reports carry long texts that a count never needs.
    static func statuses(of cycle: SelfReportCycle, on database: any Database) async throws -> [StaffNumber: Bool] {
        let rows = try await PackedRows.load(
            fields: ["staff_number", "CASE WHEN submitted_at IS NULL THEN 0 ELSE 1 END"],
            "FROM \(ident: SelfReport.schema) WHERE cycle_id = \(bind: cycle.requireID())", on: try PackedRows.sql(database))
        var statuses: [StaffNumber: Bool] = [:]
        try rows.forEach { row in
            guard let submitted = row.flag(1) else { throw PackedRows.Unreadable(record: row.description) }
            let number = StaffNumber(row.text(0))
            statuses[number] = statuses[number] == true || submitted
        }
        return statuses
    }
}

extension SelfReportCycle {
    /// The round as the domain's rules read it.
    var round: SelfReportRound {
        SelfReportRound(opensOn: opensOn, deadline: deadline, group: group)
    }

    /// The deadline in the reader's calendar.
    func deadlineText(_ localizer: Localizer) -> String {
        localizer.date(deadline)
    }

    /// "opening – deadline" in the reader's calendar.
    func periodText(_ localizer: Localizer) -> String {
        localizer.t("staff.period", localizer.date(opensOn), deadlineText(localizer))
    }
}

/// The self-reports of one staff member, newest round first, with their wishes (for the staff page).
enum SelfReportHistory {
    struct Entry: Sendable {
        let cycle: SelfReportCycle
        let report: SelfReport
    }

    static func entries(of staffNumber: StaffNumber, on database: any Database) async throws -> [Entry] {
        let reports = try await SelfReport.query(on: database).filter(\.$staffNumber == staffNumber)
            .with(\.$cycle).with(\.$wishes).all()
        return reports.map { Entry(cycle: $0.cycle, report: $0) }.sorted { $0.cycle.opensOn > $1.cycle.opensOn }
    }
}
