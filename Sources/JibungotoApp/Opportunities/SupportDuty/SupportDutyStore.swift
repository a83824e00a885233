import Fluent
import Foundation
import JibungotoDomain
import Vapor

/// Loading and storing what the support-duty pages, HR's allocation and the demo share. Every
/// change of seats happens here, in one transaction with its participation-ledger lines.
enum SupportDutyStore {
    // MARK: - What a URL names

    static func event(_ request: Request) async throws -> SupportEvent {
        guard let id = request.parameters.get("supportEventID").flatMap(UUID.init(uuidString:)),
              let event = try await SupportEvent.find(id, on: request.db)
        else { throw Abort(.notFound) }
        return event
    }

    static func shift(_ request: Request) async throws -> SupportShift {
        guard let id = request.parameters.get("supportShiftID").flatMap(UUID.init(uuidString:)),
              let shift = try await SupportShift.find(id, on: request.db)
        else { throw Abort(.notFound) }
        return shift
    }

    static func swap(_ request: Request) async throws -> SupportSwapProposal {
        guard let id = request.parameters.get("supportSwapID").flatMap(UUID.init(uuidString:)),
              let swap = try await SupportSwapProposal.find(id, on: request.db)
        else { throw Abort(.notFound) }
        return swap
    }

    // MARK: - Loading

    /// The event's shifts in roster order.
    static func shifts(of eventID: UUID, on database: any Database) async throws -> [SupportShift] {
        SupportShift.inOrder(try await SupportShift.query(on: database).filter(\.$eventID == eventID).all())
    }

    static func seats(of eventID: UUID, on database: any Database) async throws -> [SupportAssignment] {
        try await SupportAssignment.query(on: database).filter(\.$eventID == eventID).sort(\.$assignedAt).sort(\.$staffNumber).all()
    }

    /// Every shift each of these people holds, in any event, with the events' titles (for the clash messages).
    static func heldShifts(of people: [StaffNumber], on database: any Database) async throws -> HeldShifts {
        var seats: [SupportAssignment] = []
        for chunk in Array(Set(people)).chunked(into: 500) {
            seats += try await SupportAssignment.query(on: database).filter(\.$staffNumber ~~ Array(chunk)).all()
        }
        return try await held(seats, on: database)
    }

    /// The shifts people hold in other events on the days of these shifts: the only ones an
    /// allocation or a swap can clash with.
    static func heldShifts(onDaysOf shifts: [SupportShift], outside eventID: UUID, on database: any Database) async throws -> HeldShifts {
        let days = Array(Set(shifts.map(\.date)))
        guard !days.isEmpty else { return HeldShifts(shifts: [:], byPerson: [:], eventTitles: [:]) }
        let others = try await SupportShift.query(on: database).filter(\.$date ~~ days).filter(\.$eventID != eventID).all()
        var seats: [SupportAssignment] = []
        for chunk in others.compactMap(\.id).chunked(into: 500) {
            seats += try await SupportAssignment.query(on: database).filter(\.$shiftID ~~ Array(chunk)).all()
        }
        return try await held(seats, on: database)
    }

    private static func held(_ seats: [SupportAssignment], on database: any Database) async throws -> HeldShifts {
        var shifts: [UUID: SupportShift] = [:]
        for chunk in Array(Set(seats.map(\.shiftID))).chunked(into: 500) {
            for shift in try await SupportShift.query(on: database).filter(\.$id ~~ Array(chunk)).all() { shifts[try shift.requireID()] = shift }
        }
        var titles: [UUID: String] = [:]
        for chunk in Array(Set(shifts.values.map(\.eventID))).chunked(into: 500) {
            for event in try await SupportEvent.query(on: database).filter(\.$id ~~ Array(chunk)).all() { titles[try event.requireID()] = event.title }
        }
        var byPerson: [StaffNumber: [SupportShift]] = [:]
        for seat in seats {
            if let shift = shifts[seat.shiftID] { byPerson[seat.staffNumber, default: []].append(shift) }
        }
        return HeldShifts(shifts: shifts, byPerson: byPerson, eventTitles: titles)
    }

    /// The shifts people hold, as the clash rules and their messages need them.
    struct HeldShifts: Sendable {
        let shifts: [UUID: SupportShift]
        let byPerson: [StaffNumber: [SupportShift]]
        let eventTitles: [UUID: String]

        func commitments(of person: StaffNumber) -> [SupportCommitment] {
            (byPerson[person] ?? []).map { SupportCommitment(shiftID: $0.activityID, time: $0.time) }
        }

        /// The shift and its event's title, for a message naming it.
        func shift(_ commitment: SupportCommitment) -> (shift: SupportShift, eventTitle: String)? {
            guard let id = UUID(uuidString: commitment.shiftID), let shift = shifts[id] else { return nil }
            return (shift, eventTitles[shift.eventID] ?? "")
        }
    }

