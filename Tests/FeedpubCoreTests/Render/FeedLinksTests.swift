import FeedpubCore
import Foundation
import Testing

@Suite("Hub and stylesheet references")
struct FeedLinksTests {
    @Test("with websub.hub set, every subscription feed names the hub beside its self link")
    func hub() throws {
        var configuration = RenderedCorpus.configuration
        configuration.websubHub = "https://hub.example/"
        let rendered = try RenderedCorpus(pages: [AtomWriterTests.linking, AtomWriterTests.main], configuration: configuration)
        for feed in rendered.renderer.feeds {
            let (atom, rss) = try rendered.feeds(feed)
            let atomLinks = atom.children("link").map { ($0.attributes["rel"] ?? "", $0.attributes["href"] ?? "") }
            #expect(atomLinks.contains { $0 == ("hub", "https://hub.example/") })
            #expect(atomLinks.contains { $0.0 == "self" })
            let rssLinks = try #require(rss.child("channel")).children("atom:link").map { $0.attributes["rel"] }
            #expect(rssLinks == ["self", "hub"])
            let json = try rendered.jsonFeed(feed)
            let hubs = try #require(json["hubs"] as? [[String: String]])
            #expect(hubs == [["type": "WebSub", "url": "https://hub.example/"]])
        }
        let plain = try RenderedCorpus(pages: [AtomWriterTests.main])
        #expect(try plain.feeds(.all).atom.children("link").allSatisfy { $0.attributes["rel"] != "hub" })
        #expect(try plain.jsonFeed(.all)["hubs"] == nil)
    }

    @Test("with feeds.stylesheet on, Atom and RSS name feed.xsl by a path that reaches it from their folder")
    func stylesheet() throws {
        var configuration = RenderedCorpus.configuration
        configuration.stylesheet = true
        configuration.maxEntries = 1
        let rendered = try RenderedCorpus(pages: [AtomWriterTests.linking, AtomWriterTests.main], configuration: configuration)
        let folder = try rendered.renderer.renderFolderDocuments()
        let xsl = try #require(folder.first { $0.path == "feed.xsl" })
        let root = try XMLNode.parse(xsl.bytes)
        #expect(root.name == "xsl:stylesheet" && root.namespace == "http://www.w3.org/1999/XSL/Transform")
        var checked: Set<String> = []
        for feed in rendered.renderer.feeds {
            for document in try rendered.renderer.render(feed) where !document.path.hasSuffix(".json") && !document.path.hasSuffix(".html") {
                let text = String(decoding: document.bytes, as: UTF8.self)
                let href = try #require(text.firstMatch(of: /<\?xml-stylesheet type="text\/xsl" href="([^"]+)"\?>/)?.1)
                let resolved = URL(fileURLWithPath: "/out/" + document.path).deletingLastPathComponent()
                    .appendingPathComponent(String(href)).standardized.path
                #expect(resolved == "/out/feed.xsl", "\(document.path): \(href)")
                checked.insert(document.path)
            }
        }
        #expect(checked.contains("all.atom") && checked.contains("topics/syria.rss") && checked.contains("archive/all/1.atom"))
        let plain = try RenderedCorpus(pages: [AtomWriterTests.main])
        #expect(!String(decoding: try plain.renderer.render(.all)[0].bytes, as: UTF8.self).contains("xml-stylesheet"))
    }
}
