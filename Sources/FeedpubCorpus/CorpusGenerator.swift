import Foundation

/// Generates a deterministic corpus of news-event pages in the news site's
/// Markdown layout (see `shared/FORMAT.md`), oddities and damaged pages
/// included, for testing and benchmarking the publisher.
///
/// The same `pageCount` and `seed` always give byte-identical files, on every
/// run and machine. Building the generator decides every event, topic and
/// link; pages are rendered on demand, each from its own random stream.
public struct CorpusGenerator: Sendable {
    /// The number of event pages.
    public let pageCount: Int
    /// The seed every random choice derives from.
    public let seed: UInt64
    /// The share of pages that are damaged, as given but clamped to 0...1.
    public let damagedFraction: Double

    private let table: EventTable
    private let renderer: PageRenderer

    /// Plans a corpus of `pageCount` event pages. About 19 topics per 100 pages
    /// (at least 50), Zipf-popular; `damagedFraction` of the pages (rounded)
    /// are damaged in one of the `PageDamage` ways.
    public init(pageCount: Int, seed: UInt64 = 1, damagedFraction: Double = 0.01) {
        self.pageCount = max(0, pageCount)
        self.seed = seed
        self.damagedFraction = damagedFraction.isNaN ? 0 : min(1, max(0, damagedFraction))
        table = EventTable(pageCount: pageCount, seed: seed, damagedFraction: damagedFraction)
        renderer = PageRenderer(table: table, seed: seed)
    }

    /// The number of topics the corpus draws from.
    public var topicCount: Int { table.catalog.topics.count }

    /// Distinct topics named in the Related contexts of undamaged pages.
    public var distinctTopicCount: Int { table.distinctTopicCount }

    /// The number of damaged pages.
    public var damagedPageCount: Int { table.damage.lazy.filter { $0 != nil }.count }

    /// The number of events that Related lists name but that have no page.
    public var referenceOnlyEventCount: Int { table.referenceOnlyCount }

    /// The alias spellings contexts use (such as `ISIL`), each with the topic
    /// it stands for; a publisher's alias table should map them.
    public var topicAliases: [TopicAlias] { table.catalog.aliases }

    /// The slug rule pages are named by (see `HeadlineSlug`).
    public static func slug(of headline: String) -> String {
        HeadlineSlug.slug(of: headline)
    }

    /// Renders event page `index` (`0..<pageCount`) without writing it.
    public func page(at index: Int) -> GeneratedPage {
        precondition(index >= 0 && index < pageCount, "page index out of range")
        return renderer.render(index)
    }

    /// Renders every event page, in index order (all in memory: about 6 KB
    /// per page; prefer `page(at:)` or `forEachPage(_:)` for large corpora).
    public func pages() -> [GeneratedPage] {
        (0..<pageCount).map { renderer.render($0) }
    }

    /// Calls `body` with every event page, in index order, one at a time.
    public func forEachPage(_ body: (GeneratedPage) throws -> Void) rethrows {
        for index in 0..<pageCount { try body(renderer.render(index)) }
    }

    /// Renders every day folder's `index.md`, days in date order.
    public func dayIndexPages() -> [GeneratedPage] {
        let indexes = DayIndexRenderer(table: table)
        return indexes.days().map { indexes.render(day: $0.day, pages: $0.pages) }
    }

    /// Writes the corpus under `root` (created if needed): every page at
    /// `root/news/YYYY/MM/D/<slug>.md` and every day folder's `index.md`.
    /// Files already there with the same names are replaced; others are left.
    /// Several threads write at once; the files do not depend on their order.
    public func write(to root: URL) throws -> CorpusSummary {
        let rootPath = root.standardizedFileURL.path
        let indexes = DayIndexRenderer(table: table)
        let days = indexes.days()
        try FileManager.default.createDirectory(atPath: rootPath + "/news", withIntermediateDirectories: true)
        var months: [String] = []
        for day in days {
            let folder = String(decoding: table.dayFolders[Int(day.day)], as: UTF8.self)
            let month = String(folder[..<folder.lastIndex(of: "/")!])
            if months.last != month { months.append(month) }
        }
        for month in months {
            try CorpusFileWriter.makeDirectory(rootPath + String(month[..<month.lastIndex(of: "/")!]))
            try CorpusFileWriter.makeDirectory(rootPath + month)
        }
        let workers = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        let tally = WriteTally()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var bytes = 0
            var damaged = 0
            do {
                var day = worker
                while day < days.count && !tally.hasFailed {
                    let folder = String(decoding: table.dayFolders[Int(days[day].day)], as: UTF8.self)
                    try CorpusFileWriter.makeDirectory(rootPath + folder)
                    let index = indexes.render(day: days[day].day, pages: days[day].pages)
                    try CorpusGenerator.store(index, under: rootPath)
                    bytes += index.bytes.count
                    for pageIndex in days[day].pages {
                        let page = renderer.render(pageIndex)
                        try CorpusGenerator.store(page, under: rootPath)
                        bytes += page.bytes.count
                        if page.damage != nil { damaged += 1 }
                    }
                    day += workers
                }
            } catch {
                tally.fail(error)
            }
            tally.add(bytes: bytes, damaged: damaged)
        }
        if let error = tally.error { throw error }
        return CorpusSummary(
            pagesWritten: pageCount, damagedPagesWritten: tally.damaged, dayIndexesWritten: days.count,
            distinctTopics: table.distinctTopicCount, referenceOnlyEvents: table.referenceOnlyCount,
            bytesWritten: tally.bytes)
    }

    /// Writes one file at `rootPath + page.sitePath`.
    private static func store(_ page: GeneratedPage, under rootPath: String) throws {
        try CorpusFileWriter.write(page.bytes, to: rootPath + page.sitePath)
    }
}
