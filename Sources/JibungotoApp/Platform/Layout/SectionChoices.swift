import JibungotoDomain

/// Sections as people tell them apart: by their whole path (総務部 総務課 総務係), because a
/// 係 name alone (総務係) recurs under several 課.
extension OrganizationTree {
    /// The unit's names from its department down to it, in the reader's language.
    func pathName(of code: SectionCode, localizer: Localizer) -> String {
        path(to: code).map { localizer.text($0.localizedName) }.joined(separator: " ")
    }
}

/// Every section chooser's options: one `<optgroup>` per department (部) named after it, each
/// option labelled with the unit's whole path, in the tree's order.
enum SectionChoices {
    /// The units `including` admits, grouped under their department; a department none of whose
    /// units is admitted has no group. `suffix` adds a note to a label (e.g. 協働ポスト).
    static func groups(
        in tree: OrganizationTree,
        including include: (SectionRecord) -> Bool = { _ in true },
        selected: String,
        fieldName: String,
        localizer: Localizer,
        suffix: (SectionRecord) -> String = { _ in "" }
    ) -> [FormOptionGroup] {
        // The tree's order is depth-first, so each department opens its group and its units follow.
        var groups: [(department: SectionRecord, options: [FormOption])] = []
        for (unit, depth) in tree.flattened() {
            if depth == 0 { groups.append((unit, [])) }
            guard !groups.isEmpty, include(unit) else { continue }
            groups[groups.count - 1].options.append(
                FormOption(value: unit.code.rawValue, label: tree.pathName(of: unit.code, localizer: localizer) + suffix(unit),
                           isSelected: unit.code.rawValue == selected, fieldName: fieldName))
        }
        return groups.filter { !$0.options.isEmpty }.map {
            FormOptionGroup(label: localizer.text($0.department.localizedName), options: $0.options)
        }
    }
}
