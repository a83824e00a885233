import Foundation
import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Candidate suggestions: fit from the self-report, section variety and new faces, each with its reason")
struct CandidateSuggestionsTests {
    let weights = CandidateSuggestions.Weights(interest: 3, skills: 2, sectionVariety: 2, newFaces: 3)

    func person(_ number: StaffNumber, department: SectionCode = "20", wants: Bool = false, themes: String = "", skills: String = "", newFace: Bool = false) -> CandidateSuggestions.Person {
        CandidateSuggestions.Person(staffNumber: number, departmentCode: department, wantsProjectTeams: wants, themesText: themes, skillsText: skills, isNewFace: newFace)
    }

    @Test("free text splits at 、 , ・ / and spaces, each word once")
    func terms() {
        #expect(CandidateSuggestions.terms("子育て支援、防災・減災 / DX　dx") == ["子育て支援", "防災", "減災", "DX"])
        #expect(CandidateSuggestions.terms("  ") == [])
    }

    @Test("the score adds the weighted parts, and the reasons name the matching words")
    func scoring() throws {
        let ranked = CandidateSuggestions.rank(
            [person("A", wants: true, themes: "防災について学びたい", skills: "データ分析、Excel", newFace: true)],
            themes: "防災、子育て", wantedSkills: "データ分析、広報", departmentsOnTeam: ["10"], weights: weights, limit: 10)
        let only = try #require(ranked.first)
        // interest 0.5 + 0.5 × 1/2 = 0.75; skills 1/2; variety 1; new face 1.
        let expected: Double = 3 * 0.75 + 2 * 0.5 + 2 + 3
        #expect(only.score == expected)
        #expect(only.reasons == [.wantsProjectTeams, .matchingThemes(["防災"]), .matchingSkills(["データ分析"]), .newDepartment("20"), .newFace])
    }

    @Test("a new face from a new department with no interest or skills is not suggested: fit comes first")
    func fitFirst() {
        let ranked = CandidateSuggestions.rank([person("A", newFace: true)], themes: "防災", wantedSkills: "広報", departmentsOnTeam: [], weights: weights, limit: 10)
        #expect(ranked.isEmpty)
    }

    @Test("between two equally fitting people, the new face from a department the team lacks ranks first; ties by staff number")
    func newFacesBoost() {
        let people = [
            person("B", department: "10", wants: true, themes: "防災"),
            person("C", department: "20", wants: true, themes: "防災", newFace: true),
            person("A", department: "10", wants: true, themes: "防災"),
        ]
        let ranked = CandidateSuggestions.rank(people, themes: "防災", wantedSkills: "", departmentsOnTeam: ["10"], weights: weights, limit: 2)
        #expect(ranked.map(\.staffNumber) == ["C", "A"])
    }

    @Test("with no themes named, asking to join teams counts in full; the weights follow HR's settings")
    func weightsApply() {
        let zeroNewFaces = CandidateSuggestions.Weights(interest: 1, skills: 0, sectionVariety: 0, newFaces: 0)
        let ranked = CandidateSuggestions.rank([person("A", wants: true, newFace: true)], themes: "", wantedSkills: "", departmentsOnTeam: [], weights: zeroNewFaces, limit: 5)
        #expect(ranked.first?.score == 1)
    }

    @Test("folding: the quick way for plain Japanese and ASCII gives Foundation's case- and width-insensitive folding (composed) exactly")
    func foldingAgreesWithFoundation() {
        let samples = [
            "予算・会計の実務\n文書作成\n庁内調整", "Excel・VBA、GIS（地理情報）", "データ分析とDX推進", "ＤＸ推進・ＡＩ活用", "ﾃﾞｰﾀ分析",
            "子育て支援の情報発信（D0001）", "Café と Straße", "がっこう　と　ガッコウ", "か\u{3099}", "①行政のデジタル化", "ｶﾀｶﾅとカタカナ", "",
        ]
        for sample in samples {
            #expect(CandidateSuggestions.folded(sample)
                    == sample.folding(options: [.caseInsensitive, .widthInsensitive], locale: nil).precomposedStringWithCanonicalMapping, "\(sample)")
        }
    }

    @Test("matching ignores case and width: a full-width or half-width self-report matches the team's words")
    func matchingIgnoresCaseAndWidth() {
        let people = [person("A", skills: "ＤＸ推進、ﾃﾞｰﾀ分析"), person("B", skills: "dx 推進"), person("C", skills: "広報")]
        let ranked = CandidateSuggestions.rank(people, themes: "", wantedSkills: "DX推進、データ分析", departmentsOnTeam: [], weights: weights, limit: 5)
        #expect(ranked.map(\.staffNumber) == ["A"], "B writes a space inside the word; C names neither")
        #expect(ranked.first?.reasons.contains(.matchingSkills(["DX推進", "データ分析"])) == true)
    }
}
