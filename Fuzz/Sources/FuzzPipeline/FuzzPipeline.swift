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
// Documents are told apart by extension: .atom, .rss and .opml are XML;
// .json (JSON Feed, where the renderer writes it) must be strict RFC 8259
// JSON in valid UTF-8 with no lone surrogate, with http(s) URLs, RFC 3339
// dates, no "<script" in content_html (the plain-text members, title,
// summary, tags, carry a page's text as it is), and each item's content_html
// equal to the text of the Atom feed's matching <content>. Other extensions
// are skipped.
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
/// Parses an XML `document` strictly and checks it; returns the text of
/// every `content` element, in document order.
@discardableResult
func check(_ document: Document) -> [[UInt8]] {
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
    return checkElements(root, document)
}

/// The checks every published document must pass (FeedDocumentChecks), on
/// `root` and every element under it.
func checkElements(_ root: xmlNodePtr, _ document: Document) -> [[UInt8]] {
    var contents: [[UInt8]] = []
    var elements = [root]
    while let element = elements.popLast() {
        // The qualified name, as XMLNode has it: `media:content` is not `content`.
        var name = String(cString: element.pointee.name)
        if let prefix = element.pointee.ns?.pointee.prefix { name = String(cString: prefix) + ":" + name }
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
        var children: [xmlNodePtr] = []
        var child = element.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { children.append(current) }
            child = current.pointee.next
        }
        elements += children.reversed()  // depth first, in document order
        let content = text(of: element.pointee.children)
        if name == "content" { contents.append(content) }
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
    return contents
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
    var atomContents: [String: [[UInt8]]] = [:]
    var jsonContents: [String: [[UInt8]]] = [:]
    for rendered in documents {
        let document = Document(path: rendered.path, bytes: rendered.bytes)
        let dot = document.path.lastIndex(of: ".") ?? document.path.endIndex
        let stem = String(document.path[..<dot])
        switch document.path[dot...] {
        case ".atom": atomContents[stem] = check(document)
        case ".rss", ".opml": check(document)
        case ".json": jsonContents[stem] = checkJSONFeed(document)
        default: break
        }
    }
    for (stem, items) in jsonContents where items != atomContents[stem] {
        fail("\(stem): JSON content_html differs from Atom content: \(items.map { String(decoding: $0, as: UTF8.self) }) vs \((atomContents[stem] ?? []).map { String(decoding: $0, as: UTF8.self) })")
    }
    return 0
}

// MARK: JSON Feed

