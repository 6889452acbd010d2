import Foundation

/// The whole pipeline: find pages → parse → resolve events and topics →
/// render Atom, RSS and OPML → write what changed.
public struct Publisher: Sendable {
    /// The configuration.
    public let configuration: Configuration
    /// Pages read in addition to the corpus (a seed saved as `.txt`).
    public let extraFiles: [String]
    /// How builds let go of what they are done with: a command that exits
    /// after building keeps it all until then (``MemoryRelease/atExit``).
    public let memoryRelease: MemoryRelease

    /// A publisher of the corpus `configuration` names, plus `extraFiles`.
    public init(configuration: Configuration, extraFiles: [String] = [], memoryRelease: MemoryRelease = .inBackground) {
        self.configuration = configuration
        self.extraFiles = extraFiles
        self.memoryRelease = memoryRelease
    }

    /// The corpus with its topics resolved, and what reading it found.
    public struct Loaded: Sendable {
        /// The resolved corpus.
        public let corpus: Corpus
        /// Files read, files skipped, problems.
        public let report: BuildReport
        /// The resolution state, when it is being written while the build goes on.
        var stateWrite: BackgroundWork<String?>?

        var parts: (Corpus, BuildReport, BackgroundWork<String?>?) { (corpus, report, stateWrite) }
    }

    /// Every page file of the corpus, then the extra files, and the links
    /// discovery did not follow.
    public func discover() throws(BuildError) -> PageDiscovery.Found {
        do {
            var found = try PageDiscovery(root: configuration.input).pages()
            found.sources += extraFiles.map { PageSource(file: $0, sitePath: nil) }
            return found
        } catch {
            throw BuildError(error.description)
        }
    }

    /// Finds, parses and resolves every page; `progress` hears each step start.
    public func load(progress: (BuildStep) -> Void = { _ in }) throws(BuildError) -> Loaded {
        progress(.discover)
        return load(try discover(), progress: progress)
    }

    /// Parses and resolves the pages discovery found. With `output`, pages
    /// unchanged since the last build there come from its page cache, and
    /// the cache is brought up to date.
    func load(_ found: PageDiscovery.Found, cache output: OutputFolder? = nil, progress: (BuildStep) -> Void)
        -> Loaded
    {
        let sources = found.sources
        let clock = ContinuousClock.now
        progress(.parse)
        let cache = PageCache(limits: configuration.limits)
        var notices: [String] = []
        let (cached, results) = HeapGrowth.inLargeSteps {
            let cached = output.map { readCache(cache, in: $0, notices: &notices) } ?? PageCache.Contents()
            return (cached, parse(sources, reusing: cached))
        }
        // Written while the events are resolved, which leaves a core free a
        // third of the time. At 100,000 pages writing it takes 1.1 s on one
        // core; reading and resolving take 0.5 to 1.1 s less this way than
        // one after the other, for 9 MB more at the peak.
        let cacheWrite = output.map { output in
            BackgroundWork { writeCache(cache, of: sources, parsed: results, updating: cached, in: output) }
        }
        var report = BuildReport()
        report.pagesRead = sources.count
        report.diagnostics = found.diagnostics
        report.notices = notices
        var pages: [Page] = []
        pages.reserveCapacity(results.count)
        // What each page was read from, for resolving to tell the pages it
        // has seen before without comparing them.
        var stamps: [UInt64] = []
        stamps.reserveCapacity(results.count)
        for (source, (result, _)) in zip(sources, results) {
            report.diagnostics += result.diagnostics
            guard let page = result.page else {
                report.pagesSkipped += 1
                continue
            }
            pages.append(page)
            stamps.append(source.stamp.map(cache.pageStamp) ?? 0)
        }

        progress(.resolve)
        let resolver = EventResolver(aliases: configuration.aliases)
        let previous = HeapGrowth.inLargeSteps { output.flatMap { readResolution(in: $0, notices: &report.notices) } }
        // A full resolve, whose structures are at their largest beside every
        // parsed page, keeps the default steps.
        let (resolved, state, relinked) = HeapGrowth.inLargeSteps(when: previous != nil) {
            resolver.resolve(pages, stamps: stamps, reusing: previous)
        }
        if let notice = cacheWrite?.finish() { report.notices.append(notice) }
        report.entriesRelinked = relinked
        // The state (at 100,000 pages, some 70 MB) is written while the
        // feeds are rendered.
        let stateWrite = output.map { output in BackgroundWork { write(state, to: output) } }
        report.diagnostics += resolved.diagnostics
        report.events = resolved.corpus.events.count
        report.referenceOnly = resolved.corpus.referenceOnlyCount
        report.topics = resolved.corpus.topics.count
        report.seconds = (ContinuousClock.now - clock) / .seconds(1)
        // The events hold what the feeds need of the pages: the pages, the
        // page cache and the last resolution are let go of off the build's
        // path (freeing them takes a sixth of a second at 100,000 pages).
        memoryRelease.release((results, cached, pages, previous))
        return Loaded(corpus: resolved.corpus, report: report, stateWrite: stateWrite)
    }

