import Fluent
import Foundation
import JibungotoDomain

/// One of the city's districts (地区), served by its citizen center (地区市民センター): the unit of
/// the organization whose `district` names it.
final class District: Model, @unchecked Sendable {
    static let schema = "districts"

    @ID(key: .id) var id: UUID?
    @Field(key: "name_ja") var nameJa: String
    @Field(key: "name_en") var nameEn: String
    /// The citizen center's section code; unique.
    @Field(key: "center_section_code") var centerSectionCode: SectionCode
    /// The place in lists: the order of the centers' codes.
    @Field(key: "position") var position: Int

    init() {}

    var name: Bilingual { Bilingual(ja: nameJa, en: nameEn.isEmpty ? nameJa : nameEn) }

    /// The district's id as text, for the figures and links.
    var key: String { id?.uuidString.lowercased() ?? "" }
}

extension District {
    convenience init(id: UUID? = nil, nameJa: String, nameEn: String, centerSectionCode: SectionCode, position: Int) {
        self.init()
        self.id = id
        self.nameJa = nameJa
        self.nameEn = nameEn
        self.centerSectionCode = centerSectionCode
        self.position = position
    }
}
