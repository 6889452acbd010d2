import Foundation

/// The pages the last builds parsed, kept in the output folder, so that a
/// rebuild reads again only the pages whose size or modification time
/// changed: `.feedpub-cache` holds them all as of some build, and
/// `.feedpub-cache-recent` the pages changed since (see
/// `Publisher.writeCache`).
///
/// The strings pages repeat (the headlines, paths and context lists of
/// Related entries, a page's own headline and path, which other pages'
/// Related entries name, and source names) are stored once each, so the
/// cache is a fraction of the corpus, and one file to read instead of one
/// per page. The strings that occur once (the file's path, paragraphs,
/// source and cover URLs) are written in place: looking each up in the
/// table took longer than writing them all.
/// Pages that had problems are not kept: they are parsed again, so every
/// build reports their problems.
///
/// The cache is an optimisation only. One that is missing gives a full
/// parse; one that is damaged, of another format, or from another program
/// or other limits is set aside with a notice, and the build parses every
/// page and writes the same bytes.
public struct PageCache: Sendable {
    /// The file name of the complete cache inside the output folder.
    public static let fileName = ".feedpub-cache"
    /// The file name of the pages changed since the complete cache was written.
    public static let recentFileName = ".feedpub-cache-recent"
    static let header = "feedpub-cache 3"

    /// A page as cached: the stamp of the file it was parsed from, and the page.
    struct Entry: Sendable {
        let stamp: FileStamp
        let page: Page
    }

    /// Cached pages, found by the stamp's path (the last of a path wins).
    struct Pages: Sendable {
        private var entries: [Entry] = []
        private var numbers: [String: Int] = [:]

        init() {}

        init(_ entries: [Entry]) {
            self.entries = entries
            numbers.reserveCapacity(entries.count)
            for number in entries.indices { numbers[entries[number].stamp.path] = number }
        }

        subscript(path: String) -> Entry? {
            numbers[path].map { entries[$0] }
        }

        /// The stamp of the page cached for `path`, without copying the page.
        func stamp(of path: String) -> FileStamp? {
            numbers[path].map { entries[$0].stamp }
        }

        var count: Int { numbers.count }
        var isEmpty: Bool { numbers.isEmpty }
    }

    /// What the cache files hold.
    struct Contents: Sendable {
        /// The complete cache.
        var all = Pages()
        /// The pages changed since it was written.
        var recent = Pages()
    }

    /// What the cache must match: the format, the program and the limits.
    let key: String
    /// ``key``'s hash, the seed of ``pageStamp(_:)``.
    private let keyHash: UInt64

    /// A cache for pages parsed by this program with `limits`.
    init(limits: PageLimits) {
        let program = Bundle.main.executablePath.flatMap { FileStamp.of($0) }
        key =
            "\(FeedpubVersion.current) \(program.map { "\($0.size) \($0.modified)" } ?? "unknown") "
            + "\(limits.pageBytes) \(limits.headlineCharacters) \(limits.relatedEntries)"
        keyHash = StableHash.fnv1a(key)
    }

    /// A number for the page parsed, under this cache's key, from the file
    /// `stamp` describes: equal numbers mean the same file read the same
    /// way. Never 0, which stands for unknown.
    func pageStamp(_ stamp: FileStamp) -> UInt64 {
        var hasher = WideHasher(seed: keyHash)
        hasher.add(stamp.path)
        hasher.add(UInt64(bitPattern: Int64(stamp.size)))
        hasher.add(UInt64(bitPattern: Int64(stamp.modified)))
        return max(1, hasher.value.0)
    }

    /// Why a cache file was not used.
    struct Unusable: Error {
        let reason: String
    }

