import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Testing
import Vapor
import VaporTesting

/// Staff proposals (職員提案) through their pages, on the fixture city at 2026-11-30 (令和8年度):
/// calls, drafts with co-authors who confirm, submission into the participation ledger, comments
/// and 共感, the office's steps with reviewers, scores and private notes, outcomes hidden until
/// published, 差し戻し and the revision's changes, requests to a section and its implementation,
/// the figures and the collection; every refusal's status and words, and who sees what.
@Suite("Proposals: staff proposals from submission to implementation")
struct ProposalTests {
    static let title = "窓口の待ち時間をスマートフォンで確認できるようにする"
    static let problem = """
        市民課の窓口は月末や年度初めに1時間以上待つことがあり、待合スペースが混雑しています。
        待ち時間が分からないため、来庁を諦める方や、何度も職員に尋ねる方がいます。
        """
    static let body = """
        発券機の呼出番号と待ち人数を、市のホームページで確認できるようにします。
        待ち人数が多い時間帯を掲示し、空いている時間帯の来庁を呼びかけます。
        """
    static let effect = "待合スペースの混雑が緩和され、職員への問い合わせが減ります。来庁時間の分散により、ピーク時の待ち時間を3割程度短縮できる見込みです。"
    static let answer = "提案の趣旨は市のデジタル化推進計画と合致しており、効果も大きいと判断しました。来年度当初から市民課で実施に向けた準備を進めます。"
    static let privateNote = "費用の見積りがやや楽観的。発券機メーカーへの確認が必要（審査メモ・非公開）"

