import Vapor
import Fluent
import Foundation
@testable import JibungotoApp
import Testing

/// Migrations run in one global order and a shipped migration never changes: a database that ran
/// it once would never see the edit. The lock file lists each migration file's number, SHA-256
/// and path; adding a migration means appending it to `ShippedMigrations.all` under the next
/// number and appending its line to the lock.
@Suite("Shipped migrations: one global order, never edited")
struct ShippedMigrationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct LockedFile: Equatable, CustomStringConvertible {
        let number: Int
        let hash: String
        let path: String
        var description: String { String(format: "%03d", number) + " \(hash) \(path)" }
    }

    static func lockedFiles() throws -> [LockedFile] {
        let text = try String(contentsOf: repository.appendingPathComponent("Tests/shipped-migrations.sha256"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let parts = line.split(separator: " ").map(String.init)
            try #require(parts.count == 3, "malformed lock line: \(line)")
            return LockedFile(number: try #require(Int(parts[0])), hash: parts[1], path: parts[2])
        }
    }

    static func migrationFiles() throws -> [LockedFile] {
        let sources = repository.appendingPathComponent("Sources/JibungotoApp")
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var files: [LockedFile] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let components = url.pathComponents
            guard components.count >= 3, components[components.count - 3] == "Migrations" else { continue }
            let number = try #require(Int(components[components.count - 2]), "a migration file outside a numbered folder: \(url.path)")
            let data = try Data(contentsOf: url)
            let hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            let path = String(url.path.dropFirst(repository.path.count + 1))
            files.append(LockedFile(number: number, hash: hash, path: path))
        }
        return files.sorted { ($0.number, $0.path) < ($1.number, $1.path) }
    }

    @Test("every migration file is in the lock unchanged, and the lock names no missing file")
    func filesMatchTheLock() throws {
        let files = try Self.migrationFiles()
        let locked = try Self.lockedFiles()
        #expect(files.count == 30)
        for file in files {
            let entry = locked.first { $0.path == file.path }
            #expect(entry != nil, "new migration file: append this line to Tests/shipped-migrations.sha256 — \(file)")
            if let entry {
                #expect(entry == file, "\(file.path) was edited after it shipped; add a new migration instead")
            }
        }
        for entry in locked where !files.contains(where: { $0.path == entry.path }) {
            Issue.record("\(entry.path) is locked but missing: a shipped migration may not be removed or moved")
        }
    }

    @Test("each migration's folder number is its place in the one global order")
    func folderNumbersAreTheOrder() throws {
        let files = try Self.migrationFiles()
        let all = ShippedMigrations.all
        #expect(all.count == 31)
        #expect(all.first?.name == SessionRecord.migration.name, "001 is Fluent's own session table")
        for (index, migration) in all.enumerated().dropFirst() {
            let typeName = String(describing: type(of: migration))
            let declaring = try files.filter { file in
                let text = try String(contentsOf: Self.repository.appendingPathComponent(file.path), encoding: .utf8)
                return text.contains("struct \(typeName):")
            }
            #expect(declaring.map(\.number) == [index + 1], "\(typeName) is number \(index + 1) in ShippedMigrations.all")
        }
        #expect(Set(all.map(\.name)).count == all.count, "a migration is listed twice")
    }
}
