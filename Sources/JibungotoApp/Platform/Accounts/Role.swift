import Foundation

/// A role from PRODUCT.md. Roles combine on one account; each grants permissions with a scope.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    case staff
    case sectionManager
    case departmentHead
    case hr
    case promotionTeam
    case districtLiaison
    case administrator

    var messageKey: String { "role.\(rawValue)" }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
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
}

/// The one place where roles turn into permissions.
public enum RolePolicy {
    static func grants(of role: Role) -> [Permission: Scope] {
        switch role {
        case .staff: [.useApplication: .own]
        case .sectionManager: [.useApplication: .own]
        case .departmentHead: [.useApplication: .own]
        case .hr: [.useApplication: .own]
        case .promotionTeam: [.useApplication: .own]
        case .districtLiaison: [.useApplication: .own]
        case .administrator: [.useApplication: .own, .manageAccounts: .all, .readAuditLog: .all]
        }
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
}
