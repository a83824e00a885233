import Fluent
import Foundation
import JibungotoDomain
import SQLKit
import Vapor

/// A fiscal year's organization in memory (a few hundred units): parents, children, subtrees.
struct OrganizationTree: Sendable {
    let fiscalYear: Int
    let units: [SectionCode: SectionRecord]
    let children: [SectionCode: [SectionCode]]
    let roots: [SectionCode]
    /// Each unit's department, worked out once: pages ask it of every staff member they count.
    private let departments: [SectionCode: SectionCode]

    init(fiscalYear: Int, records: [SectionRecord]) {
        self.fiscalYear = fiscalYear
        var units: [SectionCode: SectionRecord] = [:]
        for record in records { units[record.code] = record }
        var children: [SectionCode: [SectionCode]] = [:]
        var roots: [SectionCode] = []
        for record in records.sorted(by: { $0.code < $1.code }) {
            if let parent = record.parentCode, units[parent] != nil {
                children[parent, default: []].append(record.code)
            } else {
                roots.append(record.code)
            }
        }
        self.units = units
        self.children = children
        self.roots = roots
        var departments: [SectionCode: SectionCode] = [:]
        func mark(_ code: SectionCode, department: SectionCode, seen: inout Set<SectionCode>) {
            guard seen.insert(code).inserted else { return }
            departments[code] = department
            for child in children[code] ?? [] { mark(child, department: department, seen: &seen) }
        }
        var seen: Set<SectionCode> = []
        for root in roots { mark(root, department: root, seen: &seen) }
        self.departments = departments
    }

    /// A stored unit the tree cannot read: an error, never quietly another kind of unit.
    struct UnreadableUnit: Error, CustomStringConvertible {
        let record: String
        var description: String { "an organization unit cannot be read: \(record)" }
    }

    /// Nearly every page needs the tree, and a city has a few thousand units: they travel as one
    /// text (`PackedRows`), which reads 1,700 units in about 2 ms where decoding them as models
    /// took 34 ms (`Benchmarks/opportunities`).
    static func load(fiscalYear: Int, on database: any Database) async throws -> OrganizationTree {
        let rows = try await PackedRows.load(fields: [
            "code", .text("name_ja"), .text("name_en"), "kind", "parent_code",
            "CASE WHEN is_collaboration_post THEN 1 ELSE 0 END", .text("district"), "authorized_headcount",
            "CASE WHEN is_managerial THEN 1 ELSE 0 END",
        ], "FROM \(ident: OrganizationUnit.schema) WHERE fiscal_year = \(bind: fiscalYear)", on: try PackedRows.sql(database))
        var records: [SectionRecord] = []
        try rows.forEach { row in
            guard !row.isEmpty(0), let kind = SectionKind(rawValue: row.text(3)), let collaboration = row.flag(5),
                  let headcount = row.number(7), let managerial = row.flag(8)
            else { throw UnreadableUnit(record: row.description) }
            records.append(SectionRecord(
                code: SectionCode(row.text(0)), nameJa: row.text(1), nameEn: row.text(2), kind: kind,
                parentCode: row.optionalText(4).map { SectionCode($0) }, isCollaborationPost: collaboration,
                district: row.optionalText(6), authorizedHeadcount: headcount, isManagerial: managerial))
        }
        return OrganizationTree(fiscalYear: fiscalYear, records: records)
    }

    /// The unit and everything below it.
    func subtree(of code: SectionCode) -> Set<SectionCode> {
        var result: Set<SectionCode> = []
        var stack = [code]
        while let next = stack.popLast() {
            guard units[next] != nil, result.insert(next).inserted else { continue }
            stack.append(contentsOf: children[next] ?? [])
        }
        return result
    }

    /// From the top (the department) down to the unit.
    func path(to code: SectionCode) -> [SectionRecord] {
        var path: [SectionRecord] = []
        var current = units[code]
        while let unit = current, !path.contains(where: { $0.code == unit.code }) {
            path.insert(unit, at: 0)
            current = unit.parentCode.flatMap { units[$0] }
        }
        return path
    }

    func department(of code: SectionCode) -> SectionRecord? { departments[code].flatMap { units[$0] } }

