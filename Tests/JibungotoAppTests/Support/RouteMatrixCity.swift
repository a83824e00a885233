import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import SQLKit
import Testing
import Vapor
import VaporTesting

// The small city and the tables the authorization matrix (`AuthorizationMatrixTests`) runs on.
// The matrix reads the routes from `app.routes.all`; a new module's routes are checked without
// new test code, except when a route has a parameter name that is not yet in
// `RouteMatrixCity.parameterFillers`: then the matrix fails naming the route and the parameter,
// and one line has to be added there.

/// How a route parameter is filled with a real id of the city.
enum RouteParameterFill: Sendable {
    /// A staff number. It limits what a role with a scope narrower than `.all` may open: the
    /// matrix fills in the requester's own number, and the scope test tries every person.
    case person
    /// A section code. It limits what a role with a scope narrower than `.all` may open: the
    /// matrix fills in the requester's own section, and the scope test tries every section.
    case section
    /// Any other id of the city (a round, a survey, a scenario, an import batch, an account),
    /// looked up once when the city is built; nil when the city has none (the matrix then fails
    /// naming the parameter: the city needs such a record).
    case id(@Sendable (RouteMatrixCity) async throws -> String?)
}

/// Who sends a request: one of the demo accounts (one per role) or an anonymous visitor.
struct MatrixRequester: Sendable, Hashable, CustomStringConvertible {
    let staffNumber: String?
    let roles: Set<Role>

    static let anonymous = MatrixRequester(staffNumber: nil, roles: [])
    static let accounts = DemoAccounts.all.map { MatrixRequester(staffNumber: $0.staffNumber.rawValue, roles: Set($0.roles)) }
    /// Anonymous first, then every demo account.
    static let everyone = [anonymous] + accounts

    var isAnonymous: Bool { staffNumber == nil }

    var description: String {
        guard let staffNumber else { return "anonymous" }
        let named = roles.subtracting([.staff]).map(\.rawValue).sorted()
        return "\(staffNumber) (\((named.isEmpty ? ["staff"] : named).joined(separator: "+")))"
    }

    /// Whether the route's declared access lets this requester in, and with which scope
    /// (nil for a public route); from `RolePolicy`, the one table of rights.
    func grant(_ access: Access) -> (granted: Bool, scope: Scope?) {
        switch access {
        case .visitor: return (true, nil)
        case .permission(let permission):
            guard !isAnonymous, let scope = RolePolicy.scope(of: permission, for: roles) else { return (false, nil) }
            return (true, scope)
        }
    }
}

/// A registered route as the matrix sees it.
struct MatrixRoute: @unchecked Sendable, CustomStringConvertible {
    let route: Route

    var method: HTTPMethod { route.method }
    var pattern: String { "/" + route.path.map(\.description).joined(separator: "/") }
    var access: Access? { route.userInfo[Access.userInfoKey] as? Access }
    var personalData: PersonalData? { route.userInfo[PersonalData.userInfoKey] as? PersonalData }
    var isStateChanging: Bool { ![.GET, .HEAD, .OPTIONS].contains(method) }
    var parameters: [String] {
        route.path.compactMap { component -> String? in
            guard case .parameter(let name) = component else { return nil }
            return name
        }
    }
    /// The path with the parameters' names left out: two routes of one shape match the same URLs.
    var shape: String {
        route.path.map { component -> String in
            if case .parameter = component { return ":" }
            return component.description
        }.joined(separator: "/")
    }
    var description: String { "\(method.rawValue) \(pattern)" }
}

/// One staff member of the city.
struct MatrixPerson: Sendable {
    let staffNumber: String
    let name: String
    let sectionCode: String
}

