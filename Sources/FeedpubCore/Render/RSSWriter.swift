/// Serializes a feed as RSS 2.0, with `atom:link rel="self"`, the full text
/// in `content:encoded` and Media RSS pictures.
struct RSSWriter {
    static let contentNamespace = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCoreNamespace = "http://purl.org/dc/elements/1.1/"

    /// The feed's bytes.
    func render(_ feed: FeedDescription) throws(LibXMLError) -> [UInt8] {
        let xml = try XMLWriter()
        try xml.startDocument()
        if feed.site.stylesheet { try FeedStylesheet.writeReference(from: feed.stem, to: xml) }
        try xml.startElement("rss")
        try xml.attribute("version", "2.0")
        try xml.attribute("xmlns:atom", AtomWriter.namespace)
        try xml.attribute("xmlns:content", Self.contentNamespace)
        try xml.attribute("xmlns:dc", Self.dublinCoreNamespace)
        try xml.attribute("xmlns:media", AtomWriter.mediaNamespace)
        if feed.history.isArchive { try xml.attribute("xmlns:fh", AtomWriter.historyNamespace) }
        try xml.startElement("channel")
        try xml.startElement("title")
        try xml.plainText(InlineMarkup.neutralized(feed.title))
        try xml.endElement()
        try xml.element("link", text: feed.alternateURL)
        try xml.startElement("description")
        try xml.plainText(InlineMarkup.neutralized(feed.subtitle))
        try xml.endElement()
        try xml.element("atom:link", ["rel": "self", "type": "application/rss+xml", "href": feed.url(".rss")])
        try AtomWriter.writeLinks(of: feed, format: ".rss", to: xml, as: "atom:link")
        try xml.element("language", text: feed.site.language)
        if let email = feed.site.authorEmail {
            try xml.element("managingEditor", text: "\(email) (\(feed.site.authorName))")
        } else {
            try xml.element("dc:creator", text: feed.site.authorName)
        }
        let updated = (feed.updated ?? FeedDate.epoch).rfc822
        try xml.element("pubDate", text: updated)
        try xml.element("lastBuildDate", text: updated)
        try xml.element("generator", text: "\(FeedpubVersion.name) \(FeedpubVersion.current)")
        try xml.element("docs", text: "https://www.rssboard.org/rss-specification")
        if feed.history.isArchive { try xml.element("fh:archive") }
        try xml.endElement()
        try xml.endElement()
        return XMLFragment.insert(feed.entries.map { ($0.rss!, $0.content) }, into: try xml.finish(), depth: 2)
    }

    /// The `item` element of `entry`, as it appears in every feed, written
    /// with `writer` when given (see ``XMLFragment/init(depth:writer:_:)``).
    static func fragment(_ entry: FeedEntry, writer: XMLWriter? = nil) throws(LibXMLError) -> XMLFragment {
        try XMLFragment(depth: 2, writer: writer) { xml, content throws(LibXMLError) in
            try write(entry, content: content, to: xml)
        }
    }

    private static func write(_ entry: FeedEntry, content: EscapedText, to xml: XMLWriter) throws(LibXMLError) {
        try xml.startElement("item")
        try xml.startElement("title")
        try xml.plainText(InlineMarkup.neutralized(entry.title))
        try xml.endElement()
        try xml.element("link", text: entry.link)
        try xml.element("guid", ["isPermaLink": "false"], text: entry.id)
        try xml.element("pubDate", text: entry.date.rfc822)
        try xml.element("description", text: entry.headlineHTML)
        try xml.startElement("content:encoded")
        try xml.text(content)
        try xml.endElement()
        for category in entry.categories {
            try xml.startElement("category")
            try xml.plainText(InlineMarkup.neutralized(category))
            try xml.endElement()
        }
        if let cover = entry.cover {
            try xml.startElement("enclosure")
            try xml.attribute("url", cover.url)
            try xml.attribute("length", "0")
            try xml.attribute("type", cover.mimeType ?? "application/octet-stream")
            try xml.endElement()
            try MediaElements.write(cover, to: xml)
        }
        try xml.endElement()
    }
}
