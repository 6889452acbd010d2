import ArgumentParser
import FeedpubCore

/// `feedpub build`: reads the corpus and writes every feed.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: """
            Read the corpus and write Atom, RSS and JSON feeds per topic and for all events, with their \
            HTML pages and archives, index.html, index.opml and topics.json.
            """
    )

    @OptionGroup var options: BuildOptions

    @Flag(help: "Then tell the WebSub hub (websub.hub) which feeds changed, as 'feedpub publish' does.")
    var ping = false

    func run() async throws {
        let configuration = try options.configuration()
        let hub = ping ? try HubPing(configuration: configuration, file: options.corpus.configurationName) : nil
        let report = try options.build(configuration)
        let announced = try await hub?.run(quiet: options.quiet) ?? true
        try options.finish(report, announced: announced)
    }
}
