/// Every event of a corpus with its topics resolved: what the feeds are made of.
public struct Corpus: Sendable {
    /// All events, newest first (ties by site path).
    public let events: [Event]
    /// All topics, ordered by key.
    public let topics: [Topic]

    /// A corpus with the given events and topics.
    public init(events: [Event], topics: [Topic]) {
        self.events = events
        self.topics = topics
    }

    /// How many events have no page in the corpus.
    public var referenceOnlyCount: Int {
        events.count { $0.isReferenceOnly }
    }
}
