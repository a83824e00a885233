import Testing

@testable import JibungotoDomain

@Suite("A section's name in both languages")
struct SectionNameTests {
    @Test("a unit without an English name shows its Japanese name in English")
    func names() {
        var unit = SectionRecord(code: "S1", nameJa: "市民協働課", nameEn: "Citizen Collaboration Division", kind: .division,
                                 parentCode: "D1", isCollaborationPost: true, district: nil, authorizedHeadcount: 5, isManagerial: false)
        #expect(unit.localizedName == Bilingual(ja: "市民協働課", en: "Citizen Collaboration Division"))
        unit.nameEn = ""
        #expect(unit.localizedName == Bilingual(ja: "市民協働課", en: "市民協働課"))
    }
}
