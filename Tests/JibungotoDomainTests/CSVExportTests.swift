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

    @Test(arguments: ["=1+1", "-", "+81-3-1234-5678", "@x", "山田", "'quoted", "-5"])
    func aNeutralizedCellReadsBackAsItWas(value: String) {
        #expect(CSVExport.restored(CSVExport.neutralized(value)) == value)
    }

    @Test func anExportedTableImportsBackUnchanged() throws {
        let data = try CSVExport.encode(header: ["職員番号", "氏名"], rows: [["S1", "=HYPERLINK(\"x\")"], ["S2", "-"]], encoding: .utf8BOM)
        let table = try CSVTable.parse(String(decoding: data.dropFirst(3), as: UTF8.self)).get()
        #expect(table.records.map(\.fields) == [["S1", "=HYPERLINK(\"x\")"], ["S2", "-"]])
    }

    @Test func theWriterNeutralizesHeaderAndEveryRowInBothEncodings() throws {
        for encoding in CSVEncoding.allCases {
            let data = try CSVExport.encode(header: ["=name"], rows: [["=1+1"], ["-5"], ["@x"]], encoding: encoding)
            let text = encoding == .cp932 ? String(data: data, encoding: .shiftJIS)! : String(decoding: data.dropFirst(3), as: UTF8.self)
            #expect(text == "'=name\r\n'=1+1\r\n-5\r\n'@x")
        }
    }
}
