import Fluent
import Foundation

/// An uploaded CSV kept between its dry run and its apply, so HR applies exactly what was checked.
final class ImportBatch: Model, @unchecked Sendable {
    static let schema = "import_batches"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "filename") var filename: String
    @Field(key: "encoding") var encoding: String
    @Field(key: "content") var content: Data
    @Field(key: "uploaded_by") var uploadedBy: String
    @Field(key: "uploaded_at") var uploadedAt: Date
    @OptionalField(key: "applied_at") var appliedAt: Date?

    init() {}
}

/// A header name of the municipality's payroll export mapped to a field (saved per municipality).
final class ImportHeaderMapping: Model, @unchecked Sendable {
    static let schema = "import_header_mappings"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "header") var header: String
    @Field(key: "field") var field: String

    init() {}

    init(kind: String, header: String, field: String) {
        self.kind = kind
        self.header = header
        self.field = field
    }
}
