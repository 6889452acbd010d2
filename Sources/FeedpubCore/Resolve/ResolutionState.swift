import Foundation

/// What resolving a build's pages gave, kept in the output folder
/// (`.feedpub-resolved`) so that the next build can resolve only what its
/// new pages change (``EventResolver/resolve(_:stamps:reusing:)``): each
/// page's location, stamp and fingerprint, the topic spellings and their
/// uses, and the event registry with every entry's lookups.
///
/// Like the page cache, it is an optimisation only: one that is missing,
/// damaged, or written by another program gives a full resolve, and the
/// same output. It is written as arrays of fixed-size numbers, so that a
/// rebuild of 100,000 pages reads its million index keys by copying them.
public struct ResolutionState: Sendable {
    /// The file name inside the output folder.
    public static let fileName = ".feedpub-resolved"
    static let header = "feedpub-resolved 1"

    /// Each page, in page order: a hash of its path and file, the stamp it
    /// was parsed from (0: none), a fingerprint of everything about it that
    /// resolving reads, its number of Related entries, and the page it
    /// duplicates (-1: none).
    struct Pages: Sendable {
        var locations: [RegistryKey] = []
        var stamps: [UInt64] = []
        var fingerprints: [RegistryKey] = []
        var entryCounts: [Int32] = []
        var duplicates: [Int32] = []
    }

    /// A fingerprint of the aliases resolving used.
    let aliases: UInt64
    /// Every topic spelling, with its uses.
    let spellings: [(name: String, count: Int)]
    let pages: Pages
    /// Every event. A page's event, read back, has only its page number and
    /// identity: its path, date and headline are the page's, and its
    /// headline without story prefixes is the end of the headline, as long
    /// as `storylessLengths` says (in UTF-8 bytes).
    let events: [EventRegistry.Record]
    private let storylessLengths: [Int32]
    /// Each event's identity as written: empty when it is the event's path.
    private let identities: [String]
    let eventTopics: [[Int]]
    let slots: EventRegistry.SlotTable
    let targets: [Int32]
    let lookups: EventRegistry.Lookups
    let lookupsByKey: EventRegistry.Lookups
    /// The name and slug of every topic, by number (none until
    /// ``labelled(_:)`` gives them).
    private(set) var labels = EventRegistry.TopicLabels(names: [], slugs: [])

    /// The number of Related entries of all pages.
    var entryCount: Int { targets.count }

    /// The state of `registry`, which resolved its pages (with their
    /// `locations`, `stamps`, `fingerprints`, and the page each duplicates)
    /// with `aliases`, without topic labels. Events the registry dropped are left out.
    init(
        aliases: UInt64, registry: EventRegistry, locations: [RegistryKey], stamps: [UInt64],
        fingerprints: [RegistryKey], duplicates: [Int32]
    ) {
        self.aliases = aliases
        spellings = registry.topics.book.recordedSpellings
        let registered = registry.pages
        pages = Pages(
            locations: locations, stamps: stamps, fingerprints: fingerprints,
            entryCounts: registered.indices.map { Int32(registered[$0].relatedCount) }, duplicates: duplicates)
        lookups = registry.lookups
        lookupsByKey = registry.lookupsInKeyOrder()
        var slots = registry.slotTable()
        let identities = registry.events.indices.map { index in
            let identity = registry.events[index].identity
            return identity == registry.sitePath(of: index) ? "" : identity
        }
        guard registry.events.contains(where: \.isDropped) else {
            self.identities = identities
            events = registry.events
            storylessLengths = events.map { Int32($0.storyless.utf8.count) }
            eventTopics = registry.eventTopics
            self.slots = slots
            targets = registry.targets
            return
        }
        self.identities = registry.events.indices.filter { !registry.events[$0].isDropped }.map { identities[$0] }
        var numbers = [Int32](repeating: -1, count: registry.events.count)
        var kept: [EventRegistry.Record] = []
        var keptTopics: [[Int]] = []
        for (index, event) in registry.events.enumerated() where !event.isDropped {
            numbers[index] = Int32(kept.count)
            kept.append(event)
            keptTopics.append(registry.eventTopics[index])
        }
        events = kept
        storylessLengths = kept.map { Int32($0.storyless.utf8.count) }
        eventTopics = keptTopics
        for index in slots.events.indices { slots.events[index] = numbers[Int(slots.events[index])] }
        self.slots = slots
        targets = registry.targets.map { $0 < 0 ? $0 : numbers[Int($0)] }
    }