    /// Each page of `sources`, from `cached` when its file is as it was,
    /// parsed otherwise, and whether it is the complete cache's as it stands.
    private func parse(_ sources: [PageSource], reusing cached: PageCache.Contents)
        -> [(result: PageParser.Result, isCached: Bool)]
    {
        // About six distinct strings to share for each page to parse.
        let toParse = max(0, sources.count - cached.all.count - cached.recent.count)
        let parser = PageParser(limits: configuration.limits, pool: StringPool(capacity: 6 * toParse))
        return ParallelMap.map(sources) { source -> (result: PageParser.Result, isCached: Bool) in
            if let stamp = source.stamp {
                if let entry = cached.all[source.file], entry.stamp == stamp {
                    return (PageParser.Result(page: entry.page, diagnostics: []), true)
                }
                if let entry = cached.recent[source.file], entry.stamp == stamp {
                    return (PageParser.Result(page: entry.page, diagnostics: []), false)
                }
            }
            switch PageFile.read(source.file, limit: configuration.limits.pageBytes) {
            case .bytes(let bytes):
                return (parser.parse(bytes, file: source.file, sitePath: source.sitePath), false)
            case .unusable(let reason):
                let diagnostic = Diagnostic(file: source.file, line: nil, severity: .error, reason: reason)
                return (PageParser.Result(page: nil, diagnostics: [diagnostic]), false)
            }
        }
    }

