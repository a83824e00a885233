/// SplitMix64: a small, fast, fully specified generator, so the demo city is identical on every
/// platform and Swift version for the same seed (the standard library's generator and `Hasher`
/// are neither).
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in 0 ..< 1 with 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A value in `range`, uniformly (the modulo bias is negligible for the small ranges used).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    mutating func element<T>(_ array: [T]) -> T {
        array[int(0...(array.count - 1))]
    }

    /// An index drawn with probability proportional to `weights` (non-negative, not all zero).
    mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (index, weight) in weights.enumerated() where weight > 0 {
            if target < weight { return index }
            target -= weight
        }
        return weights.lastIndex(where: { $0 > 0 }) ?? 0
    }

    /// One of `options`, with probability proportional to its weight.
    mutating func weighted<T>(_ options: [(T, Double)]) -> T {
        options[weightedIndex(options.map(\.1))].0
    }

    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for index in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(index, int(0...index))
        }
    }
}