    private init(
        aliases: UInt64, spellings: [(name: String, count: Int)], pages: Pages, events: [EventRegistry.Record],
        storylessLengths: [Int32], identities: [String], eventTopics: [[Int]], slots: EventRegistry.SlotTable,
        targets: [Int32],
        lookups: EventRegistry.Lookups, lookupsByKey: EventRegistry.Lookups, labels: EventRegistry.TopicLabels
    ) {
        self.aliases = aliases
        self.labels = labels
        self.spellings = spellings
        self.pages = pages
        self.events = events
        self.storylessLengths = storylessLengths
        self.identities = identities
        self.eventTopics = eventTopics
        self.slots = slots
        self.targets = targets
        self.lookups = lookups
        self.lookupsByKey = lookupsByKey
    }

    /// The state with the topics' `labels`.
    func labelled(_ labels: EventRegistry.TopicLabels) -> ResolutionState {
        var state = self
        state.labels = labels
        return state
    }

    /// The topic book as it was, with `aliases`; not yet sealed.
    func book(aliases: [String: String]) -> TopicBook {
        var book = TopicBook(aliases: aliases)
        for (name, count) in spellings { book.record(name, count: count) }
        return book
    }

    /// The registry as it was, with topics numbered by `topics`, for
    /// `pages`: `numbers[old]` is the number each page had then has now.
    func registry(topics: TopicIDs, pages: [Page], numbers: [Int32]) -> EventRegistry {
        let events = zip(events, storylessLengths).map { event, length in
            guard event.page >= 0 else { return event }
            let number = numbers[Int(event.page)]
            let headline = pages[Int(number)].headline
            // Most headlines have no story prefix: their copy is shared, not made again.
            let storyless =
                headline.utf8.count == Int(length)
                ? headline : String(decoding: headline.utf8.suffix(Int(length)), as: UTF8.self)
            return EventRegistry.Record(
                page: number, creator: -1, identity: event.identity.isEmpty ? pages[Int(number)].sitePath : event.identity,
                storyless: storyless, sitePath: "", date: event.date, headline: "")
        }
        return EventRegistry(
            topics: topics, pages: pages, events: events, eventTopics: eventTopics, slots: slots, targets: targets,
            lookups: lookups, lookupsByKey: lookupsByKey)
    }

    /// Where `page` is: its site path and file.
    static func location(of page: Page) -> RegistryKey {
        var hasher = WideHasher(seed: 2)
        hasher.add(page.sitePath)
        hasher.add(page.file)
        let (high, low) = hasher.value
        return RegistryKey(high: high, low: low)
    }

    /// A fingerprint of everything about `page` that resolving reads. (Its
    /// dates go in as numbers: writing each of a million out as text was a
    /// fifth of a second of a full build at 100,000 pages.)
    static func fingerprint(of page: Page) -> RegistryKey {
        var hasher = WideHasher(seed: 0)
        hasher.add(page.sitePath)
        hasher.add(page.file)
        hasher.add(page.date)
        hasher.add(page.headline)
        let related = page.related
        hasher.add(UInt64(related.count))
        for entry in related {
            hasher.add(entry.headline)
            hasher.add(entry.sitePath)
            hasher.add(entry.date)
            hasher.add(entry.contextList)
        }
        let (high, low) = hasher.value
        return RegistryKey(high: high, low: low)
    }

