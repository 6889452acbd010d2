import FeedpubCore
import Foundation
import Testing

@Suite("The page cache")
struct PageCacheTests {
    /// Forgets the last build's manifest, so that the next build reads the corpus again.
    func forgetManifest(_ configuration: Configuration) {
        try? FileManager.default.removeItem(at: configuration.output.appendingPathComponent(BuildManifest.fileName))
    }

    func cacheFile(_ configuration: Configuration) -> URL {
        configuration.output.appendingPathComponent(PageCache.fileName)
    }

    @Test("a page whose size and modification time are unchanged comes from the cache; without the cache it is read")
    func unchangedPagesComeFromTheCache() throws {
        try TestFiles.withTemporaryFolder { root in
            let configuration = try TestFiles.sampleCopy(in: root)
            _ = try Publisher(configuration: configuration).build()
            #expect(FileManager.default.fileExists(atPath: cacheFile(configuration).path))
            let before = try TestFiles.published(configuration.output)

            // An edit of the same size, with the file's time put back: only
            // the cache can tell the build the page is as it was.
            let page = try TestFiles.samplePage(in: root)
            var info = stat()
            #expect(stat(page.path, &info) == 0)
            try TestFiles.editSamplePage(in: root, replacing: "Le Monde newspaper said", with: "Le Monde newspaper SAID")
            var times = [info.st_atim, info.st_mtim]
            #expect(utimensat(AT_FDCWD, page.path, &times, 0) == 0)

            forgetManifest(configuration)
            let cached = try Publisher(configuration: configuration).build()
            #expect(!cached.upToDate && cached.notices.isEmpty)
            #expect(try TestFiles.published(configuration.output) == before, "the page came from the cache")

            try FileManager.default.removeItem(at: cacheFile(configuration))
            forgetManifest(configuration)
            let read = try Publisher(configuration: configuration).build()
            #expect(read.notices.isEmpty, "no cache is no news: the first build has none")
            let syria = try String(contentsOf: configuration.output.appendingPathComponent("topics/syria.atom"), encoding: .utf8)
            #expect(syria.contains("Le Monde newspaper SAID"), "without the cache the page is read")
        }
    }

