/// Draws ranks `0..<count` with Zipf–Mandelbrot popularity: rank `r` has
/// weight `1 / (r + offset)`, so a few topics are very common and most are
/// rare. Only IEEE division and addition are used, which round the same way
/// on every machine (no `pow`, whose last bit differs between C libraries).
struct ZipfSampler: Sendable {
    /// Running totals of the weights, one per rank.
    private let cumulative: [Double]

    /// Creates a sampler over `count` ranks (at least one).
    init(count: Int, offset: Double = 3.0) {
        var running = 0.0
        var cumulative: [Double] = []
        cumulative.reserveCapacity(max(count, 1))
        for rank in 0..<max(count, 1) {
            running += 1.0 / (Double(rank) + offset)
            cumulative.append(running)
        }
        self.cumulative = cumulative
    }

    /// Draws one rank.
    func sample(_ random: inout SeededRandom) -> Int {
        random.index(cumulativeWeights: cumulative)
    }
}
