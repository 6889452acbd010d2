/// What of a page only its entry shows: its paragraphs, its source links
/// and its cover image.
///
/// A parsed page holds them. A page from the page cache holds where they
/// are in the mapped cache file and reads them there when asked: a rebuild
/// makes them only for the entries it renders. Made for every page, they
/// were 110 MB of a one-day rebuild's peak at 100,000 pages, which it never
/// shows (one-day rebuilds, alternating: 1.72 to 1.86 s against 1.89 to
/// 2.28 s).
public struct PageContent: Hashable, Sendable {
    private enum Storage: Sendable {
        case held(body: [String], sources: [SourceLink], cover: CoverImage?)
        case stored(PageCache.StoredPart)
    }

    private let storage: Storage

    /// Content made of these parts.
    public init(body: [String], sources: [SourceLink], cover: CoverImage?) {
        storage = .held(body: body, sources: sources, cover: cover)
    }

    /// Content kept in a page cache file.
    init(stored: PageCache.StoredPart) {
        storage = .stored(stored)
    }

    /// No paragraphs, no sources, no cover.
    static let empty = PageContent(body: [], sources: [], cover: nil)

    /// The three parts, read once: reading them one by one reads a cached
    /// page's content each time.
    public var parts: (body: [String], sources: [SourceLink], cover: CoverImage?) {
        switch storage {
        case .held(let body, let sources, let cover): (body, sources, cover)
        case .stored(let stored): stored.content()
        }
    }

    /// Body paragraphs.
    public var body: [String] { parts.body }
    /// Source links in page order.
    public var sources: [SourceLink] { parts.sources }
    /// The cover image, if any.
    public var cover: CoverImage? { parts.cover }

    public static func == (left: PageContent, right: PageContent) -> Bool {
        let (leftParts, rightParts) = (left.parts, right.parts)
        return leftParts.body == rightParts.body && leftParts.sources == rightParts.sources
            && leftParts.cover == rightParts.cover
    }

    public func hash(into hasher: inout Hasher) {
        let (body, sources, cover) = parts
        hasher.combine(body)
        hasher.combine(sources)
        hasher.combine(cover)
    }
}
