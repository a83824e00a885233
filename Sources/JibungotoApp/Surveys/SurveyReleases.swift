import Fluent
import Foundation
import JibungotoDomain
import SQLKit

/// Where a survey's figures come from: while it is open, response figures only, computed from
/// the counts under one disclosure run; once it closes, the release computed at closing and
/// stored, never recomputed (see docs/surveys-anonymity.md).
enum SurveyReleases {
    struct Unavailable: Error {}

    /// The release readers see now: the stored one of a closed survey, the live response figures
    /// of an open one.
    static func current(_ survey: Survey, today: LocalDate, on database: any Database) async throws -> SurveyRelease {
        if survey.status == .closed, let stored = try await stored(survey, on: database) {
            return stored
        }
        return try await inSnapshot(database) { database in
            try SurveyReleaseBuilder.build(try await input(for: survey, withResults: false, on: database, today: today))
        }
    }

    /// Runs `body` in one transaction that sees one moment of the data (PostgreSQL: repeatable
    /// read; SQLite transactions always do), so a submission arriving between two of the reads
    /// cannot make the counts disagree.
    static func inSnapshot<Value: Sendable>(_ database: any Database, _ body: @escaping @Sendable (any Database) async throws -> Value) async throws -> Value {
        let nested = database.inTransaction
        return try await database.writeTransaction { database in
            if !nested, let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" {
                try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").run()
            }
            return try await body(database)
        }
    }

    static func stored(_ survey: Survey, on database: any Database) async throws -> SurveyRelease? {
        guard let record = try await SurveyReleaseRecord.query(on: database).filter(\.$surveyID == survey.requireID()).first() else { return nil }
        guard let release = JSONText.decode(SurveyRelease.self, from: record.content) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "survey release \(record.surveyID) does not decode"))
        }
        return release
    }

    /// Closes a survey: computes its one release with the results, stores it, then removes what
    /// could order or date the answers (the daily counts are in the release now), all in one
    /// transaction that reads one moment of the data; on PostgreSQL the answer rows are then
    /// rewritten in random order as well.
    static func close(_ survey: Survey, today: LocalDate, on database: any Database) async throws {
        let surveyID = try survey.requireID()
        // First the status, on its own: a submission checks it under the survey row's lock in
        // its own transaction (SurveySubmission.store), so once this is written every answer is
        // either in (committed before) or refused — none can land after the release is frozen.
        survey.status = .closed
        try await survey.save(on: database)
        guard try await stored(survey, on: database) == nil else { return }
        try await inSnapshot(database) { database in
            let release = try SurveyReleaseBuilder.build(try await input(for: survey, withResults: true, on: database, today: today))
            let record = SurveyReleaseRecord()
            record.surveyID = surveyID
            record.content = JSONText.encode(release, fallback: "")
            guard !record.content.isEmpty else { throw Unavailable() }
            try await record.create(on: database)
            try await SurveyResponseRecord.query(on: database).filter(\.$surveyID == surveyID).set(\.$day, to: "").update()
            try await SurveyDailyCount.query(on: database).filter(\.$surveyID == surveyID).delete()
        }
        try await SurveyStorage.rewriteInRandomOrder(surveyID: surveyID, on: database)
    }

    /// The counts a release is computed from. Nothing here names a respondent: completions say
    /// who answered (as HR's reminder list does), sheets and totals what, never both together.
    static func input(for survey: Survey, withResults: Bool, on database: any Database, today: LocalDate) async throws -> SurveyReleaseInput {
        guard let sql = database as? any SQLDatabase else { throw Unavailable() }
        let surveyID = try survey.requireID()
        let tree = try await OrganizationTree.load(fiscalYear: survey.organizationFiscalYear ?? today.fiscalYear.startYear, on: database)
        // Read as packed text: every open survey's rates are on the home page of HR and each manager.
        var targets: [TargetPlacement] = []
        try await PackedRows.load(fields: ["staff_number", "section_code", "department_code", "division_code"],
                                  "FROM \(ident: SurveyTarget.schema) WHERE survey_id = \(bind: surveyID)", on: sql).forEach { row in
            targets.append(TargetPlacement(staffNumber: row.text(0), path: placement(unit: SectionCode(row.text(1)), department: SectionCode(row.text(2)),
                                                                                     division: row.text(3), in: tree)))
        }
        var completed = Set<String>()
        try await PackedRows.load(fields: ["staff_number"], "FROM \(ident: SurveyCompletion.schema) WHERE survey_id = \(bind: surveyID)", on: sql)
            .forEach { completed.insert($0.text(0)) }
        let recorded = Survey.sheetAttributes(survey.attributes)
        func recordedAttributes(_ department: String?, _ age: String?, _ service: String?, _ section: String?) -> RecordedAttributes {
            func kept(_ attribute: ReportingAttribute, _ value: String?) -> String? {
                recorded.contains(attribute) ? value.flatMap { $0.isEmpty ? nil : $0 } : nil
            }
            return RecordedAttributes(departmentCode: kept(.department, department), ageBand: kept(.ageBand, age),
                                      serviceBand: kept(.serviceBand, service), sectionCode: kept(.section, section))
        }
        struct SheetRow: Decodable { let department_code: String?; let age_band: String?; let service_band: String?; let section_code: String?; let n: Int }
        var sheets: [RecordedAttributes: Int] = [:]
        for row in try await sql.select()
            .column("department_code").column("age_band").column("service_band").column("section_code")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(SurveyResponseRecord.schema).where("survey_id", .equal, surveyID)
            .groupBy("department_code").groupBy("age_band").groupBy("service_band").groupBy("section_code")
            .all(decoding: SheetRow.self) {
            sheets[recordedAttributes(row.department_code, row.age_band, row.service_band, row.section_code), default: 0] += row.n
        }
        var totals: [RecordedAttributes: [String: [String: Int]]]? = nil
        var freeTexts: [String] = []
        if withResults {
            struct TotalRow: Decodable {
                let department_code: String; let age_band: String; let service_band: String; let section_code: String
                let question_id: String; let value: String; let count: Int
            }
            var collected: [RecordedAttributes: [String: [String: Int]]] = [:]
            for row in try await sql.select()
                .column("department_code").column("age_band").column("service_band").column("section_code").column("question_id").column("value").column("count")
                .from(SurveyAnswerCount.schema).where("survey_id", .equal, surveyID).where("count", .greaterThan, SurveyCounter.zero)
                .all(decoding: TotalRow.self) {
                collected[recordedAttributes(row.department_code, row.age_band, row.service_band, row.section_code), default: [:]][row.question_id, default: [:]][row.value, default: 0] += SurveyCounter.count(row.count)
            }
            totals = collected
            let freeTextQuestions = survey.questions.filter { $0.kind == .freeText }.map(\.id)
            if !freeTextQuestions.isEmpty {
                freeTexts = try await SurveyAnswerRecord.query(on: database)
                    .join(SurveyResponseRecord.self, on: \SurveyAnswerRecord.$responseID == \SurveyResponseRecord.$id)
                    .filter(SurveyResponseRecord.self, \.$surveyID == surveyID).filter(\.$questionID ~~ freeTextQuestions).all(\.$value)
            }
        }
        var days: ClosedRange<LocalDate>? = nil
        do {
            let opens = survey.opensOn, closes = survey.closesOn
            let last = survey.status == .closed || withResults ? closes : min(closes, today)
            if opens <= last { days = opens...last }
        }
        // An answer counted just past midnight at either end (checked one day, stored the next)
        // belongs to the nearest day of the curve, so the days always add up to the whole.
        var perDay: [LocalDate: Int] = [:]
        for row in try await SurveyDailyCount.query(on: database).filter(\.$surveyID == surveyID).all() {
            guard var day = LocalDate(iso: row.day) else { continue }
            if let days { day = min(max(day, days.lowerBound), days.upperBound) }
            perDay[day, default: 0] += SurveyCounter.count(row.count)
        }
        return SurveyReleaseInput(
            policy: survey.policy, questions: survey.questions, targets: targets, completed: completed, recorded: recorded,
            sheets: sheets, answerTotals: totals, answersPerDay: perDay, days: days, freeTexts: freeTexts,
            seed: withUnsafeBytes(of: surveyID.uuid) { $0.loadUnaligned(as: UInt64.self) })
    }

    /// A target's units in the survey's organization, from their department down to the unit
    /// they were placed in (just the department when the unit is not below it in `tree`). When
    /// the 課 frozen at opening (`division`) is no longer on that path — that year's organization
    /// was edited since — the path stops at the frozen 課, so the release's cells always hold
    /// the people whose sheets carry that 課.
    static func placement(unit: SectionCode, department: SectionCode, division: String = "", in tree: OrganizationTree) -> [String] {
        let below = tree.path(to: unit).map(\.code).drop { $0 != department }
        let path = (below.first == department ? Array(below) : [department]).map(\.rawValue)
        guard !division.isEmpty, TargetPlacement.section(on: path) != division else { return path }
        return division == department.rawValue ? [division] : [department.rawValue, division]
    }

    /// The answer-sheet attribute combinations of department and section a survey's targets can
    /// have: each department with "" (no section recorded), or with each of its 課.
    static func departmentsAndSections(of targets: [SurveyTarget], recording recorded: Set<ReportingAttribute>) -> [CounterPlace] {
        Set(targets.map { CounterPlace(department: $0.departmentCode.rawValue, section: recorded.contains(.section) ? $0.divisionCode : "") })
            .sorted { ($0.department, $0.section) < ($1.department, $1.section) }
    }

    /// Where an answer total counts: the 部 and, for a survey reported by section, the 課 frozen
    /// at opening ("" when not recorded).
    struct CounterPlace: Hashable, Sendable {
        let department: String
        let section: String
    }

    /// Creates, when a survey opens, every row its submissions will count up: one per day of the
    /// period, and one answer total per combination of recorded attributes × question × value,
    /// in random order. Submissions then only update rows in place.
    ///
    /// - Parameter departmentsAndSections: ``departmentsAndSections(of:recording:)``.
    static func prepareCounters(for survey: Survey, departmentsAndSections: [CounterPlace], on database: any Database) async throws {
        let surveyID = try survey.requireID()
        var generator = SystemRandomNumberGenerator()
        if case let (opens, closes) = (survey.opensOn, survey.closesOn), opens <= closes {
            var rows: [SurveyDailyCount] = []
            var day = opens
            while day <= closes {
                let row = SurveyDailyCount()
                row.surveyID = surveyID
                row.day = day.iso
                row.count = SurveyCounter.zero
                rows.append(row)
                day = day.adding(days: 1)
            }
            try await ChunkedInsert.create(rows.shuffled(using: &generator), on: database)
        }
        let recorded = Survey.sheetAttributes(survey.attributes)
        let places = recorded.contains(.department) ? departmentsAndSections : [CounterPlace(department: "", section: "")]
        let ageValues = recorded.contains(.ageBand) ? AgeBand.allCases.map(\.rawValue) : [""]
        let serviceValues = recorded.contains(.serviceBand) ? ServiceBand.allCases.map(\.rawValue) : [""]
        var totals: [SurveyAnswerCount] = []
        for question in survey.questions where question.kind != .freeText {
            let values: [String] = switch question.kind {
            case .likert5: (1...5).map(String.init)
            case .scale0to10: (0...10).map(String.init)
            case .multipleChoice: question.options.map(\.key) + [SurveyReleaseBuilder.answeredValue]
            default: question.options.map(\.key)
            }
            for place in places {
                for age in ageValues {
                    for service in serviceValues {
                        for value in values {
                            let row = SurveyAnswerCount()
                            row.id = UUID()
                            row.surveyID = surveyID
                            row.departmentCode = place.department
                            row.sectionCode = place.section
                            row.ageBand = age
                            row.serviceBand = service
                            row.questionID = question.id
                            row.value = value
                            row.count = SurveyCounter.zero
                            totals.append(row)
                        }
                    }
                }
            }
        }
        try await ChunkedInsert.create(totals.shuffled(using: &generator), on: database)
    }

    /// One more answer on `day`, counted in place (the row exists from the opening; a day outside
    /// the period, which the answer pages never accept, would get a row of its own).
    static func countAnswer(surveyID: UUID, day: LocalDate, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw Unavailable() }
        try await sql.insert(into: SurveyDailyCount.schema)
            .columns("id", "survey_id", "day", "count")
            .values(SQLBind(UUID()), SQLBind(surveyID), SQLBind(day.iso), SQLBind(SurveyCounter.zero + 1))
            .onConflict(with: ["survey_id", "day"]) { $0.set("count", to: SQLRaw("\(SurveyDailyCount.schema).count + 1")) }
            .run()
    }
}
