import JibungotoDomain
import Vapor

extension Request {
    /// The fields of a URL-encoded body in the order they were sent, repeated names included
    /// (a form's own order matters where Vapor's decoder would give a dictionary).
    var urlEncodedFields: [(name: String, value: String)] {
        guard let body = body.string else { return [] }
        return URLEncodedForm.fields(of: body)
    }
}
