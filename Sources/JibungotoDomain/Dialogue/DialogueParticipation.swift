import Foundation

extension ParticipationKind {
    /// 対話の場 (ワークショップ、1on1、インタビュー、勉強会、市民との対話) に出席した: one entry per
    /// person and session, written when attendance is recorded (by the organizer or the attendee's code).
    public static let dialogueSession = ParticipationKind(rawValue: "dialogue_session")
}
