import Foundation

/// One local issue as an Open311 GeoReport v2 service request. The app fills in the words (the
/// category's and section's names, the status notes); this type owns the fields' order and the
/// date format, so every export of the issues has the same columns.
public struct Open311Request: Sendable, Equatable {
    public var id: String
    public var status: LocalIssueStatus
    public var statusNotes: String
    /// The category's name and code.
    public var serviceName: String
    public var serviceCode: String
    public var description: String
    /// The responsible section's name.
    public var agencyResponsible: String
    /// What the category promises, e.g. 「標準処理日数 14日」.
    public var serviceNotice: String
    public var receivedOn: LocalDate
    /// The moment of the last change.
    public var updatedAt: Date
    public var expectedOn: LocalDate
    /// The district and the place, as the liaison wrote it.
    public var address: String

    public init(id: String, status: LocalIssueStatus, statusNotes: String, serviceName: String, serviceCode: String, description: String,
                agencyResponsible: String, serviceNotice: String, receivedOn: LocalDate, updatedAt: Date, expectedOn: LocalDate, address: String) {
        self.id = id
        self.status = status
        self.statusNotes = statusNotes
        self.serviceName = serviceName
        self.serviceCode = serviceCode
        self.description = description
        self.agencyResponsible = agencyResponsible
        self.serviceNotice = serviceNotice
        self.receivedOn = receivedOn
        self.updatedAt = updatedAt
        self.expectedOn = expectedOn
        self.address = address
    }
}

/// The Open311 GeoReport v2 fields of a service request, as CSV columns.
public enum Open311Export {
    public static let header = [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ]

    /// Japan Standard Time, which has no daylight saving: every datetime carries `+09:00`.
    static let japan = TimeZone(secondsFromGMT: 9 * 3_600)!

    /// The row of one request. Requested is the start of the day the issue was received; expected
    /// is the end of the expected date (the answer is due by then); the place has no address id,
    /// postcode, coordinates or media, so those stay empty.
    public static func row(_ request: Open311Request) -> [String] {
        [
            request.id, request.status.open311, request.statusNotes, request.serviceName, request.serviceCode, request.description,
            request.agencyResponsible, request.serviceNotice,
            datetime(request.receivedOn.startOfDay(in: japan)),
            datetime(request.updatedAt),
            datetime(request.expectedOn.adding(days: 1).startOfDay(in: japan).addingTimeInterval(-1)),
            request.address, "", "", "", "", "",
        ]
    }

    /// ISO 8601 with the offset written out: 2026-11-30T12:00:00+09:00.
    public static func datetime(_ moment: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = japan
        return formatter.string(from: moment)
    }
}
