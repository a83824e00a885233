/// The age-60 information (情報提供) HR records after giving it.
public enum AgeSixtyInformation {
    /// It is recorded once given: a date after today is a typing error.
    public static func mayRecord(informedOn: LocalDate, today: LocalDate) -> Bool {
        informedOn <= today
    }
}
