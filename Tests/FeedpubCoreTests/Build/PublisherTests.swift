import FeedpubCore
import Foundation
import Testing

@Suite("Building the sample corpus end to end")
struct PublisherTests {
    /// The repository's configuration, writing to `output`.
    func configuration(output: URL) throws -> Configuration {
        var configuration = try ConfigurationLoader().load(TestFiles.packageRoot.appendingPathComponent("config.json"))
        configuration.output = output
        return configuration
    }

    /// Every file under `root` (relative path → bytes), hidden files included
    /// but for the build manifest, lock and page cache, which are not published.
    func tree(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = try #require(FileManager.default.enumerator(atPath: root.path))
        while let path = walker.nextObject() as? String {
            guard ![BuildManifest.fileName, BuildLock.fileName, PageCache.fileName, PageCache.recentFileName, ResolutionState.fileName].contains(path) else { continue }
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root.path + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue { files[path] = try Data(contentsOf: root.appendingPathComponent(path)) }
        }
        return files
    }

    @Test("building the sample reproduces the committed feeds/ byte for byte")
    func committedFeeds() throws {
        try TestFiles.withTemporaryFolder { output in
            let report = try Publisher(configuration: try configuration(output: output)).build()
            #expect(report.diagnostics.isEmpty)
            let committed = try tree(TestFiles.packageRoot.appendingPathComponent("feeds"))
            let built = try tree(output)
            #expect(built.keys.sorted() == committed.keys.sorted())
            for (path, bytes) in built.sorted(by: { $0.key < $1.key }) {
                #expect(committed[path] == bytes, "feeds/\(path) differs: run 'swift run feedpub' and commit feeds/")
            }
        }
    }

