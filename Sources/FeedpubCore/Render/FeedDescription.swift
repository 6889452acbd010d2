/// One feed document to render: its metadata, its links and its entries,
/// newest first. The same description is written as Atom, RSS, JSON Feed and,
/// for a subscription feed, an HTML page.
struct FeedDescription {
    /// The feed's title, naming the site and the topic.
    let title: String
    /// A sentence about the feed.
    let subtitle: String
    /// The output path without extension (`topics/syria`, `archive/all/3`).
    let stem: String
    /// The HTML page the feed stands for.
    let alternateURL: String
    /// The site.
    let site: FeedSite
    /// How the document links to the others of its feed's history (RFC 5005).
    let history: FeedHistory
    /// The entries, newest first.
    let entries: [RenderedEntry]

    /// The newest entry's date, never the build time, so that a feed changes
    /// only when its entries do; nil for a feed with no entries.
    var updated: FeedDate? { entries.first?.date }

    /// The same document with `entries`.
    func with(entries: [RenderedEntry]) -> FeedDescription {
        FeedDescription(
            title: title, subtitle: subtitle, stem: stem, alternateURL: alternateURL, site: site, history: history,
            entries: entries)
    }

    /// The URL of this document in the format with `fileExtension`.
    func url(_ fileExtension: String) -> String {
        site.feedsURL + stem + fileExtension
    }
}

/// Where a feed document stands in its feed's history (RFC 5005): the
/// subscription document holds the newest entries and points at the newest
/// archive document; archive documents, oldest first, never change once full
/// (but for the newest one's `next-archive` link) and point at their
/// neighbours and at the subscription document.
struct FeedHistory: Hashable {
    /// The subscription document's stem, when this is an archive document.
    var current: String?
    /// The stem of the archive document just older than this one.
    var previous: String?
    /// The stem of the archive document just newer than this one; for the
    /// newest archive document, the subscription document's.
    var next: String?

    /// Whether this is an archive document.
    var isArchive: Bool { current != nil }
}
