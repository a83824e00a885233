import Foundation
import JibungotoDomain

/// One district: its citizen center, its liaison staff with their terms, the citizen dialogues
/// held there (head counts per group, never names) and the local issues raised there.
enum DistrictPage {
    struct Content: Encodable, Sendable {
        let center: String
        let liaisons: [Liaison]
        let assignHref: String?
        let records: [Record]
        let newRecordHref: String?
        let issues: IssueTable
        let newIssueHref: String?
        let recordsThisYear: String
        let openIssues: String
    }

    struct Liaison: Encodable, Sendable {
        let name: String
        let tier: String
        let term: String
        let phase: String
        let editHref: String?
    }

    struct Record: Encodable, Sendable {
        let heldOn: String
        let place: String
        let participants: [String]
        let total: Int
        let topics: [String]
    }

    struct Input: Sendable {
        let district: District
        let centerName: Bilingual?
        let liaisons: [DistrictLiaison]
        let staff: [StaffNumber: StaffMember]
        let records: [DistrictDialogueRecord]
        let issues: [LocalIssue]
        let names: IssueNames
        let today: LocalDate
        let manages: Bool
        let mayRecord: Bool
    }

    static func build(_ input: Input, localizer: Localizer) -> Content {
        let id = RouteParameter.value(input.district.key)
        let liaisons = input.liaisons.sorted { ($0.startsOn, $0.staffNumber) > ($1.startsOn, $1.staffNumber) }.map { liaison in
            Liaison(
                name: input.staff[liaison.staffNumber]?.name ?? liaison.staffNumber.rawValue, tier: DistrictText.tier(liaison.tier, localizer),
                term: DistrictText.term(liaison.term, localizer), phase: DistrictText.phase(liaison.term.phase(on: input.today), localizer),
                editHref: input.manages ? liaison.id.map { DistrictRoute.liaison(.id($0)).path } : nil)
        }
        let records = input.records.sorted { $0.heldOn > $1.heldOn }.map { record in
            let counts = record.participants.counts
            return Record(heldOn: localizer.date(record.heldOn), place: record.place, participants: DistrictText.participants(counts, localizer),
                          total: counts.total, topics: record.topicList)
        }
        let thisYear = input.records.filter { $0.heldOn.fiscalYear.startYear == input.today.fiscalYear.startYear }.count
        let issues = input.issues.sorted { ($0.receivedOn, $0.title) > ($1.receivedOn, $1.title) }
        return Content(
            center: input.centerName.map(localizer.text) ?? input.district.centerSectionCode.rawValue,
            liaisons: liaisons,
            assignHref: input.manages ? DistrictRoute.newLiaison(id).path : nil,
            records: records,
            newRecordHref: input.mayRecord ? DistrictRoute.newRecord(id).path : nil,
            issues: input.names.table(issues, caption: localizer.t("dialogue.issue.listTitle"), emptyNote: localizer.t("dialogue.issue.none"),
                                      today: input.today, localizer: localizer),
            newIssueHref: input.mayRecord ? DistrictRoute.newIssue(id).path : nil,
            recordsThisYear: localizer.t("dialogue.district.recordsCount", localizer.fiscalYear(input.today.fiscalYear.startYear), String(thisYear)),
            openIssues: localizer.t("dialogue.district.openCount", String(input.issues.filter { $0.status.isOpen }.count),
                                    String(input.issues.filter { $0.isOverdue(today: input.today) }.count)))
    }
}
