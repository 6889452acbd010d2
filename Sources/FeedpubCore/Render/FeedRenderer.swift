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

    /// One feed to render: the subscription feed of all events or of one
    /// topic, or one of their archive documents (RFC 5005).
    public enum Feed: Sendable, Hashable {
        /// The feed of all events.
        case all
        /// The feed of the topic at this index of ``Corpus/topics``.
        case topic(Int)
        /// Archive document `page` of the subscription feed of the topic at
        /// index `topic`, or of all events when `topic` is nil: page 1 holds
        /// its oldest events, each page as many as the feed shows. (Not a
        /// feed inside a feed: an enum that holds itself is kept in a heap
        /// box, where a leak checker loses sight of it.)
        case archive(topic: Int?, page: Int)
    }

    private let site: FeedSite
    private let maxEntries: Int
    /// The extensions of the files each subscription feed is written as:
    /// `.atom`, `.rss` and, unless turned off, `.json` and `.html`.
    private let extensions: [String]
    /// Whether older events are kept in archive documents.
    private let archives: Bool
    /// The topics (names, slugs, events); the events themselves are not
    /// kept: once their entries are built, their text can be freed.
    private let topics: [Topic]
    private let eventCount: Int
    private let dates: [FeedDate]
    /// The entry of every event that a feed to render shows, built once: an
    /// event is in the feeds of all its topics.
    private var entries: [RenderedEntry?]
    /// Whether a subscription feed to render shows the event, so that it
    /// needs a JSON item and a page article.
    private let isSubscribed: [Bool]
    /// Every feed: subscription feeds first, then archive documents.
    public let feeds: [Feed]
    /// The fingerprint of every feed's content (see ``fingerprint(of:)``).
    private let fingerprints: [Feed: UInt64]
    /// The feeds whose content is to be rendered: all of them unless the
    /// caller said that some are already written as they are.
    public let changedFeeds: [Feed]

    /// A renderer of `corpus` as `configuration` describes the site.
    ///
    /// - Parameters:
    ///   - memoryRelease: how to let go of the events no feed to render shows.
    ///   - isWritten: told each feed's stem, its files and its content
    ///     fingerprint; true when the output already holds exactly that feed,
    ///     so it needs no rendering (and its entries need not be built).
    /// - Throws: ``LibXMLError`` when libxml2 fails to escape an entry's text.
    public init(
        corpus: consuming Corpus, configuration: Configuration, memoryRelease: MemoryRelease = .inBackground,
        isWritten: @Sendable (_ stem: String, _ paths: [String], _ fingerprint: UInt64) -> Bool = { _, _, _ in false }
    ) throws {
        site = FeedSite(configuration)
        maxEntries = configuration.maxEntries
        let extensions = Self.extensions(for: configuration)
        self.extensions = extensions
        archives = configuration.archives
        let topics = corpus.topics
        var events = corpus.events
        _ = consume corpus
        self.topics = topics
        eventCount = events.count
        let dates = Self.timestamps(of: events, in: configuration.timeZone)
        self.dates = dates
        let subscriptions = [Feed.all] + topics.indices.map(Feed.topic)
        let layout = Layout(
            topics: topics, eventCount: events.count, pageSize: configuration.maxEntries,
            archives: configuration.archives)
        let all = subscriptions + subscriptions.flatMap { feed in
            (0..<layout.archivePages(of: feed)).map { Feed.archive(of: feed, page: $0 + 1) }
        }
        feeds = all

        // Every feed's fingerprint, and whether it is written as it is (which
        // looks at its files), on both cores: a rebuild of a large corpus
        // does this for some 40,000 feeds and renders a few hundred.
        var isInAFeed = [Bool](repeating: false, count: events.count)
        for feed in all {
            for index in layout.events(of: feed) { isInAFeed[index] = true }
        }
        let shown = events.indices.filter { isInAFeed[$0] }
        var hashes = [UInt64](repeating: 0, count: events.count)
        // Topics are hashed once, not once for each of their events: both
        // cores reading a topic's name and slug for each of its events kept
        // their reference counts going back and forth between the cores.
        let topicHashes = topics.map(FeedFingerprint.of)
        let shownHashes = ParallelMap.map(shown) { [events] index in
            FeedFingerprint.of(events[index], topics: topicHashes, date: dates[index])
        }
        for (index, hash) in zip(shown, shownHashes) { hashes[index] = hash }
        let checked = ParallelMap.map(all, chunkSize: 256) { [hashes] feed in
            let stem = layout.stem(of: feed)
            let fingerprint = FeedFingerprint.of(
                stem: stem, name: layout.name(of: feed) ?? "", links: layout.shape(of: feed),
                entries: layout.events(of: feed).map { hashes[$0] })
            return (fingerprint, isWritten(stem, Self.paths(of: feed, stem: stem, among: extensions), fingerprint))
        }
        self.fingerprints = Dictionary(uniqueKeysWithValues: zip(all, checked.map(\.0)))
        let changed = zip(all, checked).filter { !$1.1 }.map(\.0)
        changedFeeds = changed

        // Entries are built a batch at a time, and each event is let go once
        // its entry holds what it shows, so the two never both fill memory.
        // Events no feed to render shows are let go first, as is what the
        // build kept until the process exits (the parsed pages), unless the
        // entries to build are few: then freeing it all would only make room
        // for them.
        let site = self.site
        var entries = [RenderedEntry?](repeating: nil, count: events.count)
        let order = Set(changed.flatMap { layout.events(of: $0) }).sorted()
        var isShown = [Bool](repeating: false, count: events.count)
        for index in order { isShown[index] = true }
        var isSubscribed = [Bool](repeating: false, count: events.count)
        for feed in changed where feed.archivePage == nil {
            for index in layout.events(of: feed) { isSubscribed[index] = true }
        }
        self.isSubscribed = isSubscribed
        if memoryRelease.makesRoom(forEntries: order.count, of: events.count) {
            for index in events.indices where !isShown[index] { events[index] = events[index].emptied }
        }
        for start in stride(from: 0, to: order.count, by: 4096) {
            let batch = Array(order[start..<min(order.count, start + 4096)])
            let snapshot = events
            let built = try ParallelMap.map(batch, context: { try XMLWriter(indented: false) }) { writer, index in
                let entry = try FeedEntry(snapshot[index], topics: topics, date: dates[index], site: site, writer: writer)
                return (index, RenderedEntry(entry))
            }
            for (index, entry) in built {
                entries[index] = entry
                events[index] = events[index].emptied
            }
        }
        self.entries = entries
        memoryRelease.release(events)
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

    /// The fingerprint of `feed`'s content: its stem, its topic, its links
    /// and the fingerprints of its entries (everything each shows, and its time).
    public func fingerprint(of feed: Feed) -> UInt64 {
        fingerprints[feed]!
    }

    /// A format feeds are written in, by its file extension.
    public enum Format: String, Sendable, CaseIterable {
        case atom = ".atom"
        case rss = ".rss"
        case json = ".json"
        case page = ".html"

        /// Whether archive documents are written in this format too.
        var archives: Bool { self == .atom || self == .rss }
    }

    /// The formats subscription feeds are written in, in the order of their files.
    public var formats: [Format] {
        extensions.compactMap(Format.init(rawValue:))
    }

    /// Serializes, in parallel, the entry of every event a feed to render
    /// shows in `format`, and lets go of their serializations in any other.
    /// Rendering then only copies bytes. Without it, ``render(_:as:)``
    /// serializes each entry as it goes, once per document.
    public mutating func prepare(_ format: Format) throws {
        let needed = entries.indices.filter { entries[$0] != nil && (format.archives || isSubscribed[$0]) }
        for index in entries.indices where entries[index]?.serialized != nil {
            entries[index] = entries[index]!.holding(nil)
        }
        let site = self.site
        let snapshot = entries
        // Atom and RSS entries are written with libxml2, JSON and pages without.
        let usesXML = format == .atom || format == .rss
        let built = try ParallelMap.map(needed, context: { try usesXML ? XMLWriter() : nil }) { writer, index in
            try snapshot[index]!.serialized(as: format, site: site, writer: writer)
        }
        for (index, serialized) in zip(needed, built) { entries[index] = entries[index]!.holding(serialized) }
    }

    /// The documents of `feed`, one of ``changedFeeds``: Atom, RSS and,
    /// unless turned off, JSON and an HTML page for a subscription feed; Atom
    /// and RSS for an archive document.
    public func render(_ feed: Feed) throws(LibXMLError) -> [Document] {
        var documents: [Document] = []
        for format in formats {
            if let document = try render(feed, as: format) { documents.append(document) }
        }
        return documents
    }

    /// The document of `feed` in `format`; nil when the feed has none (an
    /// archive document is Atom and RSS only).
    public func render(_ feed: Feed, as format: Format) throws(LibXMLError) -> Document? {
        guard extensions.contains(format.rawValue), format.archives || feed.archivePage == nil else { return nil }
        var description = describe(feed)
        if description.entries.contains(where: { !$0.holds(format) }) {
            var entries: [RenderedEntry] = []
            for entry in description.entries {
                let serialized = entry.holds(format) ? entry.serialized : try entry.serialized(as: format, site: site)
                entries.append(entry.holding(serialized))
            }
            description = description.with(entries: entries)
        }
        let bytes: [UInt8]
        switch format {
        case .atom: bytes = try AtomWriter().render(description)
        case .rss: bytes = try RSSWriter().render(description)
        case .json: bytes = JSONFeedWriter.render(description)
        case .page:
            bytes = HTMLPageWriter.render(
                description, name: layout.name(of: feed), events: layout.count(of: feed),
                formats: extensions, archive: description.history.previous)
        }
        return Document(path: description.stem + format.rawValue, bytes: bytes)
    }

    /// The files `feed` is written as, relative to the output folder.
    public func paths(of feed: Feed) -> [String] {
        Self.paths(of: feed, stem: stem(of: feed), among: extensions)
    }

    /// `index.opml`, listing every subscription feed.
    public func renderIndex() throws(LibXMLError) -> Document {
        let outlines = subscriptions.map { feed in
            let stem = stem(of: feed)
            return OPMLWriter.Outline(
                text: layout.name(of: feed) ?? "All events", atomURL: site.feedsURL + stem + ".atom",
                rssURL: site.feedsURL + stem + ".rss", htmlURL: alternateURL(of: feed))
        }
        let bytes = try OPMLWriter().render(site: site, dated: dates.first, outlines: outlines)
        return Document(path: "index.opml", bytes: bytes)
    }

    /// `topics.json`, the catalog of every subscription feed and its page.
    public func renderCatalog() -> Document {
        let bytes = CatalogWriter.render(site: site, extensions: extensions, items: summaries)
        return Document(path: "topics.json", bytes: bytes)
    }

    /// The documents at the top of the output folder: `index.opml`,
    /// `topics.json` and, when turned on, `index.html` and `feed.xsl`.
    /// They are rendered side by side: each lists every topic, and with
    /// 20,000 topics each takes a tenth of a second or more.
    public func renderFolderDocuments() throws(LibXMLError) -> [Document] {
        var renderers: [@Sendable () throws(LibXMLError) -> Document] = [renderIndex, renderCatalog]
        if site.htmlPages { renderers.append(renderIndexPage) }
        if site.stylesheet { renderers.append(renderStylesheet) }
        let rendered = ParallelMap.map(renderers, chunkSize: 1) { render in
            Result<Document, LibXMLError>(catching: render)
        }
        return try rendered.map { result throws(LibXMLError) in try result.get() }
    }

    /// `index.html`, the page listing every topic.
    private func renderIndexPage() -> Document {
        Document(path: "index.html", bytes: HTMLPageWriter.renderIndex(site: site, formats: extensions, items: summaries))
    }

    /// `feed.xsl`, the stylesheet that shows a feed opened in a browser as a page.
    private func renderStylesheet() -> Document {
        Document(path: FeedStylesheet.fileName, bytes: Array(FeedStylesheet.text.utf8))
    }

    /// The paths ``renderFolderDocuments()`` writes under `configuration`.
    public static func folderDocumentPaths(for configuration: Configuration) -> [String] {
        ["index.opml", "topics.json"] + (configuration.htmlPages ? ["index.html"] : [])
            + (configuration.stylesheet ? [FeedStylesheet.fileName] : [])
    }

    /// The extensions of the files a subscription feed is written as under `configuration`.
    public static func extensions(for configuration: Configuration) -> [String] {
        [".atom", ".rss"] + (configuration.jsonFeeds ? [".json"] : []) + (configuration.htmlPages ? [".html"] : [])
    }

    /// The files of `feed` at `stem`, a subscription feed's written as
    /// `extensions`; an archive document is Atom and RSS only.
    private static func paths(of feed: Feed, stem: String, among extensions: [String]) -> [String] {
        if case .archive = feed { return [stem + ".atom", stem + ".rss"] }
        return extensions.map { stem + $0 }
    }

    /// The output path of `feed` without extension: `all`, `topics/<slug>`,
    /// or `archive/<stem of its subscription feed>/<page>`.
    public func stem(of feed: Feed) -> String {
        layout.stem(of: feed)
    }

    /// Every subscription feed's name, stem, event count and newest date.
    private var summaries: [FeedSummary] {
        subscriptions.map { feed in
            let events = layout.allEvents(of: feed)
            return FeedSummary(
                name: layout.name(of: feed), stem: stem(of: feed), events: events.count,
                newest: events.first.map { dates[$0] })
        }
    }

    /// The subscription feeds: all events first, then each topic in order.
    private var subscriptions: ArraySlice<Feed> {
        feeds.prefix(topics.count + 1)
    }

    private var layout: Layout {
        Layout(topics: topics, eventCount: eventCount, pageSize: maxEntries, archives: archives)
    }

    /// The page a subscription feed stands for: its HTML page, or the site.
    private func alternateURL(of feed: Feed) -> String {
        site.htmlPages ? site.feedsURL + stem(of: feed) + ".html" : site.url
    }

    private func describe(_ feed: Feed) -> FeedDescription {
        let layout = self.layout
        var history = FeedHistory()
        let subscription: Feed
        switch feed {
        case .all, .topic:
            subscription = feed
            let pages = layout.archivePages(of: feed)
            if pages > 0 { history.previous = layout.stem(of: .archive(of: feed, page: pages)) }
        case .archive(_, let page):
            let of = feed.subscription
            subscription = of
            history.current = layout.stem(of: of)
            if page > 1 { history.previous = layout.stem(of: .archive(of: of, page: page - 1)) }
            // The newest archive document is followed by the subscription
            // feed itself; a lone archive document thus still links to its
            // neighbour (the W3C validator warns about one without links).
            history.next =
                page < layout.archivePages(of: of) ? layout.stem(of: .archive(of: of, page: page + 1)) : history.current
        }
        let name = layout.name(of: subscription)
        let title = "\(site.title): \(name ?? "all events")" + (feed.archivePage.map { ", archive \($0)" } ?? "")
        let subtitle = name.map { "\(site.description): \($0)" } ?? site.description
        return FeedDescription(
            title: title, subtitle: subtitle, stem: layout.stem(of: feed), alternateURL: alternateURL(of: subscription),
            site: site, history: history, entries: layout.events(of: feed).map { entries[$0]! })
    }
}

