import Foundation
import JibungotoDomain

/// One side job for every staff member: the work, its dates and seats, the members and, after
/// the period, the host's closing report beside each member's own. The host and HR also see every
/// application and the hours; a member sees their own.
enum SideJobPage {
    struct Content: Encodable, Sendable {
        let phase: String
        let host: String
        let workDescription: String
        let skills: [String]
        let hoursPerMonth: String
        let capNote: String
        let period: String
        let window: String
        let seats: String
        let applyHref: String?
        /// Why the reader cannot apply while applications are (or will be) accepted.
        let applyNote: String?
        let myApplication: MyApplication?
        let selectionHref: String?
        let hoursHref: String?
        let closingReportHref: String?
        let memberReportHref: String?
        /// Every application, for the host and HR; nil for everyone else.
        let applications: [ApplicationRow]?
        let members: [MemberRow]
        let showsHours: Bool
        let closingReport: ClosingReport?
        let memberReports: [MemberReport]
    }

    struct MyApplication: Encodable, Sendable {
        let status: String
        let href: String
    }

    struct ApplicationRow: Encodable, Sendable {
        let name: String
        let section: String
        let appliedOn: String
        let status: String
        let refusalReason: String?
        let href: String
    }

    struct MemberRow: Encodable, Sendable {
        let name: String
        let section: String
        /// The hours logged so far, for the host, HR and the member themselves.
        let hours: String?
    }

    struct ClosingReport: Encodable, Sendable {
        let work: String
        let outcome: String
        let closedOn: String
    }

    struct MemberReport: Encodable, Sendable {
        let name: String
        let text: String
    }

    /// What the handler loaded for the page.
    struct Input: Sendable {
        let job: SideJob
        let hostName: Bilingual
        /// Every application for the host and HR, the members' only for everyone else.
        let applications: [SideJobApplication]
        let staff: [StaffNumber: StaffMember]
        let sectionNames: [SectionCode: Bilingual]
        let hoursByStaff: [StaffNumber: Double]
        let reader: StaffNumber
        /// The reader hosts the job (its section's organizer, or HR).
        let hosts: Bool
        let seesEveryApplication: Bool
        let applyRefusal: SideJobApplicationRule.Refusal?
        let cap: Double
        let today: LocalDate
    }

    static func build(_ input: Input, localizer: Localizer) -> Content {
        let job = input.job
        let schedule = job.schedule
        let phase = schedule.phase(today: input.today, isClosed: job.isClosed)
        let parameter = RouteParameter.value(job.activityID)
        let members = input.applications.filter { $0.status == .selected }
        let mine = input.applications.first { $0.staffNumber == input.reader }
        let isMember = mine?.status == .selected
        let accepting = phase == .announced || phase == .accepting
        let hasEnded = phase == .ended || phase == .closed
        func name(_ number: StaffNumber) -> String { input.staff[number]?.name ?? number.rawValue }
        func section(_ application: SideJobApplication) -> String {
            guard let code = input.staff[application.staffNumber]?.currentSectionCode ?? application.sectionCode else { return "" }
            return localizer.text(input.sectionNames[code] ?? Bilingual(code.rawValue))
        }
        func href(_ application: SideJobApplication) -> String {
            application.id.map { SideJobRoute.application(.id($0)).path } ?? SideJobRoute.job(parameter).path
        }
        let showsHours = input.seesEveryApplication
        return Content(
            phase: SideJobText.phase(phase, localizer),
            host: localizer.text(input.hostName),
            workDescription: job.workDescription,
            skills: job.skillList,
            hoursPerMonth: SideJobText.hoursPerMonth(job.hoursPerMonth, localizer),
            capNote: SideJobText.capNote(input.cap, localizer),
            period: SideJobText.range(job.startsOn, job.endsOn, localizer),
            window: SideJobText.range(job.applicationsOpenOn, job.applicationsCloseOn, localizer),
            seats: localizer.t("sideJob.seatsFilled", count: job.seats, String(job.seats), String(members.count)),
            applyHref: accepting && mine == nil && input.applyRefusal == nil ? SideJobRoute.apply(parameter).path : nil,
            applyNote: accepting && mine == nil
                ? input.applyRefusal.map { SideJobText.applicationRefusal($0, schedule: schedule, hostName: localizer.text(input.hostName), localizer) } : nil,
            myApplication: mine.map { MyApplication(status: SideJobText.status($0.status, localizer), href: href($0)) },
            selectionHref: input.hosts && !hasEnded ? SideJobRoute.selection(parameter).path : nil,
            hoursHref: (input.hosts || isMember) && !members.isEmpty && (phase == .running || phase == .ended) ? SideJobRoute.hours(parameter).path : nil,
            closingReportHref: input.hosts && hasEnded ? SideJobRoute.closingReport(parameter).path : nil,
            memberReportHref: isMember && hasEnded ? SideJobRoute.memberReport(parameter).path : nil,
            applications: input.seesEveryApplication ? input.applications.map { application in
                ApplicationRow(
                    name: name(application.staffNumber), section: section(application),
                    appliedOn: localizer.date(LocalDate(application.appliedAt, in: .japan)),
                    status: SideJobText.status(application.status, localizer), refusalReason: application.refusalReason, href: href(application))
            } : nil,
            members: members.map { member in
                MemberRow(name: name(member.staffNumber), section: section(member),
                          hours: showsHours || member.staffNumber == input.reader
                              ? SideJobText.hours(input.hoursByStaff[member.staffNumber] ?? 0, localizer) : nil)
            },
            showsHours: showsHours || isMember,
            closingReport: job.closedAt.map { closedAt in
                ClosingReport(work: job.reportWork ?? "", outcome: job.reportOutcome ?? "", closedOn: localizer.date(LocalDate(closedAt, in: .japan)))
            },
            memberReports: members.compactMap { member in
                member.memberReport.map { MemberReport(name: name(member.staffNumber), text: $0) }
            })
    }
}
