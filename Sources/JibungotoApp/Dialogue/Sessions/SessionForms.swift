import Foundation
import JibungotoDomain
import Vapor

/// A new session as its form gives it, checked field by field.
struct SessionDraft: Sendable {
    let title: String
    let kind: DialogueSessionKind
    let about: String
    let time: DialogueSessionTime
    let mode: DialogueSessionMode
    let place: String?
    let onlineLink: String?
    let capacity: Int
    let window: DialogueRegistrationWindow
    let isOpenCall: Bool
    let hostSectionCode: SectionCode?
    let seriesID: UUID?
}

/// Who holds a new session: a section the organizer reaches, or a study group (its meetings).
enum SessionHost: Sendable {
    case sections([(record: SectionRecord, depth: Int)], tree: OrganizationTree)
    case studyGroup(UUID)
}

/// The forms of the session pages, built by the handlers (they need the request) and handed to
/// the page builders; a refused submission comes back in its form with the messages.
enum SessionForms {
    static let titleMaxLength = 100
    static let textMaxLength = 4_000
    static let placeMaxLength = 200
    static let linkMaxLength = 500
    static let capacities = 1...500

    // MARK: - A new session

    static func session(_ request: Request, action: String, host: SessionHost, series: [DialogueSeries], input: [String: String],
                        validation: FormValidation? = nil) -> FormModel {
        func field(_ name: String, _ labelKey: String, kind: FormField.Kind = .text, hintKey: String? = nil, hint: String? = nil,
                   required: Bool = true, maxLength: Int? = nil) -> FormField {
            FormField(request: request, name: name, labelKey: labelKey, kind: kind, value: input[name] ?? "", hintKey: hintKey, hint: hint,
                      isRequired: required, maxLength: maxLength)
        }
        func choices(_ name: String, _ labelKey: String, kind: FormField.Kind, _ options: [(String, String)], chosen: String) -> FormField {
            FormField(request: request, name: name, labelKey: labelKey, kind: kind, value: chosen,
                      options: options.map { FormOption(value: $0.0, label: $0.1, isSelected: $0.0 == chosen, fieldName: name) }, isRequired: true)
        }
        var fields = [field("title", "dialogue.session.field.title", maxLength: titleMaxLength)]
        var callOptions = [("open", request.t("dialogue.session.call.open")), ("invited", request.t("dialogue.session.call.invited"))]
        switch host {
        case .sections(let units, let tree):
            let kind = input["kind"] ?? DialogueSessionKind.workshop.rawValue
            fields.append(choices("kind", "dialogue.session.field.kind", kind: .select,
                                  DialogueSessionKind.allCases.map { ($0.rawValue, SessionText.kind($0, request.localizer)) }, chosen: kind))
            let hostCode = input["host_section"] ?? ""
            fields.append(FormField(
                request: request, name: "host_section", labelKey: "dialogue.session.field.host", kind: .select, value: hostCode,
                options: [FormOption(value: "", label: request.t("dialogue.session.chooseSection"), isSelected: hostCode.isEmpty, fieldName: "host_section")],
                optionGroups: SectionChoices.groups(in: tree, including: { unit in units.contains { $0.record.code == unit.code } },
                                                    selected: hostCode, fieldName: "host_section", localizer: request.localizer),
                isRequired: true))
        case .studyGroup:
            callOptions = [("open", request.t("dialogue.session.call.open")), ("invited", request.t("dialogue.session.call.members"))]
        }
        let mode = input["mode"] ?? DialogueSessionMode.onSite.rawValue
        fields += [
            field("about", "dialogue.session.field.about", kind: .textarea, hintKey: "dialogue.session.field.about.hint", maxLength: textMaxLength),
            field("date", "dialogue.session.field.date", hintKey: "form.dateHint", maxLength: 20),
            field("starts_at", "dialogue.session.field.startsAt", hintKey: "dialogue.session.timeHint", maxLength: 5),
            field("ends_at", "dialogue.session.field.endsAt", hintKey: "dialogue.session.timeHint", maxLength: 5),
            choices("mode", "dialogue.session.field.mode", kind: .radios,
                    DialogueSessionMode.allCases.map { ($0.rawValue, SessionText.mode($0, request.localizer)) }, chosen: mode),
            field("place", "dialogue.session.field.place", hintKey: "dialogue.session.field.place.hint", required: false, maxLength: placeMaxLength),
            field("online_link", "dialogue.session.field.onlineLink", hintKey: "dialogue.session.field.onlineLink.hint", required: false, maxLength: linkMaxLength),
            field("capacity", "dialogue.session.field.capacity",
                  hint: request.t("dialogue.session.field.capacity.hint", String(capacities.lowerBound), String(capacities.upperBound)), maxLength: 3),
            field("registration_opens_on", "dialogue.session.field.opensOn", hintKey: "form.dateHint", maxLength: 20),
            field("registration_closes_on", "dialogue.session.field.closesOn", hintKey: "dialogue.session.field.closesOn.hint", maxLength: 20),
            choices("call", "dialogue.session.field.call", kind: .radios, callOptions, chosen: input["call"] ?? "open"),
        ]
        if !series.isEmpty {
            let chosen = input["series"] ?? ""
            fields.append(FormField(
                request: request, name: "series", labelKey: "dialogue.session.field.series", kind: .select, value: chosen,
                options: [FormOption(value: "", label: request.t("dialogue.session.noSeries"), isSelected: chosen.isEmpty, fieldName: "series")]
                    + series.compactMap { item in
                        item.id.map { FormOption(value: $0.uuidString.lowercased(), label: item.title, isSelected: $0.uuidString.lowercased() == chosen, fieldName: "series") }
                    }))
        }
        var form = FormModel(request: request, action: action, submitLabelKey: "dialogue.session.create", fields: fields)
        if let validation { form.apply(validation, request: request) }
        return form
    }

