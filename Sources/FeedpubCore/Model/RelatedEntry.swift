/// One item of a page's `### Related:` list: another event, named by its
/// headline and site path, with that event's topics.
public struct RelatedEntry: Hashable, Sendable {
    /// The linked event's headline as the link text gives it, trimmed.
    public let headline: String
    /// The linked event's site path (`/news/2015/12/9/slug.md`).
    public let sitePath: String
    /// The linked event's date, taken from the path.
    public let date: EventDate
    /// The slug the path ends with, without `.md`.
    public let slug: String
    /// The topic names of the `_Context: …_` tail, as written.
    public let contexts: [String]
    /// The line of the page the entry stands on (1-based).
    public let line: Int

    /// An entry with the given parts.
    public init(headline: String, sitePath: String, date: EventDate, slug: String, contexts: [String], line: Int) {
        self.headline = headline
        self.sitePath = sitePath
        self.date = date
        self.slug = slug
        self.contexts = contexts
        self.line = line
    }
}
