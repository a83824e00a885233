import Foundation
import FuzzSupport
import JibungotoDomain
import MultipartKit

// An upload form's body (multipart/form-data) as the app reads it: `MultipartHeaderNames` first,
// then, for what it lets through, MultipartKit's `FormDataDecoder`, behind `request.content.decode`
// on the staff import and bulk account forms and the CSRF check of every POST (a CSV file, a
// choice, the token). Any bytes under the form's boundary are decoded or refused, never a crash
// (the reader alone traps on a header name byte from 0x80: `Corpus/MultipartFuzzer/header-name-not-ascii`);
// and fields spelled by the input, encoded as a browser sends them (`FormDataEncoder`), pass the
// check and read back as they were.

private struct UploadForm: Codable, Equatable {
    var _csrf: String?
    var kind: String?
    var file: Data?
}

private let boundary = "----jibungoto-fuzz-boundary"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    if MultipartHeaderNames.areASCII(bytes, boundary: boundary) {
        _ = try? FormDataDecoder().decode(UploadForm.self, from: bytes, boundary: boundary)
    }
    checkRoundTrip(bytes)
    return 0
}

/// Three fields from the input, split at its first two zero bytes: the token, the choice, the
/// file. A browser picks a boundary that its fields do not contain, so inputs that contain this
/// one are left to the decoding above.
private func checkRoundTrip(_ bytes: [UInt8]) {
    let parts = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3, !bytes.contains(subsequence: Array(boundary.utf8)) else { return }
    let sent = UploadForm(_csrf: String(decoding: parts[0], as: UTF8.self), kind: String(decoding: parts[1], as: UTF8.self), file: Data(parts[2]))
    do {
        // Into bytes: the encoder's `String` form would repair a file that is not UTF-8.
        var body = ByteBuffer()
        try FormDataEncoder().encode(sent, boundary: boundary, into: &body)
        require(MultipartHeaderNames.areASCII(body.readableBytesView, boundary: boundary), "a browser's form refused by the header check")
        let read = try FormDataDecoder().decode(UploadForm.self, from: body, boundary: boundary)
        require(read == sent, "sent \(sent), read back \(read)")
    } catch {
        require(false, "a form encoded as a browser sends it was refused: \(error)")
    }
}

private extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard !subsequence.isEmpty, count >= subsequence.count else { return false }
        return (0...(count - subsequence.count)).contains { self[$0..<($0 + subsequence.count)].elementsEqual(subsequence) }
    }
}