/// A JSON value, objects keeping their members in order.
indirect enum JSON {
    case object([(String, JSON)])
    case array([JSON])
    case string(String)
    case number
    case bool
    case null

    subscript(_ key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

/// A strict RFC 8259 reader: no trailing commas, comments, raw control
/// characters, invalid UTF-8, bad escapes or lone surrogates.
struct JSONReader {
    let bytes: [UInt8]
    var index = 0
    var error: String?

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() -> JSON? {
        guard let value = value() else { return nil }
        skipSpace()
        guard index == bytes.count else { return failed("bytes after the value") }
        return value
    }

    private mutating func failed(_ message: String) -> JSON? {
        if error == nil { error = "offset \(index): \(message)" }
        return nil
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func literal(_ word: String, _ value: JSON) -> JSON? {
        let word = Array(word.utf8)
        guard bytes[index...].starts(with: word) else { return failed("bad literal") }
        index += word.count
        return value
    }

    private mutating func value() -> JSON? {
        skipSpace()
        guard index < bytes.count else { return failed("value expected") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var members: [(String, JSON)] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return failed("key expected") }
                guard let key = string() else { return nil }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return failed("':' expected") }
                index += 1
                guard let member = value() else { return nil }
                if members.contains(where: { $0.0 == key }) { return failed("duplicate key \(key)") }
                members.append((key, member))
                skipSpace()
                guard index < bytes.count else { return failed("unclosed object") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                return failed("',' or '}' expected")
            }
        case UInt8(ascii: "["):
            index += 1
            var elements: [JSON] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
            while true {
                guard let element = value() else { return nil }
                elements.append(element)
                skipSpace()
                guard index < bytes.count else { return failed("unclosed array") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
                return failed("',' or ']' expected")
            }
        case UInt8(ascii: "\""):
            return string().map(JSON.string)
        case UInt8(ascii: "t"): return literal("true", .bool)
        case UInt8(ascii: "f"): return literal("false", .bool)
        case UInt8(ascii: "n"): return literal("null", .null)
        default:
            return number()
        }
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        return index - start
    }

    private mutating func number() -> JSON? {
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let start = index
        let count = digits()
        guard count > 0, count == 1 || bytes[start] != 0x30 else { return failed("bad number") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return failed("bad fraction") }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return failed("bad exponent") }
        }
        return .number
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[index..<(index + 4)] {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            value = value * 16 + UInt32(digit)
        }
        index += 4
        return value
    }

    /// A string starting at the opening quote.
    private mutating func string() -> String? {
        index += 1
        var out: [UInt8] = []
        while true {
            guard index < bytes.count else { _ = failed("unclosed string"); return nil }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { index += 1; break }
            if byte < 0x20 { _ = failed("raw control character \(byte) in a string"); return nil }
            if byte != UInt8(ascii: "\\") {
                out.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { _ = failed("unclosed escape"); return nil }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4() else { _ = failed("bad \\u escape"); return nil }
                if (0xD800...0xDBFF).contains(scalar) {
                    guard bytes[index...].starts(with: Array("\\u".utf8)) else { _ = failed("lone high surrogate"); return nil }
                    index += 2
                    guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else {
                        _ = failed("high surrogate without low"); return nil
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    _ = failed("lone low surrogate"); return nil
                }
                out += Array(String(Unicode.Scalar(scalar)!).utf8)
            default:
                _ = failed("bad escape"); return nil
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else { _ = failed("invalid UTF-8 in a string"); return nil }
        return text
    }
}

/// Checks a JSON Feed document; returns every item's content_html, in order.
func checkJSONFeed(_ document: Document) -> [[UInt8]] {
    var reader = JSONReader(document.bytes)
    guard let feed = reader.document() else { fail("not strict JSON: \(reader.error ?? "?")", document) }
    func url(_ value: JSON?, _ what: String, optional: Bool = false) {
        guard let value else {
            if !optional { fail("\(what) missing", document) }
            return
        }
        guard let text = value.string, text.hasPrefix("https://") || text.hasPrefix("http://") else {
            fail("\(what) is not an absolute http(s) URL: \(value)", document)
        }
    }
    guard feed["version"]?.string == "https://jsonfeed.org/version/1.1" else { fail("bad version", document) }
    guard feed["title"]?.string != nil else { fail("no title", document) }
    url(feed["home_page_url"], "home_page_url")
    url(feed["feed_url"], "feed_url")
    guard case .array(let items)? = feed["items"] else { fail("no items array", document) }
    var contents: [[UInt8]] = []
    for item in items {
        guard item["id"]?.string.map({ !$0.isEmpty }) == true else { fail("item without id", document) }
        url(item["url"], "item url")
        url(item["image"], "item image", optional: true)
        if case .array(let attachments)? = item["attachments"] {
            for attachment in attachments { url(attachment["url"], "attachment url") }
        }
        for key in ["date_published", "date_modified"] {
            if let date = item[key], !(date.string.map { isRFC3339(Array($0.utf8)) } ?? false) {
                fail("\(key) is not RFC 3339: \(date)", document)
            }
        }
        guard let html = item["content_html"]?.string else { fail("item without content_html", document) }
        if hasScriptTag(Array(html.utf8)) { fail("content_html carries markup a page wrote: \(html)", document) }
        contents.append(Array(html.utf8))
    }
    return contents
}
