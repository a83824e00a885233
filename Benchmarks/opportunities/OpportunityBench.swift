import ArgumentParser
import Foundation
@testable import JibungotoApp

/// The Opportunities benchmark (`Benchmarks/opportunities/run.sh`), outside the shipped app: it
/// reaches the app's internals through `@testable import`, so `run.sh` builds with `-enable-testing`.
@main
struct OpportunityBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "OpportunityBench",
        abstract: "The fairness figures (and later the candidate suggestions) on a 50,000-staff city, beside a plain GROUP BY."
    )

    @Option(help: "A new SQLite file to fill (it must not exist); by default one in a temporary folder, removed afterwards.")
    var database: String?
    @Option(help: "Staff in the city.") var staff = 50_000
    @Option(help: "Ledger entries over three fiscal years.") var entries = 500_000
    @Option(help: "Timed runs of each measurement after one warm-up; the median is reported.") var repeats = 7

    func run() async throws {
        try Launcher.bootstrapLogging()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("opportunity-bench-\(UUID().uuidString)", isDirectory: true)
        if let database, FileManager.default.fileExists(atPath: database) {
            throw Launcher.Failure(description: "\(database) exists: the benchmark fills a new database, give a path that does not exist")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let settings = try Launcher.settings(databasePath: database ?? folder.appendingPathComponent("bench.sqlite").path, isDemo: false)
        let figures = try await OpportunityBenchmark.run(settings, staff: staff, entries: entries, repeats: repeats)
        print("database=\(settings.database.description) staff=\(figures.staff) entries=\(figures.entries) fiscal_year=\(figures.fiscalYear) setup_seconds=\(String(format: "%.1f", figures.setupSeconds))")
        print("figures: \(figures.summary)")
        print(String(format: "reference_group_by_ms=%.1f fairness_figures_ms=%.1f ratio=%.2f (limit 200 ms)",
                     figures.referenceSeconds * 1000, figures.fairnessSeconds * 1000, figures.fairnessSeconds / figures.referenceSeconds))
        if let suggestions = figures.suggestionsSeconds {
            print(String(format: "candidate_suggestions_ms=%.1f ratio=%.2f (limit 200 ms)", suggestions * 1000, suggestions / figures.referenceSeconds))
        } else {
            print("candidate_suggestions_ms=not measured yet (OpportunityBenchmark.timeSuggestions)")
        }
    }
}
