import Fluent
import FluentSQLiteDriver
import Leaf
import LeafKit
import SQLKit
import Vapor

/// The floor of the decided stack (Vapor, Fluent on SQLite, database sessions, Leaf), beside its
/// own plain-text ceiling, with none of Jibungoto's code: what a signed-in page costs before the
/// app does anything. `run.sh` here measures it; the README says why.
///
///   STACK_FLOOR_DATABASE=/tmp/floor.sqlite StackFloor serve --port 8083
@main
enum StackFloor {
    static func main() async throws {
        var environment = try Environment.detect()
        try LoggingSystem.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        do {
            try await configure(app)
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func configure(_ app: Application) async throws {
        let path = Environment.get("STACK_FLOOR_DATABASE") ?? "stack-floor.sqlite"
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
        app.migrations.add(SessionRecord.migration, CreatePeople())
        try await app.autoMigrate()
        try await Person.seed(count: 1_000, on: app.db)

        app.sessions.use { _ in ReadMostlySessions() }
        app.middleware.use(app.sessions.middleware)
        app.views.use(.leaf)
        let views = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Views").path + "/"
        app.leaf.sources = .singleSource(NIOLeafFiles(fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
                                                      sandboxDirectory: views, viewDirectory: views))
        app.leaf.cache.isEnabled = true

        // The ceiling: no database, no template (as the app's /livez).
        app.get("plain") { _ in "ok" }
        // A session is stored in the database, as the app's sign-in does.
        app.get("start") { request -> String in
            request.session.data["user"] = "P0001"
            return "ok"
        }
        // One row read by an indexed key (as a session or account lookup), as text.
        app.get("row") { request async throws -> String in
            guard let person = try await Person.query(on: request.db).filter(\.$number == "P0500").first() else { throw Abort(.notFound) }
            return person.name
        }
        // The same row through SQLKit without a Fluent model: what the model layer adds.
        app.get("row-sql") { request async throws -> String in
            guard let sql = request.db as? any SQLDatabase,
                  let name = try await sql.raw("SELECT name FROM people WHERE number = \(bind: "P0500")").first(decodingColumn: "name", as: String.self)
            else { throw Abort(.notFound) }
            return name
        }
        // A template of 20 table rows from one view model, no database.
        app.get("template") { request async throws -> View in
            try await request.view.render("list", ListPage(title: "職員一覧", people: Person.sample(count: 20)))
        }
        // The smallest signed-in list page: the session read from the database, 20 rows read,
        // the template rendered.
        app.get("page") { request async throws -> View in
            guard request.session.data["user"] != nil else { throw Abort(.unauthorized) }
            let people = try await Person.query(on: request.db).sort(\.$number).range(..<20).all()
            return try await request.view.render("list", ListPage(title: "職員一覧", people: people.map(ListPage.Row.init)))
        }
    }
}

/// Fluent's session records, written only when a request changed the session (the app's driver
/// does the same; Vapor's Fluent driver writes after every request).
struct ReadMostlySessions: AsyncSessionDriver {
    private struct ReadData: StorageKey { typealias Value = [String: String] }

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        let id = SessionID(string: Data([UInt8].random(count: 32)).base64EncodedString())
        try await SessionRecord(key: id, data: data).create(on: request.db)
        return id
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        let data = try await SessionRecord.query(on: request.db).filter(\.$key == sessionID).first()?.data
        request.storage[ReadData.self] = data?.snapshot
        return data
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        guard request.storage[ReadData.self] != data.snapshot else { return sessionID }
        try await SessionRecord.query(on: request.db).filter(\.$key == sessionID).set(\.$data, to: data).update()
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await SessionRecord.query(on: request.db).filter(\.$key == sessionID).delete()
    }
}

struct ListPage: Encodable {
    struct Row: Encodable {
        let number: String
        let name: String
        let section: String
        let hiredOn: String

        init(_ person: Person) {
            (number, name, section, hiredOn) = (person.number, person.name, person.section, person.hiredOn)
        }
    }

    let title: String
    let people: [Row]
}

final class Person: Model, @unchecked Sendable {
    static let schema = "people"

    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: String
    @Field(key: "name") var name: String
    @Field(key: "section") var section: String
    @Field(key: "hired_on") var hiredOn: String

    init() {}

    init(index: Int) {
        id = UUID()
        number = String(format: "P%04d", index)
        name = "職員 \(index)"
        section = "市民協働部 地域振興課 第\(index % 7 + 1)係"
        hiredOn = "平成\(index % 30 + 1)年4月1日"
    }

    static func sample(count: Int) -> [ListPage.Row] {
        (1...count).map { ListPage.Row(Person(index: $0)) }
    }

    static func seed(count: Int, on database: any Database) async throws {
        guard try await Person.query(on: database).count() == 0 else { return }
        try await (1...count).map(Person.init(index:)).create(on: database)
    }
}

struct CreatePeople: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Person.schema).id()
            .field("number", .string, .required).field("name", .string, .required)
            .field("section", .string, .required).field("hired_on", .string, .required)
            .unique(on: "number").create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Person.schema).delete()
    }
}