final class RouteMatrixCity: @unchecked Sendable {
    /// One line per route parameter name. A new parameter name makes the matrix fail naming
    /// the route and the parameter until it is added here.
    static let parameterFillers: [String: RouteParameterFill] = [
        "staffNumber": .person,
        "code": .section,
        "cycleID": .id { $0.cycleID.uuidString.lowercased() },
        "surveyID": .id { $0.surveyID.uuidString.lowercased() },
        "scenarioID": .id { $0.scenarioID.uuidString.lowercased() },
        "batchID": .id { $0.batchID.uuidString.lowercased() },
        "accountID": .id { $0.accountIDs[Demo.staff]?.uuidString.lowercased() },
        "teamID": .id { $0.teamID.uuidString.lowercased() },
        "candidateID": .id { $0.candidateID.uuidString.lowercased() },
        "sideJobID": .id { $0.sideJobID.uuidString.lowercased() },
        "sideJobApplicationID": .id { $0.sideJobApplicationID.uuidString.lowercased() },
        "supportEventID": .id { $0.supportEventID.uuidString.lowercased() },
        "supportShiftID": .id { $0.supportShiftID.uuidString.lowercased() },
        "supportSwapID": .id { $0.supportSwapID.uuidString.lowercased() },
        "sessionID": .id { $0.dialogue.sessionID.uuidString.lowercased() },
        "seriesID": .id { $0.dialogue.seriesID.uuidString.lowercased() },
        "studyGroupID": .id { $0.dialogue.studyGroupID.uuidString.lowercased() },
        "interviewID": .id { $0.dialogue.interviewID.uuidString.lowercased() },
        "calendarToken": .id { $0.dialogue.personalFeedToken + ".ics" },
        "feedToken": .id { $0.dialogue.personalFeedToken + ".xml" },
        "districtID": .id { $0.districts.districtID.uuidString.lowercased() },
        "liaisonID": .id { $0.districts.liaisonID.uuidString.lowercased() },
        "issueID": .id { $0.districts.issueID.uuidString.lowercased() },
        "categoryID": .id { $0.districts.categoryID.uuidString.lowercased() },
        "templateID": .id { $0.districts.templateID.uuidString.lowercased() },
        "proposalID": .id { $0.proposalID.uuidString.lowercased() },
    ]

    /// Query parameters a page may need to show anything (a page asked without them answers
    /// 400), added to every request; a page ignores the ones it does not read. A new page that
    /// needs one more answers 400 in the matrix until it is added here.
    static let queryFillers: [(name: String, fill: @Sendable (RouteMatrixCity) -> String)] = [
        ("fy", { String($0.tree.fiscalYear) }),
    ]

    /// Query parameters by which a page narrows to a section or department: a role with a
    /// section or department scope is tried with each section of the city in each of them.
    static let sectionFilters = ["section", "department"]

    /// The demo accounts without a staff record in `OrganizationFixture`, imported as staff
    /// through the import pages (so every account is a person of the city with a section):
    /// staff number, name, kana, section.
    static let importedAccounts: [(String, String, String, String)] = [
        ("D0005", "大野 翔太", "オオノ ショウタ", "1010"),
        ("D0006", "加藤 由美", "カトウ ユミ", "2010"),
        ("D0007", "木村 健", "キムラ ケン", "20"),
    ]

    /// The person whose records the crawls ask for: the staff member in the personnel unit.
    static let subject = Demo.staff

    let app: Application
    let routes: [MatrixRoute]
    let people: [String: MatrixPerson]
    let tree: OrganizationTree
    let cycleID: UUID
    let surveyID: UUID
    let scenarioID: UUID
    let batchID: UUID
    let teamID: UUID
    let candidateID: UUID
    let accountIDs: [String: UUID]
    let sideJobID: UUID
    let sideJobApplicationID: UUID
    let supportEventID: UUID
    let supportShiftID: UUID
    let supportSwapID: UUID
    let dialogue: DialogueRecords
    let districts: MatrixDistricts
    let proposalID: UUID
    private let fingerprintQueries: [(table: String, sql: String)]
    /// Requests sent by the matrix (not counting the city's own setup).
    private(set) var requestCount = 0
    /// Routes whose unfillable parameter has been reported (once per test, not once per role).
    private var reportedUnfillable: Set<String> = []
    /// The values of the `.id` fillers, by parameter name.
    private var ids: [String: String] = [:]

