import Fluent
import JibungotoDomain
import Vapor

/// Finding surveys, who may answer them, and opening them (freezing the target group).
enum SurveyAccess {
    static func find(_ request: Request) async throws -> Survey {
        guard let id = request.parameters.get("surveyID", as: UUID.self), let survey = try await Survey.find(id, on: request.db) else {
            throw Abort(.notFound)
        }
        return survey
    }

    /// Open surveys (today within the dates) that list this staff member among their targets.
    static func openSurveys(for staffNumber: StaffNumber, on database: any Database, today: LocalDate) async throws -> [Survey] {
        let targeted = try await SurveyTarget.query(on: database).filter(\.$staffNumber == staffNumber).all(\.$surveyID)
        guard !targeted.isEmpty else { return [] }
        // Only open surveys are read (a person is asked a few a year for decades); whether one
        // takes answers today is `Survey.acceptsAnswers`, the rule the answer page applies too.
        return try await Survey.query(on: database).filter(\.$id ~~ targeted).filter(\.$status == .open).sort(\.$closesOn).all()
            .filter { $0.acceptsAnswers(today: today) }
    }

    /// Questions may change only until the first answer arrives; after that, copy the survey.
    static func questionsAreEditable(_ survey: Survey, on database: any Database) async throws -> Bool {
        guard survey.status == .draft else { return false }
        return try await SurveyCompletion.query(on: database).filter(\.$surveyID == survey.requireID()).count() == 0
    }

    /// Opens a survey: records who is asked (`TargetGroup` on today's placement in today's
    /// organization, with their department and section) in one transaction, and freezes the
    /// organization year used for reporting and the day the targets were fixed.
    static func open(_ survey: Survey, today: LocalDate, on database: any Database) async throws -> Int {
        let year = today.fiscalYear.startYear
        let tree = try await OrganizationTree.load(fiscalYear: year, on: database)
        let staff = try await tree.targets(of: survey.group, on: database)
        let surveyID = try survey.requireID()
        let targets = staff.map { member in
            let target = SurveyTarget()
            target.surveyID = surveyID
            target.staffNumber = member.staffNumber
            target.sectionCode = member.currentSectionCode ?? ""
            target.departmentCode = member.currentSectionCode.flatMap { tree.department(of: $0)?.code } ?? ""
            target.divisionCode = TargetPlacement.section(on: SurveyReleases.placement(unit: target.sectionCode, department: target.departmentCode, in: tree)) ?? ""
            return target
        }
        try await database.writeTransaction { database in
            try await ChunkedInsert.create(targets, on: database)
            try await SurveyReleases.prepareCounters(
                for: survey, departmentsAndSections: SurveyReleases.departmentsAndSections(of: targets, recording: Survey.sheetAttributes(survey.attributes)),
                on: database)
            survey.status = .open
            survey.organizationFiscalYear = year
            try await survey.save(on: database)
            try await SurveyOpening(surveyID: surveyID, targetsFixedOn: today).create(on: database)
        }
        return targets.count
    }

    /// Open surveys the user has not answered yet, as home-page banners with the deadline; a
    /// survey someone has sent a reminder (督促) for that reaches the user's frozen place says so.
    /// Only the user's own banner: nobody else learns from it who has answered.
    @Sendable static func reminders(_ request: Request, _ user: SignedInUser) async throws -> [HomeNotice] {
        let open = try await openSurveys(for: user.staffNumber, on: request.db, today: request.today)
        guard !open.isEmpty else { return [] }
        let answered = Set(try await SurveyCompletion.query(on: request.db).filter(\.$staffNumber == user.staffNumber).all(\.$surveyID))
        var notices: [HomeNotice] = []
        for survey in open {
            let id = try survey.requireID()
            guard !answered.contains(id) else { continue }
            let title = survey.title(request.language), deadline = request.localizer.date(survey.closesOn)
            let message: String
            if let reminded = try await latestReminder(of: survey, reaching: user.staffNumber, on: request.db) {
                message = request.t("survey.reminderDue", title, deadline, request.localizer.timestamp(reminded.sentAt))
            } else {
                message = request.t("survey.reminder", title, deadline)
            }
            notices.append(HomeNotice(message: message, href: SurveysRoute.answer(.id(id)).path, linkLabel: request.t("survey.answerNow")))
        }
        return notices
    }

    /// The latest reminder of `survey` whose part holds the staff member's place as frozen at
    /// opening, if any.
    static func latestReminder(of survey: Survey, reaching staffNumber: StaffNumber, on database: any Database) async throws -> SurveyReminder? {
        let surveyID = try survey.requireID()
        let reminders = try await SurveyReminder.query(on: database).filter(\.$surveyID == surveyID).sort(\.$sentAt, .descending).all()
        guard !reminders.isEmpty,
              let target = try await SurveyTarget.query(on: database).filter(\.$surveyID == surveyID).filter(\.$staffNumber == staffNumber).first()
        else { return nil }
        var placement: [String] = []
        if reminders.contains(where: { $0.unit != nil }) {
            let tree = try await OrganizationTree.load(fiscalYear: survey.organizationFiscalYear ?? survey.fiscalYear, on: database)
            placement = tree.path(to: target.sectionCode).map(\.code.rawValue)
            // A target placed outside the tree still belongs to their frozen department.
            if !placement.contains(target.departmentCode.rawValue) { placement.append(target.departmentCode.rawValue) }
        }
        return reminders.first { SurveyReminderRule.reaches(unit: $0.unit, placement: placement) }
    }
}

/// How answer values are stored: one row per value (one per chosen option of a multiple choice),
/// so aggregates are plain GROUP BY queries.
enum StoredAnswer {
    static func rows(for value: SurveyAnswerValue) -> [String] {
        switch value {
        case .likert(let number), .scale(let number): [String(number)]
        case .single(let key): [key]
        case .multiple(let keys): keys
        case .text(let text): [text]
        }
    }

    static func value(of rows: [String], for question: SurveyQuestion) -> SurveyAnswerValue? {
        guard let first = rows.first else { return nil }
        switch question.kind {
        case .likert5: return Int(first).map(SurveyAnswerValue.likert)
        case .scale0to10: return Int(first).map(SurveyAnswerValue.scale)
        case .singleChoice: return .single(first)
        case .multipleChoice: return .multiple(rows)
        case .freeText: return .text(first)
        }
    }
}
