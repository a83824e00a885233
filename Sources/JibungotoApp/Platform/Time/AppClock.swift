import Foundation
import JibungotoDomain
import Vapor

extension TimeZone {
    /// The city's clock: every date a user sees is a date in Japan.
    static let japan = TimeZone(identifier: "Asia/Tokyo")!
}

/// The one clock the app reads for business dates: today, this fiscal year, an open window, the
/// moment a self-report was submitted. Tests set it instead of depending on the day they run.
/// Moments that record when the system did something (an audit row, a solve, an upload) and the
/// security timers (idle sessions, login waits, device tokens) measure real elapsed time and read
/// the wall clock directly.
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
