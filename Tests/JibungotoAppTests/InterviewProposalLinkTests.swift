import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Testing
import Vapor

/// An interview study links the staff proposals it informs by their number: a link to the record,
/// which both pages show, each reader seeing only the proposals they may open.
@Suite("Dialogue: interviews linked to the staff proposals they inform")
struct InterviewProposalLinkTests {
    @Test("interviewers link a proposal by its number; each reader sees only the linked proposals they may open; the proposal lists the interview; the link can be removed")
    func linkByNumber() async throws {
        try await ProposalTests().withCity { app in
            // A call that keeps proposals from staff until answered: No. 3 is open to its author (D0001), HR and its reviewers only.
            let call = try await ProposalTests.call(app, openBeforeReview: false, toAll: false)
            let proposal = try await ProposalTests.stored(app, call: call, title: "窓口の予約制の導入", year: 2026, number: 3, department: "10", state: .received)
            let interview = DialogueInterview(title: "若手職員インタビュー", targetGroup: "入庁1〜10年目の職員", periodStart: day("2026-06-01"),
                                              periodEnd: day("2026-06-30"), questions: "なりたい職員像は", summary: "", informs: "",
                                              createdBy: "D0002", createdAt: Date())
            try await interview.create(on: app.db)
            let id = try interview.requireID()
            for number in ["D0002", "D0004"] { try await DialogueInterviewer(interviewID: id, staffNumber: StaffNumber(number)).create(on: app.db) }
            let page = SessionRoute.interview(.id(id)).path
            let link = SessionRoute.interviewProposals(.id(id)).path

            // The manager interviews but may not open No. 3: the same words as for a number that does not exist.
            let manager = try await ProposalTests().browser(app, Demo.sectionManager)
            #expect(try await manager.get(page).body.string.contains("職員提案を結びつける"))
            let hidden = try await manager.post(link, [("proposal_year", "2026"), ("proposal_number", "3")])
            #expect(hidden.status == .unprocessableEntity)
            #expect(hidden.body.string.contains("令和8年度 第3号の職員提案は見つかりません。番号をご確認ください。"))
            #expect(try await DialogueInterviewProposal.query(on: app.db).count() == 0)

            let hr = try await ProposalTests().browser(app, Demo.hr)
            try await hr.get(page)
            let missing = try await hr.post(link, [("proposal_year", "2026"), ("proposal_number", "99")])
            #expect(missing.status == .unprocessableEntity && missing.body.string.contains("令和8年度 第99号の職員提案は見つかりません。"))
            let notANumber = try await hr.post(link, [("proposal_year", "2026"), ("proposal_number", "三")])
            #expect(notANumber.status == .unprocessableEntity && notANumber.body.string.contains("提案番号は1から99999までの数字で入力してください。"))
            #expect(try await hr.post(link, [("proposal_year", "2026"), ("proposal_number", "３")]).status == .seeOther, "full-width digits are read")
            let stored = try await DialogueInterviewProposal.query(on: app.db).all()
            #expect(stored.map(\.proposalID) == [try proposal.requireID()])
            #expect(stored.first?.linkedBy == "D0004")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$subjectType == "dialogue_interview_proposal").filter(\.$action == AuditAction.create.rawValue).count() == 1)
            let again = try await hr.post(link, [("proposal_year", "2026"), ("proposal_number", "3")])
            #expect(again.status == .unprocessableEntity && again.body.string.contains("令和8年度 第3号は既に結びつけてあります。"))

            let proposalLine = "令和8年度 第3号　窓口の予約制の導入"
            let hrPage = try await hr.get(page).body.string
            #expect(hrPage.contains(proposalLine))
            #expect(hrPage.contains("結びつけを外す"))
            #expect(!(try await manager.get(page).body.string.contains("窓口の予約制の導入")), "the manager may not open No. 3, so it is not listed for them")
            let author = try await ProposalTests().browser(app, Demo.staff)
            let authorPage = try await author.get(page).body.string
            #expect(authorPage.contains(proposalLine), "its author opens it")
            #expect(!authorPage.contains("結びつけを外す") && !authorPage.contains("職員提案を結びつける"), "only interviewers link")
            #expect(try await author.post(link, [("proposal_year", "2026"), ("proposal_number", "3")]).status == .forbidden)

            // The proposal's page lists the interview in return.
            let proposalPage = try await author.get(ProposalRoute.proposal(.id(try proposal.requireID())).path).body.string
            #expect(proposalPage.contains("この提案に関わる聞き取り（対話の記録）"))
            #expect(proposalPage.contains(#"<a href="\#(page)">若手職員インタビュー</a>"#))

            let removal = SessionRoute.interviewProposalRemoval(.id(id)).path
            #expect(try await author.post(removal, [("proposal_id", try proposal.requireID().uuidString.lowercased())]).status == .forbidden)
            #expect(try await hr.post(removal, [("proposal_id", try proposal.requireID().uuidString.lowercased())]).status == .seeOther)
            #expect(try await DialogueInterviewProposal.query(on: app.db).count() == 0)
            #expect(try await hr.get(page).body.string.contains("結びつけた職員提案はありません。"))
        }
    }
}

/// The reasons on the movers' list, results and person pages: the 役職定年 date in the reader's calendar, never ISO.
@Suite("Rotation: a mover's reasons with dates as the reader reads them")
struct MoverReasonWordsTests {
    @Test("役職定年 is dated in 和暦 for a 和暦 reader and in words for a Gregorian one; other reasons keep the domain's words")
    func managerialAgeLimitDate() throws {
        let reasons: [MoverReason] = [.maxYearsInPost(years: 5), .managerialAgeLimit(date: day("2027-04-01"))]
        let japanese = MoverReasonWords.text(reasons, localizer: try PageSnapshots.localizer(.japaneseWareki))
        #expect(japanese == "在課5年・役職定年（令和9年4月1日）")
        let english = MoverReasonWords.text(reasons, localizer: try PageSnapshots.localizer(.englishGregorian))
        #expect(english == "5 years in post; managerial-post age limit (1 April 2027)")
        #expect(!japanese.contains("2027-04-01") && !english.contains("2027-04-01"))
    }
}

