import Fluent
import Foundation
import SQLKit
import JibungotoDomain

/// The staff and assignment CSV import, shared by the web pages and `jibungoto import`:
/// a dry run that lists every bad row, and an apply that is all or nothing.
public enum OrganizationImporter {
    public struct Report: Sendable {
        public let kind: ImportKind
        public let detectedEncoding: String
        public let rowCount: Int
        public let issues: [ImportIssue]
        public let toAdd: Int
        public let toChange: Int
        public let unchanged: Int
        /// The rows that would be added and changed, in file order, so the dry run names them.
        public let added: [RowPreview]
        public let changed: [RowPreview]

        public var hasErrors: Bool { !issues.isEmpty }
    }

    /// One row of the file that applying would add or change.
    public struct RowPreview: Sendable {
        public let line: Int
        public let staffNumber: StaffNumber
        /// The staff member's name: the file's for a staff row, the stored one for an assignment
        /// (empty when the number is new in this file).
        public let name: String
        /// For an assignment row, the assignment as the file has it.
        public let assignment: AssignmentRecord?
        /// The field keys (``StaffField`` or ``AssignmentField`` raw values) a changed row
        /// changes; empty for an added row.
        public let changedFields: [String]
    }

    public enum Failure: Error {
        /// Apply was asked for a file whose dry run has errors.
        case hasErrors(Report)
    }

    /// Checks a file without writing anything.
    public static func dryRun(kind: ImportKind, data: Data, encoding: CSVTextEncoding, on database: any Database) async throws -> Report {
        try await plan(kind: kind, data: data, encoding: encoding, on: database).report
    }

    /// Applies a file in one transaction; refuses (writing nothing) when the dry run finds errors.
    @discardableResult
    public static func apply(kind: ImportKind, data: Data, encoding: CSVTextEncoding, today: LocalDate, on database: any Database) async throws -> Report {
        try await database.writeTransaction { database in
            let plan = try await plan(kind: kind, data: data, encoding: encoding, on: database)
            guard !plan.report.hasErrors else { throw Failure.hasErrors(plan.report) }
            switch plan.changes {
            case .staff(let added, let changed):
                try await insertStaff(added, on: database)
                for (member, record) in changed {
                    member.update(from: record)
                    try await member.save(on: database)
                }
            case .assignments(let byStaff):
                let numbers = Array(byStaff.keys)
                for chunk in numbers.chunked(into: 500) {
                    try await Assignment.query(on: database).filter(\.$staffNumber ~~ chunk).delete()
                }
                try await ChunkedInsert.create(byStaff.values.flatMap { $0 }.map(Assignment.init(record:)), on: database)
                try await refreshCurrentPlacement(of: byStaff, today: today, on: database)
            case .none:
                break
            }
            try await AccountLifecycle.followStaffMaster(on: database, today: today)
            return plan.report
        }
    }

    private enum Changes {
        case staff(added: [StaffRecord], changed: [(StaffMember, StaffRecord)])
        case assignments([StaffNumber: [AssignmentRecord]])
        case none
    }

    private struct Plan {
        let report: Report
        let changes: Changes
    }

    private static func plan(kind: ImportKind, data: Data, encoding: CSVTextEncoding, on database: any Database) async throws -> Plan {
        func failed(_ issues: [ImportIssue], detected: String = "") -> Plan {
            Plan(report: Report(kind: kind, detectedEncoding: detected, rowCount: 0, issues: issues, toAdd: 0, toChange: 0, unchanged: 0,
                                added: [], changed: []), changes: .none)
        }
        let decoded: DecodedCSVText
        switch CSVText.decode(data, encoding: encoding) {
        case .success(let text): decoded = text
        case .failure(let error): return failed([error.issue])
        }
        let table: CSVTable
        switch CSVTable.parse(decoded.text) {
        case .success(let parsed): table = parsed
        case .failure(let issue): return failed([issue], detected: decoded.detected.rawValue)
        }
        let mapping = try await ImportMappings.load(kind: kind, on: database)
        switch kind {
        case .staff:
            let result = StaffImport.validate(table: table, mapping: mapping)
            let existing = try await StaffMember.query(on: database).all()
            let byNumber = Dictionary(existing.map { ($0.staffNumber, $0) }, uniquingKeysWith: { a, _ in a })
            let incoming = result.records.map(\.record)
            let summary = ImportSummary.staff(incoming: incoming, existing: byNumber.mapValues(\.record))
            let addedKeys = Set(summary.addedKeys), changedKeys = Set(summary.changedKeys)
            let added = incoming.filter { addedKeys.contains($0.staffNumber.rawValue) }
            let changed = incoming.filter { changedKeys.contains($0.staffNumber.rawValue) }.compactMap { record in
                byNumber[record.staffNumber].map { ($0, record) }
            }
            let addedRows = result.records.filter { addedKeys.contains($0.record.staffNumber.rawValue) }.map {
                RowPreview(line: $0.line, staffNumber: $0.record.staffNumber, name: $0.record.name, assignment: nil, changedFields: [])
            }
            let changedRows = result.records.filter { changedKeys.contains($0.record.staffNumber.rawValue) }.compactMap { row in
                byNumber[row.record.staffNumber].map { stored in
                    RowPreview(line: row.line, staffNumber: row.record.staffNumber, name: row.record.name, assignment: nil,
                               changedFields: ImportSummary.changedFields(from: stored.record, to: row.record).map(\.rawValue))
                }
            }
            let report = Report(kind: kind, detectedEncoding: decoded.detected.rawValue, rowCount: table.records.count, issues: result.issues,
                                toAdd: summary.toAdd, toChange: summary.toChange, unchanged: summary.unchanged,
                                added: addedRows, changed: changedRows)
            return Plan(report: report, changes: .staff(added: added, changed: changed))
        case .assignments:
            let sections = Set(try await OrganizationUnit.query(on: database).unique().all(\.$code))
            let staffNumbers = Set(try await StaffMember.query(on: database).all(\.$staffNumber))
            let result = AssignmentImport.validate(table: table, mapping: mapping, knownSectionCodes: sections, knownStaffNumbers: staffNumbers)
            let incoming = Dictionary(grouping: result.records.map(\.record), by: \.staffNumber)
            let existing = try await assignments(of: Array(incoming.keys), on: database)
            let summary = ImportSummary.assignments(incoming: result.records.map(\.record), existing: existing.values.flatMap { $0 })
            let stored = Dictionary(existing.values.flatMap { $0 }.map { (ImportSummary.key($0), $0) }, uniquingKeysWith: { a, _ in a })
            let names = try await staffNames(of: Array(incoming.keys), on: database)
            let addedKeys = Set(summary.addedKeys), changedKeys = Set(summary.changedKeys)
            func preview(_ row: ImportRow<AssignmentRecord>, changedFields: [String]) -> RowPreview {
                RowPreview(line: row.line, staffNumber: row.record.staffNumber, name: names[row.record.staffNumber] ?? "",
                           assignment: row.record, changedFields: changedFields)
            }
            let addedRows = result.records.filter { addedKeys.contains(ImportSummary.key($0.record)) }.map { preview($0, changedFields: []) }
            let changedRows = result.records.compactMap { row -> RowPreview? in
                let key = ImportSummary.key(row.record)
                guard changedKeys.contains(key), let before = stored[key] else { return nil }
                return preview(row, changedFields: ImportSummary.changedFields(from: before, to: row.record).map(\.rawValue))
            }
            let report = Report(kind: kind, detectedEncoding: decoded.detected.rawValue, rowCount: table.records.count, issues: result.issues,
                                toAdd: summary.toAdd, toChange: summary.toChange, unchanged: summary.unchanged,
                                added: addedRows, changed: changedRows)
            return Plan(report: report, changes: .assignments(incoming))
        }
    }

