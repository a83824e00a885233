import Foundation
import Testing

/// Every transaction of the app is a `writeTransaction` (Platform/Storage/WriteTransaction.swift):
/// one written as Fluent's plain `transaction` would fail on SQLite whenever it reads before it
/// writes and someone else saves meanwhile. Shipped migrations are never edited, and run before
/// the server serves anyone.
@Suite("Write transactions: the one way the app writes several rows")
struct WriteTransactionRuleTests {
    @Test("no source file opens a plain Fluent transaction")
    func noPlainTransactions() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/JibungotoApp")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.allObjects as? [URL])
        let swiftFiles = files.filter { $0.pathExtension == "swift" }
        #expect(swiftFiles.count > 100)
        var offenders: [String] = []
        for file in swiftFiles where file.lastPathComponent != "WriteTransaction.swift" && !file.pathComponents.contains("Migrations") {
            let text = try String(contentsOf: file, encoding: .utf8)
            if text.contains(".transaction {") || text.contains(".transaction({") { offenders.append(file.lastPathComponent) }
        }
        #expect(offenders == [])
        let uses = try swiftFiles.map { try String(contentsOf: $0, encoding: .utf8).components(separatedBy: ".writeTransaction {").count - 1 }.reduce(0, +)
        #expect(uses > 50)
    }
}