    @Test("the sample gives one feed pair per topic plus all events, and the summary counts them")
    func sampleReport() throws {
        try TestFiles.withTemporaryFolder { output in
            let report = try Publisher(configuration: try configuration(output: output)).build()
            #expect(report.pagesRead == 2)
            #expect(report.events == 13)
            #expect(report.referenceOnly == 11)
            #expect(report.topics == 13)
            #expect(
                report.written == 4 * 14 + 3,
                "Atom, RSS, JSON and a page for all events and each topic, the OPML, the catalog and the index page")
            #expect(report.summary.hasPrefix("2 pages read, 13 events (11 known only by reference), 13 topics, 59 files written, 0 unchanged"))
        }
    }

    @Test("an unchanged corpus writes nothing and keeps every mtime; a change rewrites only the feeds it touches")
    func incremental() throws {
        try TestFiles.withTemporaryFolder { root in
            let configuration = try TestFiles.sampleCopy(in: root)
            _ = try Publisher(configuration: configuration).build()
            let upToDate = try Publisher(configuration: configuration).build()
            #expect(upToDate.upToDate)
            #expect(upToDate.written == 0 && upToDate.unchanged == 59 && upToDate.events == 13)
            #expect(upToDate.summary.contains("nothing changed since the last build"))

            let old = Date(timeIntervalSince1970: 1_000_000_000)
            let outputFiles = try tree(configuration.output).keys
            for path in outputFiles {
                try FileManager.default.setAttributes(
                    [.modificationDate: old], ofItemAtPath: configuration.output.path + "/" + path)
            }
            let rebuilt = try Publisher(configuration: configuration).build()
            #expect(!rebuilt.upToDate, "touched outputs are checked, not trusted")
            #expect(rebuilt.written == 0 && rebuilt.unchanged == 59)
            #expect(rebuilt.rendered == 14, "files not as the manifest recorded them are rendered again")

            let page = PageFixture.page(
                date: "2015-11-18", headline: "A new page about Sergey Shoigu",
                related: [PageFixture.related("Other", "/news/2014/01/1/other.md", ["Sergey Shoigu"])])
            try TestFiles.write(page, to: "news/2015/11/18/new.md", under: root)
            let third = try Publisher(configuration: configuration).build()
            #expect(!third.upToDate)
            #expect(third.written == 10, "the feeds and pages of all events and Sergey Shoigu, the catalog and the index")
            #expect(third.rendered == 2, "only the feeds whose content changed are rendered: all events and Sergey Shoigu")
            let changed = try outputFiles.filter { path in
                let date = try FileManager.default.attributesOfItem(atPath: configuration.output.path + "/" + path)[
                    .modificationDate] as? Date
                return date != old
            }.sorted()
            #expect(changed == [
                "all.atom", "all.html", "all.json", "all.rss", "index.html", "topics.json",
                "topics/sergey-shoigu.atom", "topics/sergey-shoigu.html", "topics/sergey-shoigu.json",
                "topics/sergey-shoigu.rss",
            ])
        }
    }

    @Test("the manifest is only an optimisation: a changed setting, page or feed, or a damaged manifest, means a full build")
    func manifestInvalidation() throws {
        try TestFiles.withTemporaryFolder { root in
            var configuration = try TestFiles.sampleCopy(in: root)
            let first = try Publisher(configuration: configuration).build()
            let expected = try tree(configuration.output)
            let manifest = configuration.output.appendingPathComponent(BuildManifest.fileName)

            try Data("garbage".utf8).write(to: manifest)
            let damaged = try Publisher(configuration: configuration).build()
            #expect(!damaged.upToDate)
            #expect(damaged.notices.count == 1 && damaged.notices[0].contains("not a build manifest"))
            #expect(try tree(configuration.output) == expected)
            let after = try Publisher(configuration: configuration).build()
            #expect(after.upToDate && after.notices.isEmpty, "a notice is said once, not repeated from the manifest")

            try FileManager.default.removeItem(at: configuration.output.appendingPathComponent("topics/syria.rss"))
            let deleted = try Publisher(configuration: configuration).build()
            #expect(!deleted.upToDate && deleted.written == 1)
            #expect(try tree(configuration.output) == expected)

            try FileManager.default.setAttributes(
                [.modificationDate: Date()], ofItemAtPath: try TestFiles.samplePage(in: root).path)
            let touched = try Publisher(configuration: configuration).build()
            #expect(!touched.upToDate, "a touched page is read again")
            #expect(touched.rendered == 0, "but no feed's content changed, so none is rendered")
            #expect(try Publisher(configuration: configuration).build().upToDate)

            try TestFiles.editSamplePage(in: root, replacing: "Le Monde newspaper said", with: "Le Monde newspaper reported")
            let edited = try Publisher(configuration: configuration).build()
            #expect(edited.rendered == 6, "the feeds of the edited event: all events and its five topics")
            #expect(
                edited.written == 18,
                "an edited body changes the six feeds' Atom, RSS and JSON, not their pages (which show no body), the catalog or the index")
            let syria = try String(contentsOf: configuration.output.appendingPathComponent("topics/syria.atom"), encoding: .utf8)
            #expect(syria.contains("Le Monde newspaper reported"))

            configuration.maxEntries = 1
            let changedSetting = try Publisher(configuration: configuration).build()
            #expect(!changedSetting.upToDate && changedSetting.written > 0)
            #expect(changedSetting.diagnostics == first.diagnostics)
            #expect(
                changedSetting.rendered == 14 + 13 + 52,
                "new settings: every feed is rendered, and with one entry a feed, one archive document for each event of all events (13) and of each topic (52)")
        }
    }

    @Test("a site moved elsewhere, its output folder with it, renders no feed again and writes nothing")
    func movedSite() throws {
        try TestFiles.withTemporaryFolder { root in
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("site"), withIntermediateDirectories: false)
            var configuration = try TestFiles.sampleCopy(in: root.appendingPathComponent("site"))
            _ = try Publisher(configuration: configuration).build()
            let expected = try tree(configuration.output)
            try FileManager.default.moveItem(
                at: root.appendingPathComponent("site"), to: root.appendingPathComponent("moved"))
            configuration.input = root.appendingPathComponent("moved")
            configuration.output = root.appendingPathComponent("moved/out")
            let moved = try Publisher(configuration: configuration).build()
            #expect(!moved.upToDate, "the pages are read again from where they are now")
            #expect(moved.rendered == 0 && moved.written == 0, "but the feeds are as the moved folder has them")
            #expect(try tree(configuration.output) == expected)
        }
    }

    @Test("a damaged page is reported and skipped; the rest of the corpus is still published")
    func damagedPage() throws {
        try TestFiles.withTemporaryFolder { root in
            let configuration = try TestFiles.sampleCopy(in: root)
            try TestFiles.write("### [2015-02-30](/x)\n\n# Impossible\n", to: "news/2015/02/28/bad.md", under: root)
            try TestFiles.write([0x23, 0x20, 0xFF], to: "news/2015/02/28/binary.md", under: root)
            try TestFiles.write("not an event", to: "news/2015/02/28/index.md", under: root)
            let report = try Publisher(configuration: configuration).build()
            #expect(report.pagesRead == 4, "index.md is a day list, not a page")
            #expect(report.pagesSkipped == 2)
            #expect(report.events == 13)
            #expect(report.diagnostics.map(\.description).sorted() == [
                "\(root.path)/news/2015/02/28/bad.md:1: error: '2015-02-30' is not a date (YYYY-MM-DD); page skipped",
                "\(root.path)/news/2015/02/28/binary.md:1: error: bytes are not valid UTF-8; page skipped",
            ])
        }
    }

    @Test("topics named like paths, devices, nothing or 10,000 characters get safe, bounded files inside topics/")
    func hostileTopicNames() throws {
        try TestFiles.withTemporaryFolder { root in
            let names = ["../../etc/passwd", "CON", "..", "/", String(repeating: "Long name ", count: 1_000)]
            let related = PageFixture.related("Other event.", "/news/2016/03/1/other-event.md", names)
            try TestFiles.write(PageFixture.page(related: [related]), to: "news/2016/03/2/page.md", under: root)
            let configuration = try configuration(in: root)
            let report = try Publisher(configuration: configuration).build()
            #expect(report.topics == names.count)
            let files = try FileManager.default.subpathsOfDirectory(atPath: configuration.output.path)
                .filter { !$0.hasPrefix(".") && $0 != "topics" }.sorted()
            #expect(files.count == 4 * (names.count + 1) + 3)
            let topicFiles = files.filter { $0.hasPrefix("topics/") }
            #expect(topicFiles.count == 4 * names.count)
            for file in topicFiles {
                let stem = file.dropFirst("topics/".count).split(separator: ".")[0]
                #expect(stem.count <= 80 && !stem.isEmpty, "\(file)")
                #expect(stem.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }, "\(file)")
                #expect(stem != "con", "Windows reserves CON")
            }
            #expect(topicFiles.contains("topics/etc-passwd.atom"))
            let parent = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
            #expect(parent == ["news", "out"], "nothing written outside the output folder")
        }
    }

    @Test("a seed passed as an extra .txt file is placed by its date and headline")
    func extraFile() throws {
        try TestFiles.withTemporaryFolder { root in
            try FileManager.default.createDirectory(at: root.appendingPathComponent("news"), withIntermediateDirectories: true)
            let seed = try TestFiles.write(try TestFiles.bytes(TestFiles.seed001), to: "seed.txt", under: root)
            let configuration = try configuration(in: root)
            let loaded = try Publisher(configuration: configuration, extraFiles: [seed.path]).load()
            let page = try #require(loaded.corpus.events.first { !$0.isReferenceOnly })
            #expect(TestFiles.seed001.path.hasSuffix(page.sitePath))
        }
    }

    @Test("an input folder without news/ stops the build with a message naming it")
    func noNewsFolder() throws {
        try TestFiles.withTemporaryFolder { root in
            let configuration = try configuration(in: root)
            #expect {
                try Publisher(configuration: configuration).build()
            } throws: { error in
                "\(error)" == "\(root.path): no news/ folder here; 'input' must be the site root"
            }
            #expect(!FileManager.default.fileExists(atPath: configuration.output.path), "nothing half-written")
        }
    }

    /// The repository's configuration reading the site at `root`, writing to `root/out`.
    private func configuration(in root: URL) throws -> Configuration {
        var configuration = try configuration(output: root.appendingPathComponent("out"))
        configuration.input = root
        return configuration
    }
}
