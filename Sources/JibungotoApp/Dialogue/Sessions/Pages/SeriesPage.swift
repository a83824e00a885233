import Foundation
import JibungotoDomain

/// A series: what it is, and its sessions in order (第1回, 第2回, …) with their days and reports.
enum SeriesPage {
    struct Content: Encodable, Sendable {
        let about: String
        let sessions: [Row]
    }

    struct Row: Encodable, Sendable {
        let number: String
        let title: String
        let href: String
        let when: String
        let mode: String
        let state: String
    }

    static func build(series: DialogueSeries, sessions: [(number: Int, session: DialogueSession)], today: LocalDate, localizer: Localizer) -> Content {
        Content(about: series.about, sessions: sessions.compactMap { number, session in
            guard let id = session.id else { return nil }
            let state = session.isReported ? "dialogue.session.state.reported" : session.date < today ? "dialogue.session.state.held" : "dialogue.session.state.upcoming"
            return Row(number: localizer.t("dialogue.session.series.number", String(number)), title: session.title, href: SessionRoute.session(.id(id)).path,
                       when: SessionText.when(session.time, localizer), mode: SessionText.mode(session.mode, localizer), state: localizer.t(state))
        })
    }
}
