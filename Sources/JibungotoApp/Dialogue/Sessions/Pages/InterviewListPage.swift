import Foundation
import JibungotoDomain

/// The interview studies: whom each asked, when, how many findings it gave and what it informs.
enum InterviewListPage {
    struct Content: Encodable, Sendable {
        let interviews: [Row]
        let newHref: String?
    }

    struct Row: Encodable, Sendable {
        let title: String
        let href: String
        let targetGroup: String
        let period: String
        let findings: String
        let informs: String
    }

    static func build(interviews: [DialogueInterview], findingCounts: [UUID: Int], mayStart: Bool, localizer: Localizer) -> Content {
        Content(interviews: interviews.compactMap { interview in
            guard let id = interview.id else { return nil }
            return Row(title: interview.title, href: SessionRoute.interview(.id(id)).path, targetGroup: interview.targetGroup,
                       period: InterviewPage.period(interview, localizer), findings: String(findingCounts[id] ?? 0), informs: interview.informs)
        }, newHref: mayStart ? SessionRoute.newInterview.path : nil)
    }
}