    /// The cached pages in the file at `path`, by the stamp's path; nil
    /// when there is no such file.
    ///
    /// The file is mapped, not read: at 100,000 pages the cache is some
    /// 300 MB, which need not be copied besides the pages made from it.
    /// One pass finds where each string and page record starts while the
    /// other core sums the checksum, which is checked before both cores
    /// make the strings, then the pages.
    func read(_ path: String) throws(Unusable) -> Pages? {
        let mapped: MappedFile
        do {
            guard let file = try MappedFile(path: path) else { return nil }
            mapped = file
        } catch {
            throw Unusable(reason: "cannot be read (\(error.reason))")
        }
        let file = CacheFile(bytes: mapped.bytes)
        guard let (header, second) = file.line(from: 0), header == Self.header else {
            throw Unusable(reason: "not a page cache this version can read")
        }
        guard let (key, counted) = file.line(from: second), key == self.key else {
            throw Unusable(reason: "written by another build of feedpub or with other limits")
        }
        do {
            return try file.entries(from: counted, of: mapped)
        } catch {
            throw Unusable(reason: "damaged (\(error.reason))")
        }
    }

    /// Writes `entries` to `sink`: the header, every distinct string, the
    /// pages, then a checksum of all but the header.
    func write(_ entries: [Entry], to sink: inout OutputFolder.Sink) throws(OutputFolder.Failure) {
        try sink.append(Array((Self.header + "\n" + key + "\n").utf8))
        var strings = StringTable(reserving: entries)
        for entry in entries { strings.add(entry) }
        var block: [UInt8] = []
        block.reserveCapacity(1 << 20)
        Writer.integer(UInt32(strings.all.count), to: &block)
        for string in strings.all {
            Writer.text(string, to: &block)
            if block.count >= 1 << 20 {
                try sink.append(block, counted: true)
                block.removeAll(keepingCapacity: true)
            }
        }
        Writer.integer(UInt32(entries.count), to: &block)
        var numbers = strings.numbers.makeIterator()
        for entry in entries {
            Writer.entry(entry, numbers: &numbers, to: &block)
            if block.count >= 1 << 20 {
                try sink.append(block, counted: true)
                block.removeAll(keepingCapacity: true)
            }
        }
        try sink.append(block, counted: true)
        var checksum: [UInt8] = []
        Writer.integer(sink.checksum, to: &checksum)
        try sink.append(checksum)
    }

    /// Every distinct string of some pages that pages repeat (headlines,
    /// site paths, source names, context lists), numbered in order of first
    /// use, and the number of each such string of each page, in the order
    /// ``Writer/entry(_:numbers:to:)`` writes them.
    private struct StringTable {
        private(set) var all: [String] = []
        private(set) var numbers: [UInt32] = []
        private var byBytes: [BytewiseKey: UInt32] = [:]
        /// Numbers by the copy of a string: the strings Related entries
        /// repeat are one shared copy, found here without hashing their text.
        private var byCopy = IdentityNumbers(capacity: 0)

        /// A table sized for `entries`: growing a table of several hundred
        /// thousand strings step by step hashes every string again each time.
        init(reserving entries: [Entry]) {
            // Two source names a page, which reads no page's content.
            let count = entries.reduce(0) { $0 + 4 + 3 * $1.page.relatedCount }
            numbers.reserveCapacity(count)
            byCopy = IdentityNumbers(capacity: count / 3)
            byBytes.reserveCapacity(count / 4)
        }

        mutating func add(_ entry: Entry) {
            let page = entry.page
            add(page.sitePath)
            add(page.headline)
            for source in page.content.sources { add(source.name) }
            for related in page.related {
                add(related.headline)
                add(related.sitePath)
                add(related.contextList)
            }
        }

        private mutating func add(_ string: String) {
            let copy = StringIdentity(string)
            if let number = byCopy.number(of: copy) {
                numbers.append(number)
                return
            }
            let key = BytewiseKey(string)
            let number = byBytes[key] ?? UInt32(all.count)
            if number == all.count {
                byBytes[key] = number
                all.append(string)
            }
            byCopy.insert(copy, number: number)
            numbers.append(number)
        }
    }

