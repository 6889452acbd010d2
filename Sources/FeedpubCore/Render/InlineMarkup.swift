/// Inline HTML formatting that pages carry in their Markdown (`<em>`, `<b>`).
///
/// Feed titles are plain text, and entry content must never carry markup a
/// page wrote, so these tags are dropped and their text kept. Anything else
/// that looks like markup (`<script>`) stays as text and is escaped.
enum InlineMarkup {
    /// The formatting tags that are dropped, opening or closing.
    static let formattingTags: Set<String> = [
        "b", "i", "em", "strong", "u", "s", "small", "sub", "sup", "mark", "span", "br", "del", "ins", "code",
        "q", "cite", "abbr", "font", "tt", "strike", "big",
    ]

    /// `text` without inline formatting tags (`<em>`, `</em>`, `<br/>`; any case,
    /// no attributes).
    static func stripped(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "<")) else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            result += rest[..<open]
            let afterOpen = rest[rest.index(after: open)...]
            if let close = afterOpen.prefix(12).firstIndex(of: ">"), isFormattingTag(afterOpen[..<close]) {
                rest = afterOpen[afterOpen.index(after: close)...]
            } else {
                result += "<"
                rest = afterOpen
            }
        }
        result += rest
        return result
    }

    private static func isFormattingTag(_ inside: Substring) -> Bool {
        var name = inside.trimmed()
        if name.hasPrefix("/") { name = name.dropFirst() }
        if name.hasSuffix("/") { name = name.dropLast() }
        return formattingTags.contains(name.trimmed().lowercased())
    }

    /// `text` with the angle brackets of anything that looks like a tag
    /// (`<` followed by a letter, `/`, `!` or `?`, up to the next `>`) turned
    /// into `‹` and `›`. RSS titles are plain text that many readers render
    /// as HTML, so a literal `</script>` there is a hazard no escaping removes.
    static func neutralized(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "<")) else { return text }
        var result = ""
        var characters = text[...]
        var insideTag = false
        while let character = characters.first {
            characters = characters.dropFirst()
            if character == "<", let next = characters.first, next.isLetter || "/!?".contains(next) {
                result.append("‹")
                insideTag = true
            } else if character == ">" && insideTag {
                result.append("›")
                insideTag = false
            } else {
                result.append(character)
            }
        }
        return result
    }
}
