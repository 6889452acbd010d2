/// Entry titles: the headline without its story prefix, cut to about 160
/// characters at a sentence end, or at a word boundary with `…`.
enum EntryTitle {
    /// The length a title aims at.
    static let limit = 160
    /// A sentence may run this far past ``limit`` and still be kept whole.
    static let slack = 20
    /// A cut at a sentence end is taken only past this length.
    static let shortest = 60

    /// The title for `headline`.
    static func make(_ headline: String) -> String {
        guard headline.utf8.count > limit, headline.count > limit else { return headline }
        let characters = Array(headline) + [" "]
        var sentenceEnd: Int?
        var wordEnd: Int?
        for index in 1..<min(characters.count, limit + slack + 1) where characters[index] == " " {
            let previous = characters[index - 1]
            if ".!?".contains(previous), index >= shortest, !isAbbreviation(characters, endingAt: index - 1) {
                sentenceEnd = index
            }
            if previous != " " && index < limit { wordEnd = index }
        }
        if let sentenceEnd { return String(characters[..<sentenceEnd]) }
        let cut = wordEnd ?? (limit - 1)
        var title = String(characters[..<cut])
        while let last = title.last, ",;:-–—".contains(last) { title.removeLast() }
        return title + "…"
    }

    /// Whether the period at `end` closes an abbreviation such as `U.S.` or
    /// an initial (`George W. Bush`) rather than a sentence.
    private static func isAbbreviation(_ characters: [Character], endingAt end: Int) -> Bool {
        guard characters[end] == "." else { return false }
        var start = end
        while start > 0, characters[start - 1] != " " { start -= 1 }
        let word = characters[start..<end]
        if word.contains(".") { return true }
        return word.count == 1 && word.first!.isUppercase
    }
}
