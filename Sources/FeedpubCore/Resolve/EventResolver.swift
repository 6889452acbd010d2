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
        let pages = pages.sorted { ($0.sitePath, $0.file) < ($1.sitePath, $1.file) }
        var book = TopicBook(aliases: aliases)
        for page in pages {
            for entry in page.related {
                for name in entry.contexts { book.record(name) }
            }
        }
        book.seal()
        var registry = EventRegistry(book: book)
        var diagnostics: [Diagnostic] = []
        var pageEvents: [Int] = []
        for page in pages {
            let (index, duplicateOf) = registry.add(page)
            pageEvents.append(index)
            if let duplicateOf {
                diagnostics.append(
                    Diagnostic(file: page.file, line: nil, severity: .warning, reason: .duplicate(of: duplicateOf)))
            }
        }
        registry.registerVariantKeys()
        for page in pages {
            for entry in page.related {
                let target = registry.target(of: entry)
                for name in entry.contexts { registry.addTopic(book.canonicalKey(name), to: target) }
            }
        }
        return Result(corpus: registry.corpus(), diagnostics: diagnostics)
    }
}
