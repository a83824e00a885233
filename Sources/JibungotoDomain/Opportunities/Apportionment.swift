import Foundation

/// Seats shared out across units in proportion to their headcount by the Sainte-Laguë (Webster)
/// divisor method: find a divisor such that every unit's headcount divided by it, rounded to the
/// nearest whole number, gives its seats, and the seats add up to the total.
///
/// Computed as the equivalent highest-averages sequence: seat after seat goes to the unit with
/// the highest headcount ÷ (seats so far + ½). The seats for a total of n + 1 are therefore the
/// seats for n plus one more, so no unit ever loses a seat when the total grows — the Alabama
/// paradox of the largest-remainder (Hamilton) method cannot happen. Webster is also the divisor
/// method with no lean towards large or small units.
public enum Apportionment {
    /// A unit and the headcount its seats are proportional to.
    public struct Claim: Sendable, Equatable {
        public let unit: SectionCode
        public let headcount: Int

        public init(unit: SectionCode, headcount: Int) {
            self.unit = unit
            self.headcount = headcount
        }
    }

    /// One unit's line of the arithmetic.
    public struct Share: Sendable, Equatable, Codable {
        public let unit: SectionCode
        public let headcount: Int
        /// Headcount ÷ divisor; rounded to the nearest whole number it is `seats`. Nil when no
        /// divisor exists (no seats to give, or nobody to give them to).
        public let quotient: Double?
        public let seats: Int
    }

    public struct Result: Sendable, Equatable, Codable {
        /// The seats given out (all of the total, unless no unit has anyone).
        public let seats: Int
        /// Every claim's line, in the order the claims were given.
        public let shares: [Share]
        /// A divisor that reproduces the seats by rounding: a short decimal strictly between the
        /// bounds where the result would change, or the bound itself when units tied for the last seat.
        public let divisor: Double?
        /// The unit that received each seat, in the order the seats were given.
        public let awardOrder: [SectionCode]
        /// The units that tied for the last seat (equal headcount ÷ (seats + ½)), the one that got it
        /// first; empty when there was no tie. Their quotients are exactly halves.
        public let tied: [SectionCode]

        public func seats(of unit: SectionCode) -> Int {
            shares.first { $0.unit == unit }?.seats ?? 0
        }
    }

    /// Shares `total` seats across the claims. A tie for a seat goes to the unit with the larger
    /// headcount, then to the smaller unit code, so the same input always gives the same seats.
    public static func webster(seats total: Int, claims: [Claim]) -> Result {
        var seats = Array(repeating: 0, count: claims.count)
        let candidates = claims.indices.filter { claims[$0].headcount > 0 }
        // Whether unit a has the stronger claim to the next seat than unit b: headcount ÷ (2·seats + 1),
        // compared in whole numbers so that ties are exact.
        func stronger(_ a: Int, _ b: Int) -> Bool {
            let left = claims[a].headcount * (2 * seats[b] + 1), right = claims[b].headcount * (2 * seats[a] + 1)
            if left != right { return left > right }
            if claims[a].headcount != claims[b].headcount { return claims[a].headcount > claims[b].headcount }
            return claims[a].unit < claims[b].unit
        }
        var order: [SectionCode] = []
        var lastWinner: Int?
        if let first = candidates.first {
            for _ in 0..<max(total, 0) {
                var winner = first
                for index in candidates.dropFirst() where stronger(index, winner) { winner = index }
                seats[winner] += 1
                order.append(claims[winner].unit)
                lastWinner = winner
            }
        }

        var tied: [SectionCode] = []
        if let winner = lastWinner {
            // The winner's claim when it took the last seat, against everyone else's claim now.
            let winning = (headcount: claims[winner].headcount, denominator: 2 * seats[winner] - 1)
            let equal = candidates.filter { index in
                index != winner && claims[index].headcount * winning.denominator == winning.headcount * (2 * seats[index] + 1)
            }
            if !equal.isEmpty {
                tied = [claims[winner].unit] + equal.sorted(by: stronger).map { claims[$0].unit }
            }
        }

        let divisor = lastWinner == nil ? nil : Self.divisor(claims: claims, seats: seats, candidates: candidates)
        let shares = claims.indices.map { index in
            Share(unit: claims[index].unit, headcount: claims[index].headcount,
                  quotient: divisor.map { Double(claims[index].headcount) / $0 }, seats: seats[index])
        }
        return Result(seats: order.count, shares: shares, divisor: divisor, awardOrder: order, tied: tied)
    }

    /// Any divisor d with headcount ÷ (seats + ½) ≤ d ≤ headcount ÷ (seats − ½) for every unit
    /// reproduces the seats; the bounds are compared as fractions, so equal bounds (a tie) are exact.
    private static func divisor(claims: [Claim], seats: [Int], candidates: [Int]) -> Double? {
        var lower = (numerator: 0, denominator: 1)
        for index in candidates {
            let bound = (numerator: 2 * claims[index].headcount, denominator: 2 * seats[index] + 1)
            if bound.numerator * lower.denominator > lower.numerator * bound.denominator { lower = bound }
        }
        var upper: (numerator: Int, denominator: Int)?
        for index in claims.indices where seats[index] > 0 {
            let bound = (numerator: 2 * claims[index].headcount, denominator: 2 * seats[index] - 1)
            if let current = upper, bound.numerator * current.denominator >= current.numerator * bound.denominator { continue }
            upper = bound
        }
        guard let upper else { return nil }
        let top = Double(upper.numerator) / Double(upper.denominator)
        if lower.numerator * upper.denominator == upper.numerator * lower.denominator { return top }
        let bottom = Double(lower.numerator) / Double(lower.denominator)
        return roundDivisor(above: bottom, below: top, lines: candidates.map { (headcount: claims[$0].headcount, seats: seats[$0]) })
    }

    /// The shortest decimal near the middle of the open interval whose quotients each round
    /// clearly to their seats, so the page's two-decimal arithmetic can be checked by hand.
    private static func roundDivisor(above lower: Double, below upper: Double, lines: [(headcount: Int, seats: Int)]) -> Double {
        let middle = (lower + upper) / 2
        var step = 1.0
        for _ in 0..<8 {
            let candidate = (middle / step).rounded() * step
            if candidate > lower, candidate < upper,
               lines.allSatisfy({ roundsClearly(Double($0.headcount) / candidate, to: $0.seats) }) {
                return candidate
            }
            step /= 10
        }
        return middle
    }

    /// The quotient rounds to `seats` and lies more than 0.005 from a half, so shown with two
    /// decimals it still rounds the same way.
    static func roundsClearly(_ quotient: Double, to seats: Int) -> Bool {
        abs(quotient - quotient.rounded(.down) - 0.5) > 0.005 && Int(quotient.rounded()) == seats
    }
}
