import Fluent
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import JibungotoApp
import JibungotoDomain
import Testing
import Vapor
import VaporTesting

/// The groupware digest: one personal address (`PersonalFeed`) opens an Atom feed of the notices
/// the home page shows — a survey reminder reaches the groupware without anyone signing in, and
/// goes away once answered; the address is shown once, works without a session, and stops.
@Suite("Groupware digest of home notices")
struct NoticeDigestTests {
    /// The entries' titles and their decoded content, read by a real XML parser: the feed must be
    /// well-formed whatever the notices say.
    final class AtomReader: NSObject, XMLParserDelegate {
        var feedTitle = "", entries: [(title: String, content: String)] = []
        private var path: [String] = [], text = ""

        static func read(_ body: String) throws -> AtomReader {
            let reader = AtomReader()
            let parser = XMLParser(data: Data(body.utf8))
            parser.delegate = reader
            guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
            return reader
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            path.append(name)
            text = ""
            if name == "entry" { entries.append(("", "")) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if path == ["feed", "title"] { feedTitle = text }
            if path == ["feed", "entry", "title"] { entries[entries.count - 1].title = text }
            if path == ["feed", "entry", "content"] { entries[entries.count - 1].content = text }
            path.removeLast()
        }
    }

    @Test("a survey reminder reaches the digest without a session, in the owner's words, and leaves it once answered")
    func surveyReminderInTheDigest() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let survey = try await SurveyTests.openSurvey(on: app, k: 3, freeTextK: 3, attributes: "department", title: "R&D <試行> 調査")
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            #expect(try await staff.get(AccountRoute.settings.path).body.string.contains("href=\"\(AccountRoute.feeds.path)\""))
            #expect(try await staff.get(AccountRoute.feeds.path).body.string.contains("まだアドレスを発行していません。"))
            let issued = try await staff.post(AccountRoute.feeds.path, [("action", "issue")])
            #expect(issued.status == .ok)
            let token = String(try #require(issued.body.string.firstMatch(of: /\/account\/feeds\/([A-Za-z0-9_-]{20,})\.xml/)).output.1)
            #expect(issued.body.string.contains(SessionRoute.feed(token: token).path), "the same address opens the dialogue calendar")
            let stored = try #require(try await PersonalFeed.query(on: app.db).filter(\.$staffNumber == StaffNumber(Demo.staff)).first())
            #expect(stored.tokenHash == TokenHash.hex(token))

            let groupware = Browser(app)
            let feed = try await groupware.get(AccountRoute.noticeFeed(token: token).path)
            #expect(feed.status == .ok)
            #expect(feed.headers.first(name: .contentType) == "application/atom+xml; charset=utf-8")
            let atom = try AtomReader.read(feed.body.string)
            #expect(atom.feedTitle == "自分ごと：あなたへのお知らせ", "no name: the address may be read by the groupware's other staff")
            let entry = try #require(atom.entries.first)
            #expect(atom.entries.count == 1, "one digest for the day")
            #expect(entry.title.hasSuffix("のお知らせ（1件）"))
            // The title a user typed arrives as text, escaped once for the entry's HTML.
            #expect(entry.content.contains("「R&amp;D &lt;試行&gt; 調査」"))
            #expect(entry.content.contains("href=\"\(SurveysRoute.answer(.id(try survey.requireID())).path)\""))

            #expect(try await SurveyTests().answer(app, Demo.staff, surveyID: try survey.requireID()).status == .seeOther)
            let after = try AtomReader.read(try await groupware.get(AccountRoute.noticeFeed(token: token).path).body.string)
            #expect(after.entries.isEmpty, "nothing left to do, no entry")
        }
    }

    @Test("the owner's language; a wrong ending, an unknown token, a stopped address or a deactivated account open nothing")
    func addressRules() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            _ = try await SurveyTests.openSurvey(on: app, k: 3, freeTextK: 3, attributes: "department")
            try await User.query(on: app.db).filter(\.$staffNumber == StaffNumber(Demo.staff)).set(\.$language, to: .en).update()
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            try await staff.get(AccountRoute.feeds.path)
            let issued = try await staff.post(AccountRoute.feeds.path, [("action", "issue")])
            let token = String(try #require(issued.body.string.firstMatch(of: /\/account\/feeds\/([A-Za-z0-9_-]{20,})\.xml/)).output.1)
            let groupware = Browser(app)
            let english = try AtomReader.read(try await groupware.get(AccountRoute.noticeFeed(token: token).path).body.string)
            #expect(english.feedTitle == "Jibungoto: your notices")
            #expect(english.entries.first?.title.hasSuffix("(1)") == true)

            #expect(try await groupware.get(AccountRoute.noticeFeed(.value(token)).path).status == .notFound, "the address ends in .xml")
            #expect(try await groupware.get(AccountRoute.noticeFeed(token: "unknown-token").path).status == .notFound)
            #expect(try await groupware.get(AccountRoute.noticeFeed(token: TokenHash.hex(token)).path).status == .notFound, "the stored hash is no key")
            try await User.query(on: app.db).filter(\.$staffNumber == StaffNumber(Demo.staff)).set(\.$isActive, to: false).update()
            #expect(try await groupware.get(AccountRoute.noticeFeed(token: token).path).status == .notFound, "a deactivated account's digest is closed")
            try await User.query(on: app.db).filter(\.$staffNumber == StaffNumber(Demo.staff)).set(\.$isActive, to: true).update()
            #expect(try await groupware.get(AccountRoute.noticeFeed(token: token).path).status == .ok)
            let again = Browser(app)
            try await again.logIn(Demo.staff)
            try await again.get(AccountRoute.feeds.path)
            #expect(try await again.post(AccountRoute.feeds.path, [("action", "stop")]).status == .seeOther)
            #expect(try await groupware.get(AccountRoute.noticeFeed(token: token).path).status == .notFound)
            #expect(try await groupware.get(SessionRoute.feed(token: token).path).status == .notFound, "the calendar stops with it")
        }
    }
}
