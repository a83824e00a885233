import Foundation
import JibungotoDomain

/// The sessions of a fiscal year the reader may see (open calls, those they are on, their study
/// groups' meetings, those they run), upcoming first, with seats and the reader's place; above
/// them the reader's own upcoming registrations and the way to the other dialogue pages.
enum SessionListPage {
    struct Filter: Sendable {
        let fiscalYear: Int
        let kind: DialogueSessionKind?
        let years: [Int]
    }

    struct Content: Encodable, Sendable {
        let mine: [MineRow]
        let upcoming: [Row]
        let past: [Row]
        let yearOptions: [Option]
        let kindOptions: [Option]
        let filterAction: String
        let links: [Link]
        let newSessionHref: String?
        let newSeriesHref: String?
    }

    struct Row: Encodable, Sendable {
        let title: String
        let href: String
        let kind: String
        let when: String
        let mode: String
        let seats: String
        let series: String?
        let myStatus: String?
        let isReported: Bool
    }

    struct MineRow: Encodable, Sendable {
        let title: String
        let href: String
        let when: String
        let status: String
    }

    struct Option: Encodable, Sendable {
        let value: String
        let label: String
        let isSelected: Bool
    }

    struct Link: Encodable, Sendable {
        let label: String
        let description: String
        let href: String
    }

    /// `counts` are the live rows (seats and waiting) of the sessions; `mine` the reader's rows by session.
    static func build(
        sessions: [DialogueSession], counts: [DialogueRegistration], mine: [UUID: DialogueRegistration], upcomingMine: [DialogueRegistration],
        filter: Filter, mayOrganize: Bool, today: LocalDate, localizer: Localizer
    ) -> Content {
        var registered: [UUID: Int] = [:]
        var waiting: [UUID: Int] = [:]
        for row in counts {
            if row.status == .registered { registered[row.$session.id, default: 0] += 1 }
            if row.status == .waiting { waiting[row.$session.id, default: 0] += 1 }
        }
        func status(_ row: DialogueRegistration) -> String {
            row.status == .registered && row.attended ? localizer.t("dialogue.session.mine.attended") : SessionText.status(row.status, localizer)
        }
        let rows = sessions.compactMap { session -> (date: LocalDate, row: Row)? in
            guard let id = session.id else { return nil }
            return (session.date, Row(
                title: session.title, href: SessionRoute.session(.id(id)).path, kind: SessionText.kind(session.kind, localizer),
                when: SessionText.when(session.time, localizer), mode: SessionText.mode(session.mode, localizer),
                seats: SessionText.seats(capacity: session.capacity, registered: registered[id] ?? 0, waiting: waiting[id] ?? 0, localizer),
                series: session.$series.value.flatMap { $0 }?.title, myStatus: mine[id].map(status), isReported: session.isReported))
        }
        let upcoming = rows.filter { $0.date >= today }.map { $0.row }
        let past = rows.filter { $0.date < today }.map { $0.row }.reversed()
        let links = [
            Link(label: localizer.t("dialogue.finding.title"), description: localizer.t("dialogue.session.link.findings"), href: SessionRoute.findingSearch.path),
            Link(label: localizer.t("dialogue.studyGroup.title"), description: localizer.t("dialogue.session.link.studyGroups"), href: SessionRoute.studyGroups.path),
            Link(label: localizer.t("dialogue.interview.title"), description: localizer.t("dialogue.session.link.interviews"), href: SessionRoute.interviews.path),
            Link(label: localizer.t("dialogue.session.calendar.title"), description: localizer.t("dialogue.session.link.calendar"),
                 href: AccountRoute.feeds.path),
        ]
        return Content(
            mine: upcomingMine.sorted { $0.session.time < $1.session.time }.compactMap { row in
                guard let id = row.session.id else { return nil }
                return MineRow(title: row.session.title, href: SessionRoute.session(.id(id)).path, when: SessionText.when(row.session.time, localizer),
                               status: status(row))
            },
            upcoming: upcoming, past: Array(past),
            yearOptions: filter.years.map { Option(value: String($0), label: localizer.fiscalYear($0), isSelected: $0 == filter.fiscalYear) },
            kindOptions: [Option(value: "", label: localizer.t("dialogue.session.anyKind"), isSelected: filter.kind == nil)]
                + DialogueSessionKind.allCases.map { Option(value: $0.rawValue, label: SessionText.kind($0, localizer), isSelected: $0 == filter.kind) },
            filterAction: SessionRoute.list.path, links: links,
            newSessionHref: mayOrganize ? SessionRoute.new.path : nil,
            newSeriesHref: mayOrganize ? SessionRoute.newSeries.path : nil)
    }
}
