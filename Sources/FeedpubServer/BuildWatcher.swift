import FeedpubCore
import Foundation

/// Rebuilds an output folder whenever a page or the configuration file
/// changes (`feedpub serve --watch`). Builds write each file atomically, so
/// the server never hands out half a feed while one runs.
public struct BuildWatcher: Sendable {
    /// The configuration file, read again when it changes; nil for the defaults.
    public let configurationFile: URL?
    /// Turns a freshly read configuration into the one to build with
    /// (the command line's overrides).
    public let adjust: @Sendable (Configuration) -> Configuration
    /// Extra page files, as for `feedpub build`.
    public let extraFiles: [String]

    /// A watcher of `configurationFile` and the pages it names.
    public init(
        configurationFile: URL?, extraFiles: [String] = [],
        adjust: @escaping @Sendable (Configuration) -> Configuration = { $0 }
    ) {
        self.configurationFile = configurationFile
        self.extraFiles = extraFiles
        self.adjust = adjust
    }

    /// What the pages and the configuration file look like now: their stamps.
    func state(of configuration: Configuration) -> [FileStamp?] {
        let pages = (try? Publisher(configuration: configuration, extraFiles: extraFiles).discover().sources) ?? []
        return [configurationFile.flatMap { FileStamp.of($0.path) }]
            + pages.map { $0.stamp ?? FileStamp.of($0.file) }
    }

    /// The configuration to build with, or why there is none.
    func configuration() throws -> Configuration {
        guard let configurationFile else { return adjust(Configuration()) }
        return adjust(try ConfigurationLoader().load(configurationFile))
    }

    /// Checks every `interval` until cancelled; after each change, builds and
    /// tells `report` the summary line or the error.
    public func run(every interval: Duration, report: @escaping @Sendable (String) -> Void) async {
        var last: [FileStamp?]?
        while !Task.isCancelled {
            do {
                let configuration = try configuration()
                let now = state(of: configuration)
                if let previous = last, previous != now {
                    let result = try Publisher(configuration: configuration, extraFiles: extraFiles).build()
                    report("rebuilt: " + result.summary)
                }
                last = now
            } catch {
                report("rebuild failed: \(error)")
                last = nil
            }
            try? await Task.sleep(for: interval)
        }
    }
}
