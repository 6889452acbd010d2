/// The events found so far and the indexes that let a Related entry find
/// the event it names: by site path, by identity, and by date and slug.
///
/// Entries are numbered in page order, then in list order; that is the
/// order they are linked in. The registry remembers which entry made each
/// index key, each key every entry looked up, and what it linked to, so
/// that a rebuild can link again only the entries whose lookups a change
/// could answer differently (``EventResolver``).
struct EventRegistry {
    /// An event: of a page, or known only by the entries that name it.
    struct Record: Sendable {
        /// The page's number in page order; nil for an event known only by reference.
        var page: Int32?
        /// The entry that made an event known only by reference; -1 for a page's.
        var creator: Int32
        let sitePath: String
        let identity: String
        let date: EventDate
        let headline: String
        let storyless: String
        /// Set when a rebuild found that no entry makes this event any more.
        var isDropped = false
    }

    /// What an index key leads to, and which entry made it (-1: a page).
    struct Slot: Sendable {
        var event: Int32
        var creator: Int32
    }

    /// A key an entry looked up, found or not, other than the path of a page.
    struct Probe: Sendable {
        let key: RegistryKey
        var entry: Int32
    }

    let topics: TopicIDs
    private(set) var events: [Record] = []
    /// Each event's topics, by number, with repeats: one for each entry that
    /// gives it, one for its headline's story prefix.
    private(set) var eventTopics: [[Int]] = []
    private(set) var slots: [RegistryKey: Slot] = [:]
    /// The event each entry links to, by entry number.
    private(set) var targets: [Int32] = []
    /// Every key entries looked up, in entry order.
    private(set) var probes: [Probe] = []
    /// Keys made or taken over since ``takeChangedKeys()``, with the entry
    /// that did (-1: a page); recorded only when `tracksChanges`.
    private var changedKeys: [(RegistryKey, Int32)] = []
    private let tracksChanges: Bool
    private var pendingVariants: [(date: EventDate, slugs: ArraySlice<String>, event: Int32)] = []

    /// An empty registry for about `pageCount` pages with `entryCount`
    /// Related entries: its indexes are sized for them up front instead of
    /// growing (and rehashing) as they fill.
    init(topics: TopicIDs, pageCount: Int, entryCount: Int) {
        self.topics = topics
        tracksChanges = false
        events.reserveCapacity(pageCount)
        eventTopics.reserveCapacity(pageCount)
        targets = [Int32](repeating: -1, count: entryCount)
        // Each page's path and identity, a full headline and up to three
        // shorter variants, and the paths entries name pages by.
        slots.reserveCapacity(7 * pageCount)
        probes.reserveCapacity(entryCount)
    }

    /// A registry as a previous build left it, to be brought up to date.
    init(
        topics: TopicIDs, events: [Record], eventTopics: [[Int]], slots: [RegistryKey: Slot], targets: [Int32],
        probes: [Probe]
    ) {
        self.topics = topics
        self.events = events
        self.eventTopics = eventTopics
        self.slots = slots
        self.targets = targets
        self.probes = probes
        tracksChanges = true
    }

    // MARK: Pages

    /// Adds the event of `page`, number `number` in page order (planned as
    /// `plan`), or finds the event it duplicates.
    ///
    /// - Returns: the event's index and, for a duplicate, the other page's number.
    mutating func add(_ page: Page, number: Int32, plan: PagePlan) -> (Int32, Int32?) {
        let pageSlots = [RegistryKey(.path, page.sitePath), RegistryKey(.identity, plan.identity)].compactMap { key in
            slots[key].flatMap { $0.creator < 0 ? $0 : nil }
        }
        if let existing = pageSlots.first {
            return (existing.event, events[Int(existing.event)].page)
        }
        let event = append(
            Record(
                page: number, creator: -1, sitePath: page.sitePath, identity: plan.identity, date: page.date,
                headline: page.headline, storyless: plan.storyless),
            prefixTopics: plan.prefixTopics, creator: -1)
        index(slug: plan.slugs[0], date: page.date, event: event, creator: -1)
        pendingVariants.append((page.date, plan.slugs.dropFirst(), event))
        return (event, nil)
    }

    /// Indexes every page under its headline without story prefixes, after
    /// all full headlines, so that a full match always wins.
    mutating func registerVariantKeys() {
        for (date, slugs, event) in pendingVariants {
            for slug in slugs { index(slug: slug, date: date, event: event, creator: -1) }
        }
        pendingVariants.removeAll()
    }

    /// The event of the page at `sitePath`, before any entry is linked.
    func pageEvent(at sitePath: String) -> Int32? {
        slots[RegistryKey(.path, sitePath)]?.event
    }

