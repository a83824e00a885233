import Fluent
import Foundation
import JibungotoDomain

/// An uploaded CSV kept between its dry run and its apply, so HR applies exactly what was checked.
final class ImportBatch: Model, @unchecked Sendable {
    static let schema = "import_batches"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: ImportKind
    @Field(key: "filename") var filename: String
    @Field(key: "encoding") var encoding: String
    @Field(key: "content") var content: Data
    @Field(key: "uploaded_by") var uploadedBy: String
    @Field(key: "uploaded_at") var uploadedAt: Date
    @OptionalField(key: "applied_at") var appliedAt: Date?

    init() {}
}

extension ImportBatch {
    /// An uploaded, not yet applied batch in one line.
    convenience init(
        id: UUID? = nil, kind: ImportKind, filename: String, encoding: String, content: Data, uploadedBy: String,
        uploadedAt: Date, appliedAt: Date? = nil
    ) {
        self.init()
        self.id = id
        self.kind = kind
        self.filename = filename
        self.encoding = encoding
        self.content = content
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
        self.appliedAt = appliedAt
    }
}
