/// The self-report's questions about the person's situation that cities usually ask, each a
/// fixed choice stored as its raw value ("" when not answered).

/// How the staff member is doing in health. Sensitive: the person and HR only.
public enum HealthCondition: String, CaseIterable, Sendable {
    case good, someConcern, needsConsideration
}

/// How the present work feels: its amount and its difficulty. Read by the manager too, who
/// writes the 所属長所見 on it.
public enum WorkloadLevel: String, CaseIterable, Sendable {
    case heavy, appropriate, light
}

public enum DifficultyLevel: String, CaseIterable, Sendable {
    case hard, appropriate, easy
}

/// Family circumstances to be considered in placement (check boxes). Sensitive: the person
/// and HR only.
public enum FamilyCircumstance: String, CaseIterable, Sendable {
    case childcare, nursingCare, pregnancy, livingApart, other

    /// The ticked boxes as stored: raw values in the order of `allCases`, comma-separated.
    public static func stored(_ ticked: Set<FamilyCircumstance>) -> String {
        allCases.filter(ticked.contains).map(\.rawValue).joined(separator: ",")
    }

    /// The stored text read back; unknown values are left out.
    public static func parse(_ stored: String) -> [FamilyCircumstance] {
        let values = Set(stored.split(separator: ",").map(String.init))
        return allCases.filter { values.contains($0.rawValue) }
    }
}

/// Who reads which part of a submitted self-report. The health and family answers and the free
/// circumstances are for the person and HR only; the manager's comment (所属長所見) is for HR and
/// managers, and for the person only where the municipality decides so.
public struct SelfReportReader: Sendable, Equatable {
    public var isSelf: Bool
    public var isHR: Bool
    /// Reaches the person's section through the completion scope (section manager, department head).
    public var isManager: Bool

    public init(isSelf: Bool, isHR: Bool, isManager: Bool) {
        self.isSelf = isSelf
        self.isHR = isHR
        self.isManager = isManager
    }

    /// Whether the report may be opened at all.
    public var mayRead: Bool { isSelf || isHR || isManager }

    /// Health, family circumstances and the free text about circumstances.
    public var readsSensitive: Bool { isSelf || isHR }

    /// The 所属長所見; `shownToStaff` is the municipality's setting (default hidden).
    public func readsManagerComment(shownToStaff: Bool) -> Bool {
        isHR || isManager || (isSelf && shownToStaff)
    }
}
