/// Why a staff member is on the movers' list.
public enum MoverReason: Sendable, Hashable, Codable {
    /// 在課N年: years in post at or above the maximum (must move).
    case maxYearsInPost(years: Int)
    /// 採用N年目・市民協働部署未経験: early-career without a citizen-collaboration post.
    /// `lastChance`: a post held for the minimum years from now would end after the period.
    case earlyCareerWithoutCollaboration(yearOfService: Int, lastChance: Bool)
    /// 異動希望: asked to move in the self-report.
    case wishedToMove
    /// 役職定年: leaves a managerial post by the age limit on `date` (must move).
    case managerialAgeLimit(date: LocalDate)
    /// HR pinned the person to a section.
    case pinnedByHR(sectionCode: SectionCode)
    /// HR put the person on the list by hand (must move).
    case addedByHR

    /// A reason that makes the move compulsory (no option to stay).
    public var isMandatory: Bool {
        switch self {
        case .maxYearsInPost, .managerialAgeLimit, .pinnedByHR, .addedByHR: true
        case .earlyCareerWithoutCollaboration, .wishedToMove: false
        }
    }

    public var text: Bilingual {
        switch self {
        case .maxYearsInPost(let years):
            return Bilingual(ja: "在課\(years)年", en: "\(EnglishCount.of(years, "year")) in post")
        case .earlyCareerWithoutCollaboration(let year, let last):
            return Bilingual(
                ja: "採用\(year)年目・市民協働部署未経験" + (last ? "（最終機会）" : ""),
                en: "year \(year) since hiring, no citizen-collaboration post yet" + (last ? " (last chance)" : ""))
        case .wishedToMove:
            return Bilingual(ja: "異動希望", en: "asked to move")
        case .managerialAgeLimit(let date):
            return Bilingual(ja: "役職定年（\(date.iso)）", en: "managerial-post age limit (\(date.iso))")
        case .pinnedByHR(let code):
            return Bilingual(ja: "人事指定（\(code)）", en: "pinned by HR (\(code))")
        case .addedByHR:
            return Bilingual(ja: "人事追加", en: "added by HR")
        }
    }
}

/// A staff member on the movers' list.
public struct Mover: Sendable, Hashable, Codable {
    public var staffNumber: StaffNumber
    public var reasons: [MoverReason]

    public init(staffNumber: StaffNumber, reasons: [MoverReason]) {
        self.staffNumber = staffNumber
        self.reasons = reasons
    }

    /// HR adds someone by hand.
    public static func addedByHR(_ staffNumber: StaffNumber) -> Mover { Mover(staffNumber: staffNumber, reasons: [.addedByHR]) }

    /// Must move (no option to stay): any mandatory reason.
    public var mustMove: Bool { reasons.contains { $0.isMandatory } }

    /// The reasons joined for a list row, e.g. 「在課5年・異動希望」.
    public var reasonText: Bilingual { .joined(reasons.map(\.text)) }
}

/// Proposes the movers for a scenario from the rules.
public enum MoverSelection {
    /// Movers with the reasons each is on the list: must move (years in post ≥ the maximum;
    /// leaving a managerial post by the age limit; pinned to a section by HR), may move
    /// (early-career without collaboration experience, with at least the minimum years in post
    /// or at the last chance; asked to move, with at least the minimum years in post).
    /// Staff pinned to stay, retiring before the transfer date, or not of a planned employment
    /// type are never proposed. Ordered by 職員番号 order of the input.
    public static func propose(_ input: RotationInput, rules: RotationRules = .default) -> [Mover] {
        let facts = RotationFacts(input: input, rules: rules)
        var result: [Mover] = []
        for number in facts.order {
            guard let person = facts.people[number], person.planned, let placement = person.placement,
                  !facts.pinnedToStay(number) else { continue }
            var reasons: [MoverReason] = []
            if person.yearsInPost >= rules.maxYearsInPost { reasons.append(.maxYearsInPost(years: person.yearsInPost)) }
            if person.leavesManagerialPost, let date = person.managerialLimitDate {
                reasons.append(.managerialAgeLimit(date: date))
            }
            if facts.isEarlyCareerWithoutCollaboration(person), !facts.collaborationCodes.contains(placement.sectionCode) {
                let last = facts.isLastChance(person)
                if person.yearsInPost >= rules.minYearsInPost || last {
                    reasons.append(.earlyCareerWithoutCollaboration(yearOfService: person.yearOfService, lastChance: last))
                }
            }
            if facts.wantsToMove(number), person.yearsInPost >= rules.minYearsInPost { reasons.append(.wishedToMove) }
            if let code = facts.mustGoTo(number) { reasons.append(.pinnedByHR(sectionCode: code)) }
            if !reasons.isEmpty { result.append(Mover(staffNumber: number, reasons: reasons)) }
        }
        return result
    }
}
