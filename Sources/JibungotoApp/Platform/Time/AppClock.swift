import Foundation
import JibungotoDomain
import Vapor

extension TimeZone {
    /// The city's clock: every date a user sees is a date in Japan.
    static let japan = TimeZone(identifier: "Asia/Tokyo")!
}

/// The one clock the app reads. Every business date (today, this fiscal year, an open window,
/// a timestamp written to a record) comes from here, so tests set the date instead of depending
/// on the day they run.
struct AppClock: Sendable {
    let now: @Sendable () -> Date

    /// The wall clock.
    static let system = AppClock { Date() }

    /// A clock stopped at noon in Japan on `date` (tests, reproducible demos).
    static func fixed(_ date: LocalDate) -> AppClock {
        let moment = date.startOfDay(in: .japan).addingTimeInterval(12 * 3600)
        return AppClock { moment }
    }

    /// Today's date in Japan.
    var today: LocalDate { LocalDate(now(), in: .japan) }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = AppClock }

    var clock: AppClock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    /// Today's date in Japan by the application's clock.
    var today: LocalDate { application.clock.today }

    /// This moment by the application's clock.
    var now: Date { application.clock.now() }
}
