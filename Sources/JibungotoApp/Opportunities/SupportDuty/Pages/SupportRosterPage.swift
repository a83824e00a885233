import Foundation
import JibungotoDomain

/// The roster of an event: who is on each shift, and each unit's quota with the arithmetic that
/// gave it. The same page is HR's preview of the allocation before it is made.
enum SupportRosterPage {
    struct Content: Encodable, Sendable {
        let notice: String?
        let method: [String]
        let seatsLine: String?
        let divisorLine: String?
        let exampleLine: String?
        let tieNote: String?
        let units: [UnitRow]
        let unfilledNote: String?
        let shifts: [ShiftRow]
        let allocateAction: String?
        let csrfToken: String
    }

    struct UnitRow: Encodable, Sendable {
        let name: String
        let placed: Int
        let exempt: Int
        let eligible: Int
        let quotient: String
        let quota: Int
        let shortfall: Int?
    }

    struct ShiftRow: Encodable, Sendable {
        let label: String
        let headcount: Int
        let people: [Person]
    }

    struct Person: Encodable, Sendable {
        let name: String
        let route: String
        /// For an allocated seat: the duty by which the person was chosen.
        let duty: String?
    }

    enum Mode: Sendable {
        /// The published roster (or a note that it is not published yet).
        case roster
        /// HR's preview: nothing is saved until the button is pressed.
        case preview
    }

    /// `summary` is the stored arithmetic (the preview's is computed now); nil before the allocation.
    static func build(event: SupportEvent, mode: Mode, summary: SupportAllocationSummary?, shifts: [SupportShift], seats: [SupportAssignment],
                      staff: [StaffNumber: StaffMember], sectionNames: [SectionCode: String], csrfToken: String, localizer: Localizer) throws -> Content {
        let notice: String?
        var allocateAction: String?
        switch mode {
        case .roster:
            notice = summary == nil ? localizer.t("support.rosterNotYet") : nil
        case .preview where event.status == .allocated:
            notice = localizer.t("support.alreadyAllocated")
        case .preview:
            notice = localizer.t("support.previewNote")
            allocateAction = SupportDutyRoute.allocation(.id(try event.requireID())).path
        }
        // Volunteers first, each group by staff number.
        func order(_ seat: SupportAssignment) -> Int { seat.route == .volunteered ? 0 : 1 }
        let shiftRows = try shifts.map { shift -> ShiftRow in
            let shiftID = try shift.requireID()
            let people = seats.filter { $0.shiftID == shiftID }.sorted { (order($0), $0.staffNumber) < (order($1), $1.staffNumber) }.map { seat in
                Person(name: SupportDutyText.person(seat.staffNumber, staff: staff,
                                                    sectionName: staff[seat.staffNumber]?.currentSectionCode.flatMap { sectionNames[$0] }, localizer),
                       route: SupportDutyText.route(seat.route, localizer),
                       duty: seat.route == .allocated ? seat.dutyHours.map { localizer.t("support.dutyBefore", HoursText.format($0)) } : nil)
            }
            return ShiftRow(label: SupportDutyText.shift(shift, localizer), headcount: shift.headcount, people: people)
        }
        guard let summary else {
            return Content(notice: notice, method: [], seatsLine: nil, divisorLine: nil, exampleLine: nil, tieNote: nil, units: [],
                           unfilledNote: nil, shifts: shiftRows, allocateAction: nil, csrfToken: csrfToken)
        }
        let result = summary.apportionment
        func unitName(_ unit: SectionCode) -> String { summary.unitNames[unit].map(localizer.text) ?? unit.rawValue }
        let counts = Dictionary(uniqueKeysWithValues: summary.units.map { ($0.unit, $0) })
        let units = result.shares.sorted { ($0.headcount, $1.unit) > ($1.headcount, $0.unit) }.map { share in
            UnitRow(name: unitName(share.unit), placed: counts[share.unit]?.placed ?? share.headcount, exempt: counts[share.unit]?.exempt ?? 0,
                    eligible: share.headcount, quotient: share.quotient.map(SupportDutyText.figure) ?? "—", quota: share.seats,
                    shortfall: summary.shortfalls[share.unit])
        }
        let exemptTypes = summary.exemptEmploymentTypes.map { localizer.t("employment.\($0.rawValue)") }
        let method = [
            localizer.t("support.method.units"),
            localizer.t("support.method.headcount", exemptTypes.isEmpty ? localizer.t("support.none") : exemptTypes.joined(separator: localizer.t("support.listSeparator")),
                        String(summary.individualExemptions)),
            localizer.t("support.method.volunteers"),
            localizer.t("support.method.divisor"),
            localizer.t("support.method.alabama"),
            localizer.t("support.method.ties"),
            localizer.t("support.method.within", localizer.t("support.lookbackRange", localizer.fiscalYear(summary.lookbackFirstYear),
                                                                localizer.fiscalYear(summary.lookbackLastYear))),
        ]
        var example: String?
        if let divisor = result.divisor, let share = result.shares.filter({ $0.seats > 0 }).max(by: { $0.headcount < $1.headcount }), let quotient = share.quotient {
            example = localizer.t("support.divisorExample", unitName(share.unit), String(share.headcount), SupportDutyText.figure(divisor),
                                  SupportDutyText.figure(quotient), String(share.seats))
        }
        return Content(
            notice: notice, method: method,
            seatsLine: localizer.t("support.seatsSummary", String(summary.totalSeats), String(summary.volunteerSeats),
                                   String(summary.totalSeats - summary.volunteerSeats)),
            divisorLine: result.divisor.map { localizer.t("support.divisorLine", SupportDutyText.figure($0)) } ?? localizer.t("support.noDivisor"),
            exampleLine: example,
            tieNote: result.tied.isEmpty ? nil
                : localizer.t("support.tieNote", result.tied.map(unitName).joined(separator: localizer.t("support.listSeparator")), unitName(result.tied[0])),
            units: units,
            unfilledNote: summary.unfilledSeats > 0 ? localizer.t("support.unfilled", count: summary.unfilledSeats, String(summary.unfilledSeats)) : nil,
            shifts: shiftRows, allocateAction: allocateAction, csrfToken: csrfToken)
    }
}
