/// 職員番号: a staff member's number in the staff master. A type of its own so that a staff
/// number can never be passed where a section code is meant (both are short strings). Stored and
/// encoded as its text.
public struct StaffNumber: RawRepresentable, Hashable, Comparable, Sendable, Codable, CodingKeyRepresentable, ExpressibleByStringLiteral, CustomStringConvertible {
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

    /// A dictionary keyed by staff number encodes as an object keyed by the number.
    public var codingKey: any CodingKey { AnyCodingKey(rawValue) }
    public init?<T: CodingKey>(codingKey: T) { rawValue = codingKey.stringValue }

    public var description: String { rawValue }
    public static func < (lhs: StaffNumber, rhs: StaffNumber) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// 所属コード: an organizational unit's code, its identity across fiscal years. A type of its own
/// so that it cannot be swapped with a staff number. Stored and encoded as its text.
public struct SectionCode: RawRepresentable, Hashable, Comparable, Sendable, Codable, CodingKeyRepresentable, ExpressibleByStringLiteral, CustomStringConvertible {
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

    /// A dictionary keyed by section code encodes as an object keyed by the code.
    public var codingKey: any CodingKey { AnyCodingKey(rawValue) }
    public init?<T: CodingKey>(codingKey: T) { rawValue = codingKey.stringValue }

    public var description: String { rawValue }
    public static func < (lhs: SectionCode, rhs: SectionCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A coding key made from a string, for dictionaries keyed by an identifier.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension StaffNumber: ExpressibleByStringInterpolation {}
extension SectionCode: ExpressibleByStringInterpolation {}
