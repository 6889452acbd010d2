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
    /// The share of pages that are damaged (clamped to 0...1).
    public let damagedFraction: Double

    private let table: EventTable
    private let renderer: PageRenderer

    /// Plans a corpus of `pageCount` event pages. About 19 topics per 100 pages
    /// (at least 50), Zipf-popular; `damagedFraction` of the pages (rounded)
    /// are damaged in one of the `PageDamage` ways.
    public init(pageCount: Int, seed: UInt64 = 1, damagedFraction: Double = 0.01) {
        self.pageCount = max(0, pageCount)
        self.seed = seed
        self.damagedFraction = damagedFraction
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

    /// Renders every event page, in index order (all in memory: about 6.4 KB
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
    public func write(to root: URL) throws -> CorpusSummary {
        let manager = FileManager.default
        let rootPath = root.standardizedFileURL.path
        let indexes = DayIndexRenderer(table: table)
        let days = indexes.days()
        try manager.createDirectory(atPath: rootPath, withIntermediateDirectories: true)
        for day in days {
            let folder = String(decoding: table.dayFolders[Int(day.day)], as: UTF8.self)
            try manager.createDirectory(atPath: rootPath + folder, withIntermediateDirectories: true)
        }
        var bytes = 0
        var damaged = 0
        for index in 0..<pageCount {
            let page = renderer.render(index)
            try CorpusGenerator.store(page, under: rootPath)
            bytes += page.bytes.count
            if page.damage != nil { damaged += 1 }
        }
        for day in days {
            let page = indexes.render(day: day.day, pages: day.pages)
            try CorpusGenerator.store(page, under: rootPath)
            bytes += page.bytes.count
        }
        return CorpusSummary(
            pagesWritten: pageCount, damagedPagesWritten: damaged, dayIndexesWritten: days.count,
            distinctTopics: table.distinctTopicCount, referenceOnlyEvents: table.referenceOnlyCount,
            bytesWritten: bytes)
    }

    /// Writes one file at `rootPath + page.sitePath`.
    private static func store(_ page: GeneratedPage, under rootPath: String) throws {
        try CorpusFileWriter.write(page.bytes, to: rootPath + page.sitePath)
    }
}
