import JibungotoDomain
import Vapor

extension StaffNumber {
    /// 職員番号 as stored and compared: half-width, trimmed, upper case (users type ｓ１２ as often as S12).
    static func normalise(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return (trimmed.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? trimmed).uppercased()
    }

    /// What a user typed, as a staff number.
    static func typed(_ text: String) -> StaffNumber { StaffNumber(normalise(text)) }
}

extension Application {
    private struct UnknownAccountHashKey: StorageKey { typealias Value = String }

    /// A hash of a random secret, verified when the staff number is unknown so that the answer
    /// takes as long as for a real account.
    var unknownAccountHash: String {
        get { storage[UnknownAccountHashKey.self] ?? "" }
        set { storage[UnknownAccountHashKey.self] = newValue }
    }
}
