/// A subscription feed as `topics.json` and `index.html` list it.
struct FeedSummary {
    /// The topic's name; nil for the feed of all events.
    let name: String?
    /// The file name stem (`topics/syria`).
    let stem: String
    /// How many events the topic has (the feed shows the newest of them).
    let events: Int
    /// The newest event's date, when there is one.
    let newest: FeedDate?
}
