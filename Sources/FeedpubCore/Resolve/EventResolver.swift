/// Works out every event and its topics from the pages of a corpus
/// (FORMAT.md, "Topics"): an event's topics are the contexts of every Related
/// entry, anywhere in the corpus, that points at it, plus the topics its
/// headline's story prefix names.
public struct EventResolver: Sendable {
    /// Alias → canonical topic name, matched without regard to case.
    public let aliases: [String: String]

    /// A resolver using `aliases`.
    public init(aliases: [String: String] = [:]) {
        self.aliases = aliases
    }

    /// What resolving gave: the corpus and the duplicates it merged.
    public struct Result: Sendable {
        /// Events and topics.
        public let corpus: Corpus
        /// One warning per page that was the same event as another.
        public let diagnostics: [Diagnostic]
    }

    /// Resolves `pages`; their order does not matter.
    public func resolve(_ pages: [Page]) -> Result {
        let pages = pages.indices.sorted { (pages[$0].sitePath, pages[$0].file) < (pages[$1].sitePath, pages[$1].file) }
            .map { pages[$0] }
        let topics = topics(of: pages)
        // Everything that depends on one page alone is worked out in parallel;
        // linking events up is done in page order, so the result is the same.
        let plans = ParallelMap.map(pages) { PagePlan($0, topics: topics) }
        var registry = EventRegistry(topics: topics, pageCount: pages.count)
        var diagnostics: [Diagnostic] = []
        for (page, plan) in zip(pages, plans) {
            let (_, duplicateOf) = registry.add(page, plan: plan)
            if let duplicateOf {
                diagnostics.append(
                    Diagnostic(file: page.file, line: nil, severity: .warning, reason: .duplicate(of: duplicateOf)))
            }
        }
        registry.registerVariantKeys()
        // Most entries name a page by its path: those are looked up in
        // parallel. The rest are linked one by one, in page order.
        let pageEvents = registry
        let linked = ParallelMap.map(pages) { page in page.related.map { pageEvents.event(at: $0.sitePath) } }
        for ((page, plan), events) in zip(zip(pages, plans), linked) {
            for ((entry, contexts), event) in zip(zip(page.related, plan.contextTopics), events) {
                let target = event ?? registry.target(of: entry)
                for topic in contexts { registry.addTopic(topic, to: target) }
            }
        }
        return Result(corpus: registry.corpus(), diagnostics: diagnostics)
    }

    /// Every context topic name of `pages`, numbered, with the topics of
    /// every distinct context list. Lists repeat (every link to one event
    /// gives its topics), so each is split once.
    private func topics(of pages: [Page]) -> TopicIDs {
        let ranges = stride(from: 0, to: pages.count, by: 512).map { $0..<min(pages.count, $0 + 512) }
        let counts = ParallelMap.map(ranges, chunkSize: 1) { range in
            var uses: [BytewiseKey: Int] = [:]
            for page in pages[range] {
                for entry in page.related { uses[BytewiseKey(entry.contextList), default: 0] += 1 }
            }
            return uses
        }
        var lists: [BytewiseKey: Int] = [:]
        lists.reserveCapacity(counts.reduce(0) { $0 + $1.count })
        for uses in counts { lists.merge(uses, uniquingKeysWith: +) }
        // The order of recording does not matter: a topic's name is chosen by
        // counting uses of each spelling, ties broken by code point order.
        let split = ParallelMap.map(Array(lists)) { list, count in
            (list, RelatedEntry.contextNames(list.string), count)
        }
        var book = TopicBook(aliases: aliases)
        for (_, names, count) in split {
            for name in names { book.record(name, count: count) }
        }
        book.seal()
        return TopicIDs(book: book, lists: split.map { ($0.0, $0.1) })
    }
}

/// Every topic of a corpus, numbered in key order, and the topics of every
/// distinct context list: resolving links events to topics by number.
struct TopicIDs: Sendable {
    /// How names compare and which spelling readers see.
    let book: TopicBook
    /// Every topic's key; a topic's number is its index.
    let keys: [String]
    /// The topics of each context list, by the list's text.
    let contexts: [BytewiseKey: [Int]]
    private let numbers: [String: Int]

    /// The numbering of `book`'s topics, with the topics of each of `lists`.
    init(book: TopicBook, lists: [(BytewiseKey, [String])]) {
        self.book = book
        keys = book.sortedKeys
        let numbers = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        self.numbers = numbers
        contexts = Dictionary(
            uniqueKeysWithValues: ParallelMap.map(lists) { list, names in
                (list, names.compactMap { numbers[book.canonicalKey($0)] })
            })
    }

    /// The number of the topic `name` names, if it is one.
    func id(_ name: String) -> Int? {
        numbers[book.canonicalKey(name)]
    }
}