    private init(app: Application, people: [String: MatrixPerson], tree: OrganizationTree, cycleID: UUID, surveyID: UUID,
                 scenarioID: UUID, batchID: UUID, teamID: UUID, candidateID: UUID, accountIDs: [String: UUID], sideJobID: UUID, sideJobApplicationID: UUID,
                 supportEventID: UUID, supportShiftID: UUID, supportSwapID: UUID,
                 dialogue: DialogueRecords, districts: MatrixDistricts, proposalID: UUID, fingerprintQueries: [(table: String, sql: String)]) {
        self.app = app
        self.routes = app.routes.all.map(MatrixRoute.init)
        self.people = people
        self.tree = tree
        self.cycleID = cycleID
        self.surveyID = surveyID
        self.scenarioID = scenarioID
        self.batchID = batchID
        self.teamID = teamID
        self.candidateID = candidateID
        self.accountIDs = accountIDs
        self.sideJobID = sideJobID
        self.sideJobApplicationID = sideJobApplicationID
        self.supportEventID = supportEventID
        self.supportShiftID = supportShiftID
        self.supportSwapID = supportSwapID
        self.dialogue = dialogue
        self.districts = districts
        self.proposalID = proposalID
        self.fingerprintQueries = fingerprintQueries
    }

    // MARK: - The city

