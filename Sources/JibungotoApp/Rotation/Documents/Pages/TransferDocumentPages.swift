import Foundation
import JibungotoDomain

/// What an approved scenario prints: the index with a line per mover, the transfer list for
/// posting, and the 内示書 and 辞令 per person.
enum TransferDocumentsIndexPage {
    struct Content: Encodable, Sendable {
        /// Set while the scenario is a draft: nothing is printed before approval.
        let notApprovedNote: String?
        let links: [ScenarioOverviewPage.Link]
        let people: [Person]
        let backHref: String
    }

    struct Person: Encodable, Sendable {
        let staffNumber: String
        let name: String
        let to: String
        let noticeHref: String
        let appointmentHref: String
    }

    static func build(scenario: RotationScenario, documents: TransferDocuments?, localizer: Localizer) throws -> Content {
        let parameter = RouteParameter.id(try scenario.requireID())
        let backHref = RotationRoute.scenario(parameter).path
        guard let documents else {
            return Content(notApprovedNote: localizer.t("documents.notApproved"), links: [], people: [], backHref: backHref)
        }
        return Content(
            notApprovedNote: nil,
            links: [
                .init(label: localizer.t("documents.transferList"), href: DocumentRoute.transferList(parameter).path),
                .init(label: localizer.t("documents.allNotices"), href: DocumentRoute.notices(parameter).path),
                .init(label: localizer.t("documents.allAppointments"), href: DocumentRoute.appointments(parameter).path),
            ],
            people: documents.moves.map { move in
                Person(staffNumber: move.staffNumber.rawValue, name: move.name,
                       to: documents.sectionName(move.toSection, preferring: documents.toTree, localizer: localizer),
                       noticeHref: DocumentRoute.notice(parameter, .staff(move.staffNumber)).path,
                       appointmentHref: DocumentRoute.appointment(parameter, .staff(move.staffNumber)).path)
            },
            backHref: backHref)
    }
}

/// The transfer list for posting: every move of the approved scenario under its new department,
/// in the organization's 部・課・係 order.
enum TransferListPage {
    struct Content: Encodable, Sendable {
        let header: PrintHeader
        let effective: String
        let count: String
        let departments: [Department]
        let backHref: String
    }

    struct Department: Encodable, Sendable {
        let name: String
        let rows: [Row]
    }

    struct Row: Encodable, Sendable {
        let section: String
        let post: String
        let name: String
        let fromSection: String
        let fromPost: String
    }

    static func build(documents: TransferDocuments, municipality: String, backHref: String, today: LocalDate, localizer: Localizer) -> Content {
        var departments: [Department] = []
        for move in documents.moves {
            let path = documents.toTree.path(to: move.toSection)
            let department = path.first.map { localizer.text($0.localizedName) } ?? move.toSection.rawValue
            // The unit below the department (課・係); the department itself when the post is there.
            let below = path.dropFirst().map { localizer.text($0.localizedName) }.joined(separator: localizer.language == .en ? ", " : "")
            let row = Row(section: below.isEmpty ? department : below, post: move.toPost, name: move.name,
                          fromSection: documents.sectionName(move.fromSection, preferring: documents.fromTree, localizer: localizer),
                          fromPost: move.fromPost)
            // Moves arrive in the organization's order, so a department's rows are consecutive.
            if departments.last?.name == department {
                departments[departments.count - 1] = Department(name: department, rows: departments[departments.count - 1].rows + [row])
            } else {
                departments.append(Department(name: department, rows: [row]))
            }
        }
        return Content(
            header: PrintHeader(municipality: municipality, today: today, showsPersonalData: true, localizer: localizer),
            effective: localizer.t("documents.effective", localizer.date(documents.transferDate)),
            count: localizer.t("documents.moveCount", count: documents.moves.count, String(documents.moves.count)),
            departments: departments, backHref: backHref)
    }
}

/// 内示書 and 辞令, one sheet per person (printed one per A4 page).
enum TransferLetterPage {
    enum Kind: String, Sendable {
        /// 内示書: the advance notice of the new post, marked 内示 and 取扱注意 until announced.
        case notice
        /// 辞令: the appointment itself, in the mayor's name, dated the transfer date.
        case appointment
    }

    struct Content: Encodable, Sendable {
        let isNotice: Bool
        let letters: [Letter]
        let backHref: String
    }

    struct Letter: Encodable, Sendable {
        let header: PrintHeader?
        let title: String
        let mark: String?
        let recipient: String
        let staffNumber: String
        let lines: [String]
        let facts: [Fact]
        let date: String
        let issuer: String
    }

    struct Fact: Encodable, Sendable {
        let label: String
        let value: String
    }

    /// - Parameters:
    ///   - municipality: the municipality's name; `mayorTitle` the appointing authority's title
    ///     (both from the settings).
    static func build(
        kind: Kind, moves: [TransferMove], documents: TransferDocuments, municipality: String, mayorTitle: String,
        backHref: String, today: LocalDate, localizer: Localizer
    ) -> Content {
        let effective = localizer.date(documents.transferDate)
        let letters = moves.map { move -> Letter in
            let to = documents.sectionName(move.toSection, preferring: documents.toTree, localizer: localizer)
            let from = documents.sectionName(move.fromSection, preferring: documents.fromTree, localizer: localizer)
            switch kind {
            case .notice:
                return Letter(
                    header: PrintHeader(municipality: municipality, today: today, showsPersonalData: true, localizer: localizer),
                    title: localizer.t("documents.notice.title"), mark: localizer.t("documents.notice.mark"),
                    recipient: localizer.t("documents.notice.recipient", move.name), staffNumber: move.staffNumber.rawValue,
                    lines: [localizer.t("documents.notice.body", effective)],
                    facts: [
                        Fact(label: localizer.t("documents.newSection"), value: to),
                        Fact(label: localizer.t("documents.newPost"), value: move.toPost),
                        Fact(label: localizer.t("documents.currentSection"), value: from),
                        Fact(label: localizer.t("documents.currentPost"), value: move.fromPost),
                        Fact(label: localizer.t("documents.transferDate"), value: effective),
                    ],
                    date: localizer.t("print.madeOn", localizer.date(today)),
                    issuer: municipality)
            case .appointment:
                var lines = [localizer.t("documents.appointment.assign", to)]
                if !move.toPost.isEmpty && move.toPost != move.fromPost {
                    lines.append(localizer.t("documents.appointment.post", move.toPost))
                }
                return Letter(
                    header: nil, title: localizer.t("documents.appointment.title"), mark: nil,
                    recipient: move.name, staffNumber: move.staffNumber.rawValue,
                    lines: lines, facts: [], date: effective,
                    issuer: localizer.t("documents.appointment.issuer", municipality, mayorTitle))
            }
        }
        return Content(isNotice: kind == .notice, letters: letters, backHref: backHref)
    }
}
