import CLibXML2

/// Writes one XML document into memory with libxml2's `xmlTextWriter`.
///
/// Text and attribute values are stripped of characters XML 1.0 forbids and
/// escaped by libxml2. Element and attribute names are written as given, so a
/// prefixed name such as `media:content` works once its `xmlns:` attribute is
/// written on an ancestor.
final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    /// A writer with an empty buffer, indenting by two spaces unless `indented` is false.
    init(indented: Bool = true) throws(LibXMLError) {
        LibXML.initialize()
        let buffer = try LibXML.check(xmlBufferCreate(), "xmlBufferCreate")
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw LibXMLError(call: "xmlNewTextWriterMemory", detail: LibXML.lastErrorMessage())
        }
        self.buffer = buffer
        self.writer = writer
        try LibXML.check(xmlTextWriterSetIndent(writer, indented ? 1 : 0), "xmlTextWriterSetIndent")
        try LibXML.check(xmlTextWriterSetIndentString(writer, "  "), "xmlTextWriterSetIndentString")
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// Writes the XML declaration (version 1.0, UTF-8).
    func startDocument() throws(LibXMLError) {
        try LibXML.check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "xmlTextWriterStartDocument")
    }

    /// Writes the processing instruction `<?target content?>`.
    func processingInstruction(_ target: String, _ content: String) throws(LibXMLError) {
        try LibXML.check(xmlTextWriterWritePI(writer, target, XMLText.sanitized(content)), "xmlTextWriterWritePI")
    }

    /// Opens element `name`.
    func startElement(_ name: String) throws(LibXMLError) {
        try LibXML.check(xmlTextWriterStartElement(writer, name), "xmlTextWriterStartElement")
    }

    /// Writes attribute `name="value"` on the element just opened.
    func attribute(_ name: String, _ value: String) throws(LibXMLError) {
        try LibXML.check(
            xmlTextWriterWriteAttribute(writer, name, XMLText.sanitized(value)), "xmlTextWriterWriteAttribute")
    }

    /// Writes `text` as escaped character data.
    func text(_ text: String) throws(LibXMLError) {
        try LibXML.check(xmlTextWriterWriteString(writer, XMLText.sanitized(text)), "xmlTextWriterWriteString")
    }

    /// Writes `text` as character data with `&`, `<` and `>` as hexadecimal
    /// character references (`&#x26;`), the form the RSS Best Practices
    /// Profile asks of plain-text elements, so that no reader or validator
    /// takes them for HTML. The value read back is `text` itself.
    func plainText(_ text: String) throws(LibXMLError) {
        let clean = XMLText.sanitized(text)
        guard clean.containsByte(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else {
            try self.text(clean)
            return
        }
        var escaped = ""
        escaped.reserveCapacity(clean.utf8.count + 16)
        for character in clean.unicodeScalars {
            switch character {
            case "&": escaped += "&#x26;"
            case "<": escaped += "&#x3C;"
            case ">": escaped += "&#x3E;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        try LibXML.check(xmlTextWriterWriteRaw(writer, escaped), "xmlTextWriterWriteRaw")
    }

    /// Writes text that ``escape(_:)`` prepared.
    func text(_ escaped: EscapedText) throws(LibXMLError) {
        let written = escaped.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: xmlChar.self) { characters in
                xmlTextWriterWriteRawLen(writer, characters.baseAddress, Int32(characters.count))
            }
        }
        try LibXML.check(written, "xmlTextWriterWriteRawLen")
    }

    /// `text` sanitized and escaped by libxml2 once, for text that goes into
    /// many documents (an entry's content is in the feeds of all its topics).
    /// `writer`, when given, is a writer made with `indented: false` that
    /// has no document open, used instead of a new one.
    static func escape(_ text: String, writer given: XMLWriter? = nil) throws(LibXMLError) -> EscapedText {
        let writer = try reusing(given, indented: false)
        try writer.startElement("x")
        try writer.text(text)
        try writer.endElement()
        var bytes = try writer.finish()[...]
        while bytes.last == UInt8(ascii: "\n") { bytes = bytes.dropLast() }
        // What is left is exactly <x>escaped</x>.
        return EscapedText(bytes: Array(bytes.dropFirst(3).dropLast(4)))
    }

    /// Closes the innermost open element.
    func endElement() throws(LibXMLError) {
        try LibXML.check(xmlTextWriterEndElement(writer), "xmlTextWriterEndElement")
    }

    /// Writes `<name attributes…>text</name>`; with no text, an empty element.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil)
        throws(LibXMLError)
    {
        try startElement(name)
        for (key, value) in attributes { try attribute(key, value) }
        if let text { try self.text(text) }
        try endElement()
    }

    /// `writer`, which ``finish()`` returned a document from, with its
    /// buffer emptied for another; a new writer (see ``init(indented:)``)
    /// when there is none to reuse.
    static func reusing(_ writer: XMLWriter?, indented: Bool) throws(LibXMLError) -> XMLWriter {
        guard let writer else { return try XMLWriter(indented: indented) }
        xmlBufferEmpty(writer.buffer)
        return writer
    }

    /// Closes every open element and returns the finished document's bytes.
    func finish() throws(LibXMLError) -> [UInt8] {
        try LibXML.check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument")
        try LibXML.check(xmlTextWriterFlush(writer), "xmlTextWriterFlush")
        let length = Int(xmlBufferLength(buffer))
        let content = try LibXML.check(xmlBufferContent(buffer), "xmlBufferContent")
        return content.withMemoryRebound(to: UInt8.self, capacity: length) { start in
            Array(UnsafeBufferPointer(start: start, count: length))
        }
    }
}
