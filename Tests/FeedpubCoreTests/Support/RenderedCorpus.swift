import FeedpubCore
import Foundation
import Testing

/// A corpus made of page texts, resolved and rendered, with its feeds
/// parsed back by libxml2 for checking.
struct RenderedCorpus {
    let corpus: Corpus
    let renderer: FeedRenderer

    init(pages texts: [String], configuration: Configuration = RenderedCorpus.configuration) throws {
        let parser = PageParser()
        let pages = try texts.enumerated().map { index, text in
            try #require(parser.parse(Array(text.utf8), file: "\(index).md", sitePath: nil).page)
        }
        corpus = EventResolver(aliases: configuration.aliases).resolve(pages).corpus
        renderer = try FeedRenderer(corpus: corpus, configuration: configuration)
    }

    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.site.title = "Test site"
        configuration.site.url = "https://news.example/"
        configuration.site.description = "Events"
        configuration.site.authorName = "Desk"
        return configuration
    }

    /// The Atom and RSS roots of `feed`, parsed strictly.
    func feeds(_ feed: FeedRenderer.Feed) throws -> (atom: XMLNode, rss: XMLNode) {
        let documents = try renderer.render(feed)
        #expect(documents.map { $0.path.split(separator: ".").last! } == ["atom", "rss", "json", "html"])
        return (try XMLNode.parse(documents[0].bytes), try XMLNode.parse(documents[1].bytes))
    }

    /// The JSON Feed of `feed`, decoded.
    func jsonFeed(_ feed: FeedRenderer.Feed) throws -> [String: Any] {
        let document = try #require(try renderer.render(feed).first { $0.path.hasSuffix(".json") })
        return try #require(try JSONSerialization.jsonObject(with: Data(document.bytes)) as? [String: Any])
    }

    /// The feeds of the topic named `name`.
    func topicFeeds(_ name: String) throws -> (atom: XMLNode, rss: XMLNode) {
        let index = try #require(corpus.topics.firstIndex { $0.name == name })
        return try feeds(.topic(index))
    }
}
