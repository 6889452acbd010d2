/// Checks and normalises the URLs that pages cite before they reach a feed.
enum WebURL {
    /// `raw` as an absolute http(s) URL with every character that may not
    /// stand in a URL percent-encoded, or nil when it is anything else
    /// (`javascript:`, `data:`, `file:`, relative, no host, non-ASCII host).
    static func normalized(_ raw: String) -> String? {
        var text = raw.trimmed()
        if text.hasPrefix("<") && text.hasSuffix(">") { text = text.dropFirst().dropLast() }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = text[text.index(after: colon)...]
        guard rest.hasPrefix("//") else { return nil }
        let authorityAndPath = rest.dropFirst(2)
        let hostEnd = authorityAndPath.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? authorityAndPath.endIndex
        let authority = authorityAndPath[..<hostEnd]
        guard !authority.isEmpty, authority.utf8.allSatisfy(isAuthorityByte) else { return nil }
        var output = scheme + "://" + authority.lowercased()
        let tail = Array(authorityAndPath[hostEnd...].utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(tail.count)
        for (index, byte) in tail.enumerated() {
            if byte == UInt8(ascii: "%"), isHex(tail, index + 1), isHex(tail, index + 2) {
                bytes.append(byte)
            } else if isPlainURLByte(byte) {
                bytes.append(byte)
            } else {
                bytes.append(contentsOf: percentEncoded(byte))
            }
        }
        output += String(decoding: bytes, as: UTF8.self)
        return output
    }

    /// Characters a host and port may hold (user names are not accepted).
    private static func isAuthorityByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || ".-:[]_".utf8.contains(byte)
    }

    /// Characters RFC 3986 allows unencoded in a path, query or fragment.
    private static func isPlainURLByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || "-._~:/?#@!$&'()*+,;=".utf8.contains(byte)
    }

    /// Whether `byte` is an ASCII letter or digit.
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isHex(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index] | 0x20
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
            || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    /// `%XX`, `byte` in upper-case hexadecimal.
    static func percentEncoded(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        return [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}
