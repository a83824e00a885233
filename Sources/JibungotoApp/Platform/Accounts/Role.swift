import Foundation
import Vapor
import JibungotoDomain

/// A role from PRODUCT.md. Roles combine on one account; each grants permissions with a scope.
public enum Role: String, DeclarationOrdered, Codable, Sendable {
    case staff
    case sectionManager
    case departmentHead
    case hr
    case promotionTeam
    case districtLiaison
    case administrator

    var messageKey: String { "role.\(rawValue)" }
}

/// How far a permission reaches: a person's own records, their section, their department, or all.
public enum Scope: Int, Codable, Sendable, Comparable, CaseIterable {
    case own, section, department, all

    public static func < (lhs: Scope, rhs: Scope) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Something a route can require. Modules add cases as they arrive; `RolePolicy` is the one
/// table that says which role gets which permission with which scope.
public enum Permission: String, CaseIterable, Codable, Sendable {
    case useApplication
    case manageAccounts
    case readAuditLog
    /// The organization tree and section pages (not personal data).
    case viewOrganization
    /// Staff pages and lists: own page, own section, own department or all.
    case viewStaff
    /// Editing fiscal-year organizations, importing and exporting the staff master.
    case manageOrganization
    /// Reading section profiles (部署紹介).
    case viewSectionProfiles
    /// Writing a section's profile: a manager their own section, HR every section.
    case editSectionProfiles
    /// Filling in one's own self-report.
    case submitSelfReport
    /// Who has submitted the self-report (names, never circumstances): section, department or all.
    case viewSelfReportCompletion
    /// Opening self-report rounds, reading every report including circumstances, exporting.
    case manageSelfReports
    /// Answering the surveys one is asked.
    case answerSurveys
    /// Building, opening and closing surveys.
    case manageSurveys
    /// Survey results (aggregates under the disclosure rules only) and their export.
    case viewSurveyResults
    /// Response rates: a manager their section (or department when the section is small), HR all.
    case viewSurveyRates
    /// Who retires or leaves a managerial post by the age limit (定年引上げ).
    case viewRetirement
    /// Recording the age-60 information given and the staff member's choice.
    case manageRetirement
    /// Transfer scenarios, the rotation rules and the collaboration-post compliance view.
    case planRotation
    /// Seeing the open teams, side jobs and support duty, applying, answering a nomination,
    /// signing up for shifts and logging one's side-job hours.
    case takePartInOpportunities
    /// Nominating staff for a project team (推薦): managers and HR.
    case nominateForOpportunities
    /// Posting a project team or a side job for one's section (HR for any section), selecting members.
    case organizeOpportunities
    /// Consenting to (or refusing) a subordinate's selection for a team or a side job, approving shift swaps.
    case consentToOpportunities
    /// The Opportunities settings, support duty events and their allocation, refusals by section.
    case manageOpportunities
    /// The fairness figures of the participation ledger and their export.
    case viewParticipationFigures

    // Dialogue (対話): sessions, series, findings, interviews, self-study groups.
    /// Seeing sessions and registering, the attendance code, findings, interviews (their notes
    /// only as an interviewer), starting and joining self-study groups, one's calendar feed.
    case takePartInDialogue
    /// Holding sessions for the sections one's scope reaches (HR and the promotion team: any),
    /// starting series and interview studies.
    case organizeDialogue

    // Dialogue: the districts, their liaison staff and the local issues raised there.
    /// District pages, citizen dialogue records and local issues: a liaison the districts they
    /// serve today (own; recording there too), HR and the promotion team every district.
    case viewDistricts
    /// The local issues routed to one's section (managers) or department (department heads, to
    /// whom the overdue ones are escalated): the queue, the answer, correcting a wrong routing,
    /// the section's response templates.
    case answerLocalIssues
    /// Districts from the organization's centers, liaison staff and their terms, the categories
    /// that route local issues (HR).
    case manageDistricts

