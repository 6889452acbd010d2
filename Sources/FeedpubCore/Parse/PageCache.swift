import Foundation

/// The pages the last builds parsed, kept in the output folder, so that a
/// rebuild reads again only the pages whose size or modification time
/// changed: `.feedpub-cache` holds them all as of some build, and
/// `.feedpub-cache-recent` the pages changed since (see
/// `Publisher.writeCache`).
///
/// Every distinct string but body paragraphs is stored once (a corpus names
/// each event in the Related lists of many pages), so the cache is a
/// fraction of the corpus, and one file to read instead of one per page.
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
    static let header = "feedpub-cache 1"

    /// A page as cached: the stamp of the file it was parsed from, and the page.
    struct Entry: Sendable {
        let stamp: FileStamp
        let page: Page
    }

    /// What the cache files hold.
    struct Contents: Sendable {
        /// The complete cache, by the stamp's path.
        var all: [String: Entry] = [:]
        /// The pages changed since it was written, by the stamp's path.
        var recent: [String: Entry] = [:]

        /// The cached page of `file`, the recent one first.
        func entry(_ file: String) -> Entry? {
            recent[file] ?? all[file]
        }
    }

    /// What the cache must match: the format, the program and the limits.
    let key: String

    /// A cache for pages parsed by this program with `limits`.
    init(limits: PageLimits) {
        let program = Bundle.main.executablePath.flatMap { FileStamp.of($0) }
        key =
            "\(FeedpubVersion.current) \(program.map { "\($0.size) \($0.modified)" } ?? "unknown") "
            + "\(limits.pageBytes) \(limits.headlineCharacters) \(limits.relatedEntries)"
    }

    /// Why a cache file was not used.
    struct Unusable: Error {
        let reason: String
    }

    /// The cached pages in the file at `path`, by the stamp's path; nil
    /// when there is no such file.
    ///
    /// The file is read a few MB at a time and its checksum checked at the
    /// end (the pages read are then thrown away if it does not match): at
    /// 100,000 pages the cache is some 300 MB, which need not be in memory
    /// besides the pages it holds.
    func read(_ path: String) throws(Unusable) -> [String: Entry]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw Unusable(reason: "cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw Unusable(reason: "cannot be read (\(String(cString: strerror(errno))))")
        }
        var reader = Reader(descriptor: descriptor, size: Int(info.st_size))
        guard reader.line() == Self.header else { throw Unusable(reason: "not a page cache this version can read") }
        guard reader.line() == key else {
            throw Unusable(reason: "written by another build of feedpub or with other limits")
        }
        do {
            return try reader.entries()
        } catch {
            throw Unusable(reason: "damaged (\(error.reason))")
        }
    }

    /// Writes `entries` to `sink`: the header, every distinct string, the
    /// pages, then a checksum of all but the header.
    func write(_ entries: [Entry], to sink: inout OutputFolder.Sink) throws(OutputFolder.Failure) {
        try sink.append(Array((Self.header + "\n" + key + "\n").utf8), counted: false)
        var strings = StringTable()
        for entry in entries { strings.add(entry) }
        var block: [UInt8] = []
        block.reserveCapacity(1 << 20)
        Writer.integer(UInt32(strings.all.count), to: &block)
        for string in strings.all {
            var string = string
            string.withUTF8 { bytes in
                Writer.integer(UInt32(bytes.count), to: &block)
                block.append(contentsOf: bytes)
            }
            if block.count >= 1 << 20 {
                try sink.append(block)
                block.removeAll(keepingCapacity: true)
            }
        }
        Writer.integer(UInt32(entries.count), to: &block)
        var numbers = strings.numbers.makeIterator()
        for entry in entries {
            Writer.entry(entry, numbers: &numbers, to: &block)
            if block.count >= 1 << 20 {
                try sink.append(block)
                block.removeAll(keepingCapacity: true)
            }
        }
        try sink.append(block)
        var checksum: [UInt8] = []
        Writer.integer(sink.checksum, to: &checksum)
        try sink.append(checksum, counted: false)
    }

    /// Every distinct string of some pages, numbered in order of first use,
    /// and the number of each string of each page, in the order
    /// ``Writer/entry(_:numbers:to:)`` writes them.
    private struct StringTable {
        private(set) var all: [String] = []
        private(set) var numbers: [UInt32] = []
        private var byBytes: [BytewiseKey: UInt32] = [:]
        /// Numbers by the copy of a string: the strings Related entries
        /// repeat are one shared copy, found here without hashing their text.
        private var byCopy: [StringIdentity: UInt32] = [:]

        mutating func add(_ entry: Entry) {
            let page = entry.page
            for string in [entry.stamp.path, page.sitePath, page.file, page.headline] { add(string) }
            for source in page.sources {
                add(source.name)
                add(source.url)
            }
            if let cover = page.cover { add(cover.url) }
            for related in page.related {
                add(related.headline)
                add(related.sitePath)
                add(related.contextList)
            }
        }

        private mutating func add(_ string: String) {
            let copy = StringIdentity(string)
            if let number = byCopy[copy] {
                numbers.append(number)
                return
            }
            let key = BytewiseKey(string)
            let number = byBytes[key] ?? UInt32(all.count)
            if number == all.count {
                byBytes[key] = number
                all.append(string)
            }
            byCopy[copy] = number
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

        /// Writes `entry`, taking the numbers of its strings from `numbers`.
        static func entry(_ entry: Entry, numbers: inout IndexingIterator<[UInt32]>, to bytes: inout [UInt8]) {
            func string() { integer(numbers.next()!, to: &bytes) }
            let page = entry.page
            string()  // the stamp's path
            integer(Int64(entry.stamp.size), to: &bytes)
            integer(Int64(entry.stamp.modified), to: &bytes)
            string()  // site path
            string()  // file
            date(page.date, to: &bytes)
            string()  // headline
            // Paragraphs are the page's own: written in place, not looked up.
            integer(UInt32(page.body.count), to: &bytes)
            for paragraph in page.body {
                var paragraph = paragraph
                paragraph.withUTF8 { text in
                    integer(UInt32(text.count), to: &bytes)
                    bytes.append(contentsOf: text)
                }
            }
            integer(UInt32(page.sources.count), to: &bytes)
            for _ in page.sources {
                string()  // name
                string()  // URL
            }
            if page.cover != nil { integer(numbers.next()! + 1, to: &bytes) } else { integer(UInt32(0), to: &bytes) }
            integer(UInt32(page.related.count), to: &bytes)
            for related in page.related {
                string()  // headline
                string()  // site path
                date(related.date, to: &bytes)
                string()  // context list
                integer(UInt32(related.line), to: &bytes)
            }
        }
    }

    /// Reads what ``Writer`` wrote, checking every count and number against
    /// the bytes left, so that no damage can make it crash or loop, and
    /// checking the checksum once all is read.
    private struct Reader {
        let descriptor: Int32
        /// Where the checksum starts: the end of the counted bytes.
        let end: Int
        let size: Int
        /// Bytes read and not yet let go, from file offset `bufferStart`.
        var buffer: [UInt8] = []
        var bufferStart = 0
        /// The next byte to read, as an index into `buffer`.
        var next = 0
        /// Where the counted bytes start (after the header lines).
        var countedStart = Int.max
        /// The file offset up to which bytes are in the checksum.
        var accounted = 0
        var checksum = Checksum()
        var strings: [String] = []

        init(descriptor: Int32, size: Int) {
            self.descriptor = descriptor
            self.size = size
            end = max(0, size - 8)
        }

        /// The file offset of the next byte.
        var offset: Int { bufferStart + next }

        /// Makes sure `count` bytes from `next` are in `buffer`, reading
        /// more (several MB at a time) and letting go of what was read.
        mutating func ensure(_ count: Int) throws(Unusable) {
            guard buffer.count - next < count else { return }
            account(upTo: next)
            buffer.removeSubrange(0..<next)
            bufferStart += next
            next = 0
            let wanted = min(max(count, 4 << 20), size - bufferStart)
            guard wanted >= count else { throw Unusable(reason: "cut short") }
            let filled = buffer.count
            buffer += repeatElement(0, count: wanted - filled)
            var got = filled
            while got < wanted {
                let read = buffer.withUnsafeMutableBytes { raw in
                    Foundation.read(descriptor, raw.baseAddress! + got, wanted - got)
                }
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else { throw Unusable(reason: "cut short") }
                got += read
            }
        }

        /// Adds the counted bytes of `buffer` before `index` not added yet to the checksum.
        mutating func account(upTo index: Int) {
            let from = max(countedStart, accounted)
            let to = min(end, bufferStart + index)
            guard from < to else { return }
            checksum.add(buffer[(from - bufferStart)..<(to - bufferStart)])
            accounted = to
        }

        /// The text up to the next newline (within the first 4 KB), or nil.
        mutating func line() -> String? {
            guard (try? ensure(min(4_096, size - offset))) != nil,
                let newline = buffer[next...].firstIndex(of: UInt8(ascii: "\n"))
            else { return nil }
            defer {
                next = newline + 1
                countedStart = offset
            }
            return String(decoding: buffer[next..<newline], as: UTF8.self)
        }

        mutating func integer<T: FixedWidthInteger>(_: T.Type, end: Int) throws(Unusable) -> T {
            let size = MemoryLayout<T>.size
            guard offset + size <= end else { throw Unusable(reason: "cut short") }
            try ensure(size)
            var value: T = 0
            for index in (next..<(next + size)).reversed() { value = value << 8 | T(buffer[index]) }
            next += size
            return value
        }

        /// A count of records at least `size` bytes each, which must fit in what is left.
        mutating func count(end: Int, size: Int) throws(Unusable) -> Int {
            let count = Int(try integer(UInt32.self, end: end))
            guard count * size <= end - offset else { throw Unusable(reason: "a count larger than the file") }
            return count
        }

        /// A string written in place: its length, then its bytes.
        mutating func text(end: Int) throws(Unusable) -> String {
            let length = Int(try integer(UInt32.self, end: end))
            guard length <= end - offset else { throw Unusable(reason: "a string longer than the file") }
            try ensure(length)
            defer { next += length }
            return String(decoding: buffer[next..<(next + length)], as: UTF8.self)
        }

        /// A string of the table, by its number.
        mutating func string(end: Int) throws(Unusable) -> String {
            let number = Int(try integer(UInt32.self, end: end))
            guard number < strings.count else { throw Unusable(reason: "a string number out of range") }
            return strings[number]
        }

        mutating func day(end: Int) throws(Unusable) -> EventDate {
            let year = Int(try integer(UInt16.self, end: end))
            let month = Int(try integer(UInt8.self, end: end))
            let day = Int(try integer(UInt8.self, end: end))
            guard let date = EventDate(year: year, month: month, day: day) else {
                throw Unusable(reason: "an impossible date")
            }
            return date
        }

        mutating func entries() throws(Unusable) -> [String: Entry] {
            guard size >= 8 else { throw Unusable(reason: "cut short") }
            let stringCount = try count(end: end, size: 4)
            strings.reserveCapacity(stringCount)
            for _ in 0..<stringCount { strings.append(try text(end: end)) }
            var entries: [String: Entry] = [:]
            let pageCount = try count(end: end, size: 44)
            entries.reserveCapacity(pageCount)
            for _ in 0..<pageCount {
                let path = try string(end: end)
                let size = Int(try integer(Int64.self, end: end))
                let modified = Int(try integer(Int64.self, end: end))
                let sitePath = try string(end: end)
                let file = try string(end: end)
                let date = try day(end: end)
                let headline = try string(end: end)
                var body: [String] = []
                for _ in 0..<(try count(end: end, size: 4)) { body.append(try text(end: end)) }
                var sources: [SourceLink] = []
                for _ in 0..<(try count(end: end, size: 8)) {
                    let name = try string(end: end)
                    sources.append(SourceLink(name: name, url: try string(end: end)))
                }
                let cover = Int(try integer(UInt32.self, end: end))
                guard cover <= strings.count else { throw Unusable(reason: "a string number out of range") }
                var related: [RelatedEntry] = []
                for _ in 0..<(try count(end: end, size: 20)) {
                    let headline = try string(end: end)
                    let sitePath = try string(end: end)
                    let date = try day(end: end)
                    let contextList = try string(end: end)
                    let line = Int(try integer(UInt32.self, end: end))
                    related.append(
                        RelatedEntry(
                            headline: headline, sitePath: sitePath, date: date, contextList: contextList, line: line))
                }
                let page = Page(
                    sitePath: sitePath, file: file, date: date, headline: headline, body: body, sources: sources,
                    cover: cover == 0 ? nil : CoverImage(url: strings[cover - 1]), related: related)
                entries[path] = Entry(stamp: FileStamp(path: path, size: size, modified: modified), page: page)
            }
            guard offset == end else { throw Unusable(reason: "bytes after the last page") }
            account(upTo: next)
            let expected = try integer(UInt64.self, end: size)
            guard checksum.final == expected else { throw Unusable(reason: "its checksum does not match") }
            return entries
        }
    }
}

/// A 64-bit checksum of a byte stream, fed in pieces of any size: FNV-1a
/// over 8-byte words, which finds a damaged cache at several GB/s.
struct Checksum {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325
    private var pending: [UInt8] = []

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
