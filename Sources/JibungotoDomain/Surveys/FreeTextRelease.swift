import Foundation

/// A small deterministic random number generator (SplitMix64), so that a shuffle can be
/// repeated from a stored seed. Not for secrets.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Release of free-text answers.
///
/// Free text can identify its writer by style or content, so it has its own, higher threshold
/// (``DisclosurePolicy/freeTextK``), is released only for the whole survey, never next to attributes that would narrow it, and
/// in an order unrelated to submission.
public enum FreeTextRelease {
    /// The texts to show for a group, or nil when they must not be shown.
    ///
    /// - Parameters:
    ///   - texts: the non-empty free-text answers of the group to one question, in any order.
    ///   - groupSize: the number of respondents in the group (all who submitted, including those
    ///     who left the question empty). The threshold is on respondents, not on texts: a group
    ///     of 40 respondents with 2 comments may release them, since either could be any of 40.
    ///   - seed: fixes the shuffle, so a page shows the same order on every view. Use a value
    ///     the submission order cannot predict, e.g. random bits stored with the survey when it
    ///     closes; never the answer ids' order.
    /// - Returns: the trimmed non-empty texts in shuffled order, or nil when `groupSize` is
    ///   below `policy.freeTextK`.
    public static func release(texts: [String], groupSize: Int, policy: DisclosurePolicy, seed: UInt64) -> [String]? {
        guard groupSize >= policy.freeTextK else { return nil }
        // Sorting first makes the result independent of the order the texts arrive in (which
        // may be insertion order); the seeded shuffle then makes it independent of content order.
        var released = texts.map { $0.freeTextTrimmed() }.filter { !$0.isEmpty }.sorted()
        var generator = SeededGenerator(seed: seed)
        released.shuffle(using: &generator)
        return released
    }

    /// One comment as the results page lists it: identical comments once, with how many wrote it.
    public struct Group: Sendable, Hashable, Codable {
        public var text: String
        public var count: Int
    }

    /// The released comments with identical ones counted once. Two comments are identical when
    /// they read the same after width and compatibility forms are unified (NFKC: 全角 letters,
    /// digits and spaces, half-width katakana) and runs of whitespace are made one space, so
    /// 「残業が多い 」 and 「残業が　多い」 count together. Groups keep the order in which their first
    /// comment was released (already shuffled), so grouping adds nothing about who wrote first.
    /// Only ever called on comments that ``release(texts:groupSize:policy:seed:)`` released.
    public static func grouped(_ released: [String]) -> [Group] {
        var groups: [Group] = []
        var index: [String: Int] = [:]
        for comment in released {
            let key = normalized(comment)
            guard !key.isEmpty else { continue }
            if let position = index[key] {
                groups[position].count += 1
            } else {
                index[key] = groups.count
                groups.append(Group(text: key, count: 1))
            }
        }
        return groups
    }

    /// The comparison form of a comment (and the form it is shown in once grouped).
    public static func normalized(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }

    /// Whether a view of `cell` may show the released comments: only the whole survey
    /// (``CellSpec/all``), since comments are released for the whole alone and any narrowing
    /// filter beside them would suggest whose they are.
    public static func mayRelease(for cell: CellSpec) -> Bool {
        cell.filters.isEmpty
    }
}

extension String {
    fileprivate func freeTextTrimmed() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
