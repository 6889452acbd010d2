/// What `CorpusGenerator.write(to:)` wrote.
public struct CorpusSummary: Sendable, Equatable {
    /// Event pages written, damaged ones included (day indexes not counted).
    public let pagesWritten: Int
    /// Damaged event pages among `pagesWritten`.
    public let damagedPagesWritten: Int
    /// `index.md` files written, one per day folder.
    public let dayIndexesWritten: Int
    /// Distinct topics named in the Related contexts of undamaged pages, with
    /// case, whitespace and NFC variants folded and aliases mapped to their
    /// topic (see `CorpusGenerator.topicAliases`).
    public let distinctTopics: Int
    /// Events linked from Related lists that have no page in the corpus.
    public let referenceOnlyEvents: Int
    /// Bytes of all files written (pages and day indexes).
    public let bytesWritten: Int

    /// Creates a summary.
    public init(
        pagesWritten: Int, damagedPagesWritten: Int, dayIndexesWritten: Int, distinctTopics: Int,
        referenceOnlyEvents: Int, bytesWritten: Int
    ) {
        self.pagesWritten = pagesWritten
        self.damagedPagesWritten = damagedPagesWritten
        self.dayIndexesWritten = dayIndexesWritten
        self.distinctTopics = distinctTopics
        self.referenceOnlyEvents = referenceOnlyEvents
        self.bytesWritten = bytesWritten
    }
}
