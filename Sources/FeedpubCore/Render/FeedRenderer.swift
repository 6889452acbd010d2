import Foundation

/// Renders a resolved corpus into feed documents, in memory.
public struct FeedRenderer: Sendable {
    /// A rendered document and where it goes in the output folder.
    public struct Document: Sendable {
        /// The path inside the output folder (`topics/syria.atom`).
        public let path: String
        /// The document's bytes.
        public let bytes: [UInt8]
    }

    /// One feed pair to render: all events, or one topic's.
    public enum Feed: Sendable, Hashable {
        /// The feed of all events.
        case all
        /// The feed of the topic at this index of ``Corpus/topics``.
        case topic(Int)
    }

    private let site: FeedSite
    private let maxEntries: Int
    /// The extensions of the files each feed is written as: `.atom`, `.rss`
    /// and, unless turned off, `.json`.
    public let extensions: [String]
    /// The topics (names, slugs, events); the events themselves are not
    /// kept: once their entries are built, their text can be freed.
    private let topics: [Topic]
    private let eventCount: Int
    private let dates: [FeedDate]
    /// The entry of every event that a feed to render shows, built once: an
    /// event is in the feeds of all its topics.
    private let entries: [RenderedEntry?]
    /// The fingerprint of every feed's content (see ``fingerprint(of:)``).
    private let fingerprints: [UInt64]
    /// The feeds whose content is to be rendered: all of them unless the
    /// caller said that some are already written as they are.
    public let changedFeeds: [Feed]

    /// A renderer of `corpus` as `configuration` describes the site.
    ///
    /// - Parameter isWritten: told each feed's stem and content fingerprint;
    ///   true when the output already holds exactly that feed, so it needs no
    ///   rendering (and its entries need not be built).
    /// - Throws: ``LibXMLError`` when libxml2 fails to escape an entry's text.
    public init(
        corpus: consuming Corpus, configuration: Configuration,
        isWritten: (_ stem: String, _ fingerprint: UInt64) -> Bool = { _, _ in false }
    ) throws {
        site = FeedSite(configuration)
        maxEntries = configuration.maxEntries
        extensions = Self.extensions(for: configuration)
        let topics = corpus.topics
        var events = corpus.events
        _ = consume corpus
        self.topics = topics
        eventCount = events.count
        let dates = Self.timestamps(of: events, in: configuration.timeZone)
        self.dates = dates
        let all = [Feed.all] + topics.indices.map(Feed.topic)
        let maxEntries = self.maxEntries
        let count = events.count
        func shownEvents(_ feed: Feed) -> ArraySlice<Int> {
            Self.events(of: feed, topics: topics, eventCount: count, maxEntries: maxEntries)
        }

        let shown = Set(all.flatMap { shownEvents($0) }).sorted()
        let hashes = Dictionary(
            uniqueKeysWithValues: ParallelMap.map(shown) { [events] index in
                (index, FeedFingerprint.of(events[index], topics: topics, date: dates[index]))
            })
        let stems = all.map { Self.stem(of: $0, topics: topics) }
        let fingerprints = zip(all, stems).map { feed, stem in
            let name: String
            if case .topic(let index) = feed { name = topics[index].name } else { name = "" }
            return FeedFingerprint.of(stem: stem, name: name, entries: shownEvents(feed).map { hashes[$0]! })
        }
        self.fingerprints = fingerprints
        let changed = all.indices.filter { !isWritten(stems[$0], fingerprints[$0]) }.map { all[$0] }
        changedFeeds = changed

        // Entries are built a batch at a time, and each event is let go once
        // its entry holds what it shows, so the two never both fill memory.
        // Events no feed to render shows are let go first.
        let site = self.site
        let json = configuration.jsonFeeds
        var entries = [RenderedEntry?](repeating: nil, count: events.count)
        let order = Set(changed.flatMap { shownEvents($0) }).sorted()
        var isShown = [Bool](repeating: false, count: events.count)
        for index in order { isShown[index] = true }
        for index in events.indices where !isShown[index] { events[index] = events[index].emptied }
        for start in stride(from: 0, to: order.count, by: 4096) {
            let batch = Array(order[start..<min(order.count, start + 4096)])
            let built: [(Int, RenderedEntry)]
            do {
                let snapshot = events
                built = try ParallelMap.map(batch) { index in
                    let entry = try FeedEntry(snapshot[index], topics: topics, date: dates[index], site: site)
                    return (index, try RenderedEntry(entry, site: site, json: json))
                }
            }
            for (index, entry) in built {
                entries[index] = entry
                events[index] = events[index].emptied
            }
        }
        self.entries = entries
    }

