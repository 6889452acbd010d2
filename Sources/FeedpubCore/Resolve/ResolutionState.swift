import Foundation

/// What resolving a build's pages gave, kept in the output folder
/// (`.feedpub-resolved`) so that the next build can resolve only what its
/// new pages change (``EventResolver/resolve(_:reusing:)``): every page's
/// fingerprint, the topic spellings and their uses, and the event registry
/// with every entry's lookups.
///
/// Like the page cache, it is an optimisation only: one that is missing,
/// damaged, or written by another program gives a full resolve, and the
/// same output.
public struct ResolutionState: Sendable {
    /// The file name inside the output folder.
    public static let fileName = ".feedpub-resolved"
    static let header = "feedpub-resolved 1"

    /// A page as resolved: where it is, a fingerprint of everything about
    /// it that resolving reads, its number of Related entries, and the page
    /// it duplicates (-1: none).
    struct PageRecord: Sendable {
        let file: String
        let sitePath: String
        let fingerprint: RegistryKey
        let entryCount: Int32
        let duplicateOf: Int32
    }

    /// A fingerprint of the aliases resolving used.
    let aliases: UInt64
    /// Every topic spelling, with its uses.
    let spellings: [(name: String, count: Int)]
    /// Every page, in page order.
    let pages: [PageRecord]
    /// Every event. A page's event, read back, has only its page number and
    /// identity: its path, date and headline are the page's, and its
    /// headline without story prefixes is the end of the headline, as long
    /// as `storylessLengths` says (in UTF-8 bytes).
    let events: [EventRegistry.Record]
    private let storylessLengths: [Int32]
    let eventTopics: [[Int]]
    let slots: [RegistryKey: EventRegistry.Slot]
    let targets: [Int32]
    let probes: [EventRegistry.Probe]

    /// The number of Related entries of all pages.
    var entryCount: Int { targets.count }

    /// The state of `registry`, which resolved `pages` (in page order, with
    /// their `fingerprints` and the page each duplicates) with `aliases`.
    /// Events the registry dropped are left out.
    init(
        aliases: UInt64, registry: EventRegistry, pages: [Page], fingerprints: [RegistryKey], duplicates: [Int32]
    ) {
        self.aliases = aliases
        spellings = registry.topics.book.recordedSpellings
        self.pages = pages.indices.map { number in
            PageRecord(
                file: pages[number].file, sitePath: pages[number].sitePath, fingerprint: fingerprints[number],
                entryCount: Int32(pages[number].related.count), duplicateOf: duplicates[number])
        }
        probes = registry.probes
        guard registry.events.contains(where: \.isDropped) else {
            targets = registry.targets
            events = registry.events
            storylessLengths = events.map { Int32($0.storyless.utf8.count) }
            eventTopics = registry.eventTopics
            slots = registry.slots
            return
        }
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
        slots = registry.slots.mapValues { EventRegistry.Slot(event: numbers[Int($0.event)], creator: $0.creator) }
        targets = registry.targets.map { $0 < 0 ? $0 : numbers[Int($0)] }
    }

