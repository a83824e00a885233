import Testing
@testable import JibungotoDomain

@Suite struct KanaSearchTests {
    @Test(arguments: [
        ("やまだ たろう", "ヤマダタロウ"), ("ヤマダ　タロウ", "ヤマダタロウ"), ("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダタロウ"),
        ("ﾎﾟﾝﾀﾞ", "ポンダ"), ("ｳﾞｨｸﾄﾙ", "ヴィクトル"), ("ﾜﾞ", "ヷ"), ("がっこう", "ガッコウ"),
        ("か\u{3099}", "ガ"), ("ゝ", "ヽ"), ("ｰ", "ー"), ("ＡＢＣ１２", "ABC12"), ("山田", "山田"),
    ])
    func folds(input: String, expected: String) {
        #expect(KanaSearch.normalize(input) == expected)
    }

    @Test func hiraganaAndKatakanaQueriesMeet() {
        let stored = KanaSearch.normalize("ヤマダ　タロウ")
        #expect(stored.contains(KanaSearch.normalize("やまだ")))
        #expect(stored.contains(KanaSearch.normalize("ﾀﾛｳ")))
    }

    @Test(arguments: [
        ("やまだ　たろう", "ヤマダ　タロウ"), ("ﾔﾏﾀﾞ  ﾀﾛｳ", "ヤマダ　タロウ"), (" サトウ ", "サトウ"),
        ("ジョン・スミス", "ジョン・スミス"), ("ﾒｰﾃﾙ", "メーテル"),
    ])
    func storedKana(input: String, expected: String) {
        #expect(ImportNormalization.nameKana(input) == expected)
    }

    @Test(arguments: ["山田タロウ", "Yamada", "ヤマダ1"])
    func notKana(input: String) {
        #expect(ImportNormalization.nameKana(input) == nil)
    }

    @Test func codes() {
        #expect(ImportNormalization.code(" ａ００１２\u{3000}") == "A0012")
        #expect(ImportNormalization.code("00123") == "00123")
    }
}
