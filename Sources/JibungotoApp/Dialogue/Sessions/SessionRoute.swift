/// URLs of the dialogue sessions, their series and findings, interviews, self-study groups and the
/// personal calendar feed.
enum SessionRoute: TypedRoute {
    case list
    case new
    case session(RouteParameter)
    case register(RouteParameter)
    case cancel(RouteParameter)
    /// The organizer puts a person on the list (route "nominated" in the ledger).
    case invite(RouteParameter)
    /// The organizer records who attended.
    case attendance(RouteParameter)
    /// The attendee enters the code announced at the session.
    case checkIn(RouteParameter)
    case report(RouteParameter)
    case findings(RouteParameter)
    /// The session as an iCalendar file.
    case calendarFile(RouteParameter)
    case newSeries
    case series(RouteParameter)
    /// Findings across sessions and interviews by tag, kind and fiscal year.
    case findingSearch
    case studyGroups
    case newStudyGroup
    case studyGroup(RouteParameter)
    case joinStudyGroup(RouteParameter)
    /// A leader answers a request to join.
    case studyGroupMembers(RouteParameter)
    case studyGroupOutputs(RouteParameter)
    case newStudyGroupMeeting(RouteParameter)
    case interviews
    case newInterview
    case interview(RouteParameter)
    case editInterview(RouteParameter)
    case interviewNotes(RouteParameter)
    case interviewFindings(RouteParameter)
    /// Linking a staff proposal the interview informs, and taking a link away.
    case interviewProposals(RouteParameter)
    case interviewProposalRemoval(RouteParameter)
    /// The calendar of one's registrations, opened by one's groupware address (`PersonalFeed`,
    /// issued on the account's page); the parameter is the secret token followed by `.ics`.
    case calendarFeed(RouteParameter)

    /// The feed of the token: calendar programs want an address ending in `.ics`.
    static func feed(token: String) -> SessionRoute { .calendarFeed(.value(token + ".ics")) }

    var path: String {
        switch self {
        case .list: "/dialogue/sessions"
        case .new: "/dialogue/sessions/new"
        case .session(let id): "/dialogue/sessions/\(id.rendered(as: "sessionID"))"
        case .register(let id): "/dialogue/sessions/\(id.rendered(as: "sessionID"))/register"
        case .cancel(let id): "/dialogue/sessions/\(id.rendered(as: "sessionID"))/cancel"
        case .invite(let id): "/dialogue/sessions/\(id.rendered(as: "sessionID"))/invite"
        case .attendance(let id): "/dialogue/sessions/\(id.rendered(as: "sessionID"))/attendance"
        case .checkIn(let id): "/dialogue/sessions/\(id.rendered(as: "sessionID"))/check-in"
        case .report(let id): "/dialogue/sessions/\(id.rendered(as: "sessionID"))/report"
        case .findings(let id): "/dialogue/sessions/\(id.rendered(as: "sessionID"))/findings"
        case .calendarFile(let id): "/dialogue/sessions/\(id.rendered(as: "sessionID"))/calendar.ics"
        case .newSeries: "/dialogue/sessions/series/new"
        case .series(let id): "/dialogue/sessions/series/\(id.rendered(as: "seriesID"))"
        case .findingSearch: "/dialogue/findings"
        case .studyGroups: "/dialogue/study-groups"
        case .newStudyGroup: "/dialogue/study-groups/new"
        case .studyGroup(let id): "/dialogue/study-groups/\(id.rendered(as: "studyGroupID"))"
        case .joinStudyGroup(let id): "/dialogue/study-groups/\(id.rendered(as: "studyGroupID"))/join"
        case .studyGroupMembers(let id): "/dialogue/study-groups/\(id.rendered(as: "studyGroupID"))/members"
        case .studyGroupOutputs(let id): "/dialogue/study-groups/\(id.rendered(as: "studyGroupID"))/outputs"
        case .newStudyGroupMeeting(let id): "/dialogue/study-groups/\(id.rendered(as: "studyGroupID"))/meetings/new"
        case .interviews: "/dialogue/interviews"
        case .newInterview: "/dialogue/interviews/new"
        case .interview(let id): "/dialogue/interviews/\(id.rendered(as: "interviewID"))"
        case .editInterview(let id): "/dialogue/interviews/\(id.rendered(as: "interviewID"))/edit"
        case .interviewNotes(let id): "/dialogue/interviews/\(id.rendered(as: "interviewID"))/notes"
        case .interviewFindings(let id): "/dialogue/interviews/\(id.rendered(as: "interviewID"))/findings"
        case .interviewProposals(let id): "/dialogue/interviews/\(id.rendered(as: "interviewID"))/proposals"
        case .interviewProposalRemoval(let id): "/dialogue/interviews/\(id.rendered(as: "interviewID"))/proposals/remove"
        case .calendarFeed(let token): "/dialogue/calendar/\(token.rendered(as: "calendarToken"))"
        }
    }
}
