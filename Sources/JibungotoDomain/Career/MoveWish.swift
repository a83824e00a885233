/// A staff member's answer in the self-report about moving: the form offers it, the rotation
/// planner reads `move` as a wish to be moved, the demo writes it. Stored as its raw value.
public enum MoveWish: String, CaseIterable, Sendable {
    case move, stay, either
}
