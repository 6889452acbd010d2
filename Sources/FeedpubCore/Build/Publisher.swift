import Foundation

/// The whole pipeline: find pages → parse → resolve events and topics →
/// render Atom, RSS and OPML → write what changed.
public struct Publisher: Sendable {
    /// The configuration.
    public let configuration: Configuration
    /// Pages read in addition to the corpus (a seed saved as `.txt`).
    public let extraFiles: [String]

    /// A publisher of the corpus `configuration` names, plus `extraFiles`.
    public init(configuration: Configuration, extraFiles: [String] = []) {
        self.configuration = configuration
        self.extraFiles = extraFiles
    }

    /// The corpus with its topics resolved, and what reading it found.
    public struct Loaded: Sendable {
        /// The resolved corpus.
        public let corpus: Corpus
        /// Files read, files skipped, problems.
        public let report: BuildReport
    }

    /// Finds, parses and resolves every page; `progress` hears each step start.
    public func load(progress: (BuildStep) -> Void = { _ in }) throws(BuildError) -> Loaded {
        let clock = ContinuousClock.now
        progress(.discover)
        var sources: [PageSource]
        do {
            sources = try PageDiscovery(root: configuration.input).pages()
        } catch {
            throw BuildError(error.description)
        }
        sources += extraFiles.map { PageSource(file: $0, sitePath: nil) }

        progress(.parse)
        let parser = PageParser()
        let results = ParallelMap.map(sources) { source in
            let url = URL(fileURLWithPath: source.file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                let diagnostic = Diagnostic(
                    file: source.file, line: nil, severity: .error, reason: .unreadable("no such file or no permission"))
                return PageParser.Result(page: nil, diagnostics: [diagnostic])
            }
            return parser.parse([UInt8](data), file: source.file, sitePath: source.sitePath)
        }
        var report = BuildReport()
        report.pagesRead = sources.count
        var pages: [Page] = []
        pages.reserveCapacity(results.count)
        for result in results {
            report.diagnostics += result.diagnostics
            if let page = result.page { pages.append(page) } else { report.pagesSkipped += 1 }
        }

        progress(.resolve)
        let resolved = EventResolver(aliases: configuration.aliases).resolve(pages)
        report.diagnostics += resolved.diagnostics
        report.events = resolved.corpus.events.count
        report.referenceOnly = resolved.corpus.referenceOnlyCount
        report.topics = resolved.corpus.topics.count
        report.seconds = (ContinuousClock.now - clock) / .seconds(1)
        return Loaded(corpus: resolved.corpus, report: report)
    }

    /// Runs the whole build and writes the output folder.
    public func build(progress: (BuildStep) -> Void = { _ in }) throws(BuildError) -> BuildReport {
        let clock = ContinuousClock.now
        let loaded = try load(progress: progress)
        var report = loaded.report

        progress(.write)
        let output = OutputFolder(root: configuration.output)
        let renderer = FeedRenderer(corpus: loaded.corpus, configuration: configuration)
        do {
            try output.prepare()
            let outcomes = try ParallelMap.map(renderer.feeds, chunkSize: 16) { feed in
                try renderer.render(feed).map { document in
                    (document.path, try output.write(document.bytes, to: document.path))
                }
            }.joined()
            let index = try renderer.renderIndex()
            let all = Array(outcomes) + [(index.path, try output.write(index.bytes, to: index.path))]
            report.written = all.count { $0.1 == .written }
            report.unchanged = all.count { $0.1 == .unchanged }
            report.removed = output.removeStale(keeping: Set(all.map(\.0))).count
        } catch let error as OutputFolder.Failure {
            throw BuildError(error.description)
        } catch {
            throw BuildError("\(error)")
        }
        report.seconds = (ContinuousClock.now - clock) / .seconds(1)
        return report
    }
}
