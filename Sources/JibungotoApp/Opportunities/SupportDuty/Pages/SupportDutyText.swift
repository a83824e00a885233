import Foundation
import JibungotoDomain

/// The support-duty pages' shared words: shifts, periods, figures and the refusals' messages.
enum SupportDutyText {
    static func kind(_ kind: SupportEventKind, _ localizer: Localizer) -> String {
        localizer.t("support.kind.\(kind.rawValue)")
    }

    static func status(_ status: SupportEventStatus, _ localizer: Localizer) -> String {
        localizer.t("support.status.\(status.rawValue)")
    }

    static func route(_ route: ParticipationRoute, _ localizer: Localizer) -> String {
        localizer.t("participation.route.\(route.rawValue)")
    }

    static func exemptionReason(_ reason: SupportExemptionReason, _ localizer: Localizer) -> String {
        localizer.t("support.exemption.\(reason.rawValue)")
    }

    /// 8:30〜12:00.
    static func hours(_ time: SupportShiftTime, _ localizer: Localizer) -> String {
        localizer.t("support.timeRange", SupportShiftTime.clock(time.start), SupportShiftTime.clock(time.end))
    }

    /// The shift as a roster names it: its day, hours and place.
    static func shift(_ shift: SupportShift, _ localizer: Localizer) -> String {
        localizer.t("support.shiftLabel", localizer.date(shift.date), hours(shift.time, localizer), shift.place)
    }

    /// The days of the shifts: one day, or the first and the last.
    static func period(_ shifts: [SupportShift], _ localizer: Localizer) -> String {
        guard let first = shifts.map(\.date).min(), let last = shifts.map(\.date).max() else { return localizer.t("support.noShiftsYet") }
        return first == last ? localizer.date(first) : localizer.t("support.period", localizer.date(first), localizer.date(last))
    }

    /// A figure of the arithmetic with at most two decimals and no trailing zeros: 3.8, 0.53, 2.
    static func figure(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A person as the roster and the swaps name them: 「青木 花子（人事課）」.
    static func person(_ number: StaffNumber, staff: [StaffNumber: StaffMember], sectionName: String?, _ localizer: Localizer) -> String {
        let name = staff[number]?.name ?? number.rawValue
        return sectionName.map { localizer.t("support.personInSection", name, $0) } ?? name
    }

    /// Why a sign-up is refused, naming the shift (and, for a clash, the shift it clashes with).
    static func signUpRefusal(_ refusal: SupportSignUp.Refusal, shift: SupportShift, held: SupportDutyStore.HeldShifts, _ localizer: Localizer) -> String {
        let label = Self.shift(shift, localizer)
        switch refusal {
        case .closed: return localizer.t("support.signUp.closed", label)
        case .alreadySignedUp: return localizer.t("support.signUp.already", label)
        case .full: return localizer.t("support.signUp.full", count: shift.headcount, label, String(shift.headcount))
        case .clash(let other): return localizer.t("support.signUp.clash", label, heldShift(other, held: held, localizer))
        }
    }

    /// Why a swap is refused; the caller puts it beside the field it is about.
    static func swapRefusal(_ refusal: SupportSwap.Refusal, names: [StaffNumber: String], unitNames: [SectionCode: String],
                            held: SupportDutyStore.HeldShifts?, _ localizer: Localizer) -> String {
        switch refusal {
        case .samePerson: return localizer.t("support.swap.samePerson")
        case .sameShift: return localizer.t("support.swap.sameShift")
        case .alreadyOnShift(let person): return localizer.t("support.swap.alreadyOnShift", names[person] ?? person.rawValue)
        case .clash(let person, let other):
            return localizer.t("support.swap.clash", names[person] ?? person.rawValue, held.map { heldShift(other, held: $0, localizer) } ?? "")
        case .underQuota(let unit, let seats, let quota):
            return localizer.t("support.swap.underQuota", unitNames[unit] ?? unit.rawValue, String(seats), String(quota))
        }
    }

    /// A shift someone holds, with its event: 「市民まつり 2026年10月4日 9:00〜12:00 中央公園」.
    private static func heldShift(_ commitment: SupportCommitment, held: SupportDutyStore.HeldShifts, _ localizer: Localizer) -> String {
        guard let found = held.shift(commitment) else { return localizer.date(commitment.time.date) }
        return localizer.t("support.heldShift", found.eventTitle, shift(found.shift, localizer))
    }
}
