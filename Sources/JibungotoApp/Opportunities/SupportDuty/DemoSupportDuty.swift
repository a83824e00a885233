import Fluent
import Foundation
import JibungotoDomain

/// The demo city's support duty: six events over three fiscal years — city events and two
/// elections (市長選挙 with 期日前投票所 and 投票日 shifts, 市議会議員選挙) — each with volunteers and
/// exemptions, allocated in date order through the same allocation as HR's button (so each
/// allocation reads the duty of the ones before it from the participation ledger), two swaps
/// made and one awaiting approval; the newest event still takes volunteers. Deterministic.
enum DemoSupportDuty {
    /// HR's demo account, who creates, allocates and approves.
    static let hr: StaffNumber = "D0004"

    struct ShiftPlan {
        let day: LocalDate
        let start: String
        let end: String
        let place: String
        let headcount: Int
    }

    struct EventPlan {
        let title: String
        let kind: SupportEventKind
        let details: String
        let shifts: [ShiftPlan]
        /// Allocated this many days before the first shift; nil for the event still taking volunteers.
        let allocatedDaysBefore: Int?
        let swap: SwapKind?

        var firstDay: LocalDate { shifts.map(\.day).min() ?? .latest }
    }

    enum SwapKind {
        case exchangeMade, handoverMade, exchangeAwaitingApproval
    }

    static func load(on database: any Database, today: LocalDate) async throws {
        guard try await SupportEvent.query(on: database).count() == 0 else { return }
        let tree = try await OrganizationTree.load(fiscalYear: today.fiscalYear.startYear, on: database)
        let staff = try await StaffMember.query(on: database).filter(\.$currentSectionCode != nil).sort(\.$staffNumber).all()
        guard !tree.units.isEmpty, !staff.isEmpty else { return }
        var held: [StaffNumber: [SupportCommitment]] = [:]
        // In date order, so that each allocation reads the duty of the earlier ones from the ledger.
        for plan in plans(today: today).sorted(by: { $0.firstDay < $1.firstDay }) {
            let firstDay = plan.firstDay
            let event = SupportEvent(title: plan.title, kind: plan.kind, details: plan.details, createdBy: hr,
                                     createdAt: moment(firstDay.adding(days: -60), hour: 10))
            try await event.create(on: database)
            let eventID = try event.requireID()
            var shifts: [SupportShift] = []
            for shift in plan.shifts {
                guard let start = SupportShiftTime.minutes(from: shift.start), let end = SupportShiftTime.minutes(from: shift.end),
                      let time = SupportShiftTime(date: shift.day, start: start, end: end) else { continue }
                shifts.append(SupportShift(eventID: eventID, time: time, place: shift.place, headcount: shift.headcount))
            }
            try await ChunkedInsert.create(shifts, on: database)
            try await volunteer(for: event, shifts: shifts, staff: staff, tree: tree, held: &held, on: database)
            let exempted = staff.filter { $0.employmentType == .regular }
                .sorted { DemoHash.value($0.staffNumber, plan.title, "exempt") < DemoHash.value($1.staffNumber, plan.title, "exempt") }.prefix(2)
            try await ChunkedInsert.create(exempted.enumerated().map { index, member in
                SupportExemption(eventID: eventID, staffNumber: member.staffNumber, reason: index == 0 ? .childcareLeave : .leaveOfAbsence,
                                 recordedBy: hr, recordedAt: moment(firstDay.adding(days: -20), hour: 11))
            }, on: database)
            guard let daysBefore = plan.allocatedDaysBefore else { continue }
            let allocatedOn = firstDay.adding(days: -daysBefore)
            _ = try await SupportDutyStore.allocate(event, by: hr, at: moment(allocatedOn, hour: 15), tree: tree, today: allocatedOn, on: database)
            if let swap = plan.swap {
                try await makeSwap(swap, in: event, staff: staff, tree: tree, on: moment(allocatedOn.adding(days: 5), hour: 9), database: database)
            }
            for seat in try await SupportDutyStore.seats(of: eventID, on: database) {
                if let shift = shifts.first(where: { $0.id == seat.shiftID }) {
                    held[seat.staffNumber, default: []].append(SupportCommitment(shiftID: shift.activityID, time: shift.time))
                }
            }
        }
    }

    private static func moment(_ day: LocalDate, hour: Int) -> Date {
        day.startOfDay(in: .japan).addingTimeInterval(Double(hour) * 3_600)
    }

