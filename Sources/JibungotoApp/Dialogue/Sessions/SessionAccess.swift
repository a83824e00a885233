import Fluent
import Foundation
import JibungotoDomain
import Vapor

/// The signed-in user as the dialogue pages see them: whose sessions they organize.
struct DialogueViewer: Sendable {
    let staffNumber: StaffNumber
    /// The sections whose sessions they hold: nil for every section (HR, the promotion team),
    /// empty when they organize none.
    let organizedUnits: Set<SectionCode>?

    static func load(_ request: Request) async throws -> DialogueViewer {
        let user = try request.requireUser()
        guard let scope = user.scope(of: .organizeDialogue), scope != .own else {
            return DialogueViewer(staffNumber: user.staffNumber, organizedUnits: [])
        }
        if scope == .all { return DialogueViewer(staffNumber: user.staffNumber, organizedUnits: nil) }
        return DialogueViewer(staffNumber: user.staffNumber, organizedUnits: try await OrganizationScope.units(for: request, scope: scope))
    }

    var mayOrganize: Bool { organizedUnits.map { !$0.isEmpty } ?? true }

    /// Whether they hold sessions for the section; a session of no section (a study group's
    /// meeting) only for those who organize every section.
    func organizes(section: SectionCode?) -> Bool {
        guard let organizedUnits else { return true }
        return section.map(organizedUnits.contains) ?? false
    }

    /// Runs the session (its list, attendance, report, findings, invitations): its creator, the
    /// organizers of its section, and a study group's leaders for the group's meetings.
    func runs(_ session: DialogueSession, leadsGroup: Bool) -> Bool {
        session.createdBy == staffNumber || leadsGroup || organizes(section: session.hostSectionCode)
    }
}

/// One session as the signed-in user stands to it.
struct SessionContext: Sendable {
    let session: DialogueSession
    let viewer: DialogueViewer
    /// The user's row on the list, in whatever state.
    let mine: DialogueRegistration?
    /// The user's place in the session's study group, for a group's meeting.
    let groupStatus: StudyGroupMemberStatus?
    let leadsGroup: Bool
    let hasStaffRecord: Bool

    var runs: Bool { viewer.runs(session, leadsGroup: leadsGroup) }
    var isGroupMember: Bool { groupStatus == .member }
    /// An open call is seen by everyone; any other session by those on its list, the group's members and those running it.
    var sees: Bool { session.isOpenCall || mine != nil || isGroupMember || runs }
    /// The online link: those holding a seat, and those running the session.
    var seesLink: Bool { runs || mine?.status == .registered }

    /// The session the URL names, if the user may see it; 404 otherwise (an invitation-only
    /// session is not admitted to exist for others).
    static func load(_ request: Request) async throws -> SessionContext {
        guard let id = request.parameters.get("sessionID").flatMap(UUID.init(uuidString:)),
              let session = try await DialogueSession.query(on: request.db).filter(\.$id == id).with(\.$series).with(\.$studyGroup).first()
        else { throw Abort(.notFound) }
        let context = try await of(session, request: request)
        guard context.sees else { throw Abort(.notFound) }
        return context
    }

    static func of(_ session: DialogueSession, request: Request) async throws -> SessionContext {
        let viewer = try await DialogueViewer.load(request)
        let mine = try await DialogueRegistration.query(on: request.db).filter(\.$session.$id == session.requireID())
            .filter(\.$staffNumber == viewer.staffNumber).first()
        var membership: StudyGroupMember?
        if let groupID = session.$studyGroup.id {
            membership = try await StudyGroupMember.query(on: request.db).filter(\.$group.$id == groupID).filter(\.$staffNumber == viewer.staffNumber).first()
        }
        let hasStaffRecord = try await StaffMember.query(on: request.db).filter(\.$staffNumber == viewer.staffNumber).count() > 0
        return SessionContext(session: session, viewer: viewer, mine: mine, groupStatus: membership?.status,
                              leadsGroup: membership?.status == .member && membership?.isLeader == true, hasStaffRecord: hasStaffRecord)
    }
}

/// Loading what the dialogue pages share.
enum DialogueLoading {
    /// A session's list in queue order, cancellations included.
    static func registrations(of session: DialogueSession, on database: any Database) async throws -> [DialogueRegistration] {
        try await DialogueRegistration.query(on: database).filter(\.$session.$id == session.requireID()).sort(\.$queueNumber).all()
    }

    /// Staff records by number (the side jobs' loader: every module names people the same way).
    static func staff(_ numbers: [StaffNumber], on database: any Database) async throws -> [StaffNumber: StaffMember] {
        try await SideJobLoading.staff(numbers, on: database)
    }

    /// Sections named in full (部 課 係), this year's name or the last a unit had.
    static func sectionNames(_ codes: [SectionCode], today: LocalDate, on database: any Database) async throws -> [SectionCode: Bilingual] {
        try await SideJobLoading.sectionNames(codes, today: today, on: database)
    }

    /// The findings with their tags, newest first.
    static func findings(_ query: QueryBuilder<DialogueFinding>) async throws -> [DialogueFinding] {
        try await query.with(\.$tags).sort(\.$writtenAt, .descending).all()
    }

    /// Dialogue › `section` › … : the breadcrumbs of the module's pages.
    static func breadcrumbs(_ request: Request, _ trail: [(String, String?)]) -> [Breadcrumb] {
        [Breadcrumb(label: request.t("dialogue.session.title"), href: trail.isEmpty ? nil : SessionRoute.list.path)]
            + trail.map { Breadcrumb(label: $0.0, href: $0.1) }
    }
}

/// The dialogue lines of the participation ledger: one per attendee and session, dated the session's
/// day, with its hours; the route says whether they registered themselves or were invited.
enum DialogueLedger {
    static func recordAttendance(of registration: DialogueRegistration, member: StaffMember, session: DialogueSession, tree: OrganizationTree,
                                 on database: any Database) async throws {
        try await ParticipationLedger.record(
            ParticipationLedger.entry(for: member, kind: .dialogueSession, activityID: session.activityID, title: session.title,
                                      hostSection: session.hostSectionCode, route: registration.route, date: session.date,
                                      hours: session.time.hours, tree: tree),
            on: database)
    }

    static func removeAttendance(of staffNumber: StaffNumber, session: DialogueSession, on database: any Database) async throws {
        try await ParticipationLedger.remove(kind: .dialogueSession, activityID: session.activityID, staffNumber: staffNumber, on: database)
    }
}
