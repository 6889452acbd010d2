import FeedpubCore
import FeedpubCorpus
import Foundation
import Testing

/// RFC 5005 archives: a reader that follows `prev-archive` from a
/// subscription feed gets the feed's whole history, and full archive
/// documents stay as they are.
@Suite("Feed archives (RFC 5005)", .serialized)
struct ArchiveTests {
    static let history = "http://purl.org/syndication/history/1.0"

    /// The entry ids of a document, Atom or RSS.
    func ids(_ root: XMLNode) -> [String] {
        let entries = root.children("entry") + (root.child("channel")?.children("item") ?? [])
        return entries.compactMap { ($0.child("id") ?? $0.child("guid"))?.text }
    }

    /// The `href` of the Atom link with relation `relation` (`atom:link` in RSS).
    func link(_ relation: String, of root: XMLNode) -> String? {
        let links = root.children("link") + (root.child("channel")?.children("atom:link") ?? [])
        return links.first { $0.attributes["rel"] == relation }?.attributes["href"]
    }

    func isArchive(_ root: XMLNode) -> Bool {
        (root.child("fh:archive") ?? root.child("channel")?.child("fh:archive"))?.namespace == Self.history
    }

    @Test("walking prev-archive from each feed back to the first archive gives every event of the feed once")
    func walkHistory() throws {
        try TestFiles.withTemporaryFolder { root in
            let generator = CorpusGenerator(pageCount: 600, seed: 11)
            _ = try generator.write(to: root.appendingPathComponent("site"))
            var configuration = GeneratedCorpusTests.configuration(
                site: root.appendingPathComponent("site"), output: root.appendingPathComponent("feeds"))
            configuration.maxEntries = 10
            let publisher = Publisher(configuration: configuration)
            _ = try publisher.build()
            let corpus = try publisher.load().corpus
            let feedsURL = configuration.publishedFeedsURL
            let output = configuration.output
            func document(at url: String) throws -> XMLNode {
                #expect(url.hasPrefix(feedsURL), "\(url)")
                return try XMLNode.parse(try TestFiles.bytes(output.appendingPathComponent(String(url.dropFirst(feedsURL.count)))))
            }
            let subscriptions = [("all", corpus.events.count)] + corpus.topics.map { ("topics/\($0.slug)", $0.events.count) }
            var reached: Set<String> = []
            var walked = 0
            for (stem, eventCount) in subscriptions {
                for format in [".atom", ".rss"] {
                    let currentURL = feedsURL + stem + format
                    let current = try document(at: currentURL)
                    #expect(!isArchive(current) && link("current", of: current) == nil)
                    var seen = Set(ids(current))
                    var archived: [String] = []
                    var next = currentURL
                    var url = link("prev-archive", of: current)
                    var pages = 0
                    while let archiveURL = url {
                        let archive = try document(at: archiveURL)
                        FeedDocumentChecks.expectSound(archive, path: archiveURL)
                        reached.insert(String(archiveURL.dropFirst(feedsURL.count)))
                        #expect(isArchive(archive), "\(archiveURL) says it is an archive")
                        #expect(link("self", of: archive) == archiveURL)
                        #expect(link("current", of: archive) == currentURL)
                        #expect(
                            link("next-archive", of: archive) == next,
                            "\(archiveURL) links to the newer one (the newest, to the feed itself)")
                        #expect(link("hub", of: archive) == nil)
                        #expect(ids(archive).count == 10, "\(archiveURL): a full archive document")
                        archived += ids(archive)
                        pages += 1
                        next = archiveURL
                        url = link("prev-archive", of: archive)
                    }
                    #expect(pages == eventCount / 10, "\(stem)\(format)")
                    #expect(Set(archived).count == archived.count, "\(stem)\(format): no event in two archive documents")
                    seen.formUnion(archived)
                    #expect(seen.count == eventCount, "\(stem)\(format): the whole history is reachable")
                    walked += 1
                }
            }
            #expect(corpus.topics.contains { $0.events.count > 30 }, "some topic has several archive documents")
            let onDisk = try #require(FileManager.default.enumerator(atPath: output.appendingPathComponent("archive").path))
                .allObjects.compactMap { $0 as? String }.filter { $0.hasSuffix(".atom") || $0.hasSuffix(".rss") }
            #expect(Set(onDisk.map { "archive/" + $0 }) == reached, "every archive document is reachable, none is orphaned")
            #expect(walked == 2 * subscriptions.count)
        }
    }

    @Test("newer events leave full archive documents as they were; the newest one's next-archive moves on")
    func archivesStay() throws {
        try TestFiles.withTemporaryFolder { root in
            var configuration = try TestFiles.sampleCopy(in: root)
            configuration.maxEntries = 2
            _ = try Publisher(configuration: configuration).build()
            let folder = configuration.output.appendingPathComponent("archive/topics/syria")
            func archive() throws -> [String: [UInt8]] {
                let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                return try Dictionary(uniqueKeysWithValues: names.map { ($0, try TestFiles.bytes(folder.appendingPathComponent($0))) })
            }
            let before = try archive()
            #expect(before.keys.sorted() == ["1.atom", "1.rss", "2.atom", "2.rss", "3.atom", "3.rss", "4.atom", "4.rss", "5.atom", "5.rss"])

            let page = PageFixture.page(
                date: "2018-01-05", headline: "A newer event in Syria",
                related: [PageFixture.related("Other", "/news/2017/12/1/other.md", ["Syria"])])
            try TestFiles.write(page, to: "news/2018/01/05/newer.md", under: root)
            _ = try Publisher(configuration: configuration).build()
            let after = try archive()
            #expect(after.count == before.count + 2, "Syria's twelfth event fills a sixth archive document, Atom and RSS")
            for (name, bytes) in before where !name.hasPrefix("5.") {
                #expect(after[name] == bytes, "\(name) did not change")
            }
            let oldNewest = try XMLNode.parse(try #require(before["5.atom"]))
            let newNewest = try XMLNode.parse(try #require(after["5.atom"]))
            #expect(ids(newNewest) == ids(oldNewest), "the newest archive document keeps its entries")
            #expect(link("next-archive", of: oldNewest) == configuration.publishedFeedsURL + "topics/syria.atom")
            #expect(link("next-archive", of: newNewest) == configuration.publishedFeedsURL + "archive/topics/syria/6.atom")
        }
    }

    @Test("with archives turned off, feeds have no history links and old archive documents are removed")
    func turnedOff() throws {
        try TestFiles.withTemporaryFolder { root in
            var configuration = try TestFiles.sampleCopy(in: root)
            configuration.maxEntries = 2
            _ = try Publisher(configuration: configuration).build()
            let archive = configuration.output.appendingPathComponent("archive")
            #expect(FileManager.default.fileExists(atPath: archive.appendingPathComponent("all/6.atom").path))
            configuration.archives = false
            let report = try Publisher(configuration: configuration).build()
            #expect(!FileManager.default.fileExists(atPath: archive.path), "the archive folder is gone")
            // All events: 13 / 2 = 6 documents; the topics' 1, 2, 2, 2, 12, 1,
            // 2, 9, 6, 1, 11, 1 and 2 events: 23.
            #expect(report.removed == 2 * (6 + 23), "every archive document, Atom and RSS")
            let syria = try XMLNode.parse(try TestFiles.bytes(configuration.output.appendingPathComponent("topics/syria.atom")))
            #expect(link("prev-archive", of: syria) == nil)
            #expect(ids(syria).count == 2)
        }
    }
}
