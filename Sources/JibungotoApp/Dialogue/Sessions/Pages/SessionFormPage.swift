import Foundation
import JibungotoDomain

/// The dialogue pages that are a form beside a few facts: a new session, series, study group,
/// meeting or interview, the closing report, editing an interview. A note says why there is no
/// form (the session is not over yet).
enum SessionFormPage {
    struct Content: Encodable, Sendable {
        let intro: String?
        let facts: [Fact]
        let notes: [String]
        let form: FormModel?
    }

    struct Fact: Encodable, Sendable {
        let label: String
        let value: String
    }
}
