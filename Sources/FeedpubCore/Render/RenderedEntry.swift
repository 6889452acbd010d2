/// An entry serialized once for every feed that shows it (an event is in the
/// feeds of all its topics): its Atom, RSS, JSON and HTML forms around the
/// content they share.
struct RenderedEntry: Sendable {
    /// When the event happened; the newest entry's date is the feed's.
    let date: FeedDate
    /// The full text as HTML, escaped for XML.
    let content: EscapedText
    /// The Atom `entry` element around its content.
    let atom: XMLFragment
    /// The RSS `item` element around its content.
    let rss: XMLFragment
    /// The JSON Feed item around its content, when JSON feeds are written.
    let json: JSONFeedWriter.Fragment?
    /// The article HTML pages show, when pages are written.
    let page: HTMLPageWriter.Fragment?

    /// `entry` serialized, as JSON too when `json`, and for HTML pages when
    /// `page` and the site has them (archive documents need neither).
    init(_ entry: FeedEntry, site: FeedSite, json: Bool, page: Bool) throws(LibXMLError) {
        date = entry.date
        content = entry.html
        atom = try AtomWriter.fragment(entry)
        rss = try RSSWriter.fragment(entry)
        self.json = json ? JSONFeedWriter.fragment(entry, site: site) : nil
        self.page = page && site.htmlPages ? HTMLPageWriter.fragment(entry) : nil
    }
}
