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
        let book = topicBook(of: pages)
        // Everything that depends on one page alone is worked out in parallel;
        // linking events up is done in page order, so the result is the same.
        let plans = ParallelMap.map(pages) { PagePlan($0, book: book) }
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

    /// Every context topic name of `pages` with the number of its uses,
    /// counted in parallel.
    private func topicBook(of pages: [Page]) -> TopicBook {
        let ranges = stride(from: 0, to: pages.count, by: 512).map { $0..<min(pages.count, $0 + 512) }
        let counts = ParallelMap.map(ranges, chunkSize: 1) { range in
            var uses: [String: Int] = [:]
            for page in pages[range] {
                for entry in page.related {
                    for name in entry.contexts { uses[name, default: 0] += 1 }
                }
            }
            return uses
        }
        var book = TopicBook(aliases: aliases)
        for uses in counts {
            for (name, count) in uses { book.record(name, count: count) }
        }
        book.seal()
        return book
    }
}
