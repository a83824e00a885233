import ArgumentParser
import Foundation
import JibungotoApp
import JibungotoDomain

extension ImportKind: ExpressibleByArgument {}
extension CSVTextEncoding: ExpressibleByArgument {}

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a staff or assignments CSV from a personnel-payroll system.",
        discussion: """
        Shift_JIS (CP932) or UTF-8 with or without BOM, detected automatically. Every bad row is \
        reported with its line number; nothing is written unless the whole file is valid. \
        Exit status: 0 when valid, 1 when the file has errors, 2 on a setup problem.
        """
    )

    @Argument(help: "What the file holds: staff or assignments.")
    var kind: ImportKind
    @Argument(help: "The CSV file.")
    var file: String
    @Flag(help: "Check the file and report, writing nothing.")
    var dryRun = false
    @Option(help: "Character encoding: auto, utf8 or cp932.")
    var encoding: CSVTextEncoding = .auto
    @Option(help: "Language of the messages: ja or en.")
    var language = "ja"
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let settings = try await databaseOptions.settings(defaultPath: "jibungoto.sqlite", isDemo: false)
        let outcome = try await reportingFailures {
            try await Launcher.importFile(settings, kind: kind, path: file, dryRun: dryRun, encoding: encoding, language: language)
        }
        for line in outcome.issues {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        outcome.summary.forEach { print($0) }
        if !outcome.succeeded { throw ExitCode(1) }
    }
}
