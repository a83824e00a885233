import ArgumentParser
import Foundation
import JibungotoApp

/// `jibungoto bench-survey-results`: see Benchmarks/surveys/run.sh.
struct SurveyResultsBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-survey-results",
        abstract: "Benchmark: the survey results computation against a plain GROUP BY (use a scratch --database).",
        shouldDisplay: false
    )

    @OptionGroup var databaseOptions: DatabaseOptions
    @Option(help: "Respondents.") var respondents = 50_000
    @Option(help: "Questions (5-point scale).") var questions = 40

    func run() async throws {
        let settings = try await databaseOptions.settings(defaultPath: "bench-surveys.sqlite", isDemo: false)
        let figures = try await reportingFailures {
            try await SurveyBenchmark.run(settings, respondents: respondents, questionCount: questions)
        }
        print("respondents=\(figures.respondents) questions=\(figures.questions) answer_rows=\(figures.answerRows) load_seconds=\(String(format: "%.1f", figures.loadSeconds))")
        print(String(format: "reference_group_by_seconds=%.3f results_seconds=%.3f ratio=%.2f", figures.referenceSeconds, figures.resultsSeconds, figures.resultsSeconds / figures.referenceSeconds))
    }
}

/// `jibungoto bench-survey-submitters`: accounts for the submission load test (Benchmarks/surveys).
struct SurveySubmittersBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-survey-submitters",
        abstract: "Benchmark setup: accounts for N staff who have not answered the open survey (use a demo --database).",
        shouldDisplay: false
    )

    @OptionGroup var databaseOptions: DatabaseOptions
    @Option(help: "How many submitters.") var count = 200
    @Option(help: "Their password.") var password = "bench-password-1"

    func run() async throws {
        let settings = try await databaseOptions.settings(defaultPath: "demo.sqlite", isDemo: false)
        let (surveyID, numbers) = try await reportingFailures {
            try await SurveyBenchmark.prepareSubmitters(settings, count: count, password: password)
        }
        print(surveyID.uuidString.lowercased())
        numbers.forEach { print($0) }
    }
}