    /// Whether a page's event is indexed under `key`.
    func isPageKey(_ key: RegistryKey) -> Bool {
        slots[key].map { $0.creator < 0 } ?? false
    }

    /// Gives a later page's number to every page event: `numbers[old]`.
    mutating func renumberPages(_ numbers: [Int32]) {
        for index in events.indices {
            if let page = events[index].page { events[index].page = numbers[Int(page)] }
        }
    }

    /// Gives every entry its number among the entries of a later build:
    /// `numbers[old]`; entries numbered anew are not linked yet.
    mutating func renumberEntries(_ numbers: [Int32], count: Int) {
        func renumbered(_ entry: Int32) -> Int32 { entry < 0 ? entry : numbers[Int(entry)] }
        var moved = [Int32](repeating: -1, count: count)
        for (old, target) in targets.enumerated() { moved[Int(numbers[old])] = target }
        targets = moved
        for index in probes.indices { probes[index].entry = renumbered(probes[index].entry) }
        for key in slots.keys { slots[key]!.creator = renumbered(slots[key]!.creator) }
        for index in events.indices { events[index].creator = renumbered(events[index].creator) }
    }

    // MARK: Entries

    /// Links entry number `number`, `entry`, to the event it names, and
    /// gives that event the topics `contexts`.
    ///
    /// The event is a page of the corpus by path, or by date and a slug of
    /// the entry's headline with or without story prefix; failing that, an
    /// event known only by reference, made on its first mention. Keys made
    /// by later entries are not seen: a rebuild links an entry again as if
    /// every entry after it were not linked yet.
    mutating func link(_ entry: RelatedEntry, number: Int32, contexts: [Int]) {
        let event = target(of: entry, number: number)
        targets[Int(number)] = event
        eventTopics[Int(event)] += contexts
    }

    /// Gives `event` the topics `contexts` of entry `number`, which names a
    /// page by its path.
    mutating func link(number: Int32, to event: Int32, contexts: [Int]) {
        targets[Int(number)] = event
        eventTopics[Int(event)] += contexts
    }

    /// Undoes ``link(_:number:contexts:)`` of entry `number` (its topics are
    /// `contexts`), before it is linked again: drops the keys it made and
    /// the event it made. Its lookups are left in ``probes``; the caller
    /// leaves them out once it has linked it again.
    mutating func unlink(number: Int32, contexts: [Int], probes range: Range<Int>) {
        let event = Int(targets[Int(number)])
        for topic in contexts {
            if let position = eventTopics[event].lastIndex(of: topic) { eventTopics[event].remove(at: position) }
        }
        for probe in probes[range] where slots[probe.key]?.creator == number {
            slots[probe.key] = nil
            changedKeys.append((probe.key, number))
        }
        if events[event].creator == number { events[event].isDropped = true }
        targets[Int(number)] = -1
    }

    /// The keys made, taken over or dropped since the last call, each with
    /// the entry that did it (-1: a page); entries after it that looked the
    /// key up are to be linked again.
    mutating func takeChangedKeys() -> [(RegistryKey, Int32)] {
        defer { changedKeys.removeAll() }
        return changedKeys
    }

    /// Lets a rebuild's own lookups replace those of the entries it linked
    /// again: `replaced[entry]` is true for each of them, and `fresh` are
    /// their new lookups, in entry order.
    mutating func replaceProbes(of replaced: [Bool], with fresh: [Probe]) {
        var merged: [Probe] = []
        merged.reserveCapacity(probes.count + fresh.count)
        var next = fresh.startIndex
        for probe in probes where !replaced[Int(probe.entry)] {
            while next < fresh.endIndex && fresh[next].entry < probe.entry {
                merged.append(fresh[next])
                next += 1
            }
            merged.append(probe)
        }
        merged += fresh[next...]
        probes = merged
    }

    /// Takes the lookups recorded since `start` off ``probes`` and returns them.
    mutating func takeProbes(since start: Int) -> [Probe] {
        defer { probes.removeSubrange(start...) }
        return Array(probes[start...])
    }

    // MARK: Corpus

