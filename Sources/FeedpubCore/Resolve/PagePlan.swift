/// What resolving needs to know of one page that depends only on the page
/// and the corpus's topic names, so that it can be worked out for all pages
/// in parallel before events are linked up one by one.
struct PagePlan: Sendable {
    /// The topics the headline's story prefixes name (see ``TopicIDs``).
    let prefixTopics: [Int]
    /// The headline without those prefixes.
    let storyless: String
    /// The event's identity (see ``Event/identity``).
    let identity: String
    /// The slug of the full headline, then of the headline without one, two
    /// and three leading segments: the slugs other pages may link it under.
    let slugs: [String]
    /// For each Related entry, its context topics.
    let contextTopics: [[Int]]

    /// The plan of `page`, with topic names as `topics` knows them.
    init(_ page: Page, topics: TopicIDs) {
        let book = topics.book
        let (prefixes, storyless) = StoryPrefix.splitTopics(page.headline, isTopic: book.contains)
        prefixTopics = prefixes.compactMap(topics.id)
        self.storyless = storyless
        identity = EventRegistry.identity(date: page.date, storyless: storyless)
        slugs = StoryPrefix.variants(page.headline).map(Slug.site)
        contextTopics = page.related.map { topics.topics(ofList: $0.contextList) }
    }
}
