import Fluent
import JibungotoDomain
@testable import JibungotoApp

extension SurveySubmission {
    /// Stores answers as `staffNumber` without the pages (the storage the pages use), from that
    /// person's place in the survey's frozen target group, read as the answer route reads it.
    static func store(_ values: [String: SurveyAnswerValue], survey: Survey, staffNumber: StaffNumber, on database: any Database, today: LocalDate) async throws {
        let context = try await SurveyAnswerContext.load(surveyID: survey.requireID(), staffNumber: staffNumber, on: database)
        guard let respondent = context?.respondent else { throw TestSetupError.notATarget(staffNumber.rawValue) }
        try await store(values, survey: survey, respondent: respondent, on: database, today: today)
    }

    enum TestSetupError: Error { case notATarget(String) }
}
