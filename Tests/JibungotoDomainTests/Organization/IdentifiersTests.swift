import Foundation
import Testing

@testable import JibungotoDomain

/// Staff numbers and section codes are distinct types (a function taking one refuses the other at
/// compile time); stored and exchanged they are still their plain text, so existing rows, stored
/// solutions and pages read unchanged.
@Suite("Identifiers: typed in code, plain text when stored")
struct IdentifiersTests {
    @Test("a staff number and a section code encode as their text")
    func encodeAsText() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        struct Row: Codable, Equatable { let staff: StaffNumber; let section: SectionCode }
        let data = try encoder.encode(Row(staff: "D0001", section: "101010"))
        #expect(String(decoding: data, as: UTF8.self) == #"{"section":"101010","staff":"D0001"}"#)
        #expect(try JSONDecoder().decode(Row.self, from: data) == Row(staff: "D0001", section: "101010"))
    }

    @Test("a dictionary keyed by staff number is an object keyed by the number, as stored solutions were")
    func dictionariesAreObjects() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let placements: [StaffNumber: SectionCode] = ["A1": "2010", "B2": "3010"]
        let data = try encoder.encode(placements)
        #expect(String(decoding: data, as: UTF8.self) == #"{"A1":"2010","B2":"3010"}"#)
        let stored = Data(#"{"A1":"2010","B2":"3010"}"#.utf8)
        #expect(try JSONDecoder().decode([StaffNumber: SectionCode].self, from: stored) == placements)
    }

    @Test("identifiers order and compare by their text")
    func ordering() {
        #expect(StaffNumber("A10") < StaffNumber("A9"))
        #expect(SectionCode("1010") < SectionCode("101010"))
        #expect(StaffNumber("D0001").description == "D0001")
        let number = 12
        #expect(StaffNumber("S\(number)") == StaffNumber("S12"))
    }
}
