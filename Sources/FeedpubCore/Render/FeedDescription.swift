/// One feed to render: its metadata and its entries, newest first. The same
/// description is written as Atom and as RSS.
struct FeedDescription {
    /// The feed's title, naming the site and the topic.
    let title: String
    /// A sentence about the feed.
    let subtitle: String
    /// The HTML page the feed stands for.
    let alternateURL: String
    /// The site.
    let site: FeedSite
    /// The entries, newest first.
    let entries: [RenderedEntry]

    /// The newest entry's date, never the build time, so that a feed changes
    /// only when its entries do; nil for a feed with no entries.
    var updated: FeedDate? { entries.first?.date }
}
