import JibungotoDomain

/// A section in one fiscal year: its attributes, children, today's members (current year only),
/// its versions over the years and the changes recorded for it.
enum SectionPage {
    struct Content: Encodable, Sendable {
        let fiscalYear: Int
        let code: SectionCode
        let kind: String
        let path: [Breadcrumb]
        let nameEn: String
        let nameJa: String
        let isCollaborationPost: Bool
        let isManagerial: Bool
        let district: String?
        let authorizedHeadcount: Int
        let currentHeadcount: Int?
        let headcountStatus: String?
        let children: [OrganizationTreePage.Row]
        let members: [MemberRow]?
        let history: [HistoryRow]
        let changes: [ChangeRow]
        let editHref: String?
    }

    struct MemberRow: Encodable, Sendable {
        let staffNumber: StaffNumber
        let name: String
        let post: String
        let since: String
        let href: String
    }

    struct HistoryRow: Encodable, Sendable {
        let fiscalYear: String
        let name: String
        let parent: String
        let authorizedHeadcount: Int
        let href: String
    }

    struct ChangeRow: Encodable, Sendable {
        let fiscalYear: String
        let description: String
    }

    /// `currentHeadcount`: today's, in the current year only; `members`: those placed there
    /// today when the viewer may see them; `versions`: the unit in every year, newest first;
    /// `parents`: the units those versions name as parent, in any year.
    static func build(
        unit: SectionRecord, tree: OrganizationTree, currentHeadcount: Int?, members: [StaffMember]?,
        versions: [OrganizationUnit], parents: [OrganizationUnit], changes: [OrganizationChange],
        canManage: Bool, today: LocalDate, localizer: Localizer
    ) -> Content {
        let year = tree.fiscalYear
        let code = unit.code
        let fyQuery = [("fy", String(year))]
        let parentsByYear = Dictionary(parents.map { ("\($0.fiscalYear)/\($0.code)", $0) }, uniquingKeysWith: { a, _ in a })
        let history = versions.map { version in
            HistoryRow(
                fiscalYear: localizer.fiscalYear(version.fiscalYear),
                name: localizer.text(version.record.localizedName),
                parent: version.parentCode.flatMap { parentsByYear["\(version.fiscalYear)/\($0)"] }.map { localizer.text($0.record.localizedName) } ?? "",
                authorizedHeadcount: version.authorizedHeadcount,
                href: OrganizationRoute.section(.section(code)).path(query: [("fy", String(version.fiscalYear))])
            )
        }
        let changeRows = changes.map { change in
            ChangeRow(
                fiscalYear: localizer.fiscalYear(change.fiscalYear),
                description: localizer.t(change.kind.messageKey, change.code.rawValue, change.targetCode?.rawValue ?? "", change.detail)
            )
        }
        let headcountStatus = currentHeadcount.map { count in
            count > unit.authorizedHeadcount ? localizer.t("organization.overHeadcount", String(count - unit.authorizedHeadcount))
                : count < unit.authorizedHeadcount ? localizer.t("organization.underHeadcount", String(unit.authorizedHeadcount - count))
                : localizer.t("organization.atHeadcount")
        }
        let path = tree.path(to: code).dropLast().map {
            Breadcrumb(label: localizer.text($0.localizedName), href: OrganizationRoute.section(.section($0.code)).path(query: fyQuery))
        }
        return Content(
            fiscalYear: year, code: code, kind: localizer.t("organization.kind.\(unit.kind.rawValue)"), path: Array(path),
            nameEn: unit.nameEn, nameJa: unit.nameJa, isCollaborationPost: unit.isCollaborationPost, isManagerial: unit.isManagerial,
            district: unit.district, authorizedHeadcount: unit.authorizedHeadcount, currentHeadcount: currentHeadcount,
            headcountStatus: headcountStatus,
            children: (tree.children[code] ?? []).compactMap { tree.units[$0] }.map {
                OrganizationTreePage.Row($0, depth: 0, fiscalYear: year, currentHeadcount: nil, localizer: localizer)
            },
            members: members?.map { member in
                MemberRow(staffNumber: member.staffNumber, name: member.name, post: member.currentPost.map { localizer.text(StaffListValues.post($0)) } ?? "",
                          since: member.currentSince.map(localizer.date) ?? "",
                          href: OrganizationRoute.staff(.staff(member.staffNumber)).path)
            },
            history: history,
            changes: changeRows,
            editHref: canManage && OrganizationEditRules.isEditable(fiscalYear: year, today: today)
                ? OrganizationRoute.editSection(.section(code)).path(query: fyQuery) : nil
        )
    }
}
