import FeedpubCore
import Foundation
import Testing

@Suite("Reading pages")
struct PageParserTests {
    let parser = PageParser()

    func parse(_ text: String, file: String = "page.md") -> PageParser.Result {
        parser.parse(Array(text.utf8), file: file, sitePath: nil)
    }

    @Test("seed 000 is read field by field")
    func seed000() throws {
        let result = parser.parse(try TestFiles.bytes(TestFiles.seed000), file: "000.md", sitePath: "/news/x.md")
        let page = try #require(result.page)
        #expect(result.diagnostics.isEmpty)
        #expect(page.sitePath == "/news/x.md")
        #expect(page.date == EventDate(year: 2015, month: 11, day: 17))
        #expect(page.headline.hasPrefix("The Russian military launches cruise missile strikes from the Mediterranean"))
        #expect(page.headline.hasSuffix("over Egypt's Sinai Peninsula."), "trailing space trimmed")
        #expect(page.body.count == 1)
        #expect(page.body[0].contains("France’s Le Monde newspaper said"), "mojibake â€™ repaired")
        #expect(page.sources == [
            SourceLink(name: "RT", url: "https://www.rt.com/news/322413-russia-missiles-raqqa-mediterranean/"),
            SourceLink(
                name: "The Independent",
                url: "http://www.independent.co.uk/news/world/middle-east/russia-launches-cruise-missiles-at-isis-stronghold-of-raqqa-in-syria-a6737631.html"
            ),
        ])
        #expect(page.cover == CoverImage(url: "https://img.rt.com/files/2015.11/article/564b1a16c4618807148b45bd.jpg"))
        #expect(page.cover?.mimeType == "image/jpeg")
        #expect(page.related.count == 5)
        let first = page.related[0]
        #expect(first.date == EventDate(year: 2015, month: 12, day: 9))
        #expect(first.headline.hasPrefix("Russian President Vladimir Putin says he hopes nuclear warheads"))
        #expect(first.headline.hasSuffix("in the Mediterranean."))
        #expect(first.contexts == [
            "ISIL", "Mediterranean Sea", "Russia", "Russian military intervention in the Syrian Civil War", "Syria",
            "Vladimir Putin",
        ])
        #expect(first.line == 16)
        let fifth = page.related[4]
        #expect(fifth.headline.hasPrefix("A U.S. airstrike in Al-Raqqah"), "leading space in link text trimmed")
        #expect(fifth.contexts == ["Al-Raqqah", "ISIL", "Syria", "United States"])
    }

    @Test("seed 001 is read field by field")
    func seed001() throws {
        let result = parser.parse(try TestFiles.bytes(TestFiles.seed001), file: "001.md", sitePath: nil)
        let page = try #require(result.page)
        #expect(result.diagnostics.isEmpty)
        #expect(page.date == EventDate(year: 2015, month: 11, day: 20))
        #expect(page.headline.hasPrefix("Russian military intervention in the Syrian Civil War. Russian warships"))
        #expect(page.body == [
            "The Russian military has launched cruise missiles against Islamic State positions in Syria from both the Mediterranean and Caspian seas, one of which killed over 600 terrorists in the Deir Ex-Zor Province, Russian Defense Minister Sergey Shoigu has said."
        ])
        #expect(page.sources.map(\.name) == ["RT", "Sky News"])
        #expect(page.cover == nil)
        #expect(page.related.count == 10)
        #expect(page.related.map(\.date.description) == [
            "2015-11-17", "2015-12-09", "2015-12-04", "2015-11-26", "2015-11-25", "2017-07-11", "2017-06-20",
            "2017-06-16", "2017-01-30", "2016-12-29",
        ])
        #expect(page.related[0].contexts.first == "Islamic State of Iraq and the Levant")
        #expect(TestFiles.seed001.path.hasSuffix(String(page.sitePath.dropFirst())), "derived site path is the corpus path")
    }

    @Test("CRLF line ends and a byte-order mark change nothing")
    func crlfAndBOM() throws {
        let plain = try TestFiles.bytes(TestFiles.seed000)
        var odd: [UInt8] = [0xEF, 0xBB, 0xBF]
        for byte in plain {
            if byte == UInt8(ascii: "\n") { odd.append(UInt8(ascii: "\r")) }
            odd.append(byte)
        }
        let expected = parser.parse(plain, file: "a", sitePath: "/p.md").page
        let actual = parser.parse(odd, file: "a", sitePath: "/p.md").page
        #expect(actual != nil)
        #expect(actual == expected)
    }

    @Test("missing sections give an empty body, no sources and no related entries")
    func missingSections() throws {
        let page = try #require(parse("### [2016-03-02](/x)\n\n# Only a headline\n").page)
        #expect(page.headline == "Only a headline")
        #expect(page.body.isEmpty && page.sources.isEmpty && page.related.isEmpty && page.cover == nil)
        #expect(page.sitePath == "/news/2016/03/2/only-a-headline.md")
    }

    @Test("list numbers are not trusted: repeated and skipped numbers all count")
    func listNumbers() throws {
        let text = PageFixture.page(sources: [
            "1. [A](https://a.example/)", "1. [B](https://b.example/)", "7. [C](https://c.example/)",
            "2. [Cover Image](https://c.example/i.png)",
        ])
        let page = try #require(parse(text).page)
        #expect(page.sources.map(\.name) == ["A", "B", "C"])
        #expect(page.cover?.mimeType == "image/png")
    }

    @Test(
        "an unusable page is skipped with path:line and the reason",
        arguments: [
            ("\n# Headline but no date\n", 2, "no date line"),
            ("### [2015-02-30](/x)\n\n# Feb 30\n", 1, "'2015-02-30' is not a date"),
            ("### [2015-13-01](/x)\n\n# Month 13\n", 1, "'2015-13-01' is not a date"),
            ("### [not-a-date](/x)\n\n# Words\n", 1, "'not-a-date' is not a date"),
            ("### [2015-01-01](/x)\n\nno headline here\n\n### Source:\n", 5, "no headline"),
            ("### [2015-01-01](/x)\n\n#    \n", nil, "no headline"),
        ] as [(String, Int?, String)])
    func unusable(text: String, line: Int?, message: String) {
        let result = parse(text, file: "news/bad.md")
        #expect(result.page == nil)
        let diagnostic = result.diagnostics.first
        #expect(diagnostic?.severity == .error)
        #expect(diagnostic?.line == line)
        #expect(diagnostic?.description.hasPrefix("news/bad.md\(line.map { ":\($0)" } ?? ""): error: \(message)") == true)
    }

    @Test("bytes that are not UTF-8 skip the page naming the line")
    func notUTF8() {
        var bytes = Array(PageFixture.page(body: ["Caf"]).utf8)
        let line = bytes.firstIndex(of: UInt8(ascii: "C"))!
        bytes.insert(0xE9, at: line + 3)
        let result = parser.parse(bytes, file: "latin1.md", sitePath: nil)
        #expect(result.page == nil)
        #expect(result.diagnostics.map(\.description) == ["latin1.md:5: error: bytes are not valid UTF-8; page skipped"])
    }

    @Test("a damaged or unsafe link is dropped with a warning and the rest is kept")
    func badLinks() throws {
        let text = PageFixture.page(sources: [
            "1. [Good](https://good.example/a)",
            "2. [Open](https://open.example/a",
            "3. [Script](javascript:alert(1))",
            "4. [Data](data:text/html,hi)",
            "5. [File](file:///etc/passwd)",
            "6. plain text",
            "7. [Also good](http://also.example/b c)",
        ])
        let result = parse(text)
        let page = try #require(result.page)
        #expect(page.sources == [
            SourceLink(name: "Good", url: "https://good.example/a"),
            SourceLink(name: "Also good", url: "http://also.example/b%20c"),
        ])
        #expect(result.diagnostics.map(\.description) == [
            "page.md:10: warning: link has no closing parenthesis; link dropped",
            "page.md:11: warning: 'javascript:alert(1)' is not an absolute http(s) URL; link dropped",
            "page.md:12: warning: 'data:text/html,hi' is not an absolute http(s) URL; link dropped",
            "page.md:13: warning: 'file:///etc/passwd' is not an absolute http(s) URL; link dropped",
            "page.md:14: warning: list item is not a [text](url) link; item dropped",
        ])
    }

    @Test("characters XML 1.0 forbids are removed with a warning")
    func controlCharacters() throws {
        let result = parse(PageFixture.page(headline: "Bell\u{07} and\u{0B} escape\u{1B}", body: ["C1\u{85} text"]))
        let page = try #require(result.page)
        #expect(page.headline == "Bell and escape")
        #expect(page.body == ["C1 text"])
        #expect(result.diagnostics.map(\.description) == [
            "page.md:3: warning: 3 control characters that XML 1.0 forbids removed",
            "page.md:5: warning: 1 control character that XML 1.0 forbids removed",
        ])
    }

    @Test("a Related entry needs a dated event path; its context is split and folded")
    func relatedEntries() throws {
        let text = PageFixture.page(related: [
            "1. [ Somewhere else ](/news/2014/01/5/somewhere-else.md) _Context: Syria,  Civil   war , _",
            "2. [No path](https://elsewhere.example/) _Context: X_",
            "3. [Padded day](/news/2014/01/05/padded-day.md)",
        ])
        let result = parse(text)
        let page = try #require(result.page)
        #expect(page.related.count == 2)
        #expect(page.related[0].headline == "Somewhere else")
        #expect(page.related[0].slug == "somewhere-else")
        #expect(page.related[0].contexts == ["Syria", "Civil war"])
        #expect(page.related[1].contexts.isEmpty)
        #expect(page.related[1].date == EventDate(year: 2014, month: 1, day: 5))
        #expect(result.diagnostics.map(\.reason) == [.unusableRelatedPath("https://elsewhere.example/")])
    }
}
