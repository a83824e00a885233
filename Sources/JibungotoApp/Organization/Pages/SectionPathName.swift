import JibungotoDomain

/// A section named with the units above it, 「人事係（総務部・人事課）」, wherever a code alone
/// would be ambiguous or meaningless to the reader (wishes, a report's section).
enum SectionPathName {
    /// nil when the tree has no such unit.
    static func text(_ code: SectionCode, tree: OrganizationTree, localizer: Localizer) -> String? {
        let path = tree.path(to: code)
        guard let unit = path.last else { return nil }
        let above = path.dropLast().map { localizer.text($0.localizedName) }
        let name = localizer.text(unit.localizedName)
        return above.isEmpty ? name : localizer.t("organization.pathName", name, above.joined(separator: "・"))
    }
}
