import ArgumentParser
import Foundation
import FeedpubCore

/// `feedpub`: publishes per-topic Atom, RSS and JSON feeds of a news corpus.
@main
struct Feedpub: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedpub",
        abstract: "Publish per-topic Atom 1.0, RSS 2.0 and JSON Feed 1.1 feeds of a folder of news-event pages.",
        version: FeedpubVersion.current,
        subcommands: [BuildCommand.self, PublishCommand.self, TopicsCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// Runs the command; unusable arguments or configuration exit with status 2.
    static func main() async {
        // Past a file size limit (`ulimit -f`), a write should fail with
        // EFBIG and a clear message rather than kill the process.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as ExitCode {
            exit(withError: error)
        } catch let error as FailedRun {
            printError("feedpub: \(error.message)")
            exit(withError: ExitCode(2))
        } catch {
            guard exitCode(for: error) != .success else { exit(withError: error) }
            printError(fullMessage(for: error))
            exit(withError: ExitCode(2))
        }
    }

    static func printError(_ message: String) {
        FileHandleOutput.standardError.write(message + "\n")
    }
}

/// A run that could not go on: configuration, input or output unusable.
struct FailedRun: Error {
    let message: String
}
