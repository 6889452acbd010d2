/// Reads one event page (FORMAT.md) into a ``Page``, surviving what real
/// pages do: a byte-order mark, CRLF, repeated list numbers, missing
/// sections, mojibake, damaged links.
public struct PageParser: Sendable {
    /// What reading one page gave: the page, unless it was unusable, and
    /// every problem found, each naming the file and line.
    public struct Result: Sendable {
        /// The page, or nil when it had to be skipped.
        public let page: Page?
        /// Problems found, in line order.
        public let diagnostics: [Diagnostic]
    }

    /// What the parser takes of a page at most.
    public let limits: PageLimits
    /// Where Related entries' strings are shared, when pages are parsed for one corpus.
    let pool: StringPool?

    /// A parser that cuts pages to `limits`.
    public init(limits: PageLimits = PageLimits()) {
        self.init(limits: limits, pool: nil)
    }

    /// A parser that cuts pages to `limits` and keeps Related entries' strings in `pool`.
    init(limits: PageLimits, pool: StringPool?) {
        self.limits = limits
        self.pool = pool
    }

    /// Parses `bytes`, the content of `file`.
    ///
    /// - Parameters:
    ///   - sitePath: the page's path relative to the site root; nil for a page
    ///     found outside a corpus, which gets `/news/YYYY/MM/D/<slug>.md`.
    public func parse(_ bytes: [UInt8], file: String, sitePath: String?) -> Result {
        var reader = PageReader(file: file, limits: limits, pool: pool)
        let page = reader.read(bytes, sitePath: sitePath)
        return Result(page: page, diagnostics: reader.diagnostics)
    }
}
