import FeedpubCore
import Foundation
import Testing

@Suite("JSON feeds")
struct JSONFeedWriterTests {
    /// Every JSON feed of `corpus` against its Atom feed: same title, same
    /// entries in the same order with the same id, link, title, dates,
    /// topics, cover and content (compared as text, after unescaping).
    func expectSameAsAtom(_ corpus: RenderedCorpus) throws {
        for feed in corpus.renderer.feeds {
            let json = try corpus.jsonFeed(feed)
            let atom = try corpus.feeds(feed).atom
            #expect(json["version"] as? String == "https://jsonfeed.org/version/1.1")
            #expect(json["title"] as? String == plainText(atom.child("title")))
            let alternate = atom.children("link").first { $0.attributes["rel"] == "alternate" }?.attributes["href"]
            #expect(json["home_page_url"] as? String == alternate)
            let selfLink = atom.children("link").first { $0.attributes["rel"] == "self" }?.attributes["href"]
            #expect((json["feed_url"] as? String).map { $0.replacingOccurrences(of: ".json", with: ".atom") } == selfLink)
            let items = try #require(json["items"] as? [[String: Any]])
            let entries = atom.children("entry")
            #expect(items.count == entries.count)
            for (item, entry) in zip(items, entries) {
                #expect(item["id"] as? String == entry.child("id")?.text)
                #expect(item["url"] as? String == entry.children("link").first?.attributes["href"])
                #expect(item["content_html"] as? String == entry.child("content")?.text)
                #expect(item["title"] as? String == plainText(entry.child("title")))
                #expect(item["summary"] as? String == plainText(entry.child("summary")))
                #expect(item["date_published"] as? String == entry.child("published")?.text)
                #expect(item["tags"] as? [String] == entry.children("category").compactMap { $0.attributes["term"] })
                let enclosure = entry.children("link").first { $0.attributes["rel"] == "enclosure" }
                #expect(item["image"] as? String == enclosure?.attributes["href"])
                #expect((item["authors"] as? [[String: String]])?.first?["name"] == "Desk")
            }
        }
    }

    /// The text of an Atom text construct: HTML references read back for `type="html"`.
    func plainText(_ node: XMLNode?) -> String? {
        guard let node, node.attributes["type"] == "html" else { return node?.text }
        return node.text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test("a JSON Feed 1.1 beside every Atom feed, with the same entries and content")
    func sameContent() throws {
        try expectSameAsAtom(try RenderedCorpus(pages: [AtomWriterTests.linking, AtomWriterTests.main]))
    }

    @Test("quotes, backslashes, markup, references and any Unicode in a page come back exactly from the JSON")
    func hostileText() throws {
        let page = PageFixture.page(
            headline: #"He said "no" \ C:\path <b>bold</b> & &amp; 東京 \u{2028} 🇫🇷 é"#,
            body: [#"<script>alert("x")</script> ]]> &#0; \n tab\there"#, "Z\u{0301}alg\u{0336}o"],
            sources: ["1. [Q\"uote](https://q.example/a?b=\"c\"&d=1)", "2. [Cover Image](https://img.example/p.png)"])
        let linking = PageFixture.page(
            date: "2016-03-05", headline: "Linker",
            related: [PageFixture.related("Other", "/news/2016/03/2/x.md", [#"Topic "quoted" \ <i>x</i>"#])])
        try expectSameAsAtom(try RenderedCorpus(pages: [page, linking]))
    }

    @Test("feeds.json false writes no JSON feeds and removes those an earlier build wrote")
    func turnedOff() throws {
        try TestFiles.withTemporaryFolder { root in
            try TestFiles.write(PageFixture.page(), to: "news/2016/03/2/page.md", under: root)
            var configuration = Configuration()
            configuration.input = root
            configuration.output = root.appendingPathComponent("out")
            _ = try Publisher(configuration: configuration).build()
            #expect(FileManager.default.fileExists(atPath: root.path + "/out/all.json"))
            try TestFiles.write(
                PageFixture.page(related: [PageFixture.related("Other", "/news/2016/03/1/other.md", ["Topic"])]),
                to: "news/2016/03/2/page.md", under: root)
            _ = try Publisher(configuration: configuration).build()
            #expect(FileManager.default.fileExists(atPath: root.path + "/out/topics/topic.json"))
            configuration.jsonFeeds = false
            let report = try Publisher(configuration: configuration).build()
            let files = try FileManager.default.subpathsOfDirectory(atPath: root.path + "/out")
            #expect(!files.contains { $0.hasSuffix(".json") && $0 != "topics.json" })
            #expect(files.contains("topics/topic.atom"))
            #expect(report.removed == 2, "all.json, topics/topic.json")
        }
    }
}
