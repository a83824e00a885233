import FluentKit
import JibungotoDomain
@testable import JibungotoApp
import Testing
import Vapor

/// Models read in bulk list their fields for Fluent instead of leaving them to reflection on every
/// row. A list that missed a field would load and save without it and say nothing, so each is
/// checked here against what reflection finds: the same property objects, in declaration order.
@Suite("Models that list their own fields list all of them")
struct ModelPropertyListTests {
    static func reflected(_ model: any Fields) -> [ObjectIdentifier] {
        Mirror(reflecting: model).children.compactMap { $0.value as? any AnyProperty }.map { ObjectIdentifier($0 as AnyObject) }
    }

    @Test("each model's list is what reflection finds")
    func listIsComplete() throws {
        let models: [(name: String, model: any Fields, count: Int)] = [
            ("StaffMember", StaffMember(), 15), ("StoredSession", StoredSession(), 5), ("Survey", Survey(), 19),
            ("User", User(), 11), ("UserRole", UserRole(), 3), ("SurveyTarget", SurveyTarget(), 6),
            ("SurveyCompletion", SurveyCompletion(), 3), ("SurveyResponseRecord", SurveyResponseRecord(), 9), ("SurveyAnswerRecord", SurveyAnswerRecord(), 4),
        ]
        for (name, model, count) in models {
            let listed = model.properties.map { ObjectIdentifier($0 as AnyObject) }
            #expect(listed.count == count, "\(name)")
            #expect(listed == Self.reflected(model), "\(name)")
        }
    }

    @Test("a staff member read through the list has every field, and saves every field")
    func roundTrip() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let member = try #require(try await StaffMember.query(on: app.db).filter(\.$staffNumber == StaffNumber(Demo.staff)).first())
            #expect(member.id != nil)
            #expect(!member.name.isEmpty && !member.nameKana.isEmpty && !member.kanaSearch.isEmpty && !member.jobType.isEmpty)
            #expect(member.currentSectionCode != nil && member.currentSince != nil)
            member.currentPost = "主任（テスト）"
            try await member.save(on: app.db)
            let again = try #require(try await StaffMember.find(member.requireID(), on: app.db))
            #expect(again.currentPost == "主任（テスト）")
            #expect(again.record == member.record)
        }
    }
}
