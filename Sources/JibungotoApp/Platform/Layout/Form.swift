import JibungotoDomain
import Vapor

/// One form as the shared partial `partials/form.leaf` draws it: labels, hints, values, each
/// field's error beside it, the error summary at the top and the CSRF token.
struct FormModel: Encodable, Sendable {
    let action: String
    let method: String
    /// Forms with a file field are sent as multipart.
    let isMultipart: Bool
    let submitLabel: String
    /// A second button that saves without submitting (sent as `action=draft`; the main one as `action=submit`).
    var draftLabel: String?
    let csrfToken: String
    var fields: [FormField]
    var errorSummaryTitle: String?
    var errors: [FormErrorLink]

    /// A `post` form changes data and carries the CSRF token; a `get` form only filters a list.
    init(request: Request, action: String, method: HTTPMethod = .POST, submitLabelKey: String, fields: [FormField]) {
        self.action = action
        self.method = method == .GET ? "get" : "post"
        self.isMultipart = fields.contains { $0.kind == .file }
        self.submitLabel = request.t(submitLabelKey)
        self.csrfToken = request.csrfToken
        self.fields = fields
        self.errorSummaryTitle = nil
        self.errors = []
    }

    /// Attaches the validation's messages to their fields and lists them in the summary.
    mutating func apply(_ validation: FormValidation, request: Request) {
        guard !validation.isValid else { return }
        errorSummaryTitle = request.t("form.errorSummary")
        errors = []
        for index in fields.indices {
            if let message = validation.errors[fields[index].name] {
                fields[index].error = message
                errors.append(FormErrorLink(fieldID: fields[index].id, message: message))
            }
        }
    }
}

struct FormField: Encodable, Sendable {
    enum Kind: String, Encodable, Sendable {
        case text, password, select, checkboxes, radios, hidden, textarea, file
    }

    let name: String
    let id: String
    let label: String
    let kind: Kind
    var value: String
    /// A checkbox or radio group's choices, as data for the template's loop (empty for a select).
    let options: [FormOption]
    /// A select's options as markup (``SelectOptionsMarkup``): its ungrouped options, then one
    /// `<optgroup>` each; nil for every other field.
    let selectOptions: String?
    var hint: String?
    var error: String?
    let isRequired: Bool
    let autocomplete: String?
    let maxLength: Int?

    init(
        request: Request,
        name: String,
        labelKey: String,
        label: String? = nil,
        kind: Kind = .text,
        value: String = "",
        options: [FormOption] = [],
        optionGroups: [FormOptionGroup] = [],
        hintKey: String? = nil,
        hint: String? = nil,
        isRequired: Bool = false,
        autocomplete: String? = nil,
        maxLength: Int? = nil
    ) {
        self.name = name
        self.id = "field-" + name.replacingOccurrences(of: "_", with: "-")
        self.label = label ?? request.t(labelKey)
        self.kind = kind
        self.value = value
        self.options = kind == .select ? [] : options
        self.selectOptions = kind == .select ? SelectOptionsMarkup(options: options, groups: optionGroups).markup : nil
        self.hint = hint ?? hintKey.map { request.t($0) }
        self.error = nil
        self.isRequired = isRequired
        self.autocomplete = autocomplete
        self.maxLength = maxLength
    }
}

struct FormOption: Encodable, Sendable {
    let value: String
    let label: String
    let isSelected: Bool
    let id: String

    init(value: String, label: String, isSelected: Bool, fieldName: String) {
        self.value = value
        self.label = label
        self.isSelected = isSelected
        // Byte by byte: one ASCII character for another keeps the UTF-8 valid, and a section
        // chooser makes hundreds of these per page (Foundation's replacingOccurrences was a tenth
        // of the self-report form's time).
        self.id = String(decoding: "field-\(fieldName)-\(value)".utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: "-") : $0 }, as: UTF8.self)
    }
}

/// A select's `<option>`s, its ungrouped ones first and then each `<optgroup>`, as markup the app
/// writes itself with every value and label escaped. A section chooser lists every 課 and 係 of
/// the city (700 options on the self-report form of the demo city, thousands in a large one), and
/// Leaf's loop over them as data took about half of such a page's time; the template prints this
/// with `#unsafeHTML` (`ChartSafetyTests` keeps the list of such fields).
struct SelectOptionsMarkup {
    let options: [FormOption]
    let groups: [FormOptionGroup]

    var markup: String {
        var html = ""
        html.reserveCapacity((options.count + groups.reduce(0) { $0 + $1.options.count }) * 60)
        func append(_ option: FormOption) {
            html += "<option value=\"\(Markup.escape(option.value))\"\(option.isSelected ? " selected" : "")>\(Markup.escape(option.label))</option>"
        }
        for option in options {
            append(option)
            html += "\n"
        }
        for group in groups {
            html += "<optgroup label=\"\(Markup.escape(group.label))\">"
            group.options.forEach(append)
            html += "</optgroup>\n"
        }
        return html
    }
}

/// Options of a select under one heading, e.g. the sections of one 部.
struct FormOptionGroup: Encodable, Sendable {
    let label: String
    let options: [FormOption]
}

struct FormErrorLink: Encodable, Sendable {
    let fieldID: String
    let message: String
}

/// Field-by-field checks of submitted values, with messages in the user's language.
struct FormValidation {
    private(set) var errors: [String: String] = [:]
    let request: Request

    init(request: Request) { self.request = request }

    var isValid: Bool { errors.isEmpty }

    mutating func fail(_ field: String, _ key: String, _ arguments: String...) {
        if errors[field] == nil { errors[field] = request.t(key, arguments) }
    }

    /// Required and at most `maxLength` characters; returns the trimmed value.
    @discardableResult
    mutating func text(_ field: String, _ value: String?, labelKey: String, required: Bool = true, maxLength: Int) -> String {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if required && trimmed.isEmpty {
            fail(field, "form.required", request.t(labelKey))
        } else if trimmed.count > maxLength {
            fail(field, "form.tooLong", request.t(labelKey), String(maxLength))
        } else if TypedText.hasControlCharacters(trimmed) {
            fail(field, "form.controlCharacters", request.t(labelKey))
        }
        return trimmed
    }

    /// A date in any form Japanese offices write (2026-04-01, 2026/4/1, R8.4.1, 令和8年4月1日).
    mutating func date(_ field: String, _ value: String?, labelKey: String, required: Bool = true) -> LocalDate? {
        let text = self.text(field, value, labelKey: labelKey, required: required, maxLength: 20)
        guard !text.isEmpty else { return nil }
        switch LocalDate.parseJapanese(text) {
        case .success(let date): return date
        case .failure(let error):
            fail(field, "form.badDate", request.t(labelKey), request.text(error.message))
            return nil
        }
    }

    /// A whole number in `range` (full-width digits accepted); `messageKey` gets the bounds as {0}
    /// and {1}, or, with `labelKey`, the field's label as {0} and the bounds as {1} and {2}.
    mutating func integer(_ field: String, _ value: String?, range: ClosedRange<Int>, messageKey: String, labelKey: String? = nil) -> Int? {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespaces)
        guard let number = Int(trimmed.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? trimmed), range.contains(number) else {
            let arguments = (labelKey.map { [request.t($0)] } ?? []) + [String(range.lowerBound), String(range.upperBound)]
            if errors[field] == nil { errors[field] = request.t(messageKey, arguments) }
            return nil
        }
        return number
    }
}
