import Foundation

/// Decodes the app's form types from a form body or a URL query (`application/x-www-form-urlencoded`)
/// read by ``URLEncodedForm/fields(of:)``, so that every form the app receives goes through one
/// reader, the one `Fuzz/`'s FormFieldFuzzer checks. It takes the place of Vapor's
/// `URLEncodedFormDecoder`, which turns `+` into `%20` with `replacingOccurrences`: that compares
/// characters, so a `+` followed by a combining mark (U+0483) stayed a `+`.
///
/// What it reads, as Vapor's decoder does for the forms the app has:
/// - a single value (`String`, `Int`, `Double`, `Bool`, `UUID`, a raw-value enum) is the last one
///   sent under its name; `title=` is `""`, present; `Bool` is `true`/`false`, `on`, `1`/`0` in any
///   case; a value that does not read as the type asked for is a `DecodingError`;
/// - an array is every value sent under its name, in order: `c[]=x&c[]=y` and `c=x&c=y` alike;
///   a required array that was not sent is empty (a group of checkboxes with none ticked sends nothing);
/// - `[String: String]` holds every name sent, with its last value.
///
/// Where it differs: only a trailing `[]` is special, `a[b]` is the name `a[b]` (no form of the app
/// nests); values are not split at `,` or `|`; a missing required value is `keyNotFound` (Vapor:
/// `valueNotFound`); a name sent without `=` has the value `""` (Vapor: a flag, `true` as a `Bool`).
public struct URLEncodedFormValueDecoder: Sendable {
    public init() {}

    /// `userInfo` reaches the types decoded; Vapor's `request.query.get(_:at:)` passes its key path there.
    public func decode<T: Decodable>(_ type: T.Type, from body: String,
                                     userInfo: [CodingUserInfoKey: any Sendable] = [:]) throws -> T {
        try FormDecoder(node: .form(URLEncodedForm.valuesByName(of: body)), codingPath: [], userInfo: userInfo).decode(type)
    }
}

extension URLEncodedForm {
    /// The values of each name in the order sent, a trailing `[]` (compared as bytes) dropped from
    /// the name.
    public static func valuesByName(of body: String) -> [String: [String]] {
        var values: [String: [String]] = [:]
        for (name, value) in fields(of: body) {
            let bytes = name.utf8
            let isArray = bytes.count >= 2 && bytes.suffix(2).elementsEqual("[]".utf8)
            values[isArray ? String(decoding: bytes.dropLast(2), as: UTF8.self) : name, default: []].append(value)
        }
        return values
    }
}

/// The whole form, or the values sent under one name (or one of them, in an array).
private enum FormNode {
    case form([String: [String]])
    case values([String])
}

private struct FormDecoder: Decoder, SingleValueDecodingContainer {
    let node: FormNode
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    /// Below the top level there are no names: a type that asks for some (Vapor's `File`) finds none.
    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let fields: [String: [String]] = if case .form(let fields) = node { fields } else { [:] }
        return KeyedDecodingContainer(FormFields(decoder: self, fields: fields))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        FormValues(decoder: self, values: try values(asking: [String].self))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool {
        guard case .values(let values) = node else { return false }
        return values.isEmpty
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let integer = T.self as? any FixedWidthInteger.Type {
            return try parsed(type) { integer.init($0) as? T }
        } else if let float = T.self as? any BinaryFloatingPoint.Type {
            return try parsed(type) { Double($0).map { float.init($0) } as? T }
        } else if T.self == Bool.self {
            return try parsed(type) { text in
                switch text.lowercased() {
                case "1", "true", "on": true as? T
                case "0", "false": false as? T
                default: nil
                }
            }
        } else if T.self == String.self {
            return try parsed(type) { $0 as? T }
        }
        return try T(from: self)
    }

    /// The last value sent, read by `parse`.
    private func parsed<T>(_ type: T.Type, _ parse: (String) -> T?) throws -> T {
        guard let text = try values(asking: type).last else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "No value was sent."))
        }
        guard let value = parse(text) else {
            throw DecodingError.typeMismatch(type, .init(codingPath: codingPath,
                                                         debugDescription: "The value sent does not read as \(type)."))
        }
        return value
    }

    private func values(asking type: Any.Type) throws -> [String] {
        guard case .values(let values) = node else {
            throw DecodingError.typeMismatch(type, .init(codingPath: codingPath,
                                                         debugDescription: "A form is named fields; decode a keyed type."))
        }
        return values
    }

    func child(_ values: [String], at key: any CodingKey) -> FormDecoder {
        FormDecoder(node: .values(values), codingPath: codingPath + [key], userInfo: userInfo)
    }
}

private struct FormFields<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: FormDecoder
    let fields: [String: [String]]

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { fields.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

    func decodeNil(forKey key: Key) throws -> Bool { fields[key.stringValue]?.isEmpty ?? true }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        if !contains(key), T.self is any ExpressibleByArrayLiteral.Type {
            return try decoder.child([], at: key).decode(type)
        }
        return try field(key).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try field(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try field(key).unkeyedContainer() }

    func superDecoder() throws -> any Decoder {
        throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "A form has no superclass fields."))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { try field(key) }

    private func field(_ key: Key) throws -> FormDecoder {
        guard let values = fields[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath,
                                                       debugDescription: "No field \"\(key.stringValue)\" was sent."))
        }
        return decoder.child(values, at: key)
    }
}

private struct FormValues: UnkeyedDecodingContainer {
    let decoder: FormDecoder
    let values: [String]
    var currentIndex = 0

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { values.count }
    var isAtEnd: Bool { currentIndex >= values.count }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type).decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { try next() }

    private mutating func next(_ type: Any.Type = Any.self) throws -> FormDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "All \(values.count) values were read."))
        }
        defer { currentIndex += 1 }
        return decoder.child([values[currentIndex]], at: Index(intValue: currentIndex))
    }
}

private struct Index: CodingKey {
    let index: Int
    var intValue: Int? { index }
    var stringValue: String { "\(index)" }
    init(intValue: Int) { index = intValue }
    init?(stringValue: String) { nil }
}
