import Fluent
import Foundation
import JibungotoDomain

/// A header name of the municipality's payroll export mapped to a field (saved per municipality).
final class ImportHeaderMapping: Model, @unchecked Sendable {
    static let schema = "import_header_mappings"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: ImportKind
    @Field(key: "header") var header: String
    @Field(key: "field") var field: String

    init() {}

    init(kind: ImportKind, header: String, field: String) {
        self.kind = kind
        self.header = header
        self.field = field
    }
}
