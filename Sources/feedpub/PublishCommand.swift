import ArgumentParser
import FeedpubCore

/// `feedpub publish`: builds, then tells the WebSub hub which feeds changed.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Build, then tell the WebSub hub (websub.hub) about every feed whose bytes changed since it was last told."
    )

    @OptionGroup var options: BuildOptions

    func run() async throws {
        let configuration = try options.configuration()
        let hub = try HubPing(configuration: configuration, file: options.corpus.configurationName)
        let report = try options.build(configuration)
        try options.finish(report, announced: try await hub.run(quiet: options.quiet))
    }
}
