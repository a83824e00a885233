import Foundation
import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Districts: the figures for the Policy module and the Open311 row")
struct DistrictFiguresTests {
    func issue(_ district: String = "chuo", status: LocalIssueStatus, received: String, expected: String, responded: String?) -> LocalIssueFacts {
        LocalIssueFacts(district: district, category: "road", status: status, receivedOn: day(received), expectedOn: day(expected),
                        respondedOn: responded.map(day))
    }

    @Test("the median of the days to a response: the middle value, or the mean of the two middle values")
    func median() {
        #expect(DistrictFigures.median([]) == nil)
        #expect(DistrictFigures.median([7]) == 7)
        #expect(DistrictFigures.median([30, 2, 9]) == 9)
        #expect(DistrictFigures.median([10, 2, 9, 4]) == 6.5)
        let issues = [
            issue(status: .resolved, received: "2026-05-01", expected: "2026-05-15", responded: "2026-05-11"),   // 10 days
            issue(status: .difficult, received: "2026-06-01", expected: "2026-06-15", responded: "2026-06-21"),  // 20 days
            issue(status: .resolved, received: "2026-07-01", expected: "2026-07-15", responded: "2026-07-04"),   // 3 days
            issue(status: .resolved, received: "2026-03-01", expected: "2026-03-15", responded: "2026-03-31"),   // FY2025
            issue(status: .inProgress, received: "2026-08-01", expected: "2026-08-15", responded: nil),
        ]
        #expect(DistrictFigures.medianDaysToResponse(issues, fiscalYear: 2026) == 10)
        #expect(DistrictFigures.medianDaysToResponse(issues, fiscalYear: 2025) == 30)
        #expect(DistrictFigures.medianDaysToResponse(issues, fiscalYear: 2024) == nil)
    }

    @Test("issues answered on time: answered in the fiscal year by their expected date, 対応困難 included")
    func onTime() {
        let issues = [
            issue(status: .resolved, received: "2026-05-01", expected: "2026-05-15", responded: "2026-05-15"),
            issue(status: .difficult, received: "2026-06-01", expected: "2026-06-15", responded: "2026-06-16"),
            issue(status: .resolved, received: "2026-07-01", expected: "2026-07-15", responded: "2026-07-04"),
            issue(status: .received, received: "2026-08-01", expected: "2026-08-15", responded: nil),
        ]
        let figure = DistrictFigures.issuesAnsweredOnTime(issues, fiscalYear: 2026)
        #expect(figure == AnsweredOnTime(answered: 3, onTime: 2))
        #expect(figure.share == 2.0 / 3.0)
        #expect(DistrictFigures.issuesAnsweredOnTime(issues, fiscalYear: 2025).share == nil)
    }

    @Test("dialogue records per district in the fiscal year (April–March)")
    func recordsPerDistrict() {
        let records = [
            DialogueRecordFacts(district: "chuo", heldOn: day("2026-04-01")),
            DialogueRecordFacts(district: "chuo", heldOn: day("2027-03-31")),
            DialogueRecordFacts(district: "kita", heldOn: day("2026-09-10")),
            DialogueRecordFacts(district: "kita", heldOn: day("2026-03-31")),
        ]
        #expect(DistrictFigures.recordsPerDistrict(records, fiscalYear: 2026) == ["chuo": 2, "kita": 1])
        #expect(DistrictFigures.recordsPerDistrict(records, fiscalYear: 2025) == ["kita": 1])
    }

    @Test("counts by district and by status")
    func counts() {
        let issues = [
            issue("chuo", status: .received, received: "2026-05-01", expected: "2026-05-15", responded: nil),
            issue("chuo", status: .resolved, received: "2026-05-01", expected: "2026-05-15", responded: "2026-05-10"),
            issue("kita", status: .received, received: "2026-05-01", expected: "2026-05-15", responded: nil),
        ]
        #expect(DistrictFigures.counts(issues, by: \.district) == ["chuo": 2, "kita": 1])
        #expect(DistrictFigures.counts(issues, by: \.status) == [.received: 2, .resolved: 1])
    }

    @Test("an Open311 GeoReport v2 row: the seventeen fields in order, datetimes in ISO 8601 with +09:00")
    func open311Row() {
        #expect(Open311Export.header == ["service_request_id", "status", "status_notes", "service_name", "service_code", "description",
                                         "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
                                         "address", "address_id", "zipcode", "lat", "long", "media_url"])
        let updated = day("2026-11-20").startOfDay(in: TimeZone(identifier: "Asia/Tokyo")!).addingTimeInterval(15 * 3_600 + 30 * 60)
        let row = Open311Export.row(Open311Request(
            id: "abc", status: .difficult, statusNotes: "対応困難：私有地のため", serviceName: "道路・側溝", serviceCode: "road",
            description: "側溝の蓋が割れている", agencyResponsible: "都市整備部 道路課 道路維持係", serviceNotice: "標準処理日数 14日",
            receivedOn: day("2026-11-02"), updatedAt: updated, expectedOn: day("2026-11-16"), address: "中央地区 本町2丁目"))
        #expect(row == ["abc", "closed", "対応困難：私有地のため", "道路・側溝", "road", "側溝の蓋が割れている", "都市整備部 道路課 道路維持係",
                        "標準処理日数 14日", "2026-11-02T00:00:00+09:00", "2026-11-20T15:30:00+09:00", "2026-11-16T23:59:59+09:00",
                        "中央地区 本町2丁目", "", "", "", "", ""])
    }
}
