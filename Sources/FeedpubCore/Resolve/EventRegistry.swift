/// The events found so far and the indexes that let a Related entry find
/// the event it names: by site path, by identity, and by date and slug.
///
/// Entries are numbered in page order, then in list order; that is the
/// order they are linked in. The registry remembers which entry made each
/// index key, each key every entry looked up, and what it linked to, so
/// that a rebuild can link again only the entries whose lookups a change
/// could answer differently (``relink(_:entryStarts:)``).
struct EventRegistry {
    /// An event: of a page, or known only by the entries that name it.
    struct Record: Sendable {
        /// The page's number in page order; -1 for an event known only by reference.
        var page: Int32
        /// The entry that made an event known only by reference; -1 for a page's.
        var creator: Int32
        let identity: String
        let storyless: String
        /// The path, date and headline of an event known only by reference
        /// (a page's are the page's own).
        let sitePath: String
        let date: EventDate
        let headline: String
        /// Set when a rebuild found that no entry makes this event any more.
        var isDropped = false
    }

    /// What an index key leads to, and which entry made it (-1: a page).
    struct Slot: Sendable {
        var event: Int32
        var creator: Int32
    }

    /// Index keys in order, with what each leads to: how a build keeps its
    /// indexes for the next one, which looks keys up by binary search
    /// instead of filling a dictionary with a million of them.
    struct SlotTable: Sendable {
        var keys: [RegistryKey] = []
        var events: [Int32] = []
        var creators: [Int32] = []

        func index(of key: RegistryKey) -> Int? {
            let found = keys.partitioningIndex { !($0 < key) }
            return found < keys.count && keys[found] == key ? found : nil
        }
    }

    /// Keys entries looked up (found or not, other than the path of a
    /// page), with the entry that looked, in one order.
    struct Lookups: Sendable {
        var keys: [RegistryKey] = []
        var entries: [Int32] = []

        mutating func append(_ key: RegistryKey, by entry: Int32) {
            keys.append(key)
            entries.append(entry)
        }

        /// The same lookups ordered by key, then entry.
        func sortedByKey() -> Lookups {
            let order = keys.indices.sorted { (keys[$0], entries[$0]) < (keys[$1], entries[$1]) }
            return Lookups(keys: order.map { keys[$0] }, entries: order.map { entries[$0] })
        }
    }

    let topics: TopicIDs
    /// The pages, in page order.
    let pages: [Page]
    private(set) var events: [Record] = []
    /// Each event's topics, by number, with repeats: one for each entry that
    /// gives it, one for its headline's story prefix.
    private(set) var eventTopics: [[Int]] = []
    /// The event each entry links to, by entry number.
    private(set) var targets: [Int32] = []
    /// Every lookup, in entry order.
    private(set) var lookups = Lookups()
    /// The same in key order, for a registry read back.
    private var lookupsByKey = Lookups()
    /// The indexes an earlier build left, and the slots made or changed
    /// since (all of them, resolving from scratch); a slot dropped since is
    /// kept with event -1.
    private var base = SlotTable()
    private var slots: [RegistryKey: Slot] = [:]
    /// Keys made, taken over or dropped, with the entry that did it (-1: a
    /// page), kept only for a registry read back.
    private var changedKeys: [(RegistryKey, Int32)] = []
    private let tracksChanges: Bool
    private var pendingVariants: [(date: EventDate, slugs: ArraySlice<String>, event: Int32)] = []

    /// An empty registry for `pages` with `entryCount` Related entries: its
    /// indexes are sized up front instead of growing (and rehashing) as they fill.
    init(topics: TopicIDs, pages: [Page], entryCount: Int) {
        self.topics = topics
        self.pages = pages
        tracksChanges = false
        events.reserveCapacity(pages.count)
        eventTopics.reserveCapacity(pages.count)
        targets = [Int32](repeating: -1, count: entryCount)
        // Each page's path and identity, a full headline and up to three
        // shorter variants, and the paths entries name pages by.
        slots.reserveCapacity(7 * pages.count)
        lookups.keys.reserveCapacity(entryCount)
        lookups.entries.reserveCapacity(entryCount)
    }

    /// A registry as a previous build left it, for `pages`, to be brought up to date.
    init(
        topics: TopicIDs, pages: [Page], events: [Record], eventTopics: [[Int]], slots: SlotTable, targets: [Int32],
        lookups: Lookups, lookupsByKey: Lookups
    ) {
        self.topics = topics
        self.pages = pages
        self.events = events
        self.eventTopics = eventTopics
        base = slots
        self.targets = targets
        self.lookups = lookups
        self.lookupsByKey = lookupsByKey
        tracksChanges = true
    }

