import Foundation
import JibungotoDomain

/// The dry run of an uploaded file: counts, the rows that would be added and changed by name,
/// the first issues (all of them as a CSV), and the apply button when the file has no errors
/// and has not been applied.
enum ImportReportPage {
    /// More issues or rows than this are counted but not listed: a wrong file can have one per row.
    static let issuesShown = 500
    static let rowsShown = 500

    struct Content: Encodable, Sendable {
        let filename: String
        let kind: String
        let encoding: String
        let rowCount: Int
        let toAdd: Int
        let toChange: Int
        let unchanged: Int
        let addedRows: [PreviewRow]
        let moreAdded: String?
        let changedRows: [PreviewRow]
        let moreChanged: String?
        let issueCount: Int
        let issues: [IssueRow]
        let moreIssues: String?
        let issuesCSVHref: String
        let applyAction: String?
        let appliedNote: String?
        let csrfToken: String
        let uploadHref: String
    }

    struct IssueRow: Encodable, Sendable {
        let line: Int
        let column: String
        let message: String
    }

    struct PreviewRow: Encodable, Sendable {
        let line: Int
        let staffNumber: String
        let name: String
        /// For an assignment: section code, post and start; for a change: the columns it changes.
        let detail: String
    }

    static func build(batch: ImportBatch, batchID: UUID, report: OrganizationImporter.Report, csrfToken: String, localizer: Localizer) -> Content {
        let issues = report.issues.prefix(issuesShown).map {
            IssueRow(line: $0.line, column: $0.column ?? "", message: localizer.text($0.message))
        }
        func preview(_ row: OrganizationImporter.RowPreview) -> PreviewRow {
            var parts: [String] = []
            if let assignment = row.assignment {
                parts.append(localizer.t("import.preview.assignment", assignment.sectionCode.rawValue, assignment.post, localizer.date(assignment.start)))
            }
            if !row.changedFields.isEmpty {
                let fields = row.changedFields.map { columnName($0, kind: report.kind, localizer: localizer) }
                parts.append(localizer.t("import.preview.changes", fields.joined(separator: localizer.t("import.preview.separator"))))
            }
            return PreviewRow(line: row.line, staffNumber: row.staffNumber.rawValue, name: row.name, detail: parts.joined(separator: " "))
        }
        func more(_ count: Int) -> String? {
            count > rowsShown ? localizer.t("import.moreRows", count: count - rowsShown, String(count - rowsShown)) : nil
        }
        return Content(
            filename: batch.filename,
            kind: localizer.t("import.kind.\(batch.kind)"),
            encoding: report.detectedEncoding.isEmpty ? "-" : localizer.t("import.detected.\(report.detectedEncoding)"),
            rowCount: report.rowCount, toAdd: report.toAdd, toChange: report.toChange, unchanged: report.unchanged,
            addedRows: report.added.prefix(rowsShown).map(preview), moreAdded: more(report.added.count),
            changedRows: report.changed.prefix(rowsShown).map(preview), moreChanged: more(report.changed.count),
            issueCount: report.issues.count, issues: Array(issues),
            moreIssues: report.issues.count > issuesShown ? localizer.t("import.moreIssues", count: report.issues.count - issuesShown, String(report.issues.count - issuesShown)) : nil,
            issuesCSVHref: OrganizationRoute.importIssues(.id(batchID)).path,
            applyAction: report.hasErrors || batch.appliedAt != nil ? nil : OrganizationRoute.importApply(.id(batchID)).path,
            appliedNote: batch.appliedAt.map { localizer.t("import.alreadyApplied", localizer.timestamp($0)) },
            csrfToken: csrfToken,
            uploadHref: OrganizationRoute.importUpload.path
        )
    }

    // A column by its usual header name in the reader's language.
    private static func columnName(_ key: String, kind: ImportKind, localizer: Localizer) -> String {
        let names: (String, String)? = switch kind {
        case .staff: StaffField(rawValue: key).map { ($0.japaneseName, $0.englishName) }
        case .assignments: AssignmentField(rawValue: key).map { ($0.japaneseName, $0.englishName) }
        }
        return names.map { localizer.text(Bilingual(ja: $0.0, en: $0.1)) } ?? key
    }

    /// Every issue of the file (not only the first ones the page lists) as CSV rows: line,
    /// column and reason in the reader's language.
    static func issuesCSV(_ report: OrganizationImporter.Report, localizer: Localizer) -> (header: [String], rows: [[String]]) {
        ([localizer.t("import.line"), localizer.t("import.column"), localizer.t("import.reason")],
         report.issues.map { [String($0.line), $0.column ?? "", localizer.text($0.message)] })
    }
}
