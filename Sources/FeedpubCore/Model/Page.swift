/// One event page as read from the corpus, before topics are resolved.
public struct Page: Hashable, Sendable {
    /// The page's path relative to the site root (`/news/2015/11/17/slug.md`).
    public let sitePath: String
    /// Where the page was read from, as the user named it (for messages).
    public let file: String
    /// The event's date.
    public let date: EventDate
    /// The headline, repaired and trimmed, possibly with a story prefix.
    public let headline: String
    /// The body paragraphs, in order.
    public let body: [String]
    /// The source links, in order, without the cover image.
    public let sources: [SourceLink]
    /// The cover image, if the page has one.
    public let cover: CoverImage?
    /// The `### Related:` entries, in order.
    public let related: [RelatedEntry]

    /// A page with the given parts.
    public init(
        sitePath: String, file: String, date: EventDate, headline: String, body: [String],
        sources: [SourceLink], cover: CoverImage?, related: [RelatedEntry]
    ) {
        self.sitePath = sitePath
        self.file = file
        self.date = date
        self.headline = headline
        self.body = body
        self.sources = sources
        self.cover = cover
        self.related = related
    }
}
