import Foundation
import JibungotoDomain

/// One application: the side job, the applicant and their motivation, where it stands, the
/// manager's answer (a refusal with its reason) and, for the manager, the form to answer.
enum SideJobApplicationPage {
    struct Content: Encodable, Sendable {
        let jobTitle: String
        let jobHref: String
        let host: String
        let period: String
        let hoursPerMonth: String
        let applicant: String
        let applicantSection: String
        let appliedAt: String
        let motivation: String
        let status: String
        /// Who answered and when: 「承認（石田 誠、令和8年11月30日）」.
        let decision: String?
        let refusalReason: String?
        let form: FormModel?
    }

    static func build(
        application: SideJobApplication, job: SideJob, hostName: Bilingual, applicant: StaffMember?, applicantSection: Bilingual?,
        decider: StaffMember?, form: FormModel?, localizer: Localizer
    ) -> Content {
        let decision = application.decidedAt.map { decidedAt in
            let by = decider?.name ?? application.decidedBy?.rawValue ?? "", on = localizer.date(LocalDate(decidedAt, in: .japan))
            return application.status == .refused ? localizer.t("sideJob.decision.refusedBy", by, on) : localizer.t("sideJob.decision.approvedBy", by, on)
        }
        return Content(
            jobTitle: job.title, jobHref: SideJobRoute.job(.value(job.activityID)).path, host: localizer.text(hostName),
            period: SideJobText.range(job.startsOn, job.endsOn, localizer),
            hoursPerMonth: SideJobText.hoursPerMonth(job.hoursPerMonth, localizer),
            applicant: applicant?.name ?? application.staffNumber.rawValue,
            applicantSection: applicantSection.map(localizer.text) ?? "",
            appliedAt: localizer.timestamp(application.appliedAt),
            motivation: application.motivation,
            status: SideJobText.status(application.status, localizer),
            decision: decision, refusalReason: application.refusalReason, form: form)
    }
}
