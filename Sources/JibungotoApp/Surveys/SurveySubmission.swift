import Fluent
import JibungotoDomain
import SQLKit
import Vapor

/// Storing one submission: the completion (who, which day) and the response (what, with coarse
/// attributes only) in one transaction; a second submission by the same person is refused by the
/// completion table's unique key, so no answer is ever stored twice.
enum SurveySubmission {
    enum Failure: Error { case alreadyAnswered, notOpen }

    static func store(_ values: [String: SurveyAnswerValue], survey: Survey, target: SurveyTarget, on database: any Database, today: LocalDate) async throws {
        let surveyID = try survey.requireID()
        let staffNumber = target.staffNumber
        guard target.surveyID == surveyID, let member = try await StaffMember.query(on: database).filter(\.$staffNumber == staffNumber).first()
        else { throw Abort(.forbidden) }
        let attributes = RespondentAttributes.snapshot(of: member.record, departmentCode: target.departmentCode.rawValue, sectionCode: target.divisionCode,
                                                       on: survey.opensOn, recording: Survey.sheetAttributes(survey.attributes))
        do {
            try await database.writeTransaction { database in
                // Still open, checked under the survey row's lock: closing writes the status first
                // and waits for this, so no answer is stored after the results were frozen.
                guard let sql = database as? any SQLDatabase,
                      try await !sql.raw("UPDATE surveys SET status = status WHERE id = \(bind: surveyID) AND status = \(bind: Survey.Status.open.rawValue) RETURNING id").all().isEmpty
                else { throw Failure.notOpen }
                let completion = SurveyCompletion()
                completion.surveyID = surveyID
                completion.staffNumber = staffNumber
                try await completion.create(on: database)
                let response = SurveyResponseRecord()
                response.id = UUID()
                response.surveyID = surveyID
                // No date on the sheet: the day is counted on its own (SurveyReleases.countAnswer).
                response.day = ""
                response.departmentCode = attributes.departmentCode
                response.ageBand = attributes.ageBand?.rawValue
                response.serviceBand = attributes.serviceBand?.rawValue
                response.employmentType = attributes.employmentType?.rawValue
                response.sectionCode = attributes.sectionCode
                response.namedStaffNumber = survey.isAnonymous ? nil : staffNumber.rawValue
                try await response.create(on: database)
                let responseID = try response.requireID()
                let rows = values.sorted { $0.key < $1.key }.flatMap { questionID, value in
                    StoredAnswer.rows(for: value).map { text in
                        let answer = SurveyAnswerRecord()
                        answer.id = UUID()
                        answer.responseID = responseID
                        answer.questionID = questionID
                        answer.value = text
                        return answer
                    }
                }
                if !rows.isEmpty { try await rows.create(on: database) }
                try await SurveyReleases.countAnswer(surveyID: surveyID, day: today, on: database)
                let counted = survey.questions.filter { $0.kind != .freeText }.map(\.id)
                try await SurveyAnswerTotals.add(SurveyAnswerTotals.countedValues(rows.map { ($0.questionID, $0.value) }, counted: Set(counted),
                                                                                  multipleChoice: survey.multipleChoiceQuestions),
                                                 surveyID: surveyID, attributes: attributes, on: database)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Failure.alreadyAnswered
        }
    }
}
