import FeedpubCore
import Foundation
import Testing

@Suite("Resolving events and topics")
struct EventResolverTests {
    static let aliases = ["isil": "Islamic State of Iraq and the Levant"]

    func seeds() throws -> [Page] {
        let parser = PageParser()
        return try [TestFiles.seed000, TestFiles.seed001].map { url in
            let path = "/" + url.path.split(separator: "/").suffix(5).joined(separator: "/")
            return try #require(parser.parse(try TestFiles.bytes(url), file: url.lastPathComponent, sitePath: path).page)
        }
    }

    func topicNames(_ event: Event, in corpus: Corpus) -> [String] {
        event.topics.map { corpus.topics[$0].name }
    }

    func event(_ corpus: Corpus, dated date: String, containing text: String) throws -> Event {
        try #require(corpus.events.first { $0.date.description == date && $0.headline.contains(text) })
    }

    @Test("seed 000 gets its topics from seed 001's Related entry 1 despite the other slug")
    func seed000Topics() throws {
        let corpus = EventResolver(aliases: Self.aliases).resolve(try seeds()).corpus
        let seed = try event(corpus, dated: "2015-11-17", containing: "The Russian military launches")
        #expect(!seed.isReferenceOnly)
        #expect(topicNames(seed, in: corpus) == [
            "cruise missile", "Islamic State of Iraq and the Levant", "Russia",
            "Russian military intervention in the Syrian Civil War", "Syria",
        ])
    }

    @Test("seed 001 gets its topics from seed 000's Related entry 2 and from its story prefix")
    func seed001Topics() throws {
        let corpus = EventResolver(aliases: Self.aliases).resolve(try seeds()).corpus
        let seed = try event(corpus, dated: "2015-11-20", containing: "Russian warships launch")
        #expect(!seed.isReferenceOnly)
        #expect(seed.storyless.hasPrefix("Russian warships launch"), "story prefix is a topic, so it is dropped")
        #expect(topicNames(seed, in: corpus) == [
            "cruise missile", "Islamic State of Iraq and the Levant", "Russia",
            "Russian military intervention in the Syrian Civil War", "Syria",
        ])
    }

    @Test("the ISIL alias merges both spellings into one topic; without it they stay two")
    func aliasMerge() throws {
        let merged = EventResolver(aliases: Self.aliases).resolve(try seeds()).corpus
        #expect(merged.topics.map(\.name).filter { $0.contains("ISIL") || $0.contains("Islamic") } == [
            "Islamic State of Iraq and the Levant"
        ])
        let isil = try #require(merged.topics.first { $0.name == "Islamic State of Iraq and the Levant" })
        #expect(isil.events.count == 12, "every event but the S-400 one (seed 001, Related 5) carries it")
        let separate = EventResolver().resolve(try seeds()).corpus
        #expect(separate.topics.contains { $0.name == "ISIL" })
        #expect(separate.topics.count == merged.topics.count + 1)
    }

    @Test("events known only by reference are kept, one per event even when linked under both slugs")
    func referenceOnly() throws {
        let corpus = EventResolver(aliases: Self.aliases).resolve(try seeds()).corpus
        #expect(corpus.events.count == 13)
        #expect(corpus.referenceOnlyCount == 11)
        let putin = corpus.events.filter { $0.date.description == "2015-12-09" }
        #expect(putin.count == 1, "linked without prefix by seed 000 and with it by seed 001")
        let merged = try #require(putin.first)
        #expect(merged.isReferenceOnly)
        #expect(topicNames(merged, in: corpus) == [
            "Islamic State of Iraq and the Levant", "Mediterranean Sea", "Russia",
            "Russian military intervention in the Syrian Civil War", "Syria", "Vladimir Putin",
        ])
    }

    @Test("the identity is the same for both slugs of one event, whichever page comes first")
    func identityAcrossSlugs() throws {
        let corpus = EventResolver(aliases: Self.aliases).resolve(try seeds()).corpus
        let reversed = EventResolver(aliases: Self.aliases).resolve(try seeds().reversed()).corpus
        #expect(corpus.events == reversed.events)
        let ids = corpus.events.map(\.identity)
        #expect(Set(ids).count == ids.count)
        let seed001 = try event(corpus, dated: "2015-11-20", containing: "Russian warships launch")
        let linkWithoutPrefix = try seeds()[0].related[1]
        #expect(seed001.sitePath != linkWithoutPrefix.sitePath)
        #expect(seed001.identity == linkWithoutPrefix.sitePath)
    }

    @Test("a headline prefix that names a topic gives that topic; other prefixes are kept in the title")
    func storyPrefixTopic() throws {
        let parser = PageParser()
        let linking = PageFixture.page(
            date: "2016-03-03", headline: "Links",
            related: [PageFixture.related("Other", "/news/2016/03/1/other.md", ["Civil war"])])
        let prefixed = PageFixture.page(headline: "Civil war. Fighting resumes.")
        let notTopic = PageFixture.page(headline: "Unknown story. Something else.")
        let pages = [linking, prefixed, notTopic].enumerated().map { index, text in
            parser.parse(Array(text.utf8), file: "\(index).md", sitePath: nil).page!
        }
        let corpus = EventResolver().resolve(pages).corpus
        let fighting = try event(corpus, dated: "2016-03-02", containing: "Fighting")
        #expect(topicNames(fighting, in: corpus) == ["Civil war"])
        #expect(fighting.storyless == "Fighting resumes.")
        let unknown = try event(corpus, dated: "2016-03-02", containing: "Unknown")
        #expect(unknown.topics.isEmpty)
        #expect(unknown.storyless == "Unknown story. Something else.")
    }

    @Test("topic names compare with whitespace folded, NFC and without case; the most used spelling wins")
    func topicNameFolding() throws {
        let parser = PageParser()
        let related = [
            PageFixture.related("A", "/news/2016/01/1/a.md", ["Cruise  missile", "Zu\u{0308}rich"], number: 1),
            PageFixture.related("B", "/news/2016/01/2/b.md", ["cruise missile", "Zürich"], number: 2),
            PageFixture.related("C", "/news/2016/01/3/c.md", ["cruise missile", "ZÜRICH"], number: 3),
        ]
        let page = parser.parse(Array(PageFixture.page(related: related).utf8), file: "p.md", sitePath: nil).page!
        let corpus = EventResolver().resolve([page]).corpus
        #expect(corpus.topics.map(\.name) == ["cruise missile", "Zürich"])
        #expect(corpus.topics.map(\.slug) == ["cruise-missile", "zurich"])
        #expect(corpus.topics.map(\.events.count) == [3, 3])
    }

    @Test("two files of one event (both slugs on disk) become one event with a warning")
    func duplicatePages() throws {
        let parser = PageParser()
        let withPrefix = parser.parse(
            Array(PageFixture.page(headline: "Story. The event.").utf8), file: "a.md",
            sitePath: "/news/2016/03/2/story-the-event.md"
        ).page!
        let without = parser.parse(
            Array(PageFixture.page(headline: "The event.").utf8), file: "b.md",
            sitePath: "/news/2016/03/2/the-event.md"
        ).page!
        let linking = parser.parse(
            Array(PageFixture.page(date: "2016-03-05", headline: "Linker", related: [
                PageFixture.related("Story. The event.", "/news/2016/03/2/story-the-event.md", ["Story"])
            ]).utf8), file: "c.md", sitePath: nil
        ).page!
        let result = EventResolver().resolve([withPrefix, without, linking])
        #expect(result.corpus.events.count == 2)
        #expect(result.diagnostics.map(\.description) == ["b.md: warning: same event as a.md; merged into it"])
        let event = try #require(result.corpus.events.first { $0.date.description == "2016-03-02" })
        #expect(event.storyless == "The event.")
        #expect(topicNames(event, in: result.corpus) == ["Story"])
    }
}
