import JibungotoDomain
import Testing

/// Which cells of one release each reader of response rates may read.
@Suite("Survey readers: HR, 部長 and 所属長 read subsets of one release")
struct SurveyReaderScopeTests {
    static let policy = DisclosurePolicy(k: 5, freeTextK: 10)

    /// 部 10: 課 1010 (12 staff), 1020 (10), 1030 (3); 部 20: 課 2010 (8), 2020 (7); everyone
    /// answered. 1030 is below k, and 1020 — the smaller of its siblings — is hidden with it, so
    /// that 部 10 minus 1010 does not give 1030.
    static func release() throws -> SurveyRelease {
        func people(_ prefix: String, _ count: Int, _ path: [String]) -> [TargetPlacement] {
            (0..<count).map { TargetPlacement(staffNumber: "\(prefix)\($0)", path: path) }
        }
        let targets = people("A", 12, ["10", "1010"]) + people("B", 10, ["10", "1020"]) + people("C", 3, ["10", "1030"])
            + people("D", 8, ["20", "2010"]) + people("E", 7, ["20", "2020"])
        return try SurveyReleaseBuilder.build(SurveyReleaseInput(
            policy: policy, questions: [], targets: targets, completed: Set(targets.map(\.staffNumber)), recorded: [],
            sheets: [:], answerTotals: nil, answersPerDay: [:], days: nil, freeTexts: [], seed: 1))
    }

    static func unit(_ department: String, _ code: String) -> CellSpec {
        SurveyReleaseBuilder.unitCell(department: department, unit: code)
    }

    static func everyone(_ n: Int) -> CellCount { CellCount(respondents: n, members: n) }

    @Test("the example release hides the small 課 and the sibling that would give it away")
    func theExampleRelease() throws {
        let release = try Self.release()
        #expect(release.hidden == [
            Self.unit("10", "1030"): .smallGroup,
            Self.unit("10", "1020"): .complementary(protecting: Self.unit("10", "1030")),
        ])
        #expect(release.figures[.all] == Self.everyone(40))
    }

    @Test("HR and the promotion team read 全体 and every 部, and only they get the curve and trend")
    func hrSeesAll() throws {
        let release = try Self.release()
        let reader = SurveyReaderScope.reader(reach: .organization, placement: [])
        #expect(reader == .organization)
        let view = SurveyReaderScope.view(of: release, for: .organization)
        #expect(view.rows == [.all, .department("10"), .department("20")])
        #expect(view.figures == [.all: Self.everyone(40), .department("10"): Self.everyone(25), .department("20"): Self.everyone(15)])
        #expect(view.showsWholeSurveyFigures)
        #expect(!view.ownUnitHidden)
    }

    @Test("a 所属長 reads their 部 and their own 課, nothing of another 課")
    func sectionManagerSeesOwnSection() throws {
        let release = try Self.release()
        let reader = SurveyReaderScope.reader(reach: .unit, placement: ["20", "2010"])
        #expect(reader == .unit(department: "20", unit: "2010"))
        let view = SurveyReaderScope.view(of: release, for: .unit(department: "20", unit: "2010"))
        #expect(view.rows == [.department("20"), Self.unit("20", "2010")])
        #expect(view.figures == [.department("20"): Self.everyone(15), Self.unit("20", "2010"): Self.everyone(8)])
        #expect(view.figures[Self.unit("20", "2020")] == nil)
        #expect(!view.ownUnitHidden)
        #expect(!view.showsWholeSurveyFigures)
    }

    @Test("a 所属長 whose 課 is hidden — small, or hidden to protect a small one — reads the 部 only, with a note")
    func sectionManagerOfAHiddenSection() throws {
        let release = try Self.release()
        for code in ["1030", "1020"] {
            let view = SurveyReaderScope.view(of: release, for: .unit(department: "10", unit: code))
            #expect(view.rows == [.department("10")], "\(code)")
            #expect(view.figures == [.department("10"): Self.everyone(25)], "\(code)")
            #expect(view.ownUnitHidden, "\(code)")
        }
    }

    @Test("a 部長 reads their 部 and its 課, hidden 課 listed without a figure, nothing of another 部")
    func departmentHeadSeesTheirDepartment() throws {
        let release = try Self.release()
        #expect(SurveyReaderScope.reader(reach: .department, placement: ["10"]) == .department("10"))
        #expect(SurveyReaderScope.reader(reach: .department, placement: ["10", "1010"]) == .department("10"))
        let view = SurveyReaderScope.view(of: release, for: .department("10"))
        #expect(view.rows == [.department("10"), Self.unit("10", "1010"), Self.unit("10", "1020"), Self.unit("10", "1030")])
        #expect(view.figures == [.department("10"): Self.everyone(25), Self.unit("10", "1010"): Self.everyone(12)])
        #expect(view.figures[.department("20")] == nil && view.figures[.all] == nil)
        #expect(!view.ownUnitHidden)
        #expect(!view.showsWholeSurveyFigures)
    }

    @Test("a 所属長 placed in the 部 itself reads the 部")
    func unitReaderPlacedInTheDepartment() {
        #expect(SurveyReaderScope.reader(reach: .unit, placement: ["10"]) == .department("10"))
    }

    @Test("a reader with no reach, or with no place in the survey's organization, reads nothing")
    func noScopeSeesNothing() {
        #expect(SurveyReaderScope.reader(reach: nil, placement: ["10", "1010"]) == nil)
        #expect(SurveyReaderScope.reader(reach: nil, placement: []) == nil)
        #expect(SurveyReaderScope.reader(reach: .unit, placement: []) == nil)
        #expect(SurveyReaderScope.reader(reach: .department, placement: []) == nil)
    }

    @Test("a reader whose part the release does not hold sees their part's row without a figure, never another part's")
    func aPartOutsideTheReleaseIsListedHidden() throws {
        let release = try Self.release()
        let head = SurveyReaderScope.view(of: release, for: .department("30"))
        #expect(head.rows == [.department("30")])
        #expect(head.figures.isEmpty)
        let manager = SurveyReaderScope.view(of: release, for: .unit(department: "30", unit: "3010"))
        #expect(manager.rows == [.department("30")])
        #expect(manager.figures.isEmpty)
        #expect(manager.ownUnitHidden)
    }

    @Test("a hidden cell stays hidden for every reader, and every figure a reader gets is the release's")
    func hiddenCellsStayHiddenForEveryReader() throws {
        let release = try Self.release()
        let readers: [SurveyReader] = [
            .organization, .department("10"), .department("20"),
            .unit(department: "10", unit: "1010"), .unit(department: "10", unit: "1020"), .unit(department: "10", unit: "1030"),
            .unit(department: "20", unit: "2010"), .unit(department: "20", unit: "2020"),
        ]
        #expect(release.hidden.count == 2)
        for reader in readers {
            let view = SurveyReaderScope.view(of: release, for: reader)
            for hidden in release.hidden.keys {
                #expect(view.figures[hidden] == nil, "\(reader) reads hidden \(hidden)")
            }
            for (cell, figure) in view.figures {
                #expect(release.figures[cell] == figure, "\(reader): \(cell)")
                #expect(view.rows.contains(cell), "\(reader): \(cell)")
            }
        }
    }
}
