import Fluent
import FluentSQL
import SQLKit

/// Where a search text must stand within a column's value.
enum LiteralSearchPosition: Sendable {
    case anywhere
    case prefix
}

extension QueryBuilder {
    /// Rows whose `field` contains `text` as typed: `%` and `_` are letters here, not the LIKE
    /// wildcards they would be in Fluent's `.contains` (a search for "50%" must not match all).
    /// Like Fluent's own filters it changes the builder itself; the result is for chaining.
    @discardableResult
    func filter<Value>(
        _ field: KeyPath<Model, FieldProperty<Model, Value>>,
        containsLiterally text: String,
        at position: LiteralSearchPosition = .anywhere
    ) -> Self {
        let column = Model.path(for: field).map(\.description).joined(separator: "_")
        let escaped = Self.escapeLikePattern(text)
        let pattern = position == .anywhere ? "%" + escaped + "%" : escaped + "%"
        return filter(.sql(embed: "\(ident: column) LIKE \(bind: pattern) ESCAPE '\\'"))
    }

    static func escapeLikePattern(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