    private static func assignments(of numbers: [StaffNumber], on database: any Database) async throws -> [StaffNumber: [AssignmentRecord]] {
        var result: [StaffNumber: [AssignmentRecord]] = [:]
        for chunk in numbers.chunked(into: 500) {
            for row in try await Assignment.query(on: database).filter(\.$staffNumber ~~ chunk).all() {
                result[row.staffNumber, default: []].append(row.record)
            }
        }
        return result
    }

    private static func staffNames(of numbers: [StaffNumber], on database: any Database) async throws -> [StaffNumber: String] {
        var names: [StaffNumber: String] = [:]
        for chunk in numbers.chunked(into: 500) {
            for member in try await StaffMember.query(on: database).filter(\.$staffNumber ~~ chunk).all() {
                names[member.staffNumber] = member.name
            }
        }
        return names
    }

    /// Copies today's placement onto the staff rows so lists filter on indexed columns.
    static func refreshCurrentPlacement(of histories: [StaffNumber: [AssignmentRecord]], today: LocalDate, on database: any Database) async throws {
        for chunk in Array(histories.keys).chunked(into: 500) {
            for member in try await StaffMember.query(on: database).filter(\.$staffNumber ~~ chunk).all() {
                let placement = CurrentPlacement.on(today, from: histories[member.staffNumber] ?? [])
                member.currentSectionCode = placement?.sectionCode
                member.currentPost = placement?.post
                member.currentSince = placement?.since
                try await member.save(on: database)
            }
        }
    }

    /// New staff rows through SQLKit: building thousands of Fluent models row by row is what
    /// makes a 50,000-row import slow, and these columns are all the table has.
    static func insertStaff(_ records: [StaffRecord], on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else {
            return try await ChunkedInsert.create(records.map(StaffMember.init(record:)), on: database)
        }
        let columns = ["id", "staff_number", "name", "name_kana", "kana_search", "birth_date", "gender", "hire_date",
                       "hire_fiscal_year", "job_type", "grade", "employment_type", "current_section_code", "current_post", "current_since"]
        for chunk in records.chunked(into: 1_000) {
            var insert = sql.insert(into: StaffMember.schema).columns(columns)
            for record in chunk {
                let member = StaffMember(record: record)
                insert = insert.values([
                    SQLBind(UUID()), SQLBind(member.staffNumber), SQLBind(member.name), SQLBind(member.nameKana), SQLBind(member.kanaSearch),
                    SQLBind(member.birthDate), SQLBind(member.gender), SQLBind(member.hireDate), SQLBind(member.hireFiscalYear),
                    SQLBind(member.jobType), SQLBind(member.grade), SQLBind(member.employmentType),
                    SQLBind(String?.none), SQLBind(String?.none), SQLBind(String?.none),
                ])
            }
            try await insert.run()
        }
    }
}

/// The municipality's saved header names over the built-in defaults.
enum ImportMappings {
    static func load(kind: ImportKind, on database: any Database) async throws -> HeaderMapping {
        let saved = try await ImportHeaderMapping.query(on: database).filter(\.$kind == kind).all()
        return HeaderMapping.defaults(for: kind).merging(Dictionary(saved.map { ($0.header, $0.field) }, uniquingKeysWith: { first, _ in first }))
    }
}
