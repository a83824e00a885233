import JibungotoDomain
import Testing

@Suite("English counts in the domain's bilingual texts")
struct EnglishCountTests {
    @Test("one takes the singular; none and more take the plural, given or with an s")
    func plural() {
        #expect(EnglishCount.of(1, "seat") == "1 seat")
        #expect(EnglishCount.of(0, "seat") == "0 seats")
        #expect(EnglishCount.of(3, "year") == "3 years")
        #expect(EnglishCount.of(1, "person", plural: "people") == "1 person")
        #expect(EnglishCount.of(2, "person", plural: "people") == "2 people")
    }

    @Test("why a person is on the movers' list reads as a person would write it")
    func moverReason() {
        #expect(MoverReason.maxYearsInPost(years: 1).text.en == "1 year in post")
        #expect(MoverReason.maxYearsInPost(years: 6).text.en == "6 years in post")
    }
}
