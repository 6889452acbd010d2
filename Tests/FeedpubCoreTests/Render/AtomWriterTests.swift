import FeedpubCore
import Foundation
import Testing

@Suite("Atom feeds")
struct AtomWriterTests {
    static let linking = PageFixture.page(
        date: "2016-03-05", headline: "Linker",
        related: [
            PageFixture.related("Syria. Main event", "/news/2016/03/2/syria-main-event.md", ["Syria", "War"]),
            PageFixture.related("Older event", "/news/2016/01/9/older-event.md", ["Syria"], number: 2),
        ])
    static let main = PageFixture.page(
        headline: "Syria. Main event", body: ["First paragraph.", "Second paragraph."],
        sources: [
            "1. [RT](https://www.rt.com/news/1/)", "2. [Sky News](http://news.sky.com/story/2)",
            "2. [Cover Image](https://img.example/cover.JPG)",
        ])

    @Test("the feed names site and topic, links itself and its page, and is dated by its newest entry")
    func feedElements() throws {
        let atom = try RenderedCorpus(pages: [Self.linking, Self.main]).topicFeeds("Syria").atom
        #expect(atom.name == "feed")
        #expect(atom.namespace == "http://www.w3.org/2005/Atom")
        #expect(atom.attributes["xml:lang"] == "en")
        #expect(atom.child("title")?.text == "Test site: Syria")
        let links = atom.children("link")
        #expect(links.map { $0.attributes["rel"] } == ["self", "alternate"])
        #expect(links[0].attributes["href"] == "https://news.example/feeds/topics/syria.atom")
        #expect(links[0].attributes["type"] == "application/atom+xml")
        #expect(links[1].attributes["href"] == "https://news.example/feeds/topics/syria.html")
        #expect(atom.child("id")?.text == "https://news.example/feeds/topics/syria.atom")
        #expect(atom.child("updated")?.text == "2016-03-02T00:00:00Z")
        #expect(atom.child("author")?.child("name")?.text == "Desk")
        #expect(atom.child("generator")?.text == "feedpub")
        #expect(atom.child("generator")?.attributes["version"] == FeedpubVersion.current)
    }

