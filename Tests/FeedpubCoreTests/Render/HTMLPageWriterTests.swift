import FeedpubCore
import Foundation
import Testing

@Suite("HTML pages")
struct HTMLPageWriterTests {
    /// The document at `path` among `documents`, parsed strictly (the pages are polyglot).
    func page(_ path: String, in documents: [FeedRenderer.Document]) throws -> XMLNode {
        let document = try #require(documents.first { $0.path == path }, "\(path) is written")
        #expect(document.bytes.starts(with: Array("<!DOCTYPE html>\n".utf8)))
        let root = try XMLNode.parse(document.bytes)
        FeedDocumentChecks.expectSound(root, path: path)
        return root
    }

    /// Every element of `root` named `name`, in document order.
    func all(_ name: String, in root: XMLNode) -> [XMLNode] {
        (root.name == name ? [root] : []) + root.children.flatMap { all(name, in: $0) }
    }

    @Test("a topic's page names its feeds for autodiscovery and lists its events with cover, sources and topics")
    func topicPage() throws {
        let rendered = try RenderedCorpus(pages: [AtomWriterTests.linking, AtomWriterTests.main])
        let index = try #require(rendered.corpus.topics.firstIndex { $0.name == "Syria" })
        let html = try page("topics/syria.html", in: try rendered.renderer.render(.topic(index)))
        #expect(html.attributes["lang"] == "en")
        let head = try #require(html.child("head"))
        #expect(head.child("title")?.text == "Test site: Syria")
        #expect(head.child("base")?.attributes["href"] == "../", "links are relative to the top of the output folder")
        let alternates = head.children("link").filter { $0.attributes["rel"] == "alternate" }
        #expect(alternates.map { $0.attributes["type"] } == ["application/atom+xml", "application/rss+xml", "application/feed+json"])
        #expect(alternates.map { $0.attributes["href"] } == [
            "https://news.example/feeds/topics/syria.atom", "https://news.example/feeds/topics/syria.rss",
            "https://news.example/feeds/topics/syria.json",
        ])
        #expect(alternates[0].attributes["title"] == "Test site: Syria (Atom)")
        let body = try #require(html.child("body"))
        #expect(all("h1", in: body).map(\.text) == ["Syria"])
        #expect(all("a", in: try #require(body.child("header"))).compactMap { $0.attributes["href"] }
            == ["index.html", "topics/syria.atom", "topics/syria.rss", "topics/syria.json"])

        let articles = all("article", in: body)
        #expect(articles.count == 2, "both events of the topic, newest first")
        let main = articles[0]
        let title = try #require(main.child("h2")?.child("a"))
        #expect(title.text == "Main event")
        #expect(title.attributes["href"] == "https://news.example/news/2016/03/2/syria-main-event.md")
        #expect(all("time", in: main).first?.attributes["datetime"] == "2016-03-02")
        #expect(main.child("img")?.attributes["src"] == "https://img.example/cover.JPG")
        let links = all("a", in: main).compactMap { $0.attributes["href"] }
        #expect(links.contains("https://www.rt.com/news/1/") && links.contains("http://news.sky.com/story/2"), "the sources")
        #expect(links.contains("topics/syria.html") && links.contains("topics/war.html"), "the event's topics")
        #expect(all("p", in: main).map(\.text).contains("Syria. Main event"), "the full headline")
        #expect(!all("p", in: main).map(\.text).contains("Second paragraph."), "the body stays on the event page")
    }

    @Test("the index lists every topic with its event count, newest date, page and feeds")
    func indexPage() throws {
        let related = [
            PageFixture.related("Older", "/news/2014/01/1/older.md", ["AT&T", "Syria"]),
            PageFixture.related("Oldest", "/news/2013/05/7/oldest.md", ["Syria"], number: 2),
        ]
        let rendered = try RenderedCorpus(pages: [PageFixture.page(related: related)])
        let html = try page("index.html", in: try rendered.renderer.renderFolderDocuments())
        let alternates = try #require(html.child("head")).children("link").filter { $0.attributes["rel"] == "alternate" }
        #expect(alternates.map { $0.attributes["href"] } == [
            "https://news.example/feeds/all.atom", "https://news.example/feeds/all.rss", "https://news.example/feeds/all.json",
        ])
        let rows = all("tr", in: html).dropFirst().map { row in row.children("td") }
        #expect(rows.map { $0[0].child("a")?.text } == ["AT&T", "Syria"], "the topic names, unescaped once")
        #expect(rows.map { $0[0].child("a")?.attributes["href"] } == ["topics/at-and-t.html", "topics/syria.html"])
        #expect(rows.map { $0[1].text } == ["1", "2"])
        #expect(rows.map { $0[2].text } == ["2014-01-01", "2014-01-01"])
        #expect(rows[1][3].children("a").compactMap { $0.attributes["href"] }
            == ["topics/syria.atom", "topics/syria.rss", "topics/syria.json"])
    }

    @Test("text from pages is text on the page: markup in names and headlines is escaped")
    func escaping() throws {
        let page = PageFixture.page(
            headline: "<script>alert(1)</script> & co.",
            related: [PageFixture.related("Other", "/news/2014/01/1/other.md", ["<b>Bold</b>"])])
        let rendered = try RenderedCorpus(pages: [page])
        let documents = try rendered.renderer.render(.all) + (try rendered.renderer.renderFolderDocuments())
        let all = try self.page("all.html", in: documents)
        #expect(self.all("script", in: all).isEmpty)
        #expect(self.all("p", in: all).map(\.text).contains("<script>alert(1)</script> & co."))
        #expect(!String(decoding: try #require(documents.first { $0.path == "all.html" }).bytes, as: UTF8.self).contains("<script"))
        let index = try self.page("index.html", in: documents)
        #expect(self.all("b", in: index).isEmpty)
        #expect(self.all("a", in: index).map(\.text).contains("<b>Bold</b>"))
    }

    @Test("with pages turned off, no page is written and feeds link to the site")
    func turnedOff() throws {
        var configuration = RenderedCorpus.configuration
        configuration.htmlPages = false
        let rendered = try RenderedCorpus(pages: [AtomWriterTests.main], configuration: configuration)
        let documents = try rendered.renderer.render(.all) + (try rendered.renderer.renderFolderDocuments())
        #expect(documents.map(\.path) == ["all.atom", "all.rss", "all.json", "index.opml", "topics.json"])
        let atom = try XMLNode.parse(documents[0].bytes)
        #expect(atom.children("link").first { $0.attributes["rel"] == "alternate" }?.attributes["href"] == "https://news.example/")
    }
}
