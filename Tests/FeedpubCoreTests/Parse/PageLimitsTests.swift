@testable import FeedpubCore
import Foundation
import Testing

@Suite("Limits on what one page can make a build do")
struct PageLimitsTests {
    @Test("a 1 MB headline is cut to limits.headlineCharacters with a warning; its slug is still the site's")
    func longHeadline() throws {
        let headline = "Syria. " + String(repeating: "Very long headline é ", count: 50_000)
        let result = PageParser().parse(Array(PageFixture.page(headline: headline).utf8), file: "long.md", sitePath: nil)
        let page = try #require(result.page)
        #expect(page.headline.unicodeScalars.count <= PageLimits().headlineCharacters)
        #expect(page.headline.hasPrefix("Syria. Very long headline é"))
        #expect(page.sitePath == "/news/2016/03/2/\(Slug.site(headline)).md", "the slug comes from the whole headline")
        #expect(result.diagnostics.map(\.description) == [
            "long.md:3: warning: the headline is \(headline.trimmed().unicodeScalars.count) characters; "
                + "cut to limits.headlineCharacters (2000)"
        ])
    }

    @Test("one character of a million combining marks cannot slip past the headline limit")
    func combiningMarks() throws {
        let headline = "e" + String(repeating: "\u{301}", count: 1_000_000)
        let result = PageParser().parse(Array(PageFixture.page(headline: headline).utf8), file: "marks.md", sitePath: nil)
        #expect(try #require(result.page).headline.unicodeScalars.count == 2_000)
    }

    @Test("a million Related entries: the first limits.relatedEntries are kept, the rest dropped with one warning")
    func manyRelatedEntries() throws {
        let entries = (1...1_000_000).map { number in
            "\(number). [Event \(number)](/news/2016/01/1/event-\(number).md) _Context: Topic \(number % 7)_"
        }
        let text = PageFixture.page(related: entries)
        let result = PageParser().parse(Array(text.utf8), file: "many.md", sitePath: nil)
        let page = try #require(result.page)
        #expect(page.related.count == 1_000)
        #expect(page.related.last?.slug == "event-1000")
        let firstDropped = text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("1001. ") }! + 1
        #expect(result.diagnostics.map(\.description) == [
            "many.md:\(firstDropped): warning: 999000 Related entries beyond limits.relatedEntries (1000) dropped"
        ])
        var limits = PageLimits()
        limits.relatedEntries = 10
        #expect(PageParser(limits: limits).parse(Array(text.utf8), file: "many.md", sitePath: nil).page?.related.count == 10)
    }

    @Test("a 200 MB page is skipped without being read; a page at the limit is read; the rest is published")
    func hugePage() throws {
        try TestFiles.withTemporaryFolder { root in
            try TestFiles.write(PageFixture.page(headline: "Small event."), to: "news/2016/03/2/small.md", under: root)
            let huge = try TestFiles.write(PageFixture.page(headline: "Huge event."), to: "news/2016/03/2/huge.md", under: root)
            // A sparse file: 200 MB long, nearly nothing on disk.
            let handle = try FileHandle(forWritingTo: huge)
            try handle.truncate(atOffset: 200 << 20)
            try handle.close()
            var configuration = Configuration()
            configuration.input = root
            configuration.output = root.appendingPathComponent("out")
            let report = try Publisher(configuration: configuration).build()
            #expect(report.events == 1)
            #expect(report.pagesSkipped == 1)
            #expect(report.diagnostics.map(\.description) == [
                "\(huge.path): error: the page is 209715200 bytes, over limits.pageBytes (16777216); page skipped"
            ])
            configuration.limits.pageBytes = 300 << 20
            configuration.output = root.appendingPathComponent("out2")
            let raised = try Publisher(configuration: configuration).build()
            #expect(raised.pagesSkipped == 0, "raising the limit reads it (NUL bytes are dropped with a warning)")
            #expect(raised.events == 2)
        }
    }

    @Test("a corpus of 200,000 tiny pages is read and published in one build")
    func manyTinyPages() throws {
        try TestFiles.withTemporaryFolder { root in
            let count = 200_000
            for day in 1...28 {
                let folder = root.appendingPathComponent("news/2016/02/\(day)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            for number in 0..<count {
                let day = 1 + number % 28
                let text = "### [2016-02-\(day < 10 ? "0" : "")\(day)](/x)\n\n# Event \(number).\n"
                let path = root.path + "/news/2016/02/\(day)/e\(number).md"
                let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                try #require(descriptor >= 0)
                _ = text.utf8CString.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count - 1) }
                close(descriptor)
            }
            var configuration = Configuration()
            configuration.input = root
            configuration.output = root.appendingPathComponent("out")
            let report = try Publisher(configuration: configuration).build()
            #expect(report.pagesRead == count)
            #expect(report.events == count)
            #expect(report.diagnostics.isEmpty)
            let all = try String(contentsOf: configuration.output.appendingPathComponent("all.atom"), encoding: .utf8)
            #expect(all.components(separatedBy: "<entry>").count - 1 == 50, "the feed holds the newest 50")
        }
    }
}