    /// The fixture city with X0001 (staff at the district center 2010) and X0002 (its manager) able to sign in.
    func withCity(_ body: (Application) async throws -> Void) async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            try await SideJobTests.account(app, "X0001", "佐藤 一郎", roles: [.staff])
            let centerManager = StaffMember(record: OrganizationFixture.staff("X0002", "中村 次郎", "ナカムラ ジロウ"))
            centerManager.currentSectionCode = "2010"
            centerManager.currentPost = "所長"
            try await centerManager.create(on: app.db)
            try await SideJobTests.account(app, "X0002", "中村 次郎", roles: [.staff, .sectionManager])
            try await body(app)
        }
    }

    /// A signed-in browser holding its session's token.
    func browser(_ app: Application, _ number: String) async throws -> Browser {
        let browser = Browser(app)
        try #require(try await browser.logIn(number).status == .seeOther, "\(number) signs in")
        try #require(try await browser.get(ProposalRoute.list.path).status == .ok)
        return browser
    }

    /// A year-round call of this fiscal year, stored directly.
    @discardableResult
    static func call(_ app: Application, openBeforeReview: Bool = true, toAll: Bool = true, title: String = "令和8年度 職員提案") async throws -> ProposalCall {
        let call = ProposalCall(title: title, kind: .yearRound, opensOn: day("2026-04-01"), closesOn: day("2027-03-31"),
                                openToStaffBeforeReview: openBeforeReview, answersPublishedToAll: toAll, criteria: ["効果", "実現可能性"],
                                createdBy: "D0004", createdAt: Date())
        try await call.create(on: app.db)
        return call
    }

    static func form(_ call: ProposalCall, title: String = ProposalTests.title, coAuthors: String = "", action: String) throws -> [(String, String)] {
        [("call", try call.requireID().uuidString.lowercased()), ("title", title), ("category", "citizen_service"),
         ("related_measure", "デジタル化推進計画"), ("problem", problem), ("proposal", body), ("expected_effect", effect),
         ("estimated_cost", "発券機の改修 約80万円（初年度のみ）"), ("co_authors", coAuthors), ("action", action)]
    }

    static func proposal(_ app: Application, _ title: String = ProposalTests.title) async throws -> Proposal {
        try #require(try await Proposal.query(on: app.db).filter(\.$title == title).first(), "the proposal “\(title)” is stored")
    }

    static func ledger(_ app: Application, _ proposal: Proposal, kind: ParticipationKind) async throws -> [ParticipationRecord] {
        try await ParticipationRecord.query(on: app.db).filter(\.$kind == kind).filter(\.$activityID == proposal.activityID).sort(\.$staffNumber).all()
    }

    /// D0001's proposal submitted through the pages; its path.
    static func submitted(_ app: Application, _ author: Browser, call: ProposalCall, title: String = ProposalTests.title) async throws -> String {
        try await author.get(ProposalRoute.new.path)
        let response = try await author.post(ProposalRoute.new.path, try form(call, title: title, action: "submit"))
        #expect(response.status == .seeOther, "submitted: \(response.status)")
        return try #require(response.headers.first(name: .location))
    }

    /// The office moves a proposal on; the response.
    @discardableResult
    static func step(_ hr: Browser, _ path: String, _ to: ProposalState, _ fields: [(String, String)] = []) async throws -> PageResponse {
        try await hr.get(path)
        return try await hr.post(ProposalRoute.state(routeParameter(lastOf: path)).path, [("to", to.rawValue)] + fields)
    }

    /// Received, a reviewer assigned, under review.
    static func underReview(_ hr: Browser, _ path: String, reviewer: String = Demo.sectionManager) async throws {
        #expect(try await step(hr, path, .received).status == .seeOther)
        #expect(try await hr.post(ProposalRoute.reviewers(routeParameter(lastOf: path)).path, [("reviewer", reviewer), ("due_on", "2026-12-14")]).status == .seeOther)
        #expect(try await step(hr, path, .underReview).status == .seeOther)
    }

    // MARK: - Calls

    @Test("the office opens calls (year-round or themed); each bad field is named; staff see the calls and propose to the open ones")
    func calls() async throws {
        try await withCity { app in
            let hr = try await browser(app, Demo.hr)
            #expect(try await hr.get(ProposalRoute.newCall.path).status == .ok)
            let themed: [(String, String)] = [
                ("title", "令和8年度 テーマ募集「市民との対話の機会を増やす」"), ("kind", "themed"),
                ("theme", "市民と職員が対話する機会を増やすための、明日からできる工夫を募集します。"),
                ("opens_on", "2026-12-01"), ("closes_on", "2027-01-31"), ("criteria", "テーマへの適合\n効果\n実現可能性"),
                ("settings[]", "answers_to_all"),
            ]
            func changed(_ changes: [String: String]) -> [(String, String)] { themed.map { ($0.0, changes[$0.0] ?? $0.1) } }
            let refusals: [([String: String], String)] = [
                (["title": ""], "募集の名前を入力してください。"),
                (["theme": ""], "テーマを入力してください。"),
                (["kind": ""], "募集の種類を入力してください。"),
                (["closes_on": "2026-11-20"], "受付締切日は受付開始日（令和8年12月1日）以降の日付にしてください。"),
                (["opens_on": "2026-11-01", "closes_on": "2026-11-29"], "受付締切日が過ぎています。今日（令和8年11月30日）以降の日付にしてください。"),
                (["criteria": ""], "審査の観点を入力してください。"),
                (["criteria": (1...11).map { "観点\($0)" }.joined(separator: "\n")], "審査の観点は10個までにしてください。"),
            ]
            for (changes, message) in refusals {
                let response = try await hr.post(ProposalRoute.newCall.path, changed(changes))
                #expect(response.status == .unprocessableEntity, "\(changes)")
                #expect(response.body.string.contains(message), "\(changes): \(message)")
            }
            #expect(try await ProposalCall.query(on: app.db).count() == 0, "nothing saved from a refused form")

            #expect(try await hr.post(ProposalRoute.newCall.path, themed).status == .seeOther)
            let call = try #require(try await ProposalCall.query(on: app.db).first())
            #expect(call.kind == .themed && call.opensOn == day("2026-12-01") && call.closesOn == day("2027-01-31"))
            #expect(call.criteriaList == ["テーマへの適合", "効果", "実現可能性"])
            #expect(!call.openToStaffBeforeReview && call.answersPublishedToAll && call.audience.isEmpty)
            // A year-round call runs from today to the end of the fiscal year, whatever dates were typed.
            #expect(try await hr.post(ProposalRoute.newCall.path, changed(["kind": "year_round", "title": "令和8年度 職員提案", "theme": "",
                                                                            "opens_on": "", "closes_on": ""])).status == .seeOther)
            let yearRound = try #require(try await ProposalCall.query(on: app.db).filter(\.$kind == .yearRound).first())
            #expect(yearRound.opensOn == day("2026-11-30") && yearRound.closesOn == day("2027-03-31") && yearRound.theme.isEmpty)

            let staff = try await browser(app, Demo.staff)
            #expect(try await staff.get(ProposalRoute.newCall.path).status == .forbidden, "staff do not open calls")
            let list = try await staff.get(ProposalRoute.calls.path)
            #expect(list.body.string.contains("市民と職員が対話する機会を増やすための、明日からできる工夫を募集します。"))
            #expect(list.body.string.contains("回答は全職員に公開します") && list.body.string.contains("審査前の提案は提案者と事務局・審査員だけが読めます"))
            let propose = ProposalRoute.new.path(query: [("call", try yearRound.requireID().uuidString.lowercased())])
            #expect(list.body.string.contains(propose), "the open call offers a proposal")
            #expect(!list.body.string.contains(ProposalRoute.new.path(query: [("call", try call.requireID().uuidString.lowercased())])),
                    "the themed call opens tomorrow")

            // A call for one department takes no one else's proposals.
            let narrow = ProposalCall(title: "市民協働部の職員提案", kind: .yearRound, opensOn: day("2026-04-01"), closesOn: day("2027-03-31"),
                                      audience: ["20"], openToStaffBeforeReview: true, answersPublishedToAll: true, criteria: ["効果"],
                                      createdBy: "D0004", createdAt: Date())
            try await narrow.create(on: app.db)
            let narrowID = try narrow.requireID().uuidString.lowercased()
            #expect(!(try await staff.get(ProposalRoute.calls.path).body.string.contains(ProposalRoute.new.path(query: [("call", narrowID)]))))
            try await staff.get(ProposalRoute.new.path)
            let outside = try await staff.post(ProposalRoute.new.path, try Self.form(narrow, action: "draft"))
            #expect(outside.status == .unprocessableEntity && outside.body.string.contains("募集の選択肢が正しくありません。"))
            #expect(try await Proposal.query(on: app.db).count() == 0)
            let centerStaff = try await browser(app, "X0001")
            #expect(try await centerStaff.get(ProposalRoute.calls.path).body.string.contains(ProposalRoute.new.path(query: [("call", narrowID)])),
                    "staff of 市民協働部 may propose to it")
        }
    }

    // MARK: - Drafts, co-authors, submission

    @Test("a draft with a co-author: bad fields named, no submission until the co-author confirms, then submitted, numbered, in the ledger and frozen")
    func draftCoAuthorsAndSubmission() async throws {
        try await withCity { app in
            let call = try await Self.call(app)
            let author = try await browser(app, Demo.staff)
            #expect(try await author.get(ProposalRoute.new.path).body.string.contains("name=\"co_authors\""))
            func changed(_ changes: [String: String], action: String = "draft") throws -> [(String, String)] {
                try Self.form(call, coAuthors: "X0001", action: action).map { ($0.0, changes[$0.0] ?? $0.1) }
            }
            let refusals: [([String: String], String)] = [
                (["title": ""], "件名を入力してください。"),
                (["problem": " \n "], "現状と課題を入力してください。"),
                (["category": "budget"], "区分を入力してください。"),
                (["call": UUID().uuidString], "募集の選択肢が正しくありません。"),
                (["co_authors": "X0001、Z9999"], "共同提案者の職員番号の「Z9999」に当たる職員が見つかりません。職員番号を確かめてください。"),
                (["co_authors": "d0001"], "共同提案者の職員番号に、ご自身の職員番号は入力できません。"),
                (["title": String(repeating: "提", count: 101)], "件名は100文字以内で入力してください。"),
            ]
            for (changes, message) in refusals {
                let response = try await author.post(ProposalRoute.new.path, try changed(changes))
                #expect(response.status == .unprocessableEntity, "\(changes)")
                #expect(response.body.string.contains(message), "\(changes): \(message)")
            }
            // Submitting at once with a co-author who has not confirmed saves nothing.
            let early = try await author.post(ProposalRoute.new.path, try changed([:], action: "submit"))
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.string.contains("共同提案者の確認が済んでいません（佐藤 一郎）。全員が確認してから提出してください。確認が得られない方は共同提案者から外すこともできます。"))
            #expect(try await Proposal.query(on: app.db).count() == 0, "nothing saved from refused forms")

            let saved = try await author.post(ProposalRoute.new.path, try changed([:]))
            #expect(saved.status == .seeOther)
            let path = try #require(saved.headers.first(name: .location))
            let proposal = try await Self.proposal(app)
            #expect(path == ProposalRoute.proposal(.id(try proposal.requireID())).path)
            #expect(proposal.state == .draft && proposal.number == nil && proposal.versionCount == 0)
            let page = try await author.get(path)
            #expect(page.body.string.contains("「\(Self.title)」を下書きとして保存しました。共同提案者に確認を依頼しています。全員が確認すると提出できます。"))
            #expect(page.body.string.contains("確認待ち"), "the lead sees who has not confirmed")
            let parameter = routeParameter(lastOf: path)

            // A draft is its authors' only.
            #expect(try await browser(app, Demo.sectionManager).get(path).status == .notFound)
            #expect(try await browser(app, Demo.hr).get(path).status == .notFound, "not even the office")

            // Submitting from the edit page is refused too, naming the co-author; nothing changes.
            try await author.get(ProposalRoute.edit(parameter).path)
            let refused = try await author.post(ProposalRoute.edit(parameter).path, try changed([:], action: "submit"))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("共同提案者の確認が済んでいません（佐藤 一郎）。"))
            #expect(try await Self.proposal(app).state == .draft)
            #expect(try await ProposalVersion.query(on: app.db).count() == 0)
            #expect(try await ParticipationRecord.query(on: app.db).count() == 0)

            // The co-author is asked on their home page, reads the draft and confirms.
            let coAuthor = try await browser(app, "X0001")
            #expect(try await coAuthor.get("/").body.string.contains("提案「\(Self.title)」の共同提案者になるよう依頼が届いています。"))
            let invitation = try await coAuthor.get(path)
            #expect(invitation.status == .ok && invitation.body.string.contains("青木 花子さんから、この提案の共同提案者になるよう依頼が届いています。"))
            #expect(try await coAuthor.post(ProposalRoute.coAuthorship(parameter).path, [("answer", "confirm")]).status == .seeOther)
            #expect(!(try await coAuthor.get("/").body.string.contains("共同提案者になるよう依頼が届いています")))
            let again = try await coAuthor.post(ProposalRoute.coAuthorship(parameter).path, [("answer", "decline")])
            #expect(again.status == .seeOther)
            #expect(try await coAuthor.get(path).body.string.contains("この提案について、回答が必要な共同提案の依頼はありません。"))

            // Now the lead submits.
            try await author.get(ProposalRoute.edit(parameter).path)
            #expect(try await author.post(ProposalRoute.edit(parameter).path, try changed([:], action: "submit")).status == .seeOther)
            let submitted = try await Self.proposal(app)
            #expect(submitted.state == .submitted && submitted.number == 1 && submitted.fiscalYear == 2026 && submitted.submittedOn == day("2026-11-30"))
            #expect(submitted.versionCount == 1 && submitted.sectionCode == "101010" && submitted.departmentCode == "10")
            #expect(try await ProposalVersion.query(on: app.db).count() == 1)
            let entries = try await Self.ledger(app, submitted, kind: .proposal)
            #expect(entries.map(\.staffNumber) == ["D0001", "X0001"], "one line per author")
            #expect(entries.allSatisfy { $0.route == .volunteered && $0.crossesSections && $0.fiscalYear == 2026 && $0.date == day("2026-11-30") })
            #expect(try await Self.ledger(app, submitted, kind: .proposalAdopted).isEmpty)
            let shown = try await author.get(path)
            #expect(shown.body.string.contains("「\(Self.title)」を提出しました。提出後は内容を変更できません。"))
            #expect(shown.body.string.contains("令和8年度 第1号"))

            // The text is frozen: the edit page sends back to the proposal, a posted change is refused.
            let editPage = try await author.get(ProposalRoute.edit(parameter).path)
            #expect(editPage.status == .seeOther && editPage.headers.first(name: .location) == path)
            let edited = try await author.post(ProposalRoute.edit(parameter).path, try changed(["title": "書き換えた件名"]))
            #expect(edited.status == .seeOther)
            #expect(try await author.get(path).body.string.contains("「提出」の提案は内容を変更できません。提出後の内容は固定され、差し戻された場合に限り修正して再提出できます。"))
            #expect(try await Self.proposal(app).title == Self.title)
            #expect(try await Proposal.query(on: app.db).filter(\.$title == "書き換えた件名").count() == 0)
            // Someone else's proposal cannot be edited at all.
            #expect(try await browser(app, "X0001").get(ProposalRoute.edit(parameter).path).status == .notFound, "a co-author does not edit; the lead does")
        }
    }

    // MARK: - Comments and 共感

    @Test("comments and the authors' answers; 共感 once per person, withdrawable, never on one's own; a call may keep proposals from staff")
    func commentsAndEmpathy() async throws {
        try await withCity { app in
            let call = try await Self.call(app)
            let author = try await browser(app, Demo.staff)
            let path = try await Self.submitted(app, author, call: call)
            let parameter = routeParameter(lastOf: path)
            let reader = try await browser(app, Demo.sectionManager)
            #expect(try await reader.get(path).status == .ok, "the call lets staff read proposals before review")

            let empty = try await reader.post(ProposalRoute.comments(parameter).path, [("body", "  ")])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("コメントを入力してください。"))
            let comment = "私の課でも同じ課題を感じていました。窓口の職員の負担が増えないよう、運用の体制も一緒に考えたいです。"
            #expect(try await reader.post(ProposalRoute.comments(parameter).path, [("body", comment)]).status == .seeOther)
            let stored = try #require(try await ProposalComment.query(on: app.db).first())
            #expect(stored.body == comment && stored.authorStaffNumber == "D0002")

            // Only an author answers, once.
            let commentID = try stored.requireID().uuidString.lowercased()
            try await reader.get(path)
            let notAuthor = try await reader.post(ProposalRoute.commentAnswer(parameter).path, [("comment_id", commentID), ("answer", "私が答えます")])
            #expect(notAuthor.status == .unprocessableEntity && notAuthor.body.string.contains("コメントに回答できるのは、提案者と共同提案者です。"))
            try await author.get(path)
            let reply = "ありがとうございます。担当課と相談し、無理のない体制を考えます。"
            #expect(try await author.post(ProposalRoute.commentAnswer(parameter).path, [("comment_id", commentID), ("answer", reply)]).status == .seeOther)
            let twice = try await author.post(ProposalRoute.commentAnswer(parameter).path, [("comment_id", commentID), ("answer", "もう一度")])
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains("このコメントには既に回答しています。"))
            let page = try await reader.get(path)
            #expect(page.body.string.contains(comment) && page.body.string.contains(reply) && page.body.string.contains("青木 花子さんの回答"))

            // 共感: once, withdrawn, not twice, not on one's own.
            #expect(try await reader.post(ProposalRoute.empathy(parameter).path, []).status == .seeOther)
            #expect(try await reader.get(path).body.string.contains("1人が共感しています。"))
            #expect(try await reader.post(ProposalRoute.empathy(parameter).path, []).status == .seeOther)
            let marked = try await reader.get(path)
            #expect(marked.body.string.contains("この提案には既に共感しています（共感は1人1回です）。"))
            #expect(marked.body.string.contains("1人が共感しています。"))
            #expect(try await ProposalEmpathy.query(on: app.db).count() == 1)
            #expect(try await reader.post(ProposalRoute.withdrawEmpathy(parameter).path, []).status == .seeOther)
            #expect(try await reader.get(path).body.string.contains("0人が共感しています。"))
            #expect(try await reader.post(ProposalRoute.withdrawEmpathy(parameter).path, []).status == .seeOther)
            #expect(try await reader.get(path).body.string.contains("この提案には共感していないため、取り消すものがありません。"))
            #expect(try await author.post(ProposalRoute.empathy(parameter).path, []).status == .seeOther)
            #expect(try await author.get(path).body.string.contains("自分の提案には共感できません。"))
            #expect(try await ProposalEmpathy.query(on: app.db).count() == 0)

            // A call that keeps proposals from staff until they are answered.
            let closed = try await Self.call(app, openBeforeReview: false, toAll: false, title: "令和8年度 テーマ募集")
            let hidden = try await Self.submitted(app, author, call: closed, title: "庁内会議の資料を紙から画面共有に切り替える")
            #expect(try await reader.get(hidden).status == .notFound)
            #expect(try await reader.post(ProposalRoute.empathy(routeParameter(lastOf: hidden)).path, []).status == .notFound)
            #expect(try await browser(app, Demo.hr).get(hidden).status == .ok, "the office reads every submitted proposal")
        }
    }

    // MARK: - Review, outcome, publication, request, implementation

    @Test("review: no skipped step, reviewers never the authors, scores and private notes only for the office and reviewers, the outcome hidden until published, then the section implements")
    func reviewToImplementation() async throws {
        try await withCity { app in
            let call = try await Self.call(app)
            let author = try await browser(app, Demo.staff)
            let path = try await Self.submitted(app, author, call: call)
            let parameter = routeParameter(lastOf: path)
            let hr = try await browser(app, Demo.hr)

            // A step cannot be skipped.
            let skipped = try await Self.step(hr, path, .underReview)
            #expect(skipped.status == .unprocessableEntity)
            #expect(skipped.body.string.contains("「提出」の提案を「審査中」にすることはできません。次に進められるのは「受付」です。"))
            #expect(try await Self.proposal(app).state == .submitted)
            #expect(try await browser(app, Demo.sectionManager).post(ProposalRoute.state(parameter).path, [("to", "received")]).status == .forbidden,
                    "only the office moves a proposal")

            #expect(try await Self.step(hr, path, .received).status == .seeOther)
            #expect(try await author.get("/").body.string.contains("あなたの提案「\(Self.title)」が「受付」になりました。"))
            let noReviewer = try await Self.step(hr, path, .underReview)
            #expect(noReviewer.status == .unprocessableEntity && noReviewer.body.string.contains("審査員が割り当てられていません。審査員を割り当ててから審査を始めてください。"))

            // Reviewers: never an author, a real person, a due date ahead, once each.
            let reviewers = ProposalRoute.reviewers(parameter).path
            let assignments: [([(String, String)], String)] = [
                ([("reviewer", Demo.staff), ("due_on", "2026-12-14")], "自分が提案者または共同提案者である提案は審査できません。"),
                ([("reviewer", "Z9999"), ("due_on", "2026-12-14")], "職員番号「Z9999」に当たる職員が見つかりません。"),
                ([("reviewer", Demo.sectionManager), ("due_on", "2026-11-29")], "評価の期限は今日（令和8年11月30日）以降の日付にしてください。"),
                ([("reviewer", Demo.sectionManager), ("due_on", "")], "評価の期限を入力してください。"),
            ]
            for (fields, message) in assignments {
                let response = try await hr.post(reviewers, fields)
                #expect(response.status == .unprocessableEntity, "\(fields)")
                #expect(response.body.string.contains(message), "\(fields): \(message)")
            }
            #expect(try await ProposalReview.query(on: app.db).count() == 0)
            #expect(try await hr.post(reviewers, [("reviewer", Demo.sectionManager), ("due_on", "2026-12-14")]).status == .seeOther)
            let twice = try await hr.post(reviewers, [("reviewer", Demo.sectionManager), ("due_on", "2026-12-14")])
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains("この職員は既にこの提案の審査員です。"))
            #expect(try await Self.step(hr, path, .underReview).status == .seeOther)

            // The reviewer's desk and notice; only the reviewer scores, every criterion.
            let reviewer = try await browser(app, Demo.sectionManager)
            #expect(try await reviewer.get("/").body.string.contains("審査をお願いしている提案が 1 件あります。"))
            let desk = try await reviewer.get(ProposalRoute.desk.path)
            #expect(desk.body.string.contains(Self.title) && desk.body.string.contains("<dt>未評価</dt><dd>1</dd>"))
            let outsider = try await browser(app, Demo.departmentHead)
            try await outsider.get(path)
            let notAssigned = try await outsider.post(ProposalRoute.evaluation(parameter).path, [("score_0", "5"), ("score_1", "5")])
            #expect(notAssigned.status == .unprocessableEntity && notAssigned.body.string.contains("あなたはこの提案の審査員ではありません。"))
            try await reviewer.get(path)
            let missing = try await reviewer.post(ProposalRoute.evaluation(parameter).path, [("score_0", "4"), ("score_1", "9"), ("note", Self.privateNote)])
            #expect(missing.status == .unprocessableEntity && missing.body.string.contains("「実現可能性」の評価を1〜5から選んでください。"))
            #expect(try await reviewer.post(ProposalRoute.evaluation(parameter).path, [("score_0", "4"), ("score_1", "3"), ("note", Self.privateNote)])
                .headers.first(name: .location) == ProposalRoute.desk.path)
            let review = try #require(try await ProposalReview.query(on: app.db).first())
            #expect(review.scoreList == [4, 3] && review.note == Self.privateNote && review.evaluatedAt != nil)
            #expect(try await reviewer.get(ProposalRoute.desk.path(query: [("show", "evaluated")])).body.string.contains(Self.title))
            #expect(try await reviewer.get(ProposalRoute.desk.path).body.string.contains("評価を待っている提案はありません。"))

            // An outcome needs its answer; recorded, it stays hidden until published.
            let noAnswer = try await Self.step(hr, path, .adopted, [("text", "")])
            #expect(noAnswer.status == .unprocessableEntity && noAnswer.body.string.contains("採用・一部採用・不採用には、提案者への正式な回答を入力してください。"))
            #expect(try await Self.step(hr, path, .adopted, [("text", Self.answer)]).status == .seeOther)
            let recorded = try await Self.proposal(app)
            #expect(recorded.state == .adopted && recorded.outcome == .adopted && recorded.answer == Self.answer && !recorded.answerPublished)
            let early = try await Self.step(hr, path, .implementationRequested, [("section", "1010")])
            #expect(early.status == .unprocessableEntity && early.body.string.contains("回答を公開してから、所属への実施要請・検討要請を行ってください。"))

            let staffMember = try await browser(app, "X0002")
            for (browser, who) in [(author, "the author"), (staffMember, "another staff member")] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(who)")
                #expect(page.body.string.contains("<span class=\"tag\">審査中</span>"), "\(who) sees 審査中")
                #expect(!page.body.string.contains(Self.answer), "\(who) does not read the unpublished answer")
                #expect(!page.body.string.contains(Self.privateNote) && !page.body.string.contains("審査員の評価"), "\(who) reads no review")
            }
            #expect(!(try await author.get("/").body.string.contains("に回答が届きました")))
            let reviewerPage = try await reviewer.get(path)
            #expect(reviewerPage.body.string.contains(Self.answer) && reviewerPage.body.string.contains(Self.privateNote))
            let officePage = try await hr.get(path)
            #expect(officePage.body.string.contains(Self.privateNote) && officePage.body.string.contains("未公開（提案者にもまだ見えていません）"))
            #expect(officePage.body.string.contains("全審査員の平均点：3.5"))

            // Published: the authors are told, staff read the answer (the call says so), the ledger counts the adoption.
            #expect(try await hr.post(ProposalRoute.publish(parameter).path, []).status == .seeOther)
            #expect(try await author.get("/").body.string.contains("あなたの提案「\(Self.title)」に回答が届きました。"))
            for (browser, who) in [(author, "the author"), (staffMember, "another staff member")] {
                let page = try await browser.get(path)
                #expect(page.body.string.contains(Self.answer) && page.body.string.contains("<span class=\"tag\">採用</span>"), "\(who)")
                #expect(!page.body.string.contains(Self.privateNote), "\(who) still reads no private note")
            }
            #expect(try await Self.ledger(app, recorded, kind: .proposalAdopted).map(\.staffNumber) == ["D0001"])
            let republish = try await hr.post(ProposalRoute.publish(parameter).path, [])
            #expect(republish.status == .unprocessableEntity && republish.body.string.contains("この回答は既に公開されています。"))

            // The request to a section.
            let noSection = try await Self.step(hr, path, .implementationRequested, [("section", "")])
            #expect(noSection.status == .unprocessableEntity && noSection.body.string.contains("要請先の所属を選んでください。"))
            #expect(try await Self.step(hr, path, .implementationRequested, [("section", "1010"), ("text", "来年度当初から実施できるよう準備をお願いします。")]).status == .seeOther)
            #expect(try await reviewer.get("/").body.string.contains("あなたの所属に、まだ実施を始めていない提案の要請が 1 件あります。"))
            #expect(try await reviewer.get(ProposalRoute.requests.path).body.string.contains(Self.title))
            #expect(try await author.get(ProposalRoute.requests.path).status == .forbidden, "staff report no implementation")

            // Another section's manager is not the one asked; the section asked reports with dates.
            let implementation = ProposalRoute.implementation(parameter).path
            try await staffMember.get(path)
            let otherSection = try await staffMember.post(implementation, [("to", "implementing"), ("date", "2026-11-20")])
            #expect(otherSection.status == .unprocessableEntity && otherSection.body.string.contains("この操作は要請を受けた所属が行います。"))
            try await reviewer.get(path)
            let reports: [([(String, String)], String)] = [
                ([("to", "implementing"), ("date", "")], "日付を入力してください。"),
                ([("to", "implementing"), ("date", "2026-12-01")], "日付は今日（令和8年11月30日）以前にしてください。"),
                ([("to", "implemented"), ("date", "2026-11-20")], "「実施要請」の提案を「実施済」にすることはできません。次に進められるのは「実施中」です。"),
            ]
            for (fields, message) in reports {
                let response = try await reviewer.post(implementation, fields)
                #expect(response.status == .unprocessableEntity, "\(fields)")
                #expect(response.body.string.contains(message), "\(fields): \(message)")
            }
            #expect(try await Self.proposal(app).state == .implementationRequested, "nothing saved from refused reports")
            #expect(try await reviewer.post(implementation, [("to", "implementing"), ("date", "2026-11-20"), ("text", "発券機の改修を発注しました。")]).status == .seeOther)
            let beforeStart = try await reviewer.post(implementation, [("to", "implemented"), ("date", "2026-11-10")])
            #expect(beforeStart.status == .unprocessableEntity && beforeStart.body.string.contains("実施済の日付は、実施を始めた日（令和8年11月20日）以降にしてください。"))
            #expect(try await reviewer.post(implementation, [("to", "implemented"), ("date", "2026-11-30"), ("text", "待ち人数の表示を始めました。")]).status == .seeOther)
            let done = try await Self.proposal(app)
            #expect(done.state == .implemented && done.implementationStartedOn == day("2026-11-20") && done.implementedOn == day("2026-11-30"))
            #expect(done.requestedSectionCode == "1010" && done.requestKind == .implementationRequested)
            #expect(try await author.get("/").body.string.contains("あなたの提案「\(Self.title)」が「実施済」になりました。"))

            // Every change is on the timeline, in order.
            let events = try await ProposalEvent.query(on: app.db).sort(\.$sequence).all()
            #expect(events.map { $0.kind == .answerPublished ? "published" : $0.toState?.rawValue ?? "" }
                        == ["submitted", "received", "under_review", "adopted", "published", "implementation_requested", "implementing", "implemented"])
            let timeline = try await author.get(path).body.string
            for label in ["実施済", "実施中", "実施要請", "回答の公開", "審査中", "受付", "提出"] {
                #expect(timeline.contains("<span class=\"tag\">\(label)</span>"), "the timeline shows \(label)")
            }
        }
    }

    @Test("an answer published to the authors only stays from other staff; an unpublished one from everyone but the office and reviewers")
    func answersToTheAuthorsOnly() async throws {
        try await withCity { app in
            let call = try await Self.call(app, openBeforeReview: false, toAll: false)
            let author = try await browser(app, Demo.staff)
            let path = try await Self.submitted(app, author, call: call)
            let hr = try await browser(app, Demo.hr)
            try await Self.underReview(hr, path)
            let rejection = "同様の取組が既に計画されているため、今回は不採用とします。計画の中で提案の視点を生かします。"
            #expect(try await Self.step(hr, path, .rejected, [("text", rejection)]).status == .seeOther)
            let other = try await browser(app, Demo.departmentHead)
            #expect(try await other.get(path).status == .notFound)
            #expect(!(try await author.get(path).body.string.contains(rejection)))
            #expect(try await browser(app, Demo.sectionManager).get(path).body.string.contains(rejection), "the reviewer reads it")
            #expect(try await hr.post(ProposalRoute.publish(routeParameter(lastOf: path)).path, []).status == .seeOther)
            let page = try await author.get(path)
            #expect(page.body.string.contains(rejection) && page.body.string.contains("<span class=\"tag\">不採用</span>"))
            #expect(try await other.get(path).status == .notFound, "published to the authors only")
            #expect(try await Self.ledger(app, try await Self.proposal(app), kind: .proposalAdopted).isEmpty, "a rejection is no adoption")
            // The list shows other staff none of it either.
            #expect(!(try await other.get(ProposalRoute.list.path).body.string.contains(Self.title)))
        }
    }

    // MARK: - 差し戻し and the revision

    @Test("差し戻し needs what to change; the authors revise (an unchanged text is refused) and resubmit a second version whose changes are shown")
    func returnAndRevision() async throws {
        try await withCity { app in
            let call = try await Self.call(app)
            let author = try await browser(app, Demo.staff)
            let path = try await Self.submitted(app, author, call: call)
            let parameter = routeParameter(lastOf: path)
            let hr = try await browser(app, Demo.hr)
            try await Self.underReview(hr, path)
            let noReason = try await Self.step(hr, path, .returned, [("text", " ")])
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("差し戻しには、修正してほしい点を入力してください。"))
            let reason = "効果の見込みを数字で示してください。また、試行の進め方を具体的に書き加えてください。"
            #expect(try await Self.step(hr, path, .returned, [("text", reason)]).status == .seeOther)
            #expect(try await author.get("/").body.string.contains("あなたの提案「\(Self.title)」が「差し戻し」になりました。"))
            #expect(try await author.get(path).body.string.contains(reason))
            let editPage = try await author.get(ProposalRoute.edit(parameter).path)
            #expect(editPage.status == .ok && editPage.body.string.contains(reason) && !editPage.body.string.contains("name=\"co_authors\""),
                    "a revision keeps its authors")

            var revision = try Self.form(call, action: "submit").filter { $0.0 != "co_authors" && $0.0 != "call" }
            let unchanged = try await author.post(ProposalRoute.edit(parameter).path, revision)
            #expect(unchanged.status == .unprocessableEntity)
            #expect(unchanged.body.string.contains("差し戻し前の版から内容が変わっていません。修正してほしい点を反映してから再提出してください。"))
            #expect(try await Self.proposal(app).state == .returned)
            let added = "まず市民課で3か月間試行し、効果を検証してから全庁に広げます。"
            revision = revision.map { $0.0 == "proposal" ? ($0.0, Self.body + "\n" + added) : $0 }
            #expect(try await author.post(ProposalRoute.edit(parameter).path, revision).status == .seeOther)
            let resubmitted = try await Self.proposal(app)
            #expect(resubmitted.state == .submitted && resubmitted.versionCount == 2 && resubmitted.number == 1, "the same proposal, a new version")
            let page = try await hr.get(path)
            #expect(page.body.string.contains("第1版から第2版への変更"))
            #expect(page.body.string.contains("<ins>\(added)</ins>"))
            #expect(try await Self.ledger(app, resubmitted, kind: .proposal).count == 1, "a revision is the same participation")
            #expect(try await ProposalEvent.query(on: app.db).sort(\.$sequence).all().compactMap(\.toState)
                        == [.submitted, .received, .underReview, .returned, .submitted])
        }
    }

    // MARK: - Figures and the collection

    /// A proposal stored directly in the state the figures count.
    @discardableResult
    static func stored(_ app: Application, call: ProposalCall, title: String, year: Int, number: Int, department: SectionCode, state: ProposalState,
                       outcome: ProposalState? = nil, published: Bool = false) async throws -> Proposal {
        let proposal = Proposal(callID: try call.requireID(), category: .workImprovement,
                                text: ProposalText(title: title, relatedMeasure: "", problem: problem, proposal: body, expectedEffect: effect, estimatedCost: ""),
                                lead: "D0001", createdAt: Date())
        proposal.state = state
        proposal.fiscalYear = year
        proposal.number = number
        proposal.submittedOn = FiscalYear(startYear: year).start.adding(days: 30 + number)
        proposal.departmentCode = department
        proposal.sectionCode = department
        proposal.versionCount = 1
        proposal.outcome = outcome
        proposal.answer = outcome.map { "\(title)への回答（\($0.rawValue)）" }
        proposal.answerPublishedAt = published ? Date() : nil
        try await proposal.create(on: app.db)
        try await ProposalAuthor(proposalID: try proposal.requireID(), staffNumber: "D0001", isLead: true, status: .confirmed).create(on: app.db)
        try await ProposalVersion(proposalID: try proposal.requireID(), number: 1, text: proposal.text, submittedAt: Date()).create(on: app.db)
        return proposal
    }

    @Test("the figures per fiscal year and by department count published adoptions; the collection prints each proposal on its own A4 page")
    func figuresAndCollection() async throws {
        try await withCity { app in
            let call = try await Self.call(app)
            try await Self.stored(app, call: call, title: "公用車の予約をオンラインで一元管理する", year: 2026, number: 1, department: "10", state: .implemented,
                                  outcome: .adopted, published: true)
            try await Self.stored(app, call: call, title: "決裁の電子化を全庁に広げる", year: 2026, number: 2, department: "20", state: .implementing,
                                  outcome: .partiallyAdopted, published: true)
            try await Self.stored(app, call: call, title: "庁舎の照明をLEDに更新し電気代を削減する", year: 2026, number: 3, department: "10", state: .rejected,
                                  outcome: .rejected, published: true)
            try await Self.stored(app, call: call, title: "ごみ分別アプリの多言語化", year: 2026, number: 4, department: "20", state: .adopted, outcome: .adopted)
            try await Self.stored(app, call: call, title: "市民向けオンライン講座を録画して公開する", year: 2026, number: 5, department: "20", state: .underReview)
            try await Self.stored(app, call: call, title: "新規採用職員に先輩職員の相談役をつける", year: 2025, number: 1, department: "10", state: .implemented,
                                  outcome: .adopted, published: true)
            try await Self.stored(app, call: call, title: "会議の開始時刻と終了時刻を守るルールを作る", year: 2025, number: 2, department: "20", state: .rejected,
                                  outcome: .rejected, published: true)

            let hr = try await browser(app, Demo.hr)
            let figures = try await hr.get(ProposalRoute.figures.path(query: [("fy", "2026")]))
            #expect(figures.status == .ok)
            let text = figures.body.string
            for (label, value) in [("提案件数", "5"), ("採用件数", "2"), ("採用率", "40.0%"), ("実施済件数", "1")] {
                #expect(text.contains("<dt>\(label)</dt><dd>\(value)</dd>"), "\(label) \(value)")
            }
            #expect(text.contains("<th scope=\"row\">総務部</th><td class=\"numeric\">2</td><td class=\"numeric\">1</td><td class=\"numeric\">50.0%</td><td class=\"numeric\">1</td>"))
            #expect(text.contains("<th scope=\"row\">市民協働部</th><td class=\"numeric\">3</td><td class=\"numeric\">1</td><td class=\"numeric\">33.3%</td><td class=\"numeric\">0</td>"))
            #expect(text.contains("<th scope=\"row\">令和7年度</th><td class=\"numeric\">2</td><td class=\"numeric\">1</td><td class=\"numeric\">50.0%</td><td class=\"numeric\">1</td>"))
            #expect(try await browser(app, Demo.promotionTeam).get(ProposalRoute.figures.path).status == .ok, "the promotion team reads the figures")
            #expect(try await browser(app, Demo.staff).get(ProposalRoute.figures.path).status == .forbidden)

            let collection = try await hr.get(ProposalRoute.collection.path(query: [("fy", "2026")]))
            #expect(collection.status == .ok)
            let printed = collection.body.string
            #expect(printed.contains("令和8年度 職員提案集"))
            #expect(printed.components(separatedBy: "<article class=\"proposal-print\"").count - 1 == 5, "one article per proposal of the year")
            #expect(printed.contains("公用車の予約をオンラインで一元管理するへの回答（adopted）") && printed.contains("回答（採用）"))
            #expect(!printed.contains("ごみ分別アプリの多言語化への回答"), "an unpublished answer stays out of the collection")
            #expect(!printed.contains("新規採用職員に先輩職員の相談役をつける"), "last year's proposals are in last year's collection")
            let stylesheet = try await hr.get(PlatformRoute.stylesheet.path).body.string
            #expect(stylesheet.contains("@media print") && stylesheet.contains("size: A4") && stylesheet.contains(".proposal-print { break-before: page;"))
        }
    }

    // MARK: - The demo city

    @Test("the demo city holds sixty proposals over three fiscal years in every state, with comments, 共感, reviews and ledger lines")
    func demoProposals() async throws {
        try await withTestApp { app in
            try await DemoOrganization.load(on: app.db, today: TestClock.today)
            try await DemoProposals.load(on: app.db, today: TestClock.today)
            try await DemoProposals.load(on: app.db, today: TestClock.today)
            let proposals = try await Proposal.query(on: app.db).all()
            #expect(proposals.count == 60, "loading twice adds nothing")
            #expect(Set(proposals.map(\.state)) == Set(ProposalState.allCases), "every state")
            #expect(proposals.filter { $0.fiscalYear == 2024 }.count == 20 && proposals.filter { $0.fiscalYear == 2025 }.count == 20)
            #expect(proposals.filter { $0.fiscalYear == 2026 }.count == 17 && proposals.filter { $0.state == .draft }.count == 3)
            #expect(try await ProposalComment.query(on: app.db).count() > 20)
            #expect(try await ProposalEmpathy.query(on: app.db).count() > 100)
            #expect(try await ProposalVersion.query(on: app.db).filter(\.$number == 2).count() == 3, "three revised proposals")
            let facts = proposals.map(\.figureFacts)
            #expect(ProposalFigures.adoptionRate(facts, fiscalYear: 2024) == 0.45 && ProposalFigures.adoptionRate(facts, fiscalYear: 2025) == 0.6,
                    "more adopted last year than the year before")
            let submittedLines = try await ParticipationRecord.query(on: app.db).filter(\.$kind == .proposal).count()
            #expect(submittedLines >= 57, "every author of every submitted proposal")
            #expect(try await ParticipationRecord.query(on: app.db).filter(\.$kind == .proposalAdopted).count() >= 22)
            // The demo accounts' parts.
            #expect(try await ProposalAuthor.query(on: app.db).filter(\.$staffNumber == "D0001").filter(\.$status == .invited).count() == 1)
            #expect(try await ProposalReview.query(on: app.db).filter(\.$reviewerStaffNumber == "D0002").filter(\.$evaluatedAt == nil).count() == 1)
            #expect(proposals.contains { $0.leadStaffNumber == "D0001" && $0.state == .returned })
            #expect(proposals.contains { $0.requestedSectionCode == "1310" && $0.state == .implementationRequested })
            for proposal in proposals where proposal.state != .draft {
                #expect(proposal.number != nil && proposal.versionCount >= 1, "\(proposal.title)")
                #expect((proposal.submittedOn ?? TestClock.today) <= TestClock.today && (proposal.implementedOn ?? TestClock.today) <= TestClock.today)
            }
        }
    }
}
