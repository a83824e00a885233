import Fluent
import JibungotoDomain
import SQLKit

/// The placed staff with a submitted self-report in the given fiscal years' rounds who say
/// anything the suggestions can use (an interest in project teams, themes or skills), read in
/// one query as one text.
///
/// Each person is a header of plain fields (no field can hold the separator) followed by the
/// two free texts, each preceded by its length in characters, so that a text may hold any
/// character, separators included. SQL's `LENGTH` counts characters (Unicode scalars) on SQLite
/// and PostgreSQL alike, and the reading below counts the same way in the UTF-8 bytes (a scalar
/// is a byte that does not continue the one before).
enum SuggestionPeople {
    struct Row: Sendable {
        let staffNumber: String
        let sectionCode: String
        /// The round's deadline (ISO): the latest round's report is the one that counts.
        let deadline: String
        let wantsProjectTeams: Bool
        let isNewFace: Bool
        let themes: String
        let skills: String
    }

    struct Unreadable: Error, CustomStringConvertible {
        let position: Int
        var description: String { "the suggestions' people cannot be read at character \(position)" }
    }

    private static let separator = UInt8(ascii: "|")

    static func load(reportYears: ClosedRange<Int>, newFacesYears: ClosedRange<Int>, on sql: any SQLDatabase) async throws -> [Row] {
        let bar: SQLQueryString = "\(literal: String(UnicodeScalar(separator)))"
        let row = try await sql.raw("""
            SELECT string_agg(
                s.staff_number || \(bar) || s.current_section_code || \(bar) || c.deadline
                || \(bar) || CAST(CASE WHEN r.project_team_interest THEN 1 ELSE 0 END AS TEXT)
                || \(bar) || CAST(CASE WHEN EXISTS (SELECT 1 FROM \(ident: ParticipationTallies.schema) p
                        WHERE p.staff_number = s.staff_number AND p.fiscal_year BETWEEN \(bind: newFacesYears.lowerBound) AND \(bind: newFacesYears.upperBound))
                    THEN 0 ELSE 1 END AS TEXT)
                || \(bar) || CAST(LENGTH(r.project_team_themes) AS TEXT) || \(bar) || r.project_team_themes
                || \(bar) || CAST(LENGTH(r.skills) AS TEXT) || \(bar) || r.skills,
                \(bar)) AS people
            FROM \(ident: SelfReport.schema) r
            JOIN \(ident: SelfReportCycle.schema) c ON c.id = r.cycle_id
            JOIN \(ident: StaffMember.schema) s ON s.staff_number = r.staff_number
            WHERE r.submitted_at IS NOT NULL AND s.current_section_code IS NOT NULL
                AND c.fiscal_year BETWEEN \(bind: reportYears.lowerBound) AND \(bind: reportYears.upperBound)
                AND (r.project_team_interest OR r.project_team_themes <> '' OR r.skills <> '')
            """).first()
        let text = try row?.decode(column: "people", as: String?.self) ?? nil
        return try read(Array((text ?? "").utf8))
    }

    /// The rows of `load`'s text, given as its UTF-8 bytes.
    static func read(_ text: [UInt8]) throws -> [Row] {
        var position = 0
        func field() throws -> String {
            guard let end = text[position...].firstIndex(of: separator) else { throw Unreadable(position: position) }
            defer { position = end + 1 }
            return String(decoding: text[position..<end], as: UTF8.self)
        }
        func counted() throws -> String {
            guard var remaining = Int(try field()), remaining >= 0 else { throw Unreadable(position: position) }
            var end = position
            while remaining > 0, end < text.count {
                end += 1
                while end < text.count, text[end] & 0b1100_0000 == 0b1000_0000 { end += 1 }
                remaining -= 1
            }
            // The text is followed by the next separator, or by the end after the last person.
            guard remaining == 0, end == text.count || text[end] == separator else { throw Unreadable(position: end) }
            defer { position = end + 1 }
            return String(decoding: text[position..<end], as: UTF8.self)
        }
        func flag() throws -> Bool {
            switch try field() {
            case "1": return true
            case "0": return false
            default: throw Unreadable(position: position)
            }
        }
        var rows: [Row] = []
        while position < text.count {
            rows.append(Row(staffNumber: try field(), sectionCode: try field(), deadline: try field(), wantsProjectTeams: try flag(),
                            isNewFace: try flag(), themes: try counted(), skills: try counted()))
        }
        return rows
    }
}
