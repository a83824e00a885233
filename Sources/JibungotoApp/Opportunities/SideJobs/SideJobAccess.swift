import Fluent
import Foundation
import JibungotoDomain
import Vapor

/// The units a permission's scope reaches for the signed-in user: every unit, or a set (empty
/// when the permission is not held, or held only for oneself).
enum SideJobReach: Sendable {
    case all
    case units(Set<SectionCode>)

    func contains(_ code: SectionCode?) -> Bool {
        guard let code else { return false }
        switch self {
        case .all: return true
        case .units(let units): return units.contains(code)
        }
    }

    var isEmpty: Bool {
        if case .units(let units) = self { return units.isEmpty }
        return false
    }

    static func of(_ permission: Permission, for request: Request) async throws -> SideJobReach {
        guard let scope = request.currentUser?.scope(of: permission), scope != .own else { return .units([]) }
        if scope == .all { return .all }
        return .units(try await OrganizationScope.units(for: request, scope: scope))
    }
}

/// The signed-in user as the side-job pages see them: whose side jobs they host (organizers, for
/// the sections their scope reaches), whose applications they decide (managers), and whether they
/// oversee all of them (HR).
struct SideJobViewer: Sendable {
    let staffNumber: StaffNumber
    let organizes: SideJobReach
    let consents: SideJobReach
    let oversees: Bool

    static func load(_ request: Request) async throws -> SideJobViewer {
        let user = try request.requireUser()
        return SideJobViewer(
            staffNumber: user.staffNumber,
            organizes: try await SideJobReach.of(.organizeOpportunities, for: request),
            consents: try await SideJobReach.of(.consentToOpportunities, for: request),
            oversees: user.scope(of: .manageOpportunities) != nil)
    }

    var mayPost: Bool { !organizes.isEmpty }

    var mayApprove: Bool { !consents.isEmpty }

    /// The host section's organizers (and HR, whose scope is every section).
    func hosts(_ job: SideJob) -> Bool {
        organizes.contains(job.hostSectionCode)
    }

    /// The applicant's manager: their consent scope reaches where the applicant works today.
    func mayDecide(applicant: StaffNumber, applicantSection: SectionCode?) -> Bool {
        SideJobConsent.mayDecide(approver: staffNumber, applicant: applicant, applicantSection: applicantSection, reaches: { consents.contains($0) })
    }

    /// An application is seen by the applicant, the host, HR and the applicant's manager.
    func maySee(_ application: SideJobApplication, job: SideJob, applicantSection: SectionCode?) -> Bool {
        application.staffNumber == staffNumber || oversees || hosts(job) || mayDecide(applicant: application.staffNumber, applicantSection: applicantSection)
    }
}

/// Loading what the side-job pages share.
enum SideJobLoading {
    /// The side job the URL names.
    static func job(_ request: Request) async throws -> SideJob {
        guard let id = request.parameters.get("sideJobID").flatMap(UUID.init(uuidString:)),
              let job = try await SideJob.find(id, on: request.db)
        else { throw Abort(.notFound) }
        return job
    }

    /// The application the URL names, with its side job.
    static func application(_ request: Request) async throws -> SideJobApplication {
        guard let id = request.parameters.get("sideJobApplicationID").flatMap(UUID.init(uuidString:)),
              let application = try await SideJobApplication.query(on: request.db).filter(\.$id == id).with(\.$sideJob).first()
        else { throw Abort(.notFound) }
        return application
    }

    /// A side job's applications in the order they came.
    static func applications(of job: SideJob, on database: any Database) async throws -> [SideJobApplication] {
        try await SideJobApplication.query(on: database).filter(\.$sideJob.$id == job.requireID())
            .sort(\.$appliedAt).sort(\.$staffNumber).all()
    }

    /// The staff records of these numbers, by number.
    static func staff(_ numbers: [StaffNumber], on database: any Database) async throws -> [StaffNumber: StaffMember] {
        var staff: [StaffNumber: StaffMember] = [:]
        for chunk in Array(Set(numbers)).chunked(into: 500) {
            for member in try await StaffMember.query(on: database).filter(\.$staffNumber ~~ Array(chunk)).all() { staff[member.staffNumber] = member }
        }
        return staff
    }

