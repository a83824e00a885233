import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import Testing
import Vapor

/// Routes that decode a form type (`request.content.decode`) read the body with the domain's
/// reader, the one `Fuzz/` checks, not Vapor's decoder; upload bodies pass the header check the
/// multipart fuzzer found was needed.
@Suite("Every form type is read by the reader the fuzzer checks")
struct FormDecodingTests {
    @Test("a + before a combining mark is a space, and a checkbox value keeps its comma")
    func decodedFormsUseTheDomainReader() async throws {
        try await SurveyAnonymityTests().withOpenSurvey { app, _ in
            let daily = SurveyDailyWorkTests()
            let survey = try await daily.draft(on: app, title: "設定テスト", opensOn: TestClock.today, questions: [SurveyTests.likertA])
            let id = try survey.requireID()
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let path = SurveysRoute.settings(.id(id)).path
            _ = try await hr.get(path)
            // 職員+◌҃調査: Vapor's decoder replaced `+` character by character and kept this one.
            let title = "title_ja=%E8%81%B7%E5%93%A1+%D2%83%E8%AA%BF%E6%9F%BB"
            let body = hr.formBody(daily.settingsForm(title: "置き換え")).replacingOccurrences(of: "title_ja=%E7%BD%AE%E3%81%8D%E6%8F%9B%E3%81%88", with: title)
            #expect(body.contains(title))
            let saved = try await hr.post(path, body: body)
            #expect(saved.status == .seeOther)
            let stored = try #require(try await Survey.find(id, on: app.db))
            #expect(stored.titleJa == "職員 \u{0483}調査")
        }
    }

    @Test("values of a repeated field are not split at commas, and a query reads the same way")
    func arraysAndQueries() throws {
        struct Probe: Decodable { var departments: [String]?; var fy: Int? }
        let body = FormDecoding()
        let form = try body.decode(Probe.self, from: ByteBuffer(string: "departments%5B%5D=10,20&departments%5B%5D=30"), headers: [:])
        #expect(form.departments == ["10,20", "30"])
        let query = try body.decode(Probe.self, from: URI(string: "/organization?fy=2026&departments=a+b"))
        #expect(query.fy == 2026)
        #expect(query.departments == ["a b"])
    }

    /// MultipartKit traps on a part header name byte from 0x80, and the CSRF check reads the token
    /// from any POST's body: without `MultipartHeaderNames` this request ends the test process.
    @Test("an upload body whose part header name is not ASCII is refused, from anyone, and the server keeps serving")
    func uploadHeaderNameNotASCII() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let visitor = Browser(app)
            _ = try await visitor.get("/login")
            let body = "--XB\r\n名前: x\r\n\r\nx\r\n--XB--\r\n"
            let refused = try await visitor.post("/login", body: body, contentType: "multipart/form-data; boundary=XB")
            #expect(refused.status == .forbidden)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            try await hr.get(OrganizationRoute.importUpload.path)
            let upload = try await hr.upload(OrganizationRoute.importUpload.path, fields: [("kind", "staff"), ("encoding", "auto")],
                                             fileField: "file", filename: "職員.csv", file: LargeFormTests.payrollCSV(rows: 3))
            #expect(upload.status == .seeOther)
        }
    }
}
