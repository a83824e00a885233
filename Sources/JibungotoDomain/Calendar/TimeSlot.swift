/// A day and hours within it in Japan (minutes from midnight, ending by midnight of that day): a
/// support shift, a dialogue session. One type, so clashes, lengths and the way times are typed
/// and written are the same everywhere.
public struct TimeSlot: Sendable, Hashable, Codable, Comparable {
    public let date: LocalDate
    public let start: Int
    public let end: Int

    /// Nil unless it starts before it ends, within one day.
    public init?(date: LocalDate, start: Int, end: Int) {
        guard start >= 0, start < end, end <= 24 * 60 else { return nil }
        self.date = date
        self.start = start
        self.end = end
    }

    /// A stored slot (checked by the initializer above when it was written), its hours kept
    /// within one day whatever the row holds.
    public init(date: LocalDate, clampingStart start: Int, end: Int) {
        self.date = date
        self.start = min(max(start, 0), 24 * 60 - 1)
        self.end = min(max(end, self.start + 1), 24 * 60)
    }

    /// Two slots clash when they are on the same day and their hours overlap; one that starts
    /// when the other ends does not clash.
    public func overlaps(_ other: TimeSlot) -> Bool {
        date == other.date && start < other.end && other.start < end
    }

    /// The length, which is also the time it counts for in the participation ledger.
    public var hours: Double { Double(end - start) / 60 }

    public var fiscalYear: Int { FiscalYear.containing(date).startYear }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.date, lhs.start, lhs.end) < (rhs.date, rhs.start, rhs.end)
    }

    /// A time of day as written on a roster or a notice: 8:30, 13:00.
    public static func clock(_ minutes: Int) -> String {
        let minute = minutes % 60
        return "\(minutes / 60):" + (minute < 10 ? "0" : "") + String(minute)
    }

    /// A time of day as typed (8:30, 08:30, ８：３０, 24:00), in minutes from midnight; nil otherwise.
    public static func minutes(from text: String) -> Int? {
        let parts = TextNormalization.code(text).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...59).contains(minute)
        else { return nil }
        let total = hour * 60 + minute
        return (0...24 * 60).contains(total) ? total : nil
    }
}
