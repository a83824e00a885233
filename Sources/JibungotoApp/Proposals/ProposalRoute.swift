/// URLs of staff proposals (職員提案).
enum ProposalRoute: TypedRoute {
    /// The viewer's own proposals and the year's proposals they may read.
    case list
    case new
    case calls
    case newCall
    /// A reviewer's desk: the proposals assigned to them.
    case desk
    /// The proposals requested to the sections the viewer reports for.
    case requests
    case figures
    /// The year's collection (提案集), printable on A4.
    case collection
    case proposal(RouteParameter)
    case edit(RouteParameter)
    /// A co-author confirms or declines.
    case coAuthorship(RouteParameter)
    case comments(RouteParameter)
    case commentAnswer(RouteParameter)
    case empathy(RouteParameter)
    case withdrawEmpathy(RouteParameter)
    /// The office moves the proposal on: receipt, review, outcome, 差し戻し, requests to sections.
    case state(RouteParameter)
    case publish(RouteParameter)
    case reviewers(RouteParameter)
    case removeReviewer(RouteParameter)
    case evaluation(RouteParameter)
    /// The responsible section reports 実施中 and 実施済.
    case implementation(RouteParameter)

    var path: String {
        switch self {
        case .list: "/proposals"
        case .new: "/proposals/new"
        case .calls: "/proposals/calls"
        case .newCall: "/proposals/calls/new"
        case .desk: "/proposals/desk"
        case .requests: "/proposals/requests"
        case .figures: "/proposals/figures"
        case .collection: "/proposals/collection"
        case .proposal(let id): "/proposals/\(id.rendered(as: "proposalID"))"
        case .edit(let id): "/proposals/\(id.rendered(as: "proposalID"))/edit"
        case .coAuthorship(let id): "/proposals/\(id.rendered(as: "proposalID"))/co-authorship"
        case .comments(let id): "/proposals/\(id.rendered(as: "proposalID"))/comments"
        case .commentAnswer(let id): "/proposals/\(id.rendered(as: "proposalID"))/comments/answer"
        case .empathy(let id): "/proposals/\(id.rendered(as: "proposalID"))/empathy"
        case .withdrawEmpathy(let id): "/proposals/\(id.rendered(as: "proposalID"))/empathy/withdraw"
        case .state(let id): "/proposals/\(id.rendered(as: "proposalID"))/state"
        case .publish(let id): "/proposals/\(id.rendered(as: "proposalID"))/publish"
        case .reviewers(let id): "/proposals/\(id.rendered(as: "proposalID"))/reviewers"
        case .removeReviewer(let id): "/proposals/\(id.rendered(as: "proposalID"))/reviewers/remove"
        case .evaluation(let id): "/proposals/\(id.rendered(as: "proposalID"))/evaluation"
        case .implementation(let id): "/proposals/\(id.rendered(as: "proposalID"))/implementation"
        }
    }
}
