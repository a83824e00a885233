import Fluent
import JibungotoDomain
import SQLKit

/// The placed staff with a submitted self-report in the given fiscal years' rounds who say
/// anything the suggestions can use (an interest in project teams, themes or skills), with which
/// of a team's words their themes and skills contain, read in one query (`PackedRows`).
///
/// The words are searched in the database, in the texts the self-report stored folded
/// (`CandidateSuggestions.folded`, migration 028): a city's 40,000 reports are neither sent to
/// the app nor folded on each visit.
enum SuggestionPeople {
    struct Row: Sendable {
        let staffNumber: String
        let sectionCode: String
        /// The round's deadline (ISO): the latest round's report is the one that counts.
        let deadline: String
        let wantsProjectTeams: Bool
        /// The team's theme words and skill words their self-report contains, in the team's order.
        let matchingThemes: [String]
        let matchingSkills: [String]
    }

    struct Unreadable: Error, CustomStringConvertible {
        let record: String
        var description: String { "a person of the suggestions cannot be read: \(record)" }
    }

    static func load(
        reportYears: ClosedRange<Int>, themes: [CandidateSuggestions.Term], skills: [CandidateSuggestions.Term],
        on sql: any SQLDatabase
    ) async throws -> [Row] {
        /// 1 or 0 for each word: whether the folded column contains it.
        func found(_ terms: [CandidateSuggestions.Term], in column: String) -> PackedRows.Field {
            guard !terms.isEmpty else { return "''" }
            var bits: SQLQueryString = ""
            for (index, term) in terms.enumerated() {
                let search: SQLQueryString = sql.dialect.name == "sqlite"
                    ? "instr(r.\(ident: column), \(bind: term.folded))" : "strpos(r.\(ident: column), \(bind: term.folded))"
                bits += "\(unsafeRaw: index == 0 ? "" : " || ")CASE WHEN \(search) > 0 THEN '1' ELSE '0' END"
            }
            return PackedRows.Field(bits, isText: false)
        }
        let rows = try await PackedRows.load(fields: [
            "s.staff_number", "s.current_section_code", "c.deadline",
            "CASE WHEN r.project_team_interest THEN 1 ELSE 0 END",
            found(themes, in: "project_team_themes_folded"),
            found(skills, in: "skills_folded"),
        ], """
            FROM \(ident: SelfReport.schema) r
            JOIN \(ident: SelfReportCycle.schema) c ON c.id = r.cycle_id
            JOIN \(ident: StaffMember.schema) s ON s.staff_number = r.staff_number
            WHERE r.submitted_at IS NOT NULL AND s.current_section_code IS NOT NULL
                AND c.fiscal_year BETWEEN \(bind: reportYears.lowerBound) AND \(bind: reportYears.upperBound)
                AND (r.project_team_interest OR r.project_team_themes <> '' OR r.skills <> '')
            """, on: sql)
        var people: [Row] = []
        try rows.forEach { record in
            guard let wants = record.flag(3), record.bytes(4).count == themes.count, record.bytes(5).count == skills.count
            else { throw Unreadable(record: record.description) }
            people.append(Row(
                staffNumber: record.text(0), sectionCode: record.text(1), deadline: record.text(2), wantsProjectTeams: wants,
                matchingThemes: words(themes, found: record.bytes(4)), matchingSkills: words(skills, found: record.bytes(5))))
        }
        return people
    }

    /// The words whose place in `found` holds a 1.
    private static func words(_ terms: [CandidateSuggestions.Term], found: UnsafeBufferPointer<UInt8>) -> [String] {
        guard found.contains(UInt8(ascii: "1")) else { return [] }
        return zip(terms, found).compactMap { $0.1 == UInt8(ascii: "1") ? $0.0.word : nil }
    }
}
