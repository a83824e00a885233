import Fluent
import Foundation
import JibungotoDomain

/// One unit (部, 課, 室, センター, 係) in one fiscal year. The code is its identity across years;
/// a fiscal year's rows are never changed once the year is over.
final class OrganizationUnit: Model, @unchecked Sendable {
    static let schema = "org_units"

    @ID(key: .id) var id: UUID?
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Field(key: "code") var code: SectionCode
    @Field(key: "name_ja") var nameJa: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "kind") var kind: SectionKind
    @OptionalField(key: "parent_code") var parentCode: SectionCode?
    @Field(key: "is_collaboration_post") var isCollaborationPost: Bool
    @OptionalField(key: "district") var district: String?
    @Field(key: "authorized_headcount") var authorizedHeadcount: Int
    @Field(key: "is_managerial") var isManagerial: Bool

    init() {}

    init(fiscalYear: Int, record: SectionRecord) {
        self.fiscalYear = fiscalYear
        self.code = record.code
        update(from: record)
    }

    func update(from record: SectionRecord) {
        nameJa = record.nameJa
        nameEn = record.nameEn
        kind = record.kind
        parentCode = record.parentCode
        isCollaborationPost = record.isCollaborationPost
        district = record.district
        authorizedHeadcount = record.authorizedHeadcount
        isManagerial = record.isManagerial
    }

    var record: SectionRecord {
        SectionRecord(
            code: code, nameJa: nameJa, nameEn: nameEn, kind: kind,
            parentCode: parentCode, isCollaborationPost: isCollaborationPost, district: district,
            authorizedHeadcount: authorizedHeadcount, isManagerial: isManagerial
        )
    }
}

extension CollaborationPosts {
    /// Every recorded version of the sections that were ever a collaboration post — the only
    /// codes whose flag matters — instead of every unit of every year.
    static func load(on database: any Database) async throws -> CollaborationPosts {
        let codes = try await OrganizationUnit.query(on: database).filter(\.$isCollaborationPost == true).unique().all(\.$code)
        var versions: [(fiscalYear: Int, section: SectionRecord)] = []
        for chunk in Array(Set(codes)).chunked(into: 500) {
            versions += try await OrganizationUnit.query(on: database).filter(\.$code ~~ chunk).all().map { ($0.fiscalYear, $0.record) }
        }
        return CollaborationPosts(versions: versions)
    }
}
