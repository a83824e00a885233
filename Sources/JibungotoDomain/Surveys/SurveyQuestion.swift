/// The kind of a survey question, which fixes what an answer may be.
public enum SurveyQuestionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 5-point agreement scale: 1 そう思わない … 5 そう思う.
    case likert5
    /// Exactly one of the offered options.
    case singleChoice
    /// Any number (at least one, when answered) of the offered options.
    case multipleChoice
    /// An integer from 0 to 10 (e.g. "how likely would you recommend…").
    case scale0to10
    /// Free text up to ``SurveyQuestion/freeTextLimit`` characters.
    case freeText

    /// Whether answers have an order, so that a mean and a favorable share mean something.
    public var isScale: Bool { self == .likert5 || self == .scale0to10 }

    /// Whether the question offers options (``SurveyQuestion/options``).
    public var hasOptions: Bool { self == .singleChoice || self == .multipleChoice }

    public var label: Bilingual {
        switch self {
        case .likert5: Bilingual(ja: "5段階評価", en: "5-point scale")
        case .singleChoice: Bilingual(ja: "単一選択", en: "Single choice")
        case .multipleChoice: Bilingual(ja: "複数選択", en: "Multiple choice")
        case .scale0to10: Bilingual(ja: "0〜10の11段階", en: "0–10 scale")
        case .freeText: Bilingual(ja: "自由記述", en: "Free text")
        }
    }
}

/// One option of a single- or multiple-choice question. `key` is stable across languages and
/// copies of the survey; answers store the key, never the label.
public struct SurveyOption: Sendable, Hashable, Codable {
    public var key: String
    public var label: Bilingual

    public init(key: String, ja: String, en: String) {
        self.key = key
        self.label = Bilingual(ja: ja, en: en)
    }
}

/// One question of a survey.
public struct SurveyQuestion: Sendable, Hashable, Codable, Identifiable {
    /// The default and maximum length of a free-text answer, in characters (grapheme clusters).
    public static let freeTextLimit = 2_000

    /// Stable key within the survey (and in the question bank), e.g. `"eng.pride"`.
    public var id: String
    public var kind: SurveyQuestionKind
    public var text: Bilingual
    /// The options of a choice question, in display order; empty for other kinds.
    public var options: [SurveyOption]
    public var isRequired: Bool
    /// The page (section) of the survey the question is on, 0-based.
    public var page: Int
    /// The theme the question belongs to, for grouping in the bank and in results.
    public var theme: SurveyTheme?

    public init(
        id: String, kind: SurveyQuestionKind, text: Bilingual, options: [SurveyOption] = [],
        isRequired: Bool = false, page: Int = 0, theme: SurveyTheme? = nil
    ) {
        self.id = id
        self.kind = kind
        self.text = text
        self.options = options
        self.isRequired = isRequired
        self.page = page
        self.theme = theme
    }

    /// The labels of the scale ends, for Likert and 0–10 questions.
    public var scaleLabels: [Bilingual] {
        switch kind {
        case .likert5: Likert.labels
        case .scale0to10: [
            // 0–10 questions are the recommendation question of eNPS; their ends say so.
            Bilingual(ja: "0 まったく勧めない", en: "0 Would not recommend at all"),
            Bilingual(ja: "10 非常に勧めたい", en: "10 Would strongly recommend"),
        ]
        default: []
        }
    }
}

/// The labels of the 5-point agreement scale, 1 to 5.
public enum Likert {
    public static let labels: [Bilingual] = [
        Bilingual(ja: "そう思わない", en: "Disagree"),
        Bilingual(ja: "どちらかといえばそう思わない", en: "Somewhat disagree"),
        Bilingual(ja: "どちらともいえない", en: "Neither agree nor disagree"),
        Bilingual(ja: "どちらかといえばそう思う", en: "Somewhat agree"),
        Bilingual(ja: "そう思う", en: "Agree"),
    ]
}

/// A validated answer to one question.
public enum SurveyAnswerValue: Sendable, Hashable, Codable {
    /// 1...5.
    case likert(Int)
    /// The key of the chosen option.
    case single(String)
    /// The keys of the chosen options, in the order the question offers them, no duplicates.
    case multiple([String])
    /// 0...10.
    case scale(Int)
    /// Trimmed, non-empty, at most ``SurveyQuestion/freeTextLimit`` characters.
    case text(String)

    /// The position on the question's scale, for Likert and 0–10 answers.
    public var scaleValue: Int? {
        switch self {
        case .likert(let value), .scale(let value): value
        default: nil
        }
    }
}

/// The themes of the question bank.
public enum SurveyTheme: String, Sendable, Hashable, Codable, CaseIterable {
    /// 働きがい.
    case engagement
    /// 人材育成基本方針の認知・理解.
    case policyAwareness
    /// 職場の魅力.
    case workplaceAttractiveness
    /// 対話の機会.
    case dialogue
    /// 自由記述.
    case openComments

    public var label: Bilingual {
        switch self {
        case .engagement: Bilingual(ja: "働きがい", en: "Engagement")
        case .policyAwareness: Bilingual(
            ja: "人材育成基本方針の認知・理解", en: "Awareness of the HR development policy")
        case .workplaceAttractiveness: Bilingual(ja: "職場の魅力", en: "Workplace attractiveness")
        case .dialogue: Bilingual(ja: "対話の機会", en: "Dialogue opportunities")
        case .openComments: Bilingual(ja: "自由記述", en: "Open comments")
        }
    }
}
