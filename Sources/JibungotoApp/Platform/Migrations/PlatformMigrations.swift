import Fluent

/// The platform's migrations in the order they shipped; append, never edit.
enum PlatformMigrations {
    static let all: [any Migration] = [
        SessionRecord.migration,
        CreateUsers(),
        CreateLoginAttempts(),
        CreateAuditEvents(),
        CreateHashedSessions(),
        CreateKnownDevices(),
    ]
}
