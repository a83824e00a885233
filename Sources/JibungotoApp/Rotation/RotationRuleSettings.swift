import Fluent
import Foundation
import JibungotoDomain
import Vapor

/// The rules a municipality sets on the settings page (and a scenario may change for itself):
/// the part of ``RotationRules`` that is policy rather than law or organization.
struct RotationRuleSettings: Codable, Equatable, Sendable {
    var earlyCareerYears = 10
    var minYearsInPost = 3
    var maxYearsInPost = 5
    var noReturnRecentSections = 2
    var subordinateYears = 5
    var subordinateMode: RuleMode = .warning
    var earlyCareerDeadlineMode: RuleMode = .warning
    var weights = RotationWeights()

    var rules: RotationRules {
        RotationRules(
            earlyCareerYears: earlyCareerYears, minYearsInPost: minYearsInPost, maxYearsInPost: maxYearsInPost,
            noReturnRecentSections: noReturnRecentSections, subordinateYears: subordinateYears, subordinateMode: subordinateMode,
            earlyCareerDeadlineMode: earlyCareerDeadlineMode, weights: weights)
    }

    /// Starting points for a new scenario: the municipality's settings, or those with the
    /// weights tilted towards wishes or towards citizen-collaboration posts.
    enum Preset: String, CaseIterable, Sendable {
        case settings, wishesFirst = "wishes_first", collaborationFirst = "collaboration_first"

        func apply(to base: RotationRuleSettings) -> RotationRuleSettings {
            var result = base
            switch self {
            case .settings: break
            case .wishesFirst:
                result.weights.wishes = base.weights.wishes.map { $0 * 3 }
                result.weights.collaborationPerYear = base.weights.collaborationPerYear / 6
                result.weights.collaborationLastChance = 0
            case .collaborationFirst:
                result.weights.collaborationPerYear = base.weights.collaborationPerYear * 10 / 3
                result.weights.collaborationLastChance = base.weights.collaborationLastChance * 2
            }
            return result
        }
    }

    func encoded() -> String { JSONText.encode(self, fallback: "{}") }

    static func decode(_ text: String) -> RotationRuleSettings { JSONText.decode(RotationRuleSettings.self, from: text) ?? RotationRuleSettings() }

    /// The saved settings, or the defaults of the paper's proposal.
    static func load(on database: any Database) async throws -> RotationRuleSettings {
        try await RotationSettingsRecord.query(on: database).first().map { decode($0.rules) } ?? RotationRuleSettings()
    }
}

/// The form that edits ``RotationRuleSettings`` (the settings page and a scenario's rules).
enum RotationRuleForm {
    /// Name, bounds and message key of each whole-number field, with its key path.
    struct NumberField: Sendable {
        let name: String
        let range: ClosedRange<Int>
        let keyPath: WritableKeyPath<RotationRuleSettings, Int> & Sendable
    }

    static let numbers: [NumberField] = [
        NumberField(name: "early_career_years", range: 1...20, keyPath: \.earlyCareerYears),
        NumberField(name: "min_years_in_post", range: 0...10, keyPath: \.minYearsInPost),
        NumberField(name: "max_years_in_post", range: 1...20, keyPath: \.maxYearsInPost),
        NumberField(name: "no_return_recent_sections", range: 0...10, keyPath: \.noReturnRecentSections),
        NumberField(name: "subordinate_years", range: 0...20, keyPath: \.subordinateYears),
        NumberField(name: "weight_wish_1", range: 0...10_000, keyPath: \.weights.wishes[0]),
        NumberField(name: "weight_wish_2", range: 0...10_000, keyPath: \.weights.wishes[1]),
        NumberField(name: "weight_wish_3", range: 0...10_000, keyPath: \.weights.wishes[2]),
        NumberField(name: "weight_breadth", range: 0...10_000, keyPath: \.weights.breadth),
        NumberField(name: "weight_collaboration_per_year", range: 0...1_000, keyPath: \.weights.collaborationPerYear),
        NumberField(name: "weight_collaboration_last_chance", range: 0...10_000, keyPath: \.weights.collaborationLastChance),
        NumberField(name: "weight_min_years_in_post", range: 0...10_000, keyPath: \.weights.minYearsInPost),
        NumberField(name: "weight_subordinate", range: 0...10_000, keyPath: \.weights.subordinate),
        NumberField(name: "weight_move_wish_unmet", range: 0...10_000, keyPath: \.weights.moveWishUnmet),
        NumberField(name: "weight_optional_move", range: 0...10_000, keyPath: \.weights.optionalMove),
    ]

    static let modes: [(name: String, keyPath: WritableKeyPath<RotationRuleSettings, RuleMode> & Sendable)] = [
        ("subordinate_mode", \.subordinateMode),
        ("early_career_deadline_mode", \.earlyCareerDeadlineMode),
    ]

    static func labelKey(_ name: String) -> String { "rotation.rule." + name }

    static func fields(request: Request, settings: RotationRuleSettings, input: [String: String] = [:]) -> [FormField] {
        var fields = numbers.map { field in
            FormField(request: request, name: field.name, labelKey: labelKey(field.name),
                      value: input[field.name] ?? String(settings[keyPath: field.keyPath]),
                      hint: request.t("rotation.rule.range", String(field.range.lowerBound), String(field.range.upperBound))
                          + " " + request.t(labelKey(field.name) + ".hint"),
                      isRequired: true, maxLength: 6)
        }
        for mode in modes {
            let current = input[mode.name] ?? settings[keyPath: mode.keyPath].rawValue
            fields.append(FormField(request: request, name: mode.name, labelKey: labelKey(mode.name), kind: .radios,
                                    options: RuleMode.allCases.map {
                                        FormOption(value: $0.rawValue, label: request.t("rotation.mode." + $0.rawValue), isSelected: $0.rawValue == current, fieldName: mode.name)
                                    }))
        }
        return fields
    }

    /// The settings from a submitted form; every bad field gets its message.
    static func parse(_ input: [String: String], validation: inout FormValidation) -> RotationRuleSettings? {
        var settings = RotationRuleSettings()
        for field in numbers {
            if let value = validation.integer(field.name, input[field.name], range: field.range, messageKey: "rotation.rule.outOfRange", labelKey: labelKey(field.name)) {
                settings[keyPath: field.keyPath] = value
            }
        }
        for mode in modes {
            guard let value = RuleMode(rawValue: input[mode.name] ?? "") else {
                validation.fail(mode.name, "form.invalidChoice", validation.request.t(labelKey(mode.name)))
                continue
            }
            settings[keyPath: mode.keyPath] = value
        }
        if settings.maxYearsInPost < settings.minYearsInPost {
            validation.fail("max_years_in_post", "rotation.rule.maxBelowMin")
        }
        return validation.isValid ? settings : nil
    }
}
