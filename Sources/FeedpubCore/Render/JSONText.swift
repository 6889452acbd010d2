/// JSON string literals, written byte by byte (RFC 8259).
enum JSONText {
    /// `text` as a JSON string literal, quotes included.
    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        append(quoted: text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal, quotes included.
    static func append(quoted text: some StringProtocol, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        append(content: text, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `text` as the content of a JSON string literal, escaped.
    /// Text with nothing to escape (nearly all of it) is copied whole.
    static func append(content text: some StringProtocol, to bytes: inout [UInt8]) {
        guard text.utf8.contains(where: needsEscaping) else {
            bytes += text.utf8
            return
        }
        for byte in text.utf8 { append(byte, to: &bytes) }
    }

    /// Appends the UTF-8 byte `byte` of a string's content, escaped as JSON needs.
    static func append(_ byte: UInt8, to bytes: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(byte)
        case UInt8(ascii: "\n"):
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"):
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"):
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "t"))
        case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            bytes += "\\u00".utf8
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0xF)])
        default: bytes.append(byte)
        }
    }

    /// Whether `byte` is written escaped in a JSON string.
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20
    }

    /// Appends the content of a JSON string holding the text that `escaped`
    /// holds as XML character data (libxml2's `&amp;`, `&lt;`, `&gt;`,
    /// `&quot;` and numeric references read back), so that one escaped copy
    /// of an entry's content serves the XML feeds and the JSON feed alike.
    ///
    /// Every JSON feed document copies its entries' content this way: runs
    /// of bytes that need nothing are copied whole, and the five named
    /// entities are read without making a string.
    static func appendTranscoding(_ escaped: EscapedText, to bytes: inout [UInt8]) {
        let source = escaped.bytes
        var index = 0
        var run = 0
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "&"),
                let end = (index + 1..<min(source.count, index + 12)).first(where: { source[$0] == UInt8(ascii: ";") })
            {
                bytes += source[run..<index]
                let name = source[(index + 1)..<end]
                if let character = namedCharacter(name) {
                    append(character, to: &bytes)
                } else if let scalar = character(named: String(decoding: name, as: UTF8.self)) {
                    for unit in String(scalar).utf8 { append(unit, to: &bytes) }
                } else {
                    for unit in source[index...end] { append(unit, to: &bytes) }
                }
                index = end + 1
                run = index
            } else if needsEscaping(byte) {
                bytes += source[run..<index]
                append(byte, to: &bytes)
                index += 1
                run = index
            } else {
                index += 1
            }
        }
        bytes += source[run...]
    }

    /// The ASCII character one of the five named XML entities stands for.
    private static func namedCharacter(_ name: ArraySlice<UInt8>) -> UInt8? {
        switch name.count {
        case 2 where name.last == UInt8(ascii: "t"):
            if name.first == UInt8(ascii: "l") { return UInt8(ascii: "<") }
            if name.first == UInt8(ascii: "g") { return UInt8(ascii: ">") }
        case 3 where name.elementsEqual("amp".utf8): return UInt8(ascii: "&")
        case 4 where name.elementsEqual("quot".utf8): return UInt8(ascii: "\"")
        case 4 where name.elementsEqual("apos".utf8): return UInt8(ascii: "'")
        default: break
        }
        return nil
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
