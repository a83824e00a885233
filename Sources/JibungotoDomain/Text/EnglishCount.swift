/// A number with its English noun, for the English half of a `Bilingual` built in the domain
/// ("1 seat", "2 seats", "1 person", "3 people"); Japanese counts take no plural. The app's
/// catalogs do the same for their messages (`MessageCatalogs.message(_:count:…)`).
public enum EnglishCount {
    /// `plural` defaults to the singular with an "s".
    public static func of(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }
}
