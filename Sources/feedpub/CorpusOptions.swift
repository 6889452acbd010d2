import ArgumentParser
import FeedpubCore
import Foundation

/// The options every command that reads a corpus shares.
struct CorpusOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "The configuration file (default: ./config.json, or the defaults when there is none).")
    var config: String?

    @Option(name: .shortAndLong, help: "The site root to read (the folder with news/); overrides 'input'.")
    var input: String?

    @Argument(help: "Pages to read in addition to the corpus (a page saved as .txt works).")
    var files: [String] = []

    /// The configuration file's settings with the command-line overrides.
    func configuration(output: String? = nil) throws -> Configuration {
        var configuration = Configuration()
        let file = config ?? "config.json"
        if config != nil || FileManager.default.fileExists(atPath: file) {
            do {
                configuration = try ConfigurationLoader().load(URL(fileURLWithPath: file))
            } catch {
                throw FailedRun(message: error.description)
            }
        }
        if let input { configuration.input = URL(fileURLWithPath: input).standardizedFileURL }
        if let output { configuration.output = URL(fileURLWithPath: output).standardizedFileURL }
        return configuration
    }
}
