import FeedpubCore
import Foundation
import Testing

@Suite("The topics.json catalog")
struct CatalogWriterTests {
    @Test("topics.json lists every topic with slug, event count, newest date and the URL of each of its feeds")
    func catalog() throws {
        let related = [
            PageFixture.related("Other", "/news/2014/01/1/other.md", ["AT&T", "Syria \"north\""]),
        ]
        let rendered = try RenderedCorpus(pages: [PageFixture.page(related: related)])
        let document = rendered.renderer.renderCatalog()
        #expect(document.path == "topics.json")
        let catalog = try #require(try JSONSerialization.jsonObject(with: Data(document.bytes)) as? [String: Any])
        #expect(catalog["title"] as? String == "Test site")
        let all = try #require(catalog["all"] as? [String: Any])
        #expect(all["events"] as? Int == 2)
        #expect(all["newest"] as? String == "2016-03-02T00:00:00Z")
        #expect(all["atom"] as? String == "https://news.example/feeds/all.atom")
        let topics = try #require(catalog["topics"] as? [[String: Any]])
        #expect(topics.map { $0["name"] as? String } == ["AT&T", "Syria \"north\""])
        #expect(topics.map { $0["slug"] as? String } == ["at-and-t", "syria-north"])
        #expect(topics.map { $0["events"] as? Int } == [1, 1])
        #expect(topics.map { $0["newest"] as? String } == ["2014-01-01T00:00:00Z", "2014-01-01T00:00:00Z"])
        #expect(topics[1]["rss"] as? String == "https://news.example/feeds/topics/syria-north.rss")
        #expect(topics[1]["json"] as? String == "https://news.example/feeds/topics/syria-north.json")
    }
}
