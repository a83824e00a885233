import Foundation
import Testing
@testable import JibungotoDomain

@Suite struct CSVTextTests {
    let sample = "職員番号,氏名,氏名カナ\r\n1001,髙橋①,ﾀｶﾊｼ\r\n1002,山﨑㈱,ﾔﾏｻﾞｷ\r\n"

    @Test func autoDetectsUTF8WithBOMAndStripsIt() throws {
        let decoded = try CSVText.decode(Data([0xEF, 0xBB, 0xBF]) + Data(sample.utf8), encoding: .auto).get()
        #expect(decoded.detected == .utf8WithBOM)
        #expect(decoded.text == sample)
        #expect(decoded.text.unicodeScalars.first != "\u{FEFF}")
    }

    @Test func autoDetectsUTF8WithoutBOM() throws {
        let decoded = try CSVText.decode(Data(sample.utf8), encoding: .auto).get()
        #expect(decoded.detected == .utf8)
        #expect(decoded.text == sample)
    }

    @Test func autoFallsBackToCP932WithNECAndIBMExtensionsAndHalfwidthKana() throws {
        let bytes = try #require(sample.data(using: .shiftJIS))
        let decoded = try CSVText.decode(bytes, encoding: .auto).get()
        #expect(decoded.detected == .cp932)
        #expect(decoded.text == sample)
        for character in ["①", "㈱", "髙", "﨑", "ﾀｶﾊｼ", "ﾔﾏｻﾞｷ"] { #expect(decoded.text.contains(character)) }
    }

    @Test func cp932MicrosoftMappingsDecode() throws {
        // 0x8160 is WAVE DASH in JIS but FULLWIDTH TILDE in CP932; 0xFB9A is 髙 in the IBM block.
        let decoded = try CSVText.decode(Data([0x81, 0x60, 0xFB, 0xFC, 0x0A]), encoding: .cp932).get()
        #expect(decoded.text == "～髙\n")
        // The NEC-selected IBM extension forms of 髙 (0xEEE0) and 﨑 (0xED95) decode too.
        #expect(try CSVText.decode(Data([0xEE, 0xE0, 0xED, 0x95]), encoding: .auto).get().text == "髙﨑")
    }

    @Test func explicitChoiceIsHonoured() throws {
        // Pure ASCII is valid in both; an explicit CP932 is reported as such.
        let ascii = Data("a,b\n1,2\n".utf8)
        #expect(try CSVText.decode(ascii, encoding: .cp932).get().detected == .cp932)
        #expect(try CSVText.decode(ascii, encoding: .utf8).get().detected == .utf8)
        // A BOM with explicit UTF-8 is still dropped.
        let bom = try CSVText.decode(Data([0xEF, 0xBB, 0xBF]) + ascii, encoding: .utf8).get()
        #expect(bom.detected == .utf8WithBOM && bom.text == "a,b\n1,2\n")
    }

    @Test func cp932BytesReadAsUTF8NameTheFirstBadLine() throws {
        let bytes = try #require("a,b\r\n1,2\r\n3,髙橋\r\n".data(using: .shiftJIS))
        let error = try #require(CSVText.decode(bytes, encoding: .utf8).importFailure)
        #expect(error == CSVDecodeError(line: 3, encoding: .utf8))
        #expect(error.issue.kind == .undecodable(encoding: .utf8))
    }

    @Test(arguments: ["\r\n", "\n"])
    func invalidCP932BytesNameTheLine(newline: String) throws {
        var bytes = try #require(["職員番号,氏名", "1001,髙橋", "1002,山﨑"].joined(separator: newline).data(using: .shiftJIS))
        bytes += Data(newline.utf8) + Data([0x31, 0x30, 0x30, 0x33, 0x2C, 0xFD, 0x41]) + Data(newline.utf8)
        bytes += try #require("1004,ﾀﾅｶ".data(using: .shiftJIS))
        for encoding in [CSVTextEncoding.auto, .cp932] {
            let error = try #require(CSVText.decode(bytes, encoding: encoding).importFailure)
            #expect(error == CSVDecodeError(line: 4, encoding: .cp932))
        }
    }

    @Test func lonelyLeadByteAtEndOfLineIsReported() throws {
        // 0x82 starts a two-byte character; a line end cannot be its second byte.
        let bytes = Data("a\n".utf8) + Data([0x82]) + Data("\nb\n".utf8)
        let error = try #require(CSVText.decode(bytes, encoding: .auto).importFailure)
        #expect(error == CSVDecodeError(line: 2, encoding: .cp932))
    }

    @Test func messagesNameLineAndEncoding() {
        let issue = CSVDecodeError(line: 7, encoding: .cp932).issue
        #expect(issue.message.ja == "7行目：Shift_JIS（CP932）として読めない文字があります。文字コードを指定し直してください。")
        #expect(issue.message.en == "Line 7: The line has bytes that are not valid Shift_JIS (CP932). Choose another encoding.")
    }

    @Test func decodeFailureBecomesAnIssueOfTheWholeImport() {
        let result = StaffImport.validate(data: Data([0x41, 0x0A, 0xFD, 0x0A]), encoding: .auto,
                                          mapping: .defaults(for: .staff))
        #expect(result.issues == [ImportIssue(line: 2, column: nil, field: nil, kind: .undecodable(encoding: .cp932))])
        #expect(result.records.isEmpty)
    }
}

extension Result {
    var importFailure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
