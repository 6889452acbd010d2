/// A news event as published: a page of the corpus, or an event known only
/// from other pages' Related lists.
public struct Event: Hashable, Sendable {
    /// The event's site path (`/news/2015/11/17/slug.md`): where its page is.
    public let sitePath: String
    /// The path that identifies the event for good: the day folder and the
    /// slug of the headline without story prefixes. Both slugs under which
    /// other pages link one event give the same identity.
    public let identity: String
    /// The event's date.
    public let date: EventDate
    /// The full headline as the page (or the first link to it) gives it.
    public let headline: String
    /// The headline without its leading story prefixes (`X. rest` → `rest`).
    public let storyless: String
    /// The body, the sources and the cover of the event's page; empty for
    /// an event known only by reference.
    public let content: PageContent
    /// Body paragraphs; empty for an event known only by reference.
    public var body: [String] { content.body }
    /// Source links in page order.
    public var sources: [SourceLink] { content.sources }
    /// The cover image, if any.
    public var cover: CoverImage? { content.cover }
    /// True when no page of the corpus is this event.
    public let isReferenceOnly: Bool
    /// Indices into ``Corpus/topics`` of the event's topics, in topic order.
    public internal(set) var topics: [Int]
    /// A hash of the body, the sources and the cover (see
    /// ``Page/contentHash``).
    public let contentHash: UInt64

    /// An event with the given parts.
    public init(
        sitePath: String, identity: String, date: EventDate, headline: String, storyless: String,
        body: [String] = [], sources: [SourceLink] = [], cover: CoverImage? = nil,
        isReferenceOnly: Bool = false, topics: [Int] = [], contentHash: UInt64? = nil
    ) {
        self.sitePath = sitePath
        self.identity = identity
        self.date = date
        self.headline = headline
        self.storyless = storyless
        content = PageContent(body: body, sources: sources, cover: cover)
        self.isReferenceOnly = isReferenceOnly
        self.topics = topics
        self.contentHash = contentHash ?? Page.contentHash(body: body, sources: sources, cover: cover)
    }

    /// The event of a page whose `content` has the hash `contentHash`.
    init(
        sitePath: String, identity: String, date: EventDate, headline: String, storyless: String,
        content: PageContent, topics: [Int], contentHash: UInt64
    ) {
        self.sitePath = sitePath
        self.identity = identity
        self.date = date
        self.headline = headline
        self.storyless = storyless
        self.content = content
        isReferenceOnly = false
        self.topics = topics
        self.contentHash = contentHash
    }

    /// The event with its date only: what is left once its entry is built.
    var emptied: Event {
        Event(sitePath: "", identity: "", date: date, headline: "", storyless: "", contentHash: 0)
    }

    /// Feed order: newest first, ties broken by site path so the order is total.
    public static func feedOrder(_ lhs: Event, _ rhs: Event) -> Bool {
        lhs.date != rhs.date ? lhs.date > rhs.date : lhs.sitePath < rhs.sitePath
    }
}
