import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Support duty: shift times, clashes, signing up and the unit a person counts for")
struct SupportShiftRulesTests {
    let sunday = day("2026-12-06")

    func time(_ date: LocalDate, _ start: String, _ end: String) -> SupportShiftTime {
        SupportShiftTime(date: date, start: SupportShiftTime.minutes(from: start)!, end: SupportShiftTime.minutes(from: end)!)!
    }

    @Test("times are read as typed, full-width included, and only real times of day")
    func readingTimes() {
        #expect(SupportShiftTime.minutes(from: "8:30") == 510)
        #expect(SupportShiftTime.minutes(from: "08:30") == 510)
        #expect(SupportShiftTime.minutes(from: "８：３０") == 510)
        #expect(SupportShiftTime.minutes(from: " 13:00 ") == 780)
        #expect(SupportShiftTime.minutes(from: "24:00") == 1_440)
        for bad in ["24:01", "8:60", "8:5", "830", "8時30分", "+8:30", "", "8:30:00"] {
            #expect(SupportShiftTime.minutes(from: bad) == nil, "\(bad)")
        }
        #expect(SupportShiftTime.clock(510) == "8:30")
        #expect(SupportShiftTime.clock(1_200) == "20:00")
    }

    @Test("a shift ends after it starts, within its day; its length is its hours")
    func shiftBounds() {
        #expect(SupportShiftTime(date: sunday, start: 600, end: 600) == nil)
        #expect(SupportShiftTime(date: sunday, start: 700, end: 600) == nil)
        #expect(SupportShiftTime(date: sunday, start: 1_200, end: 1_441) == nil)
        #expect(time(sunday, "8:30", "16:00").hours == 7.5)
        let stored = SupportShiftTime(date: sunday, clampingStart: 900, end: 800)
        #expect(stored.start == 900 && stored.end == 901)
    }

    @Test("shifts clash when they overlap on the same day; one ending as the other starts does not")
    func clashes() {
        let morning = time(sunday, "8:30", "12:00")
        #expect(morning.overlaps(time(sunday, "11:59", "13:00")))
        #expect(morning.overlaps(time(sunday, "9:00", "10:00")))
        #expect(!morning.overlaps(time(sunday, "12:00", "13:00")))
        #expect(!morning.overlaps(time(day("2026-12-07"), "8:30", "12:00")))
        let held = [SupportCommitment(shiftID: "b", time: time(sunday, "13:00", "15:00")), SupportCommitment(shiftID: "a", time: time(sunday, "11:00", "14:00"))]
        #expect(time(sunday, "13:30", "14:30").firstClash(in: held)?.shiftID == "a", "the earliest clashing shift is named")
        #expect(time(sunday, "15:00", "16:00").firstClash(in: held) == nil)
    }

    @Test("signing up is refused when closed, already signed up, full, or clashing — in that order")
    func signingUp() {
        let shift = time(sunday, "8:30", "12:00")
        let other = SupportCommitment(shiftID: "elsewhere", time: time(sunday, "11:00", "13:00"))
        func refusal(isOpen: Bool = true, taken: Int = 0, holds: [SupportCommitment] = []) -> SupportSignUp.Refusal? {
            SupportSignUp.refusal(isOpen: isOpen, shiftID: "s1", time: shift, headcount: 3, taken: taken, holds: holds)
        }
        #expect(refusal() == nil)
        #expect(refusal(taken: 2) == nil)
        #expect(refusal(isOpen: false) == .closed)
        #expect(refusal(holds: [SupportCommitment(shiftID: "s1", time: shift)]) == .alreadySignedUp)
        #expect(refusal(taken: 3) == .full)
        #expect(refusal(holds: [other]) == .clash(other))
        #expect(refusal(taken: 3, holds: [other]) == .full)
        #expect(refusal(holds: [SupportCommitment(shiftID: "later", time: time(sunday, "12:00", "15:00"))]) == nil)
    }

    @Test("a 係 counts for its 課, a 課 or センター for itself, someone placed in a 部 for the 部")
    func units() {
        #expect(SupportUnit.unit(onPath: ["10", "1010", "101010"]) == "1010")
        #expect(SupportUnit.unit(onPath: ["10", "1010"]) == "1010")
        #expect(SupportUnit.unit(onPath: ["20", "2010"]) == "2010")
        #expect(SupportUnit.unit(onPath: ["10"]) == "10")
        #expect(SupportUnit.unit(onPath: []) == nil)
    }
}
