import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Account rules: leavers, initial passwords, staff number lists")
struct AccountRulesTests {
    @Test("someone has left when every line of their history ended before today")
    func departure() {
        let today = day("2026-11-30")
        let ended = AssignmentRecord.fixture("A1", "10", start: day("2015-04-01"), end: day("2026-10-31"))
        let endsToday = AssignmentRecord.fixture("A1", "10", start: day("2015-04-01"), end: today)
        let open = AssignmentRecord.fixture("A1", "20", start: day("2026-11-01"))
        let reappointedLater = AssignmentRecord.fixture("A1", "20", start: day("2027-04-01"))
        #expect(StaffDeparture.hasLeft([ended], on: today))
        #expect(!StaffDeparture.hasLeft([endsToday], on: today), "the last day is still a working day")
        #expect(!StaffDeparture.hasLeft([ended, open], on: today))
        #expect(!StaffDeparture.hasLeft([ended, reappointedLater], on: today))
        #expect(!StaffDeparture.hasLeft([], on: today), "no history yet is not leaving")
    }

    @Test("initial passwords are three groups of four readable characters, and differ")
    func initialPasswords() {
        var generator = SystemRandomNumberGenerator()
        let first = InitialPassword.make(using: &generator)
        let second = InitialPassword.make(using: &generator)
        #expect(first.count == 14)
        #expect(first.split(separator: "-").map(\.count) == [4, 4, 4])
        #expect(first.replacingOccurrences(of: "-", with: "").allSatisfy { InitialPassword.alphabet.contains($0) })
        #expect(first != second)
        for ambiguous in "0Oo1lI2Z5S8Buv" {
            #expect(!InitialPassword.alphabet.contains(ambiguous), "\(ambiguous) is misread on paper")
        }
    }

    @Test("a pasted list or a one-column CSV gives each staff number once, in order")
    func staffNumberList() {
        let text = "\u{FEFF}職員番号\r\n\"d0001\"\r\nD0002, D0003\tD0001\n\n x0001 "
        #expect(StaffNumberList.parse(text, normalise: { $0.uppercased() }) == ["D0001", "D0002", "D0003", "X0001"])
        #expect(StaffNumberList.parse("  \n ,", normalise: { $0 }).isEmpty)
    }
}
