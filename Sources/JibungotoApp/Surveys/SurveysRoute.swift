/// URLs of the Surveys module.
enum SurveysRoute: TypedRoute {
    case list
    case new
    case manage(RouteParameter)
    case addQuestion(RouteParameter)
    case removeQuestion(RouteParameter)
    case moveQuestion(RouteParameter)
    case settings(RouteParameter)
    case remind(RouteParameter)
    case open(RouteParameter)
    case close(RouteParameter)
    case copy(RouteParameter)
    case preview(RouteParameter)
    case answer(RouteParameter)
    case receipt(RouteParameter)
    case rate(RouteParameter)
    case results(RouteParameter)
    case resultsExport(RouteParameter)
    case actions(RouteParameter)

    var path: String {
        switch self {
        case .list: "/surveys"
        case .new: "/surveys/new"
        case .manage(let id): "/surveys/\(id.rendered(as: "surveyID"))"
        case .addQuestion(let id): "/surveys/\(id.rendered(as: "surveyID"))/questions"
        case .removeQuestion(let id): "/surveys/\(id.rendered(as: "surveyID"))/questions/remove"
        case .moveQuestion(let id): "/surveys/\(id.rendered(as: "surveyID"))/questions/move"
        case .settings(let id): "/surveys/\(id.rendered(as: "surveyID"))/settings"
        case .remind(let id): "/surveys/\(id.rendered(as: "surveyID"))/remind"
        case .open(let id): "/surveys/\(id.rendered(as: "surveyID"))/open"
        case .close(let id): "/surveys/\(id.rendered(as: "surveyID"))/close"
        case .copy(let id): "/surveys/\(id.rendered(as: "surveyID"))/copy"
        case .preview(let id): "/surveys/\(id.rendered(as: "surveyID"))/preview"
        case .answer(let id): "/surveys/\(id.rendered(as: "surveyID"))/answer"
        case .receipt(let id): "/surveys/\(id.rendered(as: "surveyID"))/receipt"
        case .rate(let id): "/surveys/\(id.rendered(as: "surveyID"))/rate"
        case .results(let id): "/surveys/\(id.rendered(as: "surveyID"))/results"
        case .resultsExport(let id): "/surveys/\(id.rendered(as: "surveyID"))/results/export"
        case .actions(let id): "/surveys/\(id.rendered(as: "surveyID"))/actions"
        }
    }
}
