import Testing

@testable import JibungotoDomain

@Suite("The post after a move")
struct PostAfterMoveTests {
    let rules = RotationRules()
    let memberSeat = SeatPool(sectionCode: "1010", tier: 0)
    let divisionHeadSeat = SeatPool(sectionCode: "100", tier: 5)

    @Test("a 課長 placed in a member seat leaves the post and becomes 専門員")
    func managerToMemberSeat() {
        #expect(PostAfterMove.post(currentPost: "課長", to: memberSeat, rules: rules) == "専門員")
        #expect(PostAfterMove.post(currentPost: "部長", to: memberSeat, rules: rules) == "専門員")
        #expect(PostAfterMove.post(currentPost: "所長", to: memberSeat, rules: rules) == "専門員")
    }

    @Test("a 課長 placed in a post seat keeps the post")
    func managerToPostSeat() {
        #expect(PostAfterMove.post(currentPost: "課長", to: divisionHeadSeat, rules: rules) == "課長")
        #expect(PostAfterMove.post(currentPost: "部長", to: SeatPool(sectionCode: "10", tier: 7), rules: rules) == "部長")
    }

    @Test("a supervisory post that is not managerial (係長, 課長補佐) is kept in a member seat")
    func supervisoryButNotManagerial() {
        #expect(PostAfterMove.post(currentPost: "係長", to: memberSeat, rules: rules) == "係長")
        #expect(PostAfterMove.post(currentPost: "課長補佐", to: memberSeat, rules: rules) == "課長補佐")
    }

    @Test("ordinary posts and an empty post are kept")
    func ordinaryPosts() {
        #expect(PostAfterMove.post(currentPost: "主事", to: memberSeat, rules: rules) == "主事")
        #expect(PostAfterMove.post(currentPost: "", to: memberSeat, rules: rules) == "")
    }

    @Test("the municipality's own list of managerial posts decides")
    func customManagerialPosts() {
        var custom = rules
        custom.posts = PostTiers(tiers: ["課長": 5, "係長": 3], managerialPosts: ["係長"])
        #expect(PostAfterMove.post(currentPost: "係長", to: memberSeat, rules: custom) == "専門員")
        #expect(PostAfterMove.post(currentPost: "課長", to: memberSeat, rules: custom) == "課長")
    }
}