    /// The staff records of these numbers, by number.
    static func staff(_ numbers: [StaffNumber], on database: any Database) async throws -> [StaffNumber: StaffMember] {
        var staff: [StaffNumber: StaffMember] = [:]
        for chunk in Array(Set(numbers)).chunked(into: 500) {
            for member in try await StaffMember.query(on: database).filter(\.$staffNumber ~~ Array(chunk)).all() { staff[member.staffNumber] = member }
        }
        return staff
    }

    /// The unit a person's duty counts for today (`SupportUnit`), nil without a placement.
    static func unit(of member: StaffMember?, tree: OrganizationTree) -> SectionCode? {
        guard let section = member?.currentSectionCode else { return nil }
        return SupportUnit.unit(onPath: tree.path(to: section).map(\.code))
    }

    /// The fiscal years whose support duty decides who is allocated first: the event's year
    /// (that of its first shift) and the ones before it, as many as the settings say.
    static func lookback(shifts: [SupportShift], years: Int, today: LocalDate) -> ClosedRange<Int> {
        let last = (shifts.map(\.date).min() ?? today).fiscalYear.startYear
        return (last - max(years, 1) + 1)...last
    }

    /// Support-duty hours per person in the fiscal years, from the participation ledger.
    static func recentHours(inFiscalYears years: ClosedRange<Int>, on database: any Database) async throws -> [StaffNumber: Double] {
        let entries = try await ParticipationRecord.query(on: database).filter(\.$kind == .supportShift)
            .filter(\.$fiscalYear >= years.lowerBound).filter(\.$fiscalYear <= years.upperBound).all()
        var hours: [StaffNumber: Double] = [:]
        for entry in entries { hours[entry.staffNumber, default: 0] += entry.hours ?? 0 }
        return hours
    }

    /// The units' quotas of an allocated event, from its stored arithmetic.
    static func quotas(of event: SupportEvent) -> [SectionCode: Int] {
        var quotas: [SectionCode: Int] = [:]
        for share in event.summary?.apportionment.shares ?? [] { quotas[share.unit] = share.seats }
        return quotas
    }

    // MARK: - The allocation

    /// Everything the allocation of one event reads, and the plan the domain makes of it.
    struct Prepared: Sendable {
        let shifts: [SupportShift]
        let seats: [SupportAssignment]
        let plan: SupportAllocation.Plan
        let lookback: ClosedRange<Int>
        let settings: OpportunitySettings
        let individualExemptions: Int
    }

    static func prepareAllocation(of event: SupportEvent, tree: OrganizationTree, today: LocalDate, on database: any Database) async throws -> Prepared {
        let eventID = try event.requireID()
        let settings = try await OpportunitySettings.load(on: database)
        let shifts = try await Self.shifts(of: eventID, on: database)
        let seats = try await Self.seats(of: eventID, on: database)
        let lookback = Self.lookback(shifts: shifts, years: settings.supportLookbackYears, today: today)
        let hours = try await recentHours(inFiscalYears: lookback, on: database)
        let elsewhere = try await heldShifts(onDaysOf: shifts, outside: eventID, on: database)
        let exempted = Set(try await SupportExemption.query(on: database).filter(\.$eventID == eventID).all().map(\.staffNumber))
        let staff = try await StaffMember.query(on: database).filter(\.$currentSectionCode != nil).all()
        let people = staff.compactMap { member -> SupportAllocation.Person? in
            guard let unit = Self.unit(of: member, tree: tree) else { return nil }
            return SupportAllocation.Person(staffNumber: member.staffNumber, unit: unit, employmentType: member.employmentType,
                                            recentHours: hours[member.staffNumber] ?? 0, otherShifts: elsewhere.commitments(of: member.staffNumber))
        }
        let plan = SupportAllocation.plan(
            shifts: try shifts.map { shift -> SupportAllocation.Shift in
                let id = try shift.requireID()
                return SupportAllocation.Shift(id: shift.activityID, time: shift.time, headcount: shift.headcount,
                                               volunteers: seats.filter { $0.shiftID == id }.map(\.staffNumber))
            },
            people: people,
            exemptions: SupportAllocation.Exemptions(employmentTypes: Set(settings.supportExemptEmploymentTypes), individuals: exempted))
        return Prepared(shifts: shifts, seats: seats, plan: plan, lookback: lookback, settings: settings, individualExemptions: exempted.count)
    }

