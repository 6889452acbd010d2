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
        if let file = configurationFile {
            do {
                configuration = try ConfigurationLoader().load(file)
            } catch {
                throw FailedRun(message: error.description)
            }
        }
        return overriding(configuration, output: output)
    }

    /// The configuration file to read: `--config`, or `./config.json` when
    /// there is one; nil means the defaults.
    var configurationFile: URL? {
        let file = config ?? "config.json"
        guard config != nil || FileManager.default.fileExists(atPath: file) else { return nil }
        return URL(fileURLWithPath: file)
    }

    /// The configuration file as the user names it, for messages.
    var configurationName: String {
        config ?? "config.json"
    }

    /// `configuration` with the command-line overrides.
    func overriding(_ configuration: Configuration, output: String?) -> Configuration {
        var configuration = configuration
        if let input { configuration.input = URL(fileURLWithPath: input).standardizedFileURL }
        if let output { configuration.output = URL(fileURLWithPath: output).standardizedFileURL }
        return configuration
    }
}
