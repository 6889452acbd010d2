/// The events found so far and the indexes that let a Related entry find
/// the event it names: by site path, by identity, and by date and slug.
struct EventRegistry {
    private let topics: TopicIDs
    private var events: [Event] = []
    /// Each event's topics, by number; with repeats until ``corpus()``.
    private var eventTopics: [[Int]] = []
    private var files: [String] = []
    private var byPath: [String: Int] = [:]
    private var byIdentity: [String: Int] = [:]
    private var bySlug: [SlugKey: Int] = [:]
    private var pendingVariants: [(date: EventDate, slugs: ArraySlice<String>, event: Int)] = []

    /// A registry for about `pageCount` pages: its indexes are sized for
    /// them up front instead of growing (and rehashing) as they fill.
    init(topics: TopicIDs, pageCount: Int) {
        self.topics = topics
        events.reserveCapacity(pageCount)
        eventTopics.reserveCapacity(pageCount)
        files.reserveCapacity(pageCount)
        // Pages, and the other paths Related entries name them by.
        byPath.reserveCapacity(2 * pageCount)
        byIdentity.reserveCapacity(pageCount)
        // A full headline and up to three shorter variants a page.
        bySlug.reserveCapacity(4 * pageCount)
    }

    /// Adds the event of `page` (planned as `plan`), or finds the event it duplicates.
    ///
    /// - Returns: the event's index and, for a duplicate, the other file.
    mutating func add(_ page: Page, plan: PagePlan) -> (Int, String?) {
        if let existing = byPath[page.sitePath] ?? byIdentity[plan.identity] {
            return (existing, files[existing])
        }
        let event = append(
            Event(
                sitePath: page.sitePath, identity: plan.identity, date: page.date, headline: page.headline,
                storyless: plan.storyless, body: page.body, sources: page.sources, cover: page.cover),
            file: page.file, prefixTopics: plan.prefixTopics)
        index(slug: plan.slugs[0], date: page.date, event: event)
        pendingVariants.append((page.date, plan.slugs.dropFirst(), event))
        return (event, nil)
    }

    /// Indexes every page under its headline without story prefixes, after
    /// all full headlines, so that a full match always wins.
    mutating func registerVariantKeys() {
        for (date, slugs, event) in pendingVariants {
            for slug in slugs { index(slug: slug, date: date, event: event) }
        }
        pendingVariants.removeAll()
    }

    /// The event whose page is at `sitePath`, or that an entry with that
    /// path was found to name.
    func event(at sitePath: String) -> Int? {
        byPath[sitePath]
    }

    /// The event `entry` names: a page of the corpus by path, or by date and
    /// a slug of its headline with or without story prefix; failing that, an
    /// event known only by reference, created on first mention.
    mutating func target(of entry: RelatedEntry) -> Int {
        if let event = byPath[entry.sitePath] { return event }
        let headline = entry.headline.isEmpty ? entry.slug.split(separator: "-").joined(separator: " ") : entry.headline
        // Slugs are tried first, one at a time: most entries whose path
        // names no page find it under their headline's own slug, and need
        // neither the shorter variants nor the story prefixes.
        var slugs = [entry.slug]
        var variants = StoryPrefix.Variants(headline)
        while true {
            if let found = bySlug[Self.slugKey(entry.date, slugs.last!)] {
                byPath[entry.sitePath] = found
                return found
            }
            guard let next = variants.next() else { break }
            slugs.append(Slug.site(next))
        }
        let (prefixTopics, storyless) = StoryPrefix.splitTopics(headline, isTopic: topics.book.contains)
        let identity = Self.identity(date: entry.date, storyless: storyless)
        if let found = byIdentity[identity] {
            byPath[entry.sitePath] = found
            return found
        }
        let event = append(
            Event(
                sitePath: entry.sitePath, identity: identity, date: entry.date, headline: headline,
                storyless: storyless, isReferenceOnly: true),
            file: entry.sitePath, prefixTopics: prefixTopics.compactMap(topics.id))
        for slug in slugs { index(slug: slug, date: entry.date, event: event) }
        return event
    }

    /// Gives `event` the topic numbered `topic`.
    mutating func addTopic(_ topic: Int, to event: Int) {
        eventTopics[event].append(topic)
    }

    /// The finished corpus: events in feed order, topics by key with slugs.
    func corpus() -> Corpus {
        let order = events.indices.sorted { Event.feedOrder(events[$0], events[$1]) }
        let distinct = eventTopics.map { Array(Set($0)).sorted() }
        // Topics no event has are left out; numbers follow key order.
        var index = [Int?](repeating: nil, count: topics.keys.count)
        for topic in distinct.joined() { index[topic] = 0 }
        var keys: [String] = []
        for number in index.indices where index[number] != nil {
            index[number] = keys.count
            keys.append(topics.keys[number])
        }
        let slugs = TopicSlugs.assign(keys)
        var corpusTopics = keys.map { Topic(name: topics.book.displayName($0), key: $0, slug: slugs[$0]!) }
        var sorted: [Event] = []
        sorted.reserveCapacity(events.count)
        for (position, original) in order.enumerated() {
            var event = events[original]
            event.topics = distinct[original].map { index[$0]! }
            for topic in event.topics { corpusTopics[topic].events.append(position) }
            sorted.append(event)
        }
        return Corpus(events: sorted, topics: corpusTopics)
    }

    // MARK: Private

    /// Appends `event`, found in `file`, with the topics `prefixTopics`.
    private mutating func append(_ event: Event, file: String, prefixTopics: [Int]) -> Int {
        let index = events.count
        events.append(event)
        files.append(file)
        eventTopics.append(prefixTopics)
        byPath[event.sitePath] = index
        byIdentity[event.identity] = index
        return index
    }

    private mutating func index(slug: String, date: EventDate, event: Int) {
        let key = Self.slugKey(date, slug)
        if bySlug[key] == nil { bySlug[key] = event }
    }

    /// A day and a slug: how a Related entry names an event when its path fails.
    private struct SlugKey: Hashable {
        let date: EventDate
        let slug: String
    }

    private static func slugKey(_ date: EventDate, _ slug: String) -> SlugKey {
        SlugKey(date: date, slug: slug)
    }

    /// The identity of the event of `date` whose headline without prefixes is `storyless`.
    static func identity(date: EventDate, storyless: String) -> String {
        "/news/\(date.folder)/\(Slug.site(storyless)).md"
    }
}
