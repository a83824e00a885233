import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Apportionment by the Sainte-Laguë (Webster) divisor method")
struct ApportionmentTests {
    func claims(_ headcounts: [(SectionCode, Int)]) -> [Apportionment.Claim] {
        headcounts.map { Apportionment.Claim(unit: $0.0, headcount: $0.1) }
    }

    /// The largest-remainder (Hamilton) method, here only to show what the divisor method avoids:
    /// whole quotas first, then the leftover seats to the largest remainders (exact, in whole numbers).
    func largestRemainder(seats: Int, headcounts: [Int]) -> [Int] {
        let total = headcounts.reduce(0, +)
        var result = headcounts.map { $0 * seats / total }
        let byRemainder = headcounts.indices.sorted { a, b in
            let left = headcounts[a] * seats % total, right = headcounts[b] * seats % total
            return left != right ? left > right : a < b
        }
        for index in byRemainder.prefix(seats - result.reduce(0, +)) { result[index] += 1 }
        return result
    }

    @Test("ten seats over five sections match the hand computation, with the divisor and each quotient shown")
    func handComputedQuotas() throws {
        // Headcount ÷ (seats so far + ½), highest first:
        //   A 41: 82, 27.3, 16.4, 11.7, 9.1 …   B 23: 46, 15.3, 9.2, 6.6 …   C 17: 34, 11.3, 6.8 …
        //   D 9: 18, 6 …   E 4: 8, 2.7 …
        // Seats 1–10 go to A 82, B 46, C 34, A 27.3, D 18, A 16.4, B 15.3, A 11.7, C 11.3, B 9.2:
        // A 4, B 3, C 2, D 1, E 0. Any divisor above 9.11 (A's next, 41 ÷ 4.5) and below 9.2 (B's last,
        // 23 ÷ 2.5) gives these by rounding; the shortest in the middle is 9.16:
        // 41 ÷ 9.16 = 4.48 → 4, 23 ÷ 9.16 = 2.51 → 3, 17 ÷ 9.16 = 1.86 → 2, 9 ÷ 9.16 = 0.98 → 1, 4 ÷ 9.16 = 0.44 → 0.
        let result = Apportionment.webster(seats: 10, claims: claims([("A", 41), ("B", 23), ("C", 17), ("D", 9), ("E", 4)]))
        #expect(result.shares.map(\.seats) == [4, 3, 2, 1, 0])
        #expect(result.seats == 10)
        #expect(result.awardOrder == ["A", "B", "C", "A", "D", "A", "B", "A", "C", "B"])
        let divisor = try #require(result.divisor)
        #expect(abs(divisor - 9.16) < 1e-9)
        let quotients = result.shares.map { ($0.quotient! * 100).rounded() / 100 }
        #expect(quotients == [4.48, 2.51, 1.86, 0.98, 0.44])
        for share in result.shares {
            #expect(Int(share.quotient!.rounded()) == share.seats, "\(share.unit): the quotient rounds to the seats")
        }
        #expect(result.tied.isEmpty)
    }

    @Test("when the seats grow from 6 to 7, largest remainder takes C's seat away; the divisor method never does")
    func noAlabamaParadox() throws {
        // Headcounts 12, 9, 2 (23 in all).
        // Largest remainder, 6 seats: 72/23 = 3.13, 54/23 = 2.35, 12/23 = 0.52 → 3, 2, 0 and the one
        // left over to the largest remainder (C, .52): 3, 2, 1.
        // 7 seats: 84/23 = 3.65, 63/23 = 2.74, 14/23 = 0.61 → 3, 2, 0 and two left over to B (.74)
        // and A (.65): 4, 3, 0 — C loses its seat although there is one more to give.
        #expect(largestRemainder(seats: 6, headcounts: [12, 9, 2]) == [3, 2, 1])
        #expect(largestRemainder(seats: 7, headcounts: [12, 9, 2]) == [4, 3, 0])

        // Webster, 6 seats: A 24, B 18, A 8, B 6, A 4.8, C 4 → 3, 2, 1 (divisor 3.8: 3.16, 2.37, 0.53).
        // The 7th seat goes to the next highest, B 3.6 → 3, 3, 1 (divisor 3.5: 3.43, 2.57, 0.57).
        let six = Apportionment.webster(seats: 6, claims: claims([("A", 12), ("B", 9), ("C", 2)]))
        let seven = Apportionment.webster(seats: 7, claims: claims([("A", 12), ("B", 9), ("C", 2)]))
        #expect(six.shares.map(\.seats) == [3, 2, 1])
        #expect(seven.shares.map(\.seats) == [3, 3, 1])
        let sixDivisor = try #require(six.divisor), sevenDivisor = try #require(seven.divisor)
        #expect(abs(sixDivisor - 3.8) < 1e-9)
        #expect(abs(sevenDivisor - 3.5) < 1e-9)
        #expect(Array(seven.awardOrder.prefix(6)) == six.awardOrder)
    }

