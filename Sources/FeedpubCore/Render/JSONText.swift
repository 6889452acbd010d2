/// JSON string literals, written byte by byte (RFC 8259).
enum JSONText {
    /// `text` as a JSON string literal, quotes included.
    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 { append(byte, to: &bytes) }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 byte `byte` of a string's content, escaped as JSON needs.
    static func append(_ byte: UInt8, to bytes: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
        case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
        case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
        case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
        case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
        case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        default: bytes.append(byte)
        }
    }

    /// Appends the content of a JSON string holding the text that `escaped`
    /// holds as XML character data (libxml2's `&amp;`, `&lt;`, `&gt;`,
    /// `&quot;` and numeric references read back), so that one escaped copy
    /// of an entry's content serves the XML feeds and the JSON feed alike.
    static func appendTranscoding(_ escaped: EscapedText, to bytes: inout [UInt8]) {
        let source = escaped.bytes
        var index = 0
        while index < source.count {
            let byte = source[index]
            guard byte == UInt8(ascii: "&"), let end = source[index...].prefix(12).firstIndex(of: UInt8(ascii: ";"))
            else {
                append(byte, to: &bytes)
                index += 1
                continue
            }
            let name = String(decoding: source[(index + 1)..<end], as: UTF8.self)
            if let scalar = character(named: name) {
                for unit in String(scalar).utf8 { append(unit, to: &bytes) }
            } else {
                for unit in source[index...end] { append(unit, to: &bytes) }
            }
            index = end + 1
        }
    }

    /// The character an XML entity or character reference (without `&` and `;`) stands for.
    private static func character(named name: String) -> Unicode.Scalar? {
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