    /// Each event's timestamp: midnight of its day, plus one second for every
    /// event of that day after it in feed order, so that no two entries of
    /// any feed share a date (validators warn about equal `updated` values)
    /// and the times fall in feed order.
    static func timestamps(of events: [Event], in timeZone: TimeZone) -> [FeedDate] {
        var dates: [FeedDate] = []
        dates.reserveCapacity(events.count)
        var start = 0
        while start < events.count {
            let day = events[start].date
            var end = start + 1
            while end < events.count && events[end].date == day { end += 1 }
            for position in start..<end {
                dates.append(FeedDate(day, in: timeZone, plus: end - 1 - position))
            }
            start = end
        }
        return dates
    }

    /// Every feed of the corpus: all events first, then each topic in order.
    public var feeds: [Feed] {
        [.all] + topics.indices.map(Feed.topic)
    }

    /// The fingerprint of `feed`'s content: its stem, its topic and the
    /// fingerprints of its entries (everything each shows, and its time).
    public func fingerprint(of feed: Feed) -> UInt64 {
        switch feed {
        case .all: return fingerprints[0]
        case .topic(let index): return fingerprints[index + 1]
        }
    }

    /// The Atom, the RSS and (unless turned off) the JSON document of `feed`,
    /// one of ``changedFeeds``.
    public func render(_ feed: Feed) throws(LibXMLError) -> [Document] {
        let description = describe(feed)
        let stem = stem(of: feed)
        var documents = [
            Document(
                path: stem + ".atom",
                bytes: try AtomWriter().render(description, selfURL: site.feedsURL + stem + ".atom")),
            Document(
                path: stem + ".rss",
                bytes: try RSSWriter().render(description, selfURL: site.feedsURL + stem + ".rss")),
        ]
        if extensions.contains(".json") {
            documents.append(
                Document(
                    path: stem + ".json",
                    bytes: JSONFeedWriter.render(description, selfURL: site.feedsURL + stem + ".json")))
        }
        return documents
    }

    /// `index.opml`, listing every feed.
    public func renderIndex() throws(LibXMLError) -> Document {
        let outlines = feeds.map { feed in
            let stem = stem(of: feed)
            let text: String
            if case .topic(let index) = feed { text = topics[index].name } else { text = "All events" }
            return OPMLWriter.Outline(
                text: text, atomURL: site.feedsURL + stem + ".atom", rssURL: site.feedsURL + stem + ".rss",
                htmlURL: site.url)
        }
        let bytes = try OPMLWriter().render(site: site, dated: dates.first, outlines: outlines)
        return Document(path: "index.opml", bytes: bytes)
    }

    /// `topics.json`, the catalog of every feed.
    public func renderCatalog() -> Document {
        let items = feeds.map { feed in
            let events: [Int]
            let name: String?
            switch feed {
            case .all: (events, name) = (Array(0..<eventCount), nil)
            case .topic(let index): (events, name) = (topics[index].events, topics[index].name)
            }
            return CatalogWriter.Item(
                name: name, stem: stem(of: feed), events: events.count, newest: events.first.map { dates[$0] })
        }
        let bytes = CatalogWriter.render(site: site, extensions: extensions, items: items)
        return Document(path: "topics.json", bytes: bytes)
    }

    /// The extensions of the files a feed is written as under `configuration`.
    public static func extensions(for configuration: Configuration) -> [String] {
        [".atom", ".rss"] + (configuration.jsonFeeds ? [".json"] : [])
    }

    /// The output path of `feed` without extension: `all` or `topics/<slug>`.
    public func stem(of feed: Feed) -> String {
        Self.stem(of: feed, topics: topics)
    }

    /// The events `feed` shows, newest first: indices into the corpus's events.
    private static func events(of feed: Feed, topics: [Topic], eventCount: Int, maxEntries: Int) -> ArraySlice<Int> {
        switch feed {
        case .all: return Array(0..<min(eventCount, maxEntries))[...]
        case .topic(let index): return topics[index].events.prefix(maxEntries)
        }
    }

    private static func stem(of feed: Feed, topics: [Topic]) -> String {
        switch feed {
        case .all: return "all"
        case .topic(let index): return "topics/" + topics[index].slug
        }
    }

    private func describe(_ feed: Feed) -> FeedDescription {
        let title: String
        let subtitle: String
        switch feed {
        case .all:
            title = "\(site.title): all events"
            subtitle = site.description
        case .topic(let index):
            let name = topics[index].name
            title = "\(site.title): \(name)"
            subtitle = "\(site.description): \(name)"
        }
        let events = Self.events(of: feed, topics: topics, eventCount: eventCount, maxEntries: maxEntries)
        let shown = events.map { self.entries[$0]! }
        return FeedDescription(
            title: title, subtitle: subtitle, alternateURL: site.url, site: site, entries: shown)
    }
}
