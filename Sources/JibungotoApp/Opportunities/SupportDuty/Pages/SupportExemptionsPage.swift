import Foundation
import JibungotoDomain

/// HR's exemptions for one event: who is left out of the allocation and why, beside the
/// employment types the settings exempt from every allocation.
enum SupportExemptionsPage {
    struct Content: Encodable, Sendable {
        let errors: [String]
        let intro: String
        let note: String?
        let rows: [Row]
        let form: FormModel?
        let eventHref: String
        let csrfToken: String
    }

    struct Row: Encodable, Sendable {
        let name: String
        let section: String
        let reason: String
        let note: String
        let recordedOn: String
        let removeAction: String?
    }

    static func build(event: SupportEvent, exemptions: [SupportExemption], staff: [StaffNumber: StaffMember], sectionNames: [SectionCode: String],
                      exemptTypes: [EmploymentType], form: FormModel?, errors: [String], csrfToken: String, localizer: Localizer) throws -> Content {
        let id = try event.requireID()
        let isOpen = event.isOpenForVolunteers
        let types = exemptTypes.map { localizer.t("employment.\($0.rawValue)") }
        let rows = exemptions.map { exemption in
            let member = staff[exemption.staffNumber]
            return Row(name: member?.name ?? exemption.staffNumber.rawValue,
                       section: member?.currentSectionCode.flatMap { sectionNames[$0] } ?? "",
                       reason: SupportDutyText.exemptionReason(exemption.reason, localizer), note: exemption.note,
                       recordedOn: localizer.timestamp(exemption.recordedAt),
                       removeAction: isOpen ? SupportDutyRoute.removeExemption(.id(id), staff: .staff(exemption.staffNumber)).path : nil)
        }
        return Content(
            errors: errors,
            intro: localizer.t("support.exemptionsIntro", types.isEmpty ? localizer.t("support.none") : types.joined(separator: localizer.t("support.listSeparator"))),
            note: isOpen ? nil : localizer.t("support.exemptionsClosed"), rows: rows, form: form,
            eventHref: SupportDutyRoute.event(.id(id)).path, csrfToken: csrfToken)
    }
}