extension FeedRenderer.Feed {
    /// Archive document `page` of the subscription feed `feed`.
    static func archive(of feed: Self, page: Int) -> Self {
        if case .topic(let index) = feed { return .archive(topic: index, page: page) }
        return .archive(topic: nil, page: page)
    }

    /// The archive page number, for an archive document.
    var archivePage: Int? {
        if case .archive(_, let page) = self { return page }
        return nil
    }

    /// The subscription feed: of an archive document, the feed it is an
    /// archive of; otherwise the feed itself.
    var subscription: Self {
        guard case .archive(let topic, _) = self else { return self }
        return topic.map(Self.topic) ?? .all
    }
}

/// Which events each feed document holds, and where it goes.
private struct Layout {
    let topics: [Topic]
    let eventCount: Int
    /// The entries of a subscription feed and of each archive document.
    let pageSize: Int
    let archives: Bool

    /// Every event of a subscription feed, newest first.
    func allEvents(of feed: FeedRenderer.Feed) -> [Int] {
        switch feed {
        case .all: return Array(0..<eventCount)
        case .topic(let index): return topics[index].events
        case .archive: return allEvents(of: feed.subscription)
        }
    }

    /// How many events a subscription feed has, without building their list.
    func count(of feed: FeedRenderer.Feed) -> Int {
        if case .topic(let index) = feed { return topics[index].events.count }
        return eventCount
    }

