import ArgumentParser
import Foundation
@testable import JibungotoApp

/// The survey benchmarks (`Benchmarks/surveys/run.sh`), outside the shipped app: they reach the
/// app's internals through `@testable import`, so `run.sh` builds with `-enable-testing`.
@main
struct SurveyBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "SurveyBench",
        abstract: "Survey benchmarks: the results computation, and accounts for the submission load.",
        subcommands: [Results.self, Submitters.self]
    )

    /// The results computation against a plain GROUP BY on the same data (use a scratch database).
    struct Results: AsyncParsableCommand {
        @Option(help: "SQLite file (a scratch one: it is filled with benchmark data).") var database = "bench-surveys.sqlite"
        @Option(help: "Respondents.") var respondents = 50_000
        @Option(help: "Questions (5-point scale).") var questions = 40

        func run() async throws {
            try Launcher.bootstrapLogging()
            let settings = try Launcher.settings(databasePath: database, isDemo: false)
            let figures = try await SurveyBenchmark.run(settings, respondents: respondents, questionCount: questions)
            print("respondents=\(figures.respondents) questions=\(figures.questions) answer_rows=\(figures.answerRows) load_seconds=\(String(format: "%.1f", figures.loadSeconds))")
            print(String(format: "reference_group_by_seconds=%.3f results_seconds=%.3f ratio=%.2f", figures.referenceSeconds, figures.resultsSeconds, figures.resultsSeconds / figures.referenceSeconds))
        }
    }

    /// Accounts for N staff who have not answered the open survey (use a demo database).
    struct Submitters: AsyncParsableCommand {
        @Option(help: "SQLite file holding the demo city.") var database = "demo.sqlite"
        @Option(help: "How many submitters.") var count = 200
        @Option(help: "Their password.") var password = "bench-password-1"

        func run() async throws {
            try Launcher.bootstrapLogging()
            let settings = try Launcher.settings(databasePath: database, isDemo: false)
            let (surveyID, numbers) = try await SurveyBenchmark.prepareSubmitters(settings, count: count, password: password)
            print(surveyID.uuidString.lowercased())
            numbers.forEach { print($0) }
        }
    }
}