    /// About a quarter of each shift's seats go to volunteers, picked by a stable hash among
    /// those the sign-up rule admits (no clash with a shift they already hold).
    private static func volunteer(for event: SupportEvent, shifts: [SupportShift], staff: [StaffMember], tree: OrganizationTree,
                                  held: inout [StaffNumber: [SupportCommitment]], on database: any Database) async throws {
        let eventID = try event.requireID()
        var seats: [SupportAssignment] = []
        for shift in shifts {
            let wanted = shift.headcount / 4
            let candidates = staff.sorted {
                DemoHash.value($0.staffNumber, shift.activityID, "volunteer") < DemoHash.value($1.staffNumber, shift.activityID, "volunteer")
            }
            var taken = 0
            for member in candidates where taken < wanted {
                guard SupportSignUp.refusal(isOpen: true, shiftID: shift.activityID, time: shift.time, headcount: shift.headcount, taken: taken,
                                            holds: held[member.staffNumber] ?? []) == nil
                else { continue }
                seats.append(SupportAssignment(shiftID: try shift.requireID(), eventID: eventID, staffNumber: member.staffNumber,
                                               unitCode: SupportDutyStore.unit(of: member, tree: tree), route: .volunteered,
                                               assignedAt: moment(shift.date.adding(days: -30 + taken), hour: 12)))
                held[member.staffNumber, default: []].append(SupportCommitment(shiftID: shift.activityID, time: shift.time))
                taken += 1
            }
        }
        try await ChunkedInsert.create(seats, on: database)
    }

    /// A swap between two allocated seats (or a handover to a colleague of the same section) that
    /// breaks no rule, agreed and approved by HR on both sides; made unless it is the one left awaiting approval.
    private static func makeSwap(_ kind: SwapKind, in event: SupportEvent, staff: [StaffMember], tree: OrganizationTree, on moment: Date,
                                 database: any Database) async throws {
        let eventID = try event.requireID()
        try await database.writeTransaction { database in
            let shifts = try await SupportDutyStore.shifts(of: eventID, on: database)
            let seats = try await SupportDutyStore.seats(of: eventID, on: database)
            let allocated = seats.filter { $0.route == .allocated }
            let seated = Set(seats.map(\.staffNumber))
            var candidates: [(SupportSwapProposal, SectionCode?)] = []
            for given in allocated.prefix(12) {
                if kind == .handoverMade {
                    let section = staff.first { $0.staffNumber == given.staffNumber }?.currentSectionCode
                    for colleague in staff where colleague.currentSectionCode == section && !seated.contains(colleague.staffNumber) {
                        candidates.append((proposal(given, counterpart: colleague.staffNumber, taken: nil, eventID: eventID, at: moment),
                                           SupportDutyStore.unit(of: colleague, tree: tree)))
                    }
                } else {
                    for taken in allocated.reversed().prefix(12) where taken.shiftID != given.shiftID {
                        candidates.append((proposal(given, counterpart: taken.staffNumber, taken: taken, eventID: eventID, at: moment), nil))
                    }
                }
            }
            for (candidate, colleagueUnit) in candidates {
                guard let proposed = SupportDutyStore.change(of: candidate, seats: seats, shifts: shifts, colleagueUnit: colleagueUnit),
                      try await SupportDutyStore.refusal(proposed, event: event, seats: seats, shifts: shifts, on: database) == nil
                else { continue }
                if kind == .exchangeAwaitingApproval {
                    candidate.proposerSideApprovedBy = nil
                    candidate.counterpartSideApprovedBy = nil
                    try await candidate.create(on: database)
                } else {
                    try await candidate.create(on: database)
                    try await SupportDutyStore.apply(proposed, event: event, shifts: shifts, tree: tree, on: database)
                    candidate.status = .approved
                    candidate.closedBy = hr
                    candidate.closedAt = moment.addingTimeInterval(86_400)
                    try await candidate.save(on: database)
                }
                return
            }
        }
    }

    private static func proposal(_ given: SupportAssignment, counterpart: StaffNumber, taken: SupportAssignment?, eventID: UUID, at moment: Date) -> SupportSwapProposal {
        SupportSwapProposal(
            eventID: eventID, proposer: given.staffNumber, proposerAssignmentID: given.id ?? UUID(), proposerShiftID: given.shiftID,
            counterpart: counterpart, counterpartAssignmentID: taken?.id, counterpartShiftID: taken?.shiftID,
            counterpartAgreedAt: moment.addingTimeInterval(3_600), proposerSideApprovedBy: hr, counterpartSideApprovedBy: hr, proposedAt: moment)
    }

