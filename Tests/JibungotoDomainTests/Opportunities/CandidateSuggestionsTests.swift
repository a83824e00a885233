import Foundation
import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Candidate suggestions: fit from the self-report, section variety and new faces, each with its reason")
struct CandidateSuggestionsTests {
    let weights = CandidateSuggestions.Weights(interest: 3, skills: 2, sectionVariety: 2, newFaces: 3)

    func person(_ number: StaffNumber, department: SectionCode = "20", wants: Bool = false, themes: [String] = [], skills: [String] = [], newFace: Bool = false) -> CandidateSuggestions.Person {
        CandidateSuggestions.Person(staffNumber: number, departmentCode: department, wantsProjectTeams: wants, matchingThemes: themes, matchingSkills: skills, isNewFace: newFace)
    }

    func rank(_ people: [CandidateSuggestions.Person], themes: String, skills: String, onTeam: Set<SectionCode> = [], weights: CandidateSuggestions.Weights? = nil, limit: Int = 10) -> [CandidateSuggestions.Suggestion] {
        CandidateSuggestions.rank(people, themes: CandidateSuggestions.terms(themes), wantedSkills: CandidateSuggestions.terms(skills),
                                  departmentsOnTeam: onTeam, weights: weights ?? self.weights, limit: limit)
    }

    @Test("free text splits at 、 , ・ / and spaces, each word once")
    func terms() {
        #expect(CandidateSuggestions.terms("子育て支援、防災・減災 / DX　dx").map(\.word) == ["子育て支援", "防災", "減災", "DX"])
        #expect(CandidateSuggestions.terms("ＤＸ推進、ﾃﾞｰﾀ分析").map(\.folded) == ["dx推進", "データ分析"], "each word keeps the form the search compares")
        #expect(CandidateSuggestions.terms("  ") == [])
    }

    @Test("the score adds the weighted parts, and the reasons name the matching words")
    func scoring() throws {
        let ranked = rank([person("A", wants: true, themes: ["防災"], skills: ["データ分析"], newFace: true)], themes: "防災、子育て", skills: "データ分析、広報", onTeam: ["10"])
        let only = try #require(ranked.first)
        // interest 0.5 + 0.5 × 1/2 = 0.75; skills 1/2; variety 1; new face 1.
        let expected: Double = 3 * 0.75 + 2 * 0.5 + 2 + 3
        #expect(only.score == expected)
        #expect(only.reasons == [.wantsProjectTeams, .matchingThemes(["防災"]), .matchingSkills(["データ分析"]), .newDepartment("20"), .newFace])
    }

    @Test("a new face from a new department with no interest or skills is not suggested: fit comes first")
    func fitFirst() {
        let ranked = rank([person("A", newFace: true)], themes: "防災", skills: "広報")
        #expect(ranked.isEmpty)
    }

    @Test("between two equally fitting people, the new face from a department the team lacks ranks first; ties by staff number")
    func newFacesBoost() {
        let people = [
            person("B", department: "10", wants: true, themes: ["防災"]),
            person("C", department: "20", wants: true, themes: ["防災"], newFace: true),
            person("A", department: "10", wants: true, themes: ["防災"]),
        ]
        let ranked = rank(people, themes: "防災", skills: "", onTeam: ["10"], limit: 2)
        #expect(ranked.map(\.staffNumber) == ["C", "A"])
    }

    @Test("the best few of a large city are the first few of the whole ranking, in order, with every tie by staff number")
    func bestFewOfMany() {
        var generator = SeededGenerator(seed: 15)
        let themeWords = ["防災", "子育て", "窓口"], skillWords = ["広報", "データ分析"]
        let people = (0..<600).map { index in
            person(StaffNumber("P\(String(1000 + (index * 7919) % 600))"), department: SectionCode(String(10 + Int.random(in: 0..<4, using: &generator))),
                   wants: Bool.random(using: &generator),
                   themes: themeWords.filter { _ in Int.random(in: 0..<3, using: &generator) == 0 },
                   skills: skillWords.filter { _ in Int.random(in: 0..<3, using: &generator) == 0 },
                   newFace: Bool.random(using: &generator))
        }
        let all = rank(people, themes: "防災、子育て、窓口", skills: "広報、データ分析", onTeam: ["10"], limit: people.count)
        let eligible = people.filter { $0.wantsProjectTeams || !$0.matchingThemes.isEmpty || !$0.matchingSkills.isEmpty }
        #expect(all.count == eligible.count)
        #expect(Set(all.map(\.score)).count > 5 && Set(all.map(\.score)).count < 40, "many people share a score, so ties are tested")
        for (earlier, later) in zip(all, all.dropFirst()) {
            #expect(earlier.score > later.score || (earlier.score == later.score && earlier.staffNumber < later.staffNumber))
        }
        for limit in [0, 1, 7, 50, 599, 1000] {
            #expect(rank(people, themes: "防災、子育て、窓口", skills: "広報、データ分析", onTeam: ["10"], limit: limit) == Array(all.prefix(limit)))
        }
    }

    @Test("with no themes named, asking to join teams counts in full; the weights follow HR's settings")
    func weightsApply() {
        let zeroNewFaces = CandidateSuggestions.Weights(interest: 1, skills: 0, sectionVariety: 0, newFaces: 0)
        let ranked = rank([person("A", wants: true, newFace: true)], themes: "", skills: "", weights: zeroNewFaces, limit: 5)
        #expect(ranked.first?.score == 1)
    }

    @Test("folding: case and width folded and composed, so full-width, half-width and lower-case text compare equal")
    func folding() {
        #expect(CandidateSuggestions.folded("ＤＸ推進・ＡＩ活用") == "dx推進・ai活用")
        #expect(CandidateSuggestions.folded("ﾃﾞｰﾀ分析") == "データ分析", "half-width kana with its voiced mark becomes one composed character")
        #expect(CandidateSuggestions.folded("がっこうとガッコウ") == "がっこうとガッコウ", "hiragana and katakana stay apart")
        #expect(CandidateSuggestions.folded("Excel・VBA") == "excel・vba")
    }
}
