/// One event's entry as the feeds show it, and its serialization in the
/// format being written.
///
/// A build writes one format at a time (see ``FeedRenderer/prepare(_:)``),
/// so an entry holds one serialization at most: at 100,000 pages, holding
/// all four for every event took some 950 MB, twice the events themselves.
struct RenderedEntry: Sendable {
    /// What every format shows of the event.
    let entry: FeedEntry
    /// The entry serialized in one format, ready to be copied into every
    /// document of that format that shows it.
    private(set) var serialized: Serialized?

    /// An entry serialized in one format.
    enum Serialized: Sendable {
        /// The Atom `entry` element around its content.
        case atom(XMLFragment)
        /// The RSS `item` element around its content.
        case rss(XMLFragment)
        /// The JSON Feed item around its content.
        case json(JSONFeedWriter.Fragment)
        /// The article HTML pages show.
        case page(HTMLPageWriter.Fragment)
    }

    /// `entry`, not yet serialized.
    init(_ entry: FeedEntry) {
        self.entry = entry
    }

    /// When the event happened; the newest entry's date is the feed's.
    var date: FeedDate { entry.date }
    /// The full text as HTML, escaped for XML: every format shares it.
    var content: EscapedText { entry.html }

    /// The serialization held, in each format; nil for the others.
    var atom: XMLFragment? {
        if case .atom(let fragment) = serialized { fragment } else { nil }
    }
    var rss: XMLFragment? {
        if case .rss(let fragment) = serialized { fragment } else { nil }
    }
    var json: JSONFeedWriter.Fragment? {
        if case .json(let fragment) = serialized { fragment } else { nil }
    }
    var page: HTMLPageWriter.Fragment? {
        if case .page(let fragment) = serialized { fragment } else { nil }
    }

    /// The entry serialized as `format` on `site`; Atom and RSS with
    /// `writer` when given (see ``XMLFragment/init(depth:writer:_:)``).
    func serialized(as format: FeedRenderer.Format, site: FeedSite, writer: XMLWriter? = nil) throws(LibXMLError)
        -> Serialized
    {
        switch format {
        case .atom: .atom(try AtomWriter.fragment(entry, writer: writer))
        case .rss: .rss(try RSSWriter.fragment(entry, writer: writer))
        case .json: .json(JSONFeedWriter.fragment(entry, site: site))
        case .page: .page(HTMLPageWriter.fragment(entry))
        }
    }

    /// The entry holding `serialized` (nil: none).
    func holding(_ serialized: Serialized?) -> RenderedEntry {
        var entry = self
        entry.serialized = serialized
        return entry
    }

    /// Whether the entry holds its serialization as `format`.
    func holds(_ format: FeedRenderer.Format) -> Bool {
        switch (format, serialized) {
        case (.atom, .atom), (.rss, .rss), (.json, .json), (.page, .page): true
        default: false
        }
    }
}