    /// Two events in each of the last three fiscal years; this year's second is still ahead.
    static func plans(today: LocalDate) -> [EventPlan] {
        let year = today.fiscalYear.startYear
        func day(_ year: Int, _ month: Int, _ day: Int) -> LocalDate { LocalDate(year: year, month: month, day: day) ?? today }
        func shift(_ day: LocalDate, _ start: String, _ end: String, _ place: String, _ headcount: Int) -> ShiftPlan {
            ShiftPlan(day: day, start: start, end: end, place: place, headcount: headcount)
        }
        let mayorEarly = [day(year - 2, 11, 10), day(year - 2, 11, 11), day(year - 2, 11, 12)]
        let mayorDay = day(year - 2, 11, 17)
        let councilEarly = [day(year - 1, 4, 14), day(year - 1, 4, 15)]
        let councilDay = day(year - 1, 4, 20)
        let sports = today.adding(days: -45)
        let fair = today.adding(days: 40)
        return [
            EventPlan(title: "市長選挙", kind: .election,
                      details: "期日前投票所（市役所本庁舎）と投票日の投票所・開票所の事務です。事前説明会に出席してください。",
                      shifts: mayorEarly.flatMap { [shift($0, "8:30", "13:00", "期日前投票所（本庁舎）", 3), shift($0, "13:00", "20:00", "期日前投票所（本庁舎）", 3)] }
                          + ["第1投票所（中央小学校）", "第2投票所（東公民館）", "第3投票所（西小学校）", "第4投票所（北地区市民センター）"].flatMap {
                              [shift(mayorDay, "6:30", "13:30", $0, 3), shift(mayorDay, "13:30", "20:00", $0, 3)]
                          }
                          + [shift(mayorDay, "20:30", "23:30", "開票所（市民体育館）", 12)],
                      allocatedDaysBefore: 28, swap: .exchangeMade),
            EventPlan(title: "市民まつり", kind: .event, details: "会場受付、迷子・落とし物の案内、駐車場の誘導をお願いします。",
                      shifts: [shift(day(year - 2, 10, 13), "9:00", "12:00", "会場受付（中央公園）", 6),
                               shift(day(year - 2, 10, 13), "12:00", "15:00", "会場受付（中央公園）", 6),
                               shift(day(year - 2, 10, 13), "9:00", "15:00", "臨時駐車場", 4)],
                      allocatedDaysBefore: 21, swap: nil),
            EventPlan(title: "市議会議員選挙", kind: .election, details: "期日前投票所と投票日の投票所・開票所の事務です。",
                      shifts: councilEarly.flatMap { [shift($0, "8:30", "13:00", "期日前投票所（本庁舎）", 3), shift($0, "13:00", "20:00", "期日前投票所（本庁舎）", 3)] }
                          + ["第1投票所（中央小学校）", "第2投票所（東公民館）", "第3投票所（西小学校）"].flatMap {
                              [shift(councilDay, "6:30", "13:30", $0, 3), shift(councilDay, "13:30", "20:00", $0, 3)]
                          }
                          + [shift(councilDay, "20:30", "23:30", "開票所（市民体育館）", 12)],
                      allocatedDaysBefore: 25, swap: .handoverMade),
            EventPlan(title: "総合防災訓練", kind: .event, details: "避難所の開設・運営と参加者の受付を行います。",
                      shifts: [shift(day(year - 1, 9, 1), "8:00", "12:00", "避難所（南中学校）", 8),
                               shift(day(year - 1, 9, 1), "8:00", "12:00", "受付（南中学校）", 4)],
                      allocatedDaysBefore: 20, swap: nil),
            EventPlan(title: "市民スポーツ大会", kind: .event, details: "受付、競技の記録、救護所の補助をお願いします。",
                      shifts: [shift(sports, "8:30", "12:00", "受付（総合運動公園）", 5), shift(sports, "12:00", "16:00", "競技記録（総合運動公園）", 5)],
                      allocatedDaysBefore: 20, swap: .exchangeAwaitingApproval),
            EventPlan(title: "地域防災フェア", kind: .event, details: "防災グッズの展示と起震車体験の案内です。志願を受け付けています。",
                      shifts: [shift(fair, "9:30", "12:30", "展示会場（市民ホール）", 4), shift(fair, "12:30", "15:30", "展示会場（市民ホール）", 4)],
                      allocatedDaysBefore: nil, swap: nil),
        ]
    }
}
