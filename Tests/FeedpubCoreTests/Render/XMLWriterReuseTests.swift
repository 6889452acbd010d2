@testable import FeedpubCore
import Testing

@Suite("Reusing a libxml2 writer")
struct XMLWriterReuseTests {
    /// Writes an entry-like element: attributes and text outside ASCII
    /// (which libxml2 writes as they are only in a UTF-8 document), text to
    /// escape, and the content's stand-in.
    static func entry(_ number: Int) -> (XMLWriter, EscapedText) throws(LibXMLError) -> Void {
        { xml, content throws(LibXMLError) in
            try xml.startElement("entry")
            try xml.element("title", text: "Zürich & <Genève> \(number)")
            try xml.element("link", ["rel": "related", "href": "https://example.org/\(number)", "title": "Café Ñ"])
            try xml.startElement("content")
            try xml.attribute("type", "html")
            try xml.text(content)
            try xml.endElement()
            try xml.endElement()
        }
    }

    @Test("fragments written one after another with one writer are those a new writer writes")
    func fragments() throws {
        let writer = try XMLWriter()
        for number in 0..<6 {
            let depth = 1 + number % 2
            let reused = try XMLFragment(depth: depth, writer: writer, Self.entry(number))
            let fresh = try XMLFragment(depth: depth, Self.entry(number))
            #expect(reused.head == fresh.head, "fragment \(number)")
            #expect(reused.tail == fresh.tail, "fragment \(number)")
            #expect(String(decoding: fresh.head, as: UTF8.self).contains("title=\"Café Ñ\""))
        }
    }

    @Test("text escaped again and again with one writer is what a new writer gives")
    func escaping() throws {
        let writer = try XMLWriter(indented: false)
        let texts = ["<p>Fish &amp; chips</p>", "plain", "", "déjà vu \u{1} \u{FFFE} end", "<a href=\"x?a=1&b=2\">x</a>"]
        for text in texts + texts.reversed() {
            #expect(try XMLWriter.escape(text, writer: writer) == XMLWriter.escape(text), "\(text)")
        }
        #expect(try XMLWriter.escape("a < b & c", writer: writer).bytes == Array("a &lt; b &amp; c".utf8))
    }
}
