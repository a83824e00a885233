import Foundation
import JibungotoDomain
import Vapor

/// The forms on a team's page, built by the handlers (they need the request) and handed to the
/// page builder; a refused submission comes back in its form with the messages.
struct TeamPageForms: Sendable {
    var apply: FormModel?
    var log: FormModel?
    var close: FormModel?
    /// The organizer's selection refused (too many, not selectable): shown above the candidates.
    var selectionError: String?
}

enum TeamForms {
    static let motivationMaxLength = 1_000

    static func apply(_ request: Request, team: UUID, input: [String: String], validation: FormValidation? = nil) -> FormModel {
        var form = FormModel(request: request, action: ProjectTeamRoute.apply(.id(team)).path, submitLabelKey: "teams.apply", fields: [
            FormField(request: request, name: "motivation", labelKey: "teams.motivation", kind: .textarea, value: input["motivation"] ?? "",
                      hintKey: "teams.motivation.hint", isRequired: true, maxLength: motivationMaxLength),
        ])
        if let validation { form.apply(validation, request: request) }
        return form
    }

    static func log(_ request: Request, team: UUID, input: [String: String], today: LocalDate, validation: FormValidation? = nil) -> FormModel {
        let kind = input["kind"] ?? ProjectTeamLogEntry.Kind.meeting.rawValue
        var form = FormModel(request: request, action: ProjectTeamRoute.log(.id(team)).path, submitLabelKey: "teams.log.add", fields: [
            FormField(request: request, name: "kind", labelKey: "teams.log.kind", kind: .radios, options: ProjectTeamLogEntry.Kind.allCases.map {
                FormOption(value: $0.rawValue, label: request.t("teams.log.kind.\($0.rawValue)"), isSelected: kind == $0.rawValue, fieldName: "kind")
            }, isRequired: true),
            FormField(request: request, name: "held_on", labelKey: "teams.log.date", value: input["held_on"] ?? today.iso, hintKey: "form.dateHint", isRequired: true, maxLength: 20),
            FormField(request: request, name: "place", labelKey: "teams.log.place", value: input["place"] ?? "", hintKey: "teams.log.place.hint", maxLength: 200),
            FormField(request: request, name: "text", labelKey: "teams.log.text", kind: .textarea, value: input["text"] ?? "", hintKey: "teams.log.text.hint",
                      isRequired: true, maxLength: ProjectTeamRoutes.textMaxLength),
        ])
        if let validation { form.apply(validation, request: request) }
        return form
    }

    static func close(_ request: Request, team: UUID, input: [String: String], validation: FormValidation? = nil) -> FormModel {
        var form = FormModel(request: request, action: ProjectTeamRoute.close(.id(team)).path, submitLabelKey: "teams.close", fields: [
            FormField(request: request, name: "closing_report", labelKey: "teams.closingReport", kind: .textarea, value: input["closing_report"] ?? "",
                      hintKey: "teams.closingReport.hint", isRequired: true, maxLength: ProjectTeamRoutes.textMaxLength * 2),
        ])
        if let validation { form.apply(validation, request: request) }
        return form
    }
}
