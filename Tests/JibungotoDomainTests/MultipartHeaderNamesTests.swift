import JibungotoDomain
import Testing

@Suite("An upload body's part header names are checked before the multipart reader sees them")
struct MultipartHeaderNamesTests {
    static func body(_ parts: [String]) -> [UInt8] {
        Array((parts.map { "--XB\r\n" + $0 + "\r\n" }.joined() + "--XB--\r\n").utf8)
    }

    @Test("a browser's upload passes: Japanese in a file name (a header value) and in the file")
    func browserUpload() {
        let body = Self.body([
            "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\ntoken",
            "Content-Disposition: form-data; name=\"file\"; filename=\"職員一覧.csv\"\r\nContent-Type: text/csv\r\n\r\n職員番号,氏名\r\n備考: 兼務\r\nT00001,佐藤 一郎",
        ])
        #expect(MultipartHeaderNames.areASCII(body, boundary: "XB"))
    }

    @Test("a header name with a byte from 0x80 is refused, in the first part or a later one")
    func nameNotASCII() {
        #expect(!MultipartHeaderNames.areASCII(Self.body(["名前: x\r\n\r\nx"]), boundary: "XB"))
        #expect(!MultipartHeaderNames.areASCII(Self.body(["Content-Disposition: form-data; name=\"a\"\r\n\r\nx",
                                                          "Content-Type: text/plain\r\nX-\u{00E9}: 1\r\n\r\ny"]), boundary: "XB"))
        // The fuzzer's input: 0x86 inside Content-Disposition.
        let found: [UInt8] = Array("--XB\r\nContent-Dispos".utf8) + [0x86, 0x01] + Array("ition: form-data\r\n\r\nx\r\n--XB--\r\n".utf8)
        #expect(!MultipartHeaderNames.areASCII(found, boundary: "XB"))
    }

    @Test("bytes from 0x80 outside the header names pass: the preamble, values, bodies, text without the boundary")
    func elsewhere() {
        let preamble = Array("前文\r\n".utf8) + Self.body(["Content-Disposition: form-data; name=\"a\"\r\n\r\n本文: 値"])
        #expect(MultipartHeaderNames.areASCII(preamble, boundary: "XB"))
        #expect(MultipartHeaderNames.areASCII(Array("名前: x\r\n".utf8), boundary: "XB"))
        // A name broken by a line break ends the reader's parse: what follows is not a header.
        #expect(MultipartHeaderNames.areASCII(Array("--XB\r\nContent\r\n名前: x\r\n\r\n".utf8), boundary: "XB"))
    }
}
