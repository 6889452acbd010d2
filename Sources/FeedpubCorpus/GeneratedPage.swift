/// One file of a generated corpus, ready to be written or fed to a benchmark.
public struct GeneratedPage: Sendable {
    /// The file's path relative to the corpus root, with a leading slash:
    /// `/news/YYYY/MM/D/<slug>.md`, or `/news/YYYY/MM/D/index.md` for a day index.
    public let sitePath: String
    /// The file's exact bytes (not always valid UTF-8 on damaged pages).
    public let bytes: [UInt8]
    /// How the page is damaged, or nil for a usable page (and for day indexes).
    public let damage: PageDamage?
    /// The event's fixed topics, canonical spellings, ascending by popularity
    /// rank. A reader learns them only from Related entries pointing at the
    /// page (and from its story prefix); empty for day indexes.
    public let topics: [String]
    /// Whether this is a day folder's `index.md`, which a publisher must skip.
    public let isDayIndex: Bool

    /// Creates a page description.
    public init(sitePath: String, bytes: [UInt8], damage: PageDamage?, topics: [String], isDayIndex: Bool) {
        self.sitePath = sitePath
        self.bytes = bytes
        self.damage = damage
        self.topics = topics
        self.isDayIndex = isDayIndex
    }
}
