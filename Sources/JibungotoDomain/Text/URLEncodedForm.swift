/// A form body as browsers send it (`application/x-www-form-urlencoded`), read in one pass over
/// its bytes: pairs at `&`, name and value at the first `=`, `+` as a space, `%XX` as a byte.
/// The app reads every posted form through this (`Request.urlEncodedFields`). `Fuzz/`'s
/// FormFieldFuzzer checks it against Foundation's `removingPercentEncoding`, whose answer it
/// gives: a part with a malformed escape or escaped bytes that are not UTF-8 is kept as sent.
/// `+` is replaced byte by byte, as the encoding is defined; Foundation's `replacingOccurrences`,
/// which the app used before, compares characters and kept a `+` followed by a combining mark.
public enum URLEncodedForm {
    /// The fields in the order they were sent, repeated names included.
    public static func fields(of body: String) -> [(name: String, value: String)] {
        body.utf8.split(separator: UInt8(ascii: "&")).map { pair in
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// One name or value: `+` a space, then its escapes decoded; as sent when an escape is
    /// malformed or the decoded bytes are not UTF-8.
    public static func decode(_ part: Substring.UTF8View) -> String {
        let spaced = part.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }
        guard spaced.contains(UInt8(ascii: "%")) else { return String(decoding: spaced, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(spaced.count)
        var index = 0
        while index < spaced.count {
            let byte = spaced[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < spaced.count, let high = hexValue(spaced[index + 1]), let low = hexValue(spaced[index + 2]) else {
                    return String(decoding: part, as: UTF8.self)
                }
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(byte)
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? String(decoding: part, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