    /// A fingerprint of `aliases`.
    static func fingerprint(of aliases: [String: String]) -> UInt64 {
        var hasher = WideHasher(seed: 1)
        for (alias, canonical) in aliases.sorted(by: { $0.key < $1.key }) {
            hasher.add(alias)
            hasher.add(canonical)
        }
        return hasher.value.0
    }

    // MARK: Writing

    /// What the file must match besides its format: the program that wrote it.
    static var key: String {
        let program = Bundle.main.executablePath.flatMap { FileStamp.of($0) }
        return "\(FeedpubVersion.current) \(program.map { "\($0.size) \($0.modified)" } ?? "unknown")"
    }

    /// Writes the state to `sink`: a header, the state, then a checksum of all but the header.
    func write(to sink: inout OutputFolder.Sink) throws(OutputFolder.Failure) {
        try sink.append(Array((Self.header + "\n" + Self.key + "\n").utf8))
        var out = BinaryWriter()
        out.numbers([aliases])
        out.strings(spellings.map(\.name))
        out.numbers(spellings.map { UInt64($0.count) })
        out.numbers(pages.locations)
        out.numbers(pages.stamps)
        out.numbers(pages.fingerprints)
        out.numbers(pages.entryCounts)
        out.numbers(pages.duplicates)
        try out.flush(to: &sink)
        out.numbers(events.map(\.page))
        out.numbers(events.map(\.creator))
        out.numbers(storylessLengths)
        // Most identities are the event's path, and most headlines have no
        // story prefix: those are written empty.
        out.strings(identities)
        try out.flush(to: &sink)
        let references = events.filter { $0.page < 0 }
        out.strings(references.map(\.sitePath))
        out.numbers(references.map { Int32($0.date.year) << 16 | Int32($0.date.month) << 8 | Int32($0.date.day) })
        out.strings(references.map(\.headline))
        out.strings(references.map { $0.storyless == $0.headline ? "" : $0.storyless })
        out.numbers(eventTopics.map { Int32($0.count) })
        out.numbers(eventTopics.flatMap { $0.map(Int32.init) })
        try out.flush(to: &sink)
        out.numbers(slots.keys)
        out.numbers(slots.events)
        out.numbers(slots.creators)
        out.numbers(targets)
        try out.flush(to: &sink)
        out.numbers(lookups.keys)
        out.numbers(lookups.entries)
        out.numbers(lookupsByKey.keys)
        out.numbers(lookupsByKey.entries)
        out.strings(labels.names)
        out.strings(labels.slugs)
        try out.flush(to: &sink, always: true)
        try sink.append(withUnsafeBytes(of: sink.checksum.littleEndian, Array.init))
    }

    // MARK: Reading

    /// Why a state file was not used.
    struct Unusable: Error {
        let reason: String
    }

    /// The state in the file at `path`; nil when there is no such file.
    static func read(_ path: String) throws(Unusable) -> ResolutionState? {
        let mapped: MappedFile
        do {
            guard let file = try MappedFile(path: path) else { return nil }
            mapped = file
        } catch {
            throw Unusable(reason: "cannot be read (\(error.reason))")
        }
        let bytes = mapped.bytes
        defer { withExtendedLifetime(mapped) {} }
        let header = Array((Self.header + "\n").utf8)
        let prefix = header + Array((key + "\n").utf8)
        guard bytes.starts(with: header) else { throw Unusable(reason: "not a resolution state this version can read") }
        guard bytes.starts(with: prefix) else { throw Unusable(reason: "written by another build of feedpub") }
        guard bytes.count >= prefix.count + 8 else { throw Unusable(reason: "damaged (cut short)") }
        var sum = Checksum()
        sum.add(UnsafeRawBufferPointer(rebasing: bytes[prefix.count..<(bytes.count - 8)]))
        let stored = bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
        guard UInt64(littleEndian: stored) == sum.final else { throw Unusable(reason: "damaged (checksum)") }
        var reader = BinaryReader(bytes, start: prefix.count, end: bytes.count - 8)
        let parsed = Result { () throws(BinaryReader.Damaged) in try parse(&reader) }
        switch parsed {
        case .success(let state): return state
        case .failure(let damage): throw Unusable(reason: "damaged (\(damage.reason))")
        }
    }

