import FeedpubCore
import Synchronization
import Foundation
import Testing

@Suite("Writing the output folder")
struct OutputFolderTests {
    func modificationDate(_ url: URL) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
    }

    @Test("a file with the same bytes is not rewritten: its mtime stays")
    func unchangedKeepsMtime() throws {
        try TestFiles.withTemporaryFolder { root in
            let folder = OutputFolder(root: root)
            try folder.prepare()
            #expect(try folder.write(Array("one".utf8), to: "topics/a.atom") == .written)
            let file = root.appendingPathComponent("topics/a.atom")
            let old = Date(timeIntervalSince1970: 1_000_000_000)
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: file.path)
            #expect(try folder.write(Array("one".utf8), to: "topics/a.atom") == .unchanged)
            #expect(try modificationDate(file) == old)
            #expect(try folder.write(Array("two".utf8), to: "topics/a.atom") == .written)
            #expect(try modificationDate(file) != old)
            #expect(try String(contentsOf: file, encoding: .utf8) == "two")
        }
    }

    @Test("writing leaves no temporary file behind, and makes a new archive folder on first use")
    func noTemporaryFiles() throws {
        try TestFiles.withTemporaryFolder { root in
            let folder = OutputFolder(root: root)
            try folder.prepare()
            _ = try folder.write(Array("x".utf8), to: "all.atom")
            _ = try folder.write(Array("y".utf8), to: "topics/b.rss")
            _ = try folder.write(Array("z".utf8), to: "archive/topics/b/1.rss")
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [
                    OutputFolder.temporaryFolder, "all.atom", "archive", "topics",
                ])
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path + "/topics") == ["b.rss"])
            #expect(try String(contentsOfFile: root.path + "/archive/topics/b/1.rss", encoding: .utf8) == "z")
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path + "/" + OutputFolder.temporaryFolder) == [])
        }
    }

    @Test("feeds of topics that no longer exist and leftovers of interrupted builds are removed; nothing else")
    func staleFeeds() throws {
        try TestFiles.withTemporaryFolder { root in
            let folder = OutputFolder(root: root)
            try folder.prepare()
            for name in [
                "topics/keep.atom", "topics/gone.atom", "topics/gone.rss", "topics/notes.txt", "other.atom",
                ".all.atom.123.tmp", "topics/.x.rss.9.tmp",
                // No process has a number this large; this one is running.
                ".feedpub-tmp/99999999-1f.tmp", ".feedpub-tmp/\(getpid())-2f.tmp",
            ] {
                try TestFiles.write(name, to: name, under: root)
            }
            let removed = folder.removeStale(keeping: ["topics/keep.atom", "other.atom"])
            #expect(
                removed == [
                    ".all.atom.123.tmp", ".feedpub-tmp/99999999-1f.tmp", "topics/.x.rss.9.tmp", "topics/gone.atom",
                    "topics/gone.rss",
                ])
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: root.path + "/.feedpub-tmp") == ["\(getpid())-2f.tmp"],
                "a running build's file is being written")
            #expect(FileManager.default.fileExists(atPath: root.path + "/other.atom"), "only topics/ holds feeds to prune")
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path + "/topics").sorted() == [
                "keep.atom", "notes.txt",
            ])
        }
    }

    @Test("with the last build's list of files, only those are pruned below the top, then the archive folders left empty")
    func staleAmongWritten() throws {
        try TestFiles.withTemporaryFolder { root in
            let folder = OutputFolder(root: root)
            try folder.prepare()
            let written = [
                "all.json", "topics/keep.atom", "topics/gone.atom", "topics/gone.rss", "archive/topics/gone/1.atom",
                "archive/topics/gone/1.rss", "archive/topics/keep/1.atom",
            ]
            for name in written + ["topics/stray.atom", ".all.atom.123.tmp", "notes.txt"] {
                try TestFiles.write(name, to: name, under: root)
            }
            let removed = folder.removeStale(
                keeping: ["topics/keep.atom", "archive/topics/keep/1.atom"], written: written)
            #expect(
                removed == [
                    ".all.atom.123.tmp", "all.json", "archive/topics/gone/1.atom", "archive/topics/gone/1.rss",
                    "topics/gone.atom", "topics/gone.rss",
                ])
            #expect(!FileManager.default.fileExists(atPath: root.path + "/archive/topics/gone"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path + "/archive/topics") == ["keep"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path + "/topics").sorted() == [
                "keep.atom", "stray.atom",
            ], "a file the last build did not write is left alone")
            #expect(FileManager.default.fileExists(atPath: root.path + "/notes.txt"))

            // Once every archive document is gone, so is archive/.
            _ = folder.removeStale(keeping: ["topics/keep.atom"], written: ["archive/topics/keep/1.atom"])
            #expect(!FileManager.default.fileExists(atPath: root.path + "/archive"))
        }
    }

    @Test("an output folder that cannot be created is reported with its path")
    func unwritable() throws {
        try TestFiles.withTemporaryFolder { root in
            let blocker = try TestFiles.write("a file, not a folder", to: "blocker", under: root)
            let folder = OutputFolder(root: blocker.appendingPathComponent("feeds"))
            #expect {
                try folder.prepare()
            } throws: { error in
                "\(error)".contains(blocker.path)
            }
        }
    }
}

@Suite("Builds of one output folder take turns")
struct BuildLockTests {
    @Test("a build waits, with a notice, while another holds the output folder's lock")
    func waitsForTheLock() async throws {
        try await TestFiles.withTemporaryFolderAsync { root in
            try FileManager.default.copyItem(
                at: TestFiles.packageRoot.appendingPathComponent("news"), to: root.appendingPathComponent("news"))
            var configuration = try ConfigurationLoader().load(TestFiles.packageRoot.appendingPathComponent("config.json"))
            configuration.input = root
            configuration.output = root.appendingPathComponent("out")
            try OutputFolder(root: configuration.output).prepare()
            var held: BuildLock? = try BuildLock(folder: configuration.output)
            let publisher = Publisher(configuration: configuration)
            let noticed = Mutex(false)
            let build = Task.detached {
                try publisher.build(notice: { _ in noticed.withLock { $0 = true } })
            }
            try await Task.sleep(for: .milliseconds(400))
            #expect(noticed.withLock { $0 })
            #expect(!FileManager.default.fileExists(atPath: configuration.output.path + "/all.atom"), "nothing written while locked")
            held = nil
            _ = held
            let report = try await build.value
            #expect(report.written == 59)
        }
    }
}
