import FluentKit
import Foundation
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

    @Test("a survey and its respondent read by column are what Fluent reads, open or draft, before and after an answer")
    func surveyReadByColumn() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let open = try await SurveyTests.openSurvey(on: app, k: 5, freeTextK: 10, attributes: "department,ageBand,serviceBand,section")
            let draft = Survey(fiscalYear: 2026, titleJa: "下書きの調査", opensOn: TestClock.today, closesOn: TestClock.today.adding(days: 7), isAnonymous: false)
            try await draft.create(on: app.db)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            for survey in [open, draft] {
                let id = try survey.requireID()
                let fluent = try #require(try await Survey.find(id, on: app.db))
                let context = try #require(try await SurveyAnswerContext.load(surveyID: id, staffNumber: StaffNumber(Demo.staff), on: app.db))
                #expect(try encoder.encode(context.survey) == encoder.encode(fluent))
                #expect(context.survey.questions == fluent.questions)
                #expect(context.survey.$id.exists)
                #expect(!context.hasAnswered)
            }
            #expect(try await SurveyAnswerContext.load(surveyID: UUID(), staffNumber: StaffNumber(Demo.staff), on: app.db) == nil)
            let draftContext = try await SurveyAnswerContext.load(surveyID: draft.requireID(), staffNumber: StaffNumber(Demo.staff), on: app.db)
            #expect(draftContext?.respondent == nil, "a draft asks nobody yet")

            let openID = try open.requireID()
            let target = try #require(try await SurveyTarget.query(on: app.db).filter(\.$surveyID == openID).filter(\.$staffNumber == StaffNumber(Demo.staff)).first())
            let member = try #require(try await StaffMember.query(on: app.db).filter(\.$staffNumber == StaffNumber(Demo.staff)).first())
            let respondent = try #require(try await SurveyAnswerContext.load(surveyID: openID, staffNumber: StaffNumber(Demo.staff), on: app.db)?.respondent)
            #expect(respondent.staffNumber == target.staffNumber && respondent.departmentCode == target.departmentCode && respondent.divisionCode == target.divisionCode)
            #expect(!respondent.divisionCode.isEmpty)
            #expect(respondent.birthDate == member.birthDate && respondent.hireDate == member.hireDate && respondent.employmentType == member.employmentType)

            try await SurveySubmission.store(["q.a": .likert(4)], survey: open, staffNumber: StaffNumber(Demo.staff), on: app.db, today: TestClock.today)
            #expect(try await SurveyAnswerContext.load(surveyID: openID, staffNumber: StaffNumber(Demo.staff), on: app.db)?.hasAnswered == true)
            #expect(try await SurveyAnswerContext.load(surveyID: openID, staffNumber: StaffNumber(Demo.sectionManager), on: app.db)?.hasAnswered == false)
        }
    }

    @Test("a survey's questions shared between requests follow its text: an edit is decoded afresh")
    func decodedQuestionsFollowTheText() {
        let id = UUID()
        let first = JSONText.encode([SurveyTests.likertA], fallback: "[]")
        let edited = JSONText.encode([SurveyTests.likertB, SurveyTests.comment], fallback: "[]")
        #expect(DecodedQuestions.of(first, survey: id) == [SurveyTests.likertA])
        #expect(DecodedQuestions.of(edited, survey: id) == [SurveyTests.likertB, SurveyTests.comment])
        #expect(DecodedQuestions.of(first, survey: id) == [SurveyTests.likertA])
        #expect(DecodedQuestions.of(first, survey: nil) == [SurveyTests.likertA], "an unsaved survey is decoded, not shared")
    }
}

