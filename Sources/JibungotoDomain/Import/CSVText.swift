import Foundation

/// The encoding a user picks for an uploaded CSV file (`--encoding auto|utf8|cp932`).
public enum CSVTextEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    /// UTF-8 when the bytes are valid UTF-8 (with or without a BOM), otherwise CP932.
    case auto
    /// UTF-8; a leading BOM is dropped.
    case utf8
    /// Shift_JIS as Windows writes it (CP932, with NEC and IBM extensions such as ①, ㈱, 髙, 﨑).
    case cp932
}

/// The encoding a file was actually read with.
public enum DetectedCSVEncoding: String, Sendable, Hashable, Codable {
    case utf8
    case utf8WithBOM
    case cp932
}

/// The text of a CSV file and how it was decoded.
public struct DecodedCSVText: Sendable, Hashable {
    /// The file's text without a BOM; line ends as in the file.
    public var text: String
    public var detected: DetectedCSVEncoding

    public init(text: String, detected: DetectedCSVEncoding) {
        self.text = text
        self.detected = detected
    }
}

/// The bytes are not valid in the encoding tried.
public struct CSVDecodeError: Error, Sendable, Hashable {
    /// The 1-based physical line (counted by LF) holding the first invalid byte sequence.
    public var line: Int
    /// The encoding that was tried: `.utf8` or `.cp932`, never `.auto`.
    public var encoding: CSVTextEncoding

    public init(line: Int, encoding: CSVTextEncoding) {
        self.line = line
        self.encoding = encoding
    }

    /// The same error as an import issue, to list with the others.
    public var issue: ImportIssue {
        ImportIssue(line: line, column: nil, field: nil, kind: .undecodable(encoding: encoding))
    }
}

/// Turns uploaded bytes into text.
public enum CSVText {
    /// Decodes a CSV file.
    ///
    /// With `.auto`: a UTF-8 BOM means UTF-8; otherwise bytes that are valid UTF-8 are read as
    /// UTF-8, and anything else as CP932. (A CP932 file with kanji or kana is practically never
    /// valid UTF-8, while a pure-ASCII file reads the same either way.) An explicit encoding is
    /// used as given. When decoding fails, the error names the first line with bad bytes.
    public static func decode(_ data: Data, encoding: CSVTextEncoding) -> Result<DecodedCSVText, CSVDecodeError> {
        let hasBOM = data.starts(with: [0xEF, 0xBB, 0xBF])
        switch encoding {
        case .utf8:
            return decodeUTF8(data, hasBOM: hasBOM)
        case .cp932:
            return decodeCP932(data)
        case .auto:
            if hasBOM { return decodeUTF8(data, hasBOM: true) }
            if let text = utf8String(data) { return .success(DecodedCSVText(text: text, detected: .utf8)) }
            return decodeCP932(data)
        }
    }

    private static func decodeUTF8(_ data: Data, hasBOM: Bool) -> Result<DecodedCSVText, CSVDecodeError> {
        let body = hasBOM ? data.dropFirst(3) : data[...]
        if let text = utf8String(body) {
            return .success(DecodedCSVText(text: text, detected: hasBOM ? .utf8WithBOM : .utf8))
        }
        // Lines after the BOM keep their numbers: the BOM sits on line 1.
        return .failure(CSVDecodeError(line: firstBadLine(body, decodes: { utf8String($0) != nil }), encoding: .utf8))
    }

    private static func decodeCP932(_ data: Data) -> Result<DecodedCSVText, CSVDecodeError> {
        // Foundation's .shiftJIS on Linux is CP932 (checked on this toolchain: ①, ㈱, 髙, 﨑,
        // 0x8160 → ～); it returns nil with no position on a bad byte.
        if let text = String(data: data, encoding: .shiftJIS) {
            return .success(DecodedCSVText(text: text, detected: .cp932))
        }
        let line = firstBadLine(data[...]) { String(data: Data($0), encoding: .shiftJIS) != nil }
        return .failure(CSVDecodeError(line: line, encoding: .cp932))
    }

    private static func utf8String(_ bytes: some Collection<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    // Splitting at LF is safe in both encodings: 0x0A is never part of a multi-byte
    // character in UTF-8 or in CP932 (whose trail bytes are 0x40...0xFC).
    private static func firstBadLine(_ data: Data.SubSequence, decodes: (Data.SubSequence) -> Bool) -> Int {
        var line = 1
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            if !decodes(data[start..<end]) { return line }
            line += 1
            start = end < data.endIndex ? data.index(after: end) : end
        }
        // The whole failed but no line alone does; cannot happen for these encodings, but the
        // first line is a safe answer.
        return 1
    }
}
