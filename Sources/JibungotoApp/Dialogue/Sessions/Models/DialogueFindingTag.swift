import Fluent
import Foundation
import JibungotoDomain

/// One tag of a finding, in the form `DialogueFindingTags.normalize` gives (the search matches it
/// exactly); with the finding's fiscal year, so the year's tags are counted from this table alone.
final class DialogueFindingTag: Model, @unchecked Sendable {
    static let schema = "dialogue_finding_tags"

    @ID(key: .id) var id: UUID?
    @Parent(key: "finding_id") var finding: DialogueFinding
    @Field(key: "tag") var tag: String
    @Field(key: "fiscal_year") var fiscalYear: Int

    init() {}
}

extension DialogueFindingTag {
    convenience init(findingID: UUID, tag: String, fiscalYear: Int) {
        self.init()
        self.$finding.id = findingID
        self.tag = tag
        self.fiscalYear = fiscalYear
    }
}
