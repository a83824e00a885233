import Testing

@testable import JibungotoDomain

@Suite("Proposals: the difference between two versions of a text")
struct TextDiffTests {
    static let before = """
        発券機の呼出番号と待ち人数を、市のホームページで確認できるようにします。
        待ち人数が多い時間帯を掲示し、空いている時間帯の来庁を呼びかけます。
        費用は発券機の改修のみです。
        """
    static let after = """
        発券機の呼出番号と待ち人数を、市のホームページとアプリで確認できるようにします。
        待ち人数が多い時間帯を掲示し、空いている時間帯の来庁を呼びかけます。
        まず市民課で3か月間試行し、効果を検証してから全庁に広げます。
        費用は発券機の改修のみです。
        """

    @Test("unchanged lines stay; a changed line shows as removed then added, its changed characters marked; a new line is added whole")
    func lines() {
        let lines = TextDiff.lines(from: Self.before, to: Self.after)
        #expect(lines.map(\.kind) == [.removed, .added, .unchanged, .added, .unchanged])
        #expect(lines[0].text == "発券機の呼出番号と待ち人数を、市のホームページで確認できるようにします。")
        #expect(lines[1].text == "発券機の呼出番号と待ち人数を、市のホームページとアプリで確認できるようにします。")
        #expect(lines[1].segments == [
            TextDiff.Segment("発券機の呼出番号と待ち人数を、市のホームページ", isChanged: false),
            TextDiff.Segment("とアプリ", isChanged: true),
            TextDiff.Segment("で確認できるようにします。", isChanged: false),
        ])
        #expect(lines[0].segments.allSatisfy { !$0.isChanged }, "nothing of the old line was taken out, only added to")
        #expect(lines[3].segments == [TextDiff.Segment("まず市民課で3か月間試行し、効果を検証してから全庁に広げます。", isChanged: true)])
        #expect(lines[4] == TextDiff.Line(.unchanged, [TextDiff.Segment("費用は発券機の改修のみです。", isChanged: false)]))
    }

    @Test("characters taken out are marked on the removed line")
    func removedCharacters() {
        let lines = TextDiff.lines(from: "初年度 約80万円（発券機の改修）", to: "初年度 約50万円")
        #expect(lines.map(\.kind) == [.removed, .added])
        #expect(lines[0].segments.filter(\.isChanged).map(\.text).joined() == "8（発券機の改修）")
        #expect(lines[1].segments.filter(\.isChanged).map(\.text) == ["5"])
    }

    @Test("a block of several changed lines lists its removed lines first, then its added ones; an extra removed line is removed whole")
    func blocks() {
        let lines = TextDiff.lines(from: "一\n二\n三\n四", to: "一\n2\n3\n四")
        #expect(lines.map(\.kind) == [.unchanged, .removed, .removed, .added, .added, .unchanged])
        #expect(lines.map(\.text) == ["一", "二", "三", "2", "3", "四"])
        let shorter = TextDiff.lines(from: "甲\n乙\n丙", to: "甲")
        #expect(shorter.map(\.kind) == [.unchanged, .removed, .removed])
        #expect(shorter[1].segments == [TextDiff.Segment("乙", isChanged: true)])
    }

    @Test("line ends of any kind compare alike; equal texts have no changes; an empty text has no lines")
    func edges() {
        #expect(!TextDiff.hasChanges(from: "一\r\n二", to: "一\n二"))
        #expect(TextDiff.hasChanges(from: "一\n二", to: "一\n二\n"), "a trailing empty line is a line")
        #expect(TextDiff.lines(from: "", to: "").isEmpty)
        #expect(TextDiff.lines(from: "", to: "新しい行").map(\.kind) == [.added])
        #expect(TextDiff.lines(from: "同じ", to: "同じ") == [TextDiff.Line(.unchanged, [TextDiff.Segment("同じ", isChanged: false)])])
    }
}
