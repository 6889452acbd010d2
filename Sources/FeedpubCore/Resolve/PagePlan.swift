/// What resolving needs to know of one page that depends only on the page
/// and the corpus's topic names, so that it can be worked out for all pages
/// in parallel before events are linked up one by one.
struct PagePlan: Sendable {
    /// The keys of the topics the headline's story prefixes name.
    let prefixTopics: [String]
    /// The headline without those prefixes.
    let storyless: String
    /// The event's identity (see ``Event/identity``).
    let identity: String
    /// The slug of the full headline, then of the headline without one, two
    /// and three leading segments: the slugs other pages may link it under.
    let slugs: [String]
    /// For each Related entry, the keys of its context topics.
    let contextKeys: [[String]]

    /// The plan of `page`, with topic names as `book` knows them and the
    /// keys of each context list from `contextKeys`.
    init(_ page: Page, book: TopicBook, contextKeys: [String: [String]]) {
        let (prefixes, storyless) = StoryPrefix.splitTopics(page.headline, isTopic: book.contains)
        prefixTopics = prefixes.map(book.canonicalKey)
        self.storyless = storyless
        identity = EventRegistry.identity(date: page.date, storyless: storyless)
        slugs = StoryPrefix.variants(page.headline).map(Slug.site)
        self.contextKeys = page.related.map { entry in contextKeys[entry.contextList] ?? [] }
    }
}
