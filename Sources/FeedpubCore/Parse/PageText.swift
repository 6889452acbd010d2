/// Turns raw text from a page into text fit to publish.
enum PageText {
    /// `raw` with mojibake repaired, tabs as spaces, characters XML 1.0
    /// forbids removed (counted in `removed`), and outer whitespace trimmed.
    static func clean(_ raw: Substring, removed: inout Int) -> String {
        var text = Mojibake.repair(String(raw.trimmed()))
        if XMLText.mayNeedCleaning(text) {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if scalar == "\t" {
                    scalars.append(" ")
                } else if XMLText.isAllowed(scalar) && scalar != "\n" && scalar != "\r" {
                    scalars.append(scalar)
                } else {
                    removed += 1
                }
            }
            text = String(scalars)
        }
        let trimmed = text.trimmed()
        return trimmed.utf8.count == text.utf8.count ? text : String(trimmed)
    }

    /// Text with every run of whitespace folded into one space and trimmed.
    static func foldingWhitespace(_ text: String) -> String {
        guard mayNeedFolding(text) else { return text }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A look at the bytes for anything folding could change: control
    /// characters, a space at either end or after another, and the lead bytes
    /// of the non-ASCII spaces (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000).
    private static func mayNeedFolding(_ text: String) -> Bool {
        let bytes = text.utf8.span
        guard bytes.count > 0 else { return false }
        if bytes[0] == 0x20 || bytes[bytes.count - 1] == 0x20 { return true }
        var previous: UInt8 = 0
        for index in bytes.indices {
            let byte = bytes[index]
            if byte < 0x20 || (byte == 0x20 && previous == 0x20) { return true }
            if previous == 0xC2 && (byte == 0x85 || byte == 0xA0) { return true }
            if (previous == 0xE1 && byte == 0x9A) || (previous == 0xE2 && (byte == 0x80 || byte == 0x81))
                || (previous == 0xE3 && byte == 0x80)
            {
                return true
            }
            previous = byte
        }
        return false
    }
}
