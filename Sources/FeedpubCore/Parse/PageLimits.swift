/// How much of a page feedpub takes, so that no page can make a build take
/// unbounded memory or time. What goes over a limit is cut or skipped with
/// a warning naming the page and line. (`limits` in the configuration.)
public struct PageLimits: Sendable, Equatable {
    /// The largest page file read, in bytes; a larger page is skipped unread.
    public var pageBytes = 16 << 20
    /// The longest headline kept, in Unicode scalars; a longer one is cut.
    public var headlineCharacters = 2_000
    /// The most Related entries read from one page; the rest are dropped.
    public var relatedEntries = 1_000

    /// The default limits.
    public init() {}
}
