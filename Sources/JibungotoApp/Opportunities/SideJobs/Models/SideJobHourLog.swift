import Fluent
import Foundation
import JibungotoDomain

/// The hours one member worked on one side job in one month; logging the month again replaces them.
final class SideJobHourLog: Model, @unchecked Sendable {
    static let schema = "side_job_hours"

    @ID(key: .id) var id: UUID?
    @Parent(key: "side_job_id") var sideJob: SideJob
    @Field(key: "staff_number") var staffNumber: StaffNumber
    @Field(key: "month") var month: YearMonth
    @Field(key: "hours") var hours: Double
    /// The member, or the host logging for them.
    @Field(key: "logged_by") var loggedBy: StaffNumber
    @Field(key: "logged_at") var loggedAt: Date

    init() {}
}

extension SideJobHourLog {
    /// One month's hours in one line.
    convenience init(id: UUID? = nil, sideJobID: UUID, staffNumber: StaffNumber, month: YearMonth, hours: Double, loggedBy: StaffNumber, loggedAt: Date) {
        self.init()
        self.id = id
        self.$sideJob.id = sideJobID
        self.staffNumber = staffNumber
        self.month = month
        self.hours = hours
        self.loggedBy = loggedBy
        self.loggedAt = loggedAt
    }
}
