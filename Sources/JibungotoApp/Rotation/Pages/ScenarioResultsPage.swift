import JibungotoDomain

/// The solved scenario's result list: every mover with where they go and why, filtered and sorted.
enum ScenarioResultsPage {
    struct Content: Encodable, Sendable {
        let notice: String?
        let solveAction: String?
        let csrfToken: String
        let filter: FormModel
        let rows: [ResultRow]
        let pagination: Pagination?
        let sortLinks: [SortLink]
    }

    struct ResultRow: Encodable, Sendable {
        let staffNumber: StaffNumber
        let name: String
        let href: String
        let from: String
        let fromPost: String
        let to: String
        let stays: Bool
        let reasons: String
        let placement: String
        let bent: [String]
    }

    struct SortLink: Encodable, Sendable {
        let label: String
        let href: String
        let isCurrent: Bool
    }

    enum ReasonFilter: String, CaseIterable {
        case mustMove = "must_move", earlyCareer = "early_career", wishMet = "wish_met", wishUnmet = "wish_unmet",
             managerial, addedByHR = "added_by_hr", bent
    }

    enum Sort: String, CaseIterable {
        case number, from, to, points
    }

    /// What the reader asked for in the query string.
    struct Filters: Sendable {
        let query: String
        /// A department code: movers placed under it.
        let department: String
        let reason: ReasonFilter?
        /// "", "moved" or "stayed".
        let outcome: String
        let sort: Sort

        /// The filters as query items, for the sort links and the pagination (without the sort).
        var items: [(String, String)] { [("q", query), ("department", department), ("reason", reason?.rawValue ?? ""), ("outcome", outcome)] }
    }

    static func sortLinks(_ parameter: RouteParameter, filters: Filters, localizer: Localizer) -> [SortLink] {
        Sort.allCases.map {
            SortLink(label: localizer.t("rotation.sort." + $0.rawValue),
                     href: RotationRoute.results(parameter).path(query: filters.items + [("sort", $0.rawValue)]), isCurrent: $0 == filters.sort)
        }
    }

    /// The page when there is no result to list: why not, and the solve button for a draft.
    static func withoutResult(scenario: RotationScenario, parameter: RouteParameter, filter: FormModel, csrfToken: String, localizer: Localizer) -> Content {
        let stored = StoredSolution.decode(scenario.solution)
        let notice = scenario.solvedRevision != scenario.revision ? localizer.t("rotation.staleNotice")
            : stored.map { localizer.t("rotation.noResult", localizer.t("rotation.outcome." + $0.outcome.rawValue)) } ?? localizer.t("rotation.notSolved")
        return Content(notice: notice, solveAction: scenario.isApproved ? nil : RotationRoute.solve(parameter).path, csrfToken: csrfToken,
                       filter: filter, rows: [], pagination: nil, sortLinks: [])
    }

    /// The explanations that match the filters, in the asked order.
    static func matching(_ explanations: [MoveExplanation], filters: Filters, model: PlannerModel, tree: OrganizationTree?) -> [MoveExplanation] {
        var explanations = explanations
        let query = filters.query
        let normalizedQuery = KanaSearch.normalize(query)
        if !query.isEmpty {
            let staff = Dictionary(model.input.staff.map { ($0.staffNumber, $0) }, uniquingKeysWith: { a, _ in a })
            explanations = explanations.filter { row in
                row.staffNumber.rawValue.contains(query) || row.name.contains(query)
                    || (!normalizedQuery.isEmpty && staff[row.staffNumber].map { KanaSearch.normalize($0.nameKana).contains(normalizedQuery) } == true)
            }
        }
        if !filters.department.isEmpty {
            explanations = explanations.filter { !$0.stays && tree?.department(of: $0.to.sectionCode)?.code.rawValue == filters.department }
        }
        if filters.outcome == "moved" { explanations = explanations.filter { !$0.stays } }
        if filters.outcome == "stayed" { explanations = explanations.filter(\.stays) }
        if let reason = filters.reason {
            explanations = explanations.filter { row in
                let wishMet = row.terms.contains { if case .wish = $0.kind { true } else { false } }
                switch reason {
                case .mustMove: return row.moverReasons.contains(where: \.isMandatory)
                case .earlyCareer: return row.moverReasons.contains { if case .earlyCareerWithoutCollaboration = $0 { true } else { false } }
                case .wishMet: return wishMet
                case .wishUnmet: return !wishMet && !(model.input.wishes[row.staffNumber] ?? []).isEmpty
                case .managerial: return row.moverReasons.contains { if case .managerialAgeLimit = $0 { true } else { false } }
                case .addedByHR: return row.moverReasons.contains(.addedByHR)
                case .bent: return !row.bentRules.isEmpty
                }
            }
        }
        switch filters.sort {
        case .number: break
        case .from: explanations.sort { ($0.fromSection ?? "", $0.staffNumber) < ($1.fromSection ?? "", $1.staffNumber) }
        case .to: explanations.sort { ($0.to.sectionCode, $0.staffNumber) < ($1.to.sectionCode, $1.staffNumber) }
        case .points: explanations.sort { ($0.points, $0.staffNumber) < ($1.points, $1.staffNumber) }
        }
        return explanations
    }

    /// - Parameter rows: the explanations of this page (already filtered, sorted and paged).
    static func build(
        rows: [MoveExplanation], parameter: RouteParameter, filter: FormModel, pagination: Pagination, sortLinks: [SortLink],
        csrfToken: String, localizer: Localizer
    ) -> Content {
        Content(
            notice: nil, solveAction: nil, csrfToken: csrfToken, filter: filter,
            rows: rows.map { row in
                ResultRow(
                    staffNumber: row.staffNumber, name: row.name, href: RotationRoute.person(parameter, .staff(row.staffNumber)).path,
                    from: localizer.text(row.fromName), fromPost: row.fromPost.map { localizer.text(StaffListValues.post($0)) } ?? "", to: SeatPoolLabel.text(row.to, name: row.toName, localizer: localizer),
                    stays: row.stays, reasons: MoverReasonWords.text(row.moverReasons, localizer: localizer), placement: localizer.text(.joined(row.placementReasons)),
                    bent: row.bentRules.map { localizer.text($0.text) })
            },
            pagination: pagination, sortLinks: sortLinks)
    }
}
