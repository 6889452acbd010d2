/// One event as a feed entry: the format-neutral content the Atom and RSS
/// writers share.
///
/// A class: each of the documents that show an entry takes it along, and
/// handing over a reference is one retain where copying its dozen strings
/// and arrays was a dozen.
final class FeedEntry: Sendable {
    /// The entry title: the headline without story prefix, shortened.
    let title: String
    /// The event's page on the site.
    let link: String
    /// The permanent id: a tag URI of the site's host, the date and the identity.
    let id: String
    /// When the event happened.
    let date: FeedDate
    /// The full headline, for summaries.
    let headline: String
    /// ``headline`` escaped as HTML, computed once: every feed of the event uses it.
    let headlineHTML: String
    /// The full text as HTML (headline, body, sources), escaped for XML once.
    let html: EscapedText
    /// The event's sources.
    let sources: [SourceLink]
    /// Topic names, in topic order.
    let categories: [String]
    /// The file name stems of the topics, in the same order.
    let topicSlugs: [String]
    /// The cover image.
    let cover: CoverImage?

    /// The entry for `event` of `corpus` on the site described by `site`;
    /// its content is escaped with `writer` when given (see
    /// ``XMLWriter/escape(_:writer:)``).
    init(_ event: Event, topics: [Topic], date: FeedDate, site: FeedSite, writer: XMLWriter? = nil)
        throws(LibXMLError)
    {
        title = EntryTitle.make(InlineMarkup.stripped(event.storyless))
        link = site.url + event.sitePath.dropFirst()
        id = "tag:\(site.host),\(event.date):\(event.identity)"
        self.date = date
        headline = InlineMarkup.stripped(event.headline)
        headlineHTML = HTMLFragment.escaped(headline)
        let (body, sources, cover) = event.content.parts
        self.sources = sources
        categories = event.topics.map { topics[$0].name }
        topicSlugs = event.topics.map { topics[$0].slug }
        self.cover = cover
        var fragment = HTMLFragment(capacity: body.reduce(2 * headline.utf8.count + 256) { $0 + $1.utf8.count })
        fragment.element("p", headline)
        for paragraph in body { fragment.element("p", InlineMarkup.stripped(paragraph)) }
        if !sources.isEmpty {
            fragment.element("p", sources.count == 1 ? "Source:" : "Sources:")
            fragment.raw("<ul>")
            for source in sources {
                fragment.raw("<li>")
                fragment.link(source.url, source.name)
                fragment.raw("</li>")
            }
            fragment.raw("</ul>")
        }
        if event.isReferenceOnly {
            fragment.raw("<p>")
            fragment.link(link, "Read the event page")
            fragment.raw("</p>")
        }
        html = try XMLWriter.escape(fragment.html, writer: writer)
    }
}
