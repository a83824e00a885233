import Foundation

/// Values kept as JSON text in a database column or the session.
enum JSONText {
    /// The value as JSON text; `fallback` when it cannot be encoded.
    static func encode(_ value: some Encodable, fallback: String) -> String {
        (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? fallback
    }

    /// The value in `text`, or nil when there is none or it does not decode.
    static func decode<Value: Decodable>(_ type: Value.Type, from text: String?) -> Value? {
        text.flatMap { try? JSONDecoder().decode(type, from: Data($0.utf8)) }
    }
}
