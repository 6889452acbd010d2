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
        let (book, contextKeys) = topics(of: pages)
        // Everything that depends on one page alone is worked out in parallel;
        // linking events up is done in page order, so the result is the same.
        let plans = ParallelMap.map(pages) { PagePlan($0, book: book, contextKeys: contextKeys) }
        var registry = EventRegistry(book: book)
        var diagnostics: [Diagnostic] = []
        for (page, plan) in zip(pages, plans) {
            let (_, duplicateOf) = registry.add(page, plan: plan)
            if let duplicateOf {
                diagnostics.append(
                    Diagnostic(file: page.file, line: nil, severity: .warning, reason: .duplicate(of: duplicateOf)))
            }
        }
        registry.registerVariantKeys()
        for (page, plan) in zip(pages, plans) {
            for (entry, keys) in zip(page.related, plan.contextKeys) {
                let target = registry.target(of: entry)
                for key in keys { registry.addTopic(key, to: target) }
            }
        }
        return Result(corpus: registry.corpus(), diagnostics: diagnostics)
    }

    /// Every context topic name of `pages` with the number of its uses, and
    /// the topic keys of every distinct context list. Lists repeat (every
    /// link to one event gives its topics), so each is split once.
    private func topics(of pages: [Page]) -> (TopicBook, [String: [String]]) {
        let ranges = stride(from: 0, to: pages.count, by: 512).map { $0..<min(pages.count, $0 + 512) }
        let counts = ParallelMap.map(ranges, chunkSize: 1) { range in
            var uses: [String: Int] = [:]
            for page in pages[range] {
                for entry in page.related { uses[entry.contextList, default: 0] += 1 }
            }
            return uses
        }
        var lists: [String: Int] = [:]
        for uses in counts { lists.merge(uses, uniquingKeysWith: +) }
        let split = ParallelMap.map(Array(lists)) { list, count in (RelatedEntry.contextNames(list), count) }
        var book = TopicBook(aliases: aliases)
        for (names, count) in split {
            for name in names { book.record(name, count: count) }
        }
        book.seal()
        let sealed = book
        let keys = ParallelMap.map(Array(lists.keys)) { list in
            (list, RelatedEntry.contextNames(list).map(sealed.canonicalKey))
        }
        return (book, Dictionary(uniqueKeysWithValues: keys))
    }
}