    private init(
        aliases: UInt64, spellings: [(name: String, count: Int)], pages: [PageRecord], events: [EventRegistry.Record],
        storylessLengths: [Int32], eventTopics: [[Int]], slots: [RegistryKey: EventRegistry.Slot], targets: [Int32],
        probes: [EventRegistry.Probe]
    ) {
        self.aliases = aliases
        self.spellings = spellings
        self.pages = pages
        self.events = events
        self.storylessLengths = storylessLengths
        self.eventTopics = eventTopics
        self.slots = slots
        self.targets = targets
        self.probes = probes
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
            guard let old = event.page else { return event }
            let number = numbers[Int(old)]
            let page = pages[Int(number)]
            return EventRegistry.Record(
                page: number, creator: -1, sitePath: page.sitePath, identity: event.identity, date: page.date,
                headline: page.headline,
                storyless: String(decoding: page.headline.utf8.suffix(Int(length)), as: UTF8.self))
        }
        return EventRegistry(
            topics: topics, events: events, eventTopics: eventTopics, slots: slots, targets: targets, probes: probes)
    }

    /// A fingerprint of everything about `page` that resolving reads.
    static func fingerprint(of page: Page) -> RegistryKey {
        var hasher = WideHasher(seed: 0)
        hasher.add(page.sitePath)
        hasher.add(page.file)
        hasher.add(page.date.description)
        hasher.add(page.headline)
        hasher.add(UInt64(page.related.count))
        for entry in page.related {
            hasher.add(entry.headline)
            hasher.add(entry.sitePath)
            hasher.add(entry.date.description)
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

    // MARK: Reading and writing

    /// What the file must match besides its format: the program that wrote it.
    static var key: String {
        let program = Bundle.main.executablePath.flatMap { FileStamp.of($0) }
        return "\(FeedpubVersion.current) \(program.map { "\($0.size) \($0.modified)" } ?? "unknown")"
    }

    /// Writes the state to `sink`: a header, the state, then a checksum of all but the header.
    func write(to sink: inout OutputFolder.Sink) throws(OutputFolder.Failure) {
        try sink.append(Array((Self.header + "\n" + Self.key + "\n").utf8), counted: false)
        var out = BinaryWriter()
        out.integer(aliases)
        out.integer(UInt32(spellings.count))
        for (name, count) in spellings {
            out.string(name)
            out.integer(UInt64(count))
        }
        out.integer(UInt32(pages.count))
        for page in pages {
            out.string(page.file)
            out.string(page.sitePath)
            out.key(page.fingerprint)
            out.integer(page.entryCount)
            out.integer(page.duplicateOf)
            try out.flush(to: &sink)
        }
        out.integer(UInt32(events.count))
        for (event, topics) in zip(events, eventTopics) {
            if let page = event.page {
                out.integer(UInt8(0))
                out.integer(page)
                out.string(event.identity)
                out.integer(Int32(event.storyless.utf8.count))
            } else {
                out.integer(UInt8(1))
                out.integer(event.creator)
                out.string(event.sitePath)
                out.string(event.identity)
                out.integer(UInt16(event.date.year))
                out.integer(UInt8(event.date.month))
                out.integer(UInt8(event.date.day))
                out.string(event.headline)
                out.string(event.storyless)
            }
            out.integer(UInt32(topics.count))
            for topic in topics { out.integer(UInt32(topic)) }
            try out.flush(to: &sink)
        }
        out.integer(UInt32(slots.count))
        for (key, slot) in slots {
            out.key(key)
            out.integer(slot.event)
            out.integer(slot.creator)
            try out.flush(to: &sink)
        }
        out.integer(UInt32(targets.count))
        for target in targets {
            out.integer(target)
            try out.flush(to: &sink)
        }
        out.integer(UInt32(probes.count))
        for probe in probes {
            out.key(probe.key)
            out.integer(probe.entry)
            try out.flush(to: &sink)
        }
        try out.flush(to: &sink, always: true)
        var checksum = BinaryWriter()
        checksum.integer(sink.checksum)
        try sink.append(checksum.bytes, counted: false)
    }

    /// Why a state file was not used.
    struct Unusable: Error {
        let reason: String
    }

    /// The state in the file at `path`; nil when there is no such file.
    static func read(_ path: String) throws(Unusable) -> ResolutionState? {
        guard let data = FileManager.default.contents(atPath: path) else {
            if !FileManager.default.fileExists(atPath: path) { return nil }
            throw Unusable(reason: "cannot be read")
        }
        let bytes = [UInt8](data)
        let prefix = Array((header + "\n" + key + "\n").utf8)
        guard bytes.starts(with: Array((header + "\n").utf8)) else {
            throw Unusable(reason: "not a resolution state this version can read")
        }
        guard bytes.starts(with: prefix) else { throw Unusable(reason: "written by another build of feedpub") }
        guard bytes.count >= prefix.count + 8 else { throw Unusable(reason: "damaged (too short)") }
        var sum = Checksum()
        sum.add(bytes[prefix.count..<(bytes.count - 8)])
        var reader = BinaryReader(bytes: bytes, start: bytes.count - 8, end: bytes.count)
        guard (try? reader.integer(UInt64.self)) == sum.final else { throw Unusable(reason: "damaged (checksum)") }
        reader = BinaryReader(bytes: bytes, start: prefix.count, end: bytes.count - 8)
        do {
            return try Self.parse(&reader)
        } catch {
            throw Unusable(reason: "damaged (\(error.reason))")
        }
    }

    private static func parse(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> ResolutionState {
        let aliases = try reader.integer(UInt64.self)
        var spellings: [(name: String, count: Int)] = []
        for _ in 0..<(try reader.count()) {
            spellings.append((try reader.string(), Int(try reader.integer(UInt64.self))))
        }
        var pages: [PageRecord] = []
        let pageCount = try reader.count()
        pages.reserveCapacity(pageCount)
        for _ in 0..<pageCount {
            pages.append(
                PageRecord(
                    file: try reader.string(), sitePath: try reader.string(), fingerprint: try reader.key(),
                    entryCount: try reader.integer(Int32.self), duplicateOf: try reader.integer(Int32.self)))
        }
        var events: [EventRegistry.Record] = []
        var storylessLengths: [Int32] = []
        var eventTopics: [[Int]] = []
        let eventCount = try reader.count()
        events.reserveCapacity(eventCount)
        storylessLengths.reserveCapacity(eventCount)
        eventTopics.reserveCapacity(eventCount)
        for _ in 0..<eventCount {
            switch try reader.integer(UInt8.self) {
            case 0:
                let page = try reader.integer(Int32.self)
                guard page >= 0 && Int(page) < pageCount else { throw BinaryReader.Damaged(reason: "page number") }
                // A page's path, date and headline are the page's own.
                events.append(
                    EventRegistry.Record(
                        page: page, creator: -1, sitePath: "", identity: try reader.string(),
                        date: EventDate(year: 1970, month: 1, day: 1)!, headline: "", storyless: ""))
                storylessLengths.append(try reader.integer(Int32.self))
            case 1:
                let creator = try reader.integer(Int32.self)
                let sitePath = try reader.string()
                let identity = try reader.string()
                let year = Int(try reader.integer(UInt16.self))
                let month = Int(try reader.integer(UInt8.self))
                guard let date = EventDate(year: year, month: month, day: Int(try reader.integer(UInt8.self))) else {
                    throw BinaryReader.Damaged(reason: "date")
                }
                events.append(
                    EventRegistry.Record(
                        page: nil, creator: creator, sitePath: sitePath, identity: identity, date: date,
                        headline: try reader.string(), storyless: try reader.string()))
                storylessLengths.append(0)
            default:
                throw BinaryReader.Damaged(reason: "event kind")
            }
            var topics: [Int] = []
            let topicCount = try reader.count()
            topics.reserveCapacity(topicCount)
            for _ in 0..<topicCount { topics.append(Int(try reader.integer(UInt32.self))) }
            eventTopics.append(topics)
        }
        var slots: [RegistryKey: EventRegistry.Slot] = [:]
        let slotCount = try reader.count()
        slots.reserveCapacity(slotCount)
        for _ in 0..<slotCount {
            let key = try reader.key()
            let event = try reader.integer(Int32.self)
            guard event >= 0 && Int(event) < eventCount else { throw BinaryReader.Damaged(reason: "event number") }
            slots[key] = EventRegistry.Slot(event: event, creator: try reader.integer(Int32.self))
        }
        var targets: [Int32] = []
        let targetCount = try reader.count()
        targets.reserveCapacity(targetCount)
        for _ in 0..<targetCount {
            let target = try reader.integer(Int32.self)
            guard target >= 0 && Int(target) < eventCount else { throw BinaryReader.Damaged(reason: "event number") }
            targets.append(target)
        }
        guard targetCount == pages.reduce(0, { $0 + Int($1.entryCount) }) else {
            throw BinaryReader.Damaged(reason: "entry count")
        }
        var probes: [EventRegistry.Probe] = []
        let probeCount = try reader.count()
        probes.reserveCapacity(probeCount)
        for _ in 0..<probeCount {
            let key = try reader.key()
            let entry = try reader.integer(Int32.self)
            guard entry >= 0 && Int(entry) < targetCount else { throw BinaryReader.Damaged(reason: "entry number") }
            probes.append(EventRegistry.Probe(key: key, entry: entry))
        }
        guard reader.isAtEnd else { throw BinaryReader.Damaged(reason: "trailing bytes") }
        return ResolutionState(
            aliases: aliases, spellings: spellings, pages: pages, events: events, storylessLengths: storylessLengths,
            eventTopics: eventTopics,
            slots: slots, targets: targets, probes: probes)
    }
}

/// Little-endian numbers and length-prefixed strings, into a buffer that
/// is handed on a megabyte at a time.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        integer(UInt32(text.utf8.count))
        bytes.append(contentsOf: text.utf8)
    }

    mutating func key(_ key: RegistryKey) {
        integer(key.high)
        integer(key.low)
    }

    /// Hands the buffer on to `sink` once it holds a megabyte (or at once, `always`).
    mutating func flush(to sink: inout OutputFolder.Sink, always: Bool = false) throws(OutputFolder.Failure) {
        guard always || bytes.count >= 1 << 20 else { return }
        try sink.append(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}

/// Reads what ``BinaryWriter`` wrote, checking every length against the bytes left.
struct BinaryReader {
    struct Damaged: Error {
        let reason: String
    }

    private let bytes: [UInt8]
    private var offset: Int
    private let end: Int

    init(bytes: [UInt8], start: Int, end: Int) {
        self.bytes = bytes
        offset = start
        self.end = end
    }

    var isAtEnd: Bool { offset == end }

    mutating func integer<T: FixedWidthInteger>(_: T.Type) throws(Damaged) -> T {
        let size = MemoryLayout<T>.size
        guard end - offset >= size else { throw Damaged(reason: "truncated") }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
        offset += size
        return T(littleEndian: value)
    }

    /// A count of items of at least one byte each, no more than the bytes left.
    mutating func count() throws(Damaged) -> Int {
        let count = Int(try integer(UInt32.self))
        guard count <= end - offset else { throw Damaged(reason: "count past the end") }
        return count
    }

    mutating func string() throws(Damaged) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
    }

    mutating func key() throws(Damaged) -> RegistryKey {
        RegistryKey(high: try integer(UInt64.self), low: try integer(UInt64.self))
    }
}
