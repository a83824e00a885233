import Fluent
import JibungotoDomain
import Vapor

/// Section profiles (部署紹介) and the annual self-report (自己申告).
enum CareerModule: AppModule {
    static func register(on routes: any RoutesBuilder, app: Application) {
        SectionProfileRoutes().register(on: routes)
        SelfReportRoutes().register(on: routes)
        SelfReportCycleRoutes().register(on: routes)
        SubmittedSelfReportRoutes().register(on: routes)
        SelfReportReminders.register(on: routes, app: app)
        app.navigation.add(NavigationEntry(labelKey: "nav.profiles", href: CareerRoute.profiles.path, permission: .viewSectionProfiles))
        app.navigation.add(NavigationEntry(labelKey: "nav.selfReport", href: CareerRoute.selfReport.path, permission: .submitSelfReport))
        app.navigation.add(NavigationEntry(labelKey: "nav.cycles", href: CareerRoute.cycles.path, permission: .viewSelfReportCompletion))
        app.homeNotices.add(selfReportReminder)
    }

    /// Until the deadline, a staff member who has not submitted sees a reminder.
    @Sendable static func selfReportReminder(_ request: Request, _ user: SignedInUser) async throws -> [HomeNotice] {
        guard let staff = try await StaffMember.query(on: request.db).filter(\.$staffNumber == user.staffNumber).first() else { return [] }
        let tree = try await request.currentOrganization()
        guard let cycle = try await SelfReportRounds.current(for: staff, tree: tree, on: request.db, today: request.today), cycle.round.isOpen(today: request.today) else { return [] }
        let submitted = try await SelfReport.query(on: request.db).filter(\.$cycle.$id == cycle.requireID())
            .filter(\.$staffNumber == staff.staffNumber).filter(\.$submittedAt != nil).count() > 0
        guard !submitted else { return [] }
        return [HomeNotice(
            message: request.t("selfReport.reminder", cycle.title, cycle.deadlineText(request.localizer)),
            href: CareerRoute.selfReport.path,
            linkLabel: request.t("selfReport.open")
        )]
    }
}
