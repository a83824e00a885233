import Fluent
@testable import JibungotoApp
import JibungotoDomain
import SQLKit
import Testing

/// Dates and statuses are typed at the model boundary: a stored value the app cannot read is an
/// error, never quietly the earliest date or a regular employee.
@Suite("Typed columns: bad stored values fail loudly")
struct TypedColumnTests {
    @Test("a hire date that is not a date, or an unknown employment type, makes loading fail")
    func badStoredValues() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let loaded = try await StaffMember.query(on: app.db).filter(\.$staffNumber == "D0001").first()
            #expect(loaded?.hireDate == LocalDate(year: 2019, month: 4, day: 1))
            #expect(loaded?.employmentType == .regular)

            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(StaffMember.schema).set("hire_date", to: "2019-13-45").where("staff_number", .equal, "D0001").run()
            await #expect(throws: (any Error).self) {
                _ = try await StaffMember.query(on: app.db).filter(\.$staffNumber == "D0001").first()
            }
            try await sql.update(StaffMember.schema).set("hire_date", to: "2019-04-01").set("employment_type", to: "contractor")
                .where("staff_number", .equal, "D0001").run()
            await #expect(throws: (any Error).self) {
                _ = try await StaffMember.query(on: app.db).filter(\.$staffNumber == "D0001").first()
            }
            // The other staff still load.
            #expect(try await StaffMember.query(on: app.db).filter(\.$staffNumber == "D0002").first()?.name == "石田 誠")
        }
    }

    @Test("statuses are stored as their names, so existing rows read as before")
    func statusesStoredAsNames() async throws {
        try await withTestApp { app in
            let survey = try await SurveyTests.openSurvey(on: app, k: 3, freeTextK: 3, attributes: "department")
            struct Row: Decodable { let status: String; let opens_on: String }
            let sql = try #require(app.db as? any SQLDatabase)
            let row = try #require(try await sql.select().column("status").column("opens_on").from(Survey.schema)
                .where("id", .equal, try survey.requireID()).first(decoding: Row.self))
            #expect(row.status == "open")
            #expect(row.opens_on == survey.opensOn.iso)
        }
    }
}
