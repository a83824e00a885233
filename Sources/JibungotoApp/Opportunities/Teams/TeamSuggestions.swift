import Fluent
import JibungotoDomain
import SQLKit
import Vapor

/// Loads what the candidate suggestions need — every placed staff member of the team's audience
/// with their last submitted self-report's interests and skills, and whether they took part
/// across sections in the "new faces" years — and ranks them with the domain's
/// `CandidateSuggestions`. A city of 50,000 must be ranked within 200 ms
/// (`Benchmarks/opportunities`), so the words are searched in the database and the people
/// travel from it as one text (see `SuggestionPeople`).
enum TeamSuggestions {
    static func rank(
        for team: ProjectTeam, tree: OrganizationTree, settings: OpportunitySettings, limit: Int, today: LocalDate, on database: any Database
    ) async throws -> [CandidateSuggestions.Suggestion] {
        guard let sql = database as? any SQLDatabase else { throw ParticipationTallies.Unavailable() }
        let teamID = try team.requireID()
        let involved = try await ProjectTeamCandidate.query(on: database).filter(\.$team.$id == teamID).all()
        let excluded = Set(involved.map(\.staffNumber) + [team.organizerStaffNumber])
        var departmentOf: [SectionCode: SectionCode] = [:]
        func department(_ section: SectionCode) -> SectionCode? {
            if let known = departmentOf[section] { return known }
            let found = tree.department(of: section)?.code
            departmentOf[section] = found
            return found
        }
        let onTeam = Set(involved.filter { [.candidate, .selected, .awaitingNominee].contains($0.status) }.compactMap { $0.sectionCode.flatMap(department) })
            .union(try await involvedDepartments(involved.filter { $0.sectionCode == nil }.map(\.staffNumber), tree: tree, on: database))

        let thisYear = today.fiscalYear.startYear
        let themes = CandidateSuggestions.terms(team.themes), skills = CandidateSuggestions.terms(team.wantedSkills)
        // The last two fiscal years' rounds: an older self-report says little about today's interests.
        let reports = try await SuggestionPeople.load(reportYears: (thisYear - 1)...thisYear, themes: themes, skills: skills, on: sql)
        let recentParticipants = try await ParticipationLedger.participants(
            inFiscalYears: (thisYear - settings.newFacesYears + 1)...thisYear, on: sql)
        var latest: [String: SuggestionPeople.Row] = [:]
        latest.reserveCapacity(reports.count)
        for report in reports where (latest[report.staffNumber]?.deadline ?? "") < report.deadline { latest[report.staffNumber] = report }

        var people: [CandidateSuggestions.Person] = []
        people.reserveCapacity(latest.count)
        for report in latest.values {
            let number = StaffNumber(report.staffNumber)
            guard !excluded.contains(number) else { continue }
            let dept = department(SectionCode(report.sectionCode))
            guard team.isOpen(toDepartment: dept) else { continue }
            people.append(CandidateSuggestions.Person(
                staffNumber: number, departmentCode: dept, wantsProjectTeams: report.wantsProjectTeams,
                matchingThemes: report.matchingThemes, matchingSkills: report.matchingSkills,
                isNewFace: !recentParticipants.contains(report.staffNumber)))
        }
        let weights = CandidateSuggestions.Weights(interest: settings.interestWeight, skills: settings.skillsWeight,
                                                   sectionVariety: settings.sectionVarietyWeight, newFaces: settings.newFacesWeight)
        return CandidateSuggestions.rank(people, themes: themes, wantedSkills: skills, departmentsOnTeam: onTeam, weights: weights, limit: limit)
    }

    /// Departments of candidates not yet selected (their section is recorded only at selection).
    private static func involvedDepartments(_ numbers: [StaffNumber], tree: OrganizationTree, on database: any Database) async throws -> Set<SectionCode> {
        guard !numbers.isEmpty else { return [] }
        let staff = try await StaffMember.query(on: database).filter(\.$staffNumber ~~ numbers).all()
        return Set(staff.compactMap { $0.currentSectionCode.flatMap { tree.department(of: $0)?.code } })
    }
}
