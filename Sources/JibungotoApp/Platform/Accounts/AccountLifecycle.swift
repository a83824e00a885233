import Fluent
import Foundation
import JibungotoDomain
import Vapor

/// Accounts follow the staff master: an account belongs to a staff member and carries the
/// master's name, accounts for many staff are made in one step, and leavers' accounts close.
/// Accounts whose number is not in the master (the first administrator of a fresh
/// installation, made before any import) are left as they are.
enum AccountLifecycle {
    /// bcrypt cost for the random initial passwords of bulk creation: they carry about 66 bits
    /// of chance and must be changed at the first sign-in, so they need no slow hash, and a
    /// whole staff master at the usual cost would take many minutes.
    static let initialPasswordCost = 8

    /// What the master says about one staff number.
    struct MasterEntry: Sendable {
        let name: String
        let sectionCode: SectionCode?
        let hasLeft: Bool
    }

    /// The master's entries for `numbers`, or for the whole master when nil.
    static func masterEntries(for numbers: [StaffNumber]?, today: LocalDate, on database: any Database) async throws -> [StaffNumber: MasterEntry] {
        var members: [StaffMember] = []
        var histories: [StaffNumber: [AssignmentRecord]] = [:]
        if let numbers {
            for chunk in numbers.chunked(into: 500) {
                members += try await StaffMember.query(on: database).filter(\.$staffNumber ~~ chunk).all()
                for row in try await Assignment.query(on: database).filter(\.$staffNumber ~~ chunk).all() {
                    histories[row.staffNumber, default: []].append(row.record)
                }
            }
        } else {
            members = try await StaffMember.query(on: database).all()
            for row in try await Assignment.query(on: database).all() {
                histories[row.staffNumber, default: []].append(row.record)
            }
        }
        var entries: [StaffNumber: MasterEntry] = [:]
        for member in members {
            entries[member.staffNumber] = MasterEntry(
                name: member.name,
                sectionCode: member.currentSectionCode,
                hasLeft: StaffDeparture.hasLeft(histories[member.staffNumber] ?? [], on: today)
            )
        }
        return entries
    }

    struct Outcome: Sendable {
        let deactivated: [StaffNumber]
        let renamed: Int
    }

    /// Brings every account in line with the master: the master's name, and closed (signed out
    /// everywhere) when the master says the person has left. The staff and assignment imports
    /// call it after each import, inside their transaction; the accounts page has a button for
    /// it. `request` is the administrator who pressed it, for the audit rows; nil for an import.
    @discardableResult
    static func followStaffMaster(on database: any Database, today: LocalDate, request: Request? = nil) async throws -> Outcome {
        let accounts = try await User.query(on: database).all()
        let master = try await masterEntries(for: accounts.map(\.staffNumber), today: today, on: database)
        var deactivated: [StaffNumber] = []
        var renamed = 0
        for user in accounts {
            guard let entry = master[user.staffNumber] else { continue }
            let closes = user.isActive && entry.hasLeft
            guard closes || user.displayName != entry.name else { continue }
            if user.displayName != entry.name {
                user.displayName = entry.name
                renamed += 1
            }
            if closes {
                user.isActive = false
                deactivated.append(user.staffNumber)
                try await HashedSessionDriver.endSessions(ofUser: user.requireID(), on: database)
                if let request {
                    try await request.audit(.update, subjectType: "account", subjectID: user.staffNumber, detail: Self.leftDetail, on: database)
                } else {
                    try await AuditEvent(occurredAt: Date(), action: AuditAction.update.rawValue, subjectType: "account",
                                         subjectID: user.staffNumber.rawValue, detail: Self.leftDetail).create(on: database)
                }
            }
            try await user.save(on: database)
        }
        return Outcome(deactivated: deactivated, renamed: renamed)
    }

    /// The audit detail of an account closed because its owner left (the audit page words it).
    static let leftDetail = "active=false reason=left"

    struct CreatedAccount: Sendable {
        let staffNumber: StaffNumber
        let name: String
        let sectionCode: SectionCode?
        let password: String
    }

    struct BulkOutcome: Sendable {
        let created: [CreatedAccount]
        let skippedExisting: Int
        let skippedLeavers: Int
    }

    /// Accounts with the staff role and a random initial password, to be changed at the first
    /// sign-in, for `entries` (from ``masterEntries(for:today:on:)``), in one transaction.
    /// Staff who already have an account, and leavers, are counted and skipped.
    static func createAccounts(for entries: [StaffNumber: MasterEntry], request: Request) async throws -> BulkOutcome {
        let existing = Set(try await User.query(on: request.db).all(\.$staffNumber))
        let leavers = entries.filter { !existing.contains($0.key) && $0.value.hasLeft }.count
        let wanted = entries.filter { !existing.contains($0.key) && !$0.value.hasLeft }.sorted { $0.key < $1.key }
        var generator = SystemRandomNumberGenerator()
        let passwords = wanted.map { _ in InitialPassword.make(using: &generator) }
        // Hashing blocks its thread: on the thread pool, so the event loops keep serving others.
        let pool = request.application.threadPool
        let hashes = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (index, password) in passwords.enumerated() {
                group.addTask {
                    let hash = try await pool.runIfActive { try Bcrypt.hash(password, cost: Self.initialPasswordCost) }
                    return (index, hash)
                }
            }
            var hashes = [String](repeating: "", count: passwords.count)
            for try await (index, hash) in group { hashes[index] = hash }
            return hashes
        }
        let created = wanted.enumerated().map { index, entry in
            CreatedAccount(staffNumber: entry.key, name: entry.value.name, sectionCode: entry.value.sectionCode, password: passwords[index])
        }
        try await request.db.writeTransaction { database in
            for (index, account) in created.enumerated() {
                let user = User(staffNumber: account.staffNumber, displayName: account.name, passwordHash: hashes[index])
                user.mustChangePassword = true
                try await user.create(on: database)
                try await UserRole(userID: try user.requireID(), role: .staff).create(on: database)
                try await request.audit(.create, subjectType: "account", subjectID: account.staffNumber, detail: Self.bulkDetail, on: database)
            }
        }
        return BulkOutcome(created: created, skippedExisting: entries.count - wanted.count - leavers, skippedLeavers: leavers)
    }

    /// The audit detail of an account made in bulk (the audit page words it).
    static let bulkDetail = "roles=staff password=initial"

    /// A new initial password for an account whose holder lost theirs or never signed in: made
    /// and hashed as bulk creation's are, to be changed at the next sign-in. In one transaction
    /// the old password stops working, every session of the account ends (whoever holds the old
    /// password is signed out) and the audit row says so, without the password. Returns the
    /// password for the printed slip, its only appearance.
    static func reissuePassword(of user: User, request: Request) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        let password = InitialPassword.make(using: &generator)
        let hash = try await request.application.threadPool.runIfActive { try Bcrypt.hash(password, cost: Self.initialPasswordCost) }
        let userID = try user.requireID()
        try await request.db.writeTransaction { database in
            user.passwordHash = hash
            user.mustChangePassword = true
            try await user.save(on: database)
            try await HashedSessionDriver.endSessions(ofUser: userID, on: database)
            try await request.audit(.update, subjectType: "account", subjectID: user.staffNumber, detail: Self.reissueDetail, on: database)
        }
        return password
    }

    /// The audit detail of a re-issued initial password (the audit page words it).
    static let reissueDetail = "password=reissued"
}