    /// How many full archive documents a subscription feed has: every event
    /// is in the subscription feed or in one of them, and a document, once
    /// full, keeps its events however many newer ones come.
    func archivePages(of feed: FeedRenderer.Feed) -> Int {
        archives ? count(of: feed) / pageSize : 0
    }

    /// The events `feed` shows, newest first: indices into the corpus's events.
    func events(of feed: FeedRenderer.Feed) -> [Int] {
        switch feed {
        case .all: return Array(0..<min(eventCount, pageSize))
        case .topic(let index): return Array(topics[index].events.prefix(pageSize))
        case .archive(let topic, let page):
            // Page 1 holds the oldest `pageSize` events: counted from the
            // newest, the events at N - page × size up to N - (page - 1) × size.
            let total = count(of: feed.subscription)
            let range = (total - page * pageSize)..<(total - (page - 1) * pageSize)
            return topic.map { Array(topics[$0].events[range]) } ?? Array(range)
        }
    }

    /// What decides the links of `feed`'s documents, for its fingerprint:
    /// the number of archive documents a subscription feed has and its
    /// event count (on its page); whether an archive document is the newest.
    func shape(of feed: FeedRenderer.Feed) -> [UInt64] {
        switch feed {
        case .all, .topic: return [UInt64(archivePages(of: feed)), UInt64(count(of: feed))]
        case .archive(_, let page): return [page < archivePages(of: feed.subscription) ? 1 : 0]
        }
    }

    /// The topic's name; nil for the feed of all events and its archive.
    func name(of feed: FeedRenderer.Feed) -> String? {
        switch feed {
        case .all: return nil
        case .topic(let index): return topics[index].name
        case .archive: return name(of: feed.subscription)
        }
    }

    func stem(of feed: FeedRenderer.Feed) -> String {
        switch feed {
        case .all: return "all"
        case .topic(let index): return "topics/" + topics[index].slug
        case .archive(_, let page): return "archive/\(stem(of: feed.subscription))/\(page)"
        }
    }
}