    /// The finished corpus of `pages` (in page order): events in feed
    /// order, topics by key with slugs.
    func corpus(of pages: [Page]) -> Corpus {
        let live = events.indices.filter { !events[$0].isDropped }
        let order = live.sorted { left, right in
            let (a, b) = (events[left], events[right])
            return a.date != b.date ? a.date > b.date : a.sitePath < b.sitePath
        }
        // Topics no event has are left out; numbers follow key order.
        var index = [Int?](repeating: nil, count: topics.keys.count)
        let distinct = order.map { event in
            let topics = Array(Set(eventTopics[event])).sorted()
            for topic in topics { index[topic] = 0 }
            return topics
        }
        var keys: [String] = []
        for number in index.indices where index[number] != nil {
            index[number] = keys.count
            keys.append(topics.keys[number])
        }
        let slugs = TopicSlugs.assign(keys)
        var corpusTopics = keys.map { Topic(name: topics.book.displayName($0), key: $0, slug: slugs[$0]!) }
        var sorted: [Event] = []
        sorted.reserveCapacity(order.count)
        for (position, original) in order.enumerated() {
            let record = events[original]
            let eventTopics = distinct[position].map { index[$0]! }
            for topic in eventTopics { corpusTopics[topic].events.append(position) }
            if let number = record.page {
                let page = pages[Int(number)]
                sorted.append(
                    Event(
                        sitePath: record.sitePath, identity: record.identity, date: record.date,
                        headline: record.headline, storyless: record.storyless, body: page.body,
                        sources: page.sources, cover: page.cover, topics: eventTopics))
            } else {
                sorted.append(
                    Event(
                        sitePath: record.sitePath, identity: record.identity, date: record.date,
                        headline: record.headline, storyless: record.storyless, isReferenceOnly: true,
                        topics: eventTopics))
            }
        }
        return Corpus(events: sorted, topics: corpusTopics)
    }

    // MARK: Private

    /// The event entry `number`, `entry`, names (see ``link(_:number:contexts:)``).
    private mutating func target(of entry: RelatedEntry, number: Int32) -> Int32 {
        let pathKey = RegistryKey(.path, entry.sitePath)
        if let found = lookUp(pathKey, by: number) { return found }
        let headline = entry.headline.isEmpty ? entry.slug.split(separator: "-").joined(separator: " ") : entry.headline
        // Slugs are tried first, one at a time: most entries whose path
        // names no page find it under their headline's own slug, and need
        // neither the shorter variants nor the story prefixes.
        var slugs = [entry.slug]
        var variants = StoryPrefix.Variants(headline)
        while true {
            if let found = lookUp(RegistryKey(date: entry.date, slug: slugs.last!), by: number) {
                make(pathKey, event: found, by: number)
                return found
            }
            guard let next = variants.next() else { break }
            slugs.append(Slug.site(next))
        }
        let (prefixTopics, storyless) = StoryPrefix.splitTopics(headline, isTopic: topics.book.contains)
        let identity = Self.identity(date: entry.date, storyless: storyless)
        if let found = lookUp(RegistryKey(.identity, identity), by: number) {
            make(pathKey, event: found, by: number)
            return found
        }
        let event = append(
            Record(
                page: nil, creator: number, sitePath: entry.sitePath, identity: identity, date: entry.date,
                headline: headline, storyless: storyless),
            prefixTopics: prefixTopics.compactMap(topics.id), creator: number)
        for slug in slugs { index(slug: slug, date: entry.date, event: event, creator: number) }
        return event
    }

    /// The event `key` leads to as entry `number` sees it: made by a page
    /// or an earlier entry. Records the lookup, unless it found a page.
    private mutating func lookUp(_ key: RegistryKey, by number: Int32) -> Int32? {
        let slot = slots[key]
        if let slot, slot.creator < 0 { return slot.event }
        probes.append(Probe(key: key, entry: number))
        guard let slot, slot.creator < number else { return nil }
        return slot.event
    }

    /// Indexes `event` under `key`, as made by entry `creator` (-1: a page),
    /// taking it over from a later entry; an earlier key stays.
    private mutating func make(_ key: RegistryKey, event: Int32, by creator: Int32) {
        if let slot = slots[key], slot.creator < 0 || (creator >= 0 && slot.creator <= creator) { return }
        slots[key] = Slot(event: event, creator: creator)
        if tracksChanges { changedKeys.append((key, creator)) }
    }

    /// Appends `event` with the topics `prefixTopics`, made by entry
    /// `creator` (-1: a page), and indexes it by path and identity.
    private mutating func append(_ event: Record, prefixTopics: [Int], creator: Int32) -> Int32 {
        let index = Int32(events.count)
        events.append(event)
        eventTopics.append(prefixTopics)
        make(RegistryKey(.path, event.sitePath), event: index, by: creator)
        make(RegistryKey(.identity, event.identity), event: index, by: creator)
        return index
    }

    private mutating func index(slug: String, date: EventDate, event: Int32, creator: Int32) {
        make(RegistryKey(date: date, slug: slug), event: event, by: creator)
    }

    /// The identity of the event of `date` whose headline without prefixes is `storyless`.
    static func identity(date: EventDate, storyless: String) -> String {
        "/news/\(date.folder)/\(Slug.site(storyless)).md"
    }
}
