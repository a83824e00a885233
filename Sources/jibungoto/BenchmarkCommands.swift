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