    /// Makes the allocation in one transaction: the allocated seats, a ledger line for every seat
    /// of the event (volunteered or allocated), the stored arithmetic, and the event closed for
    /// volunteers. Nil when the event was allocated in the meantime (nothing is written then).
    static func allocate(_ event: SupportEvent, by staffNumber: StaffNumber, at moment: Date, tree: OrganizationTree, today: LocalDate,
                         on database: any Database) async throws -> SupportAllocation.Plan? {
        try await database.writeTransaction { database in
            guard let current = try await SupportEvent.find(try event.requireID(), on: database), current.status == .signUp else { return nil }
            let prepared = try await prepareAllocation(of: current, tree: tree, today: today, on: database)
            let allocated = allocatedSeats(of: prepared, eventID: try current.requireID(), at: moment)
            try await ChunkedInsert.create(allocated, on: database)
            try await recordInLedger(prepared.seats + allocated, event: current, shifts: prepared.shifts, tree: tree, on: database)
            current.status = .allocated
            current.allocatedBy = staffNumber
            current.allocatedAt = moment
            current.allocation = JSONText.encode(summary(of: prepared, tree: tree), fallback: "{}")
            try await current.save(on: database)
            event.status = current.status
            event.allocation = current.allocation
            return prepared.plan
        }
    }

    /// The arithmetic of a prepared allocation as the roster shows and stores it, with the
    /// units' names of today.
    static func summary(of prepared: Prepared, tree: OrganizationTree) -> SupportAllocationSummary {
        let names = Dictionary(uniqueKeysWithValues: prepared.plan.units.map { ($0.unit, tree.units[$0.unit]?.localizedName ?? Bilingual($0.unit.rawValue)) })
        return SupportAllocationSummary(plan: prepared.plan, unitNames: names, lookback: prepared.lookback,
                                        exemptEmploymentTypes: prepared.settings.supportExemptEmploymentTypes,
                                        individualExemptions: prepared.individualExemptions)
    }

    /// The seats a prepared allocation would add, unsaved (HR's preview shows them with the volunteers).
    static func allocatedSeats(of prepared: Prepared, eventID: UUID, at moment: Date) -> [SupportAssignment] {
        var shiftIDs: [String: UUID] = [:]
        for shift in prepared.shifts { if let id = shift.id { shiftIDs[shift.activityID] = id } }
        return prepared.plan.placements.compactMap { placement in
            shiftIDs[placement.shiftID].map {
                SupportAssignment(shiftID: $0, eventID: eventID, staffNumber: placement.staffNumber, unitCode: placement.unit,
                                  route: .allocated, dutyHours: placement.dutyHours, assignedAt: moment)
            }
        }
    }

    /// One ledger line per seat: kind support shift, no host section (duty for the whole city
    /// crosses sections), the shift's hours, dated the shift's day.
    static func recordInLedger(_ seats: [SupportAssignment], event: SupportEvent, shifts: [SupportShift], tree: OrganizationTree,
                               on database: any Database) async throws {
        let staff = try await Self.staff(seats.map(\.staffNumber), on: database)
        var byID: [UUID: SupportShift] = [:]
        for shift in shifts { byID[try shift.requireID()] = shift }
        for seat in seats {
            guard let member = staff[seat.staffNumber], let shift = byID[seat.shiftID] else { continue }
            try await ParticipationLedger.record(
                ParticipationLedger.entry(for: member, kind: .supportShift, activityID: shift.activityID, title: ledgerTitle(event, shift),
                                          hostSection: nil, route: seat.route, date: shift.date, hours: shift.time.hours, tree: tree),
                on: database)
        }
    }

    /// The activity's name in the ledger and on the staff page: 「市長選挙（期日前投票所）」.
    static func ledgerTitle(_ event: SupportEvent, _ shift: SupportShift) -> String {
        "\(event.title)（\(shift.place)）"
    }

    // MARK: - Swaps

    /// Every seat of the event as the swap rules see it.
    static func holdings(_ seats: [SupportAssignment], shifts: [SupportShift]) -> [SupportSwap.Holding] {
        var byID: [UUID: SupportShift] = [:]
        for shift in shifts { if let id = shift.id { byID[id] = shift } }
        return seats.compactMap { seat in
            byID[seat.shiftID].map {
                SupportSwap.Holding(shiftID: $0.activityID, time: $0.time, staffNumber: seat.staffNumber, unit: seat.unitCode, route: seat.route)
            }
        }
    }

    /// A proposal's change with the seats it moves.
    struct ProposedChange: Sendable {
        let change: SupportSwap.Change
        let given: SupportAssignment
        let taken: SupportAssignment?
        let colleagueUnit: SectionCode?
    }