    /// Units in display order: depth-first, each with its depth.
    func flattened() -> [(record: SectionRecord, depth: Int)] {
        var result: [(SectionRecord, Int)] = []
        func visit(_ code: SectionCode, _ depth: Int) {
            guard let unit = units[code] else { return }
            result.append((unit, depth))
            for child in children[code] ?? [] { visit(child, depth + 1) }
        }
        roots.forEach { visit($0, 0) }
        return result
    }
}

extension Request {
    private struct CurrentOrganizationKey: StorageKey { typealias Value = OrganizationTree }

    /// This fiscal year's organization, loaded once per request however many parts need it
    /// (scopes, the page, the home notices).
    func currentOrganization() async throws -> OrganizationTree {
        if let tree = storage[CurrentOrganizationKey.self] { return tree }
        let tree = try await OrganizationTree.load(fiscalYear: today.fiscalYear.startYear, on: db)
        storage[CurrentOrganizationKey.self] = tree
        return tree
    }
}

/// Which fiscal years have an organization, newest first.
enum OrganizationYears {
    static func all(on database: any Database) async throws -> [Int] {
        let rows = try await OrganizationUnit.query(on: database).unique().all(\.$fiscalYear)
        return Array(Set(rows)).sorted(by: >)
    }

    /// The fiscal year a page shows: `?fy=` when it exists, else today's year if it exists, else the newest.
    static func chosen(_ request: Request, available: [Int]) -> Int? {
        if let asked = try? request.query.get(Int.self, at: "fy"), available.contains(asked) { return asked }
        let current = request.today.fiscalYear.startYear
        if available.contains(current) { return current }
        return available.first
    }
}

/// The units a section or department scope reaches for the signed-in user, from where they work today.
enum OrganizationScope {
    /// The unit at the top of what the scope reaches: the user's own section (`.section`) or their
    /// department (`.department`); nil when they have no current placement.
    static func root(for request: Request, scope: Scope, tree: OrganizationTree) async throws -> SectionCode? {
        let user = try request.requireUser()
        guard let me = try await StaffMember.query(on: request.db).filter(\.$staffNumber == user.staffNumber).first(),
              let section = me.currentSectionCode
        else { return nil }
        return scope == .department ? (tree.department(of: section)?.code ?? section) : section
    }

    /// That unit and everything below it; empty when the user has no current placement.
    static func units(for request: Request, scope: Scope) async throws -> Set<SectionCode> {
        let tree = try await request.currentOrganization()
        return try await root(for: request, scope: scope, tree: tree).map(tree.subtree(of:)) ?? []
    }
}

/// Whose staff records the current user may see, from their `viewStaff` scope and where they work.
enum StaffVisibility: Sendable {
    case all
    case sections(Set<SectionCode>, ownNumber: StaffNumber)
    case onlyOwn(StaffNumber)

    static func resolve(_ request: Request) async throws -> StaffVisibility {
        let user = try request.requireUser()
        let scope = try request.scope(of: .viewStaff)
        switch scope {
        case .all: return .all
        case .own: return .onlyOwn(user.staffNumber)
        case .section, .department:
            let units = try await OrganizationScope.units(for: request, scope: scope)
            return units.isEmpty ? .onlyOwn(user.staffNumber) : .sections(units, ownNumber: user.staffNumber)
        }
    }

    func allows(_ staff: StaffMember) -> Bool {
        switch self {
        case .all: true
        case .sections(let codes, let own): staff.staffNumber == own || staff.currentSectionCode.map(codes.contains) == true
        case .onlyOwn(let number): staff.staffNumber == number
        }
    }

    func allowsSection(_ code: SectionCode) -> Bool {
        switch self {
        case .all: true
        case .sections(let codes, _): codes.contains(code)
        case .onlyOwn: false
        }
    }

    func apply(to query: QueryBuilder<StaffMember>) -> QueryBuilder<StaffMember> {
        switch self {
        case .all: return query
        case .sections(let codes, let own):
            return query.group(.or) { $0.filter(\.$currentSectionCode ~~ Array(codes)).filter(\.$staffNumber == own) }
        case .onlyOwn(let number): return query.filter(\.$staffNumber == number)
        }
    }
}
