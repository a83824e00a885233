import Fluent
import Foundation
import JibungotoDomain

/// The demo city's staff surveys: the paper's two earlier cycles (FY R3 76.3 %, FY R4 67.5 %),
/// closed, and this year's, open and about half answered so far. FY R4 reports by section, so
/// each manager of a large enough 課 sees their section's results. Deterministic.
enum DemoSurveys {
    static let questionIDs: [String] = Array(SurveyQuestionBank.all.filter { $0.kind == .likert5 }.prefix(10).map(\.id))
        + Array(SurveyQuestionBank.all.filter { $0.kind == .scale0to10 }.prefix(1).map(\.id))
        + Array(SurveyQuestionBank.all.filter { $0.kind == .freeText }.prefix(1).map(\.id))

    static func load(on database: any Database, today: LocalDate) async throws {
        guard try await Survey.query(on: database).count() == 0 else { return }
        let year = today.fiscalYear.startYear
        let tree = try await OrganizationTree.load(fiscalYear: year, on: database)
        // Every employment type but the fiscal-year appointees (会計年度任用職員), who have a survey of their own.
        let group = TargetGroup(employmentTypes: EmploymentType.allCases.filter { $0 != .fiscalYearAppointed })
        let staff = try await tree.targets(of: group, on: database).sorted { $0.staffNumber < $1.staffNumber }
        guard !staff.isEmpty else { return }
        let questions = questionIDs.compactMap(SurveyQuestionBank.question(id:)).enumerated().map { index, question in
            var question = question
            question.page = index < 6 ? 0 : 1
            return question
        }
        let byBand: [ReportingAttribute] = [.department, .ageBand, .serviceBand], bySection: [ReportingAttribute] = [.department, .section]
        let cycles: [(fiscalYear: Int, era: String, rate: Double, opens: LocalDate, closes: LocalDate, isOpen: Bool, attributes: [ReportingAttribute])] = [
            (2021, "令和3年度", 0.763, LocalDate(iso: "2021-11-01")!, LocalDate(iso: "2021-11-30")!, false, byBand),
            (2022, "令和4年度", 0.675, LocalDate(iso: "2022-11-01")!, LocalDate(iso: "2022-11-30")!, false, bySection),
            (year, "令和\(year - 2018)年度", 0.55, today.adding(days: -20), today.adding(days: 20), true, byBand),
        ]
        try await database.writeTransaction { database in
            for cycle in cycles {
                let survey = Survey()
                survey.id = UUID()
                survey.series = "staff-survey"
                survey.fiscalYear = cycle.fiscalYear
                survey.titleJa = "\(cycle.era) 職員アンケート"
                survey.titleEn = "FY\(cycle.fiscalYear) staff survey"
                survey.descriptionText = "働きがい、人材育成基本方針の認知、職場の魅力、対話の機会についてお聞きします。回答は匿名で集計され、5人未満の集団の結果は表示されません。"
                survey.opensOn = cycle.opens
                survey.closesOn = cycle.closes
                survey.isAnonymous = true
                survey.targetDepartments = ""
                survey.targetEmploymentTypes = group.employmentTypes.map(\.rawValue).joined(separator: ",")
                survey.reportingAttributes = cycle.attributes.map(\.rawValue).sorted().joined(separator: ",")
                survey.k = 5
                survey.freeTextK = 10
                survey.targetRate = 0.8
                survey.questions = questions
                survey.status = cycle.isOpen ? .open : .closed
                survey.organizationFiscalYear = year
                survey.createdBy = "D0005"
                try await survey.create(on: database)
                let surveyID = try survey.requireID()
                try await SurveyOpening(surveyID: surveyID, targetsFixedOn: cycle.opens).create(on: database)
                var targets: [SurveyTarget] = [], completions: [SurveyCompletion] = []
                var responses: [SurveyResponseRecord] = [], answers: [SurveyAnswerRecord] = []
                let days = max(1, cycle.opens.days(until: min(cycle.closes, today)))
                // Exactly the cycle's rate overall (the paper's 76.3 % and 67.5 %), spread unevenly
                // across departments so that their rates differ as in a real city.
                let respondentCount = Int((cycle.rate * Double(staff.count)).rounded())
                let respondents = Set(staff.sorted { lhs, rhs in
                    func rank(_ member: StaffMember) -> Int {
                        let department = member.currentSectionCode.flatMap { tree.department(of: $0)?.code } ?? ""
                        return DemoHash.value(member.staffNumber, cycle.fiscalYear, "answered") % 1000 + DemoHash.value(department, cycle.fiscalYear) % 300
                    }
                    return (rank(lhs), lhs.staffNumber) < (rank(rhs), rhs.staffNumber)
                }.filter { $0.staffNumber != "D0001" || !cycle.isOpen }.prefix(respondentCount).map(\.staffNumber))
                for member in staff {
                    let section = member.currentSectionCode ?? ""
                    let department = tree.department(of: section)?.code ?? ""
                    let target = SurveyTarget()
                    target.surveyID = surveyID
                    target.staffNumber = member.staffNumber
                    target.sectionCode = section
                    target.departmentCode = department
                    target.divisionCode = TargetPlacement.section(on: SurveyReleases.placement(unit: section, department: department, in: tree)) ?? ""
                    targets.append(target)
                    guard respondents.contains(member.staffNumber) else { continue }
                    let completion = SurveyCompletion()
                    completion.id = UUID()
                    completion.surveyID = surveyID
                    completion.staffNumber = member.staffNumber
                    completions.append(completion)
                    // Most answers arrive in the first days.
                    let spread = DemoHash.value(member.staffNumber, cycle.fiscalYear, "day") % 100
                    let attributes = RespondentAttributes.snapshot(birthDate: member.birthDate, hireDate: member.hireDate, employmentType: member.employmentType,
                                                                   departmentCode: department.rawValue, sectionCode: target.divisionCode,
                                                                   on: cycle.opens, recording: Survey.sheetAttributes(survey.attributes))
                    let response = SurveyResponseRecord()
                    response.id = UUID()
                    response.surveyID = surveyID
                    response.day = cycle.opens.adding(days: min(days - 1, spread * spread * days / 10_000)).iso
                    response.departmentCode = attributes.departmentCode
                    response.ageBand = attributes.ageBand?.rawValue
                    response.serviceBand = attributes.serviceBand?.rawValue
                    response.sectionCode = attributes.sectionCode
                    responses.append(response)
                    for question in questions {
                        let roll = DemoHash.value(member.staffNumber, cycle.fiscalYear, question.id)
                        let text: String?
                        switch question.kind {
                        case .likert5:
                            // Later cycles and some departments answer a little more favourably.
                            let lift = (cycle.fiscalYear - 2021) / 2 + DemoHash.value(department, question.id) % 2
                            text = String(min(5, max(1, 1 + roll % 5 + (roll % 3 == 0 ? lift : 0))))
                        case .scale0to10:
                            text = String(roll % 11)
                        case .freeText:
                            text = roll % 4 == 0 ? DemoText.surveyComments[roll % DemoText.surveyComments.count] : nil
                        default:
                            text = nil
                        }
                        guard let text else { continue }
                        let answer = SurveyAnswerRecord()
                        answer.id = UUID()
                        answer.responseID = response.id!
                        answer.questionID = question.id
                        answer.value = text
                        answers.append(answer)
                    }
                }
                try await ChunkedInsert.create(targets, on: database)
                try await SurveyReleases.prepareCounters(
                    for: survey, departmentsAndSections: SurveyReleases.departmentsAndSections(of: targets, recording: Survey.sheetAttributes(survey.attributes)),
                    on: database)
                // Answers per day go to the day counters; the sheets themselves carry no date.
                for (day, count) in Dictionary(grouping: responses.map(\.day), by: { $0 }).mapValues(\.count) {
                    try await SurveyDailyCount.query(on: database).filter(\.$surveyID == surveyID).filter(\.$day == day).set(\.$count, to: SurveyCounter.zero + count).update()
                }
                for response in responses { response.day = "" }
                var generator = SeededGenerator(seed: UInt64(cycle.fiscalYear))
                try await ChunkedInsert.create(completions.shuffled(using: &generator), on: database)
                // Shuffled so that not even the demo data keeps responses in the order of completions.
                try await ChunkedInsert.create(responses.shuffled(using: &generator), on: database)
                try await ChunkedInsert.create(answers.shuffled(using: &generator), on: database)
                try await SurveyAnswerTotals.insert(for: responses, answers: answers,
                                                    countedQuestions: Set(questions.filter { $0.kind != .freeText }.map(\.id)),
                                                    multipleChoice: survey.multipleChoiceQuestions, on: database)
            }
        }
        // The earlier cycles are closed: their results are released (computed once and frozen).
        for survey in try await Survey.query(on: database).filter(\.$status == .closed).all() {
            try await SurveyReleases.close(survey, today: today, on: database)
        }
    }
}

extension DemoText {
    static let surveyComments = [
        "他の課の仕事を知る機会がもっとあるとよいと思います。",
        "若手職員同士で話し合える場がほしいです。",
        "人材育成基本方針の内容を、具体的な取組と一緒に知りたいです。",
        "地区市民センターでの経験がとても役に立っています。",
        "業務量が多く、研修に参加する余裕がありません。",
        "上司と将来のキャリアについて話す機会がほしいです。",
    ]
}
