import Foundation

/// What kind of cross-section activity a participation ledger entry records. An open set: each
/// module declares its kinds in its own file (`extension ParticipationKind { static let … }`),
/// and the ledger, the staff page and the fairness figures take any kind without changing; its
/// name on pages is the catalog entry `participation.kind.<rawValue>`.
public struct ParticipationKind: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// プロジェクトチームの一員.
    public static let projectTeam = ParticipationKind(rawValue: "project_team")
    /// 庁内副業.
    public static let sideJob = ParticipationKind(rawValue: "side_job")
    /// イベント応援・選挙事務の一回の勤務.
    public static let supportShift = ParticipationKind(rawValue: "support_shift")
}

/// How a staff member came to an activity: the fairness figures compare the routes, because an
/// open call alone reaches the same few (the paper's §5-2: many would take part but will not
/// raise their own hand).
public enum ParticipationRoute: String, CaseIterable, Codable, Sendable {
    /// 公募に応募.
    case applied
    /// 所属長などの推薦.
    case nominated
    /// 所属への割当て (応援業務の按分).
    case allocated
    /// 自ら申出 (応援業務の先着の志願).
    case volunteered
}

/// One line of the participation ledger: a staff member took part in one activity. Other modules
/// write it through the app's one `ParticipationLedger.record`; everything that counts
/// participation (the staff page, the fairness figures, the "new faces" boost) reads only these.
public struct ParticipationEntry: Sendable, Equatable, Codable {
    public var staffNumber: StaffNumber
    public var kind: ParticipationKind
    /// The activity's identity within its kind (a team's id, a shift's id): one entry per person per activity.
    public var activityID: String
    /// The activity's name as it was when recorded (a team's name, 「市長選挙 期日前投票所 11/3」).
    public var activityTitle: String
    /// The section (and its department) the staff member belonged to at the time.
    public var sectionCode: SectionCode?
    public var departmentCode: SectionCode?
    /// Whether the activity took the person outside their own section.
    public var crossesSections: Bool
    public var route: ParticipationRoute
    public var fiscalYear: Int
    /// When the participation began (a team's start, the shift's day).
    public var date: LocalDate
    /// Hours where the activity knows them (side jobs log them, shifts have them); nil for a team.
    public var hours: Double?

    public init(
        staffNumber: StaffNumber, kind: ParticipationKind, activityID: String, activityTitle: String,
        sectionCode: SectionCode?, departmentCode: SectionCode?, hostSectionCode: SectionCode?,
        route: ParticipationRoute, date: LocalDate, hours: Double? = nil
    ) {
        self.staffNumber = staffNumber
        self.kind = kind
        self.activityID = activityID
        self.activityTitle = activityTitle
        self.sectionCode = sectionCode
        self.departmentCode = departmentCode
        self.crossesSections = Self.crosses(staffSection: sectionCode, hostSection: hostSectionCode)
        self.route = route
        self.fiscalYear = FiscalYear.containing(date).startYear
        self.date = date
        self.hours = hours
    }

    /// An activity crosses sections unless it is hosted by the very section the person works in.
    /// An activity without a host (a city-wide team, an election) always does.
    public static func crosses(staffSection: SectionCode?, hostSection: SectionCode?) -> Bool {
        guard let hostSection, let staffSection else { return true }
        return hostSection != staffSection
    }
}

/// Hours as an HR page writes them: whole hours without a decimal, otherwise one decimal (7.5).
public enum HoursText {
    public static func format(_ hours: Double) -> String {
        let rounded = (hours * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
