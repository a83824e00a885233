import JibungotoDomain

/// A seat pool for people: the section's name, with the level for a post seat (課長級 …).
enum SeatPoolLabel {
    static func text(_ pool: SeatPool, name: Bilingual, localizer: Localizer) -> String {
        text(pool, section: localizer.text(name), localizer: localizer)
    }

    static func text(_ pool: SeatPool, section: String, localizer: Localizer) -> String {
        pool.tier == 0 ? section : localizer.t("rotation.poolWithTier", section, localizer.t("rotation.tier.\(pool.tier)"))
    }
}
