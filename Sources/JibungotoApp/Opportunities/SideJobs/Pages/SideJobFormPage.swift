import Foundation
import JibungotoDomain

/// The side-job pages that are a form beside a few facts of the job: posting, applying,
/// selecting, logging hours and the closing reports. A note says why there is no form (the
/// window has closed, the period is not over); hours pages list the hours logged.
enum SideJobFormPage {
    struct Content: Encodable, Sendable {
        let intro: String?
        let facts: [Fact]
        let notes: [String]
        let table: Table?
        let form: FormModel?
    }

    struct Fact: Encodable, Sendable {
        let label: String
        let value: String
    }

    struct Table: Encodable, Sendable {
        let caption: String
        let headers: [String]
        let rows: [TableRow]
    }

    struct TableRow: Encodable, Sendable {
        let cells: [String]
    }

    /// One month's hours of one member, as the hours page lists them.
    struct LoggedHours: Sendable {
        let name: String
        let month: YearMonth
        let hours: Double
    }

    static func newJob(form: FormModel, cap: Double, localizer: Localizer) -> Content {
        Content(intro: localizer.t("sideJob.newIntro"), facts: [], notes: [SideJobText.capNote(cap, localizer)], table: nil, form: form)
    }

    static func apply(job: SideJob, hostName: Bilingual, refusal: String?, form: FormModel?, localizer: Localizer) -> Content {
        Content(intro: localizer.t("sideJob.applyIntro"), facts: facts(of: job, hostName: hostName, localizer),
                notes: refusal.map { [$0] } ?? [], table: nil, form: form)
    }

    static func selection(job: SideJob, hostName: Bilingual, selected: Int, awaitingManager: Int, form: FormModel?, localizer: Localizer) -> Content {
        var notes: [String] = []
        if form == nil { notes.append(localizer.t("sideJob.select.noneApproved", String(awaitingManager))) }
        return Content(
            intro: localizer.t("sideJob.selectionIntro"),
            facts: facts(of: job, hostName: hostName, localizer) + [Fact(label: localizer.t("sideJob.field.selectedSoFar"), value: localizer.t("sideJob.peopleCount", String(selected)))],
            notes: notes, table: nil, form: form)
    }

    static func hours(job: SideJob, hostName: Bilingual, logged: [LoggedHours], cap: Double, note: String?, form: FormModel?, localizer: Localizer) -> Content {
        let rows = logged.sorted { ($0.month, $0.name) > ($1.month, $1.name) }.map {
            TableRow(cells: [localizer.month($0.month), $0.name, SideJobText.hours($0.hours, localizer)])
        }
        return Content(
            intro: localizer.t("sideJob.hoursIntro"), facts: facts(of: job, hostName: hostName, localizer),
            notes: [SideJobText.capNote(cap, localizer)] + (note.map { [$0] } ?? []),
            table: rows.isEmpty ? nil : Table(caption: localizer.t("sideJob.hoursLogged"),
                                              headers: [localizer.t("sideJob.field.month"), localizer.t("staff.name"), localizer.t("sideJob.field.hours")], rows: rows),
            form: form)
    }

    /// The host's closing report or a member's own report.
    static func report(intro: String, job: SideJob, hostName: Bilingual, note: String?, form: FormModel?, localizer: Localizer) -> Content {
        Content(intro: intro, facts: facts(of: job, hostName: hostName, localizer), notes: note.map { [$0] } ?? [], table: nil, form: form)
    }

    private static func facts(of job: SideJob, hostName: Bilingual, _ localizer: Localizer) -> [Fact] {
        [
            Fact(label: localizer.t("sideJob.field.title"), value: job.title),
            Fact(label: localizer.t("sideJob.field.hostSection"), value: localizer.text(hostName)),
            Fact(label: localizer.t("sideJob.field.period"), value: SideJobText.range(job.startsOn, job.endsOn, localizer)),
            Fact(label: localizer.t("sideJob.field.hoursPerMonth"), value: SideJobText.hoursPerMonth(job.hoursPerMonth, localizer)),
            Fact(label: localizer.t("sideJob.field.seats"), value: localizer.t("sideJob.peopleCount", String(job.seats))),
        ]
    }
}
