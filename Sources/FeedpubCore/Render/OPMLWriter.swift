/// Writes `index.opml` (OPML 2.0): every feed, grouped by format, so that a
/// reader imports one folder of Atom or of RSS subscriptions.
struct OPMLWriter {
    /// One feed as the OPML lists it.
    struct Outline {
        let text: String
        let atomURL: String
        let rssURL: String
        let htmlURL: String
    }

    /// The document's bytes.
    func render(site: FeedSite, dated: FeedDate?, outlines: [Outline]) throws(LibXMLError) -> [UInt8] {
        let xml = try XMLWriter()
        try xml.startDocument()
        try xml.startElement("opml")
        try xml.attribute("version", "2.0")
        try xml.startElement("head")
        try xml.element("title", text: "\(site.title): feeds by topic")
        try xml.element("dateCreated", text: (dated ?? FeedDate.epoch).rfc822)
        try xml.element("ownerName", text: site.authorName)
        if let email = site.authorEmail { try xml.element("ownerEmail", text: email) }
        try xml.endElement()
        try xml.startElement("body")
        for (folder, format) in [("Atom feeds", "atom"), ("RSS feeds", "rss")] {
            try xml.startElement("outline")
            try xml.attribute("text", HTMLFragment.escaped("\(site.title) (\(folder))"))
            for outline in outlines {
                try xml.startElement("outline")
                // OPML 2.0 text and title may hold HTML, so plain text is escaped as HTML.
                try xml.attribute("text", HTMLFragment.escaped(outline.text))
                try xml.attribute("title", HTMLFragment.escaped(outline.text))
                try xml.attribute("type", "rss")
                try xml.attribute("xmlUrl", format == "atom" ? outline.atomURL : outline.rssURL)
                try xml.attribute("htmlUrl", outline.htmlURL)
                try xml.endElement()
            }
            try xml.endElement()
        }
        try xml.endElement()
        try xml.endElement()
        return try xml.finish()
    }
}
