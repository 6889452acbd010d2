@testable import FeedpubCore
import FeedpubCorpus
import Foundation
import Testing

/// Resolving again with what an earlier build resolved gives exactly what
/// resolving from scratch gives, on a generated corpus whose older pages
/// link to the newer ones (so adding a day turns events known only by
/// reference into pages).
@Suite("Resolving only what new pages change")
struct IncrementalResolveTests {
    static let generator = CorpusGenerator(pageCount: 1_500, seed: 11)
    static let aliases = Dictionary(
        generator.topicAliases.map { ($0.alias, $0.canonical) }, uniquingKeysWith: { first, _ in first })

    /// Every usable page of the generated corpus.
    static let pages: [Page] = {
        let parser = PageParser()
        return generator.pages().filter { !$0.isDayIndex }.compactMap { page in
            parser.parse(page.bytes, file: "/site" + page.sitePath, sitePath: page.sitePath).page
        }
    }()

    static let rounds = Int(ProcessInfo.processInfo.environment["FEEDPUB_ROUNDS"] ?? "") ?? 6

    let resolver = EventResolver(aliases: IncrementalResolveTests.aliases)

    /// Expects `corpus` to be `expected`, naming the first event that differs.
    func expectSame(_ corpus: Corpus, _ expected: Corpus, _ comment: Comment) {
        #expect(corpus.events.count == expected.events.count, comment)
        let differing = zip(corpus.events, expected.events).first { $0 != $1 }
        #expect(differing == nil, "\(comment): \(differing.map { "\($0.0.sitePath) \($0.0.topics) vs \($0.1.sitePath) \($0.1.topics)" } ?? "")")
        #expect(corpus.topics == expected.topics, comment)
    }

    /// `state` written to a file and read back, as the next build reads it.
    func roundTrip(_ state: ResolutionState) throws -> ResolutionState {
        try TestFiles.withTemporaryFolder { folder in
            let output = OutputFolder(root: folder)
            try output.write(to: ResolutionState.fileName) { sink throws(OutputFolder.Failure) in
                try state.write(to: &sink)
            }
            return try #require(try ResolutionState.read(output.path(of: ResolutionState.fileName)))
        }
    }

    /// Resolves `pages` without `held`, then with them, reusing the first
    /// result as read back from its file; expects the second to be reused
    /// and to equal a resolve from scratch.
    func expectSame(holdingOut held: Set<String>, reused expected: Bool = true, _ comment: Comment) throws {
        let earlier = resolver.resolve(Self.pages.filter { !held.contains($0.file) }, stamps: nil, reusing: nil)
        let again = resolver.resolve(Self.pages, stamps: nil, reusing: try roundTrip(earlier.state))
        let scratch = resolver.resolve(Self.pages, stamps: nil, reusing: nil)
        #expect((again.relinked != nil) == expected, comment)
        expectSame(again.result.corpus, scratch.result.corpus, comment)
        #expect(again.result.diagnostics == scratch.result.diagnostics, comment)
        // The state the reuse leaves serves the next build as well.
        let next = resolver.resolve(Self.pages, stamps: nil, reusing: try roundTrip(again.state))
        #expect(next.relinked == 0, "nothing new: no entry is linked again")
        expectSame(next.result.corpus, scratch.result.corpus, comment)
    }

    @Test("adding the newest day, which older pages link to")
    func newestDay() throws {
        let newest = try #require(Self.pages.map(\.date).max())
        let day = Set(Self.pages.filter { $0.date == newest }.map(\.file))
        #expect(!day.isEmpty)
        let scratch = resolver.resolve(Self.pages.filter { !day.contains($0.file) })
        let stubs = scratch.corpus.events.filter { $0.isReferenceOnly && $0.date == newest }
        #expect(!stubs.isEmpty, "older pages name some of the day's events before they have pages")
        try expectSame(holdingOut: day, "the newest day")
    }

