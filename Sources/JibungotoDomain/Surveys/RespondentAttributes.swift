/// A coarse attribute that a survey may copy onto each answer for reporting. Which ones are
/// recorded is a per-survey setting, fixed when the survey opens: record only what the
/// reports need, because every recorded attribute narrows the group an answer hides in.
public enum ReportingAttribute: String, Sendable, Hashable, Codable, DeclarationOrdered {
    /// 部 (department) code from the organization frozen at opening.
    case department
    /// 年齢階層: ``AgeBand``.
    case ageBand
    /// 勤続年数階層: ``ServiceBand``.
    case serviceBand
    /// 雇用区分: ``EmploymentType``.
    case employmentType
    /// 所属（課）: the unit directly below the department in the organization frozen at opening
    /// (課・室・センター), or the department itself for people placed in it. Recorded only with
    /// the department and without the age and service bands (``problem(with:)``); its results
    /// are then shared with the department head and with the section's manager.
    case section

    public var label: Bilingual {
        switch self {
        case .department: Bilingual(ja: "部", en: "Department")
        case .ageBand: Bilingual(ja: "年齢", en: "Age")
        case .serviceBand: Bilingual(ja: "勤続年数", en: "Years of service")
        case .employmentType: Bilingual(ja: "雇用区分", en: "Employment type")
        case .section: Bilingual(ja: "所属（課）", en: "Section")
        }
    }

    /// Why a set of recorded attributes cannot be chosen together, or nil when it can.
    ///
    /// A section is a part of its department, so it needs the department. It cannot be crossed
    /// with the age or service bands: the results of a 課 and of a 部 × band overlap in people
    /// the disclosure rules cannot see (a reader who knows the roster knows that all five in a
    /// 課 are in their 30s, and a 部's 30s minus that 課 can be one person), so a survey reports
    /// either by section or by band, never both.
    public static func problem(with recorded: Set<ReportingAttribute>) -> SettingProblem? {
        guard recorded.contains(.section) else { return nil }
        if !recorded.contains(.department) { return .sectionNeedsDepartment }
        if recorded.contains(.ageBand) || recorded.contains(.serviceBand) { return .sectionWithBands }
        return nil
    }

    /// A combination of recorded attributes that cannot be chosen.
    public enum SettingProblem: String, Sendable, Equatable {
        case sectionNeedsDepartment
        case sectionWithBands
    }

    /// The dimension under which this attribute appears in report cells.
    public var dimension: CellDimension { CellDimension(rawValue: rawValue) }
}

/// 年齢階層, in decades: 〜29, 30代, 40代, 50代, 60〜.
public enum AgeBand: String, Sendable, Hashable, Codable, DeclarationOrdered {
    case upTo29 = "-29"
    case thirties = "30-39"
    case forties = "40-49"
    case fifties = "50-59"
    case from60 = "60-"

    /// The band of a person of `age` whole years (ages below 30, including nonsense
    /// negatives, fall in the first band).
    public static func of(age: Int) -> AgeBand {
        switch age {
        case ..<30: .upTo29
        case 30..<40: .thirties
        case 40..<50: .forties
        case 50..<60: .fifties
        default: .from60
        }
    }

    public var label: Bilingual {
        switch self {
        case .upTo29: Bilingual(ja: "29歳以下", en: "29 or under")
        case .thirties: Bilingual(ja: "30代", en: "30s")
        case .forties: Bilingual(ja: "40代", en: "40s")
        case .fifties: Bilingual(ja: "50代", en: "50s")
        case .from60: Bilingual(ja: "60歳以上", en: "60 or over")
        }
    }
}

/// 勤続年数階層: 〜4年, 5〜9年, 10〜19年, 20〜29年, 30年〜 (completed years of service).
public enum ServiceBand: String, Sendable, Hashable, Codable, DeclarationOrdered {
    case upTo4 = "-4"
    case from5to9 = "5-9"
    case from10to19 = "10-19"
    case from20to29 = "20-29"
    case from30 = "30-"

    /// The band of someone with `years` completed years of service.
    public static func of(years: Int) -> ServiceBand {
        switch years {
        case ..<5: .upTo4
        case 5..<10: .from5to9
        case 10..<20: .from10to19
        case 20..<30: .from20to29
        default: .from30
        }
    }

