import Vapor

/// How a secret that a browser holds (a session id, a device token) is kept in the database:
/// its SHA-256 in hex, so a copy of the database holds nothing a browser could present.
enum TokenHash {
    static func hex(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
