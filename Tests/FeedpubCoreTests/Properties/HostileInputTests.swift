import FeedpubCore
import Foundation
import Testing

/// Any bytes in, valid XML out: thousands of generated pages full of hostile
/// text go through the whole pipeline, and every document must parse strictly.
@Suite("Hostile input")
struct HostileInputTests {
    /// A small deterministic generator (SplitMix64): the same pages every run.
    struct Random {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// Pieces of text no page should be able to break a feed with.
    static let hostile: [[UInt8]] = [
        Array("plain words ".utf8), Array("<script>alert(1)</script>".utf8), Array("]]>".utf8), Array("&#0;".utf8),
        Array("&amp; &lt; \" ' ".utf8), Array("\u{202E}RTL\u{200B}zero\u{200D}width".utf8), Array("e\u{301}\u{308}".utf8),
        Array("😀 𝕏 \u{10FFFF}".utf8), Array("Ã©â€™".utf8), [0x00], [0x01, 0x0B, 0x1F, 0x7F], [0xC2, 0x85, 0xC2, 0x9F],
        [0xEF, 0xBF, 0xBE], Array("\t\r".utf8),
        Array(String(repeating: "long ", count: 400).utf8), Array("[a](b) ( ) [ ] _Context: x_".utf8),
        Array("javascript:alert(1)".utf8), Array("data:text/html,<b>x</b>".utf8), Array(" . ".utf8),
    ]

    /// Bytes that are not UTF-8: a page holding any of them is skipped whole.
    static let invalid: [[UInt8]] = [[0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF]]

    static func text(_ random: inout Random, pieces: Int) -> [UInt8] {
        (0..<pieces).flatMap { _ in random.below(60) == 0 ? random.pick(invalid) : random.pick(hostile) }
    }

    /// One page: mostly well-formed structure around hostile text, sometimes broken.
    static func page(_ random: inout Random) -> [UInt8] {
        var bytes: [UInt8] = []
        func line(_ parts: [UInt8]...) { bytes += parts.joined() + [0x0A] }
        let day = 1 + random.below(28)
        let date = Array("2016-0\(1 + random.below(9))-\(day < 10 ? "0" : "")\(day)".utf8)
        if random.below(10) > 0 { line(Array("### [".utf8), date, Array("](/news/x/index.md)".utf8)) }
        line([])
        line(Array("# ".utf8), text(&random, pieces: 1 + random.below(6)))
        for _ in 0..<random.below(3) {
            line([])
            line(text(&random, pieces: 1 + random.below(8)))
        }
        line(Array("### Source:".utf8))
        for number in 0..<random.below(4) {
            let url = random.pick([
                Array("https://ex.example/a?b=1&c=<2>".utf8), Array("http://ex.example/".utf8) + text(&random, pieces: 1),
                Array("javascript:alert(1)".utf8), Array("https://img.example/c.jpg".utf8),
            ])
            let name = random.below(4) == 0 ? Array("Cover Image".utf8) : text(&random, pieces: 1)
            line(Array("\(number + 1). [".utf8), name, Array("](".utf8), url, random.below(8) == 0 ? [] : [0x29])
        }
        line(Array("### Related:".utf8))
        for number in 0..<random.below(5) {
            let path = Array("/news/2016/0\(1 + random.below(9))/\(1 + random.below(28))/".utf8)
                + Array("slug-\(random.below(40)).md".utf8)
            line(
                Array("\(number + 1). [".utf8), text(&random, pieces: 1 + random.below(3)), Array("](".utf8), path,
                Array(") _Context: ".utf8), text(&random, pieces: 1), Array(", ".utf8), text(&random, pieces: 1),
                Array("_".utf8))
        }
        return bytes
    }

    @Test("4,000 generated hostile pages: every feed parses strictly, URLs are http(s), dates are well-formed")
    func anyBytesInValidXMLOut() throws {
        var random = Random(state: 42)
        let parser = PageParser()
        var documents = 0
        for corpusNumber in 0..<20 {
            let pages = (0..<200).compactMap { index in
                parser.parse(Self.page(&random), file: "\(corpusNumber)/\(index).md", sitePath: nil).page
            }
            #expect(pages.count > 100, "most generated pages are usable")
            #expect(pages.count < 200, "and some are not")
            let corpus = EventResolver().resolve(pages).corpus
            let renderer = try FeedRenderer(corpus: corpus, configuration: RenderedCorpus.configuration)
            var rendered = try renderer.feeds.flatMap { try renderer.render($0) }
            rendered += try renderer.renderFolderDocuments()
            for document in rendered {
                documents += 1
                if document.path.hasSuffix(".json") {
                    let json = try JSONSerialization.jsonObject(with: Data(document.bytes)) as? [String: Any]
                    let key = document.path == "topics.json" ? "topics" : "items"
                    #expect(json?[key] is [[String: Any]], "\(document.path) is a JSON Feed or the catalog")
                    continue
                }
                // In a feed, entry text is HTML: markup from a page must be
                // escaped in it. A page's text is read as text (and checked
                // for script elements by expectSound).
                let isPage = document.path.hasSuffix(".html")
                FeedDocumentChecks.expectSound(try XMLNode.parse(document.bytes), path: document.path) { node in
                    #expect(isPage || !node.text.contains("<script>"), "no markup from a page reaches a feed unescaped")
                }
            }
        }
        #expect(documents > 500)
    }
}