    /// Little-endian numbers and the records of pages.
    private enum Writer {
        static func integer<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }

        static func date(_ date: EventDate, to bytes: inout [UInt8]) {
            integer(UInt16(date.year), to: &bytes)
            bytes.append(UInt8(date.month))
            bytes.append(UInt8(date.day))
        }

        /// Writes `entry`, taking the numbers of its strings from `numbers`:
        /// the length of its record, then the record. (With the lengths,
        /// reading finds where each page starts without going through its
        /// fields: that took a tenth of a second at 100,000 pages, on one core.)
        static func entry(_ entry: Entry, numbers: inout IndexingIterator<[UInt32]>, to bytes: inout [UInt8]) {
            func string() { integer(numbers.next()!, to: &bytes) }
            let lengthAt = bytes.count
            integer(UInt32(0), to: &bytes)
            defer {
                let length = UInt32(bytes.count - lengthAt - 4)
                for byte in 0..<4 { bytes[lengthAt + byte] = UInt8(truncatingIfNeeded: length >> (8 * byte)) }
            }
            let page = entry.page
            text(entry.stamp.path, to: &bytes)
            integer(Int64(entry.stamp.size), to: &bytes)
            integer(Int64(entry.stamp.modified), to: &bytes)
            string()  // site path
            // A corpus page's file is the path its stamp names.
            if page.file == entry.stamp.path {
                integer(sameAsStampPath, to: &bytes)
            } else {
                text(page.file, to: &bytes)
            }
            date(page.date, to: &bytes)
            string()  // headline
            let (body, sources, cover) = page.content.parts
            integer(UInt32(body.count), to: &bytes)
            for paragraph in body { text(paragraph, to: &bytes) }
            integer(UInt32(sources.count), to: &bytes)
            for source in sources {
                string()  // name
                text(source.url, to: &bytes)
            }
            if let cover {
                integer(UInt32(1), to: &bytes)
                text(cover.url, to: &bytes)
            } else {
                integer(UInt32(0), to: &bytes)
            }
            integer(page.contentHash, to: &bytes)
            integer(UInt32(page.related.count), to: &bytes)
            for related in page.related {
                string()  // headline
                string()  // site path
                date(related.date, to: &bytes)
                string()  // context list
                integer(UInt32(related.line), to: &bytes)
            }
        }

        /// Written where the file's path would go, when it is the stamp's path.
        static let sameAsStampPath = UInt32.max