    /// A fresh application with the small city: `OrganizationFixture`'s organization and people,
    /// the other demo accounts imported as staff (the staff batch is the city's import batch), an
    /// open self-report round and an open anonymous survey (k = 3, free text from 3 respondents,
    /// `SurveyTests`' questions) created by HR through their pages, a rotation scenario, and a
    /// project team with the staff member selected (their manager's consent pending).
    static func with(_ body: (RouteMatrixCity) async throws -> Void) async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let today = TestClock.today
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)

            // The other demo accounts become staff, through the import pages.
            try await hr.get("/organization/import")
            let staffReport = try await ImportTests().dryRun(hr, ImportTests.csv(importedAccounts.map { number, name, kana, _ in
                "\(number),\(name),\(kana),1988-07-01,,2012-04-01,事務,主事,常勤"
            }))
            let staffApply = try #require(staffReport.body.string.firstMatch(of: /\/organization\/import\/([0-9a-f-]{36})\/apply/))
            let batchID = try #require(UUID(uuidString: String(staffApply.output.1)))
            #expect(try await hr.post(String(staffApply.output.0), []).status == .seeOther)
            let assignments = Data((["職員番号,所属コード,職名,発令日,終了日"] + importedAccounts.map { number, _, _, section in
                "\(number),\(section),主事,\(today.fiscalYear.start.iso),"
            }).joined(separator: "\r\n").appending("\r\n").utf8)
            let assignmentReport = try await ImportTests().dryRun(hr, kind: "assignments", assignments)
            let assignmentApply = try #require(assignmentReport.body.string.firstMatch(of: /\/organization\/import\/[0-9a-f-]{36}\/apply/))
            #expect(try await hr.post(String(assignmentApply.output), []).status == .seeOther)

            // An open self-report round, opened by HR.
            try await hr.get("/career/cycles")
            let round = try await hr.post("/career/cycles", [("title", "権限行列の自己申告"), ("opens_on", today.iso), ("deadline", today.adding(days: 10).iso)])
            let cycleID = try #require(round.headers.first(name: .location).flatMap(Self.uuid(in:)), "the round was not created: \(round.status)")
            // Every account has submitted, so each reader has a submitted report of their own to open.
            for account in DemoAccounts.all {
                try await SelfReport(cycleID: cycleID, staffNumber: account.staffNumber, submittedAt: Date(), moveWish: "stay",
                                     careerPlan: "今の係で経験を積みたい。").create(on: app.db)
            }

            // An open survey, created and opened by HR; its questions are SurveyTests' own, so
            // `SurveyTests().answer` answers it.
            try await hr.get("/surveys/new")
            let created = try await hr.post("/surveys/new", [
                ("title_ja", "権限行列の職員アンケート"), ("title_en", "Matrix survey"), ("description", ""), ("series", "matrix-survey"),
                ("opens_on", today.iso), ("closes_on", today.adding(days: 10).iso), ("anonymity", "anonymous"),
                ("attributes[]", "department"), ("k", "3"), ("free_text_k", "3"), ("target_rate", "80"),
            ])
            let surveyID = try #require(created.headers.first(name: .location).flatMap(Self.uuid(in:)), "the survey was not created: \(created.status)")
            let survey = try #require(try await Survey.find(surveyID, on: app.db))
            survey.questions = [SurveyTests.likertA, SurveyTests.likertB, SurveyTests.comment]
            try await survey.save(on: app.db)
            let surveyPath = "/surveys/\(surveyID.uuidString.lowercased())"
            try await hr.get(surveyPath)
            #expect(try await hr.post(surveyPath + "/open", []).status == .seeOther)

            // A rotation scenario for next April.
            let scenarioPath = try await RotationFixture.createScenario(hr, name: "権限行列の案")
            let scenarioID = try #require(Self.uuid(in: scenarioPath), "the scenario was not created")

            // A project team recruiting now; the staff member applied and HR selected them, so
            // their manager has a consent to answer.
            let teamPath = try await ProjectTeamTests.postTeam(hr, title: "権限行列のチーム")
            let teamID = try #require(Self.uuid(in: teamPath), "the team was not created")
            let applicant = Browser(app)
            try await applicant.logIn(Demo.staff)
            try await applicant.get(teamPath)
            #expect(try await applicant.post(teamPath + "/apply", [("motivation", "権限行列の応募")]).status == .seeOther)
            let candidate = try await ProjectTeamTests.candidate(Demo.staff, team: teamPath, on: app.db)
            try await hr.get(teamPath)
            #expect(try await hr.post(teamPath + "/select", [("candidates[]", try candidate.requireID().uuidString)]).status == .seeOther)

            // A running side job hosted by the district center, with the staff member as its member.
            let sideJob = SideJob(
                title: "権限行列の庁内副業", workDescription: "地区まつりの運営補助", hostSectionCode: "2010", hoursPerMonth: 4,
                schedule: SideJobSchedule(applicationsOpen: today.adding(days: -90), applicationsClose: today.adding(days: -70),
                                          start: YearMonth(today).adding(months: -1).firstDay, end: YearMonth(today).adding(months: 3).lastDay),
                seats: 2, postedBy: "D0004", postedAt: Date())
            try await sideJob.create(on: app.db)
            let sideJobApplication = SideJobApplication(
                sideJobID: try sideJob.requireID(), staffNumber: StaffNumber(Demo.staff), sectionCode: "101010", motivation: "地域の方と関わりたい",
                appliedAt: Date(), status: .selected, decidedBy: StaffNumber(Demo.sectionManager), decidedAt: Date(), selectedAt: Date())
            try await sideJobApplication.create(on: app.db)

            // An allocated support-duty event a week ahead: the staff member's seat on its shift and
            // their proposed handover of it to the HR officer.
            let supportEvent = SupportEvent(title: "権限行列の応援業務", kind: .event, details: "", status: .allocated,
                                            createdBy: StaffNumber(Demo.hr), createdAt: Date(), allocatedBy: StaffNumber(Demo.hr), allocatedAt: Date())
            try await supportEvent.create(on: app.db)
            let supportShift = SupportShift(eventID: try supportEvent.requireID(), time: try #require(SupportShiftTime(date: today.adding(days: 7), start: 540, end: 720)),
                                            place: "市民ホール", headcount: 2)
            try await supportShift.create(on: app.db)
            let supportSeat = SupportAssignment(shiftID: try supportShift.requireID(), eventID: try supportEvent.requireID(), staffNumber: StaffNumber(Demo.staff),
                                                unitCode: "1010", route: .allocated, assignedAt: Date())
            try await supportSeat.create(on: app.db)
            let supportSwap = SupportSwapProposal(eventID: try supportEvent.requireID(), proposer: StaffNumber(Demo.staff), proposerAssignmentID: try supportSeat.requireID(),
                                                  proposerShiftID: try supportShift.requireID(), counterpart: StaffNumber(Demo.hr), counterpartAssignmentID: nil,
                                                  counterpartShiftID: nil, proposedAt: Date())
            try await supportSwap.create(on: app.db)
            // Dialogue: an open session of a series with the staff member holding a seat, their
            // study group, an interview study by HR and the section manager, and their calendar feed.
            let dialogue = try await DialogueRecords.create(on: app.db, today: today)
            let districts = try await MatrixDistricts.create(on: app.db, today: today)
            // A proposal under review in a call whose proposals all staff read: the staff member
            // wrote it, the section manager is asked to score it.
            let proposalCall = ProposalCall(
                title: "権限行列の職員提案", kind: .yearRound, opensOn: today.fiscalYear.start, closesOn: today.fiscalYear.end,
                openToStaffBeforeReview: true, answersPublishedToAll: true, criteria: ["効果", "実現可能性"], createdBy: "D0004", createdAt: Date())
            try await proposalCall.create(on: app.db)
            let proposal = Proposal(
                callID: try proposalCall.requireID(), category: .workImprovement,
                text: ProposalText(title: "権限行列の提案", relatedMeasure: "", problem: "会議資料の印刷に時間がかかっています。",
                                   proposal: "資料を画面で共有します。", expectedEffect: "印刷の時間が減ります。", estimatedCost: ""),
                lead: StaffNumber(Demo.staff), createdAt: Date())
            proposal.state = .underReview
            proposal.fiscalYear = today.fiscalYear.startYear
            proposal.number = 1
            proposal.submittedOn = today.adding(days: -10)
            proposal.sectionCode = "101010"
            proposal.departmentCode = "10"
            proposal.versionCount = 1
            try await proposal.create(on: app.db)
            let proposalID = try proposal.requireID()
            try await ProposalAuthor(proposalID: proposalID, staffNumber: StaffNumber(Demo.staff), isLead: true, status: .confirmed, answeredAt: Date()).create(on: app.db)
            try await ProposalVersion(proposalID: proposalID, number: 1, text: proposal.text, submittedAt: Date()).create(on: app.db)
            try await ProposalReview(proposalID: proposalID, reviewer: StaffNumber(Demo.sectionManager), assignedBy: "D0004", assignedAt: Date(),
                                     dueOn: today.adding(days: 7)).create(on: app.db)

            let staff = try await StaffMember.query(on: app.db).all()
            let people = Dictionary(uniqueKeysWithValues: staff.compactMap { member in
                member.currentSectionCode.map { (member.staffNumber.rawValue, MatrixPerson(staffNumber: member.staffNumber.rawValue, name: member.name, sectionCode: $0.rawValue)) }
            })
            for account in MatrixRequester.accounts {
                try #require(people[account.staffNumber!] != nil, "\(account) is a staff member with a section in the city")
            }
            #expect(try await SurveyTarget.query(on: app.db).filter(\.$surveyID == surveyID).count() == people.count,
                    "every person of the city is asked by the survey")
            let users = try await User.query(on: app.db).all()
            let accountIDs = Dictionary(uniqueKeysWithValues: try users.map { ($0.staffNumber.rawValue, try $0.requireID()) })
            let city = RouteMatrixCity(
                app: app, people: people, tree: try await OrganizationTree.load(fiscalYear: today.fiscalYear.startYear, on: app.db),
                cycleID: cycleID, surveyID: surveyID, scenarioID: scenarioID, batchID: batchID,
                teamID: teamID, candidateID: try candidate.requireID(), accountIDs: accountIDs,
                sideJobID: try sideJob.requireID(), sideJobApplicationID: try sideJobApplication.requireID(),
                supportEventID: try supportEvent.requireID(), supportShiftID: try supportShift.requireID(), supportSwapID: try supportSwap.requireID(),
                dialogue: dialogue,
                districts: districts,
                proposalID: proposalID,
                fingerprintQueries: try await Self.fingerprintQueries(app.db))
            try #require(!city.routes.isEmpty)
            for (name, fill) in parameterFillers {
                guard case .id(let find) = fill else { continue }
                city.ids[name] = try await find(city)
            }
            try await body(city)
        }
    }

    private static func uuid(in path: String) -> UUID? {
        path.firstMatch(of: /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/).flatMap { UUID(uuidString: String($0.output)) }
    }

    // MARK: - Paths

    /// The route's path with every parameter filled with a real id of the city: for a staff
    /// number or a section code, the requester's own (an anonymous visitor's: the subject's),
    /// unless `overrides` names one; with the query of `queryFillers`. Nil, after recording a
    /// failure naming the route and the parameter (once per route), when a parameter has no filler.
    func path(_ route: MatrixRoute, for requester: MatrixRequester, overrides: [String: String] = [:],
              sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        var components: [String] = []
        for component in route.route.path {
            switch component {
            case .constant(let text):
                components.append(text)
            case .parameter(let name):
                if let value = overrides[name] {
                    components.append(value)
                    continue
                }
                switch Self.parameterFillers[name] {
                case .person:
                    components.append(person(for: requester).staffNumber)
                case .section:
                    components.append(person(for: requester).sectionCode)
                case .id:
                    guard let value = ids[name] else {
                        if reportedUnfillable.insert(route.description).inserted {
                            Issue.record("\(route): the city has no record for the parameter “\(name)” — give RouteMatrixCity.with one",
                                         sourceLocation: sourceLocation)
                        }
                        return nil
                    }
                    components.append(value)
                case nil:
                    if reportedUnfillable.insert(route.description).inserted {
                        Issue.record("\(route): no filler for the parameter “\(name)” — add one line for it to RouteMatrixCity.parameterFillers",
                                     sourceLocation: sourceLocation)
                    }
                    return nil
                }
            case .anything, .catchall:
                if reportedUnfillable.insert(route.description).inserted {
                    Issue.record("\(route): the matrix cannot fill the wildcard “\(component)” — give the route a named parameter and a filler in RouteMatrixCity.parameterFillers",
                                 sourceLocation: sourceLocation)
                }
                return nil
            }
        }
        let query = Self.queryFillers.map { "\($0.name)=\($0.fill(self))" }.joined(separator: "&")
        return "/" + components.joined(separator: "/") + (query.isEmpty ? "" : "?" + query)
    }

    /// The requester as a person of the city; an anonymous visitor asks for the subject.
    func person(for requester: MatrixRequester) -> MatrixPerson {
        people[requester.staffNumber ?? Self.subject] ?? people[Self.subject]!
    }

    /// The parameters of a route that a scope narrower than `.all` limits.
    func scopedParameters(of route: MatrixRoute) -> [(name: String, fill: RouteParameterFill)] {
        route.parameters.compactMap { name -> (name: String, fill: RouteParameterFill)? in
            switch Self.parameterFillers[name] {
            case .person: (name, .person)
            case .section: (name, .section)
            default: nil
            }
        }
    }

    /// The units a scope reaches from the requester's section: their section and everything
    /// below it (`.section`), their department and everything below it (`.department`).
    private func units(reachedBy scope: Scope, from requester: MatrixRequester) -> Set<String> {
        let section = person(for: requester).sectionCode
        switch scope {
        case .own: return []
        case .section: return Set(tree.subtree(of: SectionCode(section)).map(\.rawValue))
        case .department: return Set(tree.subtree(of: tree.department(of: SectionCode(section))?.code ?? SectionCode(section)).map(\.rawValue))
        case .all: return Set(tree.units.keys.map(\.rawValue))
        }
    }

    /// Whether a requester holding `scope` may open the records of the person.
    func reaches(_ requester: MatrixRequester, scope: Scope, person staffNumber: String) -> Bool {
        staffNumber == requester.staffNumber || people[staffNumber].map { units(reachedBy: scope, from: requester).contains($0.sectionCode) } == true
    }

    /// Whether a requester holding `scope` may act on the section (an `.own` scope reaches no section).
    func reaches(_ requester: MatrixRequester, scope: Scope, section code: String) -> Bool {
        units(reachedBy: scope, from: requester).contains(code)
    }

    // MARK: - Requests

    /// A signed-in browser per demo account, each holding its session's CSRF token, and an
    /// anonymous one holding a token of its own (anonymous session).
    func browsers() async throws -> [(MatrixRequester, Browser)] {
        var result: [(MatrixRequester, Browser)] = []
        for requester in MatrixRequester.everyone {
            result.append((requester, try await browser(for: requester)))
        }
        return result
    }

    /// A fresh session for the requester with the token of that session.
    func browser(for requester: MatrixRequester) async throws -> Browser {
        let browser = Browser(app)
        if let staffNumber = requester.staffNumber {
            let signedIn = try await browser.logIn(staffNumber)
            try #require(signedIn.status == .seeOther, "\(requester) signs in")
            // Signing in starts a new session: the token of the login page is gone.
            browser.csrfToken = nil
            let home = try await browser.get("/")
            try #require(home.status == .ok, "\(requester) opens the home page after signing in")
        } else {
            try #require(try await browser.get("/login").status == .ok)
        }
        try #require(browser.cookie != nil && browser.csrfToken != nil, "\(requester) has a session and its token")
        return browser
    }

    /// GET as the browser, counted.
    func get(_ browser: Browser, _ path: String) async throws -> PageResponse {
        requestCount += 1
        return try await browser.get(path)
    }

    /// A state-changing request (any method) as a form post with the given session cookie and
    /// token (none when nil), counted. The browser's state is not touched.
    func send(_ method: HTTPMethod, _ path: String, cookie: String?, token: String?) async throws -> PageResponse {
        requestCount += 1
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        if let cookie { headers.replaceOrAdd(name: .cookie, value: "jibungoto_session=\(cookie)") }
        var body = ""
        if let token {
            body = "_csrf=" + (token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token)
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: ByteBuffer(string: body))
        return PageResponse(status: response.status, headers: response.headers, body: response.body)
    }

    /// The page text the app shows for a message key (in Japanese, the demo accounts' language).
    func message(_ key: String) -> String {
        let text = app.catalogs.message(key, language: .ja)
        precondition(text != key, "the catalog has \(key)")
        return text
    }

    // MARK: - What the database holds

    /// Every table but the sessions, the audit log and the migrations, with its rows (their
    /// full content: count and text on SQLite, count and digest on PostgreSQL).
    func fingerprint() async throws -> [String: String] {
        let sql = app.db as! any SQLDatabase
        var result: [String: String] = [:]
        for (table, query) in fingerprintQueries {
            let row = try #require(try await sql.raw(SQLQueryString(query)).first())
            result[table] = "\(try row.decode(column: "n", as: Int.self)) rows: \(try row.decode(column: "body", as: String.self))"
        }
        return result
    }

    /// The tables whose rows differ between two fingerprints.
    static func changedTables(_ before: [String: String], _ after: [String: String]) -> [String] {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    private static let tablesOutsideTheFingerprint: Set<String> = ["sessions", "audit_events", "_fluent_migrations"]

    private static func fingerprintQueries(_ database: any Database) async throws -> [(table: String, sql: String)] {
        let sql = database as! any SQLDatabase
        func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        struct Name: Decodable { let name: String }
        var queries: [(table: String, sql: String)] = []
        if sql.dialect.name == "sqlite" {
            let tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
                .all(decoding: Name.self).map(\.name).filter { !tablesOutsideTheFingerprint.contains($0) }
            for table in tables {
                let columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all(decoding: Name.self).map(\.name)
                let row = columns.map { "quote(\(quoted($0)))" }.joined(separator: " || ',' || ")
                queries.append((table, "SELECT count(*) AS n, coalesce(group_concat(r, char(30)), '') AS body FROM (SELECT \(row) AS r FROM \(quoted(table)) ORDER BY r)"))
            }
        } else {
            let tables = try await sql.raw("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")
                .all(decoding: Name.self).map(\.name).filter { !tablesOutsideTheFingerprint.contains($0) }
            for table in tables {
                queries.append((table, "SELECT count(*) AS n, coalesce(md5(string_agg(t::text, chr(30) ORDER BY t::text)), '') AS body FROM \(quoted(table)) AS t"))
            }
        }
        precondition(queries.count >= 10, "the fingerprint covers the app's tables")
        return queries
    }
}

