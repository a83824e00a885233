import Fluent

/// Multi-row inserts: one statement per few hundred rows instead of one per row, which is what
/// keeps imports, the demo city and survey openings fast. A few hundred rows stay under every
/// database's limit on bound values per statement.
enum ChunkedInsert {
    static func create<M: Model>(_ models: [M], on database: any Database) async throws {
        for chunk in models.chunked(into: 400) {
            try await Array(chunk).create(on: database)
        }
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements (for `IN (…)` lists and multi-row inserts).
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
