import FeedpubCore
import Foundation
import Testing

/// Runs the built `feedpub` executable, as a user or cron would.
@Suite("The feedpub command")
struct FeedpubCommandTests {
    struct Run {
        let status: Int32
        let output: String
        let errors: String
    }

    static var executable: URL? {
        let folder = Bundle.main.bundleURL
        let candidates = [folder, folder.deletingLastPathComponent()].map { $0.appendingPathComponent("feedpub") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs feedpub with `arguments` in `folder`, with `environment` added to
    /// this process's; with `fileSizeLimit`, under `ulimit -f` (in 512-byte
    /// blocks), as on a disk that fills up.
    func run(_ arguments: [String], in folder: URL, fileSizeLimit: Int? = nil, environment: [String: String] = [:])
        throws -> Run
    {
        let process = Process()
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        guard let executable = Self.executable else {
            Issue.record("build the feedpub product first")
            throw CancellationError()
        }
        if let fileSizeLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -f \(fileSizeLimit) && exec \"$0\" \"$@\"", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
            errors: String(decoding: errData, as: UTF8.self))
    }

    /// Whether `path`, relative to the output folder, is a published file
    /// (not a folder, the build's manifest or lock, or a temporary file).
    static func isPublished(_ path: String) -> Bool {
        path.contains(".") && !path.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// A copy of the sample (config.json and news/) in a new folder.
    func withSample<T>(_ body: (URL) throws -> T) throws -> T {
        try TestFiles.withTemporaryFolder { root in
            for name in ["config.json", "news"] {
                try FileManager.default.copyItem(
                    at: TestFiles.packageRoot.appendingPathComponent(name), to: root.appendingPathComponent(name))
            }
            return try body(root)
        }
    }

    @Test("with no arguments it builds ./config.json, prints its steps and one summary line, and exits 0")
    func defaultBuild() throws {
        try withSample { root in
            let result = try run([], in: root)
            #expect(result.status == 0)
            #expect(result.output.hasPrefix("2 pages read, 13 events (11 known only by reference), 13 topics, 59 files written"))
            #expect(result.output.split(separator: "\n").count == 1)
            #expect(result.errors.contains("[4/4] Writing feeds"))
            #expect(FileManager.default.fileExists(atPath: root.path + "/feeds/topics/syria.atom"))
        }
    }

    @Test("without config.json it builds ./news into ./feeds with the default settings")
    func noConfigFile() throws {
        try withSample { root in
            try FileManager.default.removeItem(at: root.appendingPathComponent("config.json"))
            let result = try run(["--quiet"], in: root)
            #expect(result.status == 0, "\(result.errors)")
            let atom = try String(contentsOf: root.appendingPathComponent("feeds/all.atom"), encoding: .utf8)
            #expect(atom.contains("<title>feedpub sample: all events</title>"))
        }
    }

    /// Under ThreadSanitizer the sanitized binary dies of a file size limit
    /// before its main runs; `.ci/run` says when that is the case.
    static let sanitized = ProcessInfo.processInfo.environment["FEEDPUB_SANITIZER"] != nil

    @Test(
        "a disk that fills up mid-build: exit 2, one line naming the file and what was not published, no feed cut short",
        .disabled(if: sanitized, "a sanitizer's runtime cannot start under a file size limit"))
    func diskFull() throws {
        try withSample { root in
            #expect(try run(["--quiet"], in: root).status == 0)
            let feeds = root.appendingPathComponent("feeds")
            let before = try FileManager.default.subpathsOfDirectory(atPath: feeds.path).filter(Self.isPublished)
            var settings = try String(contentsOf: root.appendingPathComponent("config.json"), encoding: .utf8)
            settings = settings.replacingOccurrences(of: "\"feedpub sample\"", with: "\"Renamed\"")
            try settings.write(to: root.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)

            let result = try run(["--quiet"], in: root, fileSizeLimit: 16)
            #expect(result.status == 2)
            let lines = result.errors.split(separator: "\n")
            #expect(lines.count == 1, "\(result.errors)")
            #expect(result.errors.contains("cannot write (File too large)"), "\(result.errors)")
            #expect(result.errors.contains("files were not published"))
            let after = try FileManager.default.subpathsOfDirectory(atPath: feeds.path).filter(Self.isPublished)
            #expect(Set(after) == Set(before), "no feed lost, no temporary file left")
            for path in after where path.hasSuffix(".atom") || path.hasSuffix(".rss") || path.hasSuffix(".opml") {
                let text = try String(contentsOf: feeds.appendingPathComponent(path), encoding: .utf8)
                #expect(text.contains("Renamed:") != text.contains("feedpub sample:"), "\(path) is one version, whole")
                _ = try XMLNode.parse(Array(text.utf8))
            }
            #expect(try run(["--quiet"], in: root).status == 0, "the next build, with room, publishes everything")
        }
    }

    @Test("--strict exits 1 when a page had a problem; the good pages are still published")
    func strict() throws {
        try withSample { root in
            try TestFiles.write("### [2015-02-30](/x)\n\n# Bad\n", to: "news/2015/02/1/bad.md", under: root)
            let lenient = try run(["build", "--quiet"], in: root)
            #expect(lenient.status == 0)
            let result = try run(["build", "--strict", "--quiet", "--output", "strict-out"], in: root)
            #expect(result.status == 1)
            #expect(result.errors == "news/2015/02/1/bad.md:1: error: '2015-02-30' is not a date (YYYY-MM-DD); page skipped\n")
            #expect(FileManager.default.fileExists(atPath: root.path + "/strict-out/all.atom"))
        }
    }

    @Test(
        "unusable arguments or configuration exit 2 with one line naming the problem",
        arguments: [
            (["--config", "missing.json"], "missing.json: cannot read the file"),
            (["--config", "bad.json"], "bad.json: site.url: 'nope' is not an absolute http(s) URL"),
            (["--config", "broken.json"], "broken.json: line 1, column 11: not valid JSON"),
            (["--input", "config.json"], "config.json: no news/ folder here"),
            (["--output", "config.json/feeds"], "config.json/feeds: cannot create the output folder"),
            (["build", "--no-such-option"], "Unknown option '--no-such-option'"),
            (["--input", "nowhere"], "nowhere: no news/ folder here"),
        ])
    func unusable(arguments: [String], message: String) throws {
        try withSample { root in
            try TestFiles.write(#"{"site": {"url": "nope"}}"#, to: "bad.json", under: root)
            try TestFiles.write(#"{"site": nope}"#, to: "broken.json", under: root)
            let result = try run(arguments, in: root)
            #expect(result.status == 2)
            #expect(result.errors.contains(message), "\(result.errors)")
            #expect(!result.errors.contains("Fatal error") && !result.errors.contains("Stack dump"))
        }
    }

    @Test("topics lists every topic with slug, count and newest date; --json is machine-readable")
    func topics() throws {
        try withSample { root in
            let table = try run(["topics"], in: root)
            #expect(table.status == 0)
            let syria = try #require(table.output.split(separator: "\n").first { $0.hasPrefix("Syria ") })
            #expect(syria.split(separator: " ", omittingEmptySubsequences: true) == ["Syria", "syria", "11", "2017-09-24"])
            let json = try run(["topics", "--json"], in: root)
            let rows = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]]
            #expect(rows?.count == 13)
            #expect(rows?.first { $0["name"] as? String == "Russia" }?["events"] as? Int == 9)
        }
    }
}
