/// One event page as read from the corpus, before topics are resolved.
///
/// A class, though it is a value (every part is a constant, and two pages
/// are equal when their parts are): a build hands each of 100,000 pages from
/// the parser or the cache to the resolver through several arrays, and
/// copying a page as a structure retained each of its strings and arrays
/// every time, on both cores at once.
public final class Page: Hashable, Sendable {
    /// The page's path relative to the site root (`/news/2015/11/17/slug.md`).
    public let sitePath: String
    /// Where the page was read from, as the user named it (for messages).
    public let file: String
    /// The event's date.
    public let date: EventDate
    /// The headline, repaired and trimmed, possibly with a story prefix.
    public let headline: String
    /// The body paragraphs, the source links and the cover image.
    public let content: PageContent
    /// The body paragraphs, in order.
    public var body: [String] { content.body }
    /// The source links, in order, without the cover image.
    public var sources: [SourceLink] { content.sources }
    /// The cover image, if the page has one.
    public var cover: CoverImage? { content.cover }
    /// The `### Related:` entries, in order, held or left in the page cache.
    let relatedList: RelatedList
    /// The `### Related:` entries, in order.
    public var related: [RelatedEntry] { relatedList.entries }
    /// The number of `### Related:` entries, known without reading them.
    var relatedCount: Int { relatedList.count }
    /// A hash of the body, the sources and the cover, made once when the
    /// page is parsed and kept in the page cache: a rebuild tells which
    /// feeds' entries changed without hashing every body again (a fifth of
    /// a second at 100,000 pages).
    public let contentHash: UInt64

    /// A page with the given parts.
    public init(
        sitePath: String, file: String, date: EventDate, headline: String, body: [String],
        sources: [SourceLink], cover: CoverImage?, related: [RelatedEntry], contentHash: UInt64? = nil
    ) {
        self.sitePath = sitePath
        self.file = file
        self.date = date
        self.headline = headline
        self.content = PageContent(body: body, sources: sources, cover: cover)
        relatedList = RelatedList(related)
        self.contentHash = contentHash ?? Self.contentHash(body: body, sources: sources, cover: cover)
    }

    /// A page whose `content` has the hash `contentHash`.
    init(
        sitePath: String, file: String, date: EventDate, headline: String, content: PageContent,
        related: RelatedList, contentHash: UInt64
    ) {
        self.sitePath = sitePath
        self.file = file
        self.date = date
        self.headline = headline
        self.content = content
        relatedList = related
        self.contentHash = contentHash
    }

    /// The page, holding its Related entries: itself when it does.
    var holdingRelated: Page {
        guard !relatedList.isHeld else { return self }
        return Page(
            sitePath: sitePath, file: file, date: date, headline: headline, content: content,
            related: RelatedList(related), contentHash: contentHash)
    }

    public static func == (left: Page, right: Page) -> Bool {
        left === right
            || (left.sitePath == right.sitePath && left.file == right.file && left.date == right.date
                && left.headline == right.headline && left.contentHash == right.contentHash
                && left.content == right.content && left.relatedList == right.relatedList)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sitePath)
        hasher.combine(file)
        hasher.combine(date)
        hasher.combine(headline)
        hasher.combine(content)
        hasher.combine(relatedList)
        hasher.combine(contentHash)
    }

    /// The hash ``contentHash`` holds for a page or event with `body`,
    /// `sources` and `cover`.
    static func contentHash(body: [String], sources: [SourceLink], cover: CoverImage?) -> UInt64 {
        var hasher = WideHasher(seed: 5)
        hasher.add(UInt64(body.count))
        for paragraph in body { hasher.add(paragraph) }
        hasher.add(UInt64(sources.count))
        for source in sources {
            hasher.add(source.name)
            hasher.add(source.url)
        }
        hasher.add(cover?.url ?? "")
        return hasher.value.0
    }
}
