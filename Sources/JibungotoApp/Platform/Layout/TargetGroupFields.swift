import JibungotoDomain
import Vapor

/// "Who is it for": the departments and employment types a self-report round or a survey asks,
/// as form fields and their validation (empty means everyone).
enum TargetGroupFields {
    static func fields(request: Request, tree: OrganizationTree, departments: Set<String>, employmentTypes: Set<String>) -> [FormField] {
        [
            FormField(request: request, name: "departments", labelKey: "cycle.departments", kind: .checkboxes,
                      options: tree.roots.compactMap { tree.units[$0] }.map {
                          FormOption(value: $0.code.rawValue, label: request.text($0.localizedName), isSelected: departments.contains($0.code.rawValue), fieldName: "departments")
                      },
                      hintKey: "cycle.departmentsHint"),
            FormField(request: request, name: "employment_types", labelKey: "cycle.employmentTypes", kind: .checkboxes,
                      options: EmploymentType.allCases.map {
                          FormOption(value: $0.rawValue, label: request.t("employment.\($0.rawValue)"), isSelected: employmentTypes.contains($0.rawValue), fieldName: "employment_types")
                      },
                      hintKey: "cycle.employmentTypesHint"),
        ]
    }

    /// The employment types a group counts, as a reader says them: 「常勤・再任用」, or every type.
    static func employmentTypesText(_ group: TargetGroup, localizer: Localizer) -> String {
        guard !group.employmentTypes.isEmpty else { return localizer.t("targetGroup.allTypes") }
        return group.countedEmploymentTypes.map { localizer.t("employment.\($0.rawValue)") }
            .joined(separator: localizer.language == .ja ? "・" : ", ")
    }

    /// The chosen department codes and employment types, each checked against what exists.
    static func validate(departments: [String]?, employmentTypes: [String]?, tree: OrganizationTree, validation: inout FormValidation) -> (departments: [String], employmentTypes: [String]) {
        let chosenDepartments = (departments ?? []).filter { !$0.isEmpty }
        if chosenDepartments.contains(where: { tree.units[SectionCode($0)]?.kind != .department }) {
            validation.fail("departments", "form.invalidChoice", validation.request.t("cycle.departments"))
        }
        let chosenTypes = (employmentTypes ?? []).filter { !$0.isEmpty }
        if chosenTypes.contains(where: { EmploymentType(rawValue: $0) == nil }) {
            validation.fail("employment_types", "form.invalidChoice", validation.request.t("cycle.employmentTypes"))
        }
        return (chosenDepartments, chosenTypes)
    }
}
