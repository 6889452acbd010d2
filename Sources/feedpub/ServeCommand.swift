import ArgumentParser
import FeedpubCore
import FeedpubServer
import Foundation

/// `feedpub serve`: builds, then serves the output folder on loopback.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, then serve the output folder on http://127.0.0.1 for subscribing and previewing."
    )

    @OptionGroup var corpus: CorpusOptions

    @Option(name: .shortAndLong, help: "The folder to write and serve; overrides 'output'.")
    var output: String?

    @Option(name: .shortAndLong, help: "The port to listen on (0: any free port).")
    var port = 8080

    @Flag(help: "Rebuild when a page or the configuration file changes.")
    var watch = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        let configuration = try corpus.configuration(output: output)
        let report: BuildReport
        do {
            report = try Publisher(configuration: configuration, extraFiles: corpus.files).build()
        } catch {
            throw FailedRun(message: error.description)
        }
        for diagnostic in report.diagnostics { FileHandleOutput.standardError.write("\(diagnostic)\n") }
        print(report.summary)
        let folder = configuration.output
        let server = FeedServer(files: FeedFiles(root: folder), port: port)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.run { port in
                    FileHandleOutput.standardOutput.write(
                        "serving \(folder.path) at http://127.0.0.1:\(port)/ (index.opml; Ctrl-C stops)\n")
                }
            }
            if watch {
                let watcher = BuildWatcher(
                    configurationFile: corpus.configurationFile, extraFiles: corpus.files,
                    adjust: { [corpus, output] in corpus.overriding($0, output: output) })
                group.addTask {
                    await watcher.run(every: .seconds(1)) { FileHandleOutput.standardError.write($0 + "\n") }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }
}