    /// The names of sections in full (部 課 係, so that 「消防第2係」 says whose it is): this fiscal
    /// year's, or the last a unit had before it was abolished (a past side job's host may be gone).
    static func sectionNames(_ codes: [SectionCode], today: LocalDate, on database: any Database) async throws -> [SectionCode: Bilingual] {
        var names: [SectionCode: Bilingual] = [:]
        let tree = try await OrganizationTree.load(fiscalYear: today.fiscalYear.startYear, on: database)
        for code in Set(codes) where tree.units[code] != nil {
            let path = tree.path(to: code).map(\.localizedName)
            names[code] = Bilingual(ja: path.map(\.ja).joined(separator: " "), en: path.map(\.en).joined(separator: " "))
        }
        for chunk in Array(Set(codes).filter { names[$0] == nil }).chunked(into: 500) {
            let rows = try await OrganizationUnit.query(on: database).filter(\.$code ~~ Array(chunk))
                .filter(\.$fiscalYear <= today.fiscalYear.startYear).sort(\.$fiscalYear, .descending).all()
            for row in rows where names[row.code] == nil { names[row.code] = row.record.localizedName }
        }
        return names
    }

    /// The name of the section hosting the job.
    static func hostName(of job: SideJob, request: Request) async throws -> Bilingual {
        try await sectionNames([job.hostSectionCode], today: request.today, on: request.db)[job.hostSectionCode] ?? Bilingual(job.hostSectionCode.rawValue)
    }

    /// A person's current section and every unit above it, for the own-section rule.
    static func units(of staff: StaffMember?, tree: OrganizationTree) -> [SectionCode] {
        guard let section = staff?.currentSectionCode else { return [] }
        return tree.path(to: section).map(\.code)
    }

    /// Why the signed-in user cannot apply to the job today, or nil.
    static func applicationRefusal(_ request: Request, job: SideJob, me: StaffMember?) async throws -> SideJobApplicationRule.Refusal? {
        let user = try request.requireUser()
        let applied = try await SideJobApplication.query(on: request.db).filter(\.$sideJob.$id == job.requireID())
            .filter(\.$staffNumber == user.staffNumber).count() > 0
        return SideJobApplicationRule.refusal(
            hostSection: job.hostSectionCode, applicantUnits: units(of: me, tree: try await request.currentOrganization()),
            schedule: job.schedule, today: request.today, hasApplied: applied)
    }

    /// Opportunities › Side jobs › the job › `last`.
    static func breadcrumbs(_ request: Request, job: SideJob? = nil, last: String? = nil) -> [Breadcrumb] {
        var crumbs = [Breadcrumb(label: request.t("opportunities.title"), href: OpportunitiesRoute.overview.path),
                      Breadcrumb(label: request.t("sideJob.title"), href: job == nil && last == nil ? nil : SideJobRoute.list.path)]
        if let job, let id = job.id {
            crumbs.append(Breadcrumb(label: job.title, href: last == nil ? nil : SideJobRoute.job(.id(id)).path))
        }
        if let last { crumbs.append(Breadcrumb(label: last, href: nil)) }
        return crumbs
    }
}

extension FormValidation {
    /// Hours as typed (7.5, ７.５): a positive whole number of half hours.
    mutating func sideJobHours(_ field: String, _ value: String?, labelKey: String) -> Double? {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            fail(field, "form.required", request.t(labelKey))
            return nil
        }
        let ascii = trimmed.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? trimmed
        guard let hours = Double(ascii), SideJobHours.isValidAmount(hours) else {
            fail(field, "sideJob.hoursInvalid", request.t(labelKey))
            return nil
        }
        return hours
    }
}

/// The side jobs' lines in the participation ledger: one per member, dated the job's start,
/// whose hours grow with each month logged.
enum SideJobLedger {
    /// The member's entry when the host selects them: no hours until some are logged.
    static func recordMember(_ member: StaffMember, job: SideJob, tree: OrganizationTree, hours: Double? = nil, on database: any Database) async throws {
        try await ParticipationLedger.record(
            ParticipationLedger.entry(for: member, kind: .sideJob, activityID: job.activityID, title: job.title, hostSection: job.hostSectionCode,
                                      route: .applied, date: job.startsOn, hours: hours, tree: tree),
            on: database)
    }

    /// The member's hours so far on the entry; the section recorded at selection stays as it was.
    static func updateHours(of member: StaffMember, job: SideJob, total: Double, tree: OrganizationTree, on database: any Database) async throws {
        let entries = try await ParticipationLedger.entries(of: member.staffNumber, on: database)
        guard var entry = entries.first(where: { $0.kind == .sideJob && $0.activityID == job.activityID }) else {
            try await recordMember(member, job: job, tree: tree, hours: total, on: database)
            return
        }
        entry.hours = total
        try await ParticipationLedger.record(entry, on: database)
    }
}
