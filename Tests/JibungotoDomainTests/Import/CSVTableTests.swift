import Testing
@testable import JibungotoDomain

@Suite struct CSVTableTests {
    func parse(_ text: String) throws -> CSVTable { try CSVTable.parse(text).get() }

    @Test(arguments: ["\n", "\r\n"])
    func recordsAndLinesWithEitherLineEnd(newline: String) throws {
        let table = try parse(["a,b", "1,2", "3,4"].joined(separator: newline) + newline)
        #expect(table.header == ["a", "b"])
        #expect(table.headerLine == 1)
        #expect(table.records == [CSVRecord(line: 2, fields: ["1", "2"]), CSVRecord(line: 3, fields: ["3", "4"])])
    }

    @Test func noTrailingNewlineIsFine() throws {
        let table = try parse("a,b\n1,2")
        #expect(table.records == [CSVRecord(line: 2, fields: ["1", "2"])])
    }

    @Test(arguments: ["\n", "\r\n"])
    func quotedCommasAndLineBreaksKeepLineNumbersRight(newline: String) throws {
        let text = [
            "a,b,c",
            "1,\"x, y\",z",                       // line 2
            "2,\"first\(newline)second\(newline)third\",\"q\"\"uote\"",  // lines 3-5
            "3,\"\",",                            // line 6
            "",                                   // line 7, skipped
            ",,",                                 // line 8, skipped
            "4,\"p\(newline)\",r",                // lines 9-10
            "5,s,t",                              // line 11
        ].joined(separator: newline) + newline
        let table = try parse(text)
        #expect(table.records.map(\.line) == [2, 3, 6, 9, 11])
        #expect(table.records[0].fields == ["1", "x, y", "z"])
        #expect(table.records[1].fields == ["2", "first\(newline)second\(newline)third", "q\"uote"])
        #expect(table.records[2].fields == ["3", "", ""])
        #expect(table.records[3].fields == ["4", "p\(newline)", "r"])
    }

    @Test func headerCellsAreTrimmedAndLeadingBlankLinesCounted() throws {
        let table = try parse("\n\u{3000}\n 職員番号 ,\u{3000}氏名\t\n1,x\n")
        #expect(table.header == ["職員番号", "氏名"])
        #expect(table.headerLine == 3)
        #expect(table.records.map(\.line) == [4])
        // Data fields are not trimmed here; the validators do it per field.
        #expect(try parse("a\n x \n").records[0].fields == [" x "])
    }

    @Test func unterminatedQuoteIsMalformedAtItsLine() {
        let text = "a,b\n1,2\n3,\"open\n4,5\n6,7\n"
        #expect(CSVTable.parse(text).importFailure == ImportIssue(line: 3, column: nil, field: nil, kind: .malformedCSV))
        // Also when the quote opens in a record's later field after a multi-line field.
        let later = "a,b,c\n1,\"x\ny\",\"open\n2,3,4\n"
        #expect(CSVTable.parse(later).importFailure?.line == 3)
        #expect(CSVTable.parse("a\n\"").importFailure?.kind == .malformedCSV)
    }

    @Test func textAfterAClosingQuoteIsNotSilentlyAccepted() {
        // CSV.swift stays inside the quote after `"abc"d`; with no later quote the record runs
        // to the end of the file, which the parser reports.
        #expect(CSVTable.parse("a,b\n1,2\n\"abc\"def,3\n4,5\n").importFailure?.line == 3)
    }

    @Test func closedQuoteAtEndOfFileIsFine() throws {
        #expect(try parse("a,b\n1,\"x\"").records == [CSVRecord(line: 2, fields: ["1", "x"])])
        #expect(try parse("a,b\n1,\"x\"\"\"").records[0].fields == ["1", "x\""])
    }

    @Test func emptyFileHasNoHeader() {
        for text in ["", "\n", "\r\n\r\n", ",,\n"] {
            #expect(CSVTable.parse(text).importFailure?.kind == .emptyFile)
        }
        let issue = ImportIssue(line: 1, column: nil, field: nil, kind: .emptyFile)
        #expect(issue.message.ja == "1行目：ファイルが空です（見出し行がありません）。")
    }

    @Test func malformedMessage() {
        let issue = ImportIssue(line: 3, column: nil, field: nil, kind: .malformedCSV)
        #expect(issue.message.ja == "3行目：引用符（\"）で始まる項目が閉じられていません。")
        #expect(issue.message.en == "Line 3: A quoted field that starts here is never closed.")
    }

    @Test func headerOnlyGivesNoRecords() throws {
        #expect(try parse("a,b\r\n").records.isEmpty)
    }
}
