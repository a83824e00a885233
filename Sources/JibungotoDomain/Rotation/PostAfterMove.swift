/// The post (職名) a mover holds after the transfer.
public enum PostAfterMove {
    /// The non-managerial title of someone who leaves a managerial post (役職定年 and the like).
    public static let formerManagerTitle = "専門員"

    /// Their own post, except that someone in a managerial post who is placed in an ordinary
    /// member seat (tier 0) leaves the post and becomes 専門員. A post seat (tier > 0) keeps
    /// the post, and a non-managerial post (係長, 主任 …) is kept in any seat.
    public static func post(currentPost: String, to pool: SeatPool, rules: RotationRules) -> String {
        pool.tier == 0 && rules.posts.isManagerial(currentPost) ? formerManagerTitle : currentPost
    }
}
