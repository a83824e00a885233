import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("The self-report's situation answers and who reads them")
struct SelfReportConditionsTests {
    @Test("family circumstances are stored in a fixed order and read back without unknown values")
    func familyStorage() {
        #expect(FamilyCircumstance.stored([.nursingCare, .childcare]) == "childcare,nursingCare")
        #expect(FamilyCircumstance.stored([]) == "")
        #expect(FamilyCircumstance.parse("nursingCare,pets,childcare") == [.childcare, .nursingCare])
        #expect(FamilyCircumstance.parse("") == [])
    }

    @Test("health and family are for the person and HR; the manager's comment for HR and managers, the person only by setting")
    func readers() {
        let me = SelfReportReader(isSelf: true, isHR: false, isManager: false)
        let hr = SelfReportReader(isSelf: false, isHR: true, isManager: false)
        let manager = SelfReportReader(isSelf: false, isHR: false, isManager: true)
        let colleague = SelfReportReader(isSelf: false, isHR: false, isManager: false)
        #expect(me.readsSensitive && hr.readsSensitive)
        #expect(!manager.readsSensitive)
        #expect(!colleague.mayRead)
        #expect(me.mayRead && hr.mayRead && manager.mayRead)
        #expect(!me.readsManagerComment(shownToStaff: false))
        #expect(me.readsManagerComment(shownToStaff: true))
        #expect(hr.readsManagerComment(shownToStaff: false) && manager.readsManagerComment(shownToStaff: false))
    }
}
