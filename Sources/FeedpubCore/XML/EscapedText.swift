/// Element text already sanitized and escaped by libxml2 (``XMLWriter/escape(_:)``),
/// ready to be written into any number of documents.
struct EscapedText: Sendable, Equatable {
    /// The escaped UTF-8 bytes.
    let bytes: [UInt8]

    /// Calls `body` with each UTF-8 byte of the text itself: libxml2's
    /// `&amp;`, `&lt;`, `&gt;`, `&quot;` and numeric references read back.
    func forEachTextByte(_ body: (UInt8) -> Void) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&"), let end = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";"))
            else {
                body(byte)
                index += 1
                continue
            }
            if let scalar = Self.character(named: bytes[(index + 1)..<end]) {
                for unit in String(scalar).utf8 { body(unit) }
            } else {
                for unit in bytes[index...end] { body(unit) }
            }
            index = end + 1
        }
    }

    /// The character an XML entity or character reference (without `&` and `;`) stands for.
    private static func character(named bytes: ArraySlice<UInt8>) -> Unicode.Scalar? {
        let name = String(decoding: bytes, as: UTF8.self)
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init)
        }
    }
}
