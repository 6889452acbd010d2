import Foundation

/// Everything a build needs to know besides the pages. See README
/// "Configuration" for every key with its default.
public struct Configuration: Sendable, Equatable {
    /// The site the feeds belong to.
    public struct Site: Sendable, Equatable {
        /// The site's name, in every feed title.
        public var title = "feedpub sample"
        /// The absolute base URL; page links are this plus the site path.
        public var url = "https://example.org/"
        /// One sentence about the site, the feeds' subtitle.
        public var description = "News events by topic"
        /// The feeds' language (RFC 5646 tag).
        public var language = "en"
        /// The feeds' author.
        public var authorName = "feedpub"
        /// The author's e-mail address, if it may be published.
        public var authorEmail: String?
    }

    /// The site.
    public var site = Site()
    /// The site root: pages are the `*.md` files under its `news/` folder.
    public var input = URL(fileURLWithPath: ".").standardizedFileURL
    /// The folder the feeds are written to.
    public var output = URL(fileURLWithPath: "feeds").standardizedFileURL
    /// The URL of the output folder as published; defaults to `site.url` + `feeds/`.
    public var feedsURL: String?
    /// The newest events each feed holds.
    public var maxEntries = 50
    /// Whether a JSON Feed 1.1 is written beside each Atom and RSS feed.
    public var jsonFeeds = true
    /// Whether each topic's older events are kept in RFC 5005 archive
    /// documents of ``maxEntries`` entries, linked from its feeds.
    public var archives = true
    /// Whether an HTML page is written beside each feed, and `index.html`
    /// listing them all.
    public var htmlPages = true
    /// Whether Atom and RSS feeds name `feed.xsl`, written beside them, as
    /// their stylesheet, so that a browser shows them as a page.
    public var stylesheet = false
    /// The WebSub hub the feeds name and `feedpub publish` notifies, if any.
    public var websubHub: String?
    /// Topic alias → canonical name, matched without regard to case.
    public var aliases: [String: String] = [:]
    /// The time zone event dates are midnight in.
    public var timeZone = TimeZone(identifier: "UTC")!
    /// How much of a page is read at most.
    public var limits = PageLimits()

    /// The default configuration, inputs relative to the current folder.
    public init() {}

    /// The absolute URL the output folder is published at, ending in `/`.
    public var publishedFeedsURL: String {
        feedsURL ?? site.url + "feeds/"
    }
}
