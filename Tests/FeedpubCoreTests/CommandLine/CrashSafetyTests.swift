import FeedpubCore
import FeedpubCorpus
import Foundation
import Testing

/// `kill -9` at random moments of real builds: every file a reader can see
/// is always a whole previous or new version, never a partial one.
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    /// How many builds are killed; `FEEDPUB_KILL_RUNS` raises it for a long run.
    static let kills = ProcessInfo.processInfo.environment["FEEDPUB_KILL_RUNS"].flatMap(Int.init) ?? 24

    /// Every published file under `folder` (relative path → bytes); the
    /// manifest, the lock and temporary files are not published.
    static func published(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        where FeedpubCommandTests.isPublished(path) {
            files[path] = try Data(contentsOf: folder.appendingPathComponent(path))
        }
        return files
    }

    @Test("builds killed at random points leave every feed a whole old or new version; the next build completes")
    func killedBuilds() throws {
        let command = FeedpubCommandTests()
        try TestFiles.withTemporaryFolder { root in
            _ = try CorpusGenerator(pageCount: 400, seed: 11).write(to: root.appendingPathComponent("site"))
            // Two settings whose builds rewrite every feed: versions A and B of each file.
            for (name, title) in [("a.json", "Version A"), ("b.json", "Version B")] {
                try TestFiles.write(#"{"site": {"title": "\#(title)"}, "input": "site"}"#, to: name, under: root)
            }
            var versions: [String: Set<Data>] = [:]
            var timings: [Duration] = []
            for (name, folder) in [("a.json", "ref-a"), ("b.json", "ref-b")] {
                let start = ContinuousClock.now
                #expect(try command.run(["--config", name, "--quiet", "--output", folder], in: root).status == 0)
                timings.append(ContinuousClock.now - start)
                for (path, bytes) in try Self.published(root.appendingPathComponent(folder)) {
                    versions[path, default: []].insert(bytes)
                }
            }
            let fullBuild = timings.max()!
            try FileManager.default.copyItem(at: root.appendingPathComponent("ref-a"), to: root.appendingPathComponent("out"))

            var generator = SystemRandomNumberGenerator()
            var mixed = 0
            for attempt in 0..<Self.kills {
                let config = attempt % 2 == 0 ? "b.json" : "a.json"
                let delay = Duration.nanoseconds(Int64.random(in: 0...fullBuild.nanoseconds, using: &generator))
                let status = try command.runKilled(
                    ["--config", config, "--quiet", "--output", "out"], in: root, after: delay)
                let files = try Self.published(root.appendingPathComponent("out"))
                for (path, bytes) in files {
                    #expect(versions[path]?.contains(bytes) == true, "kill \(attempt) after \(delay): \(path) is partial")
                }
                #expect(Set(files.keys) == Set(versions.keys), "kill \(attempt): no feed lost")
                let titles = Set(files.values.map { $0.range(of: Data("Version A".utf8)) != nil })
                if titles.count == 2 { mixed += 1 }
                _ = status
            }
            #expect(mixed > 0, "some kills landed while feeds were being written")
            #expect(try command.run(["--config", "b.json", "--quiet", "--output", "out"], in: root).status == 0)
            #expect(try Self.published(root.appendingPathComponent("out")) == Self.published(root.appendingPathComponent("ref-b")))
            let leftovers = try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("out").path)
                .filter { $0.hasSuffix(".tmp") }
            #expect(leftovers.isEmpty)
        }
    }
}

extension Duration {
    fileprivate var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
