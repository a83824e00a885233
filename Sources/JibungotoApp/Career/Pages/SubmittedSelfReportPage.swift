import Foundation
import JibungotoDomain

/// A submitted self-report, read-only, as the staff member submitted it; laid out for A4 with
/// the day it was printed and the 取扱注意 mark. Health and family only for the person and HR;
/// the manager's comment only where the reader may see it.
enum SubmittedSelfReportPage {
    struct Content: Encodable, Sendable {
        let roundTitle: String
        let printedOn: String
        let facts: [Fact]
        let wishes: [Wish]
        let answers: [Fact]
        /// nil when the reader may not see them (a manager).
        let sensitive: [Fact]?
        /// nil when the reader may not see it; a "not written yet" text otherwise when empty.
        let managerComment: String?
        let commentForm: FormModel?
        let printHint: String
    }

    struct Fact: Encodable, Sendable {
        let label: String
        let value: String
    }

    struct Wish: Encodable, Sendable {
        let label: String
        let section: String
        let reason: String
    }

    static func build(
        cycle: SelfReportCycle, report: SelfReport, member: StaffMember, tree: OrganizationTree, situation: SelfReportSituation?,
        showsSensitive: Bool, showsComment: Bool, comment: SelfReportManagerComment?, commentForm: FormModel?,
        today: LocalDate, localizer: Localizer
    ) -> Content {
        let noAnswer = localizer.t("selfReport.notAnswered")
        func choice(_ key: String, _ raw: String?) -> String {
            guard let raw, !raw.isEmpty else { return noAnswer }
            return localizer.t("\(key).\(raw)")
        }
        func text(_ value: String) -> String { value.isEmpty ? noAnswer : value }
        let facts = [
            Fact(label: localizer.t("staff.number"), value: member.staffNumber.rawValue),
            Fact(label: localizer.t("staff.name"), value: member.name),
            Fact(label: localizer.t("staff.section"), value: member.currentSectionCode.flatMap { SectionPathName.text($0, tree: tree, localizer: localizer) } ?? localizer.t("staff.noSection")),
            Fact(label: localizer.t("selfReport.submittedAt"), value: report.submittedAt.map { localizer.timestamp($0) } ?? noAnswer),
        ]
        let wishes = report.wishes.sorted { $0.rank < $1.rank }.map { wish in
            Wish(label: localizer.t("selfReport.wish\(wish.rank)"),
                 section: SectionPathName.text(wish.sectionCode, tree: tree, localizer: localizer) ?? localizer.t("selfReport.sectionGone"),
                 reason: text(wish.reason))
        }
        let answers = [
            Fact(label: localizer.t("selfReport.moveWish"), value: choice("selfReport.moveWish", report.moveWish)),
            Fact(label: localizer.t("selfReport.careerPlan"), value: text(report.careerPlan)),
            Fact(label: localizer.t("selfReport.projectTeam"), value: localizer.t(report.projectTeamInterest ? "selfReport.yes" : "selfReport.no")),
            Fact(label: localizer.t("selfReport.projectTeamThemes"), value: text(report.projectTeamThemes)),
            Fact(label: localizer.t("selfReport.sideJob"), value: localizer.t(report.sideJobInterest ? "selfReport.yes" : "selfReport.no")),
            Fact(label: localizer.t("selfReport.sideJobThemes"), value: text(report.sideJobThemes)),
            Fact(label: localizer.t("selfReport.skills"), value: text(report.skills)),
            Fact(label: localizer.t("selfReport.workload"), value: choice("selfReport.workload", situation?.workload)),
            Fact(label: localizer.t("selfReport.difficulty"), value: choice("selfReport.difficulty", situation?.difficulty)),
        ]
        let family = FamilyCircumstance.parse(situation?.familyCircumstances ?? "").map { localizer.t("selfReport.family.\($0.rawValue)") }
        let sensitive = showsSensitive ? [
            Fact(label: localizer.t("selfReport.health"), value: choice("selfReport.health", situation?.healthCondition)),
            Fact(label: localizer.t("selfReport.family"), value: family.isEmpty ? noAnswer : family.joined(separator: "、")),
            Fact(label: localizer.t("selfReport.circumstances"), value: text(report.circumstances)),
        ] : nil
        return Content(
            roundTitle: cycle.title,
            printedOn: localizer.t("selfReport.printedOn", localizer.date(today)),
            facts: facts, wishes: wishes, answers: answers, sensitive: sensitive,
            managerComment: showsComment ? (comment.map(\.comment) ?? localizer.t("selfReport.managerCommentNone")) : nil,
            commentForm: commentForm,
            printHint: localizer.t("selfReport.printHint"))
    }
}
