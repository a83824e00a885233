import Fluent
import Foundation
import JibungotoDomain

/// Changes to a fiscal year's organization (what may change: `OrganizationEditRules`); each change
/// is one transaction and leaves a row in the unit's history.
enum OrganizationEditing {
    enum Disposition: String, CaseIterable, Sendable {
        case keep, abolish, merge
    }

    enum Failure: Error {
        case unitHasMembers(count: Int)
    }

    /// Copies year `from` into `from + 1`; false when the next year already exists.
    static func clone(from year: Int, on database: any Database) async throws -> Bool {
        try await database.writeTransaction { database in
            guard try await OrganizationUnit.query(on: database).filter(\.$fiscalYear == year + 1).count() == 0 else { return false }
            let units = try await OrganizationUnit.query(on: database).filter(\.$fiscalYear == year).all()
            guard !units.isEmpty else { return false }
            try await units.map { OrganizationUnit(fiscalYear: year + 1, record: $0.record) }.create(on: database)
            return true
        }
    }

    static func apply(
        year: Int, existing: SectionRecord, updated: SectionRecord, disposition: Disposition, mergeTarget: SectionCode,
        today: LocalDate, on database: any Database
    ) async throws {
        try await database.writeTransaction { database in
            guard let unit = try await OrganizationUnit.query(on: database)
                .filter(\.$fiscalYear == year).filter(\.$code == existing.code).first() else { return }
            switch disposition {
            case .keep:
                if existing.nameJa != updated.nameJa || existing.nameEn != updated.nameEn {
                    try await OrganizationChange(fiscalYear: year, kind: .renamed, code: existing.code, detail: "\(existing.nameJa) → \(updated.nameJa)").create(on: database)
                }
                var attributesBefore = existing
                attributesBefore.nameJa = updated.nameJa
                attributesBefore.nameEn = updated.nameEn
                if attributesBefore != updated {
                    try await OrganizationChange(fiscalYear: year, kind: .updated, code: existing.code, detail: updated.nameJa).create(on: database)
                }
                unit.update(from: updated)
                try await unit.save(on: database)
            case .abolish, .merge:
                if OrganizationEditRules.removalNeedsEmptyUnit(fiscalYear: year, today: today) {
                    let members = try await StaffMember.query(on: database).filter(\.$currentSectionCode == existing.code).count()
                    guard members == 0 else { throw Failure.unitHasMembers(count: members) }
                }
                try await unit.delete(on: database)
                let change = disposition == .merge
                    ? OrganizationChange(fiscalYear: year, kind: .merged, code: existing.code, targetCode: mergeTarget, detail: existing.nameJa)
                    : OrganizationChange(fiscalYear: year, kind: .abolished, code: existing.code, detail: existing.nameJa)
                try await change.create(on: database)
            }
        }
    }
}
