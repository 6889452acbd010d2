// libFuzzer target: the whole path, in memory: parse → resolve → render.
//
// Input: several pages in one buffer, separated by the three bytes
// LF, U+001E (record separator), LF: "\n\u{1E}\n". Each piece is parsed as
// page `<n>.md` found outside a corpus (sitePath nil, so its path comes from
// its date and headline); the usable pages are resolved into a corpus with
// the sample configuration's aliases (ISIL, ISIS) and rendered: every feed
// (Atom and RSS) and index.opml.
//
// Fails (traps) when anything crashes, when rendering throws, or when a
// produced document breaks what a published document must be:
// - it parses strictly with libxml2 (xmlReadMemory, no recovery): a document
//   comes back, well-formed and namespace-well-formed, no error recorded;
// - every URL attribute (href, url, xmlUrl, htmlUrl) is absolute http(s);
// - dates are RFC 3339 (updated, published) or RFC 822 (pubDate,
//   lastBuildDate, dateCreated);
// - no element's text holds "<script" (markup a page wrote never reaches a
//   feed as markup; HTML content carries it escaped as "&lt;script").
// These are the checks of Tests/FeedpubCoreTests/Support/FeedDocumentChecks
// and Properties/HostileInputTests, made without the test framework.
//
// Build and run with Fuzz/run.sh; seeds are in Fuzz/Seeds/FuzzPipeline.

import CLibXML2
import FeedpubCore

private let separator: [UInt8] = [0x0A, 0x1E, 0x0A]
/// The most pages one input is cut into; the rest of the input is the last page.
private let maxPages = 64

private let configuration: Configuration = {
    var configuration = Configuration()
    configuration.site.title = "Fuzz site"
    configuration.site.url = "https://news.example/"
    configuration.site.description = "Events"
    configuration.site.authorName = "Desk"
    configuration.aliases = [
        "ISIL": "Islamic State of Iraq and the Levant",
        "ISIS": "Islamic State of Iraq and the Levant",
    ]
    // Small, so that feeds that show only their newest events are common.
    configuration.maxEntries = 10
    return configuration
}()

private let parser = PageParser()

/// `bytes` cut at every `separator`, into at most `maxPages` pieces.
func pieces(_ bytes: UnsafeBufferPointer<UInt8>) -> [[UInt8]] {
    var result: [[UInt8]] = []
    var start = 0
    var index = 0
    while index + separator.count <= bytes.count && result.count < maxPages - 1 {
        if bytes[index] == separator[0] && bytes[index + 1] == separator[1] && bytes[index + 2] == separator[2] {
            result.append(Array(bytes[start..<index]))
            index += separator.count
            start = index
        } else {
            index += 1
        }
    }
    result.append(Array(bytes[start...]))
    return result
}

/// A document to check: its path in the output folder and its bytes.
struct Document {
    let path: String
    let bytes: [UInt8]
}

func fail(_ message: String, _ document: Document? = nil) -> Never {
    if let document {
        let text = String(decoding: document.bytes.prefix(20_000), as: UTF8.self)
        fatalError("\(document.path): \(message)\n--- document (first 20,000 bytes) ---\n\(text)")
    }
    fatalError(message)
}

/// Parses `document` with libxml2 as strictly as it goes (no recovery, no
/// network, errors recorded rather than printed), then checks every element.
func check(_ document: Document) {
    xmlResetLastError()
    guard let context = xmlNewParserCtxt() else { fail("xmlNewParserCtxt failed") }
    defer { xmlFreeParserCtxt(context) }
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    let parsed = document.bytes.withUnsafeBufferPointer { raw in
        raw.withMemoryRebound(to: CChar.self) { chars in
            xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), document.path, nil, options)
        }
    }
    defer { if let parsed { xmlFreeDoc(parsed) } }
    func lastError() -> String {
        guard let error = xmlGetLastError() else { return "no error recorded" }
        let message = error.pointee.message.map { String(cString: $0) } ?? "?"
        return "line \(error.pointee.line), level \(error.pointee.level.rawValue), code \(error.pointee.code): \(message)"
    }
    guard let parsed else { fail("not well-formed XML: \(lastError())", document) }
    guard context.pointee.wellFormed != 0 else { fail("not well-formed XML: \(lastError())", document) }
    guard context.pointee.nsWellFormed != 0 else { fail("not namespace-well-formed: \(lastError())", document) }
    if xmlGetLastError() != nil { fail("libxml2 reported: \(lastError())", document) }
    guard let root = xmlDocGetRootElement(parsed) else { fail("no root element", document) }
    checkElements(root, document)
}

