import JibungotoDomain

/// The outlook for this fiscal year and the next: who retires, who leaves a managerial post,
/// who reaches 60 and who is owed the age-60 information, with what was recorded.
enum RetirementOutlookPage {
    struct Content: Encodable, Sendable {
        let years: [YearOutlook]
        let rulesNote: String
        /// The multi-year outlook (until the age in force reaches 65).
        let yearsHref: String
    }

    struct YearOutlook: Encodable, Sendable {
        let label: String
        let lists: [EntryList]
    }

    struct EntryList: Encodable, Sendable {
        let heading: String
        let dateHeading: String
        let rows: [Row]
        /// The lists of people turning 60 show the information given and the choice made.
        let showsAgeSixtyRecord: Bool
    }

    struct Row: Encodable, Sendable {
        let staffNumber: StaffNumber
        let name: String
        let href: String
        let section: String
        let birthDate: String
        let date: String
        let age: Int
        let record: String?
        let recordHref: String?
    }

    /// `staff` and `records` by staff number; `canRecord` whether the reader records the age-60 information.
    static func build(
        outlooks: [RetirementRules.Outlook], staff: [StaffNumber: StaffMember], tree: OrganizationTree,
        records: [StaffNumber: AgeSixtyRecord], canRecord: Bool, localizer: Localizer
    ) -> Content {
        func rows(_ entries: [RetirementRules.Entry]) -> [Row] {
            entries.map { entry in
                Row(staffNumber: entry.staffNumber, name: entry.name,
                    href: OrganizationRoute.staff(.staff(entry.staffNumber)).path,
                    section: staff[entry.staffNumber]?.currentSectionCode.flatMap { tree.units[$0] }.map { localizer.text($0.localizedName) } ?? "",
                    birthDate: localizer.date(entry.birthDate),
                    date: localizer.date(entry.date), age: entry.age,
                    record: records[entry.staffNumber].map { summary($0, localizer: localizer) },
                    recordHref: canRecord ? RetirementRoute.ageSixty(.staff(entry.staffNumber)).path : nil)
            }
        }
        let years = outlooks.map { outlook in
            YearOutlook(
                label: localizer.fiscalYear(outlook.fiscalYear.startYear),
                lists: [
                    EntryList(heading: localizer.t("retirement.retiring"), dateHeading: localizer.t("retirement.retirementDate"), rows: rows(outlook.retiring), showsAgeSixtyRecord: false),
                    EntryList(heading: localizer.t("retirement.leavingManagerial"), dateHeading: localizer.t("retirement.leavesOn"), rows: rows(outlook.leavingManagerialPosts), showsAgeSixtyRecord: false),
                    EntryList(heading: localizer.t("retirement.reachingSixty"), dateHeading: localizer.t("retirement.reachesOn"), rows: rows(outlook.reachingSixty), showsAgeSixtyRecord: true),
                    EntryList(heading: localizer.t("retirement.informationDue"), dateHeading: localizer.t("retirement.reachesOn"), rows: rows(outlook.informationDue), showsAgeSixtyRecord: true),
                ])
        }
        return Content(years: years, rulesNote: localizer.t("retirement.rules"), yearsHref: RetirementRoute.years.path)
    }

    /// "informed on …/ choice" for a row.
    static func summary(_ record: AgeSixtyRecord, localizer: Localizer) -> String {
        let informedOn = localizer.date(record.informedOn)
        let choice = record.choice.map { localizer.text($0.label) } ?? localizer.t("retirement.choicePending")
        return localizer.t("retirement.informedOn", informedOn) + " / " + choice
    }
}