        /// `text` in place: its length, then its bytes.
        static func text(_ text: String, to bytes: inout [UInt8]) {
            var text = text
            text.withUTF8 { utf8 in
                integer(UInt32(utf8.count), to: &bytes)
                bytes.append(contentsOf: utf8)
            }
        }
    }

    /// A mapped cache file, and how to read what ``Writer``
    /// wrote there, checking every count and number against the bytes
    /// left, so that no damage can make it crash or loop.
    private struct CacheFile: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer

        /// The text from `start` up to the next newline (within 4 KB), and
        /// where the next line starts; nil when there is no newline.
        func line(from start: Int) -> (String, Int)? {
            let limit = min(bytes.count, start + 4_096)
            guard let newline = (start..<limit).first(where: { bytes[$0] == UInt8(ascii: "\n") }) else { return nil }
            return (String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<newline]), as: UTF8.self), newline + 1)
        }

        /// Where each string of the table and each page record starts,
        /// for the counted bytes from `start` to `end`.
        private func findRecords(from start: Int, end: Int) throws(Unusable) -> ([Int], [Range<Int>]) {
            var cursor = Cursor(bytes: bytes, offset: start, end: end)
            var stringStarts: [Int] = []
            stringStarts.reserveCapacity(try cursor.peekCount(size: 4))
            for _ in 0..<(try cursor.count(size: 4)) {
                stringStarts.append(cursor.offset)
                try cursor.skipText()
            }
            var pageRecords: [Range<Int>] = []
            pageRecords.reserveCapacity(try cursor.peekCount(size: 64))
            for _ in 0..<(try cursor.count(size: 64)) {
                let length = Int(try cursor.integer(UInt32.self))
                pageRecords.append(cursor.offset..<(cursor.offset + length))
                try cursor.skip(length)
            }
            guard cursor.offset == end else { throw Unusable(reason: "bytes after the last page") }
            return (stringStarts, pageRecords)
        }

        /// Every page of the cache, whose counted bytes start at `start`.
        /// Their content and Related entries are read from `mapped`, this
        /// file, when asked for (``StoredPart``).
        func entries(from start: Int, of mapped: MappedFile) throws(Unusable) -> Pages {
            guard bytes.count - start >= 8 else { throw Unusable(reason: "cut short") }
            let end = bytes.count - 8
            var stored = Cursor(bytes: bytes, offset: end, end: bytes.count)
            let expected = try stored.integer(UInt64.self)
            // The checksum is worked out on the other core while this one
            // finds where each string and each page record starts (which,
            // in damaged bytes, never reads outside the file), and is
            // checked before any page is made: when it does not match, that
            // is what is reported.
            let checksum = BackgroundWork { [self] in
                var checksum = Checksum()
                checksum.add(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                return checksum.final
            }
            let records = Result { () throws(Unusable) in try findRecords(from: start, end: end) }
            guard checksum.finish() == expected else { throw Unusable(reason: "its checksum does not match") }
            let (stringStarts, pageRecords) = try records.get()

            let strings = ParallelMap.map(stringStarts, chunkSize: 4_096) { start in
                var cursor = Cursor(bytes: bytes, offset: start, end: end)
                return (try? cursor.text()) ?? ""
            }
            let storedPages = StoredPages(mapped: mapped, strings: strings)
            let pages: [Entry]
            do {
                pages = try ParallelMap.map(pageRecords, chunkSize: 512) { record in
                    var cursor = Cursor(bytes: bytes, offset: record.lowerBound, end: record.upperBound)
                    let entry = try cursor.entry(strings: strings, stored: storedPages)
                    guard cursor.offset == record.upperBound else { throw Unusable(reason: "a page record of the wrong length") }
                    return entry
                }
            } catch {
                throw error as? Unusable ?? Unusable(reason: "\(error)")
            }
            // The pages' content is read again only for the entries the
            // build renders, a few pages of the file each.
            mapped.dropResidentPages()
            return Pages(pages)
        }
    }

    /// A mapped cache file and the strings of its table: what the content
    /// of its pages is read from.
    final class StoredPages: Sendable {
        private let mapped: MappedFile
        private let strings: [String]

        init(mapped: MappedFile, strings: [String]) {
            self.mapped = mapped
            self.strings = strings
        }

        /// The content of the page record whose content starts at `start`
        /// and whose record ends at `end`.
        func content(from start: Int, to end: Int) -> (body: [String], sources: [SourceLink], cover: CoverImage?) {
            var cursor = Cursor(bytes: mapped.bytes, offset: start, end: end)
            // Checked as the cache was read (``Cursor/skipContent(strings:)``),
            // it reads the same way again.
            return (try? cursor.content(strings: strings)) ?? ([], [], nil)
        }

        /// The Related entries of the page record whose entries start at
        /// `start` and whose record ends at `end`.
        func related(from start: Int, to end: Int) -> [RelatedEntry] {
            var cursor = Cursor(bytes: mapped.bytes, offset: start, end: end)
            // Checked as the cache was read (``Cursor/skipRelated(strings:)``).
            return (try? cursor.related(strings: strings)) ?? []
        }
    }

    /// Where part of a cached page's record is (its content, or its Related
    /// entries), read from there each time it is asked for.
    struct StoredPart: Sendable {
        let pages: StoredPages
        /// Where the part starts.
        let start: Int
        /// Where the page's record ends.
        let end: Int

        /// The content starting here.
        func content() -> (body: [String], sources: [SourceLink], cover: CoverImage?) {
            pages.content(from: start, to: end)
        }

        /// The Related entries starting here.
        func related() -> [RelatedEntry] {
            pages.related(from: start, to: end)
        }
    }

    /// A place in a mapped cache file, and the end of what it may read.
    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var offset: Int
        let end: Int

        mutating func integer<T: FixedWidthInteger>(_: T.Type) throws(Unusable) -> T {
            let size = MemoryLayout<T>.size
            guard end - offset >= size else { throw Unusable(reason: "cut short") }
            defer { offset += size }
            return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        }

        mutating func skip(_ count: Int) throws(Unusable) {
            guard count <= end - offset else { throw Unusable(reason: "a record longer than the file") }
            offset += count
        }

        /// A count of records at least `size` bytes each, which must fit in what is left.
        mutating func count(size: Int) throws(Unusable) -> Int {
            let count = Int(try integer(UInt32.self))
            guard count * size <= end - offset else { throw Unusable(reason: "a count larger than the file") }
            return count
        }

        /// The next count, without reading past it (0 if there is none).
        func peekCount(size: Int) throws(Unusable) -> Int {
            var copy = self
            return (try? copy.count(size: size)) ?? 0
        }

        /// Skips a string written in place.
        mutating func skipText() throws(Unusable) {
            try skip(Int(try integer(UInt32.self)))
        }

        /// A string written in place: its length, then its bytes.
        mutating func text() throws(Unusable) -> String {
            try text(length: Int(try integer(UInt32.self)))
        }

        /// The `length` bytes here, as a string.
        mutating func text(length: Int) throws(Unusable) -> String {
            guard length <= end - offset else { throw Unusable(reason: "a string longer than the file") }
            defer { offset += length }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
        }

        /// A string of the table `strings`, by its number.
        mutating func string(_ strings: [String]) throws(Unusable) -> String {
            let number = Int(try integer(UInt32.self))
            guard number < strings.count else { throw Unusable(reason: "a string number out of range") }
            return strings[number]
        }

        mutating func day() throws(Unusable) -> EventDate {
            let year = Int(try integer(UInt16.self))
            let month = Int(try integer(UInt8.self))
            let day = Int(try integer(UInt8.self))
            guard let date = EventDate(year: year, month: month, day: day) else {
                throw Unusable(reason: "an impossible date")
            }
            return date
        }

        /// A page's content here: its paragraphs, its sources (their names
        /// numbered in `strings`) and its cover.
        mutating func content(strings: [String]) throws(Unusable)
            -> (body: [String], sources: [SourceLink], cover: CoverImage?)
        {
            var body: [String] = []
            for _ in 0..<(try count(size: 4)) { body.append(try text()) }
            var sources: [SourceLink] = []
            for _ in 0..<(try count(size: 8)) {
                let name = try string(strings)
                sources.append(SourceLink(name: name, url: try text()))
            }
            let cover = try integer(UInt32.self) == 0 ? nil : CoverImage(url: try text())
            return (body, sources, cover)
        }

        /// Goes past a page's content, checking it as ``content(strings:)``
        /// reads it (`strings` is the number of strings in the table).
        mutating func skipContent(strings: Int) throws(Unusable) {
            for _ in 0..<(try count(size: 4)) { try skipText() }
            for _ in 0..<(try count(size: 8)) {
                guard Int(try integer(UInt32.self)) < strings else { throw Unusable(reason: "a string number out of range") }
                try skipText()
            }
            if try integer(UInt32.self) != 0 { try skipText() }
        }

        /// A page's Related entries here, their strings numbered in `strings`.
        mutating func related(strings: [String]) throws(Unusable) -> [RelatedEntry] {
            var related: [RelatedEntry] = []
            let relatedCount = try count(size: 20)
            related.reserveCapacity(relatedCount)
            for _ in 0..<relatedCount {
                let headline = try string(strings)
                let sitePath = try string(strings)
                let date = try day()
                let contextList = try string(strings)
                let line = Int(try integer(UInt32.self))
                related.append(
                    RelatedEntry(headline: headline, sitePath: sitePath, date: date, contextList: contextList, line: line))
            }
            return related
        }

        /// Goes past a page's Related entries, checking them as
        /// ``related(strings:)`` reads them (`strings` is the number of
        /// strings in the table); returns their number.
        mutating func skipRelated(strings: Int) throws(Unusable) -> Int {
            let relatedCount = try count(size: 20)
            for _ in 0..<relatedCount {
                for _ in 0..<2 {
                    guard Int(try integer(UInt32.self)) < strings else { throw Unusable(reason: "a string number out of range") }
                }
                _ = try day()
                guard Int(try integer(UInt32.self)) < strings else { throw Unusable(reason: "a string number out of range") }
                try skip(4)
            }
            return relatedCount
        }

        /// The page record here, its strings numbered in `strings`; its
        /// content and Related entries are left in place, in `stored`.
        mutating func entry(strings: [String], stored: StoredPages) throws(Unusable) -> Entry {
            let path = try text()
            let size = Int(try integer(Int64.self))
            let modified = Int(try integer(Int64.self))
            let sitePath = try string(strings)
            let fileLength = try integer(UInt32.self)
            let file = fileLength == Writer.sameAsStampPath ? path : try text(length: Int(fileLength))
            let date = try day()
            let headline = try string(strings)
            let contentStart = offset
            try skipContent(strings: strings.count)
            let contentHash = try integer(UInt64.self)
            let relatedStart = offset
            let relatedCount = try skipRelated(strings: strings.count)
            let content = PageContent(stored: StoredPart(pages: stored, start: contentStart, end: end))
            let related = RelatedList(stored: StoredPart(pages: stored, start: relatedStart, end: end), count: relatedCount)
            let page = Page(
                sitePath: sitePath, file: file, date: date, headline: headline, content: content, related: related,
                contentHash: contentHash)
            return Entry(stamp: FileStamp(path: path, size: size, modified: modified), page: page)
        }
    }
}