    // Proposals (職員提案).
    /// Writing one's own staff proposals (alone or with co-authors), commenting, marking 共感, and
    /// scoring the proposals one is assigned to review (the desk shows only those).
    case submitProposals
    /// Reading every reviewer's scores and private notes and every reviewer's desk (HR).
    case reviewProposals
    /// The proposal office (事務局): calls, reviewers, receipt, review, outcomes, publishing answers, requests to sections.
    case manageProposals
    /// Reporting 実施中 and 実施済 for the proposals requested to one's section (a department head: their department's).
    case reportProposalImplementation
    /// The proposal figures per fiscal year and the yearly collection (提案集).
    case viewProposalFigures
}

/// The one place where roles turn into permissions.
public enum RolePolicy {
    static func grants(of role: Role) -> [Permission: Scope] {
        let everyone: [Permission: Scope] = [
            .useApplication: .own, .viewOrganization: .all, .viewStaff: .own,
            .viewSectionProfiles: .all, .submitSelfReport: .own, .answerSurveys: .own,
            .takePartInOpportunities: .own, .takePartInDialogue: .own, .submitProposals: .own,
        ]
        let extra: [Permission: Scope] = switch role {
        case .staff: [:]
        case .districtLiaison: [.viewDistricts: .own]
        case .promotionTeam: [.manageSurveys: .all, .viewSurveyResults: .all, .viewSurveyRates: .all, .viewParticipationFigures: .all,
                              .organizeDialogue: .all, .viewDistricts: .all, .viewProposalFigures: .all]
        case .sectionManager: [.viewStaff: .section, .editSectionProfiles: .section, .viewSelfReportCompletion: .section, .viewSurveyRates: .section,
                               .nominateForOpportunities: .section, .organizeOpportunities: .section, .consentToOpportunities: .section,
                               .organizeDialogue: .section, .answerLocalIssues: .section, .reportProposalImplementation: .section]
        case .departmentHead: [.viewStaff: .department, .viewSelfReportCompletion: .department, .viewSurveyRates: .department,
                               .nominateForOpportunities: .department, .organizeOpportunities: .department, .consentToOpportunities: .department,
                               .organizeDialogue: .department, .answerLocalIssues: .department, .reportProposalImplementation: .department]
        case .hr: [.viewStaff: .all, .manageOrganization: .all, .editSectionProfiles: .all, .viewSelfReportCompletion: .all, .manageSelfReports: .all,
                   .manageSurveys: .all, .viewSurveyResults: .all, .viewSurveyRates: .all, .viewRetirement: .all,
                   .manageRetirement: .all, .planRotation: .all, .nominateForOpportunities: .all, .organizeOpportunities: .all,
                   .manageOpportunities: .all, .viewParticipationFigures: .all, .organizeDialogue: .all, .viewDistricts: .all, .manageDistricts: .all,
                   .reviewProposals: .all, .manageProposals: .all, .reportProposalImplementation: .all, .viewProposalFigures: .all]
        case .administrator: [.manageAccounts: .all, .readAuditLog: .all]
        }
        return everyone.merging(extra) { $1 }
    }

    /// The widest scope any of the roles grants for the permission, or nil when none does.
    public static func scope(of permission: Permission, for roles: Set<Role>) -> Scope? {
        roles.compactMap { grants(of: $0)[permission] }.max()
    }
}

/// What a route needs: nothing (public pages), a signed-in user, or a permission.
public enum Access: Sendable {
    case visitor
    case permission(Permission)

    static let userInfoKey = "jibungoto.access"

    /// Whether the route of `request` admits its signed-in user (or visitor), as
    /// `AccessMiddleware` will decide.
    static func admits(_ request: Request) -> Bool {
        switch request.route?.userInfo[userInfoKey] as? Access {
        case .visitor: true
        case .permission(let permission): request.currentUser?.scope(of: permission) != nil
        case nil: false
        }
    }
}
