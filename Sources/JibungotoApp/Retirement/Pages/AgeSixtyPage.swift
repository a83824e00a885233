import JibungotoDomain

/// The record of the age-60 information and the staff member's choice, beside the dates it is about.
enum AgeSixtyPage {
    struct Content: Encodable, Sendable {
        let name: String
        let staffNumber: StaffNumber
        let staffHref: String
        let birthDate: String
        let reachesSixty: String
        let retirementDate: String
        let form: FormModel
    }

    static func build(member: StaffMember, form: FormModel, localizer: Localizer) -> Content {
        let birth = member.record.birthDate
        return Content(
            name: member.name, staffNumber: member.staffNumber, staffHref: OrganizationRoute.staff(.staff(member.staffNumber)).path,
            birthDate: localizer.date(birth),
            reachesSixty: localizer.date(birth.dayReachingAge(60)),
            retirementDate: localizer.date(RetirementRules.localPublicService2023.retirementDate(birth: birth)),
            form: form)
    }
}
