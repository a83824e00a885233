import Foundation
import JibungotoDomain

/// HR's settings for Opportunities, with the side-job cap the numbers add up to.
enum OpportunitySettingsPage {
    struct Content: Encodable, Sendable {
        let intro: String
        let sideJobCap: String
        let form: FormModel
    }

    static func build(form: FormModel, settings: OpportunitySettings, localizer: Localizer) -> Content {
        Content(
            intro: localizer.t("opportunities.settingsIntro"),
            sideJobCap: localizer.t("opportunities.sideJobCapNow", HoursText.format(settings.sideJobMonthlyCapHours),
                                    String(settings.sideJobSharePercent), String(settings.regularMonthlyHours), String(settings.sideJobMonthlyMaximumHours)),
            form: form)
    }
}
