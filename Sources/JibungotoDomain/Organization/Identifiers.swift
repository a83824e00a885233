/// An identifier of one kind of thing: a string with a type of its own, so that a staff number
/// can never be passed where a section code is meant (both are short strings). Stored, encoded
/// and shown as its text; a dictionary keyed by identifiers encodes as an object keyed by the text.
public struct Identifier<Kind: IdentifierKind>: RawRepresentable, Hashable, Comparable, Sendable, Codable, CodingKeyRepresentable,
    ExpressibleByStringInterpolation, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var codingKey: any CodingKey { TextCodingKey(stringValue: rawValue) }
    public init?<T: CodingKey>(codingKey: T) { rawValue = codingKey.stringValue }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What an `Identifier` identifies; only the types below conform.
public protocol IdentifierKind: Sendable {}

/// 職員番号: a staff member's number in the staff master.
public enum StaffNumberKind: IdentifierKind {}
public typealias StaffNumber = Identifier<StaffNumberKind>

/// 所属コード: an organizational unit's code, its identity across fiscal years.
public enum SectionCodeKind: IdentifierKind {}
public typealias SectionCode = Identifier<SectionCodeKind>

/// A coding key made from a string, for dictionaries keyed by an identifier.
struct TextCodingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
