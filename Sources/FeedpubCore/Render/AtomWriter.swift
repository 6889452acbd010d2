/// Serializes a feed as Atom 1.0 (RFC 4287) with Media RSS pictures.
struct AtomWriter {
    static let namespace = "http://www.w3.org/2005/Atom"
    static let mediaNamespace = "http://search.yahoo.com/mrss/"
    /// Feed Paging and Archiving (RFC 5005).
    static let historyNamespace = "http://purl.org/syndication/history/1.0"

    /// The feed's bytes.
    func render(_ feed: FeedDescription) throws(LibXMLError) -> [UInt8] {
        let xml = try XMLWriter()
        try xml.startDocument()
        if feed.site.stylesheet { try FeedStylesheet.writeReference(from: feed.stem, to: xml) }
        try xml.startElement("feed")
        try xml.attribute("xmlns", Self.namespace)
        try xml.attribute("xmlns:media", Self.mediaNamespace)
        if feed.history.isArchive { try xml.attribute("xmlns:fh", Self.historyNamespace) }
        try xml.attribute("xml:lang", feed.site.language)
        try Self.writeText("title", feed.title, to: xml)
        try Self.writeText("subtitle", feed.subtitle, to: xml)
        let selfURL = feed.url(".atom")
        try xml.element("link", ["rel": "self", "type": "application/atom+xml", "href": selfURL])
        try xml.element("link", ["rel": "alternate", "type": "text/html", "href": feed.alternateURL])
        try Self.writeLinks(of: feed, format: ".atom", to: xml, as: "link")
        try xml.element("id", text: selfURL)
        try xml.element("updated", text: (feed.updated ?? FeedDate.epoch).rfc3339)
        try xml.startElement("author")
        try xml.element("name", text: feed.site.authorName)
        if let email = feed.site.authorEmail { try xml.element("email", text: email) }
        try xml.element("uri", text: feed.site.url)
        try xml.endElement()
        try xml.element("generator", ["version": FeedpubVersion.current], text: FeedpubVersion.name)
        if feed.history.isArchive { try xml.element("fh:archive") }
        try xml.endElement()
        return XMLFragment.insert(feed.entries.map { ($0.atom!, $0.content) }, into: try xml.finish(), depth: 1)
    }

    /// Writes the WebSub hub link of a subscription feed and the RFC 5005
    /// links between the documents of its history, as `element`s (Atom
    /// `link`, or `atom:link` in RSS) to the documents of format `format`.
    static func writeLinks(of feed: FeedDescription, format: String, to xml: XMLWriter, as element: String)
        throws(LibXMLError)
    {
        if let hub = feed.site.hub, !feed.history.isArchive { try xml.element(element, ["rel": "hub", "href": hub]) }
        let links = [
            ("current", feed.history.current), ("prev-archive", feed.history.previous),
            ("next-archive", feed.history.next),
        ]
        for case (let relation, let stem?) in links {
            try xml.element(element, ["rel": relation, "href": feed.site.feedsURL + stem + format])
        }
    }

    /// The `entry` element of `entry`, as it appears in every feed, written
    /// with `writer` when given (see ``XMLFragment/init(depth:writer:_:)``).
    static func fragment(_ entry: FeedEntry, writer: XMLWriter? = nil) throws(LibXMLError) -> XMLFragment {
        try XMLFragment(depth: 1, writer: writer) { xml, content throws(LibXMLError) in
            try write(entry, content: content, to: xml)
        }
    }

    /// Writes an Atom text construct: plain text, or, when the text holds `&`
    /// or `<` that a reader might take for markup, `type="html"` with the
    /// text escaped as HTML, which says unambiguously that it is text.
    /// `html`, when given, is `text` already escaped as HTML.
    private static func writeText(_ name: String, _ text: String, html: String? = nil, to xml: XMLWriter)
        throws(LibXMLError)
    {
        if text.containsByte(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") }) {
            try xml.element(name, ["type": "html"], text: html ?? HTMLFragment.escaped(text))
        } else {
            try xml.element(name, text: text)
        }
    }

    private static func write(_ entry: FeedEntry, content: EscapedText, to xml: XMLWriter) throws(LibXMLError) {
        try xml.startElement("entry")
        try Self.writeText("title", entry.title, to: xml)
        try xml.element("link", ["rel": "alternate", "href": entry.link])
        for source in entry.sources {
            try xml.element("link", ["rel": "related", "href": source.url, "title": source.name])
        }
        if let cover = entry.cover {
            try xml.startElement("link")
            try xml.attribute("rel", "enclosure")
            if let type = cover.mimeType { try xml.attribute("type", type) }
            try xml.attribute("length", "0")
            try xml.attribute("href", cover.url)
            try xml.endElement()
        }
        try xml.element("id", text: entry.id)
        try xml.element("published", text: entry.date.rfc3339)
        try xml.element("updated", text: entry.date.rfc3339)
        for category in entry.categories {
            try xml.element("category", ["term": category, "label": InlineMarkup.neutralized(category)])
        }
        try Self.writeText("summary", entry.headline, html: entry.headlineHTML, to: xml)
        try xml.startElement("content")
        try xml.attribute("type", "html")
        try xml.text(content)
        try xml.endElement()
        if let cover = entry.cover { try MediaElements.write(cover, to: xml) }
        try xml.endElement()
    }
}