/// The dialogue records of the matrix city, stored directly (their pages' flows are `DialogueSessionTests`').
struct DialogueRecords: Sendable {
    let sessionID: UUID
    let seriesID: UUID
    let studyGroupID: UUID
    let interviewID: UUID
    /// The staff member's calendar feed token (the database keeps only its hash).
    let personalFeedToken: String

    static func create(on database: any Database, today: LocalDate) async throws -> DialogueRecords {
        let series = DialogueSeries(title: "権限行列のシリーズ", about: "", createdBy: "D0004", createdAt: Date())
        try await series.create(on: database)
        let group = StudyGroup(title: "権限行列の自主研究グループ", purpose: "権限行列の確認", createdBy: StaffNumber(Demo.staff), createdAt: Date())
        try await group.create(on: database)
        try await StudyGroupMember(groupID: try group.requireID(), staffNumber: StaffNumber(Demo.staff), status: .member, isLeader: true,
                                   requestedAt: Date()).create(on: database)
        let session = DialogueSession(
            title: "権限行列の対話の場", kind: .workshop, about: "権限行列の確認", time: DialogueSessionTime(date: today.adding(days: 10), start: 600, end: 720)!,
            mode: .online, place: nil, onlineLink: "https://meet.example.jp/matrix", capacity: 10,
            window: DialogueRegistrationWindow(opens: today.adding(days: -5), closes: today.adding(days: 9)), hostSectionCode: "101010",
            seriesID: try series.requireID(), attendanceCode: "K7P2QX", createdBy: "D0004", createdAt: Date())
        try await session.create(on: database)
        try await DialogueRegistration(sessionID: try session.requireID(), staffNumber: StaffNumber(Demo.staff), status: .registered, queueNumber: 1,
                                       registeredAt: Date()).create(on: database)
        let interview = DialogueInterview(title: "権限行列のインタビュー", targetGroup: "入庁1〜10年目の職員", periodStart: today.adding(days: -30),
                                          periodEnd: today, questions: "仕事のやりがいは", summary: "", informs: "", createdBy: "D0004", createdAt: Date())
        try await interview.create(on: database)
        for number in ["D0004", Demo.sectionManager] {
            try await DialogueInterviewer(interviewID: try interview.requireID(), staffNumber: StaffNumber(number)).create(on: database)
        }
        let token = "matrix-feed-" + UUID().uuidString.lowercased()
        try await PersonalFeed(staffNumber: StaffNumber(Demo.staff), tokenHash: TokenHash.hex(token), createdAt: Date()).create(on: database)
        return DialogueRecords(sessionID: try session.requireID(), seriesID: try series.requireID(), studyGroupID: try group.requireID(),
                               interviewID: try interview.requireID(), personalFeedToken: token)
    }
}

