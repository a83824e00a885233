import Foundation
import JibungotoDomain

/// A manager's side-job applications: those awaiting their answer first, then the latest answered.
enum SideJobApprovalsPage {
    struct Content: Encodable, Sendable {
        let intro: String
        let pending: [Row]
        let answered: [Row]
    }

    struct Row: Encodable, Sendable {
        let applicant: String
        let section: String
        let job: String
        let host: String
        let appliedOn: String
        let status: String
        let href: String
    }

    /// The answered applications shown below the pending ones.
    static let answeredShown = 50

    static func build(
        applications: [SideJobApplication], staff: [StaffNumber: StaffMember], sectionNames: [SectionCode: Bilingual], localizer: Localizer
    ) -> Content {
        func name(_ code: SectionCode?) -> String {
            guard let code else { return "" }
            return localizer.text(sectionNames[code] ?? Bilingual(code.rawValue))
        }
        func row(_ application: SideJobApplication) -> Row {
            let member = staff[application.staffNumber]
            return Row(
                applicant: member?.name ?? application.staffNumber.rawValue, section: name(member?.currentSectionCode ?? application.sectionCode),
                job: application.sideJob.title, host: name(application.sideJob.hostSectionCode),
                appliedOn: localizer.date(LocalDate(application.appliedAt, in: .japan)),
                status: SideJobText.status(application.status, localizer),
                href: application.id.map { SideJobRoute.application(.id($0)).path } ?? SideJobRoute.approvals.path)
        }
        let pending = applications.filter { $0.status == .awaitingManager }.sorted { $0.appliedAt < $1.appliedAt }
        let answered = applications.filter { $0.decidedAt != nil }.sorted { ($0.decidedAt ?? .distantPast) > ($1.decidedAt ?? .distantPast) }
        return Content(intro: localizer.t("sideJob.approvalsIntro"), pending: pending.map(row), answered: answered.prefix(answeredShown).map(row))
    }
}
