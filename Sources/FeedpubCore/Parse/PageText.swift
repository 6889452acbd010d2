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
        var previousSpace = true
        let needsFolding = text.utf8.contains { byte in
            let isSpace = byte == 0x20
            defer { previousSpace = isSpace }
            return byte < 0x20 || byte >= 0x80 || (isSpace && previousSpace)
        }
        guard needsFolding || text.utf8.last == 0x20 else { return text }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