/// A 64-bit checksum of a byte stream, fed in pieces of any size: FNV-1a
/// over 8-byte words, which finds a damaged cache at several GB/s.
struct Checksum {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325
    private var pending: [UInt8] = []

    /// Adds `bytes` to the stream.
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        if pending.isEmpty {
            let words = bytes.count / 8
            for word in 0..<words { mix(bytes.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self)) }
            pending += bytes[(words * 8)...]
        } else {
            add(ArraySlice(bytes))
        }
    }

    /// Adds `bytes` to the stream.
    mutating func add(_ bytes: ArraySlice<UInt8>) {
        var rest = bytes[...]
        if !pending.isEmpty {
            let taken = rest.prefix(8 - pending.count)
            pending += taken
            rest = rest.dropFirst(taken.count)
            guard pending.count == 8 else { return }
            mix(pending.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
            pending.removeAll()
        }
        let words = rest.count / 8
        rest.withUnsafeBytes { raw in
            for word in 0..<words { mix(raw.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self)) }
        }
        pending += rest[(rest.startIndex + words * 8)...]
    }

    /// The checksum of everything added.
    var final: UInt64 {
        var copy = self
        if !copy.pending.isEmpty {
            copy.mix(UInt64(copy.pending.count) << 56 | copy.pending.reversed().reduce(0) { $0 << 8 | UInt64($1) })
        }
        return copy.value
    }

    private mutating func mix(_ word: UInt64) {
        value = (value ^ UInt64(littleEndian: word)) &* 0x0100_0000_01b3
    }
}
