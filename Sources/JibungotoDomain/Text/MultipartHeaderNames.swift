/// The header names of an upload form's parts (`multipart/form-data`), checked before the
/// multipart reader sees the body. MultipartKit 4.7.1, the reader behind Vapor's upload forms,
/// looks each byte of a header name up in a table of the 128 ASCII characters and traps on a byte
/// from 0x80: one request with such a body stopped the whole server, from anyone with a session
/// (the login page gives one, and the CSRF check reads the token from the body). Found by
/// `Fuzz/`'s MultipartFuzzer, which decodes only what this check lets through.
///
/// Header names are ASCII in every browser's upload (a file name in Japanese is in the header's
/// value), so a body is refused when a header line of a part starts a name with such a byte. The
/// parts are found as the reader finds them: `--` and the boundary, then CR LF, then header
/// lines up to an empty one. Every place the boundary occurs is checked, including ones the
/// reader would not treat as a part, so the check may refuse more than the reader would read,
/// never less.
public enum MultipartHeaderNames {
    /// `body` is read in place where its bytes are contiguous (an array, a request's buffer), so
    /// an upload is not copied for the check.
    public static func areASCII(_ body: some Collection<UInt8>, boundary: String) -> Bool {
        body.withContiguousStorageIfAvailable { areASCII(in: $0, boundary: boundary) }
            ?? Array(body).withUnsafeBufferPointer { areASCII(in: $0, boundary: boundary) }
    }

    private static func areASCII(in body: UnsafeBufferPointer<UInt8>, boundary: String) -> Bool {
        let delimiter = Array("--\(boundary)".utf8)
        var searchFrom = 0
        while let start = firstOccurrence(of: delimiter, in: body, from: searchFrom) {
            searchFrom = start + 1
            var position = start + delimiter.count
            guard position + 1 < body.count, body[position] == cr, body[position + 1] == lf else { continue }
            position += 2
            lines: while position < body.count, body[position] != cr {
                // The name, up to the colon; the reader stops at a line break inside it.
                while position < body.count, body[position] != colon {
                    if body[position] >= 0x80 { return false }
                    if body[position] == cr || body[position] == lf { break lines }
                    position += 1
                }
                // The value, up to CR; the reader requires LF after it.
                while position < body.count, body[position] != cr { position += 1 }
                guard position + 1 < body.count, body[position + 1] == lf else { break lines }
                position += 2
            }
        }
        return true
    }

    private static let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), colon = UInt8(ascii: ":")

    private static func firstOccurrence(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