    /// The change a proposal asks for; nil when a seat is no longer where it was when proposed
    /// (another swap moved it).
    static func change(of proposal: SupportSwapProposal, seats: [SupportAssignment], shifts: [SupportShift], colleagueUnit: SectionCode?) -> ProposedChange? {
        let holdings = Self.holdings(seats, shifts: shifts)
        func holding(_ seat: SupportAssignment) -> SupportSwap.Holding? {
            let shiftID = shifts.first { $0.id == seat.shiftID }?.activityID
            return holdings.first { $0.shiftID == shiftID && $0.staffNumber == seat.staffNumber }
        }
        guard let given = seats.first(where: { $0.id == proposal.proposerAssignmentID }), given.shiftID == proposal.proposerShiftID,
              given.staffNumber == proposal.proposer, let mine = holding(given)
        else { return nil }
        if let takenID = proposal.counterpartAssignmentID {
            guard let taken = seats.first(where: { $0.id == takenID }), taken.shiftID == proposal.counterpartShiftID,
                  taken.staffNumber == proposal.counterpart, let theirs = holding(taken)
            else { return nil }
            return ProposedChange(change: .exchange(mine, theirs), given: given, taken: taken, colleagueUnit: nil)
        }
        return ProposedChange(change: .handover(mine, to: proposal.counterpart, unit: colleagueUnit), given: given, taken: nil, colleagueUnit: colleagueUnit)
    }

    /// Why the change cannot be made now, checked against every seat of the event and the
    /// receivers' shifts in other events.
    static func refusal(_ proposed: ProposedChange, event: SupportEvent, seats: [SupportAssignment], shifts: [SupportShift],
                        on database: any Database) async throws -> (SupportSwap.Refusal, SupportDutyStore.HeldShifts)? {
        let receivers: [StaffNumber]
        switch proposed.change {
        case .exchange(let first, let second): receivers = [first.staffNumber, second.staffNumber]
        case .handover(_, let colleague, _): receivers = [colleague]
        }
        let held = try await heldShifts(of: receivers, on: database)
        let eventID = try event.requireID()
        var elsewhere: [StaffNumber: [SupportCommitment]] = [:]
        for person in receivers {
            elsewhere[person] = (held.byPerson[person] ?? []).filter { $0.eventID != eventID }.map { SupportCommitment(shiftID: $0.activityID, time: $0.time) }
        }
        let refusal = SupportSwap.refusal(proposed.change, holdings: holdings(seats, shifts: shifts), quotas: quotas(of: event), otherShifts: elsewhere)
        return refusal.map { ($0, held) }
    }

    /// Makes an approved swap: the seats change hands and the ledger lines move with them, in the
    /// caller's transaction.
    static func apply(_ proposed: ProposedChange, event: SupportEvent, shifts: [SupportShift], tree: OrganizationTree, on database: any Database) async throws {
        var moved: [SupportAssignment] = []
        for seat in [proposed.given] + (proposed.taken.map { [$0] } ?? []) {
            if let shift = shifts.first(where: { $0.id == seat.shiftID }) {
                try await ParticipationLedger.remove(kind: .supportShift, activityID: shift.activityID, staffNumber: seat.staffNumber, on: database)
            }
        }
        switch proposed.change {
        case .exchange:
            guard let taken = proposed.taken else { return }
            let givenShift = proposed.given.shiftID
            proposed.given.shiftID = taken.shiftID
            try await proposed.given.save(on: database)
            taken.shiftID = givenShift
            try await taken.save(on: database)
            moved = [proposed.given, taken]
        case .handover(_, let colleague, let unit):
            proposed.given.staffNumber = colleague
            proposed.given.unitCode = unit
            proposed.given.dutyHours = nil
            try await proposed.given.save(on: database)
            moved = [proposed.given]
        }
        try await recordInLedger(moved, event: event, shifts: shifts, tree: tree, on: database)
    }
}

/// What an allocation stored with the roster, so the published reasoning never changes with
/// later reorganizations or settings.
struct SupportAllocationSummary: Codable, Sendable {
    let totalSeats: Int
    let volunteerSeats: Int
    let apportionment: Apportionment.Result
    let units: [SupportAllocation.UnitCount]
    let unitNames: [SectionCode: Bilingual]
    let shortfalls: [SectionCode: Int]
    let unfilledSeats: Int
    let lookbackFirstYear: Int
    let lookbackLastYear: Int
    let exemptEmploymentTypes: [EmploymentType]
    let individualExemptions: Int

    init(plan: SupportAllocation.Plan, unitNames: [SectionCode: Bilingual], lookback: ClosedRange<Int>,
         exemptEmploymentTypes: [EmploymentType], individualExemptions: Int) {
        totalSeats = plan.totalSeats
        volunteerSeats = plan.volunteerSeats
        apportionment = plan.apportionment
        units = plan.units
        self.unitNames = unitNames
        shortfalls = plan.shortfalls
        unfilledSeats = plan.unfilled.values.reduce(0, +)
        lookbackFirstYear = lookback.lowerBound
        lookbackLastYear = lookback.upperBound
        self.exemptEmploymentTypes = exemptEmploymentTypes
        self.individualExemptions = individualExemptions
    }
}
