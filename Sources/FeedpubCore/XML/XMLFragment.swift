/// An element serialized once, as it appears at a given depth of an indented
/// document, to be copied into many documents: the bytes before and after
/// its content, which is kept apart (``EscapedText``) so that the Atom and
/// the RSS form of an entry share it.
struct XMLFragment: Sendable {
    /// The bytes up to the content.
    let head: [UInt8]
    /// The bytes after the content.
    let tail: [UInt8]

    /// What `write` writes at `depth` (the number of enclosing elements),
    /// given a stand-in for the content that it writes where the content goes.
    /// `writer`, when given, is an indenting writer with no document open,
    /// used instead of a new one.
    init(
        depth: Int, writer: XMLWriter? = nil, _ write: (XMLWriter, EscapedText) throws(LibXMLError) -> Void
    ) throws(LibXMLError) {
        let xml = try XMLWriter.reusing(writer, indented: true)
        // A UTF-8 document, as the feeds are: without one, libxml2 writes
        // characters outside ASCII in attributes as character references.
        try xml.startDocument()
        for _ in 0..<depth { try xml.startElement("x") }
        try write(xml, EscapedText(bytes: [0]))
        for _ in 0..<depth { try xml.endElement() }
        let bytes = try xml.finish()
        // Drop the XML declaration and the stand-in ancestors' lines.
        let lines = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
        let body = bytes[(lines[depth] + 1)...lines[lines.count - depth - 1]]
        let marker = body.firstIndex(of: 0)!
        head = Array(body[..<marker])
        tail = Array(body[(marker + 1)...])
    }

    /// `document` with each fragment and its content inserted before the last
    /// `depth` lines, the closing tags of the elements the fragments belong in.
    static func insert(_ parts: [(fragment: XMLFragment, content: EscapedText)], into document: [UInt8], depth: Int)
        -> [UInt8]
    {
        guard !parts.isEmpty else { return document }
        var newlines = 0
        var split = document.endIndex
        while newlines <= depth, split > document.startIndex {
            split -= 1
            if document[split] == UInt8(ascii: "\n") { newlines += 1 }
        }
        split += 1
        var size = document.count
        for part in parts { size += part.fragment.head.count + part.content.bytes.count + part.fragment.tail.count }
        var result: [UInt8] = []
        result.reserveCapacity(size)
        result += document[..<split]
        for part in parts {
            result += part.fragment.head
            result += part.content.bytes
            result += part.fragment.tail
        }
        result += document[split...]
        return result
    }
}
