import FeedpubCore
import Foundation
import Testing

@Suite("The OPML index")
struct OPMLWriterTests {
    @Test("index.opml lists every feed once per format, with absolute URLs, its page and HTML-escaped names")
    func outlines() throws {
        let related = [
            PageFixture.related("Other", "/news/2014/01/1/other.md", ["AT&T", "Syria"]),
        ]
        let rendered = try RenderedCorpus(pages: [PageFixture.page(related: related)])
        let document = try rendered.renderer.renderIndex()
        #expect(document.path == "index.opml")
        let opml = try XMLNode.parse(document.bytes)
        #expect(opml.attributes["version"] == "2.0")
        #expect(opml.child("head")?.child("title")?.text == "Test site: feeds by topic")
        #expect(opml.child("head")?.child("dateCreated")?.text == "Wed, 02 Mar 2016 00:00:00 +0000")
        let folders = try #require(opml.child("body")).children("outline")
        #expect(folders.map { $0.attributes } == [["text": "Test site (Atom feeds)"], ["text": "Test site (RSS feeds)"]])
        let atom = folders[0].children("outline")
        #expect(atom.map { $0.attributes["text"] } == ["All events", "AT&amp;T", "Syria"])
        #expect(atom.map { $0.attributes["xmlUrl"] } == [
            "https://news.example/feeds/all.atom", "https://news.example/feeds/topics/at-and-t.atom",
            "https://news.example/feeds/topics/syria.atom",
        ])
        #expect(atom.allSatisfy { $0.attributes["type"] == "rss" })
        #expect(atom.map { $0.attributes["htmlUrl"] } == [
            "https://news.example/feeds/all.html", "https://news.example/feeds/topics/at-and-t.html",
            "https://news.example/feeds/topics/syria.html",
        ])
        #expect(folders[1].children("outline").map { $0.attributes["xmlUrl"] }.last == "https://news.example/feeds/topics/syria.rss")
    }
}
