/// A context topic ("Syria", "ISIL"...) and the events that carry it.
public struct Topic: Hashable, Sendable {
    /// The name shown to readers: the alias target, or the most used spelling.
    public let name: String
    /// The comparison key: whitespace folded, NFC, lowercased.
    public let key: String
    /// The topic's file name stem: readable ASCII, unique in the corpus.
    public let slug: String
    /// Indices into ``Corpus/events``, newest first.
    public internal(set) var events: [Int]

    /// A topic with the given parts.
    public init(name: String, key: String, slug: String, events: [Int] = []) {
        self.name = name
        self.key = key
        self.slug = slug
        self.events = events
    }
}