    @Test("house monotone: one more seat never takes a seat from anyone, whatever the headcounts", arguments: [
        [12, 9, 2], [7, 4, 1], [41, 23, 17, 9, 4], [5, 5, 5], [100, 1], [3, 3, 1, 1, 1],
    ])
    func houseMonotone(headcounts: [Int]) {
        let units = headcounts.indices.map { SectionCode("U\($0)") }
        let claims = self.claims(Array(zip(units, headcounts)))
        var previous = Apportionment.webster(seats: 0, claims: claims)
        for total in 1...40 {
            let next = Apportionment.webster(seats: total, claims: claims)
            #expect(next.seats == total)
            for (before, after) in zip(previous.shares, next.shares) {
                #expect(after.seats >= before.seats, "\(headcounts), \(total) seats: \(after.unit) lost a seat")
            }
            #expect(Array(next.awardOrder.prefix(total - 1)) == previous.awardOrder)
            previous = next
        }
    }

    @Test("a tie for the last seat goes to the larger section, then to the smaller code, and is reported with exact halves")
    func ties() throws {
        // 6, 4, 4 and 5 seats: A 12, B 8, C 8, A 4, then B and C both 4 ÷ 1.5 = 2.67: B by its code.
        let equalSizes = Apportionment.webster(seats: 5, claims: claims([("A", 6), ("C", 4), ("B", 4)]))
        #expect(equalSizes.shares.map(\.seats) == [2, 1, 2])
        #expect(equalSizes.tied == ["B", "C"])
        let tieDivisor = try #require(equalSizes.divisor)
        #expect(abs(tieDivisor - 8.0 / 3.0) < 1e-9)
        #expect(equalSizes.shares.map { ($0.quotient! * 100).rounded() / 100 } == [2.25, 1.5, 1.5])

        // 3 and 1 with 2 seats: X 6, then X 3 ÷ 1.5 = 2 against A 1 ÷ 0.5 = 2: the larger X, though A's code is smaller.
        let unequalSizes = Apportionment.webster(seats: 2, claims: claims([("A", 1), ("X", 3)]))
        #expect(unequalSizes.shares.map(\.seats) == [0, 2])
        #expect(unequalSizes.tied == ["X", "A"])

        let noTie = Apportionment.webster(seats: 2, claims: claims([("A", 5), ("B", 3)]))
        #expect(noTie.shares.map(\.seats) == [1, 1])
        #expect(noTie.tied.isEmpty)
    }

    @Test("no seats, or nobody to give them to, gives no divisor and no seats")
    func nothingToShare() {
        let noSeats = Apportionment.webster(seats: 0, claims: claims([("A", 5), ("B", 3)]))
        #expect(noSeats.shares.map(\.seats) == [0, 0])
        #expect(noSeats.divisor == nil)
        #expect(noSeats.shares.allSatisfy { $0.quotient == nil })
        let nobody = Apportionment.webster(seats: 3, claims: claims([("A", 0), ("B", 0)]))
        #expect(nobody.seats == 0)
        #expect(nobody.shares.map(\.seats) == [0, 0])
        #expect(nobody.divisor == nil)
        #expect(nobody.awardOrder.isEmpty)
    }
}
