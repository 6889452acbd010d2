import Foundation

/// The slugs feedpub derives from text.
public enum Slug {
    /// The site's slug of a headline: the first 140 characters of the
    /// trimmed, lowercased headline, every run of characters other than
    /// `a-z0-9` turned into one `-`, stripped of `-` at both ends.
    ///
    /// FORMAT.md words this as "cut to 139 characters" after slugging; the
    /// real pages cut the text before slugging (seed 000 links
    /// `…according-to-the-rus.md` for "…according to the Russian Defence…"),
    /// and the real pages are what links have to match.
    public static func site(_ headline: String) -> String {
        // One pass over the UTF-8 bytes. Of all non-ASCII characters only two
        // lowercase to ASCII letters: İ (to i and a combining dot, which takes
        // one more of the 140 places) and the Kelvin sign (to k). Every other
        // one is a separator, so no Unicode lowercasing is needed.
        let text = headline.trimmed()
        let bytes = text.utf8.span
        var out: [UInt8] = []
        out.reserveCapacity(140)
        var pendingDash = false
        var position = 0
        var index = 0
        while index < bytes.count && position < 140 {
            let byte = bytes[index]
            var letter: UInt8?
            var places = 1
            var length = 1
            if byte < 0x80 {
                let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) { letter = lower }
            } else {
                length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                if byte == 0xC4, index + 1 < bytes.count, bytes[index + 1] == 0xB0 {
                    letter = UInt8(ascii: "i")
                    places = 2
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x84, bytes[index + 2] == 0xAA {
                    letter = UInt8(ascii: "k")
                }
            }
            if let letter {
                if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingDash = false
                out.append(letter)
            } else {
                pendingDash = true
            }
            if places == 2 { pendingDash = true }
            position += places
            index += length
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A readable ASCII slug for a file name: accents dropped (`Burkinabé` →
    /// `burkinabe`), a few letters spelled out (`ß` → `ss`), every other run
    /// turned into `-`, at most `maxLength` characters. Empty when nothing
    /// Latin remains.
    public static func ascii(_ text: String, maxLength: Int = 80) -> String {
        var bytes: [UInt8] = []
        var pendingDash = false
        func append(_ letters: String) {
            for byte in letters.utf8 where bytes.count < maxLength {
                if pendingDash && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingDash = false
                if bytes.count < maxLength { bytes.append(byte) }
            }
        }
        for scalar in text.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            let value = scalar.value
            if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                append(String(scalar))
            } else if scalar == "&" {
                pendingDash = true
                append("and")
                pendingDash = true
            } else if let spelled = spelledOut[scalar] {
                append(spelled)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else {
                pendingDash = true
            }
        }
        while bytes.last == UInt8(ascii: "-") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let spelledOut: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i", "ħ": "h",
    ]
}
