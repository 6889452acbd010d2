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
        let text = headline.trimmed()
        if text.utf8.prefix(140).allSatisfy({ $0 < 0x80 }) { return asciiSite(text.utf8.prefix(140)) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(140)
        var pendingDash = false
        // Lowercasing can lengthen text (İ → i̇), so lowercase a little more than is cut.
        let lowered = String(text.unicodeScalars.prefix(160)).lowercased()
        for scalar in lowered.unicodeScalars.prefix(140) {
            let value = scalar.value
            if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                if pendingDash && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingDash = false
                bytes.append(UInt8(value))
            } else {
                pendingDash = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``site(_:)`` for a headline whose first 140 characters are ASCII.
    private static func asciiSite(_ characters: Substring.UTF8View.SubSequence) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(140)
        var pendingDash = false
        for byte in characters {
            let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                if pendingDash && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingDash = false
                bytes.append(lower)
            } else {
                pendingDash = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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
