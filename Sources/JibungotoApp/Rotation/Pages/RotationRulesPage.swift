/// The rotation rules form: the municipality's settings or one scenario's own rules.
enum RotationRulesPage {
    struct Content: Encodable, Sendable {
        let intro: String
        let form: FormModel?
    }

    /// - Parameter form: nil for an approved scenario, whose rules are read only.
    static func build(introKey: String, form: FormModel?, localizer: Localizer) -> Content {
        Content(intro: localizer.t(introKey), form: form)
    }
}
