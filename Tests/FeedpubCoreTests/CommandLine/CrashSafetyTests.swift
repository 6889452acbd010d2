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

    /// What one run of feedpub did.
    struct Outcome {
        /// Whether it was killed before it finished.
        var killed = false
        /// How long after printing the step it exited.
        var afterStep: Duration = .zero
        /// How long after printing the step the first published file appeared
        /// in the watched folder, when one did.
        var firstFile: Duration?
    }

    /// Runs feedpub with `arguments` in `folder`. Once it has printed `step`
    /// (from the start when nil), waits `delay` and kills it with SIGKILL if
    /// it is still running; meanwhile notes when a first file appears in
    /// `watch`, a folder that starts empty.
    static func run(
        _ arguments: [String], in folder: URL, killAfter delay: Duration?, from step: String?, watch: URL? = nil
    ) throws -> Outcome {
        guard let executable = FeedpubCommandTests.executable else {
            Issue.record("build the feedpub product first")
            throw CancellationError()
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let printed = Locked("")
        errors.fileHandleForReading.readabilityHandler = { handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            printed.withLock { $0 += text }
        }
        defer { errors.fileHandleForReading.readabilityHandler = nil }
        try process.run()
        while process.isRunning, let step, !printed.withLock({ $0.contains(step) }) { usleep(50) }
        let stepSeen = ContinuousClock.now
        var outcome = Outcome()
        while process.isRunning {
            if let delay, ContinuousClock.now >= stepSeen + delay {
                kill(process.processIdentifier, SIGKILL)
                break
            }
            if let watch, outcome.firstFile == nil,
                let names = try? FileManager.default.contentsOfDirectory(atPath: watch.path),
                names.contains(where: { !$0.hasPrefix(".") })
            {
                outcome.firstFile = ContinuousClock.now - stepSeen
            }
            usleep(50)
        }
        process.waitUntilExit()
        outcome.killed = process.terminationReason == .uncaughtSignal
        outcome.afterStep = ContinuousClock.now - stepSeen
        return outcome
    }

    @Test("builds killed at random points leave every feed a whole old or new version; the next build completes")
    func killedBuilds() throws {
        try TestFiles.withTemporaryFolder { root in
            _ = try CorpusGenerator(pageCount: 400, seed: 11).write(to: root.appendingPathComponent("site"))
            // Two settings whose builds rewrite every feed: versions A and B of each file.
            for (name, title) in [("a.json", "Version A"), ("b.json", "Version B")] {
                try TestFiles.write(#"{"site": {"title": "\#(title)"}, "input": "site"}"#, to: name, under: root)
            }
            let writing = "[4/4]"
            var versions: [String: Set<Data>] = [:]
            var whole: Duration = .zero
            // When files are written: from the first file on to the end, counted from "[4/4]".
            var writes: ClosedRange<Duration> = .zero ... .zero
            for (name, folder) in [("a.json", "ref-a"), ("b.json", "ref-b")] {
                whole = max(whole, try Self.run(["-c", name, "-o", folder], in: root, killAfter: nil, from: nil).afterStep)
                try FileManager.default.removeItem(at: root.appendingPathComponent(folder))
                let topics = root.appendingPathComponent(folder).appendingPathComponent("topics")
                let timed = try Self.run(["-c", name, "-o", folder], in: root, killAfter: nil, from: writing, watch: topics)
                writes = (timed.firstFile ?? .zero) ... timed.afterStep
                for (path, bytes) in try Self.published(root.appendingPathComponent(folder)) {
                    versions[path, default: []].insert(bytes)
                }
            }
            try FileManager.default.copyItem(at: root.appendingPathComponent("ref-a"), to: root.appendingPathComponent("out"))

            // Half the kills fall anywhere in a build, half while it writes
            // feeds. A build that finishes first narrows later windows: this
            // machine may be faster now than when the windows were measured.
            var generator = SystemRandomNumberGenerator()
            var scale = 1.0
            var killed = 0
            var mixed = 0
            var versionA = versions.count
            for attempt in 0..<Self.kills {
                // Always the version most files are not in, so that every build has files to write.
                let config = versionA * 2 >= versions.count ? "b.json" : "a.json"
                let window = attempt % 2 == 0
                    ? 0...whole.nanoseconds
                    : writes.lowerBound.nanoseconds...max(writes.lowerBound.nanoseconds, writes.upperBound.nanoseconds)
                let start = Double(window.lowerBound)
                let end = start + Double(window.upperBound - window.lowerBound) * scale
                let delay = Duration.nanoseconds(Int64(Double.random(in: start...end, using: &generator)))
                let outcome = try Self.run(
                    ["-c", config, "-o", "out"], in: root, killAfter: delay, from: attempt % 2 == 0 ? nil : writing)
                if outcome.killed { killed += 1 } else { scale *= 0.7 }
                let files = try Self.published(root.appendingPathComponent("out"))
                for (path, bytes) in files {
                    #expect(versions[path]?.contains(bytes) == true, "kill \(attempt) after \(delay): \(path) is partial")
                }
                #expect(Set(files.keys) == Set(versions.keys), "kill \(attempt): no feed lost")
                versionA = files.values.count { $0.range(of: Data("Version A".utf8)) != nil }
                if versionA > 0 && versionA < files.count { mixed += 1 }
            }
            #expect(killed >= Self.kills / 2, "most builds were killed before they finished")
            #expect(mixed > 0, "some kills landed while feeds were being written")
            #expect(try Self.run(["-c", "b.json", "-o", "out"], in: root, killAfter: nil, from: nil).killed == false)
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