    @Test("an entry carries title, link, id, dates, categories, sources, content and the cover")
    func entryElements() throws {
        let atom = try RenderedCorpus(pages: [Self.linking, Self.main]).topicFeeds("Syria").atom
        let entries = atom.children("entry")
        #expect(entries.count == 2)
        let entry = entries[0]
        #expect(entry.child("title")?.text == "Main event", "story prefix dropped from the title")
        let links = entry.children("link")
        #expect(links.map { $0.attributes["rel"] } == ["alternate", "related", "related", "enclosure"])
        #expect(links[0].attributes["href"] == "https://news.example/news/2016/03/2/syria-main-event.md")
        #expect(links[1].attributes == ["rel": "related", "href": "https://www.rt.com/news/1/", "title": "RT"])
        #expect(links[2].attributes["title"] == "Sky News")
        #expect(links[3].attributes == [
            "rel": "enclosure", "type": "image/jpeg", "length": "0", "href": "https://img.example/cover.JPG",
        ])
        #expect(entry.child("id")?.text == "tag:news.example,2016-03-02:/news/2016/03/2/main-event.md")
        #expect(entry.child("published")?.text == "2016-03-02T00:00:00Z")
        #expect(entry.child("updated")?.text == "2016-03-02T00:00:00Z")
        #expect(entry.children("category").map { $0.attributes["term"] } == ["Syria", "War"])
        #expect(entry.children("category").map { $0.attributes["label"] } == ["Syria", "War"])
        #expect(entry.child("summary")?.text == "Syria. Main event")
        let content = try #require(entry.child("content"))
        #expect(content.attributes["type"] == "html")
        #expect(content.text == """
            <p>Syria. Main event</p><p>First paragraph.</p><p>Second paragraph.</p><p>Sources:</p>\
            <ul><li><a href="https://www.rt.com/news/1/">RT</a></li>\
            <li><a href="http://news.sky.com/story/2">Sky News</a></li></ul>
            """)
        #expect(entry.child("media:content")?.attributes == [
            "url": "https://img.example/cover.JPG", "medium": "image", "type": "image/jpeg",
        ])
        #expect(entry.child("media:content")?.namespace == "http://search.yahoo.com/mrss/")
        #expect(entry.child("media:thumbnail")?.attributes == ["url": "https://img.example/cover.JPG"])
    }

    @Test("an event known only by reference links its page and has no enclosure")
    func referenceOnlyEntry() throws {
        let atom = try RenderedCorpus(pages: [Self.linking, Self.main]).topicFeeds("Syria").atom
        let older = atom.children("entry")[1]
        #expect(older.child("title")?.text == "Older event")
        #expect(older.children("link").map { $0.attributes["rel"] } == ["alternate"])
        #expect(older.child("content")?.text.contains("news/2016/01/9/older-event.md\">Read the event page") == true)
    }

    @Test("text with & < > \" ' is escaped once, exactly, and cannot inject markup")
    func escaping() throws {
        let headline = #"Tom & Jerry <script>x</script> "quoted" 'single' ]]> &amp;"#
        let page = PageFixture.page(headline: headline, body: ["<script>alert('x')</script> & more"])
        let atom = try RenderedCorpus(pages: [page]).feeds(.all).atom
        let entry = try #require(atom.child("entry"))
        let escapedHeadline = #"Tom &amp; Jerry &lt;script&gt;x&lt;/script&gt; &quot;quoted&quot; &#39;single&#39; ]]&gt; &amp;amp;"#
        #expect(entry.child("title")?.attributes["type"] == "html")
        #expect(entry.child("title")?.text == escapedHeadline)
        #expect(entry.child("summary")?.attributes["type"] == "html")
        #expect(entry.child("summary")?.text == escapedHeadline)
        let html = try #require(entry.child("content")?.text)
        #expect(!html.contains("<script>"))
        #expect(html.contains("<p>" + escapedHeadline + "</p>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
    }

    @Test("a topic named like markup is safe text everywhere it appears")
    func markupTopic() throws {
        let related = [PageFixture.related("Other", "/news/2014/01/1/other.md", ["<b>Bold</b> & Co"])]
        let rendered = try RenderedCorpus(pages: [PageFixture.page(related: related)])
        let (atom, rss) = try rendered.topicFeeds("<b>Bold</b> & Co")
        #expect(atom.child("title")?.attributes["type"] == "html")
        #expect(atom.child("title")?.text == "Test site: &lt;b&gt;Bold&lt;/b&gt; &amp; Co")
        #expect(atom.child("subtitle")?.text == "Events: &lt;b&gt;Bold&lt;/b&gt; &amp; Co")
        let category = try #require(atom.child("entry")?.child("category"))
        #expect(category.attributes["term"] == "<b>Bold</b> & Co")
        #expect(category.attributes["label"] == "‹b›Bold‹/b› & Co")
        #expect(rss.child("channel")?.child("title")?.text == "Test site: ‹b›Bold‹/b› & Co")
        #expect(rss.child("channel")?.child("description")?.text == "Events: ‹b›Bold‹/b› & Co")
        #expect(rendered.renderer.stem(of: .topic(0)) == "topics/b-bold-b-and-co")
    }

    @Test("inline formatting tags from the Markdown are dropped, their text kept")
    func inlineFormatting() throws {
        let page = PageFixture.page(
            headline: "Budget of the <em>space agency</em> is cut<br/>", body: ["It was <B>final</B>, <span>they</span> said."])
        let (atom, rss) = try RenderedCorpus(pages: [page]).feeds(.all)
        let entry = try #require(atom.child("entry"))
        #expect(entry.child("title")?.text == "Budget of the space agency is cut")
        #expect(entry.child("title")?.attributes["type"] == nil)
        #expect(rss.child("channel")?.child("item")?.child("title")?.text == "Budget of the space agency is cut")
        #expect(entry.child("content")?.text.contains("<p>It was final, they said.</p>") == true)
    }

    @Test("dates follow the configured time zone")
    func timeZone() throws {
        var configuration = RenderedCorpus.configuration
        configuration.timeZone = TimeZone(identifier: "Europe/Paris")!
        let (atom, rss) = try RenderedCorpus(pages: [Self.main], configuration: configuration).feeds(.all)
        #expect(atom.child("entry")?.child("published")?.text == "2016-03-02T00:00:00+01:00")
        #expect(rss.child("channel")?.child("item")?.child("pubDate")?.text == "Wed, 02 Mar 2016 00:00:00 +0100")
    }

    @Test("feeds are newest first, ties broken by site path, and cut to maxEntries")
    func orderAndLimit() throws {
        let pages = ["2016-03-02 b", "2016-03-02 a", "2016-03-04 c", "2015-01-01 d"].map { spec in
            let parts = spec.split(separator: " ")
            return PageFixture.page(date: String(parts[0]), headline: "Event \(parts[1])")
        }
        var configuration = RenderedCorpus.configuration
        configuration.maxEntries = 3
        let atom = try RenderedCorpus(pages: pages, configuration: configuration).feeds(.all).atom
        #expect(atom.children("entry").compactMap { $0.child("title")?.text } == ["Event c", "Event a", "Event b"])
        #expect(atom.child("updated")?.text == "2016-03-04T00:00:00Z")
        #expect(
            atom.children("entry").compactMap { $0.child("updated")?.text } == [
                "2016-03-04T00:00:00Z", "2016-03-02T00:00:01Z", "2016-03-02T00:00:00Z",
            ], "events of one day get distinct times, falling in feed order")
    }
}
