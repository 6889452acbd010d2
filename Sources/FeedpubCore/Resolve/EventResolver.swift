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
        // parallel. The rest are linked one by one, in page order. (The
        // lookups' copy of the registry is let go first, or linking would
        // copy the registry's storage on its first change.)
        let linked = { [registry] in
            ParallelMap.map(pages) { page in page.related.map { registry.event(at: $0.sitePath) } }
        }()
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
        // Pages share one copy of each list they repeat: uses are counted by
        // the copy first, then the copies by their bytes.
        let size = max(512, (pages.count + 1) / 2)
        let ranges = stride(from: 0, to: pages.count, by: size).map { $0..<min(pages.count, $0 + size) }
        let counts = ParallelMap.map(ranges, chunkSize: 1) { range in
            var uses: [StringIdentity: (list: String, count: Int)] = [:]
            for page in pages[range] {
                for entry in page.related {
                    uses[StringIdentity(entry.contextList), default: (entry.contextList, 0)].count += 1
                }
            }
            return uses
        }
        var copies: [StringIdentity: (list: String, count: Int)] = [:]
        for uses in counts { copies.merge(uses) { ($0.list, $0.count + $1.count) } }
        var lists: [(list: String, count: Int)] = []
        var listNumbers: [BytewiseKey: Int] = [:]
        listNumbers.reserveCapacity(copies.count)
        var copyNumbers: [(StringIdentity, String, Int)] = []
        copyNumbers.reserveCapacity(copies.count)
        for (identity, (list, count)) in copies {
            let key = BytewiseKey(list)
            let number = listNumbers[key] ?? lists.count
            if number == lists.count {
                listNumbers[key] = number
                lists.append((list, 0))
            }
            lists[number].count += count
            copyNumbers.append((identity, list, number))
        }
        let names = ParallelMap.map(lists) { RelatedEntry.contextNames($0.list) }
        // Each spelling is recorded once, with its uses summed: a few
        // thousand names make up hundreds of thousands of lists. The order
        // of recording does not matter: a topic's name is chosen by counting
        // uses of each spelling, ties broken by code point order.
        var spellings: [BytewiseKey: Int] = [:]
        for (names, (_, count)) in zip(names, lists) {
            for name in names { spellings[BytewiseKey(name), default: 0] += count }
        }
        var book = TopicBook(aliases: aliases)
        for (name, count) in spellings { book.record(name.string, count: count) }
        book.seal()
        return TopicIDs(
            book: book, spellings: Array(spellings.keys), lists: names, numbers: listNumbers, copies: copyNumbers)
    }
}

/// Every topic of a corpus, numbered in key order, and the topics of every
/// distinct context list: resolving links events to topics by number.
final class TopicIDs: Sendable {
    /// How names compare and which spelling readers see.
    let book: TopicBook
    /// Every topic's key; a topic's number is its index.
    let keys: [String]
    private let numbers: [String: Int]
    /// The topics of each distinct context list.
    private let contexts: [[Int]]
    /// The number of each list, by its text.
    private let listNumbers: [BytewiseKey: Int]
    /// The same, by the identity of each copy of a list the pages hold.
    private let copyNumbers: [StringIdentity: Int]
    /// Those copies, kept alive so that no identity can come to stand for
    /// another string.
    private let copies: [String]

    /// The numbering of `book`'s topics, with the topics of every distinct
    /// context list, given as the names in `lists` and numbered by text in
    /// `numbers` and by identity in `copies`; `spellings` are every name
    /// of the lists.
    init(
        book: TopicBook, spellings: [BytewiseKey], lists: [[String]], numbers listNumbers: [BytewiseKey: Int],
        copies: [(StringIdentity, String, Int)]
    ) {
        self.book = book
        keys = book.sortedKeys
        let numbers = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        self.numbers = numbers
        var spellingNumbers: [BytewiseKey: Int] = [:]
        for spelling in spellings { spellingNumbers[spelling] = numbers[book.canonicalKey(spelling.string)] }
        contexts = ParallelMap.map(lists) { [spellingNumbers] names in
            names.compactMap { spellingNumbers[BytewiseKey($0)] }
        }
        self.listNumbers = listNumbers
        copyNumbers = Dictionary(uniqueKeysWithValues: copies.map { ($0, $2) })
        self.copies = copies.map(\.1)
    }

    /// The number of the topic `name` names, if it is one.
    func id(_ name: String) -> Int? {
        numbers[book.canonicalKey(name)]
    }

    /// The topics of the context list `list`, one of the lists counted.
    func topics(ofList list: String) -> [Int] {
        (copyNumbers[StringIdentity(list)] ?? listNumbers[BytewiseKey(list)]).map { contexts[$0] } ?? []
    }
}
