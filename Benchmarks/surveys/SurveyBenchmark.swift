import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import SQLKit

/// The results-page benchmark (`SurveyBench results`): a survey with N respondents ×
/// Q questions, timing what the results page computes (counts, suppression, summaries of every
/// question in every shown cell) against the plain GROUP BY it is built on, in the same run.
enum SurveyBenchmark {
    struct Figures: Sendable {
        let respondents: Int
        let questions: Int
        let answerRows: Int
        let loadSeconds: Double
        let referenceSeconds: Double
        let resultsSeconds: Double
    }

    static func run(_ settings: AppSettings, respondents: Int, questionCount: Int, repeats: Int = 5) async throws -> Figures {
        var figures: Figures?
        try await Launcher.withApplication(settings) { app in
            let database = app.db
            let started = ContinuousClock.now
            let survey = try await makeSurvey(respondents: respondents, questionCount: questionCount, on: database)
            let loadSeconds = seconds(since: started)
            let surveyID = try survey.requireID()
            guard let sql = database as? any SQLDatabase else { return }
            var reference: [Double] = [], results: [Double] = []
            for _ in 0..<repeats {
                let start = ContinuousClock.now
                _ = try await sql.raw("""
                    SELECT r.department_code, r.age_band, r.service_band, a.question_id, a.value, COUNT(*) AS n
                    FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
                    WHERE r.survey_id = \(bind: surveyID)
                    GROUP BY r.department_code, r.age_band, r.service_band, a.question_id, a.value
                    """).all()
                reference.append(seconds(since: start))
                let pageStart = ContinuousClock.now
                // The release computed when a survey closes: counts, one suppression, every summary.
                _ = try SurveyReleaseBuilder.build(try await SurveyReleases.input(for: survey, withResults: true, on: database, today: AppClock.system.today))
                results.append(seconds(since: pageStart))
            }
            figures = Figures(respondents: respondents, questions: questionCount, answerRows: respondents * questionCount,
                              loadSeconds: loadSeconds, referenceSeconds: median(reference), resultsSeconds: median(results))
        }
        guard let figures else { throw Launcher.Failure(description: "benchmark needs an SQL database") }
        return figures
    }