    /// Checks a new session's fields; the draft when every one is right.
    static func validateSession(_ request: Request, input: [String: String], host: SessionHost, series: [DialogueSeries],
                                validation: inout FormValidation) -> SessionDraft? {
        let title = validation.text("title", input["title"], labelKey: "dialogue.session.field.title", maxLength: titleMaxLength)
        var kind: DialogueSessionKind?
        var hostCode: SectionCode?
        switch host {
        case .sections(let units, _):
            kind = DialogueSessionKind(rawValue: input["kind"] ?? "")
            if kind == nil { validation.fail("kind", "form.invalidChoice", request.t("dialogue.session.field.kind")) }
            let code = (input["host_section"] ?? "").trimmingCharacters(in: .whitespaces)
            if code.isEmpty {
                validation.fail("host_section", "form.required", request.t("dialogue.session.field.host"))
            } else if !units.contains(where: { $0.record.code.rawValue == code }) {
                validation.fail("host_section", "dialogue.session.hostOutOfScope", request.t("dialogue.session.field.host"))
            } else {
                hostCode = SectionCode(code)
            }
        case .studyGroup:
            kind = .studyGroup
        }
        let about = validation.text("about", input["about"], labelKey: "dialogue.session.field.about", maxLength: textMaxLength)
        let date = validation.date("date", input["date"], labelKey: "dialogue.session.field.date")
        let start = minutes(&validation, "starts_at", input, labelKey: "dialogue.session.field.startsAt")
        let end = minutes(&validation, "ends_at", input, labelKey: "dialogue.session.field.endsAt")
        let mode = DialogueSessionMode(rawValue: input["mode"] ?? "")
        if mode == nil { validation.fail("mode", "form.invalidChoice", request.t("dialogue.session.field.mode")) }
        let place = validation.text("place", input["place"], labelKey: "dialogue.session.field.place", required: mode == .onSite, maxLength: placeMaxLength)
        let link = validation.text("online_link", input["online_link"], labelKey: "dialogue.session.field.onlineLink", required: mode == .online,
                                   maxLength: linkMaxLength)
        if mode == .online && !link.isEmpty && !isWebLink(link) {
            validation.fail("online_link", "dialogue.session.linkInvalid", request.t("dialogue.session.field.onlineLink"))
        }
        let capacity = validation.integer("capacity", input["capacity"], range: capacities, messageKey: "dialogue.session.wholeNumberRange",
                                          labelKey: "dialogue.session.field.capacity")
        let opens = validation.date("registration_opens_on", input["registration_opens_on"], labelKey: "dialogue.session.field.opensOn")
        let closes = validation.date("registration_closes_on", input["registration_closes_on"], labelKey: "dialogue.session.field.closesOn")
        let call = input["call"] ?? ""
        if call != "open" && call != "invited" { validation.fail("call", "form.invalidChoice", request.t("dialogue.session.field.call")) }
        var seriesID: UUID?
        if let chosen = input["series"], !chosen.isEmpty {
            seriesID = series.compactMap(\.id).first { $0.uuidString.lowercased() == chosen.lowercased() }
            if seriesID == nil { validation.fail("series", "form.invalidChoice", request.t("dialogue.session.field.series")) }
        }
        var time: DialogueSessionTime?
        if let date, let start, let end {
            time = DialogueSessionTime(date: date, start: start, end: end)
            if time == nil { validation.fail("ends_at", "dialogue.session.endsBeforeStart", request.t("dialogue.session.field.endsAt")) }
        }
        if let time, let opens, let closes {
            let window = DialogueRegistrationWindow(opens: opens, closes: closes)
            for problem in DialogueScheduleProblem.problems(time: time, window: window) {
                switch problem {
                case .windowClosesBeforeOpening:
                    validation.fail("registration_closes_on", "dialogue.session.windowClosesBeforeOpening", request.localizer.date(opens))
                case .windowClosesAfterSession:
                    validation.fail("registration_closes_on", "dialogue.session.windowClosesAfterSession", request.localizer.date(time.date))
                }
            }
        }
        guard validation.isValid, let kind, let time, let mode, let capacity, let opens, let closes else { return nil }
        return SessionDraft(
            title: title, kind: kind, about: about, time: time, mode: mode, place: mode == .onSite ? place : nil,
            onlineLink: mode == .online ? link : nil, capacity: capacity, window: DialogueRegistrationWindow(opens: opens, closes: closes),
            isOpenCall: call == "open", hostSectionCode: hostCode, seriesID: seriesID)
    }

