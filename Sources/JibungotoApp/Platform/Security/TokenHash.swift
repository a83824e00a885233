import Vapor

/// How a secret that a browser holds (a session id, a device token) is kept in the database:
/// its SHA-256 in hex, so a copy of the database holds nothing a browser could present.
enum TokenHash {
    static func hex(_ token: String) -> String {
        // Every signed-in request hashes its session id: by table, since `String(format:)` per
        // byte was 1.5 % of a survey week's CPU.
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
