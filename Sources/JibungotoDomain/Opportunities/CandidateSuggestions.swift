import Foundation

/// Candidate suggestions for a project team: who might fit and has not been asked, so an
/// organizer can nominate beyond those who raise their own hand (the paper's §5-2), with a
/// boost for "new faces" so that it is not always the same staff.
public enum CandidateSuggestions {
    /// How much each part counts (HR's settings page); each part scores 0…1 before weighting.
    public struct Weights: Sendable, Equatable {
        public var interest: Int
        public var skills: Int
        public var sectionVariety: Int
        public var newFaces: Int

        public init(interest: Int, skills: Int, sectionVariety: Int, newFaces: Int) {
            self.interest = interest
            self.skills = skills
            self.sectionVariety = sectionVariety
            self.newFaces = newFaces
        }
    }

    /// What is known of one staff member: the last submitted self-report and the ledger.
    public struct Person: Sendable, Equatable {
        public var staffNumber: StaffNumber
        public var departmentCode: SectionCode?
        /// The self-report's "I would like to join a project team".
        public var wantsProjectTeams: Bool
        /// The team's theme and skill words (``Term/word``) that the self-report's themes and
        /// skills contain, in the team's order. A text contains a word when the word's
        /// ``folded(_:)`` form occurs in the text's (a plain search, character by character:
        /// "DX推進" is in "ＤＸ推進・ＡＩ活用", not in "dx 推進"). The texts are stored folded when a
        /// report is saved, so the database runs the search for a whole city.
        public var matchingThemes: [String]
        public var matchingSkills: [String]
        /// No cross-section ledger entry in the look-back years.
        public var isNewFace: Bool

        public init(
            staffNumber: StaffNumber, departmentCode: SectionCode?, wantsProjectTeams: Bool, matchingThemes: [String], matchingSkills: [String], isNewFace: Bool
        ) {
            self.staffNumber = staffNumber
            self.departmentCode = departmentCode
            self.wantsProjectTeams = wantsProjectTeams
            self.matchingThemes = matchingThemes
            self.matchingSkills = matchingSkills
            self.isNewFace = isNewFace
        }
    }

    /// One word a team asks for, as written and as compared.
    public struct Term: Sendable, Equatable {
        public let word: String
        /// ``folded(_:)`` of the word.
        public let folded: String
    }

    /// Why someone is suggested; the page words each reason.
    public enum Reason: Equatable, Sendable {
        case wantsProjectTeams
        case matchingThemes([String])
        case matchingSkills([String])
        /// From a department the team has no member or candidate from yet.
        case newDepartment(SectionCode)
        case newFace
    }

    public struct Suggestion: Sendable, Equatable {
        public let staffNumber: StaffNumber
        /// The weighted sum, 0 … the sum of the weights.
        public let score: Double
        public let reasons: [Reason]
    }

    /// The words of a free-text field: split at 、 , ・ / and white space, each word kept once.
    public static func terms(_ text: String) -> [Term] {
        let separators = CharacterSet(charactersIn: "、，,・/／;；。\u{3000}").union(.whitespacesAndNewlines)
        var seen: Set<String> = []
        return text.components(separatedBy: separators)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
            .map { Term(word: $0, folded: folded($0)) }
    }

    /// Text as the matching compares it: case and width folded, so a self-report's "ＤＸ" or
    /// "ﾃﾞｰﾀ" matches a team's "dx" or "データ" (Foundation's case- and width-insensitive folding),
    /// composed again to NFC: folding turns ﾃﾞ into テ and a combining mark, where the team wrote デ.
    public static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .widthInsensitive], locale: nil).precomposedStringWithCanonicalMapping
    }

    /// The best `limit` people, highest score first (ties by staff number); people who score 0 are left out.
    public static func rank(
        _ people: [Person], themes: [Term], wantedSkills: [Term], departmentsOnTeam: Set<SectionCode>, weights: Weights, limit: Int
    ) -> [Suggestion] {
        // A city's tens of thousands are scored, and only the best `limit` kept in order (never
        // the whole city sorted); only those are worded with their reasons.
        func precedes(_ a: (score: Double, index: Int), _ b: (score: Double, index: Int)) -> Bool {
            a.score != b.score ? a.score > b.score : people[a.index].staffNumber < people[b.index].staffNumber
        }
        var best: [(score: Double, index: Int)] = []
        for (index, person) in people.enumerated() where limit > 0 {
            let parts = parts(of: person, themes: themes, wantedSkills: wantedSkills, departmentsOnTeam: departmentsOnTeam)
            // Variety and new faces alone say nothing about fit: someone with neither interest nor skills is not suggested.
            guard parts.interest > 0 || parts.skills > 0 else { continue }
            let score = Double(weights.interest) * parts.interest + Double(weights.skills) * parts.skills
                + Double(weights.sectionVariety) * parts.variety + Double(weights.newFaces) * (person.isNewFace ? 1 : 0)
            let candidate = (score: score, index: index)
            if best.count == limit, let last = best.last, !precedes(candidate, last) { continue }
            best.insert(candidate, at: best.firstIndex { precedes(candidate, $0) } ?? best.count)
            if best.count > limit { best.removeLast() }
        }
        return best.map { Suggestion(staffNumber: people[$0.index].staffNumber, score: $0.score, reasons: reasons(people[$0.index], themes: themes, departmentsOnTeam: departmentsOnTeam)) }
    }

    /// Each part of a person's fit, 0…1: interest (half for asking to join teams at all, half for
    /// the share of the team's themes they named), skills (the share of the wanted skills they
    /// name) and variety (from a department the team has none from yet).
    private static func parts(
        of person: Person, themes: [Term], wantedSkills: [Term], departmentsOnTeam: Set<SectionCode>
    ) -> (interest: Double, skills: Double, variety: Double) {
        var interest = 0.0
        if person.wantsProjectTeams { interest += themes.isEmpty ? 1 : 0.5 }
        if !themes.isEmpty { interest += 0.5 * Double(person.matchingThemes.count) / Double(themes.count) }
        let skills = wantedSkills.isEmpty ? 0 : Double(person.matchingSkills.count) / Double(wantedSkills.count)
        let variety: Double = person.departmentCode.map { departmentsOnTeam.contains($0) ? 0 : 1 } ?? 0
        return (interest, skills, variety)
    }

    private static func reasons(_ person: Person, themes: [Term], departmentsOnTeam: Set<SectionCode>) -> [Reason] {
        var reasons: [Reason] = []
        if person.wantsProjectTeams { reasons.append(.wantsProjectTeams) }
        if !person.matchingThemes.isEmpty, !themes.isEmpty { reasons.append(.matchingThemes(person.matchingThemes)) }
        if !person.matchingSkills.isEmpty { reasons.append(.matchingSkills(person.matchingSkills)) }
        if let department = person.departmentCode, !departmentsOnTeam.contains(department) { reasons.append(.newDepartment(department)) }
        if person.isNewFace { reasons.append(.newFace) }
        return reasons
    }
}
