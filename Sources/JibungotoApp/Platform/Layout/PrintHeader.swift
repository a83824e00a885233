import JibungotoDomain

/// The head of every printed document (the transfer list, 内示書, 辞令, the printed staff list):
/// the municipality, the day it was made and, where it shows personal data, the 取扱注意 mark.
/// Pages that print render with the `print-layout` template (no navigation) and
/// `#extend("partials/print-header", content.header)`.
struct PrintHeader: Encodable, Sendable {
    let municipality: String
    let madeOn: String
    let handlingMark: String?

    init(municipality: String, today: LocalDate, showsPersonalData: Bool, localizer: Localizer) {
        self.municipality = municipality
        self.madeOn = localizer.t("print.madeOn", localizer.date(today))
        self.handlingMark = showsPersonalData ? localizer.t("print.handleWithCare") : nil
    }
}
