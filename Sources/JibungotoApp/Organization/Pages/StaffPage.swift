import Foundation
import JibungotoDomain

/// A staff member's page: particulars, retirement dates, the career timeline with the wishes
/// that preceded each move, collaboration-post experience, the self-reports and the participation ledger.
enum StaffPage {
    struct Content: Encodable, Sendable {
        let staffNumber: StaffNumber
        let name: String
        let nameKana: String
        let birthDate: String
        let age: Int
        let gender: String?
        let hireDate: String
        let yearsOfService: Int
        let jobType: String
        let grade: String
        let employmentType: String
        let currentSection: String?
        let currentSectionHref: String?
        /// 定年退職日 under the 2023 amendment, with the age; nil for staff past it (re-appointed).
        let retirement: String?
        /// 役職定年: the day a managerial post is left; only for managerial posts.
        let managerialLimit: String?
        let timeline: [TimelineRow]
        let collaborationYears: String
        /// Only for the staff member themselves and HR.
        let selfReports: [SelfReportRow]?
        /// The participation ledger's entries, newest first.
        let participation: [ParticipationRow]
        /// For a manager over the person: their submitted self-reports, each a link to the report
        /// as submitted (without health and family) where the 所属長所見 is written.
        let managerReportLinks: [ReportLink]?
    }

    struct ReportLink: Encodable, Sendable {
        let label: String
        let href: String
    }

    /// One participation ledger entry: a team, a side job, a support shift, and later dialogue and proposals.
    struct ParticipationRow: Encodable, Sendable {
        let fiscalYear: String
        let date: String
        let kind: String
        let activity: String
        let route: String
        let hours: String?
        let crossesSections: Bool
    }

    struct SelfReportRow: Encodable, Sendable {
        let round: String
        let status: String
        let wishes: [String]
        let moveWish: String
        let careerPlan: String
        /// HR and the staff member only; a manager never gets here at all.
        let circumstances: String?
        /// The submitted report as submitted (read-only, printable); nil for a draft.
        let href: String?
    }

    struct TimelineRow: Encodable, Sendable {
        let period: String
        let section: String
        let sectionHref: String?
        let post: String
        let duration: String
        let isCollaborationPost: Bool
        let isCurrent: Bool
        /// The wishes of the self-report that preceded this move, and whether the move met one.
        let precedingWishes: String?
    }

