/// Writes the HTML pages: one beside each subscription feed (`all.html`,
/// `topics/<slug>.html`) listing its recent events, and `index.html` listing
/// every topic. Each page names its feeds with `<link rel="alternate">` so
/// that browsers and readers discover them.
///
/// Every link inside a page is relative to the top of the output folder
/// (topic pages say so with `<base href="../">`), so the pages work wherever
/// the folder is served, `feedpub serve` included. Autodiscovery links are
/// absolute: a reader should subscribe to the published feed.
///
/// The markup is polyglot: HTML5 that is also well-formed XML (void elements
/// closed with `/>`, only XML's character references), so that the tests and
/// any XML tool read it strictly.
enum HTMLPageWriter {
    /// The `article` of an entry, the same on every page that shows it.
    struct Fragment: Sendable {
        let bytes: [UInt8]
    }

    /// The feed formats a page links to: extension, media type, name.
    static let formats = [
        (".atom", "application/atom+xml", "Atom"), (".rss", "application/rss+xml", "RSS"),
        (".json", "application/feed+json", "JSON Feed"),
    ]

    /// The article of `entry`: its title linking to the event page, its
    /// date and topics, its cover image, its full headline and its sources.
    /// The body stays on the event page, so that a page of 50 events reads
    /// as a list and weighs a fraction of its feed.
    static func fragment(_ entry: FeedEntry) -> Fragment {
        var text = "<article>\n<h2>" + HTMLFragment.link(entry.link, entry.title) + "</h2>\n"
        let day = String(entry.date.rfc3339.prefix(10))
        text += "<p class=\"meta\"><time datetime=\"\(day)\">\(day)</time>"
        if !entry.categories.isEmpty {
            let links = zip(entry.categories, entry.topicSlugs).map { name, slug in
                HTMLFragment.link("topics/\(slug).html", name)
            }
            text += " · " + links.joined(separator: ", ")
        }
        text += "</p>\n"
        if let cover = entry.cover {
            text += "<img src=\"\(HTMLFragment.escaped(cover.url))\" alt=\"\" loading=\"lazy\"/>\n"
        }
        text += "<p>\(entry.headlineHTML)</p>\n"
        if !entry.sources.isEmpty {
            text += "<ul class=\"sources\">"
            for source in entry.sources { text += "<li>" + HTMLFragment.link(source.url, source.name) + "</li>" }
            text += "</ul>\n"
        }
        return Fragment(bytes: Array((text + "</article>\n").utf8))
    }

    /// The page of `feed`, the subscription feed of `name` (nil for all
    /// events), which has `events` events in all; `archive` is the stem of its
    /// newest archive document, if it has any.
    static func render(
        _ feed: FeedDescription, name: String?, events: Int, formats fileExtensions: [String], archive: String?
    ) -> [UInt8] {
        let heading = name ?? "All events"
        var text = head(
            title: feed.title, site: feed.site, stem: feed.stem, feeds: fileExtensions, feedTitle: heading)
        text += "<header>\n<p class=\"site\"><a href=\"index.html\">\(HTMLFragment.escaped(feed.site.title))</a></p>\n"
        text += "<h1>\(HTMLFragment.escaped(heading))</h1>\n"
        text += "<p>\(HTMLFragment.escaped(feed.subtitle))</p>\n"
        text += "<p class=\"subscribe\">Subscribe: " + subscribeLinks(feed.stem, fileExtensions) + "</p>\n"
        let shown = feed.entries.count
        var count = events == 1 ? "1 event" : "\(events) events"
        if shown < events { count += "; the newest \(shown) are below" }
        if let archive {
            count += ". Older ones are in the "
                + HTMLFragment.link(archive + ".atom", "archive feeds")
                + ", which readers that follow RFC 5005 fetch as the feed's history"
        }
        text += "<p>\(count).</p>\n</header>\n<main>\n"
        var bytes = Array(text.utf8)
        for entry in feed.entries {
            if let page = entry.page { bytes += page.bytes }
        }
        bytes += Array(("</main>\n" + footer + "</body>\n</html>\n").utf8)
        return bytes
    }

