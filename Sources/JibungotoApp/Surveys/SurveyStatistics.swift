import Fluent
import Foundation
import JibungotoDomain
import SQLKit

/// Counts for a survey's reports, computed with GROUP BY in the database, and the cells a report
/// may show under the disclosure rules. Every report (rates, results, export) reads from here, so
/// they all suppress the same cells and none can be subtracted from another.
struct SurveyStatistics: Sendable {
    let survey: Survey
    let cells: [CellSpec]
    let counts: [CellSpec: CellCount]
    let suppression: SuppressionResult
    let departments: [String]
    /// (cell of respondent attributes) → question → stored value → count.
    let answerCounts: [CellSpec: [String: [String: Int]]]

    static func load(_ survey: Survey, on database: any Database) async throws -> SurveyStatistics {
        guard let sql = database as? any SQLDatabase else { throw DatabaseUnsupported() }
        let surveyID = try survey.requireID()
        let dimensions = survey.attributes.filter { $0 != .employmentType }
        struct ResponseRow: Decodable { let department_code: String?; let age_band: String?; let service_band: String?; let n: Int }
        let responseRows = try await sql.select()
            .column("department_code").column("age_band").column("service_band")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(SurveyResponseRecord.schema).where("survey_id", .equal, surveyID)
            .groupBy("department_code").groupBy("age_band").groupBy("service_band")
            .all(decoding: ResponseRow.self)
        struct TargetRow: Decodable { let department_code: String; let n: Int }
        let targetRows = try await sql.select().column("department_code").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(SurveyTarget.schema).where("survey_id", .equal, surveyID).groupBy("department_code")
            .all(decoding: TargetRow.self)
        let departments = Array(Set(targetRows.map(\.department_code) + responseRows.compactMap(\.department_code))).sorted()

        // Every cell any view of the report can show: the whole, each attribute value, and
        // department × band. Suppressing them together keeps every view consistent.
        var domains: [CellDimension: [String]] = [:]
        if dimensions.contains(.department) { domains[.department] = departments }
        if dimensions.contains(.ageBand) { domains[.ageBand] = AgeBand.allCases.map(\.rawValue) }
        if dimensions.contains(.serviceBand) { domains[.serviceBand] = ServiceBand.allCases.map(\.rawValue) }
        var cells: [CellSpec] = [.all]
        for (dimension, values) in domains.sorted(by: { $0.key < $1.key }) {
            cells += values.map { CellSpec([dimension: $0]) }
        }
        if let departmentValues = domains[.department] {
            for band in [CellDimension.ageBand, .serviceBand] {
                guard let bandValues = domains[band] else { continue }
                cells += departmentValues.flatMap { department in bandValues.map { CellSpec([.department: department, band: $0]) } }
            }
        }
        func key(_ row: (String?, String?, String?)) -> [CellDimension: String] {
            var filters: [CellDimension: String] = [:]
            if let department = row.0 { filters[.department] = department }
            if let age = row.1 { filters[.ageBand] = age }
            if let service = row.2 { filters[.serviceBand] = service }
            return filters
        }
        var respondents: [CellSpec: Int] = [:]
        for row in responseRows {
            let filters = key((row.department_code, row.age_band, row.service_band))
            for cell in cells where cell.filters.allSatisfy({ filters[$0.key] == $0.value }) {
                respondents[cell, default: 0] += row.n
            }
        }
        let members = Dictionary(targetRows.map { ($0.department_code, $0.n) }, uniquingKeysWith: +)
        var counts: [CellSpec: CellCount] = [:]
        for cell in cells {
            let memberCount: Int? = cell == .all ? members.values.reduce(0, +)
                : cell.filters.count == 1 ? cell.filters[.department].flatMap { members[$0] ?? 0 } : nil
            counts[cell] = CellCount(respondents: respondents[cell] ?? 0, members: memberCount)
        }
        let hierarchy = CellHierarchy.crossClassified(cells: cells, domains: domains)
        let suppression = DisclosureControl.suppress(cells: cells, counts: counts, hierarchy: hierarchy, policy: survey.policy)

        // Answer totals kept at submission (SurveyAnswerTotals): a few thousand rows, whatever the
        // number of respondents. Each row adds to the shown cells its attributes fall in (the
        // whole, each single attribute, department × band) — found directly, not by scanning cells.
        struct TotalRow: Decodable { let department_code: String; let age_band: String; let service_band: String; let question_id: String; let value: String; let count: Int }
        let totals = try await sql.select()
            .column("department_code").column("age_band").column("service_band").column("question_id").column("value").column("count")
            .from(SurveyAnswerCount.schema).where("survey_id", .equal, surveyID)
            .all(decoding: TotalRow.self)
        let shown = Set(suppression.shown)
        var answerCounts: [CellSpec: [String: [String: Int]]] = [:]
        var cellsOfKey: [[String]: [CellSpec]] = [:]
        for row in totals {
            let attributesKey = [row.department_code, row.age_band, row.service_band]
            let cells = cellsOfKey[attributesKey] ?? {
                let filters = key((row.department_code.isEmpty ? nil : row.department_code, row.age_band.isEmpty ? nil : row.age_band,
                                   row.service_band.isEmpty ? nil : row.service_band))
                let department = filters[.department].map { [CellDimension.department: $0] } ?? [:]
                var candidates: [CellSpec] = [.all] + filters.map { CellSpec([$0.key: $0.value]) }
                for band in [CellDimension.ageBand, .serviceBand] {
                    if let value = filters[band], !department.isEmpty { candidates.append(CellSpec(department.merging([band: value]) { a, _ in a })) }
                }
                let matching = candidates.filter(shown.contains)
                cellsOfKey[attributesKey] = matching
                return matching
            }()
            for cell in cells {
                answerCounts[cell, default: [:]][row.question_id, default: [:]][row.value, default: 0] += row.count
            }
        }
        return SurveyStatistics(survey: survey, cells: cells, counts: counts, suppression: suppression, departments: departments, answerCounts: answerCounts)
    }

    /// Distribution, favorable share and mean of a question in a shown cell; nil when suppressed.
    func summary(of question: SurveyQuestion, in cell: CellSpec) -> CellSummary? {
        guard suppression.isShown(cell), let values = answerCounts[cell]?[question.id] else { return nil }
        let answered = question.kind == .multipleChoice ? (counts[cell]?.respondents ?? 0) : values.values.reduce(0, +)
        guard answered > 0 else { return nil }
        var favorable = 0, total = 0.0
        for (text, count) in values {
            guard let value = StoredAnswer.value(of: [text], for: question) else { continue }
            if SurveyAggregation.isFavorable(value) { favorable += count }
            total += Double(value.scaleValue ?? 0) * Double(count)
        }
        return CellSummary(
            answered: answered, distribution: values,
            favorableShare: question.kind.isScale ? Double(favorable) / Double(answered) : nil,
            mean: question.kind.isScale ? total / Double(answered) : nil)
    }

    struct CellSummary: Sendable {
        let answered: Int
        let distribution: [String: Int]
        let favorableShare: Double?
        let mean: Double?
    }

    struct DatabaseUnsupported: Error {}
}
