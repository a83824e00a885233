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
        public var themesText: String
        public var skillsText: String
        /// No cross-section ledger entry in the look-back years.
        public var isNewFace: Bool

        public init(staffNumber: StaffNumber, departmentCode: SectionCode?, wantsProjectTeams: Bool, themesText: String, skillsText: String, isNewFace: Bool) {
            self.staffNumber = staffNumber
            self.departmentCode = departmentCode
            self.wantsProjectTeams = wantsProjectTeams
            self.themesText = themesText
            self.skillsText = skillsText
            self.isNewFace = isNewFace
        }
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
    public static func terms(_ text: String) -> [String] {
        let separators = CharacterSet(charactersIn: "、，,・/／;；。\u{3000}").union(.whitespacesAndNewlines)
        var seen: Set<String> = []
        return text.components(separatedBy: separators)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    /// Text as the matching compares it: case and width folded, so a self-report's "ＤＸ" or
    /// "ﾃﾞｰﾀ" matches a team's "dx" or "データ" (Foundation's case- and width-insensitive folding,
    /// composed to NFC).
    /// Text of ASCII, kanji, kana and other characters that neither folding changes is folded by
    /// lowering its ASCII letters alone, which gives the same text without Foundation's cost (a
    /// city's 40,000 self-reports are folded for each team).
    static func folded(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy(isUnchangedByFolding) { return asciiLowercased(text) }
        // Composed again: folding turns ﾃﾞ into テ and a combining mark, where the team wrote デ.
        return text.folding(options: [.caseInsensitive, .widthInsensitive], locale: nil).precomposedStringWithCanonicalMapping
    }

    /// ASCII (whose letters the caller lowers), or a character that has no case, is not a
    /// half- or full-width form (U+FF00–FFEF, the ideographic space U+3000, the spacing voiced
    /// sound marks U+309B–309C) and does not combine with the one before.
    private static func isUnchangedByFolding(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return true }
        let properties = scalar.properties
        return !(0xFF00...0xFFEF).contains(scalar.value) && scalar.value != 0x3000 && !(0x309B...0x309C).contains(scalar.value)
            && !properties.changesWhenCaseFolded && !properties.isGraphemeExtend && properties.canonicalCombiningClass == .notReordered
    }

    private static func asciiLowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else { return text }
        return String(decoding: text.utf8.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// The words whose folded form `foldedText` contains, in `wanted`'s order: compared as UTF-8
    /// bytes, which for folded text is containment of the same characters.
    private static func matches(_ wanted: [(word: String, folded: [UInt8])], inFolded foldedText: [UInt8]) -> [String] {
        guard !foldedText.isEmpty else { return [] }
        return wanted.filter { contains(foldedText, $0.folded) }.map(\.word)
    }

    /// Whether `needle` (not empty) occurs in `haystack`: a plain scan, as the texts are short
    /// (the generic collection searches cost more here than the comparing).
    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        var start = 0
        while start <= haystack.count - needle.count {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// The best `limit` people, highest score first (ties by staff number); people who score 0 are left out.
    public static func rank(
        _ people: [Person], themes: String, wantedSkills: String, departmentsOnTeam: Set<SectionCode>, weights: Weights, limit: Int
    ) -> [Suggestion] {
        let themeTerms = terms(themes).map { (word: $0, folded: Array(folded($0).utf8)) }
        let skillTerms = terms(wantedSkills).map { (word: $0, folded: Array(folded($0).utf8)) }
        // A city's self-reports repeat the same few words and phrases: each distinct text is
        // folded once.
        var foldedTexts: [String: [UInt8]] = [:]
        func foldedOnce(_ text: String) -> [UInt8] {
            if let known = foldedTexts[text] { return known }
            let result = Array(folded(text).utf8)
            foldedTexts[text] = result
            return result
        }
        var suggestions: [Suggestion] = []
        suggestions.reserveCapacity(people.count)
        for person in people {
            var reasons: [Reason] = []
            // Interest: half for asking to join teams at all, half for the share of the team's themes they named.
            var interest = 0.0
            if person.wantsProjectTeams {
                interest += themeTerms.isEmpty ? 1 : 0.5
                reasons.append(.wantsProjectTeams)
            }
            let themeMatches = matches(themeTerms, inFolded: foldedOnce(person.themesText))
            if !themeMatches.isEmpty {
                interest += 0.5 * Double(themeMatches.count) / Double(themeTerms.count)
                reasons.append(.matchingThemes(themeMatches))
            }
            let skillMatches = matches(skillTerms, inFolded: foldedOnce(person.skillsText))
            let skills = skillTerms.isEmpty ? 0 : Double(skillMatches.count) / Double(skillTerms.count)
            if !skillMatches.isEmpty { reasons.append(.matchingSkills(skillMatches)) }
            var variety = 0.0
            if let department = person.departmentCode, !departmentsOnTeam.contains(department) {
                variety = 1
                reasons.append(.newDepartment(department))
            }
            let newFace = person.isNewFace ? 1.0 : 0
            if person.isNewFace { reasons.append(.newFace) }
            // Variety and new faces alone say nothing about fit: someone with neither interest nor skills is not suggested.
            guard interest > 0 || skills > 0 else { continue }
            let score = Double(weights.interest) * interest + Double(weights.skills) * skills
                + Double(weights.sectionVariety) * variety + Double(weights.newFaces) * newFace
            suggestions.append(Suggestion(staffNumber: person.staffNumber, score: score, reasons: reasons))
        }
        suggestions.sort { $0.score != $1.score ? $0.score > $1.score : $0.staffNumber < $1.staffNumber }
        return Array(suggestions.prefix(limit))
    }
}