/// The matrix city's district: 中央地区 of the center 2010, whose liaison today is the district
/// liaison (D0006, placed at that center), so their own district resolves; a category routed to
/// the personnel division (the section manager's), an issue raised in the district and routed there,
/// a dialogue record, and a response template of that division.
struct MatrixDistricts: Sendable {
    let districtID: UUID
    let liaisonID: UUID
    let issueID: UUID
    let categoryID: UUID
    let templateID: UUID

    static func create(on database: any Database, today: LocalDate) async throws -> MatrixDistricts {
        let district = District(id: UUID(), nameJa: "中央地区", nameEn: "Chuo District", centerSectionCode: "2010", position: 1)
        try await district.create(on: database)
        let districtID = try district.requireID()
        let liaison = DistrictLiaison(id: UUID(), districtID: districtID, staffNumber: StaffNumber(Demo.districtLiaison), tier: .supervisor,
                                      term: LiaisonTerm(start: today.fiscalYear.start, end: today.fiscalYear.end),
                                      assignedBy: StaffNumber(Demo.hr), assignedAt: Date())
        try await liaison.create(on: database)
        let record = DistrictDialogueRecord(id: UUID(), districtID: districtID, heldOn: today.adding(days: -7), place: "中央地区市民センター 会議室",
                                            topics: "通学路の安全", recordedBy: StaffNumber(Demo.districtLiaison), recordedAt: Date())
        try await record.create(on: database)
        try await DistrictDialogueParticipants(recordID: try record.requireID(), group: .neighborhoodAssociation, headCount: 12).create(on: database)
        let category = LocalIssueCategory(id: UUID(), code: "matrix", nameJa: "権限行列の区分", nameEn: "Matrix category", sectionCode: "1010",
                                          expectedDays: 14, updatedBy: StaffNumber(Demo.hr), updatedAt: Date())
        try await category.create(on: database)
        let issue = LocalIssue(id: UUID(), districtID: districtID, dialogueRecordID: try record.requireID(), title: "権限行列の地域課題",
                               details: "集会所の雨漏り", categoryID: try category.requireID(),
                               routing: IssueRouting(section: "1010", routedOn: today, expectedOn: today.adding(days: 14)), receivedOn: today,
                               recordedBy: StaffNumber(Demo.districtLiaison), updatedAt: Date())
        try await issue.create(on: database)
        try await LocalIssueEvent(.recorded, issue: issue, actor: StaffNumber(Demo.districtLiaison), at: Date()).create(on: database)
        let template = LocalIssueResponseTemplate(id: UUID(), sectionCode: "1010", title: "権限行列の文例", body: "現地を確認します。",
                                                  updatedBy: StaffNumber(Demo.sectionManager), updatedAt: Date())
        try await template.create(on: database)
        return MatrixDistricts(districtID: districtID, liaisonID: try liaison.requireID(), issueID: try issue.requireID(),
                               categoryID: try category.requireID(), templateID: try template.requireID())
    }
}