    private static func makeSurvey(respondents: Int, questionCount: Int, on database: any Database) async throws -> Survey {
        let bank = SurveyQuestionBank.all.filter { $0.kind == .likert5 }
        let questions = (0..<questionCount).map { index -> SurveyQuestion in
            var question = bank[index % bank.count]
            question.id = "bench.\(index)"
            return question
        }
        let survey = Survey()
        survey.series = "benchmark"
        survey.fiscalYear = 2026
        survey.titleJa = "ベンチマーク"
        survey.titleEn = "Benchmark"
        survey.descriptionText = ""
        survey.opensOn = LocalDate(year: 2026, month: 11, day: 1)!
        survey.closesOn = LocalDate(year: 2026, month: 11, day: 30)!
        survey.isAnonymous = true
        survey.targetDepartments = ""
        survey.targetEmploymentTypes = ""
        survey.reportingAttributes = "ageBand,department,serviceBand"
        survey.k = 5
        survey.freeTextK = 10
        survey.targetRate = 0.8
        survey.questions = questions
        survey.status = .closed
        survey.organizationFiscalYear = 2026
        survey.createdBy = "BENCH"
        try await survey.create(on: database)
        let surveyID = try survey.requireID()
        let departments = (10...21).map(String.init)
        let ages = AgeBand.allCases.map(\.rawValue), services = ServiceBand.allCases.map(\.rawValue)
        try await database.transaction { database in
            // The organization the release checks its cells against: a department with one division each.
            let units = departments.flatMap { department in [
                SectionRecord(code: SectionCode(department), nameJa: "部\(department)", nameEn: "Department \(department)", kind: .department, parentCode: nil,
                              isCollaborationPost: false, district: nil, authorizedHeadcount: 0, isManagerial: true),
                SectionRecord(code: SectionCode(department + "10"), nameJa: "課\(department)", nameEn: "Division \(department)", kind: .division, parentCode: SectionCode(department),
                              isCollaborationPost: false, district: nil, authorizedHeadcount: 0, isManagerial: true),
            ] }
            try await ChunkedInsert.create(units.map { OrganizationUnit(fiscalYear: 2026, record: $0) }, on: database)
            var generator = SeededGenerator(seed: 42)
            var targets: [SurveyTarget] = []
            for index in 0..<(respondents * 5 / 4) {
                let target = SurveyTarget()
                target.surveyID = surveyID
                target.staffNumber = "B\(index)"
                target.departmentCode = SectionCode(departments[index % departments.count])
                target.sectionCode = SectionCode(target.departmentCode.rawValue + "10")
                targets.append(target)
            }
            try await ChunkedInsert.create(targets, on: database)
            for batch in stride(from: 0, to: respondents, by: 1_000) {
                var responses: [SurveyResponseRecord] = [], answers: [SurveyAnswerRecord] = []
                for index in batch..<min(respondents, batch + 1_000) {
                    let response = SurveyResponseRecord()
                    response.id = UUID()
                    response.surveyID = surveyID
                    response.day = "2026-11-0\(1 + index % 9)"
                    response.departmentCode = departments[index % departments.count]
                    response.ageBand = ages[Int.random(in: 0..<ages.count, using: &generator)]
                    response.serviceBand = services[Int.random(in: 0..<services.count, using: &generator)]
                    responses.append(response)
                    for question in questions {
                        let answer = SurveyAnswerRecord()
                        answer.id = UUID()
                        answer.responseID = response.id!
                        answer.questionID = question.id
                        answer.value = String(Int.random(in: 1...5, using: &generator))
                        answers.append(answer)
                    }
                }
                try await ChunkedInsert.create(responses, on: database)
                try await ChunkedInsert.create(answers, on: database)
                try await SurveyAnswerTotals.insert(for: responses, answers: answers, countedQuestions: Set(questions.map(\.id)), on: database)
            }
            // Who answered (the first `respondents` targets), as submissions mark them.
            try await ChunkedInsert.create((0..<respondents).map { index in
                let completion = SurveyCompletion()
                completion.id = UUID()
                completion.surveyID = surveyID
                completion.staffNumber = "B\(index)"
                return completion
            }, on: database)
            // The answers per day, as submissions count them (the release checks they add up).
            let perDay = Dictionary(grouping: 0..<respondents) { "2026-11-0\(1 + $0 % 9)" }.mapValues(\.count)
            try await ChunkedInsert.create(perDay.map { day, count in
                let row = SurveyDailyCount()
                row.surveyID = surveyID
                row.day = day
                row.count = SurveyCounter.zero + count
                return row
            }, on: database)
        }
        return survey
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}

extension SurveyBenchmark {
    /// For the submission load test: `count` accounts (role staff, one password) for target staff
    /// of the newest open survey who have not answered yet. Returns the survey id and their numbers.
    static func prepareSubmitters(_ settings: AppSettings, count: Int, password: String) async throws -> (UUID, [String]) {
        var result: (UUID, [String])?
        try await Launcher.withApplication(settings) { app in
            guard let survey = try await Survey.query(on: app.db).filter(\.$status == .open).sort(\.$opensOn, .descending).first() else {
                throw Launcher.Failure(description: "no open survey: run `jibungoto demo` on this database first")
            }
            let surveyID = try survey.requireID()
            let answered = Set(try await SurveyCompletion.query(on: app.db).filter(\.$surveyID == surveyID).all(\.$staffNumber))
            let existing = Set(try await User.query(on: app.db).all(\.$staffNumber))
            let targets = try await SurveyTarget.query(on: app.db).filter(\.$surveyID == surveyID).sort(\.$staffNumber).all(\.$staffNumber)
                .filter { !answered.contains($0) && !existing.contains($0) }.prefix(count)
            guard targets.count == count else { throw Launcher.Failure(description: "only \(targets.count) unanswered targets without an account") }
            let hash = try await app.password.async.hash(password)
            let staff = try await StaffMember.query(on: app.db).filter(\.$staffNumber ~~ Array(targets)).all()
            try await app.db.transaction { database in
                for member in staff {
                    let user = User(staffNumber: member.staffNumber, displayName: member.name, passwordHash: hash)
                    try await user.create(on: database)
                    try await UserRole(userID: try user.requireID(), role: .staff).create(on: database)
                }
            }
            result = (surveyID, targets.map(\.rawValue))
        }
        guard let result else { throw Launcher.Failure(description: "no result") }
        return result
    }
}
