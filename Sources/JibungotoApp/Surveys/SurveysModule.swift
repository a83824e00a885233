import Fluent
import Vapor

/// Anonymous staff surveys: builder, answering, response rates and results under the disclosure rules.
enum SurveysModule: AppModule {
    static func register(on routes: any RoutesBuilder, app: Application) {
        SurveyBuilderRoutes().register(on: routes)
        SurveyAnswerRoutes().register(on: routes)
        SurveyReportRoutes().register(on: routes)
        app.navigation.add(NavigationEntry(labelKey: "nav.surveys", href: SurveysRoute.list.path, permission: .answerSurveys))
        app.homeNotices.add(SurveyAccess.reminders)
    }
}
