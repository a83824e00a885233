@testable import JibungotoDomain

/// Test shorthand: a date from a literal known to be valid.
func day(_ iso: String) -> LocalDate {
    guard let date = LocalDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return date
}
