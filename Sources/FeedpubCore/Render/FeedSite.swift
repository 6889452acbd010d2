/// What every feed says about the site it belongs to.
struct FeedSite: Sendable {
    /// The site's name.
    let title: String
    /// The site's base URL, ending in `/`.
    let url: String
    /// The host part of ``url``, the authority of entry ids.
    let host: String
    /// The site's description.
    let description: String
    /// The feeds' language tag.
    let language: String
    /// The author's name.
    let authorName: String
    /// The author's e-mail, when it may be published.
    let authorEmail: String?
    /// The URL the output folder is published at, ending in `/`.
    let feedsURL: String
    /// The WebSub hub subscription feeds name, if any.
    let hub: String?
    /// Whether Atom and RSS documents name `feed.xsl` as their stylesheet.
    let stylesheet: Bool
    /// Whether each subscription feed has an HTML page.
    let htmlPages: Bool

    /// The site as `configuration` describes it.
    init(_ configuration: Configuration) {
        title = configuration.site.title
        url = configuration.site.url
        let afterScheme = url.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first ?? ""
        host = String(afterScheme.split(separator: ":").first ?? afterScheme)
        description = configuration.site.description
        language = configuration.site.language
        authorName = configuration.site.authorName
        authorEmail = configuration.site.authorEmail
        feedsURL = configuration.publishedFeedsURL
        hub = configuration.websubHub
        stylesheet = configuration.stylesheet
        htmlPages = configuration.htmlPages
    }
}
