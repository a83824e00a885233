import Foundation

/// The difference between two versions of a text, line by line and, within a changed line,
/// character by character (Japanese has no spaces to split words on): what a revised proposal
/// shows against the version before it.
public enum TextDiff {
    /// A run of characters of a line, changed or not.
    public struct Segment: Sendable, Equatable {
        public var text: String
        public var isChanged: Bool

        public init(_ text: String, isChanged: Bool) {
            self.text = text
            self.isChanged = isChanged
        }
    }

    public enum LineKind: String, Sendable {
        case unchanged, removed, added
    }

    public struct Line: Sendable, Equatable {
        public var kind: LineKind
        /// For a removed or added line, its characters marked where they differ from the line it
        /// replaced (or with); an unchanged line is one unchanged segment.
        public var segments: [Segment]

        public init(_ kind: LineKind, _ segments: [Segment]) {
            self.kind = kind
            self.segments = segments
        }

        public var text: String { segments.map(\.text).joined() }
    }

    /// Above this many character pairs a changed line is marked whole rather than character by character.
    static let characterComparisonLimit = 250_000

    /// The lines of `new` against `old`: unchanged lines, and each block of changes as its removed
    /// lines then its added lines, the n-th removed line compared with the n-th added one.
    public static func lines(from old: String, to new: String) -> [Line] {
        let before = split(old), after = split(new)
        var result: [Line] = []
        var removed: [String] = [], added: [String] = []
        func flush() {
            var removedLines: [Line] = [], addedLines: [Line] = []
            for index in 0..<max(removed.count, added.count) {
                if index < removed.count, index < added.count {
                    let (left, right) = characters(removed[index], added[index])
                    removedLines.append(Line(.removed, left))
                    addedLines.append(Line(.added, right))
                } else if index < removed.count {
                    removedLines.append(Line(.removed, [Segment(removed[index], isChanged: true)]))
                } else {
                    addedLines.append(Line(.added, [Segment(added[index], isChanged: true)]))
                }
            }
            result += removedLines + addedLines
            removed = []
            added = []
        }
        for edit in script(before, after) {
            switch edit {
            case .same(let index, _):
                flush()
                result.append(Line(.unchanged, [Segment(before[index], isChanged: false)]))
            case .removed(let index): removed.append(before[index])
            case .added(let index): added.append(after[index])
            }
        }
        flush()
        return result
    }

    /// Whether the two texts differ at all.
    public static func hasChanges(from old: String, to new: String) -> Bool {
        split(old) != split(new)
    }

    /// Lines, with Windows and old Mac line ends read as one; no text is no line.
    static func split(_ text: String) -> [String] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return normalized.isEmpty ? [] : normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The two lines as segments, the characters outside their longest common subsequence marked.
    static func characters(_ old: String, _ new: String) -> ([Segment], [Segment]) {
        let left = Array(old), right = Array(new)
        guard left.count * right.count <= characterComparisonLimit else {
            return ([Segment(old, isChanged: true)], [Segment(new, isChanged: true)])
        }
        var oldMarks: [(Character, Bool)] = [], newMarks: [(Character, Bool)] = []
        for edit in script(left, right) {
            switch edit {
            case .same(let index, let other):
                oldMarks.append((left[index], false))
                newMarks.append((right[other], false))
            case .removed(let index): oldMarks.append((left[index], true))
            case .added(let index): newMarks.append((right[index], true))
            }
        }
        return (segments(oldMarks), segments(newMarks))
    }

    /// Consecutive characters with the same mark as one segment.
    static func segments(_ marks: [(Character, Bool)]) -> [Segment] {
        var result: [Segment] = []
        for (character, changed) in marks {
            if let last = result.last, last.isChanged == changed {
                result[result.count - 1].text.append(character)
            } else {
                result.append(Segment(String(character), isChanged: changed))
            }
        }
        return result
    }

    enum Edit: Equatable {
        /// The element at the first index of `old` equals the one at the second of `new`.
        case same(Int, Int)
        case removed(Int)
        case added(Int)
    }

    /// A shortest edit script from `old` to `new` through their longest common subsequence
    /// (dynamic programming; texts of a proposal are a few hundred lines at most).
    static func script<Element: Equatable>(_ old: [Element], _ new: [Element]) -> [Edit] {
        let n = old.count, m = new.count
        let width = m + 1
        // common[i * width + j]: the length of the longest common subsequence of old[i...] and new[j...].
        var common = [Int](repeating: 0, count: (n + 1) * width)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                common[i * width + j] = old[i] == new[j]
                    ? common[(i + 1) * width + j + 1] + 1
                    : max(common[(i + 1) * width + j], common[i * width + j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < n && j < m {
            if old[i] == new[j] {
                edits.append(.same(i, j))
                i += 1
                j += 1
            } else if common[(i + 1) * width + j] >= common[i * width + j + 1] {
                edits.append(.removed(i))
                i += 1
            } else {
                edits.append(.added(j))
                j += 1
            }
        }
        while i < n {
            edits.append(.removed(i))
            i += 1
        }
        while j < m {
            edits.append(.added(j))
            j += 1
        }
        return edits
    }
}
