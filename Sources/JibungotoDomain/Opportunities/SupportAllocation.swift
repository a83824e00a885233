import Foundation

/// HR's allocation of one event: the seats the volunteers left open are apportioned across units
/// in proportion to their eligible headcount (`Apportionment.webster`), and each unit's seats go
/// to its members with the least support duty, never to someone already busy at that time.
public enum SupportAllocation {
    /// One shift of the event with the volunteers already on it.
    public struct Shift: Sendable, Equatable {
        public let id: String
        public let time: SupportShiftTime
        public let headcount: Int
        public let volunteers: [StaffNumber]

        public init(id: String, time: SupportShiftTime, headcount: Int, volunteers: [StaffNumber]) {
            self.id = id
            self.time = time
            self.headcount = headcount
            self.volunteers = volunteers
        }
    }

    /// One placed staff member.
    public struct Person: Sendable, Equatable {
        public let staffNumber: StaffNumber
        /// The unit their duty counts for (`SupportUnit.unit(onPath:)`).
        public let unit: SectionCode
        public let employmentType: EmploymentType
        /// Support-duty hours in the look-back fiscal years, from the participation ledger.
        public let recentHours: Double
        /// The shifts they hold in other events, which an allocated shift must not clash with.
        public let otherShifts: [SupportCommitment]

        public init(staffNumber: StaffNumber, unit: SectionCode, employmentType: EmploymentType, recentHours: Double,
                    otherShifts: [SupportCommitment] = []) {
            self.staffNumber = staffNumber
            self.unit = unit
            self.employmentType = employmentType
            self.recentHours = recentHours
            self.otherShifts = otherShifts
        }
    }

    /// Who is left out of the allocation (they may still volunteer).
    public struct Exemptions: Sendable, Equatable {
        /// The employment types exempt from every allocation (the Opportunities settings).
        public let employmentTypes: Set<EmploymentType>
        /// The people HR exempted from this event (on leave and the like).
        public let individuals: Set<StaffNumber>

        public init(employmentTypes: Set<EmploymentType>, individuals: Set<StaffNumber>) {
            self.employmentTypes = employmentTypes
            self.individuals = individuals
        }

        public func exempts(_ person: Person) -> Bool {
            individuals.contains(person.staffNumber) || employmentTypes.contains(person.employmentType)
        }
    }

    /// A unit's people: everyone placed in it, and those exempt; the rest are its headcount.
    public struct UnitCount: Sendable, Equatable, Codable {
        public let unit: SectionCode
        public let placed: Int
        public let exempt: Int

        public var eligible: Int { placed - exempt }

        public init(unit: SectionCode, placed: Int, exempt: Int) {
            self.unit = unit
            self.placed = placed
            self.exempt = exempt
        }
    }

    /// One allocated seat.
    public struct Placement: Sendable, Equatable {
        public let shiftID: String
        public let staffNumber: StaffNumber
        public let unit: SectionCode
        /// The duty by which the person was chosen: look-back hours plus hours already held in this event.
        public let dutyHours: Double
    }

    public struct Plan: Sendable, Equatable {
        /// Seats of every shift together.
        public let totalSeats: Int
        /// Seats the volunteers took.
        public let volunteerSeats: Int
        /// The seats left to allocate and how they were shared out.
        public let apportionment: Apportionment.Result
        /// Every unit with placed staff, by code.
        public let units: [UnitCount]
        public let placements: [Placement]
        /// Seats of a unit's quota that none of its members could take (all busy at the open shifts' times).
        public let shortfalls: [SectionCode: Int]
        /// Seats still open afterwards, by shift (shortfalls, or nobody eligible at all).
        public let unfilled: [String: Int]

        public var seatsToAllocate: Int { totalSeats - volunteerSeats }
    }

    /// The allocation of one event. Deterministic: the seats are handed out in the order the
    /// apportionment gave them; each goes to the unit's member with the least duty so far (look-back
    /// hours plus what they already hold in this event, so a volunteer or someone just chosen comes
    /// after the others), ties to the smaller staff number, on the earliest open shift they are free for.
    public static func plan(shifts: [Shift], people: [Person], exemptions: Exemptions) -> Plan {
        let ordered = shifts.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
        var open: [String: Int] = [:]
        for shift in ordered { open[shift.id] = max(shift.headcount - shift.volunteers.count, 0) }
        let totalSeats = ordered.reduce(0) { $0 + $1.headcount }
        let volunteerSeats = ordered.reduce(0) { $0 + min($1.volunteers.count, $1.headcount) }

        var placed: [SectionCode: Int] = [:], exempt: [SectionCode: Int] = [:]
        var members: [SectionCode: [Person]] = [:]
        for person in people {
            placed[person.unit, default: 0] += 1
            if exemptions.exempts(person) {
                exempt[person.unit, default: 0] += 1
            } else {
                members[person.unit, default: []].append(person)
            }
        }
        let units = placed.keys.sorted().map { UnitCount(unit: $0, placed: placed[$0] ?? 0, exempt: exempt[$0] ?? 0) }
        let apportionment = Apportionment.webster(
            seats: open.values.reduce(0, +), claims: units.map { Apportionment.Claim(unit: $0.unit, headcount: $0.eligible) })

        // Duty in whole minutes, so equal duties compare equal.
        var holds: [StaffNumber: [SupportCommitment]] = [:]
        var dutyMinutes: [StaffNumber: Int] = [:]
        for person in people {
            holds[person.staffNumber] = person.otherShifts
            dutyMinutes[person.staffNumber] = Int((person.recentHours * 60).rounded())
        }
        for shift in ordered {
            for volunteer in shift.volunteers {
                holds[volunteer, default: []].append(SupportCommitment(shiftID: shift.id, time: shift.time))
                dutyMinutes[volunteer, default: 0] += shift.time.end - shift.time.start
            }
        }

        var placements: [Placement] = []
        var shortfalls: [SectionCode: Int] = [:]
        for unit in apportionment.awardOrder {
            let candidates = (members[unit] ?? []).sorted { a, b in
                let left = dutyMinutes[a.staffNumber] ?? 0, right = dutyMinutes[b.staffNumber] ?? 0
                return left != right ? left < right : a.staffNumber < b.staffNumber
            }
            var seated = false
            for candidate in candidates {
                let busy = holds[candidate.staffNumber] ?? []
                // A clash check covers the same shift too: a shift overlaps itself.
                guard let shift = ordered.first(where: { (open[$0.id] ?? 0) > 0 && $0.time.firstClash(in: busy) == nil }) else { continue }
                let duty = dutyMinutes[candidate.staffNumber] ?? 0
                placements.append(Placement(shiftID: shift.id, staffNumber: candidate.staffNumber, unit: unit, dutyHours: Double(duty) / 60))
                open[shift.id, default: 0] -= 1
                holds[candidate.staffNumber, default: []].append(SupportCommitment(shiftID: shift.id, time: shift.time))
                dutyMinutes[candidate.staffNumber] = duty + shift.time.end - shift.time.start
                seated = true
                break
            }
            if !seated { shortfalls[unit, default: 0] += 1 }
        }
        return Plan(totalSeats: totalSeats, volunteerSeats: volunteerSeats, apportionment: apportionment, units: units,
                    placements: placements, shortfalls: shortfalls, unfilled: open.filter { $0.value > 0 })
    }
}
