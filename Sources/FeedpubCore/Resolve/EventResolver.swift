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
        resolve(pages, stamps: nil, reusing: nil).result
    }

    /// Resolves `pages`, reusing what resolving the pages of an earlier
    /// build gave (`previous`) when it can, and returns what a later build
    /// can reuse, with the number of entries linked again when `previous`
    /// was reused (nil when everything was resolved).
    ///
    /// `stamps` are a hash of the file and the parse settings each page was
    /// read with (0 or none: unknown): a page whose stamp is the one
    /// `previous` has is taken to be as it was then, without comparing it.
    ///
    /// Reuse gives the same result as resolving from scratch. It is
    /// possible when no page was removed, and no page changed in what
    /// resolving reads (its path, date, headline and Related list), and the
    /// new pages name no new topic, take no index key of another page and
    /// duplicate no page. Then only the entries whose lookups the new pages
    /// could answer differently are linked again, with those that depended
    /// on them; otherwise everything is resolved afresh.
    func resolve(_ pages: [Page], stamps: [UInt64]?, reusing previous: ResolutionState?) -> (
        result: Result, state: ResolutionState, relinked: Int?
    ) {
        let (ordered, stamps) = Self.inPageOrder(pages, stamps: stamps)
        if let previous, previous.aliases == ResolutionState.fingerprint(of: aliases),
            let (registry, duplicates, locations, fingerprints, renamed, relinked) = update(
                previous, to: ordered, stamps: stamps)
        {
            let (result, state) = finish(
                registry, locations: locations, stamps: stamps, fingerprints: fingerprints, duplicates: duplicates,
                labels: (previous.labels, renamed))
            return (result, state, relinked)
        }
        // Resolving everything reads every page's entries several times: a
        // page from the cache reads its own once, here.
        let pages =
            ordered.allSatisfy(\.relatedList.isHeld)
            ? ordered : ParallelMap.map(ordered, chunkSize: 256) { $0.holdingRelated }
        let (locations, fingerprints) = ParallelMap.map(Array(pages.indices), chunkSize: 256) { number in
            (ResolutionState.location(of: pages[number]), ResolutionState.fingerprint(of: pages[number]))
        }.reduce(into: ([RegistryKey](), [RegistryKey]())) {
            $0.0.append($1.0)
            $0.1.append($1.1)
        }
        let topics = topics(of: pages)
        // Everything that depends on one page alone is worked out in parallel;
        // linking events up is done in page order, so the result is the same.
        let plans = ParallelMap.map(pages) { PagePlan($0, topics: topics) }
        var registry = EventRegistry(
            topics: topics, pages: pages, entryCount: pages.reduce(0) { $0 + $1.relatedCount })
        var duplicates = [Int32](repeating: -1, count: pages.count)
        for (number, plan) in plans.enumerated() {
            let (_, duplicateOf) = registry.add(page: Int32(number), plan: plan)
            if let duplicateOf { duplicates[number] = duplicateOf }
        }
        registry.registerVariantKeys()
        // Most entries name a page by its path: those are looked up in
        // parallel. The rest are linked one by one, in page order. (The
        // lookups' copy of the registry is let go first, or linking would
        // copy the registry's storage on its first change.)
        let linked = { [registry] in
            ParallelMap.map(pages) { page in page.related.map { registry.pageEvent(at: $0.sitePath) } }
        }()
        // By index: zipping the pages, plans and entries copied (and
        // retained) every page and entry, most of which only need their
        // topics passed on.
        var number: Int32 = 0
        for (page, events) in linked.enumerated() {
            let contexts = plans[page].contextTopics
            for (index, event) in events.enumerated() {
                if let event {
                    registry.link(number: number, to: event, contexts: contexts[index])
                } else {
                    registry.link(pages[page].related[index], number: number, contexts: contexts[index])
                }
                number += 1
            }
        }
        let (result, state) = finish(
            registry, locations: locations, stamps: stamps, fingerprints: fingerprints, duplicates: duplicates)
        return (result, state, nil)
    }

    /// `pages` and their `stamps` (zeros when none are given) sorted by site
    /// path, then file. Discovery gives the corpus's pages in that order,
    /// so they are copied only when they are not.
    private static func inPageOrder(_ pages: [Page], stamps: [UInt64]?) -> ([Page], [UInt64]) {
        func precedes(_ a: Int, _ b: Int) -> Bool {
            pages[a].sitePath != pages[b].sitePath ? pages[a].sitePath < pages[b].sitePath : pages[a].file < pages[b].file
        }
        let stamps = stamps ?? [UInt64](repeating: 0, count: pages.count)
        if pages.indices.dropFirst().allSatisfy({ !precedes($0, $0 - 1) }) { return (pages, stamps) }
        let order = pages.indices.sorted(by: precedes)
        return (order.map { pages[$0] }, order.map { stamps[$0] })
    }

    /// The result of `registry` and the state a later build can reuse.
    /// With `labels`, the topic labels of the corpus `registry` was read
    /// back with, and the topics with new spellings since.
    private func finish(
        _ registry: EventRegistry, locations: [RegistryKey], stamps: [UInt64], fingerprints: [RegistryKey],
        duplicates: [Int32], labels previous: (EventRegistry.TopicLabels, Set<Int>)? = nil
    ) -> (result: Result, state: ResolutionState) {
        let pages = registry.pages
        let diagnostics = duplicates.indices.filter { duplicates[$0] >= 0 }.map { number in
            Diagnostic(
                file: pages[number].file, line: nil, severity: .warning,
                reason: .duplicate(of: pages[Int(duplicates[number])].file))
        }
        // The state is made on another thread while the corpus is (60 ms
        // of a one-day rebuild at 100,000 pages), and given the topics'
        // labels once the corpus has them.
        let aliases = ResolutionState.fingerprint(of: aliases)
        let state = BackgroundWork {
            ResolutionState(
                aliases: aliases, registry: registry, locations: locations, stamps: stamps,
                fingerprints: fingerprints, duplicates: duplicates)
        }
        let (corpus, labels) = registry.corpus(reusing: previous?.0, renamed: previous?.1 ?? [])
        return (Result(corpus: corpus, diagnostics: diagnostics), state.finish().labelled(labels))
    }

    /// `previous` brought up to date with `pages` (in page order, with
    /// their `stamps`), the page each page duplicates (-1: none), every
    /// page's location and fingerprint, the topics whose spellings have
    /// new uses, and the number of entries linked again; nil when it cannot
    /// be (see ``resolve(_:stamps:reusing:)``).
    private func update(_ previous: ResolutionState, to pages: [Page], stamps: [UInt64]) -> (
        EventRegistry, [Int32], [RegistryKey], [RegistryKey], Set<Int>, Int
    )? {
        // Each earlier page must still be there, unchanged, in the same
        // order; the pages in between are new.
        let earlier = Dictionary(
            previous.pages.locations.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        guard earlier.count == previous.pages.locations.count else { return nil }
        let found = ParallelMap.map(Array(pages.indices), chunkSize: 1024) {
            number -> (RegistryKey, Int?, RegistryKey?) in
            let location = ResolutionState.location(of: pages[number])
            guard let old = earlier[location] else {
                return (location, nil, ResolutionState.fingerprint(of: pages[number]))
            }
            if stamps[number] != 0 && stamps[number] == previous.pages.stamps[old] { return (location, old, nil) }
            return (location, old, ResolutionState.fingerprint(of: pages[number]))
        }
        var pageNumbers = [Int32](repeating: -1, count: previous.pages.locations.count)
        var fingerprints: [RegistryKey] = []
        fingerprints.reserveCapacity(pages.count)
        var added: [Int] = []
        var last = -1
        for (number, (_, old, fingerprint)) in found.enumerated() {
            if let old {
                guard old > last, fingerprint.map({ $0 == previous.pages.fingerprints[old] }) ?? true else {
                    return nil
                }
                last = old
                pageNumbers[old] = Int32(number)
                fingerprints.append(previous.pages.fingerprints[old])
            } else {
                added.append(number)
                fingerprints.append(fingerprint!)
            }
        }
        guard pages.count - added.count == previous.pages.locations.count else { return nil }

        // New pages may add uses of a topic's spellings, not new topics.
        var book = previous.book(aliases: aliases)
        var renamedKeys: Set<String> = []
        for number in added {
            for entry in pages[number].related {
                for name in RelatedEntry.contextNames(entry.contextList) {
                    guard book.hasKey(book.canonicalKey(name)) else { return nil }
                    renamedKeys.insert(book.record(name))
                }
            }
        }
        book.seal()
        let topics = TopicIDs(book: book)
        let renamed = Set(renamedKeys.compactMap(topics.number(ofKey:)))

        var entryStarts: [Int32] = [0]
        entryStarts.reserveCapacity(pages.count + 1)
        for page in pages { entryStarts.append(entryStarts.last! + Int32(page.relatedCount)) }
        let entryCount = Int(entryStarts.last!)
        var entryNumbers: [Int32] = []
        entryNumbers.reserveCapacity(previous.entryCount)
        for (old, count) in previous.pages.entryCounts.enumerated() {
            let start = entryStarts[Int(pageNumbers[old])]
            entryNumbers += (0..<count).map { start + $0 }
        }
        var registry = previous.registry(topics: topics, pages: pages, numbers: pageNumbers)
        registry.renumber(entries: entryNumbers, entryCount: entryCount)
        var duplicates = [Int32](repeating: -1, count: pages.count)
        for (old, duplicateOf) in previous.pages.duplicates.enumerated() where duplicateOf >= 0 {
            duplicates[Int(pageNumbers[old])] = pageNumbers[Int(duplicateOf)]
        }

        // The new pages' events take their keys over from any entry that
        // made them; a key another page has already means a duplicate or a
        // slug two pages share, which a full resolve settles.
        var dirty = [Bool](repeating: false, count: entryCount)
        for number in added {
            let page = pages[number]
            let plan = PagePlan(page, topics: topics)
            let keys =
                [RegistryKey(.path, page.sitePath), RegistryKey(.identity, plan.identity)]
                + plan.slugs.map { RegistryKey(date: page.date, slug: $0) }
            guard !keys.contains(where: registry.isPageKey) else { return nil }
            _ = registry.add(page: Int32(number), plan: plan)
            for entry in entryStarts[number]..<entryStarts[number + 1] { dirty[Int(entry)] = true }
        }
        registry.registerVariantKeys()
        let relinked = registry.relink(&dirty, entryStarts: entryStarts)
        return (registry, duplicates, found.map { $0.0 }, fingerprints, renamed, relinked)
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

    /// The numbering of `book`'s topics, with no context list known ahead:
    /// each list's topics are worked out when asked for.
    convenience init(book: TopicBook) {
        self.init(book: book, spellings: [], lists: [], numbers: [:], copies: [])
    }

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

    /// The number of the topic whose key is `key`.
    func number(ofKey key: String) -> Int? {
        numbers[key]
    }

    /// The number of the topic `name` names, if it is one.
    func id(_ name: String) -> Int? {
        numbers[book.canonicalKey(name)]
    }

    /// The topics of the context list `list`.
    func topics(ofList list: String) -> [Int] {
        if let number = copyNumbers[StringIdentity(list)] ?? listNumbers[BytewiseKey(list)] { return contexts[number] }
        return RelatedEntry.contextNames(list).compactMap(id)
    }
}
