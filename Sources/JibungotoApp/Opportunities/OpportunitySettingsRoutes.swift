import Fluent
import JibungotoDomain
import Vapor

/// HR's settings page for Opportunities: suggestion weights, side-job caps, the consent deadline,
/// and the support duty's look-back and exemptions.
struct OpportunitySettingsRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, OpportunitiesRoute.settings, requires: .permission(.manageOpportunities), shows: .nothing, use: show)
        routes.on(.POST, OpportunitiesRoute.settings, requires: .permission(.manageOpportunities), shows: .nothing, use: save)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await page(request, settings: try await OpportunitySettings.load(on: request.db), input: [:], exempt: nil, validation: FormValidation(request: request))
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        let submitted = try request.content.decode(SubmittedForm.self)
        var validation = FormValidation(request: request)
        guard let settings = OpportunitySettingsForm.parse(submitted.values, exempt: submitted.exemptTypes, validation: &validation) else {
            return try await page(request, settings: OpportunitySettings(), input: submitted.values, exempt: submitted.exemptTypes, validation: validation)
        }
        let record = try await OpportunitySettingsRecord.query(on: request.db).first() ?? OpportunitySettingsRecord()
        record.settings = settings.encoded()
        record.updatedBy = try request.requireUser().staffNumber.rawValue
        try await record.save(on: request.db)
        try await request.audit(.update, subjectType: "opportunity_settings", detail: record.settings)
        request.flash(.success, request.t("opportunities.settingsSaved"))
        return request.redirect(to: OpportunitiesRoute.settings.path)
    }

    private func page(_ request: Request, settings: OpportunitySettings, input: [String: String], exempt: [String]?, validation: FormValidation) async throws -> Response {
        var form = FormModel(request: request, action: OpportunitiesRoute.settings.path, submitLabelKey: "form.save",
                             fields: OpportunitySettingsForm.fields(request: request, settings: settings, input: input, exempt: exempt))
        form.apply(validation, request: request)
        return try await request.renderPage(
            "opportunities/settings", title: "opportunities.settings",
            breadcrumbs: [Breadcrumb(label: request.t("opportunities.title"), href: OpportunitiesRoute.overview.path),
                          Breadcrumb(label: request.t("opportunities.settings"), href: nil)],
            content: OpportunitySettingsPage.build(form: form, settings: settings, localizer: request.localizer),
            status: validation.isValid ? .ok : .unprocessableEntity)
    }

    struct SubmittedForm: Content {
        var values: [String: String] = [:]
        var exemptTypes: [String] = []

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: TextKey.self)
            for key in container.allKeys {
                if key.stringValue == "exempt_employment_types" {
                    exemptTypes = (try? container.decode([String].self, forKey: key)) ?? []
                } else if let value = try? container.decode(String.self, forKey: key) {
                    values[key.stringValue] = value
                }
            }
        }

        func encode(to encoder: any Encoder) throws {}

        struct TextKey: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }
}

/// The form that edits ``OpportunitySettings``.
enum OpportunitySettingsForm {
    struct NumberField: Sendable {
        let name: String
        let range: ClosedRange<Int>
        let keyPath: WritableKeyPath<OpportunitySettings, Int> & Sendable
    }

    static let numbers: [NumberField] = [
        NumberField(name: "interest_weight", range: 0...100, keyPath: \.interestWeight),
        NumberField(name: "skills_weight", range: 0...100, keyPath: \.skillsWeight),
        NumberField(name: "section_variety_weight", range: 0...100, keyPath: \.sectionVarietyWeight),
        NumberField(name: "new_faces_weight", range: 0...100, keyPath: \.newFacesWeight),
        NumberField(name: "new_faces_years", range: 1...10, keyPath: \.newFacesYears),
        NumberField(name: "consent_days", range: 1...60, keyPath: \.consentDays),
        NumberField(name: "side_job_share_percent", range: 1...100, keyPath: \.sideJobSharePercent),
        NumberField(name: "regular_monthly_hours", range: 40...250, keyPath: \.regularMonthlyHours),
        NumberField(name: "side_job_monthly_maximum_hours", range: 1...200, keyPath: \.sideJobMonthlyMaximumHours),
        NumberField(name: "support_lookback_years", range: 1...10, keyPath: \.supportLookbackYears),
    ]

    static func labelKey(_ name: String) -> String { "opportunities.setting." + name }

    static func fields(request: Request, settings: OpportunitySettings, input: [String: String], exempt: [String]?) -> [FormField] {
        var fields = numbers.map { field in
            FormField(request: request, name: field.name, labelKey: labelKey(field.name),
                      value: input[field.name] ?? String(settings[keyPath: field.keyPath]),
                      hint: request.t("opportunities.setting.range", String(field.range.lowerBound), String(field.range.upperBound))
                          + " " + request.t(labelKey(field.name) + ".hint"),
                      isRequired: true, maxLength: 4)
        }
        let chosen = exempt ?? settings.supportExemptEmploymentTypes.map(\.rawValue)
        fields.append(FormField(request: request, name: "exempt_employment_types", labelKey: labelKey("exempt_employment_types"), kind: .checkboxes,
                                options: EmploymentType.allCases.map {
                                    FormOption(value: $0.rawValue, label: request.t("employment.\($0.rawValue)"), isSelected: chosen.contains($0.rawValue), fieldName: "exempt_employment_types")
                                },
                                hintKey: labelKey("exempt_employment_types") + ".hint"))
        return fields
    }

    /// The settings from a submitted form; every bad field gets its message.
    static func parse(_ input: [String: String], exempt: [String], validation: inout FormValidation) -> OpportunitySettings? {
        var settings = OpportunitySettings()
        for field in numbers {
            if let value = validation.integer(field.name, input[field.name], range: field.range, messageKey: "opportunities.setting.outOfRange", labelKey: labelKey(field.name)) {
                settings[keyPath: field.keyPath] = value
            }
        }
        var types: [EmploymentType] = []
        for raw in exempt {
            guard let type = EmploymentType(rawValue: raw) else {
                validation.fail("exempt_employment_types", "form.invalidChoice", validation.request.t(labelKey("exempt_employment_types")))
                continue
            }
            types.append(type)
        }
        settings.supportExemptEmploymentTypes = EmploymentType.allCases.filter(types.contains)
        if settings.interestWeight + settings.skillsWeight + settings.sectionVarietyWeight + settings.newFacesWeight == 0 {
            validation.fail("interest_weight", "opportunities.setting.allWeightsZero")
        }
        return validation.isValid ? settings : nil
    }
}