    @Test("a damaged, cut short, foreign or empty cache is set aside with a notice, and the output is the same")
    func unusableCache() throws {
        try TestFiles.withTemporaryFolder { root in
            let configuration = try TestFiles.sampleCopy(in: root)
            _ = try Publisher(configuration: configuration).build()
            let expected = try TestFiles.published(configuration.output)
            let good = try Data(contentsOf: cacheFile(configuration))
            var flipped = good
            flipped[good.count / 2] ^= 0x20
            let older = Data(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "feedpub-cache 3", with: "feedpub-cache 0").utf8)
            let damages: [(String, Data, String)] = [
                ("a flipped bit", flipped, "damaged"),
                ("cut in half", good.prefix(good.count / 2), "damaged"),
                ("an older format", older, "not a page cache this version can read"),
                ("empty", Data(), "not a page cache this version can read"),
            ]
            for (damage, bytes, reason) in damages {
                try bytes.write(to: cacheFile(configuration))
                forgetManifest(configuration)
                let report = try Publisher(configuration: configuration).build()
                #expect(report.notices.count == 1, "\(damage)")
                #expect(report.notices.first?.contains("\(PageCache.fileName): \(reason)") == true, "\(damage): \(report.notices)")
                #expect(try TestFiles.published(configuration.output) == expected, "\(damage)")
                #expect(try Data(contentsOf: cacheFile(configuration)) == good, "\(damage): the cache is written anew")
            }
        }
    }

    @Test("a changed page goes to a small file beside the cache, which stays as it was; the output is a clean build's")
    func changedPagesGoBesideTheCache() throws {
        try TestFiles.withTemporaryFolder { root in
            let configuration = try TestFiles.sampleCopy(in: root)
            // Enough pages that one is not a quarter of them.
            for day in 1...6 {
                _ = try TestFiles.write(
                    "### [2016-02-0\(day)](/news/2016/02/\(day)/index.md)\n\n# Event number \(day).\n\nA body.\n",
                    to: "news/2016/02/\(day)/event-number-\(day).md", under: root)
            }
            _ = try Publisher(configuration: configuration).build()
            let complete = try Data(contentsOf: cacheFile(configuration))
            let recent = configuration.output.appendingPathComponent(PageCache.recentFileName)
            #expect(!FileManager.default.fileExists(atPath: recent.path))

            try TestFiles.editSamplePage(in: root, replacing: "Le Monde newspaper said", with: "Le Monde reported")
            let edited = try Publisher(configuration: configuration).build()
            #expect(edited.notices.isEmpty && edited.written > 0)
            #expect(try Data(contentsOf: cacheFile(configuration)) == complete, "the complete cache is not rewritten")
            #expect(FileManager.default.fileExists(atPath: recent.path))
            var clean = configuration
            clean.output = root.appendingPathComponent("clean")
            _ = try Publisher(configuration: clean).build()
            let expected = try TestFiles.published(clean.output)
            #expect(try TestFiles.published(configuration.output) == expected)

            // Built again from the two files: the same; and with the small one damaged: the same, with a notice.
            forgetManifest(configuration)
            #expect(try Publisher(configuration: configuration).build().notices.isEmpty)
            #expect(try TestFiles.published(configuration.output) == expected)
            try Data("feedpub-cache 3\nnot the key\n".utf8).write(to: recent)
            forgetManifest(configuration)
            let damaged = try Publisher(configuration: configuration).build()
            #expect(damaged.notices.count == 1 && damaged.notices[0].contains(PageCache.recentFileName))
            #expect(try TestFiles.published(configuration.output) == expected)
        }
    }

    @Test("pages written again from the cache keep their paragraphs, sources and cover; the output is a clean build's")
    func cachedContentIsWrittenAgain() throws {
        try TestFiles.withTemporaryFolder { root in
            let configuration = try TestFiles.sampleCopy(in: root)
            func page(_ day: Int, body: String) throws {
                _ = try TestFiles.write(
                    "### [2016-02-0\(day)](/news/2016/02/\(day)/index.md)\n\n# Event number \(day).\n\n\(body)\n\n"
                        + "### Source:\n\n1. [The Source \(day)](https://example.org/source-\(day))\n"
                        + "2. [Cover Image](https://example.org/cover-\(day).jpg)\n",
                    to: "news/2016/02/\(day)/event-number-\(day).md", under: root)
            }
            for day in 1...6 { try page(day, body: "Paragraph one of \(day).\n\nParagraph two of \(day).") }
            _ = try Publisher(configuration: configuration).build()
            let complete = try Data(contentsOf: cacheFile(configuration))

            // Three of eight pages changed: more than a quarter, so the
            // complete cache is written again, the five others' content
            // read from the cache it replaces.
            for day in 1...3 { try page(day, body: "A corrected paragraph of \(day).") }
            _ = try Publisher(configuration: configuration).build()
            #expect(try Data(contentsOf: cacheFile(configuration)) != complete)
            let recent = configuration.output.appendingPathComponent(PageCache.recentFileName)
            #expect(!FileManager.default.fileExists(atPath: recent.path))

            forgetManifest(configuration)
            let cached = try Publisher(configuration: configuration).build()
            #expect(cached.notices.isEmpty && cached.written == 0, "every page came from the new cache as it was")
            var clean = configuration
            clean.output = root.appendingPathComponent("clean")
            _ = try Publisher(configuration: clean).build()
            #expect(try TestFiles.published(configuration.output) == TestFiles.published(clean.output))
            let all = try String(contentsOf: configuration.output.appendingPathComponent("all.atom"), encoding: .utf8)
            for text in ["Paragraph two of 6.", "https://example.org/source-5", "https://example.org/cover-4.jpg"] {
                #expect(all.contains(text), "\(text)")
            }
        }
    }

    @Test("with a page removed, the others come from the cache and everything is resolved again, as in a clean build")
    func removedPageResolvesCachedPagesAgain() throws {
        try TestFiles.withTemporaryFolder { root in
            let configuration = try TestFiles.sampleCopy(in: root)
            for day in 1...6 {
                _ = try TestFiles.write(
                    "### [2016-02-0\(day)](/news/2016/02/\(day)/index.md)\n\n# Event number \(day).\n\nA body.\n\n"
                        + "### Related:\n\n1. [Event number \(day % 6 + 1).](/news/2016/02/\(day % 6 + 1)/event-number-"
                        + "\(day % 6 + 1).md) _Context: Topic \(day % 2), Syria_\n",
                    to: "news/2016/02/\(day)/event-number-\(day).md", under: root)
            }
            _ = try Publisher(configuration: configuration).build()
            try FileManager.default.removeItem(at: root.appendingPathComponent("news/2016/02/3/event-number-3.md"))
            let rebuilt = try Publisher(configuration: configuration).build()
            #expect(rebuilt.entriesRelinked == nil, "a removed page means resolving everything")
            #expect(rebuilt.notices.isEmpty)
            var clean = configuration
            clean.output = root.appendingPathComponent("clean")
            _ = try Publisher(configuration: clean).build()
            #expect(try TestFiles.published(configuration.output) == TestFiles.published(clean.output))
            let topic = try String(
                contentsOf: configuration.output.appendingPathComponent("topics/topic-1.atom"), encoding: .utf8)
            #expect(topic.contains("Event number 2.") && !topic.contains("Event number 4."))
        }
    }

    @Test("a page with problems is read again by every build, so that every build reports them")
    func problemsAreReportedEveryBuild() throws {
        try TestFiles.withTemporaryFolder { root in
            let configuration = try TestFiles.sampleCopy(in: root)
            _ = try TestFiles.write(
                "### [2016-01-05](/news/2016/01/5/index.md)\n\n# A page with a bad link.\n\n### Source:\n\n"
                    + "1. [Script](javascript:alert(1))\n",
                to: "news/2016/01/5/a-page-with-a-bad-link.md", under: root)
            let first = try Publisher(configuration: configuration).build()
            #expect(first.diagnostics.count == 1)
            forgetManifest(configuration)
            let second = try Publisher(configuration: configuration).build()
            #expect(second.diagnostics == first.diagnostics)
            #expect(second.notices.isEmpty)
        }
    }
}
