import Foundation
import JibungotoDomain

/// One event for every staff member: its shifts with sign-up while it takes volunteers, the
/// reader's own shifts, HR's links, and the swaps the reader proposed, is asked to agree to or
/// may approve.
enum SupportEventPage {
    struct Content: Encodable, Sendable {
        let errors: [String]
        let kind: String
        let status: String
        let details: String
        let period: String
        let seats: String
        let howItWorks: String
        let shifts: [ShiftRow]
        let myShifts: [String]
        let links: [Link]
        let swaps: [SwapRow]
        let csrfToken: String
    }

    struct ShiftRow: Encodable, Sendable {
        let day: String
        let hours: String
        let place: String
        let headcount: Int
        let taken: Int
        /// The reader's seat on it (志願 / 割当て), if any.
        let mine: String?
        let signUpAction: String?
        let withdrawAction: String?
    }

    struct Link: Encodable, Sendable {
        let label: String
        let href: String
    }

    struct SwapRow: Encodable, Sendable {
        let text: String
        let status: String
        let agreeAction: String?
        let approveAction: String?
        let refuseAction: String?
        let refuseLabel: String
    }

    /// A swap with the sides the reader may approve as a manager (or HR).
    struct SwapView: Sendable {
        let proposal: SupportSwapProposal
        let sides: [SupportSwap.Side]
    }

    static func build(event: SupportEvent, shifts: [SupportShift], seats: [SupportAssignment], reader: StaffNumber, swaps: [SwapView],
                      staff: [StaffNumber: StaffMember], sectionNames: [SectionCode: String], canManage: Bool, errors: [String],
                      csrfToken: String, localizer: Localizer) throws -> Content {
        let id = try event.requireID()
        let isOpen = event.isOpenForVolunteers
        var rows: [ShiftRow] = []
        var mine: [String] = []
        for shift in shifts {
            let shiftID = try shift.requireID()
            let onShift = seats.filter { $0.shiftID == shiftID }
            let own = onShift.first { $0.staffNumber == reader }
            if let own { mine.append(localizer.t("support.myShift", SupportDutyText.shift(shift, localizer), SupportDutyText.route(own.route, localizer))) }
            rows.append(ShiftRow(
                day: localizer.date(shift.date), hours: SupportDutyText.hours(shift.time, localizer), place: shift.place,
                headcount: shift.headcount, taken: onShift.count, mine: own.map { SupportDutyText.route($0.route, localizer) },
                signUpAction: isOpen && own == nil && onShift.count < shift.headcount ? SupportDutyRoute.signUp(.id(shiftID)).path : nil,
                withdrawAction: isOpen && own != nil ? SupportDutyRoute.withdraw(.id(shiftID)).path : nil))
        }
        var links: [Link] = []
        if event.status == .allocated {
            links.append(Link(label: localizer.t("support.roster"), href: SupportDutyRoute.roster(.id(id)).path))
            if !mine.isEmpty { links.append(Link(label: localizer.t("support.swap.propose"), href: SupportDutyRoute.swaps(.id(id)).path)) }
        }
        if canManage {
            links.append(Link(label: localizer.t("support.shifts"), href: SupportDutyRoute.shifts(.id(id)).path))
            links.append(Link(label: localizer.t("support.exemptions"), href: SupportDutyRoute.exemptions(.id(id)).path))
            if isOpen { links.append(Link(label: localizer.t("support.allocation"), href: SupportDutyRoute.allocation(.id(id)).path)) }
        }
        let totalSeats = shifts.reduce(0) { $0 + $1.headcount }
        return Content(
            errors: errors, kind: SupportDutyText.kind(event.kind, localizer), status: SupportDutyText.status(event.status, localizer),
            details: event.details, period: SupportDutyText.period(shifts, localizer),
            seats: localizer.t("support.seatsTaken", String(seats.count), String(totalSeats)),
            howItWorks: localizer.t(isOpen ? "support.howSignUp" : "support.howAllocated"),
            shifts: rows, myShifts: mine, links: links,
            swaps: try swaps.map { try swapRow($0, shifts: shifts, reader: reader, staff: staff, sectionNames: sectionNames, localizer: localizer) },
            csrfToken: csrfToken)
    }

    private static func swapRow(_ view: SwapView, shifts: [SupportShift], reader: StaffNumber, staff: [StaffNumber: StaffMember],
                                sectionNames: [SectionCode: String], localizer: Localizer) throws -> SwapRow {
        let swap = view.proposal
        let id = try swap.requireID()
        func shiftText(_ shiftID: UUID?) -> String {
            shifts.first { $0.id == shiftID }.map { SupportDutyText.shift($0, localizer) } ?? ""
        }
        func name(_ number: StaffNumber) -> String {
            SupportDutyText.person(number, staff: staff, sectionName: staff[number]?.currentSectionCode.flatMap { sectionNames[$0] }, localizer)
        }
        let text = swap.isHandover
            ? localizer.t("support.swap.handoverText", name(swap.proposer), shiftText(swap.proposerShiftID), name(swap.counterpart))
            : localizer.t("support.swap.exchangeText", name(swap.proposer), shiftText(swap.proposerShiftID), name(swap.counterpart), shiftText(swap.counterpartShiftID))
        let isOpen = swap.status == .proposed
        let status: String
        if isOpen {
            func state(_ done: Bool) -> String { localizer.t(done ? "support.swap.done" : "support.swap.waiting") }
            status = localizer.t("support.swap.progress", state(swap.counterpartAgreedAt != nil), state(swap.proposerSideApprovedBy != nil),
                                 state(swap.counterpartSideApprovedBy != nil))
        } else {
            status = localizer.t("support.swap.status.\(swap.status.rawValue)")
        }
        let pendingSides = view.sides.filter { side in
            side == .proposer ? swap.proposerSideApprovedBy == nil : swap.counterpartSideApprovedBy == nil
        }
        let refuseKey: String
        if reader == swap.proposer {
            refuseKey = "support.swap.withdraw"
        } else if reader == swap.counterpart {
            refuseKey = "support.swap.decline"
        } else {
            refuseKey = "support.swap.refuse"
        }
        let mayRefuse = reader == swap.proposer || reader == swap.counterpart || !view.sides.isEmpty
        return SwapRow(
            text: text, status: status,
            agreeAction: isOpen && reader == swap.counterpart && swap.counterpartAgreedAt == nil ? SupportDutyRoute.agreeToSwap(.id(id)).path : nil,
            approveAction: isOpen && !pendingSides.isEmpty ? SupportDutyRoute.approveSwap(.id(id)).path : nil,
            refuseAction: isOpen && mayRefuse ? SupportDutyRoute.refuseSwap(.id(id)).path : nil,
            refuseLabel: localizer.t(refuseKey))
    }
}