    private static func minutes(_ validation: inout FormValidation, _ field: String, _ input: [String: String], labelKey: String) -> Int? {
        let text = validation.text(field, input[field], labelKey: labelKey, maxLength: 5)
        guard !text.isEmpty else { return nil }
        guard let minutes = DialogueSessionTime.minutes(from: text) else {
            validation.fail(field, "dialogue.session.timeInvalid", validation.request.t(labelKey))
            return nil
        }
        return minutes
    }

    /// An address a browser opens: http or https, with no spaces.
    static func isWebLink(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && lower.count > 8 && !text.contains(where: \.isWhitespace)
    }

    // MARK: - Forms on the session page

    static func checkIn(_ request: Request, session: UUID, input: [String: String], validation: FormValidation? = nil) -> FormModel {
        var form = FormModel(request: request, action: SessionRoute.checkIn(.id(session)).path, submitLabelKey: "dialogue.session.checkIn.submit", fields: [
            FormField(request: request, name: "code", labelKey: "dialogue.session.checkIn.code", value: input["code"] ?? "",
                      hintKey: "dialogue.session.checkIn.code.hint", isRequired: true, autocomplete: "off", maxLength: 20),
        ])
        if let validation { form.apply(validation, request: request) }
        return form
    }

    static func invite(_ request: Request, session: UUID, input: [String: String], validation: FormValidation? = nil) -> FormModel {
        var form = FormModel(request: request, action: SessionRoute.invite(.id(session)).path, submitLabelKey: "dialogue.session.invite.submit", fields: [
            FormField(request: request, name: "staff_number", labelKey: "dialogue.session.invite.staffNumber", value: input["staff_number"] ?? "",
                      hintKey: "dialogue.session.invite.staffNumber.hint", isRequired: true, maxLength: 20),
        ])
        if let validation { form.apply(validation, request: request) }
        return form
    }

    /// Everyone on the list (cancellations aside) as a checkbox, ticked when recorded as attending.
    static func attendance(_ request: Request, session: UUID, rows: [DialogueRegistration], names: [StaffNumber: String], chosen: Set<String>? = nil,
                           validation: FormValidation? = nil) -> FormModel {
        let options = rows.filter { $0.status != .cancelled }.compactMap { row -> FormOption? in
            guard let id = row.id?.uuidString.lowercased() else { return nil }
            let label = (names[row.staffNumber] ?? row.staffNumber.rawValue)
                + (row.status == .waiting ? request.t("dialogue.session.attendance.fromWaiting") : "")
            return FormOption(value: id, label: label, isSelected: chosen?.contains(id) ?? row.attended, fieldName: "attended")
        }
        var form = FormModel(request: request, action: SessionRoute.attendance(.id(session)).path, submitLabelKey: "dialogue.session.attendance.submit", fields: [
            FormField(request: request, name: "attended", labelKey: "dialogue.session.attendance.field", kind: .checkboxes, options: options,
                      hintKey: "dialogue.session.attendance.hint"),
        ])
        if let validation { form.apply(validation, request: request) }
        return form
    }

    static func finding(_ request: Request, action: String, input: [String: String], validation: FormValidation? = nil) -> FormModel {
        var form = FormModel(request: request, action: action, submitLabelKey: "dialogue.finding.add", fields: [
            FormField(request: request, name: "body", labelKey: "dialogue.finding.field.body", kind: .textarea, value: input["body"] ?? "",
                      hintKey: "dialogue.finding.field.body.hint", isRequired: true, maxLength: FindingRoutes.bodyMaxLength),
            FormField(request: request, name: "tags", labelKey: "dialogue.finding.field.tags", value: input["tags"] ?? "",
                      hintKey: "dialogue.finding.field.tags.hint", isRequired: true, maxLength: 300),
        ])
        if let validation { form.apply(validation, request: request) }
        return form
    }
}
