import Foundation

/// A calendar day in the proleptic Gregorian calendar, with no time of day and no time zone.
///
/// Personnel dates (birth, hire, transfer, retirement) are days, not instants, so they are
/// stored as year, month and day. Convert to and from `Date` only at the edges, with the
/// time zone the organisation works in (Asia/Tokyo for the app).
///
/// Encoded as a `"YYYY-MM-DD"` string. Years are limited to 1...9999 so that the ISO
/// form always has four digits.
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Gregorian year, 1...9999.
    public let year: Int
    /// Month, 1...12.
    public let month: Int
    /// Day of the month, 1...28/29/30/31.
    public let day: Int

    /// Creates a date, or returns `nil` when the combination does not exist
    /// (for example 2025-02-29 or month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the strict ISO 8601 calendar form `YYYY-MM-DD` (exactly ten characters).
    /// For the lenient forms found in CSV files use ``parseJapanese(_:)``.
    public init?(iso: String) {
        var text = iso
        guard let date = text.withUTF8({ LocalDate(isoBytes: $0) }) else { return nil }
        self = date
    }

    /// ``init(iso:)`` over the text's UTF-8 bytes, for dates read from a packed database text.
    public init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Self.decimal(bytes[0..<4]),
              let month = Self.decimal(bytes[5..<7]),
              let day = Self.decimal(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The calendar day on which `date` falls in `timeZone`.
    public init(_ date: Date, in timeZone: TimeZone) {
        let parts = Self.gregorian(timeZone).dateComponents([.year, .month, .day], from: date)
        // Foundation only yields valid Gregorian components, so the fallback is unreachable
        // except for instants outside years 1...9999.
        self = LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? LocalDate(unchecked: 1970, 1, 1)
    }

    /// The first instant of this day in `timeZone`.
    public func startOfDay(in timeZone: TimeZone) -> Date {
        let parts = DateComponents(year: year, month: month, day: day)
        // Using the calendar rather than adding seconds keeps days that start at a
        // daylight-saving jump correct in zones other than Tokyo.
        return Self.gregorian(timeZone).date(from: parts)
            ?? Date(timeIntervalSince1970: TimeInterval(dayNumber) * 86_400)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
    }

    public var description: String { iso }

    /// Whether `year` has a February 29 in the Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in `month` of `year` (0 for a month outside 1...12).
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected a YYYY-MM-DD date, got \"\(text)\"")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    // MARK: - Internals

    /// For values already known to be valid (constants, results of day arithmetic).
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func gregorian(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func decimal(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
