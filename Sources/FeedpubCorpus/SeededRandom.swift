/// A small, fast, fully deterministic pseudo-random generator (SplitMix64).
///
/// The corpus must be byte-identical on every run and every machine, so the
/// generator never touches `SystemRandomNumberGenerator`, `Hasher`, or the
/// standard library's `random(in:using:)` algorithms (whose details may change
/// between toolchains). Every draw is defined here, in plain integer arithmetic.
public struct SeededRandom: Sendable {
    /// The generator's whole state; it advances by a fixed odd constant per draw.
    public private(set) var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Creates an independent generator for one `stream` (a purpose, such as
    /// "render page") and one `index` (such as a page number) of a corpus seed.
    ///
    /// Deriving one generator per page lets any page be produced on its own, in
    /// any order, with the same bytes.
    public init(seed: UInt64, stream: UInt64, index: UInt64) {
        var mixed = SeededRandom.finalize(seed &+ 0x9E37_79B9_7F4A_7C15)
        mixed = SeededRandom.finalize(mixed ^ (stream &* 0xD6E8_FEB8_6659_FD93))
        mixed = SeededRandom.finalize(mixed ^ (index &* 0xA076_1D64_78BD_642F))
        state = mixed
    }

    /// The SplitMix64 output function: a bijective mix of all 64 bits.
    @inline(__always)
    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Returns the next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SeededRandom.finalize(state)
    }

    /// Returns an integer in `0..<bound` (Lemire's multiply-high method, without
    /// the rejection step: the bias is below 2^-40 for every bound used here).
    /// A `bound` of zero or less returns 0.
    @inline(__always)
    public mutating func int(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let product = next().multipliedFullWidth(by: UInt64(bound))
        return Int(product.high)
    }

    /// Returns an integer in `range` (both ends included).
    @inline(__always)
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
    }

    /// Returns a double in `0..<1` with 53 random bits.
    @inline(__always)
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Returns `true` with probability `probability`.
    @inline(__always)
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// Returns one element of a non-empty array, uniformly.
    @inline(__always)
    public mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[int(below: elements.count)]
    }

    /// Returns an index into `cumulativeWeights` (ascending running totals),
    /// drawn in proportion to each step's weight.
    public mutating func index(cumulativeWeights: [Double]) -> Int {
        guard let total = cumulativeWeights.last, total > 0 else { return 0 }
        let target = unit() * total
        var low = 0
        var high = cumulativeWeights.count - 1
        while low < high {
            let mid = (low + high) >> 1
            if cumulativeWeights[mid] > target { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// Shuffles `elements` in place (Fisher–Yates, driven only by this generator).
    public mutating func shuffle<Element>(_ elements: inout [Element]) {
        var i = elements.count - 1
        while i > 0 {
            let j = int(below: i + 1)
            if i != j { elements.swapAt(i, j) }
            i -= 1
        }
    }
}
