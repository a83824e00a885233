import Fluent
import JibungotoDomain
@testable import JibungotoApp

extension SurveySubmission {
    /// Stores answers as `staffNumber` without the pages (the storage the pages use), from that
    /// person's row in the survey's frozen target group, as the answer route finds it.
    static func store(_ values: [String: SurveyAnswerValue], survey: Survey, staffNumber: StaffNumber, on database: any Database, today: LocalDate) async throws {
        let target = try await SurveyTarget.query(on: database).filter(\.$surveyID == survey.requireID()).filter(\.$staffNumber == staffNumber).first()
        guard let target else { throw TestSetupError.notATarget(staffNumber.rawValue) }
        try await store(values, survey: survey, target: target, on: database, today: today)
    }

    enum TestSetupError: Error { case notATarget(String) }
}
