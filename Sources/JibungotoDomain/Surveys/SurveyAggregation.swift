/// The aggregate of one question over a group of responses.
public struct QuestionSummary: Sendable, Hashable, Codable {
    public var questionID: String
    public var kind: SurveyQuestionKind
    /// Response sheets in the group (the group's n), answered or not.
    public var respondents: Int
    /// Sheets with an answer to this question.
    public var answered: Int
    /// Sheets without one (the 無回答 category, so the distribution always covers n).
    public var unanswered: Int { respondents - answered }
    /// Count per answer key, in ``keys`` order: "1"…"5" for Likert, "0"…"10" for the 0–10
    /// scale, option keys for choice questions (for multiple choice a sheet counts once per
    /// chosen option). Empty for free text.
    public var counts: [String: Int]
    /// The answer keys in display order.
    public var keys: [String]
    /// Answers in the favorable range (Likert 4–5, 0–10 scale 7–10); nil for other kinds.
    public var favorable: Int?
    /// favorable ÷ answered; nil when not a scale or nobody answered.
    public var favorableShare: Double? {
        guard let favorable, answered > 0 else { return nil }
        return Double(favorable) / Double(answered)
    }
    /// Mean of the scale values; nil when not a scale or nobody answered.
    public var mean: Double?
    /// For the 0–10 scale: % promoters (9–10) − % detractors (0–6), from −100 to 100.
    public var netPromoterScore: Double?

    /// count ÷ answered for one key (for multiple choice: the share of those who answered
    /// the question who chose it).
    public func share(of key: String) -> Double? {
        answered > 0 ? Double(counts[key] ?? 0) / Double(answered) : nil
    }
}

/// Distributions, favorable shares and means over response sheets.
///
/// Favorable means 4–5 on the 5-point scale (the top two boxes, 「そう思う」「どちらかといえば
/// そう思う」) and 7–10 on the 0–10 scale (the top four points, the same share of the scale as
/// the Likert top two boxes, so heatmap colours mean the same across kinds). The 0–10 scale also
/// gets the promoter convention (9–10 promoters, 0–6 detractors) as ``QuestionSummary/netPromoterScore``.
/// Means are given only for the two scales; choice questions have no order.
///
/// These functions do not apply disclosure control: run ``DisclosureControl`` over the cells
/// first and summarize only the shown ones.
public enum SurveyAggregation {
    /// Whether a scale answer is favorable.
    public static func isFavorable(_ value: SurveyAnswerValue) -> Bool {
        switch value {
        case .likert(let point): point >= 4
        case .scale(let point): point >= 7
        default: false
        }
    }

    /// The summary of `question` over `responses`: their stored values counted, then
    /// ``summarize(_:valueCounts:respondents:answered:)``, so sheets and kept totals give one result.
    public static func summarize(_ question: SurveyQuestion, over responses: some Sequence<SurveyResponse>) -> QuestionSummary {
        var counts: [String: Int] = [:]
        var respondents = 0
        var answered = 0
        for response in responses {
            respondents += 1
            guard let value = response.answers[question.id] else { continue }
            answered += 1
            switch value {
            case .likert(let point), .scale(let point): counts[String(point), default: 0] += 1
            case .single(let key): counts[key, default: 0] += 1
            case .multiple(let keys): for key in keys { counts[key, default: 0] += 1 }
            case .text: break
            }
        }
        return summarize(question, valueCounts: counts, respondents: respondents, answered: answered)
    }

    /// The summary of `question` from how often each stored value was given ("1"…"5", "0"…"10",
    /// option keys; a multiple-choice sheet counts once per chosen option) in a group of
    /// `respondents` sheets. `answered` is the number of sheets that answered; when unknown
    /// (totals kept per value cannot tell it for multiple choice) it is the sum of the counts for
    /// single-valued questions and `respondents` for multiple choice.
    public static func summarize(_ question: SurveyQuestion, valueCounts: [String: Int], respondents: Int, answered: Int? = nil) -> QuestionSummary {
        var favorable = 0, sum = 0, promoters = 0, detractors = 0
        let keys: [String]
        switch question.kind {
        case .likert5: keys = (1...5).map(String.init)
        case .scale0to10: keys = (0...10).map(String.init)
        case .singleChoice, .multipleChoice: keys = question.options.map(\.key)
        case .freeText: keys = []
        }
        if question.kind.isScale {
            for (key, count) in valueCounts {
                guard let point = Int(key) else { continue }
                sum += point * count
                let value: SurveyAnswerValue = question.kind == .likert5 ? .likert(point) : .scale(point)
                if isFavorable(value) { favorable += count }
                if question.kind == .scale0to10 {
                    if point >= 9 { promoters += count } else if point <= 6 { detractors += count }
                }
            }
        }
        let answeredSheets = answered ?? (question.kind == .multipleChoice ? respondents : valueCounts.values.reduce(0, +))
        let isScale = question.kind.isScale
        return QuestionSummary(
            questionID: question.id, kind: question.kind, respondents: respondents, answered: answeredSheets,
            counts: question.kind == .freeText ? [:] : valueCounts, keys: keys, favorable: isScale ? favorable : nil,
            mean: isScale && answeredSheets > 0 ? Double(sum) / Double(answeredSheets) : nil,
            netPromoterScore: question.kind == .scale0to10 && answeredSheets > 0
                ? Double(promoters - detractors) * 100 / Double(answeredSheets) : nil)
    }

    /// eNPS of a 0–10 question as a page may show it: nil unless the summary exists (its group
    /// is shown) and at least `k` answered the question itself, so a figure never rests on
    /// fewer than k people's answers.
    public static func netPromoterScore(_ summary: QuestionSummary?, k: Int) -> Double? {
        guard let summary, summary.kind == .scale0to10, summary.answered >= k else { return nil }
        return summary.netPromoterScore
    }

    /// An eNPS in whole points with its sign: "+30", "0", "-20".
    public static func netPromoterText(_ score: Double) -> String {
        let points = Int(score.rounded())
        return points > 0 ? "+\(points)" : String(points)
    }

    /// 前回比: the change in favorable share from the previous cycle, in percentage points
    /// between the shown one-decimal figures (``ResponseRate/shownChange(from:to:)``); nil
    /// unless both summaries exist (nil for a group hidden in either cycle) and both have
    /// favorable shares.
    public static func favorableChange(current: QuestionSummary?, previous: QuestionSummary?) -> Double? {
        guard let now = current?.favorableShare, let before = previous?.favorableShare else { return nil }
        return ResponseRate.shownChange(from: before, to: now)
    }
}
