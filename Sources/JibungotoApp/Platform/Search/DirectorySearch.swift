import Fluent
import Foundation
import JibungotoDomain

/// How the header search matches what was typed, however it was typed: full-width or half-width
/// letters and digits, ひらがな, カタカナ or ｶﾀｶﾅ, with or without spaces.
enum DirectorySearch {
    /// NFKC (ＡＢＣ１ → ABC1, ｱｲｳ → アイウ), hiragana as katakana, no spaces, lower case.
    static func folded(_ text: String) -> String {
        KanaSearch.normalize(text.precomposedStringWithCompatibilityMapping).lowercased()
    }

    /// The words of a search, each in its NFKC form; spaces of either width separate them.
    static func words(_ query: String) -> [String] {
        query.precomposedStringWithCompatibilityMapping.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Staff matching every word: a staff number that starts with it, a name that contains it,
    /// or a kana reading that contains it (as ひらがな or カタカナ alike).
    static func staff(matching query: String, in builder: QueryBuilder<StaffMember>) -> QueryBuilder<StaffMember> {
        for word in words(query) {
            let kana = KanaSearch.normalize(word)
            builder.group(.or) { group in
                group.filter(\.$staffNumber, containsLiterally: StaffNumber.normalise(word), at: .prefix)
                    .filter(\.$name, containsLiterally: word)
                if !kana.isEmpty { group.filter(\.$kanaSearch, containsLiterally: kana) }
            }
        }
        return builder
    }

    /// Units of the tree whose Japanese or English name contains the query, in the tree's order.
    static func sections(matching query: String, in tree: OrganizationTree) -> [SectionRecord] {
        let wanted = folded(query)
        guard !wanted.isEmpty else { return [] }
        return tree.flattened().map(\.record).filter {
            folded($0.nameJa).contains(wanted) || folded($0.nameEn).contains(wanted)
        }
    }
}
