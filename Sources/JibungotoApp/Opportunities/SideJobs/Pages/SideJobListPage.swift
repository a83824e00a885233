import Foundation
import JibungotoDomain

/// Every side job: those open for applications (or about to be) first, then the others by the
/// fiscal year their work starts in, newest first.
enum SideJobListPage {
    struct Content: Encodable, Sendable {
        let intro: String
        let capNote: String
        let newHref: String?
        let approvalsHref: String?
        /// The open side jobs (always shown, with a note when there are none), then one group per fiscal year.
        let groups: [Group]
    }

    struct Group: Encodable, Sendable {
        let label: String
        let rows: [Row]
        let emptyNote: String?
    }

    struct Row: Encodable, Sendable {
        let title: String
        let href: String
        let host: String
        let phase: String
        let window: String
        let period: String
        let hoursPerMonth: String
        let seats: String
        /// The reader's own application, if any.
        let myStatus: String?
    }

    /// One side job with what the list shows beside it.
    struct Item: Sendable {
        let job: SideJob
        let members: Int
        let myStatus: SideJobApplicationStatus?
    }

    static func build(
        items: [Item], hostNames: [SectionCode: Bilingual], cap: Double, today: LocalDate, canPost: Bool, canApprove: Bool, localizer: Localizer
    ) -> Content {
        func row(_ item: Item) -> Row {
            let job = item.job
            return Row(
                title: job.title, href: job.id.map { SideJobRoute.job(.id($0)).path } ?? SideJobRoute.list.path,
                host: localizer.text(hostNames[job.hostSectionCode] ?? Bilingual(job.hostSectionCode.rawValue)),
                phase: SideJobText.phase(job.schedule.phase(today: today, isClosed: job.isClosed), localizer),
                window: SideJobText.range(job.applicationsOpenOn, job.applicationsCloseOn, localizer),
                period: SideJobText.range(job.startsOn, job.endsOn, localizer),
                hoursPerMonth: SideJobText.hoursPerMonth(job.hoursPerMonth, localizer),
                seats: localizer.t("sideJob.seatsFilled", count: job.seats, String(job.seats), String(item.members)),
                myStatus: item.myStatus.map { SideJobText.status($0, localizer) })
        }
        let openPhases: Set<SideJobPhase> = [.announced, .accepting]
        let isOpen = { (item: Item) -> Bool in
            openPhases.contains(item.job.schedule.phase(today: today, isClosed: item.job.isClosed))
        }
        let openItems = items.filter(isOpen).sorted { ($0.job.applicationsCloseOn, $0.job.title) < ($1.job.applicationsCloseOn, $1.job.title) }
        let others = Dictionary(grouping: items.filter { !isOpen($0) }, by: { $0.job.schedule.fiscalYear })
        let years = others.keys.sorted(by: >).map { year in
            Group(label: localizer.fiscalYear(year),
                  rows: (others[year] ?? []).sorted { ($0.job.startsOn, $1.job.title) > ($1.job.startsOn, $0.job.title) }.map(row),
                  emptyNote: nil)
        }
        return Content(
            intro: localizer.t("sideJob.listIntro"), capNote: SideJobText.capNote(cap, localizer),
            newHref: canPost ? SideJobRoute.new.path : nil, approvalsHref: canApprove ? SideJobRoute.approvals.path : nil,
            groups: [Group(label: localizer.t("sideJob.openHeading"), rows: openItems.map(row), emptyNote: localizer.t("sideJob.noneOpen"))] + years)
    }
}
