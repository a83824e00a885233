import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import Testing
import Vapor
import VaporTesting

/// The authorization matrix (issue 12), generated from the route table: every registered route
/// as every role and anonymously on a small city, against the access the route declares, the
/// scope rules and the CSRF rule. A new module's routes are checked without new test code; a new
/// parameter name fails here until it has a line in `RouteMatrixCity.parameterFillers`.
@Suite("Authorization matrix: every route as every role, from the route table")
struct AuthorizationMatrixTests {
    /// A page for someone allowed to open it: shown, redirected or not found (never refused, never an error).
    static func isPage(_ status: HTTPResponseStatus) -> Bool {
        (200..<400).contains(status.code) || status == .notFound
    }

    /// What a holder's unexpected status means, for the failure message.
    static func hint(_ status: HTTPResponseStatus) -> String {
        status == .badRequest ? " (if the page needs a query parameter, add it to RouteMatrixCity.queryFillers)" : ""
    }

    static func location(_ response: PageResponse) -> String {
        response.headers.first(name: .location) ?? ""
    }

    // MARK: - 1. Declared access

    @Test("every route answers every role and anonymous visitors as its declared access says; refused changes change nothing")
    func declaredAccess() async throws {
        try await RouteMatrixCity.with { city in
            let browsers = try await city.browsers()
            let forbidden = city.message("error.forbidden")
            let unauthorized = city.message("error.unauthorized")
            var visited = 0, requested = 0, changesNotSentToHolders = 0
            var notFound: [String] = []
            for route in city.routes {
                guard let access = route.access else {
                    Issue.record("\(route) declares no access (register it with routes.on(_:_:requires:shows:use:))")
                    continue
                }
                var before: [String: String] = [:]
                if route.isStateChanging { before = try await city.fingerprint() }
                for (requester, browser) in browsers {
                    let (granted, _) = requester.grant(access)
                    if route.isStateChanging && granted {
                        // A change by someone allowed to make it is the module's own test; the
                        // CSRF rule for it is `stateChangingRoutesNeedTheirSessionsToken`.
                        changesNotSentToHolders += 1
                        continue
                    }
                    guard let path = city.path(route, for: requester) else { continue }
                    let what = "\(route) as \(requester): \(path)"
                    requested += 1
                    if !route.isStateChanging {
                        let response = try await city.get(browser, path)
                        if !granted && requester.isAnonymous {
                            #expect(response.status == .seeOther && Self.location(response).hasPrefix("/login?next="),
                                    "\(what): expected 303 to /login, got \(response.status.code) \(Self.location(response))")
                        } else if !granted {
                            #expect(response.status == .forbidden && response.body.string.contains(forbidden),
                                    "\(what): the role lacks the permission, expected 403, got \(response.status.code)")
                        } else {
                            #expect(Self.isPage(response.status), "\(what): the role may open it, expected 200/303/404, got \(response.status.code)\(Self.hint(response.status))")
                            #expect(!Self.location(response).hasPrefix("/login"), "\(what): a signed-in holder was sent to the login page")
                            if response.status == .notFound { notFound.append(what) }
                        }
                    } else {
                        let response = try await city.send(route.method, path, cookie: browser.cookie, token: browser.csrfToken)
                        if requester.isAnonymous {
                            #expect(response.status == .unauthorized && response.body.string.contains(unauthorized)
                                    || response.status == .forbidden && response.body.string.contains(forbidden),
                                    "\(what): anonymous with a valid token, expected 401 (or 403 for lack of permission), got \(response.status.code)")
                        } else {
                            #expect(response.status == .forbidden && response.body.string.contains(forbidden),
                                    "\(what): the role lacks the permission, expected 403 (not the CSRF page: the token is valid), got \(response.status.code)")
                        }
                    }
                }
                if route.isStateChanging {
                    let changed = RouteMatrixCity.changedTables(before, try await city.fingerprint())
                    #expect(changed.isEmpty, "\(route): refused requests changed \(changed)")
                }
                visited += 1
            }
            #expect(visited == city.app.routes.all.count, "every registered route is in the matrix")
            #expect(requested + changesNotSentToHolders == city.routes.count * MatrixRequester.everyone.count)
            #expect(requested == city.requestCount)
            print("AuthorizationMatrix.declaredAccess: \(visited) routes × \(MatrixRequester.everyone.count) requesters, \(requested) requests, \(changesNotSentToHolders) changes by holders left to the CSRF test")
            for line in notFound { print("AuthorizationMatrix note: 404 for a real id — \(line)") }
        }
    }

    // MARK: - 2. Audit of personal data

    @Test("every page that declares personal data leaves a view or export audit row for each successful request")
    func personalDataIsAudited() async throws {
        try await RouteMatrixCity.with { city in
            let browsers = try await city.browsers()
            var declared = 0, audited = 0
            for route in city.routes {
                let expected: AuditAction
                switch route.personalData {
                case .viewed?: expected = .view
                case .exported?: expected = .export
                case .nothing?: continue
                case nil:
                    Issue.record("\(route) does not declare what it shows (shows: .nothing, .viewed or .exported)")
                    continue
                }
                declared += 1
                guard !route.isStateChanging else {
                    Issue.record("\(route) declares personal data on a state-changing route; the matrix requests those only to see them refused — check its audit row in the module's test and teach the matrix")
                    continue
                }
                var opened = 0
                for (requester, browser) in browsers {
                    guard let path = city.path(route, for: requester) else { continue }
                    let before = Set(try await AuditEvent.query(on: city.app.db).all(\.$id).compactMap { $0 })
                    let response = try await city.get(browser, path)
                    guard (200..<300).contains(response.status.code) else { continue }
                    opened += 1
                    let new = try await AuditEvent.query(on: city.app.db).all().filter { $0.id.map { !before.contains($0) } ?? false }
                    #expect(new.contains { $0.action == expected.rawValue && $0.actorStaffNumber == requester.staffNumber },
                            "\(route) as \(requester): \(response.status.code) at \(path) left no “\(expected.rawValue)” audit row by the requester (new rows: \(new.map { "\($0.action) \($0.subjectType)" }))")
                    audited += 1
                }
                #expect(opened > 0, "\(route): no role opened it with the city's ids, so its audit promise went untested")
            }
            #expect(declared > 0)
            print("AuthorizationMatrix.personalDataIsAudited: \(declared) routes declare personal data, \(audited) successful requests audited, \(city.requestCount) requests")
        }
    }

    @Test("a page that declares it shows nothing about people shows no one else's name (else it owes an audit row)")
    func pagesDeclaringNothingShowNoOneElse() async throws {
        try await RouteMatrixCity.with { city in
            let browsers = try await city.browsers()
            var pages = 0, shown = 0
            for route in city.routes where !route.isStateChanging && route.personalData == .nothing {
                for (requester, browser) in browsers {
                    guard let path = city.path(route, for: requester) else { continue }
                    let response = try await city.get(browser, path)
                    guard (200..<300).contains(response.status.code) else { continue }
                    shown += 1
                    let body = response.body.string
                    for person in city.people.values where person.staffNumber != requester.staffNumber && body.contains(person.name) {
                        Issue.record("\(route) as \(requester): \(path) declares shows: .nothing but shows \(person.staffNumber) \(person.name) — declare .viewed (and so audit it) or leave the name out")
                    }
                }
                pages += 1
            }
            #expect(pages > 0 && shown > 0)
            print("AuthorizationMatrix.pagesDeclaringNothingShowNoOneElse: \(pages) routes, \(shown) pages shown, \(city.requestCount) requests")
        }
    }

    // MARK: - 3. Scope and neighbouring ids

    @Test("a role with a narrower scope than all opens no person or section outside it (every person and section tried)")
    func scopesHoldForEveryIdOfTheCity() async throws {
        try await RouteMatrixCity.with { city in
            let browsers = try await city.browsers()
            let forbidden = city.message("error.forbidden")
            var outside: [String: Int] = [:], inside = 0, scopedRoutes = 0
            for route in city.routes {
                guard case .permission(let permission)? = route.access else { continue }
                let parameters = city.scopedParameters(of: route)
                if parameters.isEmpty { continue }
                scopedRoutes += 1
                for (requester, browser) in browsers {
                    guard let scope = requester.grant(.permission(permission)).scope, scope < .all else { continue }
                    for (name, fill) in parameters {
                        let candidates: [(id: String, name: String?)]
                        switch fill {
                        case .person: candidates = city.people.values.sorted { $0.staffNumber < $1.staffNumber }.map { (id: $0.staffNumber, name: Optional($0.name)) }
                        case .section: candidates = city.tree.units.keys.sorted().map { (id: $0.rawValue, name: String?.none) }
                        case .id: candidates = []
                        }
                        for candidate in candidates {
                            let reached = switch fill {
                            case .person: city.reaches(requester, scope: scope, person: candidate.id)
                            default: city.reaches(requester, scope: scope, section: candidate.id)
                            }
                            guard let path = city.path(route, for: requester, overrides: [name: candidate.id]) else { continue }
                            let what = "\(route) as \(requester) (\(permission.rawValue) scope \(scope)): \(path)"
                            if !route.isStateChanging {
                                let response = try await city.get(browser, path)
                                if reached {
                                    inside += 1
                                    #expect(Self.isPage(response.status), "\(what): inside the scope, expected 200/303/404, got \(response.status.code)\(Self.hint(response.status))")
                                } else {
                                    outside[requester.staffNumber!, default: 0] += 1
                                    #expect(response.status == .forbidden && response.body.string.contains(forbidden) || response.status == .notFound,
                                            "\(what): outside the scope, expected 403 or 404, got \(response.status.code)")
                                    if let personName = candidate.name {
                                        #expect(!response.body.string.contains(personName), "\(what): the page shows \(personName), outside the scope")
                                    }
                                }
                            } else if !reached {
                                // Outside the scope a change is refused even with a valid token.
                                outside[requester.staffNumber!, default: 0] += 1
                                let before = try await city.fingerprint()
                                let response = try await city.send(route.method, path, cookie: browser.cookie, token: browser.csrfToken)
                                #expect(response.status == .forbidden && response.body.string.contains(forbidden) || response.status == .notFound,
                                        "\(what): a change outside the scope, expected 403 or 404, got \(response.status.code)")
                                let changed = RouteMatrixCity.changedTables(before, try await city.fingerprint())
                                #expect(changed.isEmpty, "\(what): a refused change outside the scope changed \(changed)")
                            }
                        }
                    }
                }
            }
            #expect(scopedRoutes > 0 && inside > 0)
            // The staff member, the section manager and the department head were each tried on
            // someone else's records (their neighbours in the staff numbers among them).
            for number in [Demo.staff, Demo.sectionManager, Demo.departmentHead] {
                #expect((outside[number] ?? 0) > 0, "\(number) was never tried outside their scope")
            }
            print("AuthorizationMatrix.scopesHoldForEveryIdOfTheCity: \(scopedRoutes) scoped routes, \(inside) inside and \(outside.values.reduce(0, +)) outside requests, \(city.requestCount) requests")
        }
    }

    @Test("a section manager or department head sees no one outside their subtree on their scoped pages, whatever section or department is asked for")
    func subtreeHoldsForEverySectionFilter() async throws {
        try await RouteMatrixCity.with { city in
            let browsers = try await city.browsers()
            let forbidden = city.message("error.forbidden")
            var requested = 0, outsideFilters = 0, routeRoles = 0
            for route in city.routes where !route.isStateChanging {
                guard case .permission(let permission)? = route.access else { continue }
                for (requester, browser) in browsers {
                    guard let scope = requester.grant(.permission(permission)).scope, scope == .section || scope == .department else { continue }
                    guard let base = city.path(route, for: requester) else { continue }
                    routeRoles += 1
                    let outsiders = city.people.values.filter { !city.reaches(requester, scope: scope, person: $0.staffNumber) }
                    #expect(!outsiders.isEmpty, "\(requester) has someone outside their \(scope) scope in the city")
                    var filters: [(name: String, code: String)?] = [nil]
                    for name in RouteMatrixCity.sectionFilters {
                        filters += city.tree.units.keys.sorted().map { (name: name, code: $0.rawValue) }
                    }
                    for filter in filters {
                        let path = base + (filter.map { (base.contains("?") ? "&" : "?") + "\($0.name)=\($0.code)" } ?? "")
                        let what = "\(route) as \(requester) (\(permission.rawValue) scope \(scope)): \(path)"
                        let response = try await city.get(browser, path)
                        requested += 1
                        if let filter, !city.reaches(requester, scope: scope, section: filter.code) {
                            outsideFilters += 1
                            #expect(Self.isPage(response.status) || response.status == .forbidden && response.body.string.contains(forbidden),
                                    "\(what): a section outside the scope, expected 403, 404 or a page within the scope, got \(response.status.code)")
                        } else {
                            #expect(Self.isPage(response.status), "\(what): expected 200/303/404, got \(response.status.code)\(Self.hint(response.status))")
                        }
                        for person in outsiders where response.body.string.contains(person.name) {
                            Issue.record("\(what): shows \(person.staffNumber) \(person.name), outside the \(scope) scope")
                        }
                    }
                }
            }
            #expect(routeRoles > 0 && outsideFilters > 0)
            #expect(requested == city.requestCount)
            print("AuthorizationMatrix.subtreeHoldsForEverySectionFilter: \(routeRoles) route × role pairs, \(requested) requests (\(outsideFilters) filtered outside the scope)")
        }
    }

    /// Every GET route as every requester, parameters filled with the subject's ids (their staff
    /// number and section): what any role can reach about the subject. Returns the requests sent.
    func crawlAboutTheSubject(_ city: RouteMatrixCity, _ browsers: [(MatrixRequester, Browser)],
                              _ inspect: (MatrixRoute, MatrixRequester, String, PageResponse) -> Void) async throws -> Int {
        let subject = try #require(city.people[RouteMatrixCity.subject])
        var crawled = 0
        for route in city.routes where !route.isStateChanging {
            for (requester, browser) in browsers {
                guard let path = city.path(route, for: requester, overrides: ["staffNumber": subject.staffNumber, "code": subject.sectionCode]) else { continue }
                inspect(route, requester, path, try await city.get(browser, path))
                crawled += 1
            }
        }
        #expect(crawled == city.routes.filter { !$0.isStateChanging }.count * browsers.count, "every GET route was crawled as everyone")
        return crawled
    }

    @Test("self-report circumstances are read by HR (and their author) only, on every page")
    func circumstancesStayWithHR() async throws {
        try await RouteMatrixCity.with { city in
            let browsers = try await city.browsers()
            let author = try #require(browsers.first { $0.0.staffNumber == RouteMatrixCity.subject }).1
            let circumstances = "祖母の介護のため水曜は早退が必要です（権限行列 \(UUID().uuidString.prefix(8))）"
            try await author.get("/career/self-report")
            let form = CareerTests().form().filter { $0.0 != "circumstances" } + [("circumstances", circumstances)]
            #expect(try await author.post("/career/self-report", form).status == .seeOther)
            #expect(try await SelfReport.query(on: city.app.db).filter(\.$circumstances == circumstances).filter(\.$submittedAt != nil).count() == 1,
                    "the self-report with the circumstances is stored and submitted")
            let readers: Set<String> = [Demo.hr, RouteMatrixCity.subject]
            var shownTo: Set<String> = []
            let crawled = try await crawlAboutTheSubject(city, browsers) { route, requester, path, response in
                guard response.body.string.contains(circumstances) else { return }
                shownTo.insert(requester.staffNumber ?? "anonymous")
                #expect(requester.staffNumber.map(readers.contains) == true,
                        "\(route) as \(requester): \(path) shows another person's self-report circumstances")
            }
            #expect(shownTo.contains(Demo.hr), "HR reads the circumstances somewhere (else this check proves nothing)")
            print("AuthorizationMatrix.circumstancesStayWithHR: \(crawled) requests; circumstances shown to \(shownTo.sorted())")
        }
    }

    @Test("no page shows an individual survey answer while the survey is open, though enough have answered for any report")
    func noPageShowsASurveyAnswer() async throws {
        try await RouteMatrixCity.with { city in
            let tag = UUID().uuidString.prefix(8)
            var comments: [String] = []
            // As many respondents as the survey's k and free-text threshold, so nothing is hidden
            // for being too small: only the survey being open keeps the answers from showing.
            for number in [Demo.staff, Demo.sectionManager, Demo.departmentHead] {
                let comment = "職場の本音は別にあります（権限行列 \(tag) \(number)）"
                comments.append(comment)
                #expect(try await SurveyTests().answer(city.app, number, surveyID: city.surveyID, comment: comment).status == .seeOther)
            }
            let survey = try #require(try await Survey.find(city.surveyID, on: city.app.db))
            #expect(survey.status == .open)
            #expect(try await SurveyCompletion.query(on: city.app.db).filter(\.$surveyID == city.surveyID).count() >= max(survey.k, survey.freeTextK))
            let stored = Set(try await SurveyAnswerRecord.query(on: city.app.db).filter(\.$questionID == SurveyTests.comment.id).all(\.$value))
            #expect(stored.isSuperset(of: comments), "the answers are stored")
            let browsers = try await city.browsers()
            let crawled = try await crawlAboutTheSubject(city, browsers) { route, requester, path, response in
                let body = response.body.string
                for comment in comments where body.contains(comment) {
                    Issue.record("\(route) as \(requester): \(path) shows the survey answer “\(comment)” while the survey is open")
                }
            }
            print("AuthorizationMatrix.noPageShowsASurveyAnswer: \(crawled) requests")
        }
    }

    // MARK: - 4. State-changing routes and the CSRF token

    @Test("every state-changing route is refused without a token, with another session's token, and does nothing as GET")
    func stateChangingRoutesNeedTheirSessionsToken() async throws {
        try await RouteMatrixCity.with { city in
            let csrf = city.message("error.csrf")
            // Two sessions of the same account: the token belongs to the session, not the person.
            var sessions: [String: (own: Browser, other: Browser)] = [:]
            let anonymous = try await city.browser(for: .anonymous)
            var checked = 0
            let changing = city.routes.filter(\.isStateChanging)
            for route in changing {
                guard let access = route.access else {
                    Issue.record("\(route) declares no access")
                    continue
                }
                guard let holder = MatrixRequester.accounts.first(where: { $0.grant(access).granted }) else {
                    Issue.record("\(route): no demo account holds its access, so a refusal for the token cannot be told from one for the role")
                    continue
                }
                let number = holder.staffNumber!
                if sessions[number] == nil {
                    sessions[number] = (try await city.browser(for: holder), try await city.browser(for: holder))
                }
                let (own, other) = sessions[number]!
                try #require(own.csrfToken != other.csrfToken, "two sessions have two tokens")
                guard let path = city.path(route, for: holder) else { continue }
                let what = "\(route) as \(holder): \(path)"
                let before = try await city.fingerprint()

                let noToken = try await city.send(route.method, path, cookie: own.cookie, token: nil)
                #expect(noToken.status == .forbidden && noToken.body.string.contains(csrf), "\(what) without a token: expected the 403 CSRF page, got \(noToken.status.code)")
                let noSession = try await city.send(route.method, path, cookie: nil, token: nil)
                #expect(noSession.status == .forbidden && noSession.body.string.contains(csrf), "\(what) without a session or token: expected the 403 CSRF page, got \(noSession.status.code)")
                let stolen = try await city.send(route.method, path, cookie: own.cookie, token: other.csrfToken)
                #expect(stolen.status == .forbidden && stolen.body.string.contains(csrf), "\(what) with another session's token: expected the 403 CSRF page, got \(stolen.status.code)")
                // What anyone gets from the login page: the token of an anonymous session.
                let planted = try await city.send(route.method, path, cookie: own.cookie, token: anonymous.csrfToken)
                #expect(planted.status == .forbidden && planted.body.string.contains(csrf), "\(what) with an anonymous session's token: expected the 403 CSRF page, got \(planted.status.code)")

                let asGet = try await city.get(own, path)
                if city.routes.contains(where: { $0.method == .GET && $0.shape == route.shape }) {
                    #expect(Self.isPage(asGet.status), "\(what) as GET is a page: expected 200/303/404, got \(asGet.status.code)\(Self.hint(asGet.status))")
                } else {
                    #expect(asGet.status == .notFound || asGet.status == .methodNotAllowed, "\(what) as GET has no page: expected 404/405, got \(asGet.status.code)")
                }
                let changed = RouteMatrixCity.changedTables(before, try await city.fingerprint())
                #expect(changed.isEmpty, "\(what): refused or GET requests changed \(changed)")
                checked += 1
            }
            #expect(!changing.isEmpty && checked == changing.count, "every state-changing route was checked")
            print("AuthorizationMatrix.stateChangingRoutesNeedTheirSessionsToken: \(checked) routes, \(city.requestCount) requests")
        }
    }
}