    /// Runs the whole build and writes the output folder. When the output
    /// folder's manifest shows that neither the settings nor any page nor any
    /// feed changed since the last build, it stops after looking.
    ///
    /// Builds of one output folder take turns: a build that finds another
    /// one writing calls `notice` and waits for it to finish.
    public func build(progress: (BuildStep) -> Void = { _ in }, notice: (String) -> Void = { _ in })
        throws(BuildError) -> BuildReport
    {
        let clock = ContinuousClock.now
        progress(.discover)
        // The corpus is walked while the output folder is locked and its
        // manifest read (at 100,000 pages, a twentieth of a second), once
        // the input is known to be a site root: a wrong input leaves the
        // output folder as it was.
        do {
            _ = try PageDiscovery(root: configuration.input).checkedRoot()
        } catch {
            throw BuildError(error.description)
        }
        let discovery = BackgroundWork { Result { () throws(BuildError) in try discover() } }
        let output = OutputFolder(root: configuration.output)
        let lock: BuildLock
        do {
            try output.prepare()
            lock = try BuildLock(folder: output.root) {
                notice("another feedpub build is writing \(output.root.path); waiting for it to finish")
            }
        } catch {
            throw BuildError(error.description)
        }
        defer { withExtendedLifetime(lock) {} }
        let files = output.lookup()
        let settings = settingsFingerprint()
        var notices: [String] = []
        let previous = readManifest(in: output, notices: &notices)
        let found = try discovery.finish().get()
        let sources = found.sources
        // Without a stamp for every page, no build is taken as up to date.
        let stamps = sources.compactMap { $0.stamp ?? FileStamp.of($0.file) }
        let inputs = stamps.count == sources.count ? BuildManifest.digest(of: stamps) : nil
        // What the build looked at (at 100,000 pages, some 300,000 paths and
        // stamps) is let go of as the rest is: freeing it as the build
        // returned took a twentieth of a second, on no-change builds too.
        defer { memoryRelease.release((discovery, found, stamps, previous)) }
        if let previous, var report = upToDate(previous, settings: settings, inputs: inputs, files: files) {
            report.seconds = (ContinuousClock.now - clock) / .seconds(1)
            return report
        }

        var (corpus, report, stateWrite) = load(found, cache: output, progress: progress).parts
        defer { _ = stateWrite?.finish() }
        report.notices = notices + report.notices
        progress(.write)
        // A feed whose content fingerprint is the one the last build (with the
        // same settings) wrote, and whose files are still as written, is kept.
        let reusable = previous?.settings == settings ? previous : nil
        let written = Dictionary((reusable?.outputs ?? []).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let writtenFeeds = Dictionary(
            (reusable?.feeds ?? []).map { ($0.stem, $0.fingerprint) }, uniquingKeysWith: { _, last in last })
        defer { memoryRelease.release((written, writtenFeeds)) }
        do {
            // The renderer keeps each event's entry, not the event: handing the
            // corpus over lets its text go as soon as the entries are built.
            let renderer = try FeedRenderer(
                corpus: consume corpus, configuration: configuration, memoryRelease: memoryRelease
            ) {
                stem, paths, fingerprint in
                writtenFeeds[stem] == fingerprint
                    && paths.allSatisfy { path in
                        written[path].map { files.stamp(of: path) == $0 } ?? false
                    }
            }
            let fingerprints = renderer.feeds.map {
                BuildManifest.Feed(stem: renderer.stem(of: $0), fingerprint: renderer.fingerprint(of: $0))
            }
            // Handing the renderer over lets its entries go once every feed
            // is written, before the manifest is put together.
            let outputs = try write(
                consume renderer, to: output, files: files, keeping: written,
                lastWritten: previous?.outputs.map(\.path), report: &report)
            if let notice = stateWrite?.finish() { report.notices.append(notice) }
            report.seconds = (ContinuousClock.now - clock) / .seconds(1)
            if let inputs {
                var manifest = BuildManifest(settings: settings, report: report, inputs: inputs, outputs: outputs)
                manifest.feeds = fingerprints
                _ = try output.write(try manifest.serialized(), to: BuildManifest.fileName)
                memoryRelease.release(manifest)
            }
            memoryRelease.release((fingerprints, outputs))
        } catch let error as BuildError {
            throw error
        } catch let error as OutputFolder.Failure {
            throw BuildError(error.description)
        } catch {
            throw BuildError("\(error)")
        }
        return report
    }

    /// The last build's report, when `previous` shows that the settings, every
    /// page and every file written are as they were; nil otherwise.
    private func upToDate(
        _ previous: BuildManifest, settings: String, inputs: String?, files: OutputFolder.Lookup
    ) -> BuildReport? {
        guard previous.settings == settings, previous.inputs == inputs,
            ParallelMap.map(previous.outputs, chunkSize: 1024, { files.stamp(of: $0.path) == $0 }).allSatisfy({ $0 })
        else { return nil }
        var report = previous.report
        report.written = 0
        report.unchanged = previous.outputs.count
        report.removed = 0
        report.rendered = 0
        report.notices = []
        report.upToDate = true
        report.entriesRelinked = nil
        return report
    }

    /// Renders and writes every feed and the index, removes stale feeds, and
    /// counts it all in `report`; returns the stamps of the files it
    /// produced, looked up in `files`.
    /// The files of a feed kept as it was have their stamps in `previous`,
    /// checked when the renderer found the feed written. `lastWritten`, the
    /// files the last complete build wrote, are where stale files are looked
    /// for (everywhere, without it).
    ///
    /// A feed that cannot be rendered or written does not stop the others;
    /// when any failed, the error names the first failure and counts what
    /// was not published (the previous versions of those files stay).
    private func write(
        _ renderer: consuming FeedRenderer, to output: OutputFolder, files: OutputFolder.Lookup,
        keeping previous: [String: FileStamp], lastWritten: [String]?, report: inout BuildReport
    ) throws(BuildError)
        -> [FileStamp]
    {
        var renderer = consume renderer
        output.remove(BuildManifest.fileName)
        // One format at a time, so that entries are only ever held serialized
        // in one. Should serializing them all at once fail, each document
        // serializes its own and the ones that fail are reported.
        var rendered: [Written] = []
        for format in renderer.formats {
            try? renderer.prepare(format)
            let current = renderer
            rendered += ParallelMap.map(current.changedFeeds, chunkSize: 16) { feed in
                Written.publish(
                    { try current.render(feed, as: format).map { [$0] } ?? [] },
                    paths: current.paths(of: feed).filter { $0.hasSuffix(format.rawValue) }, to: output)
            }.joined()
        }
        let changed = Set(renderer.changedFeeds)
        // On both cores: a rebuild of a large corpus keeps some 90,000
        // files. (The copy of the renderer goes with the closure, before the
        // renderer is let go of.)
        let kept = { [renderer] in
            Array(
                ParallelMap.map(renderer.feeds.filter { !changed.contains($0) }, chunkSize: 256) { feed in
                    renderer.paths(of: feed).map { Written(path: $0, outcome: .unchanged, stamp: previous[$0]) }
                }.joined())
        }()
        let index = Written.publish(
            { try renderer.renderFolderDocuments() },
            paths: FeedRenderer.folderDocumentPaths(for: configuration), to: output)
        let all = Array(rendered) + kept + index
        defer { memoryRelease.release(all) }
        report.rendered = renderer.changedFeeds.count
        // Its entries (at 100,000 pages, hundreds of MB in millions of
        // pieces) are let go of off the build's path.
        memoryRelease.release(consume renderer)
        report.written = all.count { $0.outcome == .written }
        report.unchanged = all.count { $0.outcome == .unchanged }
        let failures = all.compactMap(\.failure)
        if let first = failures.first {
            throw BuildError(
                "\(first); \(failures.count) of \(all.count) files were not published (their previous versions, "
                    + "if any, are still in place); \(report.written) were written. Build again once this is fixed.")
        }
        report.removed = output.removeStale(keeping: Set(all.map(\.path)), written: lastWritten).count
        return ParallelMap.map(all, chunkSize: 1024) { $0.stamp ?? files.stamp(of: $0.path) }
            .compactMap { $0 }
    }

    /// The program (its executable's stamp) and the configuration, as one string.
    private func settingsFingerprint() -> String {
        let program = Bundle.main.executablePath.flatMap { FileStamp.of($0) }
        let programPart = program.map { "\($0.path) \($0.size) \($0.modified)" } ?? "unknown"
        return "\(FeedpubVersion.current) \(StableHash.fnv1a(programPart)) \(configuration.fingerprint) "
            + String(StableHash.fnv1a(extraFiles.joined(separator: "\n")), radix: 16)
    }

    /// What `output`'s page cache holds, or nothing (with a notice for a
    /// cache file this build cannot use).
    private func readCache(_ cache: PageCache, in output: OutputFolder, notices: inout [String])
        -> PageCache.Contents
    {
        var contents = PageCache.Contents()
        for (name, isRecent) in [(PageCache.fileName, false), (PageCache.recentFileName, true)] {
            let path = output.path(of: name)
            do {
                let entries = try cache.read(path) ?? PageCache.Pages()
                if isRecent { contents.recent = entries } else { contents.all = entries }
            } catch {
                notices.append("\(path): \(error.reason); reading every page it held")
            }
            // The recent pages are kept beside a complete cache only.
            if contents.all.isEmpty { break }
        }
        return contents
    }

    /// Brings the page cache up to date with every page that parsed without
    /// a problem (a page with problems is read again, so that each build
    /// reports them). Pages changed since the complete cache was written go
    /// to a small file beside it, so that adding a day's pages does not
    /// rewrite the whole cache; once they are a quarter of the corpus, the
    /// complete cache is written again. `results` tell, for each source,
    /// whether its page came from the complete cache as it is. Returns a
    /// notice when the cache could not be written.
    private func writeCache(
        _ cache: PageCache, of sources: [PageSource], parsed results: [(result: PageParser.Result, isCached: Bool)],
        updating previous: PageCache.Contents, in output: OutputFolder
    ) -> String? {
        // Pages that can be cached: read from a file with a stamp, without problems.
        let cacheable = sources.indices.filter { index in
            let result = results[index].result
            return sources[index].stamp != nil && result.diagnostics.isEmpty && result.page != nil
        }
        func entries(_ indices: some Sequence<Int>) -> [PageCache.Entry] {
            indices.map { PageCache.Entry(stamp: sources[$0].stamp!, page: results[$0].result.page!) }
        }
        // The pages changed since the complete cache come first: all of
        // them are made into cache entries only when the complete cache is
        // to be written again.
        let changed = entries(cacheable.lazy.filter { !results[$0].isCached })
        func same(_ entries: [PageCache.Entry], as cached: PageCache.Pages) -> Bool {
            entries.count == cached.count && entries.allSatisfy { cached.stamp(of: $0.stamp.path) == $0.stamp }
        }
        let name: String
        let written: [PageCache.Entry]
        if previous.all.isEmpty || changed.count > cacheable.count / 4 {
            let entries = entries(cacheable)
            guard !same(entries, as: previous.all) else { return nil }
            (name, written) = (PageCache.fileName, entries)
            output.remove(PageCache.recentFileName)
        } else {
            guard !same(changed, as: previous.recent) else { return nil }
            (name, written) = (PageCache.recentFileName, changed)
        }
        do {
            try output.write(to: name) { sink throws(OutputFolder.Failure) in try cache.write(written, to: &sink) }
            return nil
        } catch {
            output.remove(PageCache.fileName)
            output.remove(PageCache.recentFileName)
            return "\(error.description); the next build reads every page"
        }
    }

    /// What resolving gave in the last build to `output`, or nothing (with
    /// a notice for a file this build cannot use).
    private func readResolution(in output: OutputFolder, notices: inout [String]) -> ResolutionState? {
        let path = output.path(of: ResolutionState.fileName)
        do {
            return try ResolutionState.read(path)
        } catch {
            notices.append("\(path): \(error.reason); resolving every page")
            return nil
        }
    }

    /// Keeps `state` in `output` for the next build; returns a notice when
    /// it could not be written.
    private func write(_ state: ResolutionState, to output: OutputFolder) -> String? {
        do {
            try output.write(to: ResolutionState.fileName) { sink throws(OutputFolder.Failure) in
                try state.write(to: &sink)
            }
            return nil
        } catch {
            output.remove(ResolutionState.fileName)
            return "\(error.description); the next build resolves every page"
        }
    }

    private func readManifest(in output: OutputFolder, notices: inout [String]) -> BuildManifest? {
        guard let file = try? MappedFile(path: output.path(of: BuildManifest.fileName)) else { return nil }
        guard let manifest = withExtendedLifetime(file, { BuildManifest.parse(file.bytes) }) else {
            notices.append(
                "\(output.path(of: BuildManifest.fileName)): not a build manifest this version can read; "
                    + "doing a full build")
            return nil
        }
        return manifest
    }
}

/// What became of one file of the output.
private struct Written: Sendable {
    /// The file, relative to the output folder.
    let path: String
    /// Whether it was written or already up to date; nil when it failed.
    var outcome: OutputFolder.Outcome?
    /// Why it could not be published, naming the file.
    var failure: String?
    /// Its stamp, when known without looking.
    var stamp: FileStamp?

    /// Renders `documents` (the files at `paths`) and writes them to `output`.
    static func publish(
        _ documents: () throws -> [FeedRenderer.Document], paths: [String], to output: OutputFolder
    ) -> [Written] {
        let rendered: [FeedRenderer.Document]
        do {
            rendered = try documents()
        } catch {
            return paths.map { Written(path: $0, failure: "\(output.path(of: $0)): cannot render (\(error))") }
        }
        return rendered.map { document in
            do throws(OutputFolder.Failure) {
                return Written(path: document.path, outcome: try output.write(document.bytes, to: document.path))
            } catch {
                return Written(path: document.path, failure: error.description)
            }
        }
    }
}