    private static func parse(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> ResolutionState {
        guard let aliases = try reader.numbers(UInt64.self).first else { throw BinaryReader.Damaged(reason: "aliases") }
        let names = try reader.strings()
        let counts = try reader.numbers(UInt64.self, count: names.count)
        let spellings = zip(names, counts).map { (name: $0, count: Int($1)) }
        let locations = try reader.numbers(RegistryKey.self)
        let pageCount = locations.count
        let pages = Pages(
            locations: locations, stamps: try reader.numbers(UInt64.self, count: pageCount),
            fingerprints: try reader.numbers(RegistryKey.self, count: pageCount),
            entryCounts: try reader.numbers(Int32.self, count: pageCount),
            duplicates: try reader.numbers(Int32.self, count: pageCount))
        guard pages.duplicates.allSatisfy({ $0 < pageCount }) else { throw BinaryReader.Damaged(reason: "page number") }
        let eventPages = try reader.numbers(Int32.self)
        let eventCount = eventPages.count
        let creators = try reader.numbers(Int32.self, count: eventCount)
        let storylessLengths = try reader.numbers(Int32.self, count: eventCount)
        let identities = try reader.strings(count: eventCount)
        let referenceCount = eventPages.count { $0 < 0 }
        let sitePaths = try reader.strings(count: referenceCount)
        let dates = try reader.numbers(Int32.self, count: referenceCount)
        let headlines = try reader.strings(count: referenceCount)
        let storylesses = try reader.strings(count: referenceCount)
        guard eventPages.allSatisfy({ $0 < pageCount }) else { throw BinaryReader.Damaged(reason: "page number") }
        var events: [EventRegistry.Record] = []
        events.reserveCapacity(eventCount)
        var reference = 0
        let placeholder = EventDate(year: 1970, month: 1, day: 1)!
        for index in 0..<eventCount {
            if eventPages[index] >= 0 {
                events.append(
                    EventRegistry.Record(
                        page: eventPages[index], creator: -1, identity: identities[index], storyless: "",
                        sitePath: "", date: placeholder, headline: ""))
            } else {
                let packed = Int(dates[reference])
                guard let date = EventDate(year: packed >> 16, month: packed >> 8 & 0xFF, day: packed & 0xFF) else {
                    throw BinaryReader.Damaged(reason: "date")
                }
                events.append(
                    EventRegistry.Record(
                        page: -1, creator: creators[index],
                        identity: identities[index].isEmpty ? sitePaths[reference] : identities[index],
                        storyless: storylesses[reference].isEmpty ? headlines[reference] : storylesses[reference],
                        sitePath: sitePaths[reference], date: date, headline: headlines[reference]))
                reference += 1
            }
        }
        let topicCounts = try reader.numbers(Int32.self, count: eventCount)
        let flatTopics = try reader.numbers(Int32.self)
        guard topicCounts.reduce(0, { $0 + Int($1) }) == flatTopics.count else {
            throw BinaryReader.Damaged(reason: "topic count")
        }
        var eventTopics: [[Int]] = []
        eventTopics.reserveCapacity(eventCount)
        var start = 0
        for count in topicCounts {
            eventTopics.append(flatTopics[start..<(start + Int(count))].map(Int.init))
            start += Int(count)
        }
        let keys = try reader.numbers(RegistryKey.self)
        let slots = EventRegistry.SlotTable(
            keys: keys, events: try reader.numbers(Int32.self, count: keys.count),
            creators: try reader.numbers(Int32.self, count: keys.count))
        let targets = try reader.numbers(Int32.self, count: pages.entryCounts.reduce(0) { $0 + Int($1) })
        guard slots.events.allSatisfy({ 0 <= $0 && $0 < eventCount }),
            targets.allSatisfy({ 0 <= $0 && $0 < eventCount })
        else { throw BinaryReader.Damaged(reason: "event number") }
        let lookupKeys = try reader.numbers(RegistryKey.self)
        let lookups = EventRegistry.Lookups(
            keys: lookupKeys, entries: try reader.numbers(Int32.self, count: lookupKeys.count))
        let lookupsByKey = EventRegistry.Lookups(
            keys: try reader.numbers(RegistryKey.self, count: lookupKeys.count),
            entries: try reader.numbers(Int32.self, count: lookupKeys.count))
        guard (lookups.entries + lookupsByKey.entries).allSatisfy({ 0 <= $0 && $0 < targets.count }) else {
            throw BinaryReader.Damaged(reason: "entry number")
        }
        let topicNames = try reader.strings()
        let labels = EventRegistry.TopicLabels(names: topicNames, slugs: try reader.strings(count: topicNames.count))
        guard reader.isAtEnd else { throw BinaryReader.Damaged(reason: "trailing bytes") }
        return ResolutionState(
            aliases: aliases, spellings: spellings, pages: pages, events: events, storylessLengths: storylessLengths,
            identities: identities, eventTopics: eventTopics, slots: slots, targets: targets, lookups: lookups, lookupsByKey: lookupsByKey,
            labels: labels)
    }
}

/// Arrays of fixed-size numbers (as their little-endian bytes) and of
/// strings, each with its count, into a buffer handed on a megabyte or
/// more at a time.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    /// Writes the count of `values`, then their bytes.
    mutating func numbers<T: BitwiseCopyable>(_ values: [T]) {
        count(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// Writes the count of `texts`, the length of each in UTF-8 bytes, then their bytes.
    mutating func strings(_ texts: [String]) {
        numbers(texts.map { UInt32($0.utf8.count) })
        for text in texts { bytes.append(contentsOf: text.utf8) }
    }

    private mutating func count(_ count: Int) {
        withUnsafeBytes(of: UInt64(count).littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Hands the buffer on to `sink` once it holds a megabyte (or at once, `always`).
    mutating func flush(to sink: inout OutputFolder.Sink, always: Bool = false) throws(OutputFolder.Failure) {
        guard always || bytes.count >= 1 << 20 else { return }
        try sink.append(bytes, counted: true)
        bytes.removeAll(keepingCapacity: true)
    }
}

/// Reads what ``BinaryWriter`` wrote, checking every count against the bytes left.
struct BinaryReader {
    struct Damaged: Error {
        let reason: String
    }

    private let raw: UnsafeRawBufferPointer
    private var offset: Int
    private let end: Int

    init(_ raw: UnsafeRawBufferPointer, start: Int, end: Int) {
        self.raw = raw
        offset = start
        self.end = end
    }

    var isAtEnd: Bool { offset == end }

    /// An array of numbers; with `count`, it must have that many.
    mutating func numbers<T: BitwiseCopyable>(_: T.Type, count expected: Int? = nil) throws(Damaged) -> [T] {
        guard end - offset >= 8 else { throw Damaged(reason: "cut short") }
        let count = Int(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
        offset += 8
        let size = MemoryLayout<T>.stride
        guard count <= (end - offset) / size else { throw Damaged(reason: "count past the end") }
        if let expected, expected != count { throw Damaged(reason: "count") }
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count * size)]))
            initialized = count
        }
        offset += count * size
        return values
    }

    /// An array of strings; with `count`, it must have that many.
    mutating func strings(count expected: Int? = nil) throws(Damaged) -> [String] {
        let lengths = try numbers(UInt32.self, count: expected)
        var texts: [String] = []
        texts.reserveCapacity(lengths.count)
        for length in lengths {
            guard Int(length) <= end - offset else { throw Damaged(reason: "string past the end") }
            texts.append(String(decoding: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + Int(length))]), as: UTF8.self))
            offset += Int(length)
        }
        return texts
    }
}