    /// `assignments` newest first; `sectionVersions` every fiscal year's version of the sections
    /// they name; `selfReports` nil when the viewer may not read them (only the staff member and HR may).
    static func build(
        member: StaffMember, assignments: [AssignmentRecord], sectionVersions: [OrganizationUnit],
        selfReports history: [SelfReportHistory.Entry]?, participation: [ParticipationEntry], today: LocalDate, localizer: Localizer,
        tree: OrganizationTree? = nil, managerReports: [SelfReportHistory.Entry]? = nil, viewerIsMember: Bool = false
    ) -> Content {
        let record = member.record
        let versionsByCode = Dictionary(grouping: sectionVersions, by: \.code)
        // A section as it was in the fiscal year of `date`, or its newest version when that year has none.
        func unit(_ code: SectionCode, on date: LocalDate) -> SectionRecord? {
            let versions = versionsByCode[code] ?? []
            let year = date.fiscalYear.startYear
            return (versions.first { $0.fiscalYear == year } ?? versions.max { $0.fiscalYear < $1.fiscalYear })?.record
        }
        let collaborationPosts = CollaborationPosts(versions: sectionVersions.map { ($0.fiscalYear, $0.record) })
        func duration(_ length: PeriodLength) -> String {
            localizer.t("staff.duration", String(length.years), String(length.months))
        }
        let wishesByYear = Dictionary((history ?? []).map { ($0.cycle.fiscalYear, $0.report.wishes.sorted { $0.rank < $1.rank }) }, uniquingKeysWith: { a, _ in a })
        func wishText(_ wishes: [SelfReportWish], on date: LocalDate) -> [String] {
            // Named with the units above it (today's organization), else as it was then; a code
            // that names no section anywhere is said to be gone, never printed.
            wishes.map { wish -> String in
                let name = tree.flatMap { SectionPathName.text(wish.sectionCode, tree: $0, localizer: localizer) }
                    ?? unit(wish.sectionCode, on: date).map { localizer.text($0.localizedName) }
                    ?? localizer.t("selfReport.sectionGone")
                return localizer.t("selfReport.wishN", String(wish.rank), name)
            }
        }
        let timeline = assignments.map { assignment -> TimelineRow in
            let section = unit(assignment.sectionCode, on: assignment.start)
            let from = localizer.date(assignment.start)
            let to = assignment.end.map { localizer.date($0) } ?? localizer.t("staff.present")
            return TimelineRow(
                period: localizer.t("staff.period", from, to),
                section: section.map { localizer.text($0.localizedName) } ?? assignment.sectionCode.rawValue,
                sectionHref: section.map { OrganizationRoute.section(.section($0.code)).path(query: [("fy", String(assignment.start.fiscalYear.startYear))]) },
                post: localizer.text(StaffListValues.post(assignment.post)),
                duration: duration(PeriodLength.of(assignment, today: today)),
                isCollaborationPost: collaborationPosts.contains(assignment),
                isCurrent: assignment.end == nil || assignment.end! >= today,
                precedingWishes: wishesByYear[assignment.start.fiscalYear.startYear - 1].map { wishes in
                    let met = wishes.first { $0.sectionCode == assignment.sectionCode }
                    return localizer.t("selfReport.wishesOfYear", localizer.list(wishText(wishes, on: assignment.start)))
                        + (met.map { " — " + localizer.t("selfReport.metWish", String($0.rank)) } ?? "")
                }
            )
        }
        let collaborationLength = CollaborationExperience.length(of: assignments, posts: collaborationPosts, today: today)
        let selfReports = history.map { entries in
            entries.map { entry in
                SelfReportRow(
                    round: entry.cycle.title,
                    status: entry.report.submittedAt.map { localizer.t("selfReport.status.submitted", localizer.timestamp($0)) } ?? localizer.t("selfReport.status.draft"),
                    wishes: wishText(entry.report.wishes.sorted { $0.rank < $1.rank }, on: today),
                    moveWish: entry.report.moveWish.isEmpty ? "" : localizer.t("selfReport.moveWish.\(entry.report.moveWish)"),
                    careerPlan: entry.report.careerPlan,
                    circumstances: entry.report.circumstances.isEmpty ? nil : entry.report.circumstances,
                    href: entry.report.submittedAt == nil ? nil : entry.cycle.id.map {
                        viewerIsMember ? CareerRoute.ownSubmittedReport(.id($0)).path : CareerRoute.submittedReport(.id($0), .staff(entry.report.staffNumber)).path
                    }
                )
            }
        }
        let rules = RetirementRules.localPublicService2023
        let current = member.currentSectionCode.flatMap { unit($0, on: today) }
        return Content(
            staffNumber: member.staffNumber, name: member.name, nameKana: member.nameKana,
            birthDate: localizer.date(record.birthDate),
            age: record.birthDate.age(on: today),
            gender: record.gender.map { localizer.t("gender.\($0.rawValue)") },
            hireDate: localizer.date(record.hireDate),
            yearsOfService: LocalDate.completedYears(from: record.hireDate, to: today),
            jobType: localizer.text(StaffListValues.jobType(member.jobType)), grade: localizer.text(StaffListValues.post(member.grade)),
            employmentType: localizer.t("employment.\(member.employmentType)"),
            currentSection: current.map { localizer.text($0.localizedName) },
            currentSectionHref: current.map { OrganizationRoute.section(.section($0.code)).path },
            retirement: record.employmentType == .regular
                ? localizer.t("staff.retirementOn", localizer.date(rules.retirementDate(birth: record.birthDate)), String(rules.retirementAge(birth: record.birthDate)))
                : nil,
            managerialLimit: member.currentPost.map(PostTiers.standard.isManagerial) == true
                ? rules.managerialLimitDate(birth: record.birthDate).map { localizer.date($0) }
                : nil,
            timeline: timeline,
            collaborationYears: collaborationLength != .zero ? duration(collaborationLength) : localizer.t("staff.noCollaboration"),
            selfReports: selfReports,
            participation: participation.map { entry in
                ParticipationRow(
                    fiscalYear: localizer.fiscalYear(entry.fiscalYear), date: localizer.date(entry.date),
                    kind: localizer.t("participation.kind.\(entry.kind.rawValue)"), activity: entry.activityTitle,
                    route: localizer.t("participation.route.\(entry.route.rawValue)"),
                    hours: entry.hours.map { localizer.t("participation.hours", HoursText.format($0)) },
                    crossesSections: entry.crossesSections)
            },
            managerReportLinks: managerReports.map { entries in
                entries.compactMap { entry in
                    entry.cycle.id.map { ReportLink(label: entry.cycle.title, href: CareerRoute.submittedReport(.id($0), .staff(entry.report.staffNumber)).path) }
                }
            }
        )
    }
}