    /// `index.html`: the feed of all events, then every topic with its event
    /// count, newest date and feeds.
    static func renderIndex(site: FeedSite, formats fileExtensions: [String], items: [FeedSummary]) -> [UInt8] {
        var text = head(
            title: "\(site.title): feeds by topic", site: site, stem: "all", feeds: fileExtensions,
            feedTitle: "All events")
        text += "<header>\n<h1>\(HTMLFragment.escaped(site.title))</h1>\n"
        let period = site.description.last.map { ".!?".contains($0) } == true ? "" : "."
        text += "<p>\(HTMLFragment.escaped(site.description))\(period)</p>\n"
        if let all = items.first(where: { $0.name == nil }) {
            text += "<p>" + HTMLFragment.link("all.html", "All events") + " (\(all.events)): "
                + subscribeLinks(all.stem, fileExtensions) + "</p>\n"
        }
        text += "<p>Every feed, for feed readers: " + HTMLFragment.link("index.opml", "OPML")
            + "; for programs: " + HTMLFragment.link("topics.json", "topics.json") + ".</p>\n</header>\n<main>\n"
        text += "<table>\n<thead><tr><th>Topic</th><th>Events</th><th>Newest</th><th>Feeds</th></tr></thead>\n<tbody>\n"
        var bytes = Array(text.utf8)
        bytes.reserveCapacity(bytes.count + items.count * 512)
        // A row's pieces go straight into the bytes: with 19,000 topics,
        // rows joined as strings took 44 ms of every rebuild, this way 23 ms.
        for item in items {
            guard let name = item.name else { continue }
            bytes += "<tr><td>".utf8
            HTMLFragment.append(link: item.stem + ".html", name, to: &bytes)
            bytes += "</td><td>".utf8
            bytes += String(item.events).utf8
            bytes += "</td><td>".utf8
            if let newest = item.newest { bytes += newest.rfc3339.utf8.prefix(10) }
            bytes += "</td><td>".utf8
            appendSubscribeLinks(item.stem, fileExtensions, to: &bytes)
            bytes += "</td></tr>\n".utf8
        }
        bytes += Array(("</tbody>\n</table>\n</main>\n" + footer + "</body>\n</html>\n").utf8)
        return bytes
    }

    /// The document up to `<body>`: the title, the base, the feeds of `stem`
    /// for autodiscovery, and the style.
    private static func head(title: String, site: FeedSite, stem: String, feeds: [String], feedTitle: String)
        -> String
    {
        var text = "<!DOCTYPE html>\n<html lang=\"\(HTMLFragment.escaped(site.language))\">\n<head>\n"
        text += "<meta charset=\"utf-8\"/>\n"
        text += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        text += "<title>\(HTMLFragment.escaped(title))</title>\n"
        let depth = stem.count { $0 == "/" }
        if depth > 0 { text += "<base href=\"\(String(repeating: "../", count: depth))\"/>\n" }
        for (fileExtension, type, format) in formats where feeds.contains(fileExtension) {
            let label = HTMLFragment.escaped("\(site.title): \(feedTitle) (\(format))")
            let href = HTMLFragment.escaped(site.feedsURL + stem + fileExtension)
            text += "<link rel=\"alternate\" type=\"\(type)\" title=\"\(label)\" href=\"\(href)\"/>\n"
        }
        text += "<style>\n\(style)</style>\n</head>\n<body>\n"
        return text
    }

    /// Links to the feeds of `stem` in `fileExtensions`, relative to the top of the output folder.
    private static func subscribeLinks(_ stem: String, _ fileExtensions: [String]) -> String {
        var bytes: [UInt8] = []
        appendSubscribeLinks(stem, fileExtensions, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``subscribeLinks(_:_:)`` to `bytes`.
    private static func appendSubscribeLinks(_ stem: String, _ fileExtensions: [String], to bytes: inout [UInt8]) {
        var separator = ""
        for (fileExtension, _, format) in formats where fileExtensions.contains(fileExtension) {
            bytes += separator.utf8
            HTMLFragment.append(link: stem + fileExtension, format, to: &bytes)
            separator = " · "
        }
    }

    private static let footer =
        "<footer><p>Published by \(FeedpubVersion.name) \(FeedpubVersion.current).</p></footer>\n"

    private static let style = """
        :root { color-scheme: light dark; --muted: #666; }
        @media (prefers-color-scheme: dark) { :root { --muted: #aaa; } }
        body { font: 1rem/1.5 system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1rem; }
        h1 { line-height: 1.2; margin: 0.2em 0; }
        h2 { font-size: 1.2rem; line-height: 1.3; margin: 0 0 0.3em; }
        .site, .meta, footer { color: var(--muted); font-size: 0.9rem; }
        article { border-top: 1px solid #8884; padding: 1rem 0; }
        article img { max-width: 100%; height: auto; border-radius: 4px; }
        .sources { font-size: 0.9rem; padding-left: 1.2em; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 0.25em 0.5em; border-bottom: 1px solid #8884; vertical-align: top; }
        td:nth-child(2) { text-align: right; }
        td:nth-child(n+2) { white-space: nowrap; }

        """
}
