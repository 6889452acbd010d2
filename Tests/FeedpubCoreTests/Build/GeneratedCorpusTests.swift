import FeedpubCore
import FeedpubCorpus
import Foundation
import Testing

/// A generated corpus of 1,200 pages with every oddity and damage FORMAT.md
/// lists, built end to end: what a user pointing feedpub at a real archive gets.
@Suite("Building a generated corpus", .serialized)
struct GeneratedCorpusTests {
    static let generator = CorpusGenerator(pageCount: 1_200, seed: 7)

    struct Built {
        let report: BuildReport
        let loaded: Publisher.Loaded
        let output: URL
    }

    func withBuild<T>(_ body: (Built, URL) throws -> T) throws -> T {
        try TestFiles.withTemporaryFolder { root in
            _ = try Self.generator.write(to: root.appendingPathComponent("site"))
            let configuration = Self.configuration(site: root.appendingPathComponent("site"), output: root.appendingPathComponent("feeds"))
            let publisher = Publisher(configuration: configuration)
            let report = try publisher.build()
            let built = Built(report: report, loaded: try publisher.load(), output: configuration.output)
            return try body(built, root)
        }
    }

    func files(under root: URL) throws -> [String] {
        let walker = try #require(FileManager.default.enumerator(atPath: root.path))
        return (walker.allObjects as? [String] ?? []).filter { $0.hasSuffix(".atom") || $0.hasSuffix(".rss") || $0.hasSuffix(".opml") }.sorted()
    }

    @Test("only damaged pages are skipped, each reported with its path and line")
    func damagedPagesOnly() throws {
        try withBuild { built, root in
            let damaged = Set(Self.generator.pages().filter { $0.damage != nil }.map(\.sitePath))
            #expect(built.report.pagesRead == Self.generator.pageCount)
            #expect(built.report.pagesSkipped > 0)
            let errors = built.report.diagnostics.filter { $0.severity == .error }
            #expect(errors.count == built.report.pagesSkipped)
            for error in errors {
                let sitePath = String(error.file.dropFirst(root.appendingPathComponent("site").path.count))
                #expect(damaged.contains(sitePath), "\(error)")
            }
            #expect(built.report.diagnostics.allSatisfy { $0.file.hasSuffix(".md") })
        }
    }

    @Test("every feed parses strictly; URLs are absolute http(s); dates are RFC 3339 / RFC 822; ids and dates are unique per feed")
    func everyFeedIsSound() throws {
        try withBuild { built, _ in
            let paths = try files(under: built.output)
            let archives = paths.filter { $0.hasPrefix("archive/") }
            #expect(paths.count - archives.count == 2 * (built.report.topics + 1) + 1)
            #expect(!archives.isEmpty, "feeds with more than 50 events have archive documents")
            for path in paths {
                let root = try XMLNode.parse(try TestFiles.bytes(built.output.appendingPathComponent(path)))
                FeedDocumentChecks.expectSound(root, path: path)
                let entries = root.children("entry") + (root.child("channel")?.children("item") ?? [])
                #expect(entries.count <= 50)
                let ids = entries.compactMap { ($0.child("id") ?? $0.child("guid"))?.text }
                #expect(Set(ids).count == entries.count, "\(path): duplicate ids")
                let dates = entries.compactMap { ($0.child("updated") ?? $0.child("pubDate"))?.text }
                #expect(Set(dates).count == entries.count, "\(path): duplicate dates")
            }
        }
    }

    @Test("every page's resolved topics are the topics the generator gave it")
    func topicsMatchGroundTruth() throws {
        try withBuild { built, _ in
            let corpus = built.loaded.corpus
            let aliases = Dictionary(
                Self.generator.topicAliases.map { (Self.key($0.alias), Self.key($0.canonical)) }, uniquingKeysWith: { a, _ in a })
            let bySitePath = Dictionary(corpus.events.map { ($0.sitePath, $0) }, uniquingKeysWith: { a, _ in a })
            var checked = 0
            for page in Self.generator.pages() where page.damage == nil && !page.isDayIndex {
                guard let event = bySitePath[page.sitePath], !event.topics.isEmpty else { continue }
                let resolved = Set(event.topics.map { corpus.topics[$0].key })
                let expected = Set(page.topics.map { aliases[Self.key($0)] ?? Self.key($0) })
                #expect(resolved == expected, "\(page.sitePath)")
                checked += 1
            }
            #expect(checked > 500)
        }
    }

    @Test("two builds of the same corpus give the same bytes")
    func deterministic() throws {
        try withBuild { built, root in
            let again = root.appendingPathComponent("again")
            let configuration = Self.configuration(site: root.appendingPathComponent("site"), output: again)
            _ = try Publisher(configuration: configuration).build()
            let paths = try files(under: built.output)
            #expect(try files(under: again) == paths)
            for path in paths {
                #expect(
                    try TestFiles.bytes(built.output.appendingPathComponent(path))
                        == TestFiles.bytes(again.appendingPathComponent(path)), "\(path)")
            }
        }
    }

    /// The test site reading the generated corpus at `site`, with the generator's aliases.
    static func configuration(site: URL, output: URL) -> Configuration {
        var configuration = RenderedCorpus.configuration
        configuration.input = site
        configuration.output = output
        configuration.aliases = Dictionary(
            generator.topicAliases.map { ($0.alias, $0.canonical) }, uniquingKeysWith: { first, _ in first })
        return configuration
    }

    static func key(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ").precomposedStringWithCanonicalMapping.lowercased()
    }
}
