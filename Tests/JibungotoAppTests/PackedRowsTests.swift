import Fluent
@testable import JibungotoApp
import JibungotoDomain
import SQLKit
import Testing

/// `PackedRows` carries whole tables (the organization on nearly every page, the staff of the
/// fairness figures) as one text: a name may hold any character, separators included, and is
/// still read as itself; a record that does not read is an error, never another record.
@Suite("Packed rows: many rows as one text")
struct PackedRowsTests {
    /// Names a city could type, and the characters the packing uses.
    static let awkwardNames = [
        "総務部", "市民協働|推進課", "危機管理;防災係", "12:30窓口", "", "第2係 (旧 3:4|5;6)", "🌸 花と緑の課", "改行\nのある名前", "99999999999:",
    ]

    @Test("a tree loaded as one text equals the units decoded as models, whatever the names hold")
    func treeRoundTrip() async throws {
        try await withTestApp { app in
            var records = [SectionRecord(code: "10", nameJa: "総務部", nameEn: "General Affairs", kind: .department, parentCode: nil,
                                         isCollaborationPost: false, district: nil, authorizedHeadcount: 0, isManagerial: true)]
            for (index, name) in Self.awkwardNames.enumerated() {
                records.append(SectionRecord(
                    code: SectionCode("10\(index)"), nameJa: name, nameEn: "Unit; \(index) | \(name)", kind: index.isMultiple(of: 2) ? .division : .center,
                    parentCode: "10", isCollaborationPost: index.isMultiple(of: 3), district: index.isMultiple(of: 2) ? "北|地区;\(index)" : nil,
                    authorizedHeadcount: index * 7, isManagerial: !index.isMultiple(of: 2)))
            }
            try await records.map { OrganizationUnit(fiscalYear: 2031, record: $0) }.create(on: app.db)

            let tree = try await OrganizationTree.load(fiscalYear: 2031, on: app.db)
            let models = try await OrganizationUnit.query(on: app.db).filter(\.$fiscalYear == 2031).all().map(\.record)
            #expect(tree.units.count == records.count)
            for model in models {
                #expect(tree.units[model.code] == model)
            }
            #expect(tree.units["103"]?.nameJa == "12:30窓口")
            #expect(tree.units["101"]?.nameJa == "市民協働|推進課")
            #expect(tree.units["104"]?.nameJa == "")
            #expect(tree.units["101"]?.district == nil)
            #expect(tree.units["100"]?.district == "北|地区;0")
            #expect(tree.children["10"]?.count == Self.awkwardNames.count)
            for code in tree.units.keys {
                #expect(tree.department(of: code) == tree.path(to: code).first, "the department of \(code) is the top of its path")
            }
            #expect(tree.department(of: "107")?.code == "10")
            #expect(tree.department(of: "999") == nil)
            #expect(try await OrganizationTree.load(fiscalYear: 2032, on: app.db).units.isEmpty)
        }
    }

    @Test("a unit of a kind the app does not know makes the tree fail to load")
    func unknownKind() async throws {
        try await withTestApp { app in
            try await OrganizationUnit(fiscalYear: 2031, record: SectionRecord(
                code: "20", nameJa: "企画部", nameEn: "Planning", kind: .department, parentCode: nil,
                isCollaborationPost: false, district: nil, authorizedHeadcount: 3, isManagerial: true)).create(on: app.db)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(OrganizationUnit.schema).set("kind", to: "bureau").where("code", .equal, "20").run()
            let error = await #expect(throws: OrganizationTree.UnreadableUnit.self) {
                _ = try await OrganizationTree.load(fiscalYear: 2031, on: app.db)
            }
            #expect(error?.description.contains("bureau") == true)
        }
    }

    @Test("free text is read by its length, codes up to their separator")
    func readsTextByLength() throws {
        let packed = PackedRows(textFields: [false, true, false], bytes: Array("A1|7:x|y;z:1|3;B2|0:|;|0:|9".utf8))
        var read: [[String]] = []
        try packed.forEach { record in read.append((0..<3).map(record.text)) }
        #expect(read == [["A1", "x|y;z:1", "3"], ["B2", "", ""], ["", "", "9"]])
    }

    @Test("a record that does not have its fields is an error naming it", arguments: [
        "A1|9:short|3",    // the length runs past the end
        "A1|x|3",          // free text without its length
        "A1|3:abc3",       // no separator after the text
        "A1|3:abc|3|4",    // one field too many
        "A1|3:abc",        // one field too few
        "A1|99999999999:a|3",  // a length that cannot be
    ])
    func unreadable(text: String) throws {
        let packed = PackedRows(textFields: [false, true, false], bytes: Array(text.utf8))
        let error = #expect(throws: PackedRows.Unreadable.self) {
            try packed.forEach { _ in }
        }
        #expect(error?.description.contains("A1|") == true)
    }
}
