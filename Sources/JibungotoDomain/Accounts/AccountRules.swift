import Foundation

/// Whether the staff master says someone has left: the master keeps a leaver's row and closes
/// their 異動履歴, so a person has left when they have a history and every line of it ended
/// before today. Someone without any history yet (just imported) has not left, and a line that
/// starts later (再任用 after retirement) keeps them on.
public enum StaffDeparture {
    public static func hasLeft(_ assignments: [AssignmentRecord], on today: LocalDate) -> Bool {
        !assignments.isEmpty && assignments.allSatisfy { assignment in
            assignment.end.map { $0 < today } ?? false
        }
    }
}

/// Initial passwords handed out on paper: random, and made only of characters nobody misreads
/// when typing them from a printout (no 0/O/o, 1/l/I, 2/Z, 5/S, 8/B, u/v), in groups of four.
public enum InitialPassword {
    public static let alphabet = Array("abcdefghjkmnpqrstwxyzACDEFGHJKLMNPQRTWXY34679")
    public static let groups = 3
    public static let groupLength = 4

    public static func make(using generator: inout some RandomNumberGenerator) -> String {
        (0..<groups).map { _ in
            String((0..<groupLength).map { _ in alphabet.randomElement(using: &generator)! })
        }.joined(separator: "-")
    }
}

/// A list of staff numbers pasted or uploaded for bulk account creation: one per line or
/// separated by commas, tabs or spaces (a one-column CSV, with or without its header line),
/// each made canonical by `normalise` (the application's 職員番号 rule); duplicates dropped, order kept.
public enum StaffNumberList {
    /// Header cells a one-column CSV export may start with.
    public static let headerNames: Set<String> = ["職員番号", "staff_number", "staffnumber"]

    public static func parse(_ text: String, normalise: (String) -> String) -> [String] {
        let separators = CharacterSet(charactersIn: ",\t;、，").union(.whitespacesAndNewlines)
        var seen = Set<String>()
        var numbers: [String] = []
        let cleaned = text.replacingOccurrences(of: "\u{FEFF}", with: "").replacingOccurrences(of: "\"", with: "")
        for token in cleaned.components(separatedBy: separators) where !token.isEmpty {
            guard !headerNames.contains(token.lowercased()) else { continue }
            let number = normalise(token)
            guard !number.isEmpty, seen.insert(number).inserted else { continue }
            numbers.append(number)
        }
        return numbers
    }
}