    // MARK: Pages

    /// Adds the event of page number `number` (planned as `plan`), or finds
    /// the event it duplicates.
    ///
    /// - Returns: the event's index and, for a duplicate, the other page's number.
    mutating func add(page number: Int32, plan: PagePlan) -> (Int32, Int32?) {
        let page = pages[Int(number)]
        let pageSlots = [RegistryKey(.path, page.sitePath), RegistryKey(.identity, plan.identity)].compactMap { key in
            slot(key).flatMap { $0.creator < 0 ? $0 : nil }
        }
        if let existing = pageSlots.first {
            return (existing.event, events[Int(existing.event)].page)
        }
        let event = append(
            Record(
                page: number, creator: -1, identity: plan.identity, storyless: plan.storyless, sitePath: page.sitePath,
                date: page.date, headline: page.headline),
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
        slot(RegistryKey(.path, sitePath))?.event
    }

    /// Whether a page's event is indexed under `key`.
    func isPageKey(_ key: RegistryKey) -> Bool {
        slot(key).map { $0.creator < 0 } ?? false
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

    /// Links again, in entry order, every entry marked in `dirty` and every
    /// later entry whose lookups meet a key that one makes, takes over or
    /// drops, as well as the entries that looked up a key changed since
    /// the registry was read back (a new page's). `entryStarts[page]` is the
    /// number of the page's first entry. Returns how many were linked again.
    mutating func relink(_ dirty: inout [Bool], entryStarts: [Int32]) -> Int {
        markLookers(&dirty)
        var relinked = Lookups()
        var isRelinked = [Bool](repeating: false, count: dirty.count)
        var page = 0
        for number in dirty.indices where dirty[number] {
            while entryStarts[page + 1] <= number { page += 1 }
            let entry = pages[page].related[number - Int(entryStarts[page])]
            let contexts = topics.topics(ofList: entry.contextList)
            if targets[number] >= 0 { unlink(Int32(number), contexts: contexts) }
            isRelinked[number] = true
            let start = lookups.keys.count
            link(entry, number: Int32(number), contexts: contexts)
            relinked.keys += lookups.keys[start...]
            relinked.entries += lookups.entries[start...]
            lookups.keys.removeSubrange(start...)
            lookups.entries.removeSubrange(start...)
            markLookers(&dirty)
        }
        // The entries linked again replace their lookups.
        lookups = Self.merge(lookups, relinked, leavingOut: isRelinked) { $0.1 < $1.1 }
        lookupsByKey = Self.merge(lookupsByKey, relinked.sortedByKey(), leavingOut: isRelinked) { $0 < $1 }
        return isRelinked.count { $0 }
    }

    /// Gives every entry its number among the `entryCount` entries of a
    /// later build, `entryNumbers[old]`.
    mutating func renumber(entries entryNumbers: [Int32], entryCount: Int) {
        func renumbered(_ entry: Int32) -> Int32 { entry < 0 ? entry : entryNumbers[Int(entry)] }
        for index in events.indices { events[index].creator = renumbered(events[index].creator) }
        var moved = [Int32](repeating: -1, count: entryCount)
        for (old, target) in targets.enumerated() { moved[Int(entryNumbers[old])] = target }
        targets = moved
        for index in lookups.entries.indices { lookups.entries[index] = renumbered(lookups.entries[index]) }
        for index in lookupsByKey.entries.indices {
            lookupsByKey.entries[index] = renumbered(lookupsByKey.entries[index])
        }
        for index in base.creators.indices { base.creators[index] = renumbered(base.creators[index]) }
    }

    // MARK: Saving

    /// Every index key in order, with the slots made since merged in.
    func slotTable() -> SlotTable {
        var table = SlotTable()
        let changed = slots.keys.sorted()
        table.keys.reserveCapacity(base.keys.count + changed.count)
        table.events.reserveCapacity(base.keys.count + changed.count)
        table.creators.reserveCapacity(base.keys.count + changed.count)
        var next = 0
        func add(_ key: RegistryKey, _ slot: Slot) {
            guard slot.event >= 0 else { return }
            table.keys.append(key)
            table.events.append(slot.event)
            table.creators.append(slot.creator)
        }
        for (index, key) in base.keys.enumerated() {
            while next < changed.count && changed[next] < key {
                add(changed[next], slots[changed[next]]!)
                next += 1
            }
            if next < changed.count && changed[next] == key {
                add(key, slots[key]!)
                next += 1
            } else {
                add(key, Slot(event: base.events[index], creator: base.creators[index]))
            }
        }
        for key in changed[next...] { add(key, slots[key]!) }
        return table
    }

    /// Every lookup in key order.
    func lookupsInKeyOrder() -> Lookups {
        lookupsByKey.keys.count == lookups.keys.count ? lookupsByKey : lookups.sortedByKey()
    }

    // MARK: Corpus

    /// The name and file slug of every topic, by number: what a corpus
    /// shows of its topics (empty for a topic no event has).
    struct TopicLabels: Sendable {
        var names: [String]
        var slugs: [String]
    }

    /// The finished corpus: events in feed order, topics by key with slugs;
    /// and the topics' labels. With `previous`, the labels of an earlier
    /// corpus with the same topics, a topic keeps its slug and, unless it
    /// is one of `renamed` (whose spellings have new uses), its name.
    func corpus(reusing previous: TopicLabels? = nil, renamed: Set<Int> = []) -> (Corpus, TopicLabels) {
        let live = events.indices.filter { !events[$0].isDropped }
        // Feed order (``Event/feedOrder(_:_:)``). The dates and paths are
        // kept apart: comparing copies of (date, path) pairs retained and
        // released each path, and most comparisons need only the dates.
        let dates = live.map { date(of: $0) }
        let sitePaths = live.map { sitePath(of: $0) }
        let order = live.indices.sorted { left, right in
            dates[left] != dates[right] ? dates[left] > dates[right] : sitePaths[left] < sitePaths[right]
        }.map { live[$0] }
        // Each event's topics, sorted and each once, and its entry, are
        // made on both cores: one after the other, they took 120 ms of a
        // one-day rebuild at 100,000 pages.
        let eventTopics = self.eventTopics
        let distinct = ParallelMap.map(order, chunkSize: 1_024) { event in
            var topics = eventTopics[event]
            topics.sort()
            var kept = 0
            for topic in topics where kept == 0 || topics[kept - 1] != topic {
                topics[kept] = topic
                kept += 1
            }
            topics.removeSubrange(kept...)
            return topics
        }
        // Topics no event has are left out; numbers follow key order.
        var index = [Int?](repeating: nil, count: topics.keys.count)
        for topics in distinct {
            for topic in topics { index[topic] = 0 }
        }
        var keys: [String] = []
        for number in index.indices where index[number] != nil {
            index[number] = keys.count
            keys.append(topics.keys[number])
        }
        // Slugs depend on which topics there are; names, on each topic's spellings.
        var labels = TopicLabels(
            names: [String](repeating: "", count: index.count), slugs: [String](repeating: "", count: index.count))
        let sameTopics =
            previous.map { previous in
                previous.slugs.count == index.count && index.indices.allSatisfy { (index[$0] != nil) == !previous.slugs[$0].isEmpty }
            } ?? false
        let slugs = sameTopics ? [:] : TopicSlugs.assign(keys)
        for number in index.indices where index[number] != nil {
            let key = topics.keys[number]
            labels.slugs[number] = sameTopics ? previous!.slugs[number] : slugs[key]!
            let earlier = previous.flatMap { $0.names.count == index.count ? $0.names[number] : nil } ?? ""
            labels.names[number] = earlier.isEmpty || renamed.contains(number) ? topics.book.displayName(key) : earlier
        }
        var corpusTopics = index.indices.compactMap { number in
            index[number].map { _ in
                Topic(name: labels.names[number], key: topics.keys[number], slug: labels.slugs[number])
            }
        }
        let (records, pages, numbers) = (events, self.pages, index)
        let sorted = ParallelMap.map(Array(order.indices), chunkSize: 1_024) { position in
            let original = order[position]
            let eventTopics = distinct[position].map { numbers[$0]! }
            let page = Int(records[original].page)
            if page >= 0 {
                return Event(
                    sitePath: pages[page].sitePath, identity: records[original].identity, date: pages[page].date,
                    headline: pages[page].headline, storyless: records[original].storyless,
                    content: pages[page].content, topics: eventTopics, contentHash: pages[page].contentHash)
            }
            return Event(
                sitePath: records[original].sitePath, identity: records[original].identity,
                date: records[original].date, headline: records[original].headline,
                storyless: records[original].storyless, isReferenceOnly: true, topics: eventTopics)
        }
        for position in sorted.indices {
            for topic in sorted[position].topics { corpusTopics[topic].events.append(position) }
        }
        return (Corpus(events: sorted, topics: corpusTopics), labels)
    }

    // MARK: Private

    /// The site path of event number `event`. (Like `date(of:)`, it reads
    /// only the fields it needs: a copy of the record retained and released
    /// all of its strings, for each of 120,000 events.)
    func sitePath(of event: Int) -> String {
        let page = events[event].page
        return page >= 0 ? pages[Int(page)].sitePath : events[event].sitePath
    }

    private func date(of event: Int) -> EventDate {
        let page = events[event].page
        return page >= 0 ? pages[Int(page)].date : events[event].date
    }

    /// What `key` leads to now.
    private func slot(_ key: RegistryKey) -> Slot? {
        if let slot = slots[key] { return slot.event >= 0 ? slot : nil }
        return base.index(of: key).map { Slot(event: base.events[$0], creator: base.creators[$0]) }
    }

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
                page: -1, creator: number, identity: identity, storyless: storyless, sitePath: entry.sitePath,
                date: entry.date, headline: headline),
            prefixTopics: prefixTopics.compactMap(topics.id), creator: number)
        for slug in slugs { index(slug: slug, date: entry.date, event: event, creator: number) }
        return event
    }

    /// The event `key` leads to as entry `number` sees it: made by a page
    /// or an earlier entry. Records the lookup, unless it found a page.
    private mutating func lookUp(_ key: RegistryKey, by number: Int32) -> Int32? {
        let slot = slot(key)
        if let slot, slot.creator < 0 { return slot.event }
        lookups.append(key, by: number)
        guard let slot, slot.creator < number else { return nil }
        return slot.event
    }

    /// Indexes `event` under `key`, as made by entry `creator` (-1: a page),
    /// taking it over from a later entry; an earlier key stays.
    private mutating func make(_ key: RegistryKey, event: Int32, by creator: Int32) {
        if let slot = slot(key), slot.creator < 0 || (creator >= 0 && slot.creator <= creator) { return }
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

    /// Undoes the linking of entry `number` (whose topics are `contexts`)
    /// before it is linked again: drops the keys it made and the event it made.
    private mutating func unlink(_ number: Int32, contexts: [Int]) {
        let event = Int(targets[Int(number)])
        for topic in contexts {
            if let position = eventTopics[event].lastIndex(of: topic) { eventTopics[event].remove(at: position) }
        }
        // Every key an entry makes, it looked up first.
        var first = lookups.entries.partitioningIndex { $0 >= number }
        while first < lookups.entries.count && lookups.entries[first] == number {
            let key = lookups.keys[first]
            if slot(key)?.creator == number {
                slots[key] = Slot(event: -1, creator: -1)
                changedKeys.append((key, number))
            }
            first += 1
        }
        if events[event].creator == number { events[event].isDropped = true }
        targets[Int(number)] = -1
    }

    /// Marks in `dirty` every entry that looked up a key changed since the
    /// last call, after the entry that changed it.
    private mutating func markLookers(_ dirty: inout [Bool]) {
        for (key, changer) in changedKeys {
            var index = lookupsByKey.keys.partitioningIndex { !($0 < key) }
            while index < lookupsByKey.keys.count && lookupsByKey.keys[index] == key {
                let entry = lookupsByKey.entries[index]
                if entry > changer { dirty[Int(entry)] = true }
                index += 1
            }
        }
        changedKeys.removeAll()
    }

    /// `old` without the lookups of the entries marked in `leavingOut`,
    /// merged with `new`, both in the order `isBefore` gives (on key and entry).
    private static func merge(
        _ old: Lookups, _ new: Lookups, leavingOut: [Bool],
        by isBefore: ((RegistryKey, Int32), (RegistryKey, Int32)) -> Bool
    ) -> Lookups {
        var merged = Lookups()
        merged.keys.reserveCapacity(old.keys.count + new.keys.count)
        merged.entries.reserveCapacity(old.keys.count + new.keys.count)
        var next = 0
        for (key, entry) in zip(old.keys, old.entries) where !leavingOut[Int(entry)] {
            while next < new.keys.count && isBefore((new.keys[next], new.entries[next]), (key, entry)) {
                merged.append(new.keys[next], by: new.entries[next])
                next += 1
            }
            merged.append(key, by: entry)
        }
        for index in next..<new.keys.count { merged.append(new.keys[index], by: new.entries[index]) }
        return merged
    }

    /// The identity of the event of `date` whose headline without prefixes is `storyless`.
    static func identity(date: EventDate, storyless: String) -> String {
        "/news/\(date.folder)/\(Slug.site(storyless)).md"
    }
}

extension Collection {
    /// The first index whose element satisfies `belongs`, for a collection
    /// in which every such element comes after every other.
    fileprivate func partitioningIndex(where belongs: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if belongs(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