/// The checks every published document must pass (FeedDocumentChecks), on
/// `root` and every element under it.
func checkElements(_ root: xmlNodePtr, _ document: Document) {
    var elements = [root]
    while let element = elements.popLast() {
        let name = String(cString: element.pointee.name)
        var property = element.pointee.properties
        while let attribute = property {
            let key = String(cString: attribute.pointee.name)
            if key == "href" || key == "url" || key == "xmlUrl" || key == "htmlUrl" {
                let url = text(of: attribute.pointee.children)
                if !(url.starts(with: "https://".utf8) || url.starts(with: "http://".utf8)) {
                    fail("\(name) \(key) is not absolute http(s): \(String(decoding: url, as: UTF8.self))", document)
                }
            }
            property = attribute.pointee.next
        }
        var child = element.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { elements.append(current) }
            child = current.pointee.next
        }
        let content = text(of: element.pointee.children)
        if name == "updated" || name == "published", !isRFC3339(content) {
            fail("\(name) is not RFC 3339: \(String(decoding: content, as: UTF8.self))", document)
        }
        if name == "pubDate" || name == "lastBuildDate" || name == "dateCreated", !isRFC822(content) {
            fail("\(name) is not RFC 822: \(String(decoding: content, as: UTF8.self))", document)
        }
        if hasScriptTag(content) {
            fail("\(name) text carries markup: \(String(decoding: content, as: UTF8.self))", document)
        }
    }
}

/// The text and CDATA children of a node, joined, as `XMLNode.text` has it.
func text(of first: xmlNodePtr?) -> [UInt8] {
    var bytes: [UInt8] = []
    var node = first
    while let current = node {
        if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
            var byte = current.pointee.content
        {
            while byte.pointee != 0 {
                bytes.append(byte.pointee)
                byte += 1
            }
        }
        node = current.pointee.next
    }
    return bytes
}

/// Whether `text` holds `<script`, in any case.
func hasScriptTag(_ text: [UInt8]) -> Bool {
    let tag = Array("script".utf8)
    var index = 0
    while let open = text[index...].firstIndex(of: UInt8(ascii: "<")) {
        if open + tag.count < text.count,
            zip(text[(open + 1)...(open + tag.count)], tag).allSatisfy({ $0 | 0x20 == $1 })
        {
            return true
        }
        index = open + 1
    }
    return false
}

/// `2015-11-17T00:00:00Z` or with `±hh:mm`.
func isRFC3339(_ b: [UInt8]) -> Bool {
    func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { b[$0] >= 0x30 && b[$0] <= 0x39 } }
    guard b.count == 20 || b.count == 25 else { return false }
    guard digits(0..<4), b[4] == 0x2D, digits(5..<7), b[7] == 0x2D, digits(8..<10), b[10] == 0x54,
        digits(11..<13), b[13] == 0x3A, digits(14..<16), b[16] == 0x3A, digits(17..<19)
    else { return false }
    if b.count == 20 { return b[19] == 0x5A }
    return (b[19] == 0x2B || b[19] == 0x2D) && digits(20..<22) && b[22] == 0x3A && digits(23..<25)
}

/// `Tue, 17 Nov 2015 00:00:00 +0000`.
func isRFC822(_ bytes: [UInt8]) -> Bool {
    let text = String(decoding: bytes, as: UTF8.self)
    let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    let parts = text.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 6 else { return false }
    func digits(_ part: Substring, _ count: Int) -> Bool {
        part.utf8.count == count && part.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
    let time = parts[4].split(separator: ":", omittingEmptySubsequences: false)
    return parts[0].hasSuffix(",") && days.contains(String(parts[0].dropLast())) && digits(parts[1], 2)
        && months.contains(String(parts[2])) && digits(parts[3], 4)
        && time.count == 3 && time.allSatisfy { digits($0, 2) }
        && (parts[5].hasPrefix("+") || parts[5].hasPrefix("-")) && digits(parts[5].dropFirst(), 4)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let pages = pieces(input).enumerated().compactMap { index, bytes in
        parser.parse(bytes, file: "\(index).md", sitePath: nil).page
    }
    let corpus = EventResolver(aliases: configuration.aliases).resolve(pages).corpus
    let documents: [FeedRenderer.Document]
    do {
        let renderer = try FeedRenderer(corpus: corpus, configuration: configuration)
        documents = try renderer.feeds.flatMap { try renderer.render($0) } + [try renderer.renderIndex()]
    } catch {
        fail("rendering threw: \(error)")
    }
    for document in documents { check(Document(path: document.path, bytes: document.bytes)) }
    return 0
}
