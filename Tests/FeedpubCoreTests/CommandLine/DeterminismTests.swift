import FeedpubCore
import FeedpubCorpus
import Foundation
import Testing

@Suite("Parallel, cached builds")
struct DeterminismTests {
    func run(_ arguments: [String], in root: URL, environment: [String: String] = [:]) throws -> Int32 {
        try FeedpubCommandTests().run(arguments, in: root, environment: environment).status
    }

    @Test("a parallel build that took most pages from its cache writes what a clean single-threaded build writes")
    func cachedParallelEqualsCleanSerial() throws {
        try TestFiles.withTemporaryFolder { root in
            let site = root.appendingPathComponent("site")
            _ = try CorpusGenerator(pageCount: 600, seed: 23).write(to: site)
            try TestFiles.write(
                #"{"site": {"title": "Determinism"}, "input": "site", "feeds": {"maxEntries": 10}}"#,
                to: "config.json", under: root)

            // The newest ten pages come later, like a day's news; one older page is edited.
            let pages = try FileManager.default.subpathsOfDirectory(atPath: site.path)
                .filter { $0.hasSuffix(".md") && !$0.hasSuffix("index.md") }.sorted()
            let held = root.appendingPathComponent("held")
            for page in pages.suffix(10) {
                let target = held.appendingPathComponent(page)
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.moveItem(at: site.appendingPathComponent(page), to: target)
            }
            #expect(try run(["build", "-c", "config.json", "-o", "cached"], in: root) == 0)
            for page in pages.suffix(10) {
                try FileManager.default.moveItem(at: held.appendingPathComponent(page), to: site.appendingPathComponent(page))
            }
            let edited = site.appendingPathComponent(pages[pages.count / 2])
            try (try String(contentsOf: edited, encoding: .utf8) + "\nOne more paragraph.\n")
                .write(to: edited, atomically: true, encoding: .utf8)
            #expect(try run(["build", "-c", "config.json", "-o", "cached"], in: root) == 0)
            let cache = root.appendingPathComponent("cached").appendingPathComponent(PageCache.recentFileName)
            #expect(FileManager.default.fileExists(atPath: cache.path), "the rebuild took the other pages from the cache")

            #expect(try run(["build", "-c", "config.json", "-o", "serial"], in: root, environment: ["FEEDPUB_THREADS": "1"]) == 0)
            let serial = try TestFiles.published(root.appendingPathComponent("serial"))
            #expect(serial.count > 300)
            #expect(try TestFiles.published(root.appendingPathComponent("cached")) == serial)
        }
    }
}
