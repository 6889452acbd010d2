import ArgumentParser
import FeedpubCore
import Foundation

/// `feedpub topics`: lists what the corpus contains, topic by topic.
struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "List every topic with its file slug, event count and newest date, after aliases."
    )

    @OptionGroup var corpus: CorpusOptions

    @Flag(help: "Print JSON (an array of {name, slug, events, newest}) instead of a table.")
    var json = false

    func run() throws {
        let publisher = Publisher(configuration: try corpus.configuration(), extraFiles: corpus.files)
        let loaded: Publisher.Loaded
        do {
            loaded = try publisher.load()
        } catch {
            throw FailedRun(message: error.description)
        }
        for diagnostic in loaded.report.diagnostics { FileHandleOutput.standardError.write("\(diagnostic)\n") }
        let listing = TopicListing(corpus: loaded.corpus)
        print(json ? listing.json() : listing.table(), terminator: "")
    }
}