    @Test("adding pages from anywhere in the corpus, a few at a time")
    func scatteredPages() {
        var random = SplitMix(seed: 2026)
        var reusedRounds = 0
        for round in 0..<Self.rounds {
            let held = Set(Self.pages.map(\.file).shuffled(using: &random).prefix(1 + round % 6 * 5))
            let earlier = resolver.resolve(Self.pages.filter { !held.contains($0.file) }, stamps: nil, reusing: nil)
            let again = resolver.resolve(Self.pages, stamps: nil, reusing: earlier.state)
            let scratch = resolver.resolve(Self.pages, stamps: nil, reusing: nil)
            if again.relinked != nil { reusedRounds += 1 }
            expectSame(again.result.corpus, scratch.result.corpus, "round \(round): \(held.sorted())")
            #expect(again.result.diagnostics == scratch.result.diagnostics, "round \(round)")
        }
        #expect(reusedRounds > 0)
    }

    @Test("nothing changed, or only the text a feed shows")
    func unchanged() {
        let earlier = resolver.resolve(Self.pages, stamps: nil, reusing: nil)
        var edited = Self.pages
        let page = edited[7]
        edited[7] = Page(
            sitePath: page.sitePath, file: page.file, date: page.date, headline: page.headline,
            body: ["A corrected paragraph."], sources: [], cover: nil, related: page.related)
        let again = resolver.resolve(edited, stamps: nil, reusing: earlier.state)
        #expect(again.relinked == 0)
        expectSame(again.result.corpus, resolver.resolve(edited).corpus, "one page's text edited")
    }

    @Test("new pages that tip a topic to another spelling rename it")
    func newSpelling() throws {
        let parser = PageParser()
        func page(_ number: Int, _ spelling: String) throws -> Page {
            let text = PageFixture.page(
                headline: "Event number \(number).",
                related: [PageFixture.related("Old event", "/news/2016/03/1/old-event.md", [spelling])])
            return try #require(parser.parse(Array(text.utf8), file: "/site/\(number).md", sitePath: nil).page)
        }
        let earlier = [try page(1, "Zorbland"), try page(2, "Zorbland"), try page(3, "ZORBLAND")]
        let later = earlier + [try page(4, "ZORBLAND"), try page(5, "ZORBLAND")]
        let first = resolver.resolve(earlier, stamps: nil, reusing: nil)
        #expect(first.result.corpus.topics.map(\.name) == ["Zorbland"])
        let again = resolver.resolve(later, stamps: nil, reusing: first.state)
        #expect(again.relinked != nil)
        #expect(again.result.corpus.topics.map(\.name) == ["ZORBLAND"], "the most used spelling is now the capitals")
        expectSame(again.result.corpus, resolver.resolve(later).corpus, "two more uses of ZORBLAND")
    }

    @Test("a page removed, changed, or named by new topic falls back to resolving everything")
    func fallbacks() throws {
        let earlier = resolver.resolve(Self.pages, stamps: nil, reusing: nil)
        let removed = Array(Self.pages.dropFirst(3))
        let afterRemoval = resolver.resolve(removed, stamps: nil, reusing: earlier.state)
        #expect(afterRemoval.relinked == nil)
        expectSame(afterRemoval.result.corpus, resolver.resolve(removed).corpus, "three pages removed")

        var changed = Self.pages
        let page = try #require(changed.firstIndex { !$0.related.isEmpty })
        let original = changed[page]
        let entry = original.related[0]
        changed[page] = Page(
            sitePath: original.sitePath, file: original.file, date: original.date, headline: original.headline,
            body: original.body, sources: original.sources, cover: original.cover,
            related: [
                RelatedEntry(
                    headline: entry.headline, sitePath: entry.sitePath, date: entry.date,
                    contextList: "A topic no page names", line: entry.line)
            ] + original.related.dropFirst())
        let afterChange = resolver.resolve(changed, stamps: nil, reusing: earlier.state)
        #expect(afterChange.relinked == nil)
        expectSame(afterChange.result.corpus, resolver.resolve(changed).corpus, "a context list changed")
        #expect(afterChange.result.corpus.topics.contains { $0.name == "A topic no page names" })

        let otherAliases = EventResolver(aliases: [:]).resolve(Self.pages, stamps: nil, reusing: earlier.state)
        #expect(otherAliases.relinked == nil)
    }
}

/// A seeded generator, so that the pages a test holds out are the same on every run.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ value >> 30) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ value >> 27) &* 0x94D0_49BB_1331_11EB
        return value ^ value >> 31
    }
}
