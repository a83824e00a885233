import Foundation
import JibungotoDomain
import Testing

@Suite("CSV export: formula neutralization")
struct CSVExportTests {
    @Test(arguments: ["=1+1", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "\r\n=1", "=HYPERLINK(\"x\")", "-", "+"])
    func cellsThatSpreadsheetsWouldRunGetAnApostrophe(value: String) {
        #expect(CSVExport.neutralized(value) == "'" + value)
    }

    @Test(arguments: ["-3", "+1.5", "-0.25", "山田 太郎", "", "2026-04-01", "a=b", "'=already text"])
    func ordinaryValuesAndPlainNumbersStayAsTheyAre(value: String) {
        #expect(CSVExport.neutralized(value) == value)
    }

    @Test func theWriterNeutralizesHeaderAndEveryRowInBothEncodings() throws {
        for encoding in CSVEncoding.allCases {
            let data = try CSVExport.encode(header: ["=name"], rows: [["=1+1"], ["-5"], ["@x"]], encoding: encoding)
            let text = encoding == .cp932 ? String(data: data, encoding: .shiftJIS)! : String(decoding: data.dropFirst(3), as: UTF8.self)
            #expect(text == "'=name\r\n'=1+1\r\n-5\r\n'@x")
        }
    }
}
