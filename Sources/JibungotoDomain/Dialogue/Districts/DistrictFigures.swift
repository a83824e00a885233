/// A local issue as the figures read it.
public struct LocalIssueFacts: Sendable, Equatable {
    /// The district's id, as text.
    public var district: String
    /// The category's id, as text.
    public var category: String
    public var status: LocalIssueStatus
    public var receivedOn: LocalDate
    public var expectedOn: LocalDate
    /// The day it was answered (対応済 or 対応困難); nil while open.
    public var respondedOn: LocalDate?

    public init(district: String, category: String, status: LocalIssueStatus, receivedOn: LocalDate, expectedOn: LocalDate, respondedOn: LocalDate?) {
        self.district = district
        self.category = category
        self.status = status
        self.receivedOn = receivedOn
        self.expectedOn = expectedOn
        self.respondedOn = respondedOn
    }

    /// The days from receiving to answering, once answered.
    public var daysToResponse: Int? {
        respondedOn.map { LocalIssueDeadline.daysToResponse(receivedOn: receivedOn, respondedOn: $0) }
    }
}

/// A citizen dialogue record as the figures read it.
public struct DialogueRecordFacts: Sendable, Equatable {
    /// The district's id, as text.
    public var district: String
    public var heldOn: LocalDate

    public init(district: String, heldOn: LocalDate) {
        self.district = district
        self.heldOn = heldOn
    }
}

/// How many answered issues were answered by their expected date.
public struct AnsweredOnTime: Sendable, Equatable {
    public var answered: Int
    public var onTime: Int

    public init(answered: Int, onTime: Int) {
        self.answered = answered
        self.onTime = onTime
    }

    /// The share answered on time (0…1); nil when nothing was answered.
    public var share: Double? { answered == 0 ? nil : Double(onTime) / Double(answered) }
}

/// The districts' figures, one function per figure, so the district pages and the Policy
/// module's indicators count alike. A fiscal year's figures count the issues answered, and the
/// dialogues held, within it.
public enum DistrictFigures {
    /// Issues answered in the fiscal year, and how many of them by their expected date.
    public static func issuesAnsweredOnTime(_ issues: [LocalIssueFacts], fiscalYear: Int) -> AnsweredOnTime {
        let done = answered(issues, in: fiscalYear)
        let onTime = done.filter { issue in
            issue.respondedOn.map { LocalIssueDeadline.answeredOnTime(respondedOn: $0, expectedOn: issue.expectedOn) } ?? false
        }
        return AnsweredOnTime(answered: done.count, onTime: onTime.count)
    }

    /// The median of the days from receiving to answering, over the issues answered in the fiscal
    /// year; nil when none was answered.
    public static func medianDaysToResponse(_ issues: [LocalIssueFacts], fiscalYear: Int) -> Double? {
        median(answered(issues, in: fiscalYear).compactMap(\.daysToResponse))
    }

    /// The issues answered (対応済 or 対応困難) within the fiscal year.
    static func answered(_ issues: [LocalIssueFacts], in fiscalYear: Int) -> [LocalIssueFacts] {
        issues.filter { issue in issue.respondedOn.map { FiscalYear.containing($0).startYear == fiscalYear } ?? false }
    }

    /// The dialogue records held in the fiscal year, by district id (districts without one are absent).
    public static func recordsPerDistrict(_ records: [DialogueRecordFacts], fiscalYear: Int) -> [String: Int] {
        var counts: [String: Int] = [:]
        for record in records where FiscalYear.containing(record.heldOn).startYear == fiscalYear {
            counts[record.district, default: 0] += 1
        }
        return counts
    }

    /// The middle value, or the mean of the two middle values of an even count; nil when empty.
    public static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    /// How many issues fall under each key (a district, a category, a status).
    public static func counts<Key: Hashable>(_ issues: [LocalIssueFacts], by key: (LocalIssueFacts) -> Key) -> [Key: Int] {
        var counts: [Key: Int] = [:]
        for issue in issues { counts[key(issue), default: 0] += 1 }
        return counts
    }
}
