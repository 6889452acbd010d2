/// What a build did, for the summary line and for `--strict`.
public struct BuildReport: Sendable, Codable, Equatable {
    /// Page files read.
    public var pagesRead = 0
    /// Pages skipped as unusable.
    public var pagesSkipped = 0
    /// Events published (pages and events known only by reference).
    public var events = 0
    /// Events known only by reference.
    public var referenceOnly = 0
    /// Topics.
    public var topics = 0
    /// Files written because they were new or changed.
    public var written = 0
    /// Files left alone because their bytes did not change.
    public var unchanged = 0
    /// Stale topic feeds removed.
    public var removed = 0
    /// Feeds (Atom and RSS pairs) rendered; the others were already written
    /// with the same content by the last build.
    public var rendered = 0
    /// Every problem found in the input.
    public var diagnostics: [Diagnostic] = []
    /// Wall-clock seconds the build took.
    public var seconds = 0.0
    /// True when nothing had changed since the last build, so nothing was read
    /// or rendered (the counts and problems are the last build's).
    public var upToDate = false
    /// When this build reused the last one's resolving: the number of
    /// Related entries it linked again (the others kept their events); nil
    /// when it resolved every page.
    public var entriesRelinked: Int?
    /// Things the user should know that are not problems in the input.
    public var notices: [String] = []

    /// The number of pages with a problem (warnings and errors).
    public var problemPages: Int {
        Set(diagnostics.map(\.file)).count
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// The one-line summary a run ends with.
    public var summary: String {
        let time = (seconds * 100).rounded() / 100
        return "\(pagesRead) pages read, \(events) events (\(referenceOnly) known only by reference), "
            + "\(topics) topics, \(written) files written, \(unchanged) unchanged"
            + (removed > 0 ? ", \(removed) stale removed" : "")
            + ", \(Self.count(diagnostics.count, "problem")) in \(Self.count(problemPages, "page"))"
            + " (\(pagesSkipped) skipped)" + (upToDate ? ", nothing changed since the last build" : "") + ", \(time) s"
    }
}