    public var label: Bilingual {
        switch self {
        case .upTo4: Bilingual(ja: "4年以下", en: "4 years or less")
        case .from5to9: Bilingual(ja: "5〜9年", en: "5–9 years")
        case .from10to19: Bilingual(ja: "10〜19年", en: "10–19 years")
        case .from20to29: Bilingual(ja: "20〜29年", en: "20–29 years")
        case .from30: Bilingual(ja: "30年以上", en: "30 years or more")
        }
    }
}

/// The coarse attributes copied onto an answer at submission. Only those the survey records
/// are set; the others stay nil. Nothing here identifies a person by itself.
public struct RespondentAttributes: Sendable, Hashable, Codable {
    public var departmentCode: String?
    public var ageBand: AgeBand?
    public var serviceBand: ServiceBand?
    public var employmentType: EmploymentType?
    /// The 課 (or the department itself for people placed in it): ``ReportingAttribute/section``.
    public var sectionCode: String?

    public init(
        departmentCode: String? = nil, ageBand: AgeBand? = nil, serviceBand: ServiceBand? = nil,
        employmentType: EmploymentType? = nil, sectionCode: String? = nil
    ) {
        self.departmentCode = departmentCode
        self.ageBand = ageBand
        self.serviceBand = serviceBand
        self.employmentType = employmentType
        self.sectionCode = sectionCode
    }

    /// The attributes of a staff member to copy onto an answer, keeping only `recorded` ones.
    ///
    /// - Parameters:
    ///   - birthDate, hireDate, employmentType: from the staff master (the age and service bands
    ///     and the employment type).
    ///   - departmentCode: the staff member's department in the organization frozen when the
    ///     survey opened (not today's), so a reorganization cannot move or shrink groups.
    ///   - sectionCode: their 課 frozen at opening (``TargetPlacement/section(on:)``).
    ///   - referenceDate: the survey's opening day. Bands are computed on that day, not on
    ///     the day of submission, so a birthday during the survey does not move anyone
    ///     between bands, and the band cannot be used to tell when someone answered.
    public static func snapshot(
        birthDate: LocalDate, hireDate: LocalDate, employmentType: EmploymentType, departmentCode: String?, sectionCode: String? = nil,
        on referenceDate: LocalDate,
        recording recorded: Set<ReportingAttribute>
    ) -> RespondentAttributes {
        RespondentAttributes(
            departmentCode: recorded.contains(.department) ? departmentCode : nil,
            ageBand: recorded.contains(.ageBand) ? AgeBand.of(age: birthDate.age(on: referenceDate)) : nil,
            serviceBand: recorded.contains(.serviceBand)
                ? ServiceBand.of(years: LocalDate.completedYears(from: hireDate, to: referenceDate)) : nil,
            employmentType: recorded.contains(.employmentType) ? employmentType : nil,
            sectionCode: recorded.contains(.section) ? sectionCode.flatMap { $0.isEmpty ? nil : $0 } : nil)
    }

    /// The value of one attribute as it appears in report cells (department code, band raw
    /// value, employment type raw value), or nil when not recorded.
    public func value(of attribute: ReportingAttribute) -> String? {
        switch attribute {
        case .department: departmentCode
        case .ageBand: ageBand?.rawValue
        case .serviceBand: serviceBand?.rawValue
        case .employmentType: employmentType?.rawValue
        case .section: sectionCode
        }
    }

    /// Whether a respondent with these attributes belongs to `cell`. A cell filtering on a
    /// dimension these attributes do not carry never matches.
    public func belongs(to cell: CellSpec) -> Bool {
        let recorded = RecordedAttributes(departmentCode: departmentCode, ageBand: ageBand?.rawValue, serviceBand: serviceBand?.rawValue,
                                          sectionCode: sectionCode).filters
        var filters = recorded
        if let employmentType { filters[.employmentType] = employmentType.rawValue }
        return cell.filters.allSatisfy { filters[$0.key] == $0.value }
    }
}

/// One submitted answer sheet as the reports see it: coarse attributes and values, nothing else.
public struct SurveyResponse: Sendable, Hashable, Codable {
    public var attributes: RespondentAttributes
    /// Answers by question id; unanswered optional questions are absent.
    public var answers: [String: SurveyAnswerValue]

    public init(attributes: RespondentAttributes, answers: [String: SurveyAnswerValue]) {
        self.attributes = attributes
        self.answers = answers
    }
}
