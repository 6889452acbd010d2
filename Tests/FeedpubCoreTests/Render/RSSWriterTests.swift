import FeedpubCore
import Foundation
import Testing

@Suite("RSS feeds")
struct RSSWriterTests {
    @Test("the channel names site and topic, links itself and its page, and is dated by its newest item")
    func channelElements() throws {
        let rss = try RenderedCorpus(pages: [AtomWriterTests.linking, AtomWriterTests.main]).topicFeeds("Syria").rss
        #expect(rss.name == "rss")
        #expect(rss.attributes["version"] == "2.0")
        let channel = try #require(rss.child("channel"))
        #expect(channel.child("title")?.text == "Test site: Syria")
        #expect(channel.child("link")?.text == "https://news.example/feeds/topics/syria.html")
        #expect(channel.child("description")?.text == "Events: Syria")
        let selfLink = try #require(channel.child("atom:link"))
        #expect(selfLink.namespace == "http://www.w3.org/2005/Atom")
        #expect(selfLink.attributes == [
            "rel": "self", "type": "application/rss+xml", "href": "https://news.example/feeds/topics/syria.rss",
        ])
        #expect(channel.child("language")?.text == "en")
        #expect(channel.child("dc:creator")?.text == "Desk")
        #expect(channel.child("pubDate")?.text == "Wed, 02 Mar 2016 00:00:00 +0000")
        #expect(channel.child("lastBuildDate")?.text == "Wed, 02 Mar 2016 00:00:00 +0000")
        #expect(channel.child("generator")?.text == "feedpub \(FeedpubVersion.current)")
    }

    @Test("an item carries title, link, guid, date, summary, full text, categories and the cover")
    func itemElements() throws {
        let rendered = try RenderedCorpus(pages: [AtomWriterTests.linking, AtomWriterTests.main])
        let (atom, rss) = try rendered.topicFeeds("Syria")
        let item = try #require(rss.child("channel")?.child("item"))
        #expect(item.child("title")?.text == "Main event")
        #expect(item.child("link")?.text == "https://news.example/news/2016/03/2/syria-main-event.md")
        let guid = try #require(item.child("guid"))
        #expect(guid.attributes["isPermaLink"] == "false")
        #expect(guid.text == atom.child("entry")?.child("id")?.text, "same id in both formats")
        #expect(item.child("pubDate")?.text == "Wed, 02 Mar 2016 00:00:00 +0000")
        #expect(item.child("description")?.text == "Syria. Main event")
        #expect(item.child("content:encoded")?.text == atom.child("entry")?.child("content")?.text)
        #expect(item.child("content:encoded")?.namespace == "http://purl.org/rss/1.0/modules/content/")
        #expect(item.children("category").map(\.text) == ["Syria", "War"])
        #expect(item.child("enclosure")?.attributes == [
            "url": "https://img.example/cover.JPG", "length": "0", "type": "image/jpeg",
        ])
        #expect(item.child("media:thumbnail")?.attributes["url"] == "https://img.example/cover.JPG")
    }

    @Test("a configured author e-mail becomes managingEditor")
    func managingEditor() throws {
        var configuration = RenderedCorpus.configuration
        configuration.site.authorEmail = "desk@news.example"
        let rss = try RenderedCorpus(pages: [AtomWriterTests.main], configuration: configuration).feeds(.all).rss
        #expect(rss.child("channel")?.child("managingEditor")?.text == "desk@news.example (Desk)")
        #expect(rss.child("channel")?.child("dc:creator") == nil)
    }

    @Test(
        "a cover image's type comes from its extension; an unknown one is not guessed",
        arguments: [
            ("https://i.example/a.jpeg?w=2", "image/jpeg"), ("https://i.example/a.gif", "image/gif"),
            ("https://i.example/a.webp", "image/webp"), ("https://i.example/a.svg#x", "image/svg+xml"),
            ("https://i.example/a.png", "image/png"), ("https://i.example/image", nil),
            ("https://i.example/a.tiff", nil), ("https://i.example.com/", nil),
        ] as [(String, String?)])
    func enclosureType(url: String, type: String?) throws {
        let page = PageFixture.page(sources: ["1. [Cover Image](\(url))"])
        let (atom, rss) = try RenderedCorpus(pages: [page]).feeds(.all)
        let link = try #require(atom.child("entry")?.children("link").first { $0.attributes["rel"] == "enclosure" })
        #expect(link.attributes["type"] == type)
        #expect(rss.child("channel")?.child("item")?.child("enclosure")?.attributes["type"] == type ?? "application/octet-stream")
        #expect(atom.child("entry")?.child("media:content")?.attributes["type"] == type)
    }

    @Test("plain-text elements with & < > are written as hexadecimal references and read back exactly")
    func plainTextReferences() throws {
        let headline = "AT&T < 5 and > 4 &amp;"
        let related = [PageFixture.related("Other", "/news/2014/01/1/other.md", ["Procter & Gamble"])]
        let rendered = try RenderedCorpus(pages: [PageFixture.page(headline: headline, related: related)])
        let bytes = try rendered.renderer.render(.all)[1].bytes
        let xml = String(decoding: bytes, as: UTF8.self)
        #expect(xml.contains("<title>AT&#x26;T &#x3C; 5 and &#x3E; 4 &#x26;amp;</title>"))
        #expect(xml.contains("<category>Procter &#x26; Gamble</category>"))
        let item = try #require(try XMLNode.parse(bytes).child("channel")?.children("item").first { $0.child("title")?.text.hasPrefix("AT") == true })
        #expect(item.child("title")?.text == headline)
    }

    @Test("a tag-like text in an RSS title gets ‹ › brackets, since readers may render RSS titles as HTML")
    func tagsInTitles() throws {
        let headline = #"The slogan "<script>alert('x')</script>" is protected; 5 < 6 and 7 > 3"#
        let rss = try RenderedCorpus(pages: [PageFixture.page(headline: headline)]).feeds(.all).rss
        #expect(rss.child("channel")?.child("item")?.child("title")?.text
            == #"The slogan "‹script›alert('x')‹/script›" is protected; 5 < 6 and 7 > 3"#)
    }
}
