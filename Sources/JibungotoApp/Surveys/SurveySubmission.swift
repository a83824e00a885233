import Fluent
import JibungotoDomain
import SQLKit
import Vapor

/// Storing one submission: the completion (who, with no date) and the response (what, with coarse
/// attributes only) in one transaction; a second submission by the same person is refused by the
/// completion table's unique key, so no answer is ever stored twice.
enum SurveySubmission {
    enum Failure: Error { case alreadyAnswered, notOpen }

    /// Every statement is SQL written by column (a survey week runs this once per person, all
    /// at once): the completion with the open check, the sheet, its answers, the day's count and
    /// the answer totals.
    static func store(_ values: [String: SurveyAnswerValue], survey: Survey, respondent: SurveyRespondent, on database: any Database, today: LocalDate) async throws {
        let surveyID = try survey.requireID()
        let staffNumber = respondent.staffNumber
        let attributes = RespondentAttributes.snapshot(
            birthDate: respondent.birthDate, hireDate: respondent.hireDate, employmentType: respondent.employmentType,
            departmentCode: respondent.departmentCode.rawValue, sectionCode: respondent.divisionCode,
            on: survey.opensOn, recording: Survey.sheetAttributes(survey.attributes))
        let answers = values.sorted { $0.key < $1.key }.flatMap { questionID, value in StoredAnswer.rows(for: value).map { (questionID: questionID, value: $0) } }
        do {
            try await database.writeTransaction { database in
                guard let sql = database as? any SQLDatabase else { throw AnonymousTable.Unsupported() }
                // The completion is written only while the survey is open, read under a lock that
                // closing waits for (closing writes the status first), so no answer is stored after
                // the results were frozen. SQLite: the write holds the file's one write lock.
                // PostgreSQL: the survey row's lock, the one an update takes. A share lock would let
                // submissions overlap, but new ones would keep jumping ahead of a waiting close, and
                // they meet on the day's counter row anyway.
                let rowLock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR NO KEY UPDATE" : ""
                guard try await !sql.raw("""
                    INSERT INTO \(ident: SurveyCompletion.schema) (id, survey_id, staff_number)
                    SELECT \(bind: UUID()), \(bind: surveyID), \(bind: staffNumber.rawValue) FROM \(ident: Survey.schema)
                    WHERE id = \(bind: surveyID) AND status = \(bind: Survey.Status.open.rawValue)\(rowLock) RETURNING id
                    """).all().isEmpty
                else { throw Failure.notOpen }
                // A random id; no date on the sheet: the day is counted on its own (SurveyReleases.countAnswer).
                let responseID = UUID()
                try await sql.insert(into: SurveyResponseRecord.schema)
                    .columns("id", "survey_id", "day", "department_code", "age_band", "service_band", "employment_type", "section_code", "named_staff_number")
                    .values(SQLBind(responseID), SQLBind(surveyID), SQLBind(""), SQLBind(attributes.departmentCode), SQLBind(attributes.ageBand?.rawValue),
                            SQLBind(attributes.serviceBand?.rawValue), SQLBind(attributes.employmentType?.rawValue), SQLBind(attributes.sectionCode),
                            SQLBind(survey.isAnonymous ? nil : staffNumber.rawValue))
                    .run()
                // In chunks that stay below every database's limit of bound values per statement.
                for chunk in answers.chunked(into: 500) {
                    var insert = sql.insert(into: SurveyAnswerRecord.schema).columns("id", "response_id", "question_id", "value")
                    for answer in chunk { insert = insert.values(SQLBind(UUID()), SQLBind(responseID), SQLBind(answer.questionID), SQLBind(answer.value)) }
                    try await insert.run()
                }
                try await SurveyReleases.countAnswer(surveyID: surveyID, day: today, on: database)
                let counted = survey.questions.filter { $0.kind != .freeText }.map(\.id)
                try await SurveyAnswerTotals.add(SurveyAnswerTotals.countedValues(answers, counted: Set(counted), multipleChoice: survey.multipleChoiceQuestions),
                                                 surveyID: surveyID, attributes: attributes, on: database)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Failure.alreadyAnswered
        }
    }
}
