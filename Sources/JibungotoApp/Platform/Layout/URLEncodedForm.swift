import Vapor

extension Request {
    /// The fields of a URL-encoded body in the order they were sent, repeated names included
    /// (a form's own order matters where Vapor's decoder would give a dictionary).
    var urlEncodedFields: [(name: String, value: String)] {
        guard let body = body.string else { return [] }
        return body.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
    }
}
