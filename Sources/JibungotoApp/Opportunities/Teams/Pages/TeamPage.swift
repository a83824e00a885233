import Foundation
import JibungotoDomain

/// A project team: its call, the viewer's own standing, and for the organizer and HR the
/// applicants and nominees side by side with the selection; members, meetings, the log, the end.
enum TeamPage {
    struct Content: Encodable, Sendable {
        let facts: [Fact]
        let purpose: String
        let closingReport: String?
        let myStatus: String?
        let nomination: Nomination?
        let withdrawHref: String?
        let applyForm: FormModel?
        let nominateHref: String?
        let suggestionsHref: String?
        /// Only for the organizer and HR.
        let selection: Selection?
        let members: [Member]
        let log: [LogRow]
        let logForm: FormModel?
        let closeForm: FormModel?
        let csrfToken: String
    }

    struct Fact: Encodable, Sendable {
        let label: String
        let value: String
    }

    /// A nomination waiting for the viewer's answer.
    struct Nomination: Encodable, Sendable {
        let text: String
        let reason: String
        let action: String
    }

    struct Selection: Encodable, Sendable {
        let action: String
        let error: String?
        let freeSeats: String
        let applicants: [CandidateRow]
        let nominees: [CandidateRow]
    }

    struct CandidateRow: Encodable, Sendable {
        let id: String
        let name: String
        let section: String
        let status: String
        let motivation: String
        let nominatedBy: String?
        let nominationReason: String?
        let isSelectable: Bool
    }

    struct Member: Encodable, Sendable {
        let name: String
        let section: String
        let route: String
        /// The manager's answer: shown to the organizer and HR only.
        let consent: String?
    }

    struct LogRow: Encodable, Sendable {
        let kind: String
        let date: String
        let place: String?
        let text: String
        let author: String
    }

    static func build(
        team: ProjectTeam, viewerNumber: StaffNumber, runs: Bool, canNominate: Bool, candidates: [ProjectTeamCandidate],
        mine: ProjectTeamCandidate?, people: [StaffMember], log: [ProjectTeamLogEntry], tree: OrganizationTree,
        forms: TeamPageForms, csrfToken: String, today: LocalDate, localizer: Localizer
    ) -> Content {
        let id = team.id ?? UUID()
        let byNumber = Dictionary(people.map { ($0.staffNumber, $0) }, uniquingKeysWith: { first, _ in first })
        let selected = candidates.filter { $0.status == .selected }
        let audience = team.audience.compactMap { tree.units[$0] }.map { localizer.text($0.localizedName) }
        var facts = [
            Fact(label: localizer.t("teams.field.sponsor"), value: TeamText.section(team.sponsorSectionCode, tree: tree, localizer: localizer)),
            Fact(label: localizer.t("teams.organizer"), value: TeamText.person(team.organizerStaffNumber, people: byNumber)),
            Fact(label: localizer.t("teams.periodLabel"), value: localizer.t("teams.period", localizer.date(team.startsOn), localizer.date(team.endsOn))),
            Fact(label: localizer.t("teams.field.seats"), value: localizer.t("teams.seatsFilled", String(selected.count), String(team.seats))),
            Fact(label: localizer.t("teams.windowLabel"), value: localizer.t("teams.window", localizer.date(team.applicationsOpenOn), localizer.date(team.applicationsCloseOn))),
            Fact(label: localizer.t("teams.field.audience"), value: audience.isEmpty ? localizer.t("teams.audienceAll") : localizer.list(audience)),
        ]
        if !team.themes.isEmpty { facts.append(Fact(label: localizer.t("teams.field.themes"), value: team.themes)) }
        if !team.wantedSkills.isEmpty { facts.append(Fact(label: localizer.t("teams.field.skills"), value: team.wantedSkills)) }
        if let closedOn = team.closedOn { facts.append(Fact(label: localizer.t("teams.closedOn"), value: localizer.date(closedOn))) }

        func row(_ candidate: ProjectTeamCandidate) -> CandidateRow {
            let member = byNumber[candidate.staffNumber]
            return CandidateRow(
                id: candidate.id?.uuidString ?? "", name: TeamText.person(candidate.staffNumber, people: byNumber),
                section: TeamText.section(member?.currentSectionCode, tree: tree, localizer: localizer),
                status: TeamText.status(candidate, today: today, localizer: localizer),
                motivation: candidate.motivation,
                nominatedBy: candidate.nominatedBy.map { TeamText.person($0, people: byNumber) },
                nominationReason: candidate.nominatedBy == nil ? nil : candidate.nominationReason,
                isSelectable: candidate.status == .candidate && !team.isClosed)
        }
        let selection: Selection? = runs ? Selection(
            action: ProjectTeamRoute.select(.id(id)).path, error: forms.selectionError,
            freeSeats: localizer.t("teams.freeSeats", count: max(0, team.seats - selected.count), String(max(0, team.seats - selected.count))),
            applicants: candidates.filter { $0.route == .applied }.map(row),
            nominees: candidates.filter { $0.route == .nominated }.map(row)) : nil
        let members = selected.map { candidate in
            Member(name: TeamText.person(candidate.staffNumber, people: byNumber),
                   section: TeamText.section(candidate.sectionCode, tree: tree, localizer: localizer),
                   route: localizer.t("participation.route.\(candidate.route.rawValue)"),
                   consent: runs ? candidate.consent(today: today).map { consentText($0, localizer: localizer) } : nil)
        }
        let nomination = mine.flatMap { mine -> Nomination? in
            guard mine.status == .awaitingNominee, !team.isClosed else { return nil }
            return Nomination(
                text: localizer.t("teams.youAreNominated", mine.nominatedBy.map { TeamText.person($0, people: byNumber) } ?? ""),
                reason: mine.nominationReason, action: ProjectTeamRoute.respond(.id(id)).path)
        }
        return Content(
            facts: facts, purpose: team.purpose, closingReport: team.closingReport,
            myStatus: mine.map { TeamText.status($0, today: today, localizer: localizer) },
            nomination: nomination,
            withdrawHref: mine?.status == .candidate && !team.isClosed ? ProjectTeamRoute.withdraw(.id(id)).path : nil,
            applyForm: forms.apply,
            nominateHref: canNominate ? ProjectTeamRoute.nominate(.id(id)).path : nil,
            suggestionsHref: runs && !team.isClosed ? ProjectTeamRoute.suggestions(.id(id)).path : nil,
            selection: selection, members: members,
            log: log.map { entry in
                LogRow(kind: localizer.t("teams.log.kind.\(entry.kind.rawValue)"), date: localizer.date(entry.heldOn),
                       place: entry.place.isEmpty ? nil : entry.place, text: entry.text,
                       author: TeamText.person(entry.authorStaffNumber, people: byNumber))
            },
            logForm: forms.log, closeForm: forms.close, csrfToken: csrfToken)
    }

    static func consentText(_ consent: TeamConsent, localizer: Localizer) -> String {
        switch consent {
        case .awaiting(let deadline): localizer.t("teams.consent.awaiting", localizer.date(deadline))
        case .consented: localizer.t("teams.consent.consented")
        case .deemedConsented: localizer.t("teams.consent.deemed")
        case .refused: localizer.t("teams.consent.refused")
        }
    }
}
