import Fluent
import JibungotoDomain
import SQLKit
import Vapor

/// Loads what the candidate suggestions need — every placed staff member of the team's audience,
/// their last submitted self-report's interests and skills, and the ledger's recent participants —
/// and ranks them with the domain's `CandidateSuggestions`. Plain SQL with only the needed
/// columns: a city of 50,000 is ranked in well under a second (Benchmarks/opportunities).
enum TeamSuggestions {
    static func rank(
        for team: ProjectTeam, tree: OrganizationTree, settings: OpportunitySettings, limit: Int, today: LocalDate, on database: any Database
    ) async throws -> [CandidateSuggestions.Suggestion] {
        guard let sql = database as? any SQLDatabase else { return [] }
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

        struct Placed: Decodable { let staff_number: String; let current_section_code: String }
        let placed = try await sql.select().column("staff_number").column("current_section_code").from(StaffMember.schema)
            .where("current_section_code", .isNot, SQLLiteral.null).all(decoding: Placed.self)

        struct Report: Decodable { let staff_number: String; let project_team_interest: Bool; let project_team_themes: String; let skills: String; let deadline: String }
        // The last two fiscal years' rounds: an older self-report says little about today's interests.
        let reports = try await sql.select()
            .column(SQLColumn("staff_number", table: "r")).column(SQLColumn("project_team_interest", table: "r"))
            .column(SQLColumn("project_team_themes", table: "r")).column(SQLColumn("skills", table: "r")).column(SQLColumn("deadline", table: "c"))
            .from(SQLAlias(SQLIdentifier(SelfReport.schema), as: SQLIdentifier("r")))
            .join(SQLAlias(SQLIdentifier(SelfReportCycle.schema), as: SQLIdentifier("c")), method: SQLJoinMethod.inner,
                  on: SQLColumn("cycle_id", table: "r"), .equal, SQLColumn("id", table: "c"))
            .where(SQLColumn("submitted_at", table: "r"), .isNot, SQLLiteral.null)
            .where(SQLColumn("fiscal_year", table: "c"), .greaterThanOrEqual, SQLBind(today.fiscalYear.startYear - 1))
            .all(decoding: Report.self)
        var latest: [String: Report] = [:]
        for report in reports where (latest[report.staff_number]?.deadline ?? "") < report.deadline { latest[report.staff_number] = report }

        let thisYear = today.fiscalYear.startYear
        let recent = try await ParticipationLedger.participants(inFiscalYears: (thisYear - settings.newFacesYears + 1)...thisYear, on: sql)
        var people: [CandidateSuggestions.Person] = []
        people.reserveCapacity(placed.count)
        for row in placed {
            let number = StaffNumber(row.staff_number)
            guard !excluded.contains(number), let report = latest[row.staff_number] else { continue }
            let dept = department(SectionCode(row.current_section_code))
            guard team.isOpen(toDepartment: dept) else { continue }
            people.append(CandidateSuggestions.Person(
                staffNumber: number, departmentCode: dept, wantsProjectTeams: report.project_team_interest,
                themesText: report.project_team_themes, skillsText: report.skills, isNewFace: !recent.contains(number)))
        }
        let weights = CandidateSuggestions.Weights(interest: settings.interestWeight, skills: settings.skillsWeight,
                                                   sectionVariety: settings.sectionVarietyWeight, newFaces: settings.newFacesWeight)
        return CandidateSuggestions.rank(people, themes: team.themes, wantedSkills: team.wantedSkills, departmentsOnTeam: onTeam, weights: weights, limit: limit)
    }

    /// Departments of candidates not yet selected (their section is recorded only at selection).
    private static func involvedDepartments(_ numbers: [StaffNumber], tree: OrganizationTree, on database: any Database) async throws -> Set<SectionCode> {
        guard !numbers.isEmpty else { return [] }
        let staff = try await StaffMember.query(on: database).filter(\.$staffNumber ~~ numbers).all()
        return Set(staff.compactMap { $0.currentSectionCode.flatMap { tree.department(of: $0)?.code } })
    }
}
