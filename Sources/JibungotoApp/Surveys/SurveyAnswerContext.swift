import Fluent
import JibungotoDomain
import SQLKit
import Vapor

/// The person answering a survey: their place as frozen when it opened, and the dates and
/// employment type from the staff master that the sheet's age and service bands come from.
struct SurveyRespondent: Sendable {
    let staffNumber: StaffNumber
    let departmentCode: SectionCode
    /// Their 課 as frozen at opening (`SurveyTarget.divisionCode`).
    let divisionCode: String
    let birthDate: LocalDate
    let hireDate: LocalDate
    let employmentType: EmploymentType
}

/// What answering a survey needs, read in one statement: the survey, the signed-in person as a
/// respondent (nil when the survey does not ask them) and whether they have answered. Each page
/// of a survey asks this on every GET and POST, so it is one SQL statement read by column
/// instead of three Fluent queries and the staff record.
struct SurveyAnswerContext: Sendable {
    let survey: Survey
    let respondent: SurveyRespondent?
    let hasAnswered: Bool

    /// Nil when there is no such survey.
    static func load(surveyID: UUID, staffNumber: StaffNumber, on database: any Database) async throws -> SurveyAnswerContext? {
        guard let sql = database as? any SQLDatabase else { throw Abort(.internalServerError, reason: "surveys need an SQL database") }
        guard let row = try await sql.raw(statement(surveyID: surveyID, staffNumber: staffNumber)).first() else { return nil }
        var respondent: SurveyRespondent?
        // A target whose staff record is gone cannot be given age or service bands: not asked.
        if try row.decodeNil(column: "target_staff_number") == false, try row.decodeNil(column: "staff_birth_date") == false {
            respondent = SurveyRespondent(
                staffNumber: staffNumber,
                departmentCode: try row.decode(column: "target_department_code", as: SectionCode.self),
                divisionCode: try row.decode(column: "target_division_code", as: String.self),
                birthDate: try row.decode(column: "staff_birth_date", as: LocalDate.self),
                hireDate: try row.decode(column: "staff_hire_date", as: LocalDate.self),
                employmentType: try row.decode(column: "staff_employment_type", as: EmploymentType.self))
        }
        return SurveyAnswerContext(survey: try Survey(row: row), respondent: respondent, hasAnswered: try !row.decodeNil(column: "completed_by"))
    }

    /// The one statement. Left joins: the survey is found even when the person is not asked or
    /// has not answered. Each joined table is matched on the bound survey id, not on
    /// `surveys.id`: SQLite declares that column `UUID` and the completions' `BLOB`, and a
    /// comparison across the two affinities cannot use the completions' index, so every page
    /// would read every completion of every survey (`SurveyAnswerContextTests` reads the plan).
    static func statement(surveyID: UUID, staffNumber: StaffNumber) -> SQLQueryString {
        let (survey, target, staff, completion) = (Survey.schema, SurveyTarget.schema, StaffMember.schema, SurveyCompletion.schema)
        return """
            SELECT \(unsafeRaw: surveyColumns),
                \(unsafeRaw: target).staff_number AS target_staff_number, \(unsafeRaw: target).department_code AS target_department_code,
                \(unsafeRaw: target).division_code AS target_division_code,
                \(unsafeRaw: staff).birth_date AS staff_birth_date, \(unsafeRaw: staff).hire_date AS staff_hire_date,
                \(unsafeRaw: staff).employment_type AS staff_employment_type,
                \(unsafeRaw: completion).staff_number AS completed_by
            FROM \(unsafeRaw: survey)
            LEFT JOIN \(unsafeRaw: target) ON \(unsafeRaw: target).survey_id = \(bind: surveyID) AND \(unsafeRaw: target).staff_number = \(bind: staffNumber.rawValue)
            LEFT JOIN \(unsafeRaw: staff) ON \(unsafeRaw: staff).staff_number = \(unsafeRaw: target).staff_number
            LEFT JOIN \(unsafeRaw: completion) ON \(unsafeRaw: completion).survey_id = \(bind: surveyID) AND \(unsafeRaw: completion).staff_number = \(bind: staffNumber.rawValue)
            WHERE \(unsafeRaw: survey).id = \(bind: surveyID)
            """
    }

    /// `Survey.columns`, each with its table, joined once. SQLKit quotes each identifier it is
    /// given (`ident:`, `SQLColumn`) through a generic string replacement, and this statement had
    /// fifty of them on every GET and POST of the answer pages (`Benchmarks/load/README.md`). So
    /// its names are written as they are: the models' own table and column names (snake_case,
    /// none a reserved word), which need no quotes in SQLite or PostgreSQL.
    static let surveyColumns = Survey.columns.map { Survey.schema + "." + $0 }.joined(separator: ", ")
}
