extension SectionRecord {
    /// The unit's name in both languages. Units imported before an English name was given have
    /// an empty `nameEn`; English readers then see the Japanese name rather than nothing.
    public var localizedName: Bilingual {
        Bilingual(ja: nameJa, en: nameEn.isEmpty ? nameJa : nameEn)
    }
}
