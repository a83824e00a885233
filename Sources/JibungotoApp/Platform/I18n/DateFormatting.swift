import Foundation
import JibungotoDomain

/// Dates, timestamps and fiscal years in the user's language and calendar.
enum DateFormatting {
    static func format(date: LocalDate, preferences: DisplayPreferences) -> String {
        date.formatted(language: preferences.language.rawValue, display: preferences.dateDisplay)
    }

    static func format(iso: String, preferences: DisplayPreferences) -> String {
        LocalDate(iso: iso).map { format(date: $0, preferences: preferences) } ?? iso
    }

    /// A moment as its date (in the user's calendar) and the time of day in Japan.
    static func format(timestamp: Date, preferences: DisplayPreferences) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .japan
        let parts = calendar.dateComponents([.hour, .minute, .second], from: timestamp)
        let time = String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        return format(date: LocalDate(timestamp, in: .japan), preferences: preferences) + " " + time
    }

    static func format(timestamp iso: String, preferences: DisplayPreferences) -> String {
        guard let date = ISO8601DateFormatter().date(from: iso) else { return iso }
        return format(timestamp: date, preferences: preferences)
    }

    static func format(fiscalYear startYear: Int, preferences: DisplayPreferences) -> String {
        FiscalYear(startYear: startYear).label(language: preferences.language.rawValue, display: preferences.dateDisplay)
    }
}

extension LocalDate {
    var fiscalYear: FiscalYear { FiscalYear.containing(self) }
}
