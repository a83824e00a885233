import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Recording the age-60 information")
struct AgeSixtyInformationTests {
    @Test("information given today or before is recorded; a later date is refused")
    func informedDate() {
        #expect(AgeSixtyInformation.mayRecord(informedOn: day("2026-11-30"), today: day("2026-11-30")))
        #expect(AgeSixtyInformation.mayRecord(informedOn: day("2026-04-01"), today: day("2026-11-30")))
        #expect(!AgeSixtyInformation.mayRecord(informedOn: day("2026-12-01"), today: day("2026-11-30")))
    }

    @Test("each choice has a Japanese and an English label")
    func labels() {
        #expect(AgeSixtyChoice.continueWorking.label == Bilingual(ja: "引き続き勤務", en: "continue working"))
        #expect(AgeSixtyChoice.shortTimeReappointment.label == Bilingual(ja: "定年前再任用短時間勤務", en: "short-time re-appointment before retirement age"))
        #expect(AgeSixtyChoice.retire.label == Bilingual(ja: "退職", en: "retire"))
    }
}
